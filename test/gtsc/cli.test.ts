// The CLI's guest TypeScript options (run as a real process): -O0 / -O2 and --target.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { rvn, tempDir, writeTemp } from '../cli/rvn';

const PROGRAM = [
  "import { printU, putchar } from '../../src/gtsc/runtime/rt';",
  "import { u64 } from '../../src/gtsc/guest';",
  'function sq(x: u64): u64 { return x * x; }',
  'export function main(): u64 { let s: u64 = 0; for (let i: u64 = 0; i < 10; i++) s += sq(i); printU(s); putchar(10); return 0; }',
].join('\n');

describe('rvn build/run -O and --target', () => {
  test('-O0 keeps the call that -O2 (here for --target ideal) inlines', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'p.ts', PROGRAM);
    expect(rvn(['build', src, '-S', '-O0', '-o', `${dir}/o0.s`]).status).toBe(0);
    expect(rvn(['build', src, '-S', '--target', 'ideal', '-o', `${dir}/o2.s`]).status).toBe(0);
    expect(readFileSync(`${dir}/o0.s`, 'utf8')).toContain('call sq');
    expect(readFileSync(`${dir}/o2.s`, 'utf8')).not.toContain('call sq');
  });

  test('rvn run -O0 builds and runs', () => {
    const r = rvn(['run', writeTemp(tempDir(), 'p.ts', PROGRAM), '-O0']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('285\n');
    expect(r.status).toBe(0);
  });

  test('a bad level or target is a one-line error', () => {
    const r = rvn(['run', 'x.ts', '-O3']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/-O, --opt-level.*'3' is invalid/);
    const dir = tempDir();
    const bad = rvn(['build', writeTemp(dir, 'p.ts', PROGRAM), '--target', 'nonesuch', '-o', `${dir}/q.elf`]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });
});
