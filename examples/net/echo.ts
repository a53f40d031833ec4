/**
 * A TCP echo server for bare-metal guests on `rvn run --net user`, as small as TCP allows:
 * the guest takes 10.0.2.15 (the address the user-mode network's DHCP server gives), answers
 * ARP, and on port 7 accepts up to MAX_CONN connections at once (RFC 9293 passive open),
 * sends every in-order segment's data back, and closes when the client does. It keeps no
 * retransmission timer: the emulated wire does not lose frames, and the host's TCP
 * retransmits what the guest did not acknowledge. Runs until the machine is stopped.
 *
 *   npx rvn run examples/net/echo.ts --net user --hostfwd tcp:7777:7
 *   nc 127.0.0.1 7777
 */
import { print, printU, println, putchar } from '../../src/gtsc/runtime/rt';
import { Arr, load8, store8, u64, u8, zeroed } from '../../src/gtsc/guest';
import { netInit, netRecv, netSend, rxData, txFrame } from './virtio-net';
import { ETH_ARP, ETH_IPV4, GUEST_IP, IP_TCP, fold, get16, get32, pseudo, put16, put32, putArp, putEth, putIp, sum16 } from './packet';

const PORT = 7;
const MAX_CONN = 8;
const WINDOW = 4096;
const SYN = 0x02;
const FIN = 0x01;
const RST = 0x04;
const PSH = 0x08;
const ACK = 0x10;

const FREE = 0;
const SYN_RCVD = 1;
const ESTABLISHED = 2;
const LAST_ACK = 3;

interface Conn {
  state: u64;
  ip: u64;
  port: u64;
  mac: Arr<u8, 6>;
  rcvNxt: u64;
  sndNxt: u64;
}

const conns = zeroed<Arr<Conn, 8>>();
let issCounter: u64 = 0;

function find(ip: u64, port: u64): u64 {
  for (let i = 0; i < MAX_CONN; i++) {
    const c = conns[i];
    if (c.state !== FREE && c.ip === ip && c.port === port) return i;
  }
  return MAX_CONN;
}

function freeSlot(): u64 {
  for (let i = 0; i < MAX_CONN; i++) if (conns[i].state === FREE) return i;
  return MAX_CONN;
}

/** Sends a segment on connection c with `flags` and `len` bytes of data from `data`. */
function sendSegment(c: Conn, flags: u64, data: u64, len: u64, withMss: u64): void {
  const f = txFrame();
  putEth(f, c.mac, ETH_IPV4);
  const t = f + 34;
  const hlen = withMss !== 0 ? 24 : 20;
  put16(t, PORT);
  put16(t + 2, c.port);
  put32(t + 4, c.sndNxt);
  put32(t + 8, c.rcvNxt);
  store8(t + 12, (hlen / 4) << 4);
  store8(t + 13, flags);
  put16(t + 14, WINDOW);
  put16(t + 16, 0);
  put16(t + 18, 0);
  if (withMss !== 0) {
    store8(t + 20, 2);
    store8(t + 21, 4);
    put16(t + 22, 1460);
  }
  for (let i = 0; i < len; i++) store8(t + hlen + i, load8(data + i));
  const tlen = hlen + len;
  put16(t + 16, fold(sum16(t, tlen, pseudo(GUEST_IP, c.ip, IP_TCP, tlen))));
  putIp(f + 14, IP_TCP, GUEST_IP, c.ip, tlen);
  netSend(34 + tlen);
}

function printPeer(c: Conn): void {
  printU(c.ip >>> 24);
  putchar(46);
  printU((c.ip >>> 16) & 255);
  putchar(46);
  printU((c.ip >>> 8) & 255);
  putchar(46);
  printU(c.ip & 255);
  putchar(58);
  printU(c.port);
}

function tcpInput(f: u64, len: u64): void {
  const ip = f + 14;
  const ihl = (load8(ip) & 15) * 4;
  const total = get16(ip + 2);
  const src = get32(ip + 12);
  const t = ip + ihl;
  const tlen = total - ihl;
  if (total > len - 14 || tlen < 20) return;
  if (fold(sum16(t, tlen, pseudo(src, GUEST_IP, IP_TCP, tlen))) !== 0) return; // bad checksum: drop
  if (get16(t + 2) !== PORT) return;
  const port = get16(t);
  const seq = get32(t + 4);
  const ack = get32(t + 8);
  const flags = load8(t + 13);
  const hlen = (load8(t + 12) >>> 4) * 4;
  const data = t + hlen;
  const dlen = tlen - hlen;
  let k = find(src, port);
  if (k === MAX_CONN) {
    if ((flags & (SYN | ACK | RST)) !== SYN) return;
    k = freeSlot();
    if (k === MAX_CONN) return; // full: the client retries its SYN
    const c = conns[k];
    c.state = SYN_RCVD;
    c.ip = src;
    c.port = port;
    for (let i = 0; i < 6; i++) c.mac[i] = load8(f + 6 + i);
    c.rcvNxt = (seq + 1) & 0xffffffff;
    issCounter++;
    c.sndNxt = (issCounter << 24) & 0xffffffff;
    sendSegment(c, SYN | ACK, 0, 0, 1);
    c.sndNxt = (c.sndNxt + 1) & 0xffffffff;
    return;
  }
  const c = conns[k];
  if ((flags & RST) !== 0) {
    c.state = FREE;
    return;
  }
  if ((flags & SYN) !== 0) {
    // A retransmitted SYN: our SYN-ACK was lost or is late; answer it again.
    if (c.state === SYN_RCVD) {
      c.sndNxt = (c.sndNxt - 1) & 0xffffffff;
      sendSegment(c, SYN | ACK, 0, 0, 1);
      c.sndNxt = (c.sndNxt + 1) & 0xffffffff;
    }
    return;
  }
  if ((flags & ACK) === 0) return;
  if (c.state === SYN_RCVD) {
    if (ack !== c.sndNxt) return;
    c.state = ESTABLISHED;
    print('echo: connection from ');
    printPeer(c);
    println('');
  }
  if (c.state === LAST_ACK) {
    if (ack === c.sndNxt) {
      c.state = FREE;
      print('echo: closed ');
      printPeer(c);
      println('');
    }
    return;
  }
  if (seq !== c.rcvNxt) {
    if (dlen > 0 || (flags & FIN) !== 0) sendSegment(c, ACK, 0, 0, 0); // old or out of order: re-acknowledge
    return;
  }
  if (dlen > 0) {
    c.rcvNxt = (c.rcvNxt + dlen) & 0xffffffff;
    sendSegment(c, ACK | PSH, data, dlen, 0);
    c.sndNxt = (c.sndNxt + dlen) & 0xffffffff;
  }
  if ((flags & FIN) !== 0) {
    c.rcvNxt = (c.rcvNxt + 1) & 0xffffffff;
    sendSegment(c, FIN | ACK, 0, 0, 0);
    c.sndNxt = (c.sndNxt + 1) & 0xffffffff;
    c.state = LAST_ACK;
  }
}

function arpInput(f: u64): void {
  const a = f + 14;
  if (get16(a + 6) !== 1 || get32(a + 24) !== GUEST_IP) return;
  const r = txFrame();
  putEth(r, a + 8, ETH_ARP);
  putArp(r + 14, 2, GUEST_IP, a + 8, get32(a + 14));
  netSend(42);
}

export function main(): u64 {
  if (netInit() !== 0) {
    println('echo: no virtio-net card');
    return 1;
  }
  print('echo: listening on 10.0.2.15:');
  printU(PORT);
  println('');
  while (true) {
    const len = netRecv();
    if (len < 14) continue;
    const f = rxData();
    const type = get16(f + 12);
    if (type === ETH_ARP && len >= 42) arpInput(f);
    else if (type === ETH_IPV4 && len >= 34 && get32(f + 30) === GUEST_IP && load8(f + 23) === IP_TCP) tcpInput(f, len);
  }
  return 0;
}
