/**
 * TCP servers on the NWP stack, bare metal (one hart, M-mode, no kernel): what the stack's
 * tests run, and a quick way to talk to the stack from the host:
 *
 *   npx rvn run src/os/nwp/bare/server.ts --net user --hostfwd tcp:8080:80    # then: nc localhost 8080
 *
 * It takes its address by DHCP (10.0.2.15 on rvn's user network) and serves, each port with
 * up to 32 connections:
 *
 * | port | service |
 * |---|---|
 * | 7  | echo: everything received is sent back; closes when the client does |
 * | 80 | call: answers each byte with the same byte, until it reads '.' |
 * | 81 | read: reads bytes one at a time and answers nothing, until it reads '.' |
 * | 82 | write: sends one byte ('x') per round, until it reads '.' |
 *
 * (80–82 are the benchmark's three tests, experiments.md.) One event loop: take the card's
 * frames, serve every connection one request per round, let the stack send, and wait in WFI
 * for the card or the stack's next timer when nothing moved.
 *
 * `server_options` (a variable a test may patch before the guest runs): bit 0 polls instead
 * of sleeping on interrupts, bit 1 negotiates VIRTIO_F_EVENT_IDX (default: interrupts, EVENT_IDX).
 */
import { Arr, Ptr, i64, load8, ptr, store8, u64, u8, zeroed } from '../../../gtsc/guest';
import { print, printU, println, putchar } from '../../../gtsc/runtime/rt';
import { ifaceAddress, ifacePollAt, ifaceReceive, ifaceTransmit } from '../iface';
import { TCP_AGAIN, tcpAccept, tcpAcceptReady, tcpClose, tcpListen, tcpRecv, tcpSend } from '../tcp';
import { bareNetInit, bareNow, bareWait } from './platform';

const MODE_ECHO = 0;
const MODE_CALL = 1;
const MODE_READ = 2;
const MODE_WRITE = 3;
const CONNS = 40;
const OPT_POLLING = 1;
const OPT_EVENT_IDX = 2;
export let server_options: u64 = OPT_EVENT_IDX;
const STAGE = 2048;
const CLOSE_BYTE = 46; // '.'
const ANSWER_BYTE = 120; // 'x'

interface Conn {
  sock: i64;
  mode: u64;
  /** Bytes received and not yet sent back (echo), from `off`. */
  staged: u64;
  off: u64;
  /** A call answer that did not fit yet. */
  owed: u64;
  answer: u64;
  stage: Arr<u8, 2048>;
}

const conns = zeroed<Arr<Conn, 40>>();
const listeners = zeroed<Arr<i64, 4>>();
const ports = zeroed<Arr<u64, 4>>();
const one = zeroed<Arr<u8, 8>>();

function printIp(ip: u64): void {
  printU(ip >>> 24);
  putchar(46);
  printU((ip >>> 16) & 255);
  putchar(46);
  printU((ip >>> 8) & 255);
  putchar(46);
  printU(ip & 255);
}

function freeConn(): Ptr<Conn> {
  for (let i = 0; i < CONNS; i++) if (conns[i].sock < 0) return conns[i];
  return ptr<Conn>(0);
}

/** Takes new connections while there are free slots; 1 when one was taken. */
function acceptAll(): u64 {
  let moved: u64 = 0;
  for (let l = 0; l < 4; l++) {
    while (tcpAcceptReady(listeners[l]) !== 0) {
      const c = freeConn();
      if (c === 0) return moved;
      const s = tcpAccept(listeners[l]);
      if (s < 0) break;
      c.sock = s;
      c.mode = l;
      c.staged = 0;
      c.owed = 0;
      moved = 1;
    }
  }
  return moved;
}

function finish(c: Ptr<Conn>): void {
  tcpClose(c.sock);
  c.sock = -1;
}

/** Echo: receive when nothing is staged, then send back what is (one segment carries both the ACK and the echo). */
function serveEcho(c: Ptr<Conn>): u64 {
  let moved: u64 = 0;
  if (c.staged === 0) {
    const n = tcpRecv(c.sock, c.stage, STAGE);
    if (n > 0) {
      c.staged = n;
      c.off = 0;
      moved = 1;
    } else if (n !== TCP_AGAIN) {
      finish(c); // end of stream or error
      return 1;
    }
  }
  if (c.staged > 0) {
    const n = tcpSend(c.sock, c.stage + c.off, c.staged);
    if (n > 0) {
      c.off += n;
      c.staged -= n;
      moved = 1;
    } else if (n !== TCP_AGAIN) {
      finish(c);
      return 1;
    }
  }
  return moved;
}

/** One request of the benchmark's tests: read a byte and/or answer one, until '.'. */
function serveRequest(c: Ptr<Conn>): u64 {
  if (c.owed !== 0) {
    store8(one, c.answer);
    if (tcpSend(c.sock, one, 1) === TCP_AGAIN) return 0;
    c.owed = 0;
  }
  let wrote: u64 = 0;
  if (c.mode === MODE_WRITE) {
    store8(one, ANSWER_BYTE);
    const w = tcpSend(c.sock, one, 1);
    if (w < 0 && w !== TCP_AGAIN) {
      finish(c);
      return 1;
    }
    wrote = w > 0 ? 1 : 0;
  }
  const n = tcpRecv(c.sock, one, 1);
  if (n === TCP_AGAIN) return wrote;
  const b = load8(one);
  if (n <= 0 || b === CLOSE_BYTE) {
    finish(c);
    return 1;
  }
  if (c.mode === MODE_CALL) {
    c.answer = b;
    if (tcpSend(c.sock, one, 1) === TCP_AGAIN) c.owed = 1;
  }
  return 1;
}

function serveAll(): u64 {
  let moved = acceptAll();
  for (let i = 0; i < CONNS; i++) {
    const c = conns[i];
    if (c.sock < 0) continue;
    moved |= c.mode === MODE_ECHO ? serveEcho(c) : serveRequest(c);
  }
  return moved;
}

export function main(): u64 {
  for (let i = 0; i < CONNS; i++) conns[i].sock = -1;
  const opts = server_options;
  const st = bareNetInit(0, 0, 0, opts & OPT_POLLING, (opts & OPT_EVENT_IDX) !== 0 ? 1 : 0);
  if (st !== 0) {
    print('nwp: no virtio-net card (');
    printU(st);
    println(')');
    return 1;
  }
  ports[MODE_ECHO] = 7;
  ports[MODE_CALL] = 80;
  ports[MODE_READ] = 81;
  ports[MODE_WRITE] = 82;
  let announced: u64 = 0;
  for (;;) {
    const now = bareNow();
    let moved = ifaceReceive(now);
    if (announced === 0 && ifaceAddress() !== 0) {
      announced = 1;
      for (let l = 0; l < 4; l++) listeners[l] = tcpListen(ports[l], 32);
      print('nwp: ');
      printIp(ifaceAddress());
      println(' serving echo on 7, call on 80, read on 81, write on 82');
    }
    if (announced !== 0) moved |= serveAll();
    ifaceTransmit(now);
    if (moved === 0) bareWait(ifacePollAt(bareNow()));
  }
  return 0;
}
