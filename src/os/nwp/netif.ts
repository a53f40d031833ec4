/**
 * The interface's state and its output side: the card, the IPv4 configuration, the neighbour
 * (ARP) cache, and building frames for IPv4 destinations. The input side, which dispatches
 * received frames to ARP, ICMP, DHCP and TCP, is iface.ts (above this module and the
 * protocols, so that they can send without importing it).
 */
import { Arr, Ptr, u64, zeroed } from '../../gtsc/guest';
import { NEIGHBORS } from './config';
import type { NetConfig } from './config';
import type { NetDevice } from './device';
import { S_ARP_REQUESTS, S_NO_NEIGHBOR, S_TX_FRAMES, S_TX_NO_BUFFER, count } from './stats';
import { ARP_LEN, ARP_REQUEST, arpEmit } from './wire/arp';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, ETH_HEADER_LEN, ETH_MIN_FRAME, MAC_BROADCAST, ethEmit } from './wire/ethernet';
import { IPV4_BROADCAST, IPV4_HEADER_LEN, ipv4Emit } from './wire/ipv4';
import { zeroBytes } from './wire/bytes';

export interface Netif {
  dev: Ptr<NetDevice>;
  config: Ptr<NetConfig>;
  mac: u64;
  /** IPv4 address, netmask and default gateway; ip 0 = not configured yet (DHCP). */
  ip: u64;
  mask: u64;
  gateway: u64;
  ipId: u64;
  /** An unresolved neighbour asked for, and when to ask again. */
  solicitIp: u64;
  solicitAt: u64;
  /** The MAC of the destination resolved by the last netifIpBegin. */
  nextMac: u64;
}

interface Neighbor {
  ip: u64;
  mac: u64;
  expires: u64;
}

export const netif = zeroed<Netif>();
const neighbors = zeroed<Arr<Neighbor, 8>>();

/** Offset of an IPv4 packet's payload in a frame. */
export const IP_PAYLOAD = ETH_HEADER_LEN + IPV4_HEADER_LEN;

export function netifInit(dev: Ptr<NetDevice>, config: Ptr<NetConfig>, ip: u64, mask: u64, gateway: u64): void {
  netif.dev = dev;
  netif.config = config;
  netif.mac = dev.mac;
  netifConfigure(ip, mask, gateway);
  netif.ipId = 0;
  netif.solicitIp = 0;
  netif.solicitAt = 0;
  for (let i = 0; i < NEIGHBORS; i++) neighbors[i].ip = 0;
}

export function netifConfigure(ip: u64, mask: u64, gateway: u64): void {
  netif.ip = ip;
  netif.mask = mask;
  netif.gateway = gateway;
}

/** Remembers that `ip` is at `mac` (from ARP, or from an IPv4 frame of an on-link sender). */
export function neighborLearn(ip: u64, mac: u64, now: u64): void {
  if (ip === 0 || ip === IPV4_BROADCAST || (mac & 0x010000000000) !== 0) return; // no multicast or broadcast MACs
  let slot: u64 = NEIGHBORS;
  let oldest: u64 = 0;
  for (let i: u64 = 0; i < NEIGHBORS; i++) {
    const n = neighbors[i];
    if (n.ip === ip) {
      slot = i;
      break;
    }
    if (n.ip === 0 && slot === NEIGHBORS) slot = i;
    if (n.expires < neighbors[oldest].expires) oldest = i;
  }
  if (slot === NEIGHBORS) slot = oldest; // full: replace the one closest to expiry
  const n = neighbors[slot];
  n.ip = ip;
  n.mac = mac;
  n.expires = now + netif.config.neighborLifetime;
  if (netif.solicitIp === ip) netif.solicitIp = 0;
}

/** Whether a sender at `ip` is on our link (its MAC may be learnt from its frames). */
export function onLink(ip: u64): u64 {
  return netif.ip !== 0 && ((ip ^ netif.ip) & netif.mask) === 0 ? 1 : 0;
}

/** The MAC to send to for `dst`, or 0 when unknown (an ARP request then goes out, rate-limited). */
export function neighborLookup(dst: u64, now: u64): u64 {
  if (dst === IPV4_BROADCAST) return MAC_BROADCAST;
  const hop = onLink(dst) !== 0 || netif.gateway === 0 ? dst : netif.gateway;
  for (let i = 0; i < NEIGHBORS; i++) {
    const n = neighbors[i];
    if (n.ip === hop && n.expires > now) return n.mac;
  }
  count(S_NO_NEIGHBOR);
  if (netif.solicitIp !== hop || now >= netif.solicitAt) {
    if (sendArpRequest(hop) !== 0) {
      netif.solicitIp = hop;
      netif.solicitAt = now + netif.config.arpRetry;
    }
  }
  return 0;
}

/** When an ARP request will be repeated (0: none pending). */
export function neighborPollAt(): u64 {
  return netif.solicitIp !== 0 ? netif.solicitAt : 0;
}

function sendArpRequest(ip: u64): u64 {
  const f = netif.dev.txBuffer();
  if (f === 0) {
    count(S_TX_NO_BUFFER);
    return 0;
  }
  arpEmit(f + ETH_HEADER_LEN, ARP_REQUEST, netif.mac, netif.ip, 0, ip);
  count(S_ARP_REQUESTS);
  netifSendFrame(f, MAC_BROADCAST, ETHERTYPE_ARP, ARP_LEN);
  return 1;
}

/** Sends the frame at f (payload of `payloadLen` bytes already at f + 14), padded to 60 bytes. */
export function netifSendFrame(f: u64, dstMac: u64, type: u64, payloadLen: u64): void {
  ethEmit(f, dstMac, netif.mac, type);
  let len = ETH_HEADER_LEN + payloadLen;
  if (len < ETH_MIN_FRAME) {
    zeroBytes(f + len, ETH_MIN_FRAME - len);
    len = ETH_MIN_FRAME;
  }
  count(S_TX_FRAMES);
  netif.dev.transmit(len);
}

/**
 * Starts an IPv4 packet to `dst`: a frame whose payload goes at frame + IP_PAYLOAD, or 0 when
 * the neighbour is not resolved yet (asked for) or no transmit buffer is free.
 */
export function netifIpBegin(dst: u64, now: u64): u64 {
  netif.nextMac = 0;
  const mac = neighborLookup(dst, now);
  if (mac === 0) return 0;
  netif.nextMac = mac;
  const f = netif.dev.txBuffer();
  if (f === 0) count(S_TX_NO_BUFFER);
  return f;
}

/** Sends the packet begun with netifIpBegin, from `src` (0: our address). */
export function netifIpSend(f: u64, src: u64, dst: u64, proto: u64, payloadLen: u64): void {
  netif.ipId = (netif.ipId + 1) & 0xffff;
  ipv4Emit(f + ETH_HEADER_LEN, netif.ipId, proto, src !== 0 ? src : netif.ip, dst, payloadLen);
  netifSendFrame(f, netif.nextMac, ETHERTYPE_IPV4, IPV4_HEADER_LEN + payloadLen);
}
