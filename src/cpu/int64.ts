/**
 * 64-bit integer arithmetic on (lo, hi) int32 halves, BigInt-free and allocation-free (the
 * results go into a caller-provided Int32Array). Used by the hart for the M extension.
 */

/**
 * 2^32, the weight of a 64-bit value's high half. A const enum so that the bundle has the
 * number written in: esbuild makes a module's `const` a `var`, which V8's optimised code loads
 * from the module context and checks at every use (the trap paths use it a few times each).
 */
export const enum Pow2 { TWO32 = 4294967296 }

/**
 * Unsigned 64×64 → 128-bit product of a = ahi:alo and b = bhi:blo into out[0..3] (least
 * significant word first), with 16-bit limbs so every partial product is exact in a double.
 */
export function mulU128(alo: number, ahi: number, blo: number, bhi: number, out: Int32Array): void {
  const a0 = alo & 0xffff, a1 = alo >>> 16, a2 = ahi & 0xffff, a3 = ahi >>> 16;
  const b0 = blo & 0xffff, b1 = blo >>> 16, b2 = bhi & 0xffff, b3 = bhi >>> 16;
  // Column sums (each < 4·2^32 plus carry, exact in a double).
  let c = a0 * b0;
  const p0 = c % 65536;
  c = Math.floor(c / 65536) + a0 * b1 + a1 * b0;
  const p1 = c % 65536;
  c = Math.floor(c / 65536) + a0 * b2 + a1 * b1 + a2 * b0;
  const p2 = c % 65536;
  c = Math.floor(c / 65536) + a0 * b3 + a1 * b2 + a2 * b1 + a3 * b0;
  const p3 = c % 65536;
  c = Math.floor(c / 65536) + a1 * b3 + a2 * b2 + a3 * b1;
  const p4 = c % 65536;
  c = Math.floor(c / 65536) + a2 * b3 + a3 * b2;
  const p5 = c % 65536;
  c = Math.floor(c / 65536) + a3 * b3;
  const p6 = c % 65536;
  const p7 = Math.floor(c / 65536) % 65536;
  out[0] = p0 | (p1 << 16);
  out[1] = p2 | (p3 << 16);
  out[2] = p4 | (p5 << 16);
  out[3] = p6 | (p7 << 16);
}

/**
 * High 64 bits of the product with signed (sa/sb) interpretations, into out[2..3] (out[0..1]
 * hold the low 64 bits, which do not depend on signedness). Signed correction: for a signed
 * operand that is negative, the unsigned product exceeds the true one by 2^64 · (other).
 */
export function mulHigh(alo: number, ahi: number, sa: boolean, blo: number, bhi: number, sb: boolean, out: Int32Array): void {
  mulU128(alo, ahi, blo, bhi, out);
  let hlo = out[2];
  let hhi = out[3];
  if (sa && ahi < 0) {
    const l = (hlo - blo) | 0;
    hhi = (hhi - bhi - ((hlo >>> 0) < (blo >>> 0) ? 1 : 0)) | 0;
    hlo = l;
  }
  if (sb && bhi < 0) {
    const l = (hlo - alo) | 0;
    hhi = (hhi - ahi - ((hlo >>> 0) < (alo >>> 0) ? 1 : 0)) | 0;
    hlo = l;
  }
  out[2] = hlo;
  out[3] = hhi;
}

/**
 * Unsigned 64-bit division: quotient → out[0..1], remainder → out[2..3]. Divisor must be
 * non-zero. Exact double arithmetic where it suffices (both operands below 2^53, or a divisor
 * below 2^32: long division in 16-bit digits), else restoring division over only the
 * quotient's possible bits.
 */
export function divU64(alo: number, ahi: number, blo: number, bhi: number, out: Int32Array): void {
  const ah = ahi >>> 0, bh = bhi >>> 0;
  if (ah < 0x200000 && bh < 0x200000) {
    const a = ah * Pow2.TWO32 + (alo >>> 0);
    const b = bh * Pow2.TWO32 + (blo >>> 0);
    const r = a % b; // exact for integers
    const q = (a - r) / b; // exact: a - r is a multiple of b
    out[0] = q % Pow2.TWO32 | 0;
    out[1] = Math.floor(q / Pow2.TWO32) | 0;
    out[2] = r % Pow2.TWO32 | 0;
    out[3] = Math.floor(r / Pow2.TWO32) | 0;
    return;
  }
  if (bh === 0) {
    // Divisor < 2^32: digits of 32, 16 and 16 bits; every partial dividend r·2^16 + digit
    // stays below 2^48, so each step is exact.
    const b = blo >>> 0;
    const qh = Math.floor(ah / b);
    let r = ah - qh * b;
    const x = r * 65536 + (alo >>> 16);
    const q1 = Math.floor(x / b);
    r = x - q1 * b;
    const y = r * 65536 + (alo & 0xffff);
    const q0 = Math.floor(y / b);
    r = y - q0 * b;
    out[0] = (q1 << 16) | q0;
    out[1] = qh | 0;
    out[2] = r | 0;
    out[3] = 0;
    return;
  }
  // Divisor ≥ 2^32: the quotient has at most msb(a) − msb(b) + 1 bits. Start the remainder at
  // a >> (n + 1), which is below b, and shift in the remaining n + 1 bits of a.
  const n = (31 - Math.clz32(ah)) - (31 - Math.clz32(bh));
  if (n < 0) {
    out[0] = 0;
    out[1] = 0;
    out[2] = alo;
    out[3] = ahi;
    return;
  }
  const sh = n + 1; // 1..32
  let rlo = sh === 32 ? ah | 0 : (alo >>> sh) | (ah << (32 - sh));
  let rhi = sh === 32 ? 0 : ah >>> sh;
  let q = 0;
  const bl = blo >>> 0;
  for (let i = n; i >= 0; i--) {
    const bit = i >= 32 ? (ah >>> (i - 32)) & 1 : (alo >>> i) & 1;
    const carry = rhi >>> 31; // bit shifted out: r ≥ 2^64 > b
    rhi = (rhi << 1) | (rlo >>> 31);
    rlo = (rlo << 1) | bit;
    const rh = rhi >>> 0, rl = rlo >>> 0;
    q = q << 1;
    if (carry !== 0 || rh > bh || (rh === bh && rl >= bl)) {
      const nl = (rl - bl) | 0;
      rhi = (rh - bh - (rl < bl ? 1 : 0)) | 0;
      rlo = nl;
      q |= 1;
    }
  }
  out[0] = q; // n ≤ 31: the quotient fits in 32 bits
  out[1] = 0;
  out[2] = rlo;
  out[3] = rhi;
}

/** Two's-complement negation of hi:lo into out[o], out[o+1]. */
function neg(lo: number, hi: number, out: Int32Array, o: number): void {
  out[o] = -lo | 0;
  out[o + 1] = (~hi + (lo === 0 ? 1 : 0)) | 0;
}

/**
 * RISC-V DIV/DIVU/REM/REMU semantics (unprivileged spec 13.2): quotient → out[0..1],
 * remainder → out[2..3]; x/0 = all ones (quotient), remainder = dividend; signed overflow
 * -2^63 / -1 = -2^63 remainder 0. `scratch` is a 4-word temporary.
 */
export function div64(alo: number, ahi: number, blo: number, bhi: number, signed: boolean, out: Int32Array, scratch: Int32Array): void {
  if (blo === 0 && bhi === 0) {
    out[0] = -1;
    out[1] = -1;
    out[2] = alo;
    out[3] = ahi;
    return;
  }
  if (!signed) {
    divU64(alo, ahi, blo, bhi, out);
    return;
  }
  if (alo === 0 && ahi === (0x80000000 | 0) && blo === -1 && bhi === -1) {
    out[0] = alo;
    out[1] = ahi;
    out[2] = 0;
    out[3] = 0;
    return;
  }
  const na = ahi < 0, nb = bhi < 0;
  if (na) neg(alo, ahi, scratch, 0);
  else { scratch[0] = alo; scratch[1] = ahi; }
  if (nb) neg(blo, bhi, scratch, 2);
  else { scratch[2] = blo; scratch[3] = bhi; }
  divU64(scratch[0], scratch[1], scratch[2], scratch[3], out);
  if (na !== nb) neg(out[0], out[1], out, 0);
  if (na) neg(out[2], out[3], out, 2); // remainder takes the dividend's sign
}
