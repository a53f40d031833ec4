/**
 * The socket API over synchronous IPC, the NWP's side: a request message into a SockRequest,
 * a SockReply into a reply message (the layout is sync-client.ts's), and the pool of reply
 * objects that lets the NWP hold a caller whose request waits while it serves the others.
 */
import { Arr, Ptr, load64, store64, u64, zeroed } from '../../../gtsc/guest';
import { msgInfo, msgLabel, msgLength } from '../../user/lib';
import { Msg, REGISTER_MRS } from '../../user/sys.gen';
import { SOCK_INLINE, SOCK_SEND } from './protocol';
import type { SockReply, SockRequest } from './protocol';

function getWord(m: Ptr<Msg>, ipcBuf: u64, i: u64): u64 {
  return i < REGISTER_MRS ? m.mr[i] : load64(ipcBuf + 8 * i);
}

function setWord(m: Ptr<Msg>, ipcBuf: u64, i: u64, v: u64): void {
  if (i < REGISTER_MRS) m.mr[i] = v;
  else store64(ipcBuf + 8 * i, v);
}

/** Reads the request in message m (received into the NWP thread's IPC buffer `ipcBuf`). */
export function requestFromMsg(m: Ptr<Msg>, ipcBuf: u64, q: Ptr<SockRequest>): void {
  q.op = msgLabel(m.info);
  q.sock = m.mr[0];
  q.arg = m.mr[1];
  q.len = 0;
  if (q.op !== SOCK_SEND) return;
  const len = q.arg < SOCK_INLINE ? q.arg : SOCK_INLINE;
  const words = (len + 7) / 8;
  if (msgLength(m.info) < 2 + words) return; // shorter than it says: send nothing
  for (let i: u64 = 0; i < words; i++) store64(q.data + 8 * i, getWord(m, ipcBuf, 2 + i));
  q.len = len;
}

/** Writes reply r as the answer message m (IPC buffer words from 4 on). */
export function replyToMsg(r: Ptr<SockReply>, m: Ptr<Msg>, ipcBuf: u64): void {
  const words = (r.len + 7) / 8;
  m.info = msgInfo(0, 1 + words);
  m.mr[0] = r.result;
  for (let i: u64 = 0; i < words; i++) setWord(m, ipcBuf, 1 + i, load64(r.data + 8 * i));
}

/** Reply-object capability slots, lent to callers whose requests wait. */
export interface ReplyPool {
  count: u64;
  free: Arr<u64, 72>;
}

export function replyPoolInit(p: Ptr<ReplyPool>, firstSlot: u64, n: u64): void {
  p.count = 0;
  for (let i: u64 = 0; i < n; i++) {
    p.free[p.count] = firstSlot + n - 1 - i;
    p.count++;
  }
}

/** A free reply object slot (0 when none is left). */
export function replyTake(p: Ptr<ReplyPool>): u64 {
  if (p.count === 0) return 0;
  p.count--;
  return p.free[p.count];
}

export function replyGive(p: Ptr<ReplyPool>, slot: u64): void {
  p.free[p.count] = slot;
  p.count++;
}
