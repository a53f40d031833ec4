/** UDP (RFC 768): the DHCP client is its only user. */
import { Ptr, u64 } from '../../../gtsc/guest';
import { csumFinish, csumPartial, csumPseudo, get16, put16 } from './bytes';
import { IP_PROTO_UDP } from './ipv4';
import { WIRE_CHECKSUM, WIRE_MALFORMED, WIRE_OK, WIRE_TRUNCATED } from './errors';

export const UDP_HEADER_LEN = 8;

export interface UdpRepr {
  srcPort: u64;
  dstPort: u64;
  /** Data bytes after the header. */
  dataLen: u64;
}

/** Parses the datagram of up to `len` bytes at p sent from src to dst (checksum 0 = none, RFC 768). */
export function udpParse(p: u64, len: u64, src: u64, dst: u64, r: Ptr<UdpRepr>): u64 {
  if (len < UDP_HEADER_LEN) return WIRE_TRUNCATED;
  const ulen = get16(p + 4);
  if (ulen > len) return WIRE_TRUNCATED;
  if (ulen < UDP_HEADER_LEN) return WIRE_MALFORMED;
  if (get16(p + 6) !== 0 && csumFinish(csumPartial(p, ulen, csumPseudo(0, src, dst, IP_PROTO_UDP, ulen))) !== 0) return WIRE_CHECKSUM;
  r.srcPort = get16(p);
  r.dstPort = get16(p + 2);
  r.dataLen = ulen - UDP_HEADER_LEN;
  return WIRE_OK;
}

/** Writes the header before `dataLen` bytes already at p + 8, with the checksum. */
export function udpEmit(p: u64, src: u64, dst: u64, srcPort: u64, dstPort: u64, dataLen: u64): void {
  const ulen = UDP_HEADER_LEN + dataLen;
  put16(p, srcPort);
  put16(p + 2, dstPort);
  put16(p + 4, ulen);
  put16(p + 6, 0);
  let c = csumFinish(csumPartial(p, ulen, csumPseudo(0, src, dst, IP_PROTO_UDP, ulen)));
  if (c === 0) c = 0xffff; // RFC 768: a computed zero is sent as all ones
  put16(p + 6, c);
}
