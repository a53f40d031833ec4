/**
 * The interface (smoltcp's iface): takes frames from the card and hands each to its protocol
 * (ARP answered here, ICMP echo answered here, DHCP to the client, TCP to the sockets), then
 * lets the protocols send (ifaceTransmit), and says when it next needs to run (ifacePollAt).
 *
 * A program's loop: ifaceReceive(now); serve its sockets; ifaceTransmit(now); and when there is
 * nothing to do, wait for the card or for ifacePollAt(now). Time is always an argument.
 */
import { Ptr, u64, zeroed } from '../../gtsc/guest';
import { RX_BUDGET } from './config';
import type { NetConfig } from './config';
import type { NetDevice } from './device';
import { dhcpInput, dhcpPoll, dhcpPollAt, dhcpStart } from './dhcp-client';
import { IP_PAYLOAD, neighborLearn, neighborPollAt, netif, netifInit, netifIpBegin, netifIpSend, netifSendFrame, onLink } from './netif';
import {
  S_ARP_REPLIES, S_BAD_ARP, S_BAD_ETH, S_BAD_ICMP, S_BAD_IPV4, S_BAD_TCP, S_BAD_UDP, S_ICMP_ECHO, S_IPV4_FRAGMENT,
  S_NOT_FOR_US, S_OTHER_ETHERTYPE, S_OTHER_PROTOCOL, S_RX_FRAMES, S_TCP_IN, count,
} from './stats';
import { tcpDispatch, tcpInit, tcpInput, tcpOutputBlocked, tcpPollAt } from './tcp';
import { ARP_LEN, ARP_REPLY, ARP_REQUEST, arpEmit, arpParse } from './wire/arp';
import type { ArpRepr } from './wire/arp';
import { copyBytes } from './wire/bytes';
import { DHCP_CLIENT_PORT, DHCP_SERVER_PORT } from './wire/dhcp';
import { WIRE_OK, WIRE_UNSUPPORTED } from './wire/errors';
import { ETHERTYPE_ARP, ETHERTYPE_IPV4, ETH_HEADER_LEN, MAC_BROADCAST, ethCheck, ethDst, ethSrc, ethType } from './wire/ethernet';
import { ICMP_ECHO_REPLY, ICMP_ECHO_REQUEST, icmpEmitEcho, icmpParse } from './wire/icmp';
import type { IcmpRepr } from './wire/icmp';
import { IPV4_BROADCAST, IP_PROTO_ICMP, IP_PROTO_TCP, IP_PROTO_UDP, ipv4Parse } from './wire/ipv4';
import type { Ipv4Repr } from './wire/ipv4';
import { tcpParse } from './wire/tcp';
import type { TcpRepr } from './wire/tcp';
import { UDP_HEADER_LEN, udpParse } from './wire/udp';
import type { UdpRepr } from './wire/udp';

// Parsed headers of the frame being handled (reused: nothing is allocated per frame).
const arp = zeroed<ArpRepr>();
const ip = zeroed<Ipv4Repr>();
const icmp = zeroed<IcmpRepr>();
const udp = zeroed<UdpRepr>();
const tcp = zeroed<TcpRepr>();

/**
 * Starts the interface on `dev`: with a static address (ip, mask, gateway), or with ip 0 by
 * DHCP (the first DISCOVER goes out at the first ifaceTransmit).
 */
export function ifaceInit(dev: Ptr<NetDevice>, config: Ptr<NetConfig>, ipAddr: u64, mask: u64, gateway: u64, now: u64): void {
  netifInit(dev, config, ipAddr, mask, gateway);
  tcpInit();
  if (ipAddr === 0) dhcpStart(now);
}

/** The interface's IPv4 address (0 until DHCP has bound one). */
export function ifaceAddress(): u64 {
  return netif.ip;
}

/** Handles the frames the card has received (up to RX_BUDGET); returns how many. */
export function ifaceReceive(now: u64): u64 {
  const dev = netif.dev;
  let n: u64 = 0;
  while (n < RX_BUDGET) {
    const len = dev.receive();
    if (len === 0) break;
    frameInput(dev.rxFrame, len, now);
    dev.rxDone();
    n++;
  }
  return n;
}

/** Lets DHCP and TCP send what is due, then tells the card. */
export function ifaceTransmit(now: u64): void {
  dhcpPoll(now);
  tcpDispatch(now);
  netif.dev.flush();
}

/** ifaceReceive then ifaceTransmit; returns the frames received. */
export function ifacePoll(now: u64): u64 {
  const n = ifaceReceive(now);
  ifaceTransmit(now);
  return n;
}

/**
 * The earliest tick at which the interface needs to run again without a frame arriving
 * (0: not before a frame arrives).
 */
export function ifacePollAt(now: u64): u64 {
  let at = tcpPollAt(now);
  if (at === now && tcpOutputBlocked === 1) at = neighborPollAt(); // waiting for ARP, not for us
  const d = dhcpPollAt();
  if (d !== 0 && (at === 0 || d < at)) at = d;
  return at;
}

function frameInput(f: u64, len: u64, now: u64): void {
  count(S_RX_FRAMES);
  if (ethCheck(len) !== WIRE_OK) {
    count(S_BAD_ETH);
    return;
  }
  const dst = ethDst(f);
  if (dst !== netif.mac && dst !== MAC_BROADCAST) {
    count(S_NOT_FOR_US);
    return;
  }
  const type = ethType(f);
  if (type === ETHERTYPE_IPV4) ipInput(f, len - ETH_HEADER_LEN, now);
  else if (type === ETHERTYPE_ARP) arpInput(f, len - ETH_HEADER_LEN, now);
  else count(S_OTHER_ETHERTYPE);
}

/** RFC 826: learn the sender when we are the target; answer requests for our address. */
function arpInput(f: u64, len: u64, now: u64): void {
  const a: Ptr<ArpRepr> = arp;
  if (arpParse(f + ETH_HEADER_LEN, len, a) !== WIRE_OK) {
    count(S_BAD_ARP);
    return;
  }
  if (netif.ip === 0 || a.targetIp !== netif.ip) return;
  neighborLearn(a.senderIp, a.senderMac, now);
  if (a.op !== ARP_REQUEST) return;
  const r = netif.dev.txBuffer();
  if (r === 0) return; // the asker asks again
  arpEmit(r + ETH_HEADER_LEN, ARP_REPLY, netif.mac, netif.ip, a.senderMac, a.senderIp);
  count(S_ARP_REPLIES);
  netifSendFrame(r, a.senderMac, ETHERTYPE_ARP, ARP_LEN);
}

function ipInput(f: u64, len: u64, now: u64): void {
  const p = f + ETH_HEADER_LEN;
  const h: Ptr<Ipv4Repr> = ip;
  const e = ipv4Parse(p, len, h);
  if (e !== WIRE_OK) {
    count(e === WIRE_UNSUPPORTED ? S_IPV4_FRAGMENT : S_BAD_IPV4);
    return;
  }
  const ours: u64 = netif.ip !== 0 && h.dst === netif.ip ? 1 : 0;
  const broadcast = h.dst === IPV4_BROADCAST || (netif.ip !== 0 && h.dst === (netif.ip | ~netif.mask & 0xffffffff));
  if (ours === 0 && !broadcast && !(netif.ip === 0 && h.proto === IP_PROTO_UDP)) {
    count(S_NOT_FOR_US);
    return;
  }
  if (onLink(h.src) !== 0) neighborLearn(h.src, ethSrc(f), now);
  const payload = p + h.headerLen;
  const plen = h.payloadLen;
  if (h.proto === IP_PROTO_TCP) {
    if (ours === 0) return;
    const t: Ptr<TcpRepr> = tcp;
    if (tcpParse(payload, plen, h.src, h.dst, t) !== WIRE_OK) {
      count(S_BAD_TCP);
      return;
    }
    count(S_TCP_IN);
    tcpInput(h.src, t, now);
  } else if (h.proto === IP_PROTO_UDP) udpInput(payload, plen, now);
  else if (h.proto === IP_PROTO_ICMP) icmpInput(payload, plen, ours, now);
  else count(S_OTHER_PROTOCOL);
}

function udpInput(p: u64, len: u64, now: u64): void {
  const u: Ptr<UdpRepr> = udp;
  if (udpParse(p, len, ip.src, ip.dst, u) !== WIRE_OK) {
    count(S_BAD_UDP);
    return;
  }
  if (u.dstPort === DHCP_CLIENT_PORT && u.srcPort === DHCP_SERVER_PORT) dhcpInput(p + UDP_HEADER_LEN, u.dataLen, now);
  else count(S_OTHER_PROTOCOL);
}

/** RFC 792: an echo request to our address gets a reply with the same identifier, sequence and data. */
function icmpInput(p: u64, len: u64, ours: u64, now: u64): void {
  const m: Ptr<IcmpRepr> = icmp;
  if (icmpParse(p, len, m) !== WIRE_OK) {
    count(S_BAD_ICMP);
    return;
  }
  if (m.type !== ICMP_ECHO_REQUEST || m.code !== 0 || ours === 0) return;
  const f = netifIpBegin(ip.src, now);
  if (f === 0) return;
  const q = f + IP_PAYLOAD;
  copyBytes(q, p, len);
  icmpEmitEcho(q, len, ICMP_ECHO_REPLY, m.id, m.seq);
  count(S_ICMP_ECHO);
  netifIpSend(f, 0, ip.src, IP_PROTO_ICMP, len);
}
