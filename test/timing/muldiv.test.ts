/**
 * Multiply/divide latencies, derived by hand from Rocket's MulDiv state machine as described
 * in docs/timing.md (mulUnroll = 8, early out on; divUnroll = 1, early out on).
 *   MUL:  n = min(8, max(2, ceil(bitlen(rs1)/8) + 1)) cycles in s_mul, L = n + 1
 *   MULW: n = min(4, 1 + ceil(bitlen(rs1[31:0])/8)),                     L = n + 1
 *   MULH*: n = 8, L = 9
 *   DIV:  L = negIn + D + negOut + 1, D = 66 − s when s = 63 − ((msb|a| − msb|b|) mod 64) ≥ 1
 *         and b ≠ 0, otherwise D = 65.
 */
import { describe, expect, it } from 'vitest';
import { divLatency, mulLatency } from '../../src/timing/muldiv';

const MUL = 0, MULH = 1, MULHSU = 2, MULHU = 3, DIV = 4, DIVU = 5, REM = 6, REMU = 7;
const mul = (f: number, word: boolean, lo: number, hi = 0): number => mulLatency(f, word, lo, hi, 8, true);
const div = (f: number, word: boolean, aLo: number, aHi: number, bLo: number, bHi: number): number =>
  divLatency(f, word, aLo, aHi, bLo, bHi, true);

describe('multiplier latency (request to response)', () => {
  it('64-bit MUL stops early on small multipliers (rs1)', () => {
    expect(mul(MUL, false, 0)).toBe(3); // bitlen 0: n = max(2, 1) = 2 (count 0 never exits) → 3
    expect(mul(MUL, false, 0xff)).toBe(3); // bitlen 8: ceil(8/8)+1 = 2 → 3
    expect(mul(MUL, false, 0x100)).toBe(4); // bitlen 9: 2+1 = 3 → 4
    expect(mul(MUL, false, 0x1234)).toBe(4); // bitlen 13 → n 3 → 4
    expect(mul(MUL, false, 0x12345678)).toBe(6); // bitlen 29: ceil(29/8)=4, n=5 → 6
    expect(mul(MUL, false, 0, 0x0000ffff)).toBe(8); // bitlen 48: 6+1 = 7 → 8
    expect(mul(MUL, false, 0, 0x00ffffff)).toBe(9); // bitlen 56: 7+1 = 8 → 9
    expect(mul(MUL, false, 0, 0x80000000)).toBe(9); // bitlen 64: capped at 8 → 9
    expect(mul(MUL, false, -1, -1)).toBe(9); // -1 has all bits set: no early out
  });
  it('MULH, MULHSU and MULHU never stop early', () => {
    for (const f of [MULH, MULHSU, MULHU]) expect(mul(f, false, 1)).toBe(9);
  });
  it('MULW starts half way and looks at rs1[31:0] only', () => {
    expect(mul(MUL, true, 0, 0x7fffffff)).toBe(2); // low word 0: n = 1 → 2 (Rocket's minimum)
    expect(mul(MUL, true, 0xff)).toBe(3); // n = 1 + 1 = 2
    expect(mul(MUL, true, 0xffff)).toBe(4); // n = 1 + 2 = 3
    expect(mul(MUL, true, 0x12345678)).toBe(5); // n = min(4, 1 + 4) = 4
    expect(mul(MUL, true, -1)).toBe(5);
  });
  it('without early out every multiply takes the full count', () => {
    expect(mulLatency(MUL, false, 0, 0, 8, false)).toBe(9);
    expect(mulLatency(MUL, true, 0, 0, 8, false)).toBe(5);
    expect(mulLatency(MUL, false, 0, 0, 1, false)).toBe(65);
  });
});

describe('divider latency (request to response)', () => {
  it('DIVU 100 / 7: msb 6 and 2, s = 63 − 4 = 59, D = 7 → L = 8', () => {
    expect(div(DIVU, false, 100, 0, 7, 0)).toBe(8);
    expect(div(REMU, false, 100, 0, 7, 0)).toBe(8);
  });
  it('equal magnitudes: s = 63, D = 3 → L = 4 (the fastest divide)', () => {
    expect(div(DIVU, false, 0, 0x80000000, 0, 0x80000000)).toBe(4);
    expect(div(DIVU, false, 9, 0, 8, 0)).toBe(4);
  });
  it('divide by zero skips early out: D = 65 → L = 66', () => {
    expect(div(DIVU, false, 100, 0, 0, 0)).toBe(66);
    // signed DIV by zero of a negative: negIn 1, D 65, negOut cleared (divby0) → 67
    expect(div(DIV, false, -100, -1, 0, 0)).toBe(67);
    // REM by zero of a negative keeps negOut (result sign = dividend sign) → 68
    expect(div(REM, false, -100, -1, 0, 0)).toBe(68);
  });
  it('the 6-bit wrap of Rocket early out: 5 / 8 → (2 − 3) mod 64 = 63, s = 0, D = 65', () => {
    expect(div(DIVU, false, 5, 0, 8, 0)).toBe(66);
    // 1 / 2^63: (0 − 63) mod 64 = 1, s = 62, D = 4 → L = 5
    expect(div(DIVU, false, 1, 0, 0, 0x80000000)).toBe(5);
    // (2^64 − 1) / 1: msb 63 − 0 = 63, s = 0: no early out → 66
    expect(div(DIVU, false, -1, -1, 1, 0)).toBe(66);
  });
  it('signed operands add the negate-inputs and negate-output cycles', () => {
    expect(div(DIV, false, -100, -1, 7, 0)).toBe(10); // 1 + 7 + 1 (signs differ) + 1
    expect(div(DIV, false, -100, -1, -7, -1)).toBe(9); // 1 + 7 + 0 (same signs) + 1
    expect(div(REM, false, -100, -1, 7, 0)).toBe(10); // REM negates when a < 0
    expect(div(REM, false, 100, 0, -7, -1)).toBe(9); // b < 0 only: negIn 1, negOut 0
    // unsigned: 2^64 − 100 has msb 63, 7 has msb 2: s = 63 − 61 = 2, D = 64, no sign steps → 65
    expect(div(DIVU, false, -100, -1, 7, 0)).toBe(65);
  });
  it('W forms extend the low words first', () => {
    // DIVW −8 / 2: |a| = 8 (msb 3), b msb 1, s = 61, D = 5; negIn 1, negOut 1 → 8
    expect(div(DIV, true, -8, 0, 2, 0)).toBe(8);
    // DIVUW 0xfffffff8 / 2: a = 2^32 − 8 (msb 31), s = 63 − 30 = 33, D = 33 → 34
    expect(div(DIVU, true, 0xfffffff8, 0x12345, 2, 0x777)).toBe(34);
  });
});
