/** ICMP for IPv4 (RFC 792): the echo request and reply this stack answers. */
import { Ptr, load8, store8, u64 } from '../../../gtsc/guest';
import { csumFinish, csumPartial, get16, put16 } from './bytes';
import { WIRE_CHECKSUM, WIRE_OK, WIRE_TRUNCATED } from './errors';

export const ICMP_HEADER_LEN = 8;
export const ICMP_ECHO_REPLY = 0;
export const ICMP_ECHO_REQUEST = 8;

export interface IcmpRepr {
  type: u64;
  code: u64;
  /** Echo identifier and sequence number (the rest-of-header word of other types). */
  id: u64;
  seq: u64;
}

export function icmpParse(p: u64, len: u64, r: Ptr<IcmpRepr>): u64 {
  if (len < ICMP_HEADER_LEN) return WIRE_TRUNCATED;
  if (csumFinish(csumPartial(p, len, 0)) !== 0) return WIRE_CHECKSUM;
  r.type = load8(p);
  r.code = load8(p + 1);
  r.id = get16(p + 4);
  r.seq = get16(p + 6);
  return WIRE_OK;
}

/** Writes an echo header before `len` bytes of message (header included) and checksums it. */
export function icmpEmitEcho(p: u64, len: u64, type: u64, id: u64, seq: u64): void {
  store8(p, type);
  store8(p + 1, 0);
  put16(p + 2, 0);
  put16(p + 4, id);
  put16(p + 6, seq);
  put16(p + 2, csumFinish(csumPartial(p, len, 0)));
}
