/**
 * Byte helpers for building and parsing Ethernet/IPv4 frames in guest code: network-order
 * fields, the Internet checksum (RFC 1071), and the headers the example programs send.
 */
import { load8, store8, u64 } from '../../src/gtsc/guest';
import { copyMac } from './virtio-net';

export const ETH_ARP = 0x0806;
export const ETH_IPV4 = 0x0800;
export const IP_ICMP = 1;
export const IP_TCP = 6;
export const IP_UDP = 17;
/** 10.0.2.15 and 10.0.2.2, the user-mode network's guest and gateway. */
export const GUEST_IP = 0x0a00020f;
export const GATEWAY_IP = 0x0a000202;

export function get16(p: u64): u64 {
  return (load8(p) << 8) | load8(p + 1);
}
export function get32(p: u64): u64 {
  return (get16(p) << 16) | get16(p + 2);
}
export function put16(p: u64, v: u64): void {
  store8(p, v >>> 8);
  store8(p + 1, v);
}
export function put32(p: u64, v: u64): void {
  put16(p, v >>> 16);
  put16(p + 2, v);
}

/** One's-complement sum of len bytes at p added to `sum` (not folded). */
export function sum16(p: u64, len: u64, sum: u64): u64 {
  let s = sum;
  let i: u64 = 0;
  while (i + 1 < len) {
    s += get16(p + i);
    i += 2;
  }
  if (i < len) s += load8(p + i) << 8;
  return s;
}

/** Folds and complements: the value for a checksum field. */
export function fold(sum: u64): u64 {
  let s = sum;
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

/** Ethernet header at f: dst (6 bytes at `dst`, or broadcast when dst is 0), our MAC, type. */
export function putEth(f: u64, dst: u64, type: u64): void {
  for (let i = 0; i < 6; i++) store8(f + i, dst === 0 ? 0xff : load8(dst + i));
  copyMac(f + 6);
  put16(f + 12, type);
}

let ipId: u64 = 0;

/** IPv4 header at p (20 bytes, DF, TTL 64) with its checksum, for `payload` bytes. */
export function putIp(p: u64, proto: u64, src: u64, dst: u64, payload: u64): void {
  ipId++;
  put16(p, 0x4500);
  put16(p + 2, 20 + payload);
  put16(p + 4, ipId);
  put16(p + 6, 0x4000);
  store8(p + 8, 64);
  store8(p + 9, proto);
  put16(p + 10, 0);
  put32(p + 12, src);
  put32(p + 16, dst);
  put16(p + 10, fold(sum16(p, 20, 0)));
}

/** Sum of the TCP/UDP pseudo header (RFC 9293 §3.1). */
export function pseudo(src: u64, dst: u64, proto: u64, len: u64): u64 {
  return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + proto + len;
}

/** ARP packet (RFC 826) at p: op, our MAC and IP as sender, target MAC at tha (0 = zeros) and IP. */
export function putArp(p: u64, op: u64, spa: u64, tha: u64, tpa: u64): void {
  put16(p, 1);
  put16(p + 2, ETH_IPV4);
  store8(p + 4, 6);
  store8(p + 5, 4);
  put16(p + 6, op);
  copyMac(p + 8);
  put32(p + 14, spa);
  for (let i = 0; i < 6; i++) store8(p + 18 + i, tha === 0 ? 0 : load8(tha + i));
  put32(p + 24, tpa);
}
