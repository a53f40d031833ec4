/** The boot ROM's hand-encoded words against GNU as + objdump. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBootRom } from '../../src/bootrom/bootrom';

describe('boot ROM vs GNU as', () => {
  it('encodes the reset vector as riscv64-unknown-elf-as does', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rvn-rom-'));
    writeFileSync(
      join(dir, 'rom.S'),
      'auipc t0, 0\naddi a2, t0, 40\ncsrr a0, mhartid\nld a1, 32(t0)\nld t0, 24(t0)\njr t0\n',
    );
    execFileSync('riscv64-unknown-elf-as', ['-march=rv64i_zicsr', '-o', join(dir, 'rom.o'), join(dir, 'rom.S')]);
    const dump = execFileSync('riscv64-unknown-elf-objdump', ['-d', join(dir, 'rom.o')], { encoding: 'utf8' });
    const words = [...dump.matchAll(/^\s+[0-9a-f]+:\s+([0-9a-f]{8})\s/gm)].map((m) => parseInt(m[1], 16));
    expect(words.length).toBe(6);
    const rom = new DataView(buildBootRom(0x8000_0000, 0x87e0_0000).buffer);
    expect(words.map((_, i) => rom.getUint32(4 * i, true))).toEqual(words);
  });
});
