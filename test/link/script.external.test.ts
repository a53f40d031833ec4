// Linker scripts run by GNU ld and by rvn on the same sources (assembled by GNU as resp. rvn,
// -mno-relax): every allocated output section must have the same address, load address and
// bytes, and the symbols the same values. Fails if the GNU tools are missing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readElf } from '../../src/elf/reader';
import { buildImage } from '../../src/link/build';
import { writeElf } from '../../src/elf/writer';

const work = mkdtempSync(join(tmpdir(), 'rvn-ld-'));
const ALLOC = 0x2;

const SOURCES: Record<string, string> = {
  'a.S': `
  .section .text.init, "ax"
  .globl _start
_start:
  la a0, heap
  la a1, table
  call helper
  .pushsection .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost: .dword 0
  .popsection
  .text
main: nop
  .align 4
  ret
  .section .text.hot, "ax"
hot: nop
  .section .myro, "a"
  .byte 1, 2, 3
  .data
  .word 1, 2, 3
  .section .mydata, "aw"
  .dword 7
  .bss
  .zero 20
`,
  'b.S': `
  .text
  .globl helper
helper: ret
  .section .text.b, "ax"
b1: nop
  .section .rodata
  .globl table
table: .word 0x55
  .section .sdata, "aw"
small: .word 9
`,
};

const SCRIPTS: Record<string, string> = {
  'riscv-tests env/p': `OUTPUT_ARCH( "riscv" )
ENTRY(_start)
SECTIONS
{
  . = 0x80000000;
  .text.init : { *(.text.init) }
  . = ALIGN(0x1000);
  .tohost : { *(.tohost) }
  . = ALIGN(0x1000);
  .text : { *(.text) }
  . = ALIGN(0x1000);
  .data : { *(.data) }
  .bss : { *(.bss) }
  _end = .;
  PROVIDE(heap = _end);
}`,
  'MEMORY, > and AT>': `ENTRY(_start)
MEMORY { rom (rx) : ORIGIN = 0x20000000, LENGTH = 64K
         ram (rwx) : ORIGIN = 0x80000000, LENGTH = 1M }
SECTIONS {
  .text : { *(.text.init) *(.text .text.*) } > rom
  .rodata : { *(.rodata) *(.myro) } > rom
  .data : { _data_start = .; *(.data) *(.sdata) *(.tohost) *(.mydata) _data_end = .; } > ram AT> rom
  _data_load = LOADADDR(.data);
  .bss (NOLOAD) : { *(.bss) } > ram
  heap = ALIGN(16);
  stack_top = ORIGIN(ram) + LENGTH(ram);
}`,
  'orphans, ALIGN(), ADDR/SIZEOF, data statements': `ENTRY(_start)
SECTIONS {
  . = 0x10000;
  .text : { *(.text.init) *(.text) }
  .rodata ALIGN(0x100) : { *(.rodata) }
  .table : { LONG(ADDR(.text)) QUAD(SIZEOF(.text)) }
  . = ALIGN(0x1000);
  .data : { *(.data) }
  .bss : { *(.bss) }
  heap = ALIGN(8);
}`,
};

interface Result {
  sections: Map<string, string>;
  symbols: Map<string, number>;
}

function fromElf(bytes: Uint8Array): Result {
  const elf = readElf(bytes);
  const seg = (addr: number): number | undefined => elf.segments.find((s) => s.vaddr <= addr && addr < s.vaddr + Math.max(1, s.memsz))?.paddr;
  const sections = new Map(elf.sections.filter((s) => (s.flags & ALLOC) !== 0 && s.size > 0).map((s) => {
    const p = seg(s.addr);
    const lma = p === undefined ? s.addr : p + (s.addr - elf.segments.find((x) => x.paddr === p)!.vaddr);
    return [s.name, `@${s.addr.toString(16)} lma ${lma.toString(16)} size ${s.size} ${Buffer.from(s.bytes).toString('hex')}`];
  }));
  const names = ['_start', 'tohost', 'main', 'hot', 'helper', 'b1', 'table', 'small', 'heap', '_end', '_data_start', '_data_end', '_data_load', 'stack_top'];
  const symbols = new Map(elf.symbols.filter((s) => names.includes(s.name)).map((s) => [s.name, s.value]));
  return { sections, symbols };
}

describe('linker scripts: rvn and GNU ld place the same', () => {
  for (const [name, script] of Object.entries(SCRIPTS)) {
    it(name, () => {
      const ld = join(work, 'test.ld');
      writeFileSync(ld, script);
      const objs = Object.entries(SOURCES).map(([f, text]) => {
        writeFileSync(join(work, f), text);
        const o = join(work, `${f}.o`);
        execFileSync('riscv64-unknown-elf-as', ['-march=rv64imac_zicsr_zifencei', '-mno-relax', join(work, f), '-o', o]);
        return o;
      });
      const out = join(work, 'gnu.elf');
      execFileSync('riscv64-unknown-elf-ld', ['--no-relax', '-T', ld, ...objs, '-o', out]);
      const want = fromElf(new Uint8Array(readFileSync(out)));
      const image = buildImage(Object.entries(SOURCES).map(([f, text]) => ({ name: f, text })), { script: { name: ld, text: script } });
      const got = fromElf(writeElf(image));
      expect(got.sections).toEqual(want.sections);
      expect(got.symbols).toEqual(want.symbols);
    });
  }
});
