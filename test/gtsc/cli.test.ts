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
  test('-O0 builds run; -O0 keeps the call that -O2 inlines', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'p.ts', PROGRAM);
    const r = rvn(['run', src, '-O0']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('285\n');
    expect(r.status).toBe(0);
    const o2 = rvn(['build', src, '-S', '-o', `${dir}/o2.s`]);
    const o0 = rvn(['build', src, '-S', '-O0', '-o', `${dir}/o0.s`]);
    expect(o2.status).toBe(0);
    expect(o0.status).toBe(0);
    const text = (f: string): string => readFileSync(f, 'utf8');
    expect(text(`${dir}/o0.s`)).toContain('call sq');
    expect(text(`${dir}/o2.s`)).not.toContain('call sq');
  });

  test('--target ideal builds code that runs the same', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'p.ts', PROGRAM);
    expect(rvn(['build', src, '--target', 'ideal', '-o', `${dir}/p.elf`]).status).toBe(0);
    expect(rvn(['run', `${dir}/p.elf`]).stdout).toBe('285\n');
    const bad = rvn(['build', src, '--target', 'nonesuch', '-o', `${dir}/q.elf`]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('an optimisation level other than 0 or 2 is a one-line usage error', () => {
    const r = rvn(['run', 'x.ts', '-O3']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/-O, --opt-level.*'3' is invalid/);
  });
});
