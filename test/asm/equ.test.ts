// .equ/.set constants are 64-bit values: none may lose bits by passing through a JS number.
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm';

const bytesOf = (src: string, section: string): number[] => {
  const obj = assemble(src, 'equ.S');
  const s = obj.sections.find((x) => x.name === section);
  return s ? [...s.bytes] : [];
};

describe('.equ and .set', () => {
  it('keeps all 64 bits of a constant above 2^53', () => {
    // Little-endian bytes of 0x9e3779b97f4a7c15, written out by hand.
    expect(bytesOf('.data\n.equ GOLDEN, 0x9e3779b97f4a7c15\n.dword GOLDEN\n', '.data')).toEqual([0x15, 0x7c, 0x4a, 0x7f, 0xb9, 0x79, 0x37, 0x9e]);
    expect(bytesOf('.data\n.set ALL, -1\n.dword ALL\n', '.data')).toEqual(new Array(8).fill(0xff));
  });

  it('gives li the same expansion as the literal', () => {
    const viaEqu = bytesOf('.equ K, 0x9e3779b97f4a7c15\nli a0, K\n', '.text');
    const literal = bytesOf('li a0, 0x9e3779b97f4a7c15\n', '.text');
    expect(viaEqu.length).toBeGreaterThan(8);
    expect(viaEqu).toEqual(literal);
  });
});
