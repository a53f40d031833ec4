/**
 * The NWP's side of the socket API, independent of the transport: a request either completes
 * at once (the reply is filled in) or waits in its client's slot until the stack can complete
 * it. After each round of the stack, svcBeginRound() collects which sockets and listeners
 * changed, and svcNextDone() hands back, one at a time, the waiting requests that now
 * complete — only those on a socket that changed are tried again. One request per client at a
 * time: a client is a thread that waits for its answer (sync), or one coroutine's slot (async).
 */
import { Arr, Ptr, i64, u64, zeroed } from '../../../gtsc/guest';
import { TCP_AGAIN, TCP_E_INVALID, tcpAccept, tcpClose, tcpListen, tcpListenerFor, tcpRecv, tcpSend, tcpTakeListenReady, tcpTakeReady } from '../tcp';
import { copyBytes } from '../wire/bytes';
import { SOCK_ACCEPT, SOCK_CLOSE, SOCK_INLINE, SOCK_LISTEN, SOCK_RECV, SOCK_RECV_NB, SOCK_SEND } from './protocol';
import type { SockReply, SockRequest } from './protocol';

/** Clients are numbered 1..SVC_CLIENTS (a sync client's badge). */
export const SVC_CLIENTS = 64;

const waiting = zeroed<Arr<SockRequest, 65>>();
const isWaiting = zeroed<Arr<u64, 65>>();
/** Clients (bit c − 1 for client c) waiting in ACCEPT, and waiting on each socket. */
let acceptWaiters: u64 = 0;
const socketWaiters = zeroed<Arr<u64, 64>>();
/** Bytes of a waiting SEND already queued. */
const sentSoFar = zeroed<Arr<u64, 65>>();
/** What a waiting request waits on: its socket, or WAIT_LISTEN (an ACCEPT). */
const waitKey = zeroed<Arr<u64, 65>>();
const WAIT_LISTEN = 64;
let waitingCount: u64 = 0;
/** This round's candidates: the clients waiting on what changed (bit c − 1 for client c). */
let candidates: u64 = 0;

/** Requests waiting for the stack. */
export function svcWaiting(): u64 {
  return waitingCount;
}

export function svcIsWaiting(client: u64): u64 {
  return client <= SVC_CLIENTS ? isWaiting[client] : 0;
}

function done(rep: Ptr<SockReply>, result: i64): u64 {
  rep.result = result;
  return 1;
}

/** Tries request q (with `sent` bytes of a SEND already queued); 1 when rep holds its answer. */
function attempt(q: Ptr<SockRequest>, client: u64, rep: Ptr<SockReply>): u64 {
  rep.len = 0;
  const op = q.op;
  if (op === SOCK_RECV || op === SOCK_RECV_NB) {
    const want = q.arg < SOCK_INLINE ? q.arg : SOCK_INLINE;
    const n = tcpRecv(q.sock, rep.data, want);
    if (n === TCP_AGAIN && op === SOCK_RECV) return 0;
    if (n > 0) rep.len = n;
    return done(rep, n);
  }
  if (op === SOCK_SEND) {
    const len = q.len < SOCK_INLINE ? q.len : SOCK_INLINE;
    const from = sentSoFar[client];
    const n = tcpSend(q.sock, q.data + from, len - from);
    if (n === TCP_AGAIN) return 0;
    if (n < 0) return done(rep, n);
    sentSoFar[client] = from + n;
    if (from + n < len) return 0;
    return done(rep, len);
  }
  if (op === SOCK_ACCEPT) {
    const l = tcpListenerFor(q.sock);
    if (l < 0) return 0; // nobody listens yet: wait for the LISTEN
    const s = tcpAccept(l);
    return s === TCP_AGAIN ? 0 : done(rep, s);
  }
  if (op === SOCK_LISTEN) return done(rep, tcpListen(q.sock, q.arg) < 0 ? TCP_E_INVALID : 0);
  if (op === SOCK_CLOSE) return done(rep, tcpClose(q.sock));
  return done(rep, TCP_E_INVALID);
}

/** A new request from `client`: 1 when answered at once (rep), 0 when it waits. */
export function svcSubmit(client: u64, q: Ptr<SockRequest>, rep: Ptr<SockReply>): u64 {
  if (client === 0 || client > SVC_CLIENTS || isWaiting[client] !== 0) return done(rep, TCP_E_INVALID);
  sentSoFar[client] = 0;
  if (attempt(q, client, rep) !== 0) return 1;
  const w = waiting[client];
  w.op = q.op;
  w.sock = q.sock;
  w.arg = q.arg;
  w.len = q.len;
  if (q.op === SOCK_SEND) copyBytes(w.data, q.data, q.len < SOCK_INLINE ? q.len : SOCK_INLINE);
  const key: u64 = q.op === SOCK_ACCEPT ? WAIT_LISTEN : q.sock & 63;
  waitKey[client] = key;
  if (key === WAIT_LISTEN) acceptWaiters |= 1 << (client - 1);
  else socketWaiters[key] = socketWaiters[key] | (1 << (client - 1));
  isWaiting[client] = 1;
  waitingCount++;
  return 0;
}

/** After a round of the stack: the clients waiting on the sockets and listeners that changed. */
export function svcBeginRound(): void {
  let changed = tcpTakeReady();
  candidates = tcpTakeListenReady() !== 0 ? acceptWaiters : 0;
  for (let i: u64 = 0; changed !== 0; i++) {
    if ((changed & 1) !== 0) candidates |= socketWaiters[i];
    changed = changed >>> 1;
  }
}

/** The number (1..64) of the lowest set bit of x (x not 0): a binary search, RV64IMAC has no ctz. */
function lowestClient(x: u64): u64 {
  let v = x & (0 - x);
  let c: u64 = 1;
  if ((v >>> 32) !== 0) {
    c += 32;
    v = v >>> 32;
  }
  if ((v >>> 16) !== 0) {
    c += 16;
    v = v >>> 16;
  }
  if ((v >>> 8) !== 0) {
    c += 8;
    v = v >>> 8;
  }
  if ((v >>> 4) !== 0) {
    c += 4;
    v = v >>> 4;
  }
  if ((v >>> 2) !== 0) {
    c += 2;
    v = v >>> 2;
  }
  if ((v >>> 1) !== 0) c += 1;
  return c;
}

/**
 * The next client whose waiting request completes after this round's changes (its answer in
 * rep), or 0 when there is none left.
 */
export function svcNextDone(rep: Ptr<SockReply>): u64 {
  while (candidates !== 0) {
    const c = lowestClient(candidates);
    candidates &= ~(1 << (c - 1));
    if (svcRetry(c, rep) !== 0) return c;
  }
  return 0;
}

/** Tries `client`'s waiting request again: 1 when rep now holds its answer (it waits no more). */
export function svcRetry(client: u64, rep: Ptr<SockReply>): u64 {
  if (isWaiting[client] === 0 || attempt(waiting[client], client, rep) === 0) return 0;
  isWaiting[client] = 0;
  const bit: u64 = 1 << (client - 1);
  const key = waitKey[client];
  if (key === WAIT_LISTEN) acceptWaiters &= ~bit;
  else socketWaiters[key] = socketWaiters[key] & ~bit;
  waitingCount--;
  return 1;
}
