/**
 * TCP segments (RFC 9293 §3.1): the header, the MSS option (§3.7.1), the checksum over the
 * IPv4 pseudo header. Other options are skipped by their length (RFC 9293 §3.2: an unknown
 * option must be ignored); an option that runs past the header makes the segment malformed.
 */
import { Ptr, load8, store8, u64 } from '../../../gtsc/guest';
import { csumFinish, csumPartial, csumPseudo, get16, get32, put16, put32 } from './bytes';
import { IP_PROTO_TCP } from './ipv4';
import { WIRE_CHECKSUM, WIRE_MALFORMED, WIRE_OK, WIRE_TRUNCATED } from './errors';

export const TCP_HEADER_LEN = 20;
/** The header with the MSS option, as a SYN-ACK carries it. */
export const TCP_HEADER_LEN_MSS = 24;
export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
export const TCP_URG = 0x20;
const OPT_END = 0;
const OPT_NOP = 1;
const OPT_MSS = 2;

export interface TcpRepr {
  srcPort: u64;
  dstPort: u64;
  seq: u64;
  ack: u64;
  flags: u64;
  window: u64;
  /** The MSS option's value, 0 when absent. */
  mss: u64;
  /** Address and length of the data. */
  data: u64;
  dataLen: u64;
}

function parseOptions(p: u64, end: u64, r: Ptr<TcpRepr>): u64 {
  let q = p;
  while (q < end) {
    const kind = load8(q);
    if (kind === OPT_END) break;
    if (kind === OPT_NOP) {
      q++;
      continue;
    }
    if (q + 1 >= end) return WIRE_MALFORMED;
    const olen = load8(q + 1);
    if (olen < 2 || q + olen > end) return WIRE_MALFORMED;
    if (kind === OPT_MSS) {
      if (olen !== 4) return WIRE_MALFORMED;
      r.mss = get16(q + 2);
    }
    q += olen;
  }
  return WIRE_OK;
}

/** Parses the segment of `len` bytes at p, sent from src to dst (IPv4 addresses). */
export function tcpParse(p: u64, len: u64, src: u64, dst: u64, r: Ptr<TcpRepr>): u64 {
  if (len < TCP_HEADER_LEN) return WIRE_TRUNCATED;
  const hlen = (load8(p + 12) >>> 4) * 4;
  if (hlen < TCP_HEADER_LEN) return WIRE_MALFORMED;
  if (hlen > len) return WIRE_TRUNCATED;
  if (csumFinish(csumPartial(p, len, csumPseudo(0, src, dst, IP_PROTO_TCP, len))) !== 0) return WIRE_CHECKSUM;
  r.mss = 0;
  if (parseOptions(p + TCP_HEADER_LEN, p + hlen, r) !== WIRE_OK) return WIRE_MALFORMED;
  r.srcPort = get16(p);
  r.dstPort = get16(p + 2);
  r.seq = get32(p + 4);
  r.ack = get32(p + 8);
  r.flags = load8(p + 13);
  r.window = get16(p + 14);
  r.data = p + hlen;
  r.dataLen = len - hlen;
  return WIRE_OK;
}

/**
 * Writes a header at p (with the MSS option when mss is not 0) and returns its length; the
 * data goes after it, then tcpChecksum.
 */
export function tcpEmitHeader(p: u64, srcPort: u64, dstPort: u64, seq: u64, ack: u64, flags: u64, window: u64, mss: u64): u64 {
  const hlen = mss !== 0 ? TCP_HEADER_LEN_MSS : TCP_HEADER_LEN;
  put16(p, srcPort);
  put16(p + 2, dstPort);
  put32(p + 4, seq);
  put32(p + 8, ack);
  store8(p + 12, (hlen / 4) << 4);
  store8(p + 13, flags);
  put16(p + 14, window);
  put16(p + 16, 0);
  put16(p + 18, 0);
  if (mss !== 0) {
    store8(p + 20, OPT_MSS);
    store8(p + 21, 4);
    put16(p + 22, mss);
  }
  return hlen;
}

/** Fills in the checksum of the `len`-byte segment at p (header and data) from src to dst. */
export function tcpChecksum(p: u64, len: u64, src: u64, dst: u64): void {
  put16(p + 16, csumFinish(csumPartial(p, len, csumPseudo(0, src, dst, IP_PROTO_TCP, len))));
}
