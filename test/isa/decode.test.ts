import { describe, expect, it } from 'vitest';
import { createDecoder } from '../../src/isa/decode';
import { Instructions, CompressedInstructions } from '../../src/isa/opcodes';
import { Imm, extractImm, insertImm, fitsImm } from '../../src/isa/fields';

// Encodings below are hand-assembled from the ISA manual's field layouts
// (and cross-checked with riscv64-unknown-elf-objdump).
describe('decoder', () => {
  const dec = createDecoder();
  it.each([
    [0x00b50533, 'add'], // add a0,a0,a1
    [0x40b50533, 'sub'],
    [0xfff50513, 'addi'], // addi a0,a0,-1
    [0x03f51513, 'slli'], // slli a0,a0,63
    [0x43f55513, 'srai'],
    [0x00053503, 'ld'],
    [0x00a5b023, 'sd'],
    [0x02b50533, 'mul'],
    [0x1005252f, 'lr.w'],
    [0x0eb5352f, 'amoswap.d'], // amoswap.d.aqrl a0,a1,(a0)
    [0x30200073, 'mret'],
    [0x00200073, 'uret'],
    [0x12000073, 'sfence.vma'],
    [0x0005607b, 'uipi.send'],
    [0x0200657b, 'uipi.read'],
    [0x0405607b, 'uipi.write'],
    [0x0600607b, 'uipi.activate'],
    [0x0800607b, 'uipi.deactivate'],
    [0x0a00607b, 'uipi'], // unknown funct7: does nothing
    [0x0000100f, 'fence.i'],
    [0x34202573, 'csrrs'], // csrr a0,mcause
  ])('decodes %s as %s', (word, name) => {
    expect(dec.decode32(word)?.name).toBe(name);
  });
  it('rejects illegal words', () => {
    expect(dec.decode32(0x00000000)).toBeUndefined();
    expect(dec.decode32(0xffffffff)).toBeUndefined();
    expect(dec.decode32(0x0000205b)).toBeUndefined(); // uipi with the old funct3 0b010
    expect(dec.decode32(0x10000033 | 0x02000000)).toBeUndefined(); // funct7 0x09
  });
  it.each([
    [0x0505, 'c.addi'], // c.addi a0,1
    [0x4501, 'c.li'], // c.li a0,0
    [0x8082, 'c.jr'], // ret
    [0x852e, 'c.mv'], // mv a0,a1
    [0x9002, 'c.ebreak'],
    [0x9502, 'c.jalr'],
    [0x952e, 'c.add'],
    [0x0001, 'c.nop'],
    [0x1141, 'c.addi'], // addi sp,sp,-16
    [0x7139, 'c.addi16sp'], // addi sp,sp,-64
    [0x6505, 'c.lui'], // lui a0,0x1
    [0xe406, 'c.sdsp'], // sd ra,8(sp)
    [0x60a2, 'c.ldsp'], // ld ra,8(sp)
    [0x0028, 'c.addi4spn'], // addi a0,sp,8
  ])('decodes compressed %s as %s', (half, name) => {
    expect(dec.decode16(half)?.name).toBe(name);
  });
  it('rejects reserved compressed encodings', () => {
    expect(dec.decode16(0x0000)).toBeUndefined(); // all-zero parcel is defined illegal
    expect(dec.decode16(0x8002)).toBeUndefined(); // c.jr x0
    expect(dec.decode16(0x4002)).toBeUndefined(); // c.lwsp x0
    expect(dec.decode16(0x6101)).toBeUndefined(); // c.addi16sp 0
    expect(dec.decode16(0x2001)).toBeUndefined(); // c.addiw x0
  });
  it('has no two rows that match the same word at the same specificity', () => {
    for (const set of [Instructions, CompressedInstructions] as const) {
      for (const a of set) for (const b of set) {
        if (a === b || a.mask !== b.mask) continue;
        expect((a.match & b.mask) >>> 0 === b.match && (b.match & a.mask) >>> 0 === a.match, `${a.name} vs ${b.name}`).toBe(false);
      }
    }
  });
});

describe('immediate fields', () => {
  it('B-type offset round trip and the manual layout', () => {
    // beq x0,x0,-4: imm[12]=1 → bit31, imm[10:5]=0x3f → bits 30:25, imm[4:1]=0xe → 11:8, imm[11]=1 → bit7
    expect(insertImm(Imm.B, -4)).toBe(0xfe000e80);
    expect(extractImm(Imm.B, 0xfe000ee3)).toBe(-4);
  });
  it('J-type', () => {
    expect(extractImm(Imm.J, 0x0000006f | insertImm(Imm.J, 2048))).toBe(2048);
    expect(insertImm(Imm.J, -2)).toBe(0xfffff000); // every imm bit set lands in bits 31:12
  });
  it('compressed layouts', () => {
    expect(extractImm(Imm.ci_addi16sp, 0x7139)).toBe(-64);
    expect(extractImm(Imm.ci_ldsp, 0x60a2)).toBe(8);
    expect(extractImm(Imm.cj, 0xbffd)).toBe(-2); // c.j .-2
    expect(fitsImm(Imm.ci_addi16sp, 8)).toBe(false); // must be a multiple of 16
    expect(fitsImm(Imm.ci_imm6, -32)).toBe(true);
    expect(fitsImm(Imm.ci_imm6, 32)).toBe(false);
  });
});
