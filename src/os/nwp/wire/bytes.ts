/**
 * Network-order fields and the Internet checksum (RFC 1071) over guest memory. Every wire
 * format of the stack reads and writes through these.
 *
 * The checksum is summed over little-endian 16-bit loads and swapped once at the end: a
 * one's-complement sum is independent of byte order (RFC 1071 §2(B)), so this costs one load
 * per 16 bits instead of two byte loads and a shift.
 */
import { load16, load32, load64, load8, store16, store32, store64, store8, u64 } from '../../../gtsc/guest';

export function get16(p: u64): u64 {
  return (load8(p) << 8) | load8(p + 1);
}

export function get32(p: u64): u64 {
  return (get16(p) << 16) | get16(p + 2);
}

/** A 48-bit MAC address as an integer (first byte most significant). */
export function get48(p: u64): u64 {
  return (get16(p) << 32) | get32(p + 2);
}

export function put16(p: u64, v: u64): void {
  store8(p, v >>> 8);
  store8(p + 1, v);
}

export function put32(p: u64, v: u64): void {
  put16(p, v >>> 16);
  put16(p + 2, v);
}

export function put48(p: u64, v: u64): void {
  put16(p, v >>> 32);
  put32(p + 2, v);
}

/**
 * Copies n bytes from src to dst (the areas do not overlap), in the widest aligned words the
 * two addresses allow (8, 4 or 2 bytes when they agree modulo that), so that no access is
 * misaligned.
 */
export function copyBytes(dst: u64, src: u64, n: u64): void {
  let d = dst;
  let s = src;
  let left = n;
  const skew = d ^ s;
  if ((skew & 7) === 0) {
    while ((d & 7) !== 0 && left > 0) {
      store8(d, load8(s));
      d++;
      s++;
      left--;
    }
    while (left >= 8) {
      store64(d, load64(s));
      d += 8;
      s += 8;
      left -= 8;
    }
  } else if ((skew & 3) === 0) {
    while ((d & 3) !== 0 && left > 0) {
      store8(d, load8(s));
      d++;
      s++;
      left--;
    }
    while (left >= 4) {
      store32(d, load32(s));
      d += 4;
      s += 4;
      left -= 4;
    }
  } else if ((skew & 1) === 0) {
    if ((d & 1) !== 0 && left > 0) {
      store8(d, load8(s));
      d++;
      s++;
      left--;
    }
    while (left >= 2) {
      store16(d, load16(s));
      d += 2;
      s += 2;
      left -= 2;
    }
  }
  while (left > 0) {
    store8(d, load8(s));
    d++;
    s++;
    left--;
  }
}

export function zeroBytes(dst: u64, n: u64): void {
  for (let i: u64 = 0; i < n; i++) store8(dst + i, 0);
}

/** Adds len bytes at p to a partial checksum (little-endian domain, not folded). */
export function csumPartial(p: u64, len: u64, sum: u64): u64 {
  let s = sum;
  let i: u64 = 0;
  while (i + 8 <= len) {
    s += load16(p + i) + load16(p + i + 2) + load16(p + i + 4) + load16(p + i + 6);
    i += 8;
  }
  while (i + 2 <= len) {
    s += load16(p + i);
    i += 2;
  }
  if (i < len) s += load8(p + i); // the odd last byte, padded with a zero byte
  return s;
}

/** Adds a 16-bit network-order value (a pseudo-header field) to a partial checksum. */
export function csumAdd16(sum: u64, v: u64): u64 {
  return sum + (((v & 0xff) << 8) | ((v >>> 8) & 0xff));
}

/** The pseudo header of TCP and UDP over IPv4 (RFC 9293 §3.1, RFC 768) added to a partial sum. */
export function csumPseudo(sum: u64, src: u64, dst: u64, proto: u64, len: u64): u64 {
  let s = csumAdd16(sum, src >>> 16);
  s = csumAdd16(s, src & 0xffff);
  s = csumAdd16(s, dst >>> 16);
  s = csumAdd16(s, dst & 0xffff);
  s = csumAdd16(s, proto);
  return csumAdd16(s, len);
}

/**
 * Folds a partial sum and complements it: the value of a checksum field, in network order
 * (store it with put16). Over data that includes a correct checksum field it gives 0.
 */
export function csumFinish(sum: u64): u64 {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  s = ~s & 0xffff;
  return ((s & 0xff) << 8) | (s >>> 8);
}
