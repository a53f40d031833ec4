/**
 * Network smoke test for bare-metal guests on `rvn run --net user`: with the polling driver
 * of ./virtio-net.ts it asks the user-mode network's DHCP server for an address (DISCOVER →
 * OFFER, REQUEST → ACK, RFC 2131), resolves the gateway with ARP, and pings it (ICMP echo,
 * RFC 792). Prints each answer and exits 0, or exits 1 with a message when something does not
 * answer.
 *
 *   npx rvn run examples/net/ping.ts --net user --pcap ping.pcap
 */
import { exit, print, printU, println, putchar } from '../../src/gtsc/runtime/rt';
import { Arr, load8, rdcycle, store8, u64, u8, zeroed } from '../../src/gtsc/guest';
import { mac, netInit, netRecv, netSend, rxData, txFrame } from './virtio-net';
import {
  ETH_ARP, ETH_IPV4, GATEWAY_IP, IP_ICMP, IP_UDP, fold, get16, get32, put16, put32, putArp, putEth, putIp, sum16,
} from './packet';

const XID = 0x52564e31; // "RVN1"
const DHCP_DISCOVER = 1;
const DHCP_OFFER = 2;
const DHCP_REQUEST = 3;
const DHCP_ACK = 5;
/** Polls of the receive ring before giving up on an answer. */
const PATIENCE = 200000;

let offered: u64 = 0;
let server: u64 = 0;
/** The gateway's MAC, from its ARP reply. */
const gwMac = zeroed<Arr<u8, 6>>();

function printIp(ip: u64): void {
  printU(ip >>> 24);
  putchar(46);
  printU((ip >>> 16) & 255);
  putchar(46);
  printU((ip >>> 8) & 255);
  putchar(46);
  printU(ip & 255);
}

function printMac(p: u64): void {
  for (let i = 0; i < 6; i++) {
    const b = load8(p + i);
    if (i > 0) putchar(58);
    putchar(b >>> 4 < 10 ? 48 + (b >>> 4) : 87 + (b >>> 4));
    putchar((b & 15) < 10 ? 48 + (b & 15) : 87 + (b & 15));
  }
}

/** Sends a DHCP message of `type` (with options 50 and 54 for a REQUEST), broadcast. */
function sendDhcp(type: u64): void {
  const f = txFrame();
  putEth(f, 0, ETH_IPV4);
  const ip = f + 14;
  const udp = ip + 20;
  const d = udp + 8;
  for (let i = 0; i < 300; i++) store8(d + i, 0);
  store8(d, 1); // BOOTREQUEST
  store8(d + 1, 1);
  store8(d + 2, 6);
  put32(d + 4, XID);
  for (let i = 0; i < 6; i++) store8(d + 28 + i, mac[i]);
  put32(d + 236, 0x63825363);
  let o = d + 240;
  store8(o, 53);
  store8(o + 1, 1);
  store8(o + 2, type);
  o += 3;
  if (type === DHCP_REQUEST) {
    store8(o, 50);
    store8(o + 1, 4);
    put32(o + 2, offered);
    store8(o + 6, 54);
    store8(o + 7, 4);
    put32(o + 8, server);
    o += 12;
  }
  store8(o, 255);
  const len = 300; // BOOTP's minimum message
  put16(udp, 68);
  put16(udp + 2, 67);
  put16(udp + 4, 8 + len);
  put16(udp + 6, 0); // no UDP checksum (allowed over IPv4, RFC 768)
  putIp(ip, IP_UDP, 0, 0xffffffff, 8 + len);
  netSend(14 + 20 + 8 + len);
}

/** Waits for the DHCP reply of `type` to our XID; returns 1 when it came. */
function awaitDhcp(type: u64): u64 {
  for (let tries = 0; tries < PATIENCE; tries++) {
    const len = netRecv();
    if (len === 0) continue;
    const f = rxData();
    if (get16(f + 12) !== ETH_IPV4 || load8(f + 23) !== IP_UDP || get16(f + 36) !== 68) continue;
    const d = f + 42;
    if (load8(d) !== 2 || get32(d + 4) !== XID || get32(d + 236) !== 0x63825363) continue;
    // Options: find 53 (message type) and 54 (server identifier).
    let o = d + 240;
    let msg: u64 = 0;
    while (o < f + len && load8(o) !== 255) {
      const code = load8(o);
      if (code === 0) {
        o++;
        continue;
      }
      if (code === 53) msg = load8(o + 2);
      if (code === 54) server = get32(o + 2);
      o += 2 + load8(o + 1);
    }
    if (msg !== type) continue;
    offered = get32(d + 16);
    return 1;
  }
  return 0;
}

function arpGateway(): u64 {
  const f = txFrame();
  putEth(f, 0, ETH_ARP);
  putArp(f + 14, 1, offered, 0, GATEWAY_IP);
  netSend(42);
  for (let tries = 0; tries < PATIENCE; tries++) {
    if (netRecv() === 0) continue;
    const r = rxData();
    if (get16(r + 12) !== ETH_ARP || get16(r + 20) !== 2 || get32(r + 28) !== GATEWAY_IP) continue;
    for (let i = 0; i < 6; i++) gwMac[i] = load8(r + 22 + i);
    return 1;
  }
  return 0;
}

/** Pings the gateway with `seq`; returns the cycles to the reply, or 0 on timeout. */
function ping(seq: u64): u64 {
  const f = txFrame();
  putEth(f, gwMac, ETH_IPV4);
  const icmp = f + 34;
  const data = 32;
  store8(icmp, 8);
  store8(icmp + 1, 0);
  put16(icmp + 2, 0);
  put16(icmp + 4, 0x7276); // identifier "rv"
  put16(icmp + 6, seq);
  for (let i = 0; i < data; i++) store8(icmp + 8 + i, 97 + (i % 26));
  put16(icmp + 2, fold(sum16(icmp, 8 + data, 0)));
  putIp(f + 14, IP_ICMP, offered, GATEWAY_IP, 8 + data);
  const start = rdcycle();
  netSend(34 + 8 + data);
  for (let tries = 0; tries < PATIENCE; tries++) {
    if (netRecv() === 0) continue;
    const r = rxData();
    if (get16(r + 12) !== ETH_IPV4 || load8(r + 23) !== IP_ICMP) continue;
    const ri = r + 14 + (load8(r + 14) & 15) * 4;
    if (load8(ri) !== 0 || get16(ri + 4) !== 0x7276 || get16(ri + 6) !== seq) continue;
    if (fold(sum16(ri, get16(r + 16) - 20, 0)) !== 0) {
      println('ping: reply with a bad checksum');
      return 0;
    }
    return rdcycle() - start;
  }
  return 0;
}

export function main(): u64 {
  const err = netInit();
  if (err !== 0) {
    print('virtio-net: no card (error ');
    printU(err);
    println(')');
    exit(1);
  }
  print('virtio-net: mac ');
  printMac(mac);
  println('');
  sendDhcp(DHCP_DISCOVER);
  if (awaitDhcp(DHCP_OFFER) === 0) {
    println('dhcp: no offer');
    exit(1);
  }
  print('dhcp: offer ');
  printIp(offered);
  print(' from ');
  printIp(server);
  println('');
  sendDhcp(DHCP_REQUEST);
  if (awaitDhcp(DHCP_ACK) === 0) {
    println('dhcp: no ack');
    exit(1);
  }
  print('dhcp: bound to ');
  printIp(offered);
  println('');
  if (arpGateway() === 0) {
    println('arp: no answer from the gateway');
    exit(1);
  }
  print('arp: ');
  printIp(GATEWAY_IP);
  print(' is at ');
  printMac(gwMac);
  println('');
  for (let seq = 1; seq <= 3; seq++) {
    const cycles = ping(seq);
    if (cycles === 0) {
      println('ping: no reply');
      exit(1);
    }
    print('ping: reply from ');
    printIp(GATEWAY_IP);
    print(' seq ');
    printU(seq);
    print(', ');
    printU(cycles);
    println(' cycles');
  }
  return 0;
}
