/**
 * The NWP's side of the socket API, independent of the transport: a request either completes
 * at once (the reply is filled in) or waits in its client's slot until the stack can complete
 * it (svcRetry after each round of the stack). One request per client at a time: a client is
 * a thread that waits for its answer (sync), or one coroutine's slot (async).
 */
import { Arr, Ptr, i64, u64, zeroed } from '../../../gtsc/guest';
import { TCP_AGAIN, TCP_E_INVALID, tcpAccept, tcpClose, tcpListen, tcpListenerFor, tcpRecv, tcpSend } from '../tcp';
import { copyBytes } from '../wire/bytes';
import { SOCK_ACCEPT, SOCK_CLOSE, SOCK_INLINE, SOCK_LISTEN, SOCK_RECV, SOCK_RECV_NB, SOCK_SEND } from './protocol';
import type { SockReply, SockRequest } from './protocol';

/** Clients are numbered 1..SVC_CLIENTS (a sync client's badge). */
export const SVC_CLIENTS = 64;

const waiting = zeroed<Arr<SockRequest, 65>>();
const isWaiting = zeroed<Arr<u64, 65>>();
/** Bytes of a waiting SEND already queued. */
const sentSoFar = zeroed<Arr<u64, 65>>();
let waitingCount: u64 = 0;

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
  isWaiting[client] = 1;
  waitingCount++;
  return 0;
}

/** Tries `client`'s waiting request again: 1 when rep now holds its answer (it waits no more). */
export function svcRetry(client: u64, rep: Ptr<SockReply>): u64 {
  if (isWaiting[client] === 0 || attempt(waiting[client], client, rep) === 0) return 0;
  isWaiting[client] = 0;
  waitingCount--;
  return 1;
}
