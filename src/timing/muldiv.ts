/**
 * Latency of Rocket's iterative multiply/divide unit (rocket-chip MulDiv, re-derived from its
 * state machine; see docs/timing.md §MulDiv). Operands arrive as 32-bit halves. The returned
 * value L is the number of cycles from the request (the instruction in EX) to the response;
 * the result reaches a dependent instruction, and the unit accepts the next request, L + 1
 * cycles after the request.
 *
 * funct3 (from the M-extension encoding): 0 MUL, 1 MULH, 2 MULHSU, 3 MULHU,
 * 4 DIV, 5 DIVU, 6 REM, 7 REMU.
 */

/** Bit length of an unsigned 64-bit value given as halves (0 for 0). */
function bitLength(lo: number, hi: number): number {
  if (hi !== 0) return 64 - Math.clz32(hi);
  return 32 - Math.clz32(lo);
}

/**
 * Multiplier cycles in the s_mul state. u bits of the multiplier (rs1) are consumed per cycle;
 * with early out the unit stops at the first count c ≥ 1 at which the multiplier bits not yet
 * consumed are all zero. MULW starts half way (count = steps/2) and only looks at rs1[31:0].
 * MULH, MULHSU and MULHU never stop early.
 */
export function mulCycles(funct3: number, word: boolean, aLo: number, aHi: number, u: number, earlyOut: boolean): number {
  const steps = 64 / u;
  if (word) {
    if (!earlyOut) return steps / 2;
    return Math.min(steps / 2, 1 + Math.ceil(bitLength(aLo, 0) / u));
  }
  if (!earlyOut || (funct3 & 3) !== 0) return steps;
  return Math.min(steps, Math.max(2, Math.ceil(bitLength(aLo, aHi) / u) + 1));
}

/** Request-to-response latency of a multiply. */
export function mulLatency(funct3: number, word: boolean, aLo: number, aHi: number, u: number, earlyOut: boolean): number {
  return mulCycles(funct3, word, aLo, aHi, u, earlyOut) + 1;
}

/** floor(log2(x)) of an unsigned 64-bit value (Chisel Log2: 0 for 0). */
function log2Floor(lo: number, hi: number): number {
  const n = bitLength(lo, hi);
  return n === 0 ? 0 : n - 1;
}

/**
 * Request-to-response latency of a divide or remainder:
 *   L = negIn + D + negOut + 1
 * negIn  = 1 when a signed op has a negative operand (s_neg_inputs),
 * D      = cycles in s_div: 65 without early out; with early out (divisor ≠ 0),
 *          s = 63 − ((msb(|a|) − msb(|b|)) mod 64) and, when s ≥ 1, D = 66 − s,
 * negOut = 1 when the result must be negated (s_neg_output): REM when a < 0, DIV when the
 *          signs differ and the divisor is not 0.
 * DIVW-class ops sign- (or zero-, for unsigned) extend the low words to 64 bits first.
 */
export function divLatency(funct3: number, word: boolean, aLo: number, aHi: number, bLo: number, bHi: number, earlyOut: boolean): number {
  const signed = (funct3 & 1) === 0;
  const isRem = (funct3 & 2) !== 0;
  if (word) {
    aHi = signed ? aLo >> 31 : 0;
    bHi = signed ? bLo >> 31 : 0;
  }
  const aNeg = signed && aHi >>> 31 === 1;
  const bNeg = signed && bHi >>> 31 === 1;
  // Magnitudes as unsigned 64-bit halves (two's-complement negation of a negative operand).
  let aL = aLo >>> 0, aH = aHi >>> 0, bL = bLo >>> 0, bH = bHi >>> 0;
  if (aNeg) { aH = (~aH + (aL === 0 ? 1 : 0)) >>> 0; aL = (-aL) >>> 0; }
  if (bNeg) { bH = (~bH + (bL === 0 ? 1 : 0)) >>> 0; bL = (-bL) >>> 0; }
  const divBy0 = bL === 0 && bH === 0;
  let d = 65;
  if (earlyOut && !divBy0) {
    const s = 63 - ((log2Floor(aL, aH) - log2Floor(bL, bH)) & 63);
    if (s >= 1) d = 66 - s;
  }
  const negIn = aNeg || bNeg ? 1 : 0;
  const negOut = isRem ? aNeg : aNeg !== bNeg && !divBy0;
  return negIn + d + (negOut ? 1 : 0) + 1;
}
