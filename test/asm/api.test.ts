// API behaviour with expectations from the specs (uintr.md words, ISA encodings computed by hand)
// and the ELF gABI layout.
import { describe, expect, it } from 'vitest';
import { Asm, asm, assemble, mem } from '../../src/asm';
import { buildImage, buildProgram, link } from '../../src/link';

const words = (b: Uint8Array): number[] => {
  const out: number[] = [];
  for (let i = 0; i + 4 <= b.length; i += 4) out.push((b[i] | (b[i + 1] << 8) | (b[i + 2] << 16) | (b[i + 3] << 24)) >>> 0);
  return out;
};
const text = (src: string): Uint8Array => {
  const obj = assemble(`_start:\n${src}\n`, 't.S', { rvc: false });
  return obj.sections.find((s) => s.name === '.text')?.bytes ?? new Uint8Array();
};

describe('uintr and N-extension instructions (uintr.md)', () => {
  it('uipi mnemonics give the words of uintr.md §2', () => {
    expect(words(text('uipi.send a0\nuipi.read a0\nuipi.write a0\nuipi.activate\nuipi.deactivate')))
      .toEqual([0x0005607b, 0x0200657b, 0x0405607b, 0x0600607b, 0x0800607b]);
  });
  it('the .insn r form gives the same words', () => {
    expect(words(text('.insn r 0x7B, 6, 0, x0, a0, x0\n.insn r 0x7B, 0b110, 1, a0, x0, x0\n.insn r CUSTOM_3, 6, 2, x0, a0, x0')))
      .toEqual([0x0005607b, 0x0200657b, 0x0405607b]);
  });
  it('uret is 0x00200073', () => expect(words(text('uret'))).toEqual([0x00200073]));
  it('U-level CSR names (uintr.md §1)', () => {
    // csrrs rd, csr, x0 = csr<<20 | 2<<12 | rd<<7 | 0x73
    expect(words(text('csrr a0, uip\ncsrr a0, utvec\ncsrr a0, suist'))).toEqual([
      (0x044 << 20 | 2 << 12 | 10 << 7 | 0x73) >>> 0, (0x005 << 20 | 2 << 12 | 10 << 7 | 0x73) >>> 0, (0x1b0 << 20 | 2 << 12 | 10 << 7 | 0x73) >>> 0]);
  });
});

describe('programmatic builder', () => {
  it('Asm collects GNU-as source and assembles it', () => {
    const a = new Asm('b.S').dir('.option', 'norvc').label('_start').i('addi', 'a0', 'a0', 1).i('sd', 'a0', mem(8, 'sp'));
    const t = a.assemble().sections.find((s) => s.name === '.text');
    // addi a0,a0,1 = 1<<20 | 10<<15 | 10<<7 | 0x13; sd a0,8(sp) = 8>>5<<25 | 10<<20 | 2<<15 | 3<<12 | (8&31)<<7 | 0x23
    expect(words(t?.bytes ?? new Uint8Array())).toEqual([0x00150513, (10 << 20 | 2 << 15 | 3 << 12 | 8 << 7 | 0x23) >>> 0]);
  });
  it('C is on by default: addi a0,a0,1 is c.addi (0x0505)', () => {
    const t = assemble(asm`_start: addi a0, a0, ${1}`, 'c.S').sections[0];
    expect([...t.bytes]).toEqual([0x05, 0x05]);
  });
});

describe('linker layout', () => {
  const prog = [{ name: 'p.S', text: '_start: nop\n  .section .rodata\nr: .byte 1\n  .data\nd: .word 2\n  .bss\nb: .space 8\n' }];
  it('text at 0x80000000, rodata after text, data at the next 4 KiB boundary, bss after data', () => {
    const img = buildImage(prog);
    expect(img.sections.map((s) => [s.name, s.address, s.size])).toEqual([
      ['.text', 0x80000000, 2], ['.rodata', 0x80000002, 1], ['.data', 0x80001000, 4], ['.bss', 0x80001004, 8]]);
    expect(img.entry).toBe(0x80000000);
  });
  it('--text and --data', () => {
    const img = buildImage(prog, { text: 0x1000, data: 0x9000 });
    expect(img.sections.map((s) => s.address)).toEqual([0x1000, 0x1002, 0x9000, 0x9004]);
  });
  it('a layout places named sections (riscv-tests style .tohost)', () => {
    const src = '_start: la a0, tohost\n  .section .tohost,"aw",@progbits\n  .globl tohost\ntohost: .dword 0\n';
    const img = link([assemble(src, 't.S')], {
      layout: [
        { name: '.text', inputs: ['.text*'], address: 0x80000000 },
        { name: '.tohost', inputs: ['.tohost'], address: 0x80001000 },
      ],
    });
    expect(img.sections.map((s) => [s.name, s.address])).toEqual([['.text', 0x80000000], ['.tohost', 0x80001000]]);
    expect(img.symbols.find((s) => s.name === 'tohost')?.address).toBe(0x80001000);
    // auipc a0, 1 (0x1000 away) then addi a0, a0, 0
    expect(words(img.sections[0].bytes)).toEqual([(1 << 12 | 10 << 7 | 0x17) >>> 0, (10 << 15 | 10 << 7 | 0x13) >>> 0]);
  });
});

describe('ELF writer', () => {
  const elf = buildProgram([{ name: 'e.S', text: '  .globl _start\n  .type _start, @function\n_start: ret\n  .size _start, .-_start\n  .data\nx: .word 1\n' }]);
  const dv = new DataView(elf.buffer, elf.byteOffset, elf.byteLength);
  const shoff = Number(dv.getBigUint64(0x28, true));
  const shnum = dv.getUint16(0x3c, true);
  const shstrndx = dv.getUint16(0x3e, true);
  const sh = (i: number) => ({
    name: dv.getUint32(shoff + 64 * i, true), type: dv.getUint32(shoff + 64 * i + 4, true),
    addr: Number(dv.getBigUint64(shoff + 64 * i + 16, true)), offset: Number(dv.getBigUint64(shoff + 64 * i + 24, true)),
    size: Number(dv.getBigUint64(shoff + 64 * i + 32, true)), link: dv.getUint32(shoff + 64 * i + 40, true),
  });
  const cstr = (off: number): string => {
    let s = '';
    while (elf[off] !== 0) s += String.fromCharCode(elf[off++]);
    return s;
  };
  it('has an ELF64 LE RISC-V executable header', () => {
    expect([...elf.subarray(0, 7)]).toEqual([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
    expect(dv.getUint16(16, true)).toBe(2); // ET_EXEC
    expect(dv.getUint16(18, true)).toBe(243); // EM_RISCV
    expect(Number(dv.getBigUint64(24, true))).toBe(0x80000000);
    expect(dv.getUint32(48, true) & 1).toBe(1); // EF_RISCV_RVC
    expect(dv.getUint16(56, true)).toBe(3); // PT_RISCV_ATTRIBUTES, then a PT_LOAD for .text and .data
    expect(dv.getUint32(64, true)).toBe(0x70000003);
  });
  it('names its sections', () => {
    const strOff = sh(shstrndx).offset;
    const names = Array.from({ length: shnum }, (_, i) => cstr(strOff + sh(i).name));
    expect(names).toEqual(['', '.text', '.data', '.riscv.attributes', '.symtab', '.strtab', '.shstrtab']);
    expect(sh(1).addr).toBe(0x80000000);
  });
  it('has a symbol table with _start as a sized global function', () => {
    const symtab = sh(4);
    const strtab = sh(symtab.link);
    const syms = Array.from({ length: symtab.size / 24 }, (_, i) => {
      const o = symtab.offset + 24 * i;
      return { name: cstr(strtab.offset + dv.getUint32(o, true)), info: elf[o + 4], value: Number(dv.getBigUint64(o + 8, true)), size: Number(dv.getBigUint64(o + 16, true)) };
    });
    expect(syms.find((s) => s.name === '_start')).toEqual({ name: '_start', info: 0x12, value: 0x80000000, size: 2 });
    expect(syms.find((s) => s.name === 'x')?.info).toBe(0x00);
  });
});

describe('label differences while parsing (an rvn extension: GNU as rejects them in instructions)', () => {
  it('are constants when no variable-length item lies between', () => {
    // a: 4 bytes (addi a0,a0,100 uncompressed) + .word + .space 6 = 14
    expect(words(text('a: addi a0, a0, 100\n  .word 0\n  .space 6\nb:\n  .space 2\n  addi a1, a1, b - a')).slice(-1))
      .toEqual([(14 << 20 | 11 << 15 | 11 << 7 | 0x13) >>> 0]);
  });
  it('are not constants across a branch', () => {
    expect(() => text('a: beqz a0, a\nb:\n  addi a1, a1, b - a')).toThrow("t.S:4:16: 'b - a' is not a constant");
  });
});
