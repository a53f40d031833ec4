/**
 * DHCP messages as a client sends and reads them (RFC 2131 §2, RFC 2132 options): the
 * 236-byte BOOTP header, the magic cookie, options. The client emits DISCOVER and REQUEST
 * and parses OFFER, ACK and NAK.
 */
import { Ptr, load8, store8, u64 } from '../../../gtsc/guest';
import { get16, get32, get48, put16, put32, put48, zeroBytes } from './bytes';
import { WIRE_MALFORMED, WIRE_OK, WIRE_TRUNCATED, WIRE_UNSUPPORTED } from './errors';

export const DHCP_SERVER_PORT = 67;
export const DHCP_CLIENT_PORT = 68;
export const DHCP_DISCOVER = 1;
export const DHCP_OFFER = 2;
export const DHCP_REQUEST = 3;
export const DHCP_ACK = 5;
export const DHCP_NAK = 6;
const BOOTREQUEST = 1;
const BOOTREPLY = 2;
const MAGIC = 0x63825363;
const OPTIONS_AT = 240;
const OPT_PAD = 0;
const OPT_END = 255;
const OPT_SUBNET_MASK = 1;
const OPT_ROUTER = 3;
const OPT_REQUESTED_IP = 50;
const OPT_LEASE = 51;
const OPT_MESSAGE_TYPE = 53;
const OPT_SERVER_ID = 54;
const OPT_PARAMETERS = 55;
/** The client's messages: header, cookie and at most 16 bytes of options, padded to BOOTP's 300. */
export const DHCP_CLIENT_MESSAGE_LEN = 300;

export interface DhcpRepr {
  messageType: u64;
  xid: u64;
  yiaddr: u64;
  chaddr: u64;
  serverId: u64;
  subnetMask: u64;
  router: u64;
  leaseSeconds: u64;
}

/** Parses a server's reply (BOOTREPLY with a message type) of `len` bytes at p. */
export function dhcpParse(p: u64, len: u64, r: Ptr<DhcpRepr>): u64 {
  if (len < OPTIONS_AT) return WIRE_TRUNCATED;
  if (load8(p) !== BOOTREPLY || load8(p + 1) !== 1 || load8(p + 2) !== 6 || get32(p + 236) !== MAGIC) return WIRE_UNSUPPORTED;
  r.xid = get32(p + 4);
  r.yiaddr = get32(p + 16);
  r.chaddr = get48(p + 28);
  r.messageType = 0;
  r.serverId = 0;
  r.subnetMask = 0;
  r.router = 0;
  r.leaseSeconds = 0;
  let q = p + OPTIONS_AT;
  const end = p + len;
  while (q < end) {
    const code = load8(q);
    if (code === OPT_END) break;
    if (code === OPT_PAD) {
      q++;
      continue;
    }
    if (q + 2 > end) return WIRE_MALFORMED;
    const olen = load8(q + 1);
    const v = q + 2;
    if (v + olen > end) return WIRE_MALFORMED;
    if (code === OPT_MESSAGE_TYPE && olen === 1) r.messageType = load8(v);
    else if (code === OPT_SERVER_ID && olen === 4) r.serverId = get32(v);
    else if (code === OPT_SUBNET_MASK && olen === 4) r.subnetMask = get32(v);
    else if (code === OPT_ROUTER && olen >= 4) r.router = get32(v);
    else if (code === OPT_LEASE && olen === 4) r.leaseSeconds = get32(v);
    q = v + olen;
  }
  return r.messageType !== 0 ? WIRE_OK : WIRE_MALFORMED;
}

/**
 * Writes a client message at p (DHCP_CLIENT_MESSAGE_LEN bytes): DISCOVER, or REQUEST for
 * `requestedIp` from `serverId` (0: none, as when renewing with `ciaddr`). The broadcast flag
 * asks the server to broadcast its answers (the client has no address yet).
 */
export function dhcpEmitClient(p: u64, type: u64, xid: u64, mac: u64, ciaddr: u64, requestedIp: u64, serverId: u64): void {
  zeroBytes(p, DHCP_CLIENT_MESSAGE_LEN);
  store8(p, BOOTREQUEST);
  store8(p + 1, 1);
  store8(p + 2, 6);
  put32(p + 4, xid);
  put16(p + 10, ciaddr === 0 ? 0x8000 : 0);
  put32(p + 12, ciaddr);
  put48(p + 28, mac);
  put32(p + 236, MAGIC);
  let q = p + OPTIONS_AT;
  store8(q, OPT_MESSAGE_TYPE);
  store8(q + 1, 1);
  store8(q + 2, type);
  q += 3;
  if (requestedIp !== 0) {
    store8(q, OPT_REQUESTED_IP);
    store8(q + 1, 4);
    put32(q + 2, requestedIp);
    q += 6;
  }
  if (serverId !== 0) {
    store8(q, OPT_SERVER_ID);
    store8(q + 1, 4);
    put32(q + 2, serverId);
    q += 6;
  }
  store8(q, OPT_PARAMETERS);
  store8(q + 1, 2);
  store8(q + 2, OPT_SUBNET_MASK);
  store8(q + 3, OPT_ROUTER);
  store8(q + 4, OPT_END);
}
