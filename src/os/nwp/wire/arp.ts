/** ARP for IPv4 over Ethernet (RFC 826): 28 bytes after the Ethernet header. */
import { Ptr, load8, store8, u64 } from '../../../gtsc/guest';
import { get16, get32, get48, put16, put32, put48 } from './bytes';
import { ETHERTYPE_IPV4 } from './ethernet';
import { WIRE_MALFORMED, WIRE_OK, WIRE_TRUNCATED, WIRE_UNSUPPORTED } from './errors';

export const ARP_LEN = 28;
export const ARP_REQUEST = 1;
export const ARP_REPLY = 2;

export interface ArpRepr {
  op: u64;
  senderMac: u64;
  senderIp: u64;
  targetMac: u64;
  targetIp: u64;
}

/** Parses the ARP packet of `len` bytes at p into r. */
export function arpParse(p: u64, len: u64, r: Ptr<ArpRepr>): u64 {
  if (len < ARP_LEN) return WIRE_TRUNCATED;
  if (get16(p) !== 1 || get16(p + 2) !== ETHERTYPE_IPV4) return WIRE_UNSUPPORTED;
  if (load8(p + 4) !== 6 || load8(p + 5) !== 4) return WIRE_MALFORMED;
  const op = get16(p + 6);
  if (op !== ARP_REQUEST && op !== ARP_REPLY) return WIRE_MALFORMED;
  r.op = op;
  r.senderMac = get48(p + 8);
  r.senderIp = get32(p + 14);
  r.targetMac = get48(p + 18);
  r.targetIp = get32(p + 24);
  return WIRE_OK;
}

export function arpEmit(p: u64, op: u64, senderMac: u64, senderIp: u64, targetMac: u64, targetIp: u64): void {
  put16(p, 1);
  put16(p + 2, ETHERTYPE_IPV4);
  store8(p + 4, 6);
  store8(p + 5, 4);
  put16(p + 6, op);
  put48(p + 8, senderMac);
  put32(p + 14, senderIp);
  put48(p + 18, targetMac);
  put32(p + 24, targetIp);
}
