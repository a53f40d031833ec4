import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disasmCommand } from '../../src/disasm/command';
import { gccProgBase64 } from '../elf/fixture/gcc-prog.data';

// The GCC-built fixture and objdump's listings of it, recorded by test/elf/fixture/build.sh
// (riscv64-unknown-elf-objdump 2.40 -d, and -d -M no-aliases, run on gcc-prog.elf).
const fixture = join(__dirname, '../elf/fixture');
const bytes = new Uint8Array(Buffer.from(gccProgBase64, 'base64'));

describe('disasmCommand on a GCC-built executable', () => {
  it.each([
    ['objdump -d', 'gcc-prog.objdump.txt', false],
    ['objdump -d -M no-aliases', 'gcc-prog.objdump-no-aliases.txt', true],
  ])('prints what %s prints', (_, file, noAliases) => {
    const expected = readFileSync(join(fixture, file), 'utf8').split('\n');
    const actual = disasmCommand(bytes, { noAliases, fileName: 'gcc-prog.elf' }).split('\n');
    expect(actual).toEqual(expected);
  });
});
