// Linker relaxation (GNU ld's rules, bfd/elfnn-riscv.c), with the expected instruction words
// encoded by hand from the ISA manual's formats. relax.external.test.ts compares many generated
// programs with GNU as + ld.
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler';
import { buildImage } from '../../src/link/build';
import { link } from '../../src/link/linker';

const jal = (rd: number, off: number): number =>
  ((((off >> 20) & 1) << 31) | (((off >> 1) & 0x3ff) << 21) | (((off >> 11) & 1) << 20) | (((off >> 12) & 0xff) << 12) | (rd << 7) | 0x6f) >>> 0;
const addi = (rd: number, rs1: number, imm: number): number => (((imm & 0xfff) << 20) | (rs1 << 15) | (rd << 7) | 0x13) >>> 0;
const NOP = addi(0, 0, 0);

function halves(b: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < b.length; i += 2) out.push(b[i] | (b[i + 1] << 8));
  return out;
}

/** The section's bytes as instruction words: 16-bit parcels with low bits != 3 are RVC. */
function insns(b: Uint8Array): number[] {
  const h = halves(b);
  const out: number[] = [];
  for (let i = 0; i < h.length; i++) {
    if ((h[i] & 3) !== 3) out.push(h[i]);
    else out.push((h[i] | (h[++i] << 16)) >>> 0);
  }
  return out;
}

const text = (src: string, opts: { relax?: boolean; script?: string } = {}): { words: number[]; img: ReturnType<typeof buildImage> } => {
  const img = buildImage([{ name: 't.S', text: src }], {
    relax: opts.relax ?? true, rvc: false, script: opts.script !== undefined ? { name: 't.ld', text: opts.script } : undefined,
  });
  return { words: insns(img.sections.find((s) => s.name === '.text')!.bytes), img };
};

describe('call and tail', () => {
  it('a near call becomes jal ra, and the code after it moves up by 4', () => {
    const { words, img } = text('_start:\n  call f\n  nop\nf:\n  ret\n');
    expect(words).toEqual([jal(1, 8), NOP, 0x00008067]);
    expect(img.symbols.find((s) => s.name === 'f')?.address).toBe(0x80000008);
  });
  it('a near tail with C becomes c.j (tail uses x0); a call never becomes c.jal on RV64', () => {
    const img = buildImage([{ name: 't.S', text: '_start:\n  tail f\n  call f\nf:\n  ret\n' }], { relax: true });
    // c.j +6: CJ format offset bits [11|4|9:8|10|6|7|3:1|5] = 6 -> bits 3:1 = 011 at 5:3
    expect(insns(img.sections[0].bytes)).toEqual([0xa019, jal(1, 4), 0x8082]);
  });
  it('a call farther than jal reaches stays auipc + jalr', () => {
    const { words } = text('_start:\n  call f\n  .space 0x100000\nf:\n  ret\n');
    // auipc ra, 0x100 ; jalr ra, 8(ra)   (target = 0x80000000 + 8 + 0x100000)
    expect(words.slice(0, 2)).toEqual([(0x100 << 12 | 1 << 7 | 0x17) >>> 0, (8 << 20 | 1 << 15 | 0 << 12 | 1 << 7 | 0x67) >>> 0]);
  });
  it('--no-relax (relax: false) keeps the call', () => {
    const { words } = text('_start:\n  call f\nf:\n  ret\n', { relax: false });
    expect(words).toEqual([(1 << 7 | 0x17) >>> 0, (8 << 20 | 1 << 15 | 1 << 7 | 0x67) >>> 0, 0x00008067]);
  });
  it('.option norelax keeps a call as written', () => {
    const { words } = text('_start:\n  .option norelax\n  call f\n  .option relax\n  call f\nf:\n  ret\n');
    expect(words.length).toBe(4); // auipc, jalr, jal, ret
    expect(words[2]).toBe(jal(1, 4));
  });
});

describe('gp- and x0-relative data', () => {
  const script = (base: string): string =>
    `SECTIONS { . = ${base}; .text : { *(.text) } . = ALIGN(0x1000); .sdata : { __global_pointer$ = . + 0x800; *(.sdata) } }`;
  const data = '  .section .sdata, "aw"\nv0: .word 1\nv1: .word 2\n';
  it('la of data within gp +-2 KiB becomes addi rd, gp, off', () => {
    const { words, img } = text(`_start:\n  la a0, v1\n  ret\n${data}`, { script: script('0x80000000') });
    const gp = img.symbols.find((s) => s.name === '__global_pointer$')!.address;
    expect(words).toEqual([addi(10, 3, 0x80001004 - gp), 0x00008067]);
  });
  it('lui + addi + lw near gp: the lui goes, the %lo users take gp as base', () => {
    const { words } = text(`_start:\n  lui a0, %hi(v1)\n  addi a0, a0, %lo(v1)\n  lw a1, %lo(v1)(a0)\n  lw a2, %lo(v0)(a0)\n  ret\n${data}`, { script: script('0x10000') });
    // gp = 0x11000 + 0x800; v1 = 0x11004. v0 = 0x11000 is exactly gp - 2 KiB: ld keeps a margin
    // (the alignment of .sdata, 1) and leaves that %lo as it is.
    const lw = (rd: number, rs1: number, imm: number): number => ((imm & 0xfff) << 20 | rs1 << 15 | 2 << 12 | rd << 7 | 0x03) >>> 0;
    expect(words).toEqual([addi(10, 3, 0x11004 - 0x11800), lw(11, 3, 0x11004 - 0x11800), lw(12, 10, 0), 0x00008067]);
  });
  it('without __global_pointer$, a symbol below 2 KiB is reached from x0', () => {
    const { words } = text('_start:\n  lui a0, %hi(v)\n  addi a0, a0, %lo(v)\n  ret\n  .section .sdata, "aw"\nv: .word 1\n',
      { script: 'SECTIONS { . = 0x100; .text : { *(.text) } .sdata : { *(.sdata) } }' });
    // After the lui is gone .text is 8 bytes, so v is at 0x108.
    expect(words).toEqual([addi(10, 0, 0x108), 0x00008067]);
  });
  it('otherwise lui becomes c.lui when C is on and the value fits', () => {
    const img = buildImage([{ name: 't.S', text: '_start:\n  lui a0, %hi(v)\n  addi a0, a0, %lo(v)\n  ret\n  .section .sdata, "aw"\nv: .word 1\n' }],
      { relax: true, script: { name: 't.ld', text: 'SECTIONS { . = 0x4000; .text : { *(.text) } . = 0x8000; .sdata : { *(.sdata) } }' } });
    // c.lui a0, 8 (0x8000 >> 12 = 8): 011 imm[5]=0 rd=01010 imm[4:0]=01000 01 ; addi a0, a0, 0 stays 4 bytes
    expect(insns(img.sections[0].bytes)).toEqual([0x6521, addi(10, 10, 0), 0x8082]);
  });
});

describe('alignment', () => {
  it('keeps only the nops .align needs after calls shrank', () => {
    // call f shrinks to jal (4 bytes), so only 4 of the 12 worst-case nop bytes stay for .align 3.
    const { words } = text('_start:\n  call f\n  .align 3\nf:\n  ret\n');
    expect(words).toEqual([jal(1, 8), NOP, 0x00008067]);
  });
  it('objects assembled for relaxation linked without it still get their alignment', () => {
    // .align 3 after 8 bytes: the 4 worst-case nop bytes are not needed (as ld --no-relax does).
    const obj = assemble('_start:\n  nop\n  nop\n  .align 3\nf:\n  ret\n', 't.S', { relax: true, rvc: false });
    const img = link([obj], { relax: false });
    // The object's .text was 16 bytes (no end padding needed); it is 12 after the deletion.
    expect(insns(img.sections[0].bytes)).toEqual([NOP, NOP, 0x00008067]);
  });
  it('label differences in code are computed after relaxation', () => {
    const img = buildImage([{ name: 't.S', text: '_start:\n  call f\nf:\n  ret\n  .data\n  .word f - _start\n' }], { relax: true, rvc: false });
    expect([...img.sections.find((s) => s.name === '.data')!.bytes]).toEqual([4, 0, 0, 0]);
  });
  it('symbol sizes shrink with the code they span', () => {
    const { img } = text('  .globl _start\n  .type _start, @function\n_start:\n  call f\n  ret\n  .size _start, . - _start\nf:\n  ret\n');
    expect(img.symbols.find((s) => s.name === '_start')?.size).toBe(8);
  });
});
