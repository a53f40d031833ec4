/**
 * The socket API over synchronous IPC, client side: each call is one Call on the client's
 * (badged) endpoint capability to the NWP, which answers when the operation completes (a RECV
 * waits for data, an ACCEPT for a connection). A request travels as label = op, mr0 = socket
 * (or port), mr1 = arg (SEND: its length), then the data packed little-endian from mr2 on
 * (words 4 and up in the IPC buffer); the reply as mr0 = result, then the data from mr1.
 * Requests of up to 16 bytes and replies of up to 24 stay in registers (the kernel's fast path).
 */
import { Arr, Ptr, i64, load64, store64, u64, zeroed } from '../../../gtsc/guest';
import { msgInfo } from '../../user/lib';
import { Call, Msg, REGISTER_MRS } from '../../user/sys.gen';
import { copyBytes } from '../wire/bytes';
import { SOCK_ACCEPT, SOCK_CLOSE, SOCK_INLINE, SOCK_LISTEN, SOCK_RECV, SOCK_RECV_NB, SOCK_SEND } from './protocol';

/** A client: its endpoint capability slot and its IPC buffer (for messages over 4 words). */
export interface SockClient {
  ep: u64;
  ipcBuf: u64;
}

/** Message word i of m (registers, then the IPC buffer). */
function getWord(m: Ptr<Msg>, ipcBuf: u64, i: u64): u64 {
  return i < REGISTER_MRS ? m.mr[i] : load64(ipcBuf + 8 * i);
}

function setWord(m: Ptr<Msg>, ipcBuf: u64, i: u64, v: u64): void {
  if (i < REGISTER_MRS) m.mr[i] = v;
  else store64(ipcBuf + 8 * i, v);
}

/** One request; the reply's data (up to `outLen` bytes) goes to `out`. Returns the result. */
function sockCall(c: Ptr<SockClient>, op: u64, sock: i64, arg: u64, data: u64, len: u64, out: u64, outLen: u64): i64 {
  const m = zeroed<Msg>();
  const words = zeroed<Arr<u64, 8>>(); // SOCK_INLINE bytes, word-aligned
  const n = len < SOCK_INLINE ? len : SOCK_INLINE;
  const dataWords = (n + 7) / 8;
  if (n > 0) copyBytes(words, data, n);
  m.info = msgInfo(op, 2 + dataWords);
  m.mr[0] = sock;
  m.mr[1] = arg;
  for (let i: u64 = 0; i < dataWords; i++) setWord(m, c.ipcBuf, 2 + i, words[i]);
  const err = Call(c.ep, m);
  if (err < 0) return err;
  const result: i64 = m.mr[0];
  if (result > 0 && outLen > 0) {
    const got = result < outLen ? result : outLen;
    for (let i: u64 = 0; i < (got + 7) / 8; i++) words[i] = getWord(m, c.ipcBuf, 1 + i);
    copyBytes(out, words, got);
  }
  return result;
}

export function sockListen(c: Ptr<SockClient>, port: u64, backlog: u64): i64 {
  return sockCall(c, SOCK_LISTEN, port, backlog, 0, 0, 0, 0);
}

/** Waits for a connection on `port`: its socket. */
export function sockAccept(c: Ptr<SockClient>, port: u64): i64 {
  return sockCall(c, SOCK_ACCEPT, port, 0, 0, 0, 0, 0);
}

/** Waits for at least one byte: up to `len` (≤ SOCK_INLINE) bytes to buf; 0 at the end of the stream. */
export function sockRecv(c: Ptr<SockClient>, sock: i64, buf: u64, len: u64): i64 {
  return sockCall(c, SOCK_RECV, sock, len, 0, 0, buf, len);
}

/** As sockRecv, but SOCK_AGAIN instead of waiting. */
export function sockRecvNb(c: Ptr<SockClient>, sock: i64, buf: u64, len: u64): i64 {
  return sockCall(c, SOCK_RECV_NB, sock, len, 0, 0, buf, len);
}

/** Sends `len` (≤ SOCK_INLINE) bytes, waiting until all are queued. */
export function sockSend(c: Ptr<SockClient>, sock: i64, buf: u64, len: u64): i64 {
  return sockCall(c, SOCK_SEND, sock, len, buf, len, 0, 0);
}

export function sockClose(c: Ptr<SockClient>, sock: i64): i64 {
  return sockCall(c, SOCK_CLOSE, sock, 0, 0, 0, 0, 0);
}
