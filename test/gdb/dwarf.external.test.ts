// Line tables from `.file`/`.loc`: rvn's assembler and linker against GNU as and ld (binutils'
// objdump decodes both), and what gtsc emits for guest TypeScript.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rvn, tempDir, writeTemp } from '../cli/rvn';

/** (file, line, address) rows of objdump --dwarf=decodedline, without GNU's "view" column. */
function lineRows(elf: string): string[] {
  const r = spawnSync('riscv64-unknown-elf-objdump', ['--dwarf=decodedline', elf], { encoding: 'utf8' });
  expect(r.error).toBeUndefined();
  return r.stdout.split('\n')
    .map((l) => /^(\S+)\s+(\d+|-)\s+(0x[0-9a-f]+)/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => `${m[1]} ${m[2]} ${m[3]}`);
}

const SOURCE = `
    .file 1 "main.ts"
    .file 2 "lib.ts"
    .text
    .globl _start
    .type _start, @function
_start:
    .loc 1 10
    li a0, 5
    .loc 1 11 3
    call twice
    .loc 1 12
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b
    .size _start, .-_start
    .type twice, @function
twice:
    .loc 2 3
    add a0, a0, a0
    .loc 2 30
    ret
    .loc 1 7
    nop
    .size twice, .-twice
`;

describe('DWARF line information', () => {
  it('rvn build gives the line table GNU as + ld give for the same .file/.loc source', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'lines.S', SOURCE);
    const ours = `${dir}/ours.elf`;
    expect(rvn(['build', src, '-o', ours]).stderr).toBe('');
    const obj = `${dir}/gnu.o`;
    const as = spawnSync('riscv64-unknown-elf-as', ['-march=rv64imac_zicsr', '-mabi=lp64', src, '-o', obj], { encoding: 'utf8' });
    expect(as.stderr).toBe('');
    const gnu = `${dir}/gnu.elf`;
    const ld = spawnSync('riscv64-unknown-elf-ld', ['-Ttext=0x80000000', obj, '-o', gnu], { encoding: 'utf8' });
    expect(ld.stderr).toBe('');
    const expected = lineRows(gnu);
    expect(expected.length).toBe(7);
    expect(lineRows(ours)).toEqual(expected);
  });

  it('gtsc marks each statement of guest TypeScript with its line, and functions are STT_FUNC with sizes', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'prog.ts', [
      "import { u64 } from 'rvn/guest';",
      'function twice(x: u64): u64 {',
      '  return x + x;',
      '}',
      'export function main(): u64 {',
      '  const a: u64 = twice(3);',
      '  return a - 6;',
      '}',
      '',
    ].join('\n'));
    const elf = `${dir}/prog.elf`;
    expect(rvn(['build', src, '-O0', '-o', elf]).stderr).toBe('');
    const rows = lineRows(elf).filter((r) => r.split(' ')[0].endsWith('prog.ts'));
    const lines = new Set(rows.map((r) => Number(r.split(' ')[1])));
    for (const line of [2, 3, 5, 6, 7]) expect(lines.has(line), `line ${line} in ${rows.join('; ')}`).toBe(true);
    const syms = spawnSync('riscv64-unknown-elf-readelf', ['-s', elf], { encoding: 'utf8' }).stdout;
    expect(syms).toMatch(/\s[1-9]\d* FUNC\s+LOCAL\s+DEFAULT\s+\d+ twice\n/);
    expect(syms).toMatch(/\s[1-9]\d* FUNC\s+GLOBAL\s+DEFAULT\s+\d+ main\n/);
  });
});
