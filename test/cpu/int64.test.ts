// 64-bit multiply and divide on int32 halves against BigInt (the independent reference here):
// edge operands (0, 1, all ones, powers of two, the signed extremes, 2^53 ± 1) crossed with
// each other, plus random operands of every magnitude, for MUL, MULH/MULHSU/MULHU, DIV, DIVU,
// REM, REMU as the unprivileged spec (13.1, 13.2) defines them.
import { describe, expect, it } from 'vitest';
import { div64, divU64, mulHigh, mulU128 } from '../../src/cpu/int64';

const M64 = (1n << 64n) - 1n;
const halves = (v: bigint): [number, number] => [Number(v & 0xffffffffn) | 0, Number((v >> 32n) & 0xffffffffn) | 0];
const u64 = (lo: number, hi: number): bigint => (BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0);
const s64 = (v: bigint): bigint => BigInt.asIntN(64, v);

const EDGES: bigint[] = [
  0n, 1n, 2n, 3n, 7n, 0xffffn, 0x10000n, 0xffffffffn, 0x100000000n, 0x100000001n, (1n << 53n) - 1n, 1n << 53n,
  (1n << 53n) + 1n, 1n << 62n, (1n << 63n) - 1n, 1n << 63n, (1n << 63n) + 1n, M64 - 1n, M64, 0x123456789abcdefn,
];

function operands(): bigint[][] {
  const pairs: bigint[][] = [];
  for (const a of EDGES) for (const b of EDGES) pairs.push([a, b]);
  let x = 0x2545f4914f6cdd1dn;
  const next = (): bigint => {
    x ^= (x << 13n) & M64;
    x ^= x >> 7n;
    x ^= (x << 17n) & M64;
    return x;
  };
  for (let i = 0; i < 4000; i++) {
    // Random magnitudes: shift each operand right by a random amount.
    const a = next() >> (next() % 64n);
    const b = next() >> (next() % 64n);
    pairs.push([a, b]);
  }
  return pairs;
}

describe('int64 helpers against BigInt', () => {
  const pairs = operands();
  const out = new Int32Array(4);
  const scratch = new Int32Array(4);

  it('MUL and the three MULH variants', () => {
    for (const [a, b] of pairs) {
      const [al, ah] = halves(a);
      const [bl, bh] = halves(b);
      mulU128(al, ah, bl, bh, out);
      const p = a * b;
      expect(u64(out[0], out[1]), `${a} * ${b} low`).toBe(p & M64);
      expect(u64(out[2], out[3]), `${a} * ${b} high`).toBe((p >> 64n) & M64);
      for (const [sa, sb] of [[true, true], [true, false], [false, false]] as const) {
        mulHigh(al, ah, sa, bl, bh, sb, out);
        const exp = ((sa ? s64(a) : a) * (sb ? s64(b) : b)) >> 64n;
        expect(u64(out[2], out[3]), `mulh ${sa}/${sb} ${a} ${b}`).toBe(exp & M64);
      }
    }
  });

  it('DIVU/REMU and DIV/REM, division by zero and overflow included', () => {
    for (const [a, b] of pairs) {
      const [al, ah] = halves(a);
      const [bl, bh] = halves(b);
      div64(al, ah, bl, bh, false, out, scratch);
      const qu = b === 0n ? M64 : a / b;
      const ru = b === 0n ? a : a % b;
      expect([u64(out[0], out[1]), u64(out[2], out[3])], `divu ${a} / ${b}`).toEqual([qu, ru]);
      if (b !== 0n) {
        divU64(al, ah, bl, bh, out);
        expect([u64(out[0], out[1]), u64(out[2], out[3])], `divU64 ${a} / ${b}`).toEqual([qu, ru]);
      }
      div64(al, ah, bl, bh, true, out, scratch);
      const sa = s64(a), sb = s64(b);
      let q: bigint;
      let r: bigint;
      if (sb === 0n) [q, r] = [-1n, sa];
      else if (sa === -(1n << 63n) && sb === -1n) [q, r] = [sa, 0n];
      else [q, r] = [sa / sb, sa % sb]; // BigInt division truncates toward zero, as RISC-V does
      expect([u64(out[0], out[1]), u64(out[2], out[3])], `div ${sa} / ${sb}`).toEqual([q & M64, r & M64]);
    }
  });
});
