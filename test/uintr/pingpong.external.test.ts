// examples/uintr-pingpong built by the GNU toolchain (riscv64-unknown-elf-as/ld) and run on
// rvn: the example is plain GNU assembly, and the GNU-built ELF behaves like the rvn-built one.
// Fails if the tools are missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/machine/machine';
import { PINGPONG_SOURCE } from './pingpong-run';

function gnu(tool: string, args: string[]): void {
  const r = spawnSync(tool, args, { encoding: 'utf8' });
  if (r.error !== undefined) throw new Error(`${tool} is missing: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${tool} failed: ${r.stderr}`);
}

describe('uintr-pingpong built with GNU as/ld', () => {
  it('does 100 round trips on rvn', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvn-uintr-'));
    const obj = join(dir, 'pingpong.o');
    const elf = join(dir, 'pingpong.elf');
    gnu('riscv64-unknown-elf-as', ['-march=rv64imac_zicsr', '-o', obj, PINGPONG_SOURCE]);
    gnu('riscv64-unknown-elf-ld', ['-N', '-Ttext=0x80000000', '-o', elf, obj]); // -N: no headers in the segment
    let out = '';
    const m = new Machine({ harts: 2 }, { console: (b) => { out += new TextDecoder().decode(b); } });
    m.load(new Uint8Array(readFileSync(elf)), 'pingpong.elf');
    const result = m.run({ maxInsns: 5_000_000 });
    expect(result.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
    expect(out).toMatch(/^uintr-pingpong: round trips: 100, average cycles per round trip: \d+\n$/);
  });
});
