/**
 * IPv4 headers (RFC 791). Parsing checks the version, the header length, the total length
 * against what arrived, and the header checksum; fragments are refused (the stack does not
 * reassemble: its peers send at most an MTU, with DF). Options are skipped.
 */
import { Ptr, load8, store8, u64 } from '../../../gtsc/guest';
import { csumFinish, csumPartial, get16, get32, put16, put32 } from './bytes';
import { WIRE_CHECKSUM, WIRE_MALFORMED, WIRE_OK, WIRE_TRUNCATED, WIRE_UNSUPPORTED } from './errors';

export const IPV4_HEADER_LEN = 20;
export const IP_PROTO_ICMP = 1;
export const IP_PROTO_TCP = 6;
export const IP_PROTO_UDP = 17;
export const IPV4_BROADCAST = 0xffffffff;
const DEFAULT_TTL = 64;
const FLAG_DF = 0x4000;
const FLAG_MF = 0x2000;
const OFFSET_MASK = 0x1fff;

export interface Ipv4Repr {
  src: u64;
  dst: u64;
  proto: u64;
  ttl: u64;
  /** Header length in bytes (20 without options). */
  headerLen: u64;
  /** Bytes after the header, from the total length field (padding after it excluded). */
  payloadLen: u64;
}

export function ipv4Parse(p: u64, len: u64, r: Ptr<Ipv4Repr>): u64 {
  if (len < IPV4_HEADER_LEN) return WIRE_TRUNCATED;
  const vihl = load8(p);
  const hlen = (vihl & 15) * 4;
  if (vihl >>> 4 !== 4 || hlen < IPV4_HEADER_LEN) return WIRE_MALFORMED;
  const total = get16(p + 2);
  if (hlen > len || total > len) return WIRE_TRUNCATED;
  if (total < hlen) return WIRE_MALFORMED;
  if (csumFinish(csumPartial(p, hlen, 0)) !== 0) return WIRE_CHECKSUM;
  const frag = get16(p + 6);
  if ((frag & (FLAG_MF | OFFSET_MASK)) !== 0) return WIRE_UNSUPPORTED;
  r.src = get32(p + 12);
  r.dst = get32(p + 16);
  r.proto = load8(p + 9);
  r.ttl = load8(p + 8);
  r.headerLen = hlen;
  r.payloadLen = total - hlen;
  return WIRE_OK;
}

/** Writes a 20-byte header (DF, TTL 64) with its checksum for `payloadLen` bytes of `proto`. */
export function ipv4Emit(p: u64, id: u64, proto: u64, src: u64, dst: u64, payloadLen: u64): void {
  put16(p, 0x4500);
  put16(p + 2, IPV4_HEADER_LEN + payloadLen);
  put16(p + 4, id);
  put16(p + 6, FLAG_DF);
  store8(p + 8, DEFAULT_TTL);
  store8(p + 9, proto);
  put16(p + 10, 0);
  put32(p + 12, src);
  put32(p + 16, dst);
  put16(p + 10, csumFinish(csumPartial(p, IPV4_HEADER_LEN, 0)));
}
