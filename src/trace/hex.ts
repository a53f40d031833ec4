/** Fixed-width hexadecimal formatting of 64-bit values given as halves or as JS numbers. */

const TWO32 = 4294967296;

/** Two hex digits per byte value: four lookups beat toString(16) + padStart on the trace path. */
const BYTE_HEX: readonly string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(v: number): string {
  return BYTE_HEX[(v >>> 24) & 255] + BYTE_HEX[(v >>> 16) & 255] + BYTE_HEX[(v >>> 8) & 255] + BYTE_HEX[v & 255];
}

/** "0x" + 16 hex digits of hi:lo. */
export function hex64(lo: number, hi: number): string {
  return '0x' + hex8(hi) + hex8(lo);
}

/** "0x" + 16 hex digits of a JS integer (negative: two's complement), exact below 2^53. */
export function hexNum64(v: number): string {
  return hex64(v % TWO32 | 0, Math.floor(v / TWO32) | 0);
}

/** "0x" + 2·bytes hex digits of the low `bytes` bytes of hi:lo (Spike's value widths). */
export function hexBytes(lo: number, hi: number, bytes: number): string {
  if (bytes >= 8) return hex64(lo, hi);
  const digits = bytes * 2;
  const v = bytes === 4 ? lo >>> 0 : (lo & ((1 << (bytes * 8)) - 1)) >>> 0;
  return '0x' + v.toString(16).padStart(digits, '0');
}
