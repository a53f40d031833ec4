/**
 * The 16-bit Fibonacci LFSR Rocket uses for random cache replacement (polynomial
 * x^16 + x^14 + x^13 + x^11 + 1). State is a plain number; step() returns the new state.
 */
export function lfsr16Step(x: number): number {
  const bit = (x ^ (x >>> 2) ^ (x >>> 3) ^ (x >>> 5)) & 1;
  return (x >>> 1) | (bit << 15);
}

/** Deterministic non-zero seed for one hart's cache (salt tells the I$ from the D$). */
export function lfsrSeed(profileSeed: number, hartId: number, salt: number): number {
  const s = (profileSeed ^ Math.imul(hartId + 1, 0x9e37) ^ salt) & 0xffff;
  return s === 0 ? 1 : s;
}
