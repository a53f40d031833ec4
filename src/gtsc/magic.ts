/**
 * Division by constants with a multiply-high (Hacker's Delight, chapter 10; Granlund &
 * Montgomery): q = mulh(n, m) >> s with a correction step where the magic needs 65 bits.
 */
const TWO64 = 1n << 64n;

export interface UnsignedMagic {
  m: bigint;
  shift: number;
  /** The magic number needs 65 bits: q = (((n - t) >> 1) + t) >> (shift - 1), t = mulhu(n, m). */
  add: boolean;
}

/** Magic for unsigned 64-bit division by d (d > 1, not a power of two). */
export function unsignedMagic(d: bigint): UnsignedMagic {
  const l = d.toString(2).length; // ceil(log2 d) for d not a power of two
  for (let s = 0; s <= l; s++) {
    const m = ((1n << BigInt(64 + s)) + d - 1n) / d; // ceil(2^(64+s) / d)
    if (m < TWO64 && m * d - (1n << BigInt(64 + s)) <= 1n << BigInt(s)) return { m, shift: s, add: false };
  }
  const m = (TWO64 * ((1n << BigInt(l)) - d)) / d + 1n;
  return { m, shift: l, add: true };
}

export interface SignedMagic {
  m: bigint;
  shift: number;
}

/** Magic for signed 64-bit division by d (|d| > 1, not a power of two); Hacker's Delight 10-1. */
export function signedMagic(d: bigint): SignedMagic {
  const two63 = 1n << 63n;
  const ad = d < 0n ? -d : d;
  const t = two63 + (BigInt.asUintN(64, d) >> 63n);
  const anc = t - 1n - (t % ad);
  let p = 63n;
  let q1 = two63 / anc, r1 = two63 - q1 * anc;
  let q2 = two63 / ad, r2 = two63 - q2 * ad;
  let delta: bigint;
  do {
    p++;
    q1 *= 2n; r1 *= 2n;
    if (r1 >= anc) { q1++; r1 -= anc; }
    q2 *= 2n; r2 *= 2n;
    if (r2 >= ad) { q2++; r2 -= ad; }
    delta = ad - r2;
  } while (q1 < delta || (q1 === delta && r1 === 0n));
  let m = BigInt.asIntN(64, q2 + 1n);
  if (d < 0n) m = -m;
  return { m: BigInt.asIntN(64, m), shift: Number(p - 64n) };
}
