// Linker scripts (-T): placement, symbols, orphans and errors, with addresses computed by hand
// from the ld manual's rules (a section starts at `.` rounded up to its largest input
// alignment; input sections go to the first statement that matches them). The same scripts
// are run through GNU ld in script.external.test.ts.
import { describe, expect, it } from 'vitest';
import { buildImage } from '../../src/link/build';
import { parseLinkerScript } from '../../src/link/script';

const build = (files: Record<string, string>, script: string, relax = false): ReturnType<typeof buildImage> =>
  buildImage(Object.entries(files).map(([name, text]) => ({ name, text })), { script: { name: 'test.ld', text: script }, relax });

const addr = (img: ReturnType<typeof buildImage>, name: string): number | undefined => img.sections.find((s) => s.name === name)?.address;
const sym = (img: ReturnType<typeof buildImage>, name: string): number | undefined => img.symbols.find((s) => s.name === name)?.address;

/** riscv-tests' env/p/link.ld, restated. */
const RISCV_TESTS_LD = `OUTPUT_ARCH( "riscv" )
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
}
`;

const PROGRAM = `
  .section .text.init, "ax"
  .globl _start
_start:
  j main
  .pushsection .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost: .dword 0
  .popsection
  .text
main: nop
  .data
  .word 1, 2, 3
  .bss
  .zero 20
`;

describe('a riscv-tests style script', () => {
  const img = build({ 'p.S': PROGRAM }, RISCV_TESTS_LD);
  it('places each output section at its `.`', () => {
    expect(img.sections.map((s) => [s.name, s.address, s.size])).toEqual([
      ['.text.init', 0x80000000, 4], // a jump to another section is a 4-byte jal
      ['.tohost', 0x80001000, 8],
      ['.text', 0x80002000, 2],
      ['.data', 0x80003000, 12],
      ['.bss', 0x8000300c, 20],
    ]);
  });
  it('defines the script symbols and takes ENTRY', () => {
    expect(sym(img, '_end')).toBe(0x80003020);
    expect(sym(img, 'tohost')).toBe(0x80001000);
    expect(img.entry).toBe(0x80000000);
  });
});

describe('script features', () => {
  it('MEMORY regions and `>`: sections follow each other in their region', () => {
    const img = build({ 'a.S': '_start: nop\n  .data\n  .word 1\n' }, `
      MEMORY { rom (rx) : ORIGIN = 0x20000000, LENGTH = 64K
               ram (rwx) : ORIGIN = 0x80000000, LENGTH = 1M }
      SECTIONS { .text : { *(.text*) } > rom
                 .data : { *(.data*) } > ram AT> rom
                 stack_top = ORIGIN(ram) + LENGTH(ram); }`);
    expect(addr(img, '.text')).toBe(0x20000000);
    expect(addr(img, '.data')).toBe(0x80000000);
    // AT> rom: loaded right after .text (2 bytes, aligned to .data's 1) in rom.
    expect(img.sections.find((s) => s.name === '.data')?.loadAddress).toBe(0x20000002);
    expect(sym(img, 'stack_top')).toBe(0x80100000);
  });
  it('PROVIDE defines only what is referenced and not defined', () => {
    const img = build({ 'a.S': '_start: la a0, heap\n  la a1, mine\n  .data\nmine: .word 0\n  .globl mine\n' }, `
      SECTIONS { . = 0x1000; .text : { *(.text) } .data : { *(.data) }
                 PROVIDE(heap = .); PROVIDE(mine = 0x1234); PROVIDE(unused = 1); }`);
    expect(sym(img, 'heap')).toBe(0x1014);
    expect(sym(img, 'mine')).toBe(0x1010);
    expect(sym(img, 'unused')).toBeUndefined();
  });
  it('ALIGN(), ADDR(), SIZEOF(), symbols inside a section and `. =` as an offset there', () => {
    const img = build({ 'a.S': '_start: nop\n  nop\n  .data\n  .word 1\n' }, `
      SECTIONS { . = 0x100;
        .text : { start_text = .; *(.text) . = 0x10; end_text = .; }
        .data ALIGN(0x40) : { *(.data) }
        after = ADDR(.data) + SIZEOF(.data) + SIZEOF(.text); }`);
    expect(addr(img, '.text')).toBe(0x100);
    expect(sym(img, 'start_text')).toBe(0x100);
    expect(sym(img, 'end_text')).toBe(0x110); // `. = 0x10` inside .text is 0x10 past its start
    expect(addr(img, '.data')).toBe(0x140);
    expect(sym(img, 'after')).toBe(0x140 + 4 + 0x10);
  });
  it('orphan sections follow the last output section of their kind', () => {
    const img = build({ 'a.S': '_start: nop\n  .section .text.hot, "ax"\n  nop\n  .section .mydata, "aw"\n  .word 7\n  .section .myro, "a"\n  .byte 1\n  .data\n  .word 1\n' }, `
      SECTIONS { . = 0x1000; .text : { *(.text) } .rodata : { *(.rodata) } .data : { *(.data) } .bss : { *(.bss) } }`);
    expect(img.sections.map((s) => s.name)).toEqual(['.text', '.text.hot', '.myro', '.data', '.mydata']);
  });
  it('input section order: one pattern list takes sections in file order, separate lists one after the other', () => {
    const files = { 'a.S': '_start: nop\n  .section .text.b, "ax"\nb1: nop\n', 'b.S': '  .section .text.a, "ax"\na2: nop\n  .section .text.b, "ax"\nb2: nop\n' };
    const one = build(files, 'SECTIONS { . = 0x0; .text : { *(.text .text.*) } }');
    expect(['b1', 'a2', 'b2'].map((n) => sym(one, n))).toEqual([2, 4, 6]);
    const two = build(files, 'SECTIONS { . = 0x0; .text : { *(.text) *(.text.b) *(.text.a) } }');
    expect(['b1', 'b2', 'a2'].map((n) => sym(two, n))).toEqual([2, 4, 6]);
  });
  it('file name patterns, KEEP, SORT and /DISCARD/', () => {
    const files = { 'x/first.S': '_start: nop\n  .section .text.z, "ax"\nz: nop\n  .section .text.y, "ax"\ny: nop\n', 'second.S': 'two: nop\n  .section .junk, "a"\n  .byte 1\n' };
    const img = build(files, 'SECTIONS { . = 0; .text : { *second.S(.text) KEEP(*(SORT(.text.*))) *(.text) } /DISCARD/ : { *(.junk) } }');
    expect(['two', 'y', 'z', '_start'].map((n) => sym(img, n))).toEqual([0, 2, 4, 6]);
    expect(img.sections.map((s) => s.name)).toEqual(['.text']);
  });
  it('LONG/QUAD data in an output section', () => {
    const img = build({ 'a.S': '_start: nop\n' }, 'SECTIONS { . = 0x10; .text : { *(.text) } .table : { LONG(0x11223344) QUAD(ADDR(.text)) } }');
    const t = img.sections.find((s) => s.name === '.table')!;
    expect([t.address, ...t.bytes]).toEqual([0x12, 0x44, 0x33, 0x22, 0x11, 0x10, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('script errors', () => {
  const error = (script: string): string => {
    try {
      build({ 'a.S': '_start: nop\n' }, script);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  it('a syntax error names the line', () => expect(error('SECTIONS {\n  .text : { *(.text) }\n  . = ;\n}')).toMatch(/^test\.ld:3: expected an expression/));
  it('an unknown command', () => expect(error('FROB(1)')).toBe("test.ld:1: unknown linker script command 'FROB'"));
  it('a foreign architecture', () => expect(error('OUTPUT_ARCH(arm)')).toBe('test.ld:1: OUTPUT_ARCH(arm): rvn links RISC-V (riscv) only'));
  it('moving `.` backwards', () => expect(error('SECTIONS { . = 0x100; .text : { *(.text) } . = 0x10; }')).toMatch(/cannot move the location counter backwards/));
  it('an undefined symbol in an expression', () => expect(error('SECTIONS { . = nowhere; .text : { *(.text) } }')).toBe("test.ld: undefined symbol 'nowhere' referenced in expression"));
  it('never anything but an RvnError on garbage', () => {
    for (const junk of ['SECTIONS', 'SECTIONS {', 'SECTIONS { .text : {', 'MEMORY { x : ORIGIN = }', 'ENTRY(', '. = 1 +', 'SECTIONS { .t : { LONG( } }', '/* x', 'PROVIDE(a', 'SECTIONS { . = 1 ? 2 ; }']) {
      expect(() => parseLinkerScript(junk, 'j.ld'), junk).toThrow(/^j\.ld:\d+: /);
    }
  });
});
