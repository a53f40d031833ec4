/**
 * A DHCP client (RFC 2131 §4.4): DISCOVER, OFFER, REQUEST, ACK; retransmission with a doubling
 * delay; NAK starts over; at half the lease (T1) it asks its server to extend the lease. Until
 * bound, the interface has no address (0.0.0.0) and takes only DHCP.
 */
import { Ptr, u64, zeroed } from '../../gtsc/guest';
import { IP_PAYLOAD, netif, netifConfigure, netifIpBegin, netifIpSend } from './netif';
import { S_DHCP_RECEIVED, S_DHCP_SENT, S_BAD_UDP, count } from './stats';
import {
  DHCP_ACK, DHCP_CLIENT_MESSAGE_LEN, DHCP_CLIENT_PORT, DHCP_DISCOVER, DHCP_NAK, DHCP_OFFER, DHCP_REQUEST,
  DHCP_SERVER_PORT, dhcpEmitClient, dhcpParse,
} from './wire/dhcp';
import type { DhcpRepr } from './wire/dhcp';
import { WIRE_OK } from './wire/errors';
import { IPV4_BROADCAST, IP_PROTO_UDP } from './wire/ipv4';
import { UDP_HEADER_LEN, udpEmit } from './wire/udp';

export const DHCP_OFF = 0;
export const DHCP_SELECTING = 1;
export const DHCP_REQUESTING = 2;
export const DHCP_BOUND = 3;
export const DHCP_RENEWING = 4;
/** Retransmissions back off up to this many times the first delay. */
const MAX_BACKOFF = 8;

interface DhcpClient {
  state: u64;
  xid: u64;
  offeredIp: u64;
  serverId: u64;
  /** When to send next (selecting, requesting, renewing) or to renew (bound). */
  nextAt: u64;
  delay: u64;
  leaseTicks: u64;
}

const client = zeroed<DhcpClient>();
const reply = zeroed<DhcpRepr>();

export function dhcpState(): u64 {
  return client.state;
}

export function dhcpStart(now: u64): void {
  client.xid = (netif.mac ^ (netif.mac >>> 24) ^ (client.xid + 0x3903f326)) & 0xffffffff;
  client.state = DHCP_SELECTING;
  client.nextAt = now;
  client.delay = netif.config.dhcpRetry;
  client.offeredIp = 0;
  client.serverId = 0;
}

/** Sends what the state calls for when it is time. */
export function dhcpPoll(now: u64): void {
  const st = client.state;
  if (st === DHCP_OFF || now < client.nextAt) return;
  if (st === DHCP_BOUND) {
    client.state = DHCP_RENEWING; // T1: ask the server that gave the lease to extend it
    client.delay = netif.config.dhcpRetry;
  }
  if (send(client.state) === 0) return; // no buffer: try again at the next poll
  client.nextAt = now + client.delay;
  if (client.delay < netif.config.dhcpRetry * MAX_BACKOFF) client.delay = client.delay * 2;
}

/** When the client next needs a poll (0: never). */
export function dhcpPollAt(): u64 {
  return client.state === DHCP_OFF ? 0 : client.nextAt;
}

function send(state: u64): u64 {
  const f = netifIpBegin(IPV4_BROADCAST, 0);
  if (f === 0) return 0;
  const u = f + IP_PAYLOAD;
  const type = state === DHCP_SELECTING ? DHCP_DISCOVER : DHCP_REQUEST;
  if (state === DHCP_RENEWING) dhcpEmitClient(u + UDP_HEADER_LEN, type, client.xid, netif.mac, netif.ip, 0, 0);
  else if (state === DHCP_REQUESTING) dhcpEmitClient(u + UDP_HEADER_LEN, type, client.xid, netif.mac, 0, client.offeredIp, client.serverId);
  else dhcpEmitClient(u + UDP_HEADER_LEN, type, client.xid, netif.mac, 0, 0, 0);
  udpEmit(u, netif.ip, IPV4_BROADCAST, DHCP_CLIENT_PORT, DHCP_SERVER_PORT, DHCP_CLIENT_MESSAGE_LEN);
  netifIpSend(f, 0, IPV4_BROADCAST, IP_PROTO_UDP, UDP_HEADER_LEN + DHCP_CLIENT_MESSAGE_LEN);
  count(S_DHCP_SENT);
  return 1;
}

/** A datagram for the client's port: the message of `len` bytes at p. */
export function dhcpInput(p: u64, len: u64, now: u64): void {
  const r: Ptr<DhcpRepr> = reply;
  if (dhcpParse(p, len, r) !== WIRE_OK) {
    count(S_BAD_UDP);
    return;
  }
  if (r.xid !== client.xid || r.chaddr !== netif.mac) return; // someone else's
  count(S_DHCP_RECEIVED);
  const st = client.state;
  if (r.messageType === DHCP_OFFER && st === DHCP_SELECTING) {
    client.offeredIp = r.yiaddr;
    client.serverId = r.serverId;
    client.state = DHCP_REQUESTING;
    client.delay = netif.config.dhcpRetry;
    client.nextAt = now; // request at once
  } else if (r.messageType === DHCP_ACK && (st === DHCP_REQUESTING || st === DHCP_RENEWING)) {
    netifConfigure(r.yiaddr, r.subnetMask !== 0 ? r.subnetMask : 0xffffff00, r.router);
    client.state = DHCP_BOUND;
    client.leaseTicks = r.leaseSeconds * 1000 * netif.config.ticksPerMs;
    client.nextAt = now + client.leaseTicks / 2;
  } else if (r.messageType === DHCP_NAK && (st === DHCP_REQUESTING || st === DHCP_RENEWING)) {
    netifConfigure(0, 0, 0);
    dhcpStart(now);
  }
}
