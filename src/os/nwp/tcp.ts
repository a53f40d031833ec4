/**
 * TCP (RFC 9293): passive open with listeners and accept queues, data both ways with a
 * receive window and the peer's window respected, out-of-order segments kept and reassembled,
 * duplicates trimmed, retransmission on an RFC 6298 timer (Karn's rule, exponential backoff)
 * and on three duplicate ACKs, zero-window probes, FIN both ways with a configurable
 * TIME-WAIT, RST for segments that belong to no connection and RFC 5961's challenge ACKs.
 * No Nagle: what is sent goes out at the next transmit. No window scaling, SACK, timestamps
 * or congestion control (a LAN on one machine), no active open.
 *
 * Sockets are a static pool; a socket is named by its index. Time is an argument
 * (`tcpInput(..., now)`, `tcpDispatch(now)`, `tcpPollAt(now)`): nothing here reads a clock.
 */
import { Arr, Ptr, i32, i64, load8, ptr, sizeof, store8, u32, u64, u8, zeroed } from '../../gtsc/guest';
import { TCP_LISTENERS, TCP_MAX_BACKLOG, TCP_MSS, TCP_OOO_RANGES, TCP_RX_BUFFER, TCP_SOCKETS, TCP_TX_BUFFER } from './config';
import { IP_PAYLOAD, netif, netifIpBegin, netifIpSend } from './netif';
import { copyBytes } from './wire/bytes';
import {
  S_TCP_ABORTED, S_TCP_ACCEPTED, S_TCP_BACKLOG_DROPS, S_TCP_DUPLICATES, S_TCP_FAST_RETRANSMITS, S_TCP_OUT,
  S_TCP_OUT_OF_ORDER, S_TCP_OUT_OF_WINDOW, S_TCP_RETRANSMITS, S_TCP_RST_IN, S_TCP_RST_OUT, S_TCP_TIMEOUTS,
  S_TCP_ZERO_WINDOW_PROBES, count,
} from './stats';
import { IP_PROTO_TCP } from './wire/ipv4';
import { TCP_ACK, TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, tcpChecksum, tcpEmitHeader } from './wire/tcp';
import type { TcpRepr } from './wire/tcp';

// ---- states (RFC 9293 §3.3.2); FREE = not in use
export const TCP_FREE = 0;
export const TCP_CLOSED = 1;
export const TCP_SYN_RECEIVED = 2;
export const TCP_ESTABLISHED = 3;
export const TCP_FIN_WAIT_1 = 4;
export const TCP_FIN_WAIT_2 = 5;
export const TCP_CLOSING = 6;
export const TCP_TIME_WAIT = 7;
export const TCP_CLOSE_WAIT = 8;
export const TCP_LAST_ACK = 9;

// ---- results of the socket calls (negative; recv returns 0 at the end of the stream)
/** Nothing can be done now: no data, no room, no connection to accept. */
export const TCP_AGAIN = -1;
/** The connection is closed for this operation (sending after close, or it ended). */
export const TCP_E_CLOSED = -2;
export const TCP_E_RESET = -3;
export const TCP_E_TIMEOUT = -4;
/** Not a socket or listener the caller holds, or a bad argument. */
export const TCP_E_INVALID = -5;
/** No free listener, or the port is already listened on. */
export const TCP_E_IN_USE = -6;

// ---- socket flags
const F_USER = 1; // the application holds the socket (accepted, not yet closed)
const F_CLOSE = 2; // the application closed: FIN after the queued data
const F_FIN_SENT = 4;
const F_PEER_FIN = 8; // the peer's FIN arrived: end of stream after the buffered data
const F_ACK_NOW = 16;
const F_TIMING = 32; // an RTT measurement is running
const F_PROBE = 64; // send one byte even into a zero window
const F_QUEUED = 128; // in its listener's accept queue

const RX_MASK = TCP_RX_BUFFER - 1;
const TX_MASK = TCP_TX_BUFFER - 1;
const SEQ_MASK = 0xffffffff;
/** RFC 1122: the MSS assumed when the peer's SYN carries none. */
const DEFAULT_MSS = 536;
const DUP_ACK_THRESHOLD = 3;
/** Segments one socket may send in one dispatch. */
const BURST = 16;

interface TcpSocket {
  state: u64;
  flags: u64;
  /** Why the connection ended when it did not end by an orderly close (TCP_E_RESET, TCP_E_TIMEOUT). */
  error: i64;
  /** Listener index + 1 while the connection waits to be accepted. */
  listener: u64;
  localPort: u64;
  remotePort: u64;
  remoteIp: u64;
  // send sequence space: the buffer holds txLen bytes from sequence txSeq on
  iss: u64;
  sndUna: u64;
  sndNxt: u64;
  /** Highest sequence number sent + 1 (sndNxt goes back on a retransmission). */
  sndMax: u64;
  sndWnd: u64;
  sndWl1: u64;
  sndWl2: u64;
  txSeq: u64;
  finSeq: u64;
  mss: u64;
  // receive sequence space: rxLen bytes readable at rxStart; rcvAdv = right edge advertised
  rcvNxt: u64;
  rcvAdv: u64;
  // RFC 6298 state, in ticks: srtt8 = 8·SRTT, rttvar4 = 4·RTTVAR
  rto: u64;
  srtt8: u64;
  rttvar4: u64;
  rttSeq: u64;
  rttStart: u64;
  retries: u64;
  dupAcks: u64;
  recover: u64;
  /** Retransmission, persist or TIME-WAIT deadline (0: off); delayed-ACK deadline. */
  timerAt: u64;
  ackAt: u64;
  retransmits: u64;
  rxStart: u64;
  rxLen: u64;
  txStart: u64;
  txLen: u64;
  /** Out-of-order data held beyond rcvNxt: ranges [start, end) of offsets from rcvNxt, sorted. */
  oooCount: u64;
  oooStart: Arr<u32, 4>;
  oooEnd: Arr<u32, 4>;
  rx: Arr<u8, 8192>;
  tx: Arr<u8, 8192>;
}

interface TcpListener {
  port: u64;
  backlog: u64;
  /** Connections not yet accepted (half-open and queued). */
  pending: u64;
  qHead: u64;
  qLen: u64;
  queue: Arr<u8, 32>;
}

const sockets = zeroed<Arr<TcpSocket, 40>>();
const listeners = zeroed<Arr<TcpListener, 4>>();
let issCounter: u64 = 0;
/** Why the last dispatch left output behind: 0 nothing, 1 a neighbour to resolve, 2 no transmit buffer. */
export let tcpOutputBlocked: u64 = 0;
// Work lists as bitmasks over the socket pool (40 ≤ 64), so that a round of the stack costs
// what changed, not the size of the pool:
/** Sockets that may have something to send (input arrived, the application sent or closed). */
let outputMask: u64 = 0;
/** Sockets whose readiness for the application may have changed; listeners that got a connection. */
let readyMask: u64 = 0;
let listenReadyMask: u64 = 0;
/** The earliest retransmission, persist, TIME-WAIT or delayed-ACK deadline armed (0: none; may be early). */
let timerMin: u64 = 0;

function seqLt(a: u64, b: u64): u64 {
  return i32(a - b) < 0 ? 1 : 0;
}

function seqLe(a: u64, b: u64): u64 {
  return i32(a - b) <= 0 ? 1 : 0;
}

function seqAdd(a: u64, n: u64): u64 {
  return (a + n) & SEQ_MASK;
}

/** The distance from a to b in sequence space (b − a, signed). */
function seqDiff(b: u64, a: u64): i64 {
  return i32(b - a);
}

function bit(s: Ptr<TcpSocket>): u64 {
  return 1 << socketIndex(s);
}

function markOutput(s: Ptr<TcpSocket>): void {
  outputMask |= bit(s);
}

function armTimer(s: Ptr<TcpSocket>, at: u64): void {
  s.timerAt = at;
  if (timerMin === 0 || at < timerMin) timerMin = at;
}

function armAck(s: Ptr<TcpSocket>, at: u64): void {
  s.ackAt = at;
  if (timerMin === 0 || at < timerMin) timerMin = at;
}

/** The sockets whose readiness may have changed since the last call (bit i: socket i). */
export function tcpTakeReady(): u64 {
  const m = readyMask;
  readyMask = 0;
  return m;
}

/** The listeners that got a connection (bit i: listener i) since the last call. */
export function tcpTakeListenReady(): u64 {
  const m = listenReadyMask;
  listenReadyMask = 0;
  return m;
}

export function tcpInit(): void {
  for (let i = 0; i < TCP_SOCKETS; i++) sockets[i].state = TCP_FREE;
  for (let i = 0; i < TCP_LISTENERS; i++) listeners[i].port = 0;
}

// ======================================================================= the application's side

/** Starts listening on `port` with room for `backlog` connections not yet accepted. */
export function tcpListen(port: u64, backlog: u64): i64 {
  if (port === 0 || port > 65535 || backlog === 0 || backlog > TCP_MAX_BACKLOG) return TCP_E_INVALID;
  let free: i64 = -1;
  for (let i = 0; i < TCP_LISTENERS; i++) {
    if (listeners[i].port === port) return TCP_E_IN_USE;
    if (listeners[i].port === 0 && free < 0) free = i;
  }
  if (free < 0) return TCP_E_IN_USE;
  const l = listeners[free];
  l.port = port;
  l.backlog = backlog;
  l.pending = 0;
  l.qHead = 0;
  l.qLen = 0;
  listenReadyMask |= 1 << free; // whoever waits to accept on this port may now
  return free;
}

/** The next established connection of listener `l`, or TCP_AGAIN. */
export function tcpAccept(l: u64): i64 {
  if (l >= TCP_LISTENERS || listeners[l].port === 0) return TCP_E_INVALID;
  const ln = listeners[l];
  if (ln.qLen === 0) return TCP_AGAIN;
  const i = ln.queue[ln.qHead];
  ln.qHead = (ln.qHead + 1) % TCP_MAX_BACKLOG;
  ln.qLen--;
  ln.pending--;
  const s = sockets[i];
  s.flags = (s.flags & ~F_QUEUED) | F_USER;
  s.listener = 0;
  count(S_TCP_ACCEPTED);
  return i;
}

/** The listener of `port`, or -1 when nobody listens on it. */
export function tcpListenerFor(port: u64): i64 {
  const l = findListener(port);
  return l !== 0 ? l - 1 : -1;
}

export function tcpAcceptReady(l: u64): u64 {
  return l < TCP_LISTENERS && listeners[l].qLen > 0 ? 1 : 0;
}

function userSocket(i: u64): Ptr<TcpSocket> {
  if (i >= TCP_SOCKETS) return ptr<TcpSocket>(0);
  const s = sockets[i];
  return (s.flags & F_USER) !== 0 ? s : (ptr<TcpSocket>(0));
}

/**
 * Copies up to `len` received bytes to buf: the count, 0 at the end of the stream (the peer
 * closed and everything was read), TCP_AGAIN, or the connection's error.
 */
export function tcpRecv(i: u64, buf: u64, len: u64): i64 {
  const s = userSocket(i);
  if (s === 0) return TCP_E_INVALID;
  if (s.rxLen === 0) {
    if (s.error !== 0) return s.error;
    if ((s.flags & F_PEER_FIN) !== 0 || s.state === TCP_CLOSED) return 0;
    return TCP_AGAIN;
  }
  const n = len < s.rxLen ? len : s.rxLen;
  ringRead(buf, s.rx, TCP_RX_BUFFER, s.rxStart, n);
  s.rxStart = (s.rxStart + n) & RX_MASK;
  s.rxLen -= n;
  // RFC 1122 §4.2.3.3: announce a larger window only once it grew by min(buffer/2, MSS).
  const grown = seqDiff(seqAdd(s.rcvNxt, rxWindow(s)), s.rcvAdv);
  const step: i64 = s.mss < TCP_RX_BUFFER / 2 ? s.mss : TCP_RX_BUFFER / 2;
  if (grown >= step) {
    s.flags |= F_ACK_NOW;
    markOutput(s);
  }
  return n;
}

/** Queues up to `len` bytes of buf for sending: the count, TCP_AGAIN when the buffer is full, or an error. */
export function tcpSend(i: u64, buf: u64, len: u64): i64 {
  const s = userSocket(i);
  if (s === 0) return TCP_E_INVALID;
  if (s.error !== 0) return s.error;
  if (s.state !== TCP_ESTABLISHED && s.state !== TCP_CLOSE_WAIT) return TCP_E_CLOSED;
  const room = TCP_TX_BUFFER - s.txLen;
  const n = len < room ? len : room;
  if (n === 0) return len === 0 ? 0 : TCP_AGAIN;
  ringWrite(s.tx, TCP_TX_BUFFER, s.txStart + s.txLen, buf, n);
  s.txLen += n;
  markOutput(s);
  return n;
}

/** Whether tcpRecv would return something other than TCP_AGAIN. */
export function tcpRecvReady(i: u64): u64 {
  const s = userSocket(i);
  if (s === 0) return 1;
  return s.rxLen > 0 || s.error !== 0 || (s.flags & F_PEER_FIN) !== 0 || s.state === TCP_CLOSED ? 1 : 0;
}

/** Whether tcpSend would return something other than TCP_AGAIN. */
export function tcpSendReady(i: u64): u64 {
  const s = userSocket(i);
  if (s === 0) return 1;
  return s.txLen < TCP_TX_BUFFER || (s.state !== TCP_ESTABLISHED && s.state !== TCP_CLOSE_WAIT) ? 1 : 0;
}

/**
 * The application is done with the socket: a FIN follows the queued data, received data is
 * discarded from now on, and the socket returns to the pool once the connection has closed.
 */
export function tcpClose(i: u64): i64 {
  const s = userSocket(i);
  if (s === 0) return TCP_E_INVALID;
  s.flags &= ~F_USER;
  s.rxLen = 0;
  if (s.state === TCP_ESTABLISHED) {
    s.state = TCP_FIN_WAIT_1;
    s.flags |= F_CLOSE;
  } else if (s.state === TCP_CLOSE_WAIT) {
    s.state = TCP_LAST_ACK;
    s.flags |= F_CLOSE;
  }
  markOutput(s);
  releaseIfDone(s);
  return 0;
}

/** Ends the connection at once with a RST and gives the socket back. */
export function tcpAbort(i: u64): i64 {
  const s = userSocket(i);
  if (s === 0) return TCP_E_INVALID;
  s.flags &= ~F_USER;
  abort(s, 0);
  return 0;
}

export function tcpState(i: u64): u64 {
  return i < TCP_SOCKETS ? sockets[i].state : TCP_FREE;
}

/** Segments this socket retransmitted (timeouts, fast retransmits and probes). */
export function tcpRetransmits(i: u64): u64 {
  return i < TCP_SOCKETS ? sockets[i].retransmits : 0;
}

export function tcpRemotePort(i: u64): u64 {
  return i < TCP_SOCKETS ? sockets[i].remotePort : 0;
}

export function tcpRemoteIp(i: u64): u64 {
  return i < TCP_SOCKETS ? sockets[i].remoteIp : 0;
}

/** The current retransmission timeout, in ticks (for tests and statistics). */
export function tcpRto(i: u64): u64 {
  return i < TCP_SOCKETS ? sockets[i].rto : 0;
}

// ======================================================================= buffers

/** Copies n bytes from src into the ring of `size` bytes at `ring`, from position `pos` (wrapping). */
function ringWrite(ring: u64, size: u64, pos: u64, src: u64, n: u64): void {
  const at = pos & (size - 1);
  const first = n < size - at ? n : size - at;
  copyBytes(ring + at, src, first);
  if (n > first) copyBytes(ring, src + first, n - first);
}

/** Copies n bytes from the ring of `size` bytes at `ring`, position `pos` (wrapping), to dst. */
function ringRead(dst: u64, ring: u64, size: u64, pos: u64, n: u64): void {
  const at = pos & (size - 1);
  const first = n < size - at ? n : size - at;
  copyBytes(dst, ring + at, first);
  if (n > first) copyBytes(dst + first, ring, n - first);
}

// ======================================================================= life cycle

function rxWindow(s: Ptr<TcpSocket>): u64 {
  return TCP_RX_BUFFER - s.rxLen;
}

/** Returns a socket to the pool when nobody needs it any more. */
function releaseIfDone(s: Ptr<TcpSocket>): void {
  if (s.state !== TCP_CLOSED || (s.flags & (F_USER | F_QUEUED)) !== 0) return;
  if (s.listener !== 0) listeners[s.listener - 1].pending--;
  s.listener = 0;
  s.state = TCP_FREE;
}

/** The connection is over: CLOSED with `error` (0: orderly), given back if nobody holds it. */
function closeWith(s: Ptr<TcpSocket>, error: i64): void {
  s.state = TCP_CLOSED;
  s.error = error;
  s.timerAt = 0;
  s.ackAt = 0;
  s.flags &= F_USER | F_QUEUED | F_PEER_FIN;
  readyMask |= bit(s);
  releaseIfDone(s);
}

/** Sends a RST for the connection (when the neighbour is known) and closes it. */
function abort(s: Ptr<TcpSocket>, now: u64): void {
  if (s.state !== TCP_CLOSED && s.state !== TCP_TIME_WAIT) sendReset(s.remoteIp, s.localPort, s.remotePort, s.sndNxt, 0, TCP_RST, now);
  count(S_TCP_ABORTED);
  closeWith(s, TCP_E_TIMEOUT);
}

function findSocket(ip: u64, localPort: u64, remotePort: u64): Ptr<TcpSocket> {
  for (let i = 0; i < TCP_SOCKETS; i++) {
    const s = sockets[i];
    if (s.state > TCP_CLOSED && s.remotePort === remotePort && s.localPort === localPort && s.remoteIp === ip) return s;
  }
  return ptr<TcpSocket>(0);
}

function findListener(port: u64): u64 {
  for (let i = 0; i < TCP_LISTENERS; i++) if (listeners[i].port === port) return i + 1;
  return 0;
}

function freeSocket(): Ptr<TcpSocket> {
  for (let i = 0; i < TCP_SOCKETS; i++) if (sockets[i].state === TCP_FREE) return sockets[i];
  return ptr<TcpSocket>(0);
}

function socketIndex(s: Ptr<TcpSocket>): u64 {
  return (s - sockets) / sizeof<TcpSocket>();
}

/** A SYN for a listening port: a new connection in SYN-RECEIVED (RFC 9293 §3.10.7.2). */
function passiveOpen(l: u64, ip: u64, seg: Ptr<TcpRepr>, now: u64): void {
  const ln = listeners[l - 1];
  const s = freeSocket();
  if (ln.pending >= ln.backlog || s === 0) {
    count(S_TCP_BACKLOG_DROPS); // the peer will retry its SYN
    return;
  }
  ln.pending++;
  issCounter++;
  const iss = (now + issCounter * 0x9e3779b9) & SEQ_MASK;
  s.state = TCP_SYN_RECEIVED;
  s.flags = 0;
  s.error = 0;
  s.listener = l;
  s.localPort = seg.dstPort;
  s.remotePort = seg.srcPort;
  s.remoteIp = ip;
  s.iss = iss;
  s.sndUna = iss;
  s.sndNxt = iss;
  s.sndMax = iss;
  s.txSeq = seqAdd(iss, 1);
  s.finSeq = 0;
  s.sndWnd = seg.window;
  s.sndWl1 = seg.seq;
  s.sndWl2 = iss;
  const peerMss = seg.mss !== 0 ? seg.mss : DEFAULT_MSS;
  s.mss = peerMss < TCP_MSS ? peerMss : TCP_MSS;
  s.rcvNxt = seqAdd(seg.seq, 1);
  s.rcvAdv = s.rcvNxt;
  s.rto = netif.config.rtoInitial;
  s.srtt8 = 0;
  s.rttvar4 = 0;
  s.retries = 0;
  s.dupAcks = 0;
  s.recover = iss;
  s.timerAt = 0;
  s.ackAt = 0;
  s.retransmits = 0;
  s.rxStart = 0;
  s.rxLen = 0;
  s.txStart = 0;
  s.txLen = 0;
  s.oooCount = 0;
  markOutput(s);
}

// ======================================================================= input

/** Handles a TCP segment for our address from `src` (RFC 9293 §3.10.7). */
export function tcpInput(src: u64, seg: Ptr<TcpRepr>, now: u64): void {
  const s = findSocket(src, seg.dstPort, seg.srcPort);
  if (s === 0) {
    const l = findListener(seg.dstPort);
    if (l !== 0 && (seg.flags & (TCP_SYN | TCP_ACK | TCP_RST)) === TCP_SYN) passiveOpen(l, src, seg, now);
    else if (l !== 0 && (seg.flags & TCP_RST) !== 0) return;
    else resetFor(src, seg, now);
    return;
  }
  // Whatever the segment does, the socket may now have output, and news for its application.
  const b = bit(s);
  outputMask |= b;
  readyMask |= b;
  segmentArrives(s, seg, now);
}

function segmentArrives(s: Ptr<TcpSocket>, seg: Ptr<TcpRepr>, now: u64): void {
  const len = seg.dataLen + ((seg.flags & TCP_SYN) !== 0 ? 1 : 0) + ((seg.flags & TCP_FIN) !== 0 ? 1 : 0);
  // A repeated SYN in SYN-RECEIVED: our SYN-ACK was lost; send it again.
  if (s.state === TCP_SYN_RECEIVED && (seg.flags & TCP_SYN) !== 0 && seg.seq === seqAdd(s.rcvNxt, SEQ_MASK)) {
    if ((seg.flags & TCP_RST) === 0) s.sndNxt = s.iss;
    return;
  }
  if (acceptable(s, seg.seq, len) === 0) {
    // §3.10.7.4: with a zero receive window nothing is acceptable, "but special allowance
    // should be made to accept valid ACKs": a peer that sent a window probe is a byte ahead.
    if (rxWindow(s) === 0 && (seg.flags & (TCP_ACK | TCP_RST | TCP_SYN)) === TCP_ACK && seqLe(s.rcvNxt, seg.seq) !== 0 && s.state !== TCP_SYN_RECEIVED) {
      inputAck(s, seg, now);
    }
    if ((seg.flags & TCP_RST) === 0) {
      s.flags |= F_ACK_NOW;
      if (seqLt(seg.seq, s.rcvNxt) !== 0) count(S_TCP_DUPLICATES);
      else count(S_TCP_OUT_OF_WINDOW);
    }
    return;
  }
  if ((seg.flags & TCP_RST) !== 0) {
    inputReset(s, seg);
    return;
  }
  if ((seg.flags & TCP_SYN) !== 0) {
    s.flags |= F_ACK_NOW; // RFC 5961 §4: a SYN in a synchronised state gets a challenge ACK
    return;
  }
  if ((seg.flags & TCP_ACK) === 0) return;
  if (s.state === TCP_SYN_RECEIVED && synReceivedAck(s, seg, now) === 0) return;
  if (inputAck(s, seg, now) === 0) return;
  if (seg.dataLen > 0) inputData(s, seg, now);
  if ((seg.flags & TCP_FIN) !== 0 && seqAdd(seg.seq, seg.dataLen) === s.rcvNxt) inputFin(s, now);
}

/** RFC 9293 §3.10.7.4, first check: is any of the segment within the receive window? */
function acceptable(s: Ptr<TcpSocket>, seq: u64, len: u64): u64 {
  const wnd: i64 = rxWindow(s);
  const off = seqDiff(seq, s.rcvNxt);
  if (len === 0) return (wnd === 0 && off === 0) || (off >= 0 && off < wnd) ? 1 : 0;
  if (wnd === 0) return 0;
  const size: i64 = len;
  const last: i64 = off + size - 1;
  return (off >= 0 && off < wnd) || (last >= 0 && last < wnd) ? 1 : 0;
}

/** RFC 5961 §3: a RST at exactly rcvNxt resets; one elsewhere in the window gets a challenge ACK. */
function inputReset(s: Ptr<TcpSocket>, seg: Ptr<TcpRepr>): void {
  if (seg.seq !== s.rcvNxt) {
    s.flags |= F_ACK_NOW;
    return;
  }
  count(S_TCP_RST_IN);
  closeWith(s, s.state === TCP_SYN_RECEIVED || s.state === TCP_TIME_WAIT || s.state === TCP_LAST_ACK ? 0 : TCP_E_RESET);
}

/** The ACK that completes the handshake; 0 when the segment was answered with a RST. */
function synReceivedAck(s: Ptr<TcpSocket>, seg: Ptr<TcpRepr>, now: u64): u64 {
  if (seg.ack !== seqAdd(s.iss, 1)) {
    sendReset(s.remoteIp, s.localPort, s.remotePort, seg.ack, 0, TCP_RST, now);
    return 0;
  }
  s.state = TCP_ESTABLISHED;
  const ln = listeners[s.listener - 1];
  ln.queue[(ln.qHead + ln.qLen) % TCP_MAX_BACKLOG] = socketIndex(s);
  ln.qLen++;
  s.flags |= F_QUEUED;
  listenReadyMask |= 1 << (s.listener - 1);
  return 1;
}

/** ACK processing (§3.10.7.4 fifth check); 0 when the rest of the segment is to be dropped. */
function inputAck(s: Ptr<TcpSocket>, seg: Ptr<TcpRepr>, now: u64): u64 {
  const ack = seg.ack;
  if (seqLt(s.sndMax, ack) !== 0) {
    s.flags |= F_ACK_NOW; // acknowledges something never sent
    return 0;
  }
  s.retries = 0; // the peer is alive
  if (seqLt(s.sndUna, ack) !== 0) ackNewData(s, ack, now);
  else if (ack === s.sndUna) duplicateAck(s, seg);
  if (seqLt(s.sndWl1, seg.seq) !== 0 || (s.sndWl1 === seg.seq && seqLe(s.sndWl2, ack) !== 0)) {
    s.sndWnd = seg.window;
    s.sndWl1 = seg.seq;
    s.sndWl2 = ack;
    // The window opened with nothing in flight: the persist timer is not needed any more.
    if (s.sndWnd > 0 && s.sndUna === s.sndMax && s.state !== TCP_TIME_WAIT) s.timerAt = 0;
  }
  if ((s.flags & F_FIN_SENT) !== 0 && s.sndUna === seqAdd(s.finSeq, 1)) {
    if (s.state === TCP_FIN_WAIT_1) s.state = TCP_FIN_WAIT_2;
    else if (s.state === TCP_CLOSING) enterTimeWait(s, now);
    else if (s.state === TCP_LAST_ACK) {
      closeWith(s, 0);
      return 0;
    }
  }
  return 1;
}

function ackNewData(s: Ptr<TcpSocket>, ack: u64, now: u64): void {
  const dataEnd = seqAdd(s.txSeq, s.txLen);
  const upTo = seqLt(dataEnd, ack) !== 0 ? dataEnd : ack;
  if (seqLt(s.txSeq, upTo) !== 0) {
    const n = seqDiff(upTo, s.txSeq);
    s.txStart = (s.txStart + n) & TX_MASK;
    s.txLen -= n;
    s.txSeq = upTo;
  }
  if ((s.flags & F_TIMING) !== 0 && seqLe(s.rttSeq, ack) !== 0) {
    s.flags &= ~F_TIMING;
    rttSample(s, now - s.rttStart);
  }
  s.sndUna = ack;
  if (seqLt(s.sndNxt, ack) !== 0) s.sndNxt = ack;
  s.dupAcks = 0;
  // RFC 6298 §5.2/5.3: stop the timer when everything is acknowledged, else restart it.
  if (s.sndUna === s.sndMax) s.timerAt = 0;
  else armTimer(s, now + s.rto);
}

/** RFC 6298 §2: SRTT, RTTVAR and RTO from one measurement r (ticks), with BSD's scaled integers. */
function rttSample(s: Ptr<TcpSocket>, r: u64): void {
  if (s.srtt8 === 0) {
    s.srtt8 = r << 3; // SRTT = R
    s.rttvar4 = r << 1; // RTTVAR = R/2
  } else {
    const delta: i64 = r - (s.srtt8 >>> 3);
    s.srtt8 = s.srtt8 + delta; // SRTT += (R - SRTT)/8
    const mag = delta < 0 ? 0 - delta : delta;
    s.rttvar4 = s.rttvar4 + mag - (s.rttvar4 >>> 2); // RTTVAR += (|R - SRTT| - RTTVAR)/4
  }
  const variance = s.rttvar4 > 1 ? s.rttvar4 : 1; // max(G, 4·RTTVAR), G = one tick
  let rto = (s.srtt8 >>> 3) + variance;
  if (rto < netif.config.rtoMin) rto = netif.config.rtoMin;
  if (rto > netif.config.rtoMax) rto = netif.config.rtoMax;
  s.rto = rto;
}

/** RFC 5681 §3.2, simplified: the third duplicate ACK resends from sndUna, once per window. */
function duplicateAck(s: Ptr<TcpSocket>, seg: Ptr<TcpRepr>): void {
  if (seg.dataLen !== 0 || (seg.flags & (TCP_SYN | TCP_FIN)) !== 0 || seg.window !== s.sndWnd || s.sndUna === s.sndMax) return;
  s.dupAcks++;
  if (s.dupAcks !== DUP_ACK_THRESHOLD || seqLt(s.sndUna, s.recover) !== 0) return;
  count(S_TCP_FAST_RETRANSMITS);
  s.recover = s.sndMax;
  s.sndNxt = s.sndUna;
  s.flags &= ~F_TIMING; // Karn: no sample from a retransmitted segment
}

/** Segment text (§3.10.7.4 seventh check): in order, out of order, or partly old. */
function inputData(s: Ptr<TcpSocket>, seg: Ptr<TcpRepr>, now: u64): void {
  if (s.state !== TCP_ESTABLISHED && s.state !== TCP_FIN_WAIT_1 && s.state !== TCP_FIN_WAIT_2) return;
  let off = seqDiff(seg.seq, s.rcvNxt);
  let data = seg.data;
  let n: i64 = seg.dataLen;
  if (off < 0) {
    count(S_TCP_DUPLICATES); // partly old: keep the new part
    data += 0 - off;
    n += off;
    off = 0;
  }
  const wnd: i64 = rxWindow(s);
  if (off + n > wnd) n = wnd - off; // beyond the window: dropped (the peer resends it)
  if (n <= 0) return;
  if ((s.flags & F_CLOSE) !== 0) {
    // Closed by the application: nobody will read; acknowledge and discard in-order data.
    if (off === 0) s.rcvNxt = seqAdd(s.rcvNxt, n);
    s.flags |= F_ACK_NOW;
    return;
  }
  ringWrite(s.rx, TCP_RX_BUFFER, s.rxStart + s.rxLen + off, data, n);
  if (off > 0) {
    count(S_TCP_OUT_OF_ORDER);
    oooInsert(s, off, off + n);
    s.flags |= F_ACK_NOW; // a duplicate ACK tells the peer what is missing
    return;
  }
  let advance = n;
  if (s.oooCount > 0) {
    advance = oooAdvance(s, n);
    s.flags |= F_ACK_NOW; // a hole was filled
  }
  s.rxLen += advance;
  s.rcvNxt = seqAdd(s.rcvNxt, advance);
  if ((s.flags & F_ACK_NOW) === 0) {
    if (netif.config.ackDelay === 0) s.flags |= F_ACK_NOW;
    else if (s.ackAt === 0) armAck(s, now + netif.config.ackDelay);
  }
}

/** Remembers out-of-order bytes [start, end) (offsets from rcvNxt), merging touching ranges. */
function oooInsert(s: Ptr<TcpSocket>, start: u64, end: u64): void {
  let a = start;
  let b = end;
  let k: u64 = 0;
  // Ranges are sorted and disjoint; fold every range that touches [a, b) into it.
  let w: u64 = 0;
  const starts = s.oooStart;
  const ends = s.oooEnd;
  let placed: u64 = 0;
  const tmpS = zeroed<Arr<u32, 5>>();
  const tmpE = zeroed<Arr<u32, 5>>();
  for (k = 0; k < s.oooCount; k++) {
    const rs = starts[k];
    const re = ends[k];
    if (re < a) {
      tmpS[w] = rs;
      tmpE[w] = re;
      w++;
    } else if (rs > b) {
      if (placed === 0) {
        tmpS[w] = a;
        tmpE[w] = b;
        w++;
        placed = 1;
      }
      tmpS[w] = rs;
      tmpE[w] = re;
      w++;
    } else {
      if (rs < a) a = rs;
      if (re > b) b = re;
    }
  }
  if (placed === 0) {
    tmpS[w] = a;
    tmpE[w] = b;
    w++;
  }
  if (w > TCP_OOO_RANGES) {
    // No room to remember it: forget the range furthest out (its bytes are resent by the peer).
    w = TCP_OOO_RANGES;
  }
  for (k = 0; k < w; k++) {
    starts[k] = tmpS[k];
    ends[k] = tmpE[k];
  }
  s.oooCount = w;
}

/**
 * In-order data of n bytes arrived at offset 0: returns how far rcvNxt advances, taking in
 * the out-of-order ranges that are now contiguous, and rebases the others.
 */
function oooAdvance(s: Ptr<TcpSocket>, n: u64): u64 {
  let reach = n;
  let w: u64 = 0;
  const starts = s.oooStart;
  const ends = s.oooEnd;
  for (let k: u64 = 0; k < s.oooCount; k++) {
    if (starts[k] <= reach) {
      if (ends[k] > reach) reach = ends[k];
    } else {
      starts[w] = starts[k];
      ends[w] = ends[k];
      w++;
    }
  }
  for (let k: u64 = 0; k < w; k++) {
    starts[k] = starts[k] - reach;
    ends[k] = ends[k] - reach;
  }
  s.oooCount = w;
  return reach;
}

/** The peer's FIN, in order (§3.10.7.4 eighth check). */
function inputFin(s: Ptr<TcpSocket>, now: u64): void {
  s.rcvNxt = seqAdd(s.rcvNxt, 1);
  s.flags |= F_PEER_FIN | F_ACK_NOW;
  s.oooCount = 0;
  const st = s.state;
  if (st === TCP_ESTABLISHED) s.state = TCP_CLOSE_WAIT;
  else if (st === TCP_FIN_WAIT_1) {
    if ((s.flags & F_FIN_SENT) !== 0 && s.sndUna === seqAdd(s.finSeq, 1)) enterTimeWait(s, now);
    else s.state = TCP_CLOSING;
  } else if (st === TCP_FIN_WAIT_2) enterTimeWait(s, now);
  else if (st === TCP_TIME_WAIT) armTimer(s, now + netif.config.timeWait);
}

function enterTimeWait(s: Ptr<TcpSocket>, now: u64): void {
  s.state = TCP_TIME_WAIT;
  armTimer(s, now + netif.config.timeWait);
}

// ======================================================================= resets

/** Answers a segment that belongs to no connection (§3.10.7.1); never a RST with a RST. */
function resetFor(src: u64, seg: Ptr<TcpRepr>, now: u64): void {
  if ((seg.flags & TCP_RST) !== 0) return;
  if ((seg.flags & TCP_ACK) !== 0) sendReset(src, seg.dstPort, seg.srcPort, seg.ack, 0, TCP_RST, now);
  else {
    const len = seg.dataLen + ((seg.flags & TCP_SYN) !== 0 ? 1 : 0) + ((seg.flags & TCP_FIN) !== 0 ? 1 : 0);
    sendReset(src, seg.dstPort, seg.srcPort, 0, seqAdd(seg.seq, len), TCP_RST | TCP_ACK, now);
  }
}

function sendReset(dst: u64, srcPort: u64, dstPort: u64, seq: u64, ack: u64, flags: u64, now: u64): void {
  const f = netifIpBegin(dst, now);
  if (f === 0) return;
  const t = f + IP_PAYLOAD;
  const hlen = tcpEmitHeader(t, srcPort, dstPort, seq, ack, flags, 0, 0);
  tcpChecksum(t, hlen, netif.ip, dst);
  count(S_TCP_RST_OUT);
  count(S_TCP_OUT);
  netifIpSend(f, 0, dst, IP_PROTO_TCP, hlen);
}

// ======================================================================= output

/**
 * Sends what is due: the sockets marked since the last round, and when the earliest deadline
 * has passed, every socket's timers (retransmission, persist, TIME-WAIT, delayed ACK).
 */
export function tcpDispatch(now: u64): void {
  tcpOutputBlocked = 0;
  let mask = outputMask;
  outputMask = 0;
  const all = timerMin !== 0 && now >= timerMin ? 1 : 0;
  if (all !== 0) timerMin = 0;
  for (let i: u64 = 0; i < TCP_SOCKETS && (all !== 0 || mask !== 0); i++) {
    const b: u64 = 1 << i;
    if (all === 0 && (mask & b) === 0) continue;
    mask &= ~b;
    const s = sockets[i];
    if (s.state <= TCP_CLOSED) continue;
    if (all !== 0) timers(s, now);
    if (s.state > TCP_CLOSED && output(s, now) !== 0) outputMask |= b; // blocked: again next round
    if (all !== 0 && s.state > TCP_CLOSED) {
      if (s.timerAt !== 0 && (timerMin === 0 || s.timerAt < timerMin)) timerMin = s.timerAt;
      if (s.ackAt !== 0 && (timerMin === 0 || s.ackAt < timerMin)) timerMin = s.ackAt;
    }
  }
}

function timers(s: Ptr<TcpSocket>, now: u64): void {
  if (s.ackAt !== 0 && now >= s.ackAt) {
    s.ackAt = 0;
    s.flags |= F_ACK_NOW;
  }
  if (s.timerAt === 0 || now < s.timerAt) return;
  s.timerAt = 0;
  if (s.state === TCP_TIME_WAIT) {
    closeWith(s, 0);
    return;
  }
  s.retries++;
  if (s.retries > netif.config.maxRetries) {
    count(S_TCP_TIMEOUTS);
    abort(s, now);
    return;
  }
  const rto = s.rto * 2; // RFC 6298 §5.5: back off
  s.rto = rto < netif.config.rtoMax ? rto : netif.config.rtoMax;
  s.flags &= ~F_TIMING; // Karn
  s.dupAcks = 0;
  if (s.state === TCP_SYN_RECEIVED) {
    s.sndNxt = s.iss; // the SYN-ACK again
    return;
  }
  if (s.sndWnd === 0) {
    s.flags |= F_PROBE;
    if (s.sndUna === s.sndMax) count(S_TCP_ZERO_WINDOW_PROBES);
  }
  s.recover = s.sndMax;
  s.sndNxt = s.sndUna; // RFC 6298 §5.4: resend from the oldest unacknowledged byte
}

/** Whether the FIN goes with a segment ending at sequence `end`. */
function finDue(s: Ptr<TcpSocket>, end: u64): u64 {
  if ((s.flags & F_CLOSE) === 0 || end !== seqAdd(s.txSeq, s.txLen)) return 0;
  if (s.state !== TCP_FIN_WAIT_1 && s.state !== TCP_CLOSING && s.state !== TCP_LAST_ACK) return 0;
  return (s.flags & F_FIN_SENT) === 0 || seqLe(end, s.finSeq) !== 0 ? 1 : 0;
}

/** Sends what socket s has due; 1 when something had to wait (a neighbour, a transmit buffer). */
function output(s: Ptr<TcpSocket>, now: u64): u64 {
  for (let burst = 0; burst < BURST; burst++) {
    if (s.state === TCP_SYN_RECEIVED) {
      if (s.sndNxt === s.iss) return 1 - sendSegment(s, TCP_SYN | TCP_ACK, s.iss, 0, now);
      if ((s.flags & F_ACK_NOW) !== 0) return 1 - sendSegment(s, TCP_ACK, s.sndNxt, 0, now);
      return 0;
    }
    const sending = s.state !== TCP_TIME_WAIT && s.state !== TCP_FIN_WAIT_2;
    let n: u64 = 0;
    let fin: u64 = 0;
    if (sending) {
      n = sendable(s, now);
      fin = finDue(s, seqAdd(s.sndNxt, n));
    }
    if (n === 0 && fin === 0) {
      if ((s.flags & F_ACK_NOW) !== 0) return 1 - sendSegment(s, TCP_ACK, s.sndNxt, 0, now);
      return 0;
    }
    const flags = TCP_ACK | (n > 0 ? TCP_PSH : 0) | (fin !== 0 ? TCP_FIN : 0);
    if (sendSegment(s, flags, s.sndNxt, n, now) === 0) return 1;
  }
  return 1; // a full burst: more may be due
}

/** Bytes of the send buffer that may go out now at sndNxt: the window and one MSS allowing. */
function sendable(s: Ptr<TcpSocket>, now: u64): u64 {
  const sent = seqDiff(s.sndNxt, s.txSeq);
  if (sent < 0 || sent >= s.txLen) return 0;
  const unsent = s.txLen - sent;
  const wnd = seqDiff(seqAdd(s.sndUna, s.sndWnd), s.sndNxt);
  let n: u64 = wnd > 0 ? wnd : 0;
  if (n > unsent) n = unsent;
  if (n > s.mss) n = s.mss;
  if (n === 0 && (s.flags & F_PROBE) !== 0) {
    n = 1; // a zero-window probe
    s.flags &= ~F_PROBE;
  } else if (n === 0 && s.timerAt === 0) {
    armTimer(s, now + s.rto); // the persist timer: probe when it fires
  }
  return n;
}

/**
 * Builds and sends one segment with `n` bytes from the send buffer at sequence `seq`; 1 when
 * it went out, 0 when it has to wait (a neighbour to resolve, no transmit buffer).
 */
function sendSegment(s: Ptr<TcpSocket>, flags: u64, seq: u64, n: u64, now: u64): u64 {
  const f = netifIpBegin(s.remoteIp, now);
  if (f === 0) {
    tcpOutputBlocked = netif.nextMac === 0 ? 1 : 2;
    return 0;
  }
  const t = f + IP_PAYLOAD;
  const syn = (flags & TCP_SYN) !== 0 ? 1 : 0;
  const window = rxWindow(s);
  const hlen = tcpEmitHeader(t, s.localPort, s.remotePort, seq, s.rcvNxt, flags, window, syn !== 0 ? TCP_MSS : 0);
  ringRead(t + hlen, s.tx, TCP_TX_BUFFER, s.txStart + seqDiff(seq, s.txSeq), n);
  tcpChecksum(t, hlen + n, netif.ip, s.remoteIp);
  netifIpSend(f, 0, s.remoteIp, IP_PROTO_TCP, hlen + n);
  count(S_TCP_OUT);
  const fin = (flags & TCP_FIN) !== 0 ? 1 : 0;
  const end = seqAdd(seq, n + syn + fin);
  if (n + syn + fin > 0) {
    if (seqLt(seq, s.sndMax) !== 0) {
      s.retransmits++;
      count(S_TCP_RETRANSMITS);
    } else if ((s.flags & F_TIMING) === 0) {
      s.flags |= F_TIMING; // time this segment (RFC 6298 §3: one measurement at a time)
      s.rttSeq = end;
      s.rttStart = now;
    }
    if (s.timerAt === 0) armTimer(s, now + s.rto);
  }
  if (fin !== 0) {
    s.flags |= F_FIN_SENT;
    s.finSeq = seqAdd(seq, n);
  }
  s.sndNxt = end;
  if (seqLt(s.sndMax, end) !== 0) s.sndMax = end;
  s.flags &= ~F_ACK_NOW;
  s.ackAt = 0;
  s.rcvAdv = seqAdd(s.rcvNxt, window);
  return 1;
}

/**
 * The earliest tick the sockets need the stack's attention: `now` when output waits (for a
 * transmit buffer or a neighbour: see tcpOutputBlocked), else the earliest deadline; 0: none.
 */
export function tcpPollAt(now: u64): u64 {
  return outputMask !== 0 ? now : timerMin;
}
