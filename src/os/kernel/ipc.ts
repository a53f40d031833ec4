/**
 * Endpoint IPC, the slow path: the complete semantics of Send, NBSend, Recv, NBRecv, Call,
 * Reply and ReplyRecv (seL4's, with MCS-style reply objects). fastpath.ts does a subset of
 * Call and ReplyRecv faster and must give the same results.
 *
 * A message is the sender's saved a1 (info) and a2..a5 (message registers 0..3), plus words
 * 4.. of its IPC buffer when the info's length says so; the receiver gets it in the same
 * registers and buffer words, with a0 = the badge of the sender's capability. A sender that
 * must wait keeps its message in its saved registers until a receiver takes it.
 */
import { Ptr, load64, ptr, store64, u64 } from '../../gtsc/guest';
import {
  BLOCKED_RECV, BLOCKED_REPLY, BLOCKED_SEND, EP_IDLE, EP_RECV, EP_SEND, Endpoint, Reply, Tcb,
} from './objects';
import { queueAppend, queueRemove } from './queue';
import { makeReady } from './sched';
import { E_NO_REPLY, E_WOULD_BLOCK, MSG_LABEL_SHIFT, MSG_LENGTH_MASK, NOTIFICATION_LABEL, REGISTER_MRS } from './syscalls.gen';

export const A0 = 10;
export const A1 = 11;
export const A2 = 12;
export const A3 = 13;
export const A4 = 14;
export const A5 = 15;
export const A6 = 16;
export const A7 = 17;

/** Copies src's message to dst (registers, then IPC-buffer words 4..length-1); dst.a0 = badge. */
export function transfer(src: Ptr<Tcb>, dst: Ptr<Tcb>, badge: u64): void {
  const info = src.regs[A1];
  dst.regs[A0] = badge;
  dst.regs[A1] = info;
  dst.regs[A2] = src.regs[A2];
  dst.regs[A3] = src.regs[A3];
  dst.regs[A4] = src.regs[A4];
  dst.regs[A5] = src.regs[A5];
  const len = info & MSG_LENGTH_MASK;
  for (let i = REGISTER_MRS; i < len; i++) store64(dst.ipcBuf + 8 * i, load64(src.ipcBuf + 8 * i));
}

export function epEnqueue(ep: Ptr<Endpoint>, t: Ptr<Tcb>, state: u64): void {
  queueAppend(ep.queue, t);
  ep.state = state;
  t.blockedOn = ep;
}

export function epDequeue(ep: Ptr<Endpoint>, t: Ptr<Tcb>): void {
  queueRemove(ep.queue, t);
  if (ep.queue.head === 0) ep.state = EP_IDLE;
  t.blockedOn = 0;
}

/** A caller leaves its Call for the reply object (it resumes when someone replies). */
function bindCaller(caller: Ptr<Tcb>, reply: Ptr<Reply>): void {
  reply.caller = caller;
  caller.state = BLOCKED_REPLY;
  caller.reply = reply;
}

/** Send or Call from t on ep with the capability's badge. */
export function sendIpc(t: Ptr<Tcb>, ep: Ptr<Endpoint>, badge: u64, blocking: u64, isCall: u64): void {
  if (ep.state === EP_RECV) {
    const r = ep.queue.head;
    epDequeue(ep, r);
    transfer(t, r, badge);
    const reply = r.reply;
    r.reply = ptr<Reply>(0);
    if (isCall === 0) t.regs[A0] = 0;
    else if (reply !== 0) bindCaller(t, reply);
    else t.regs[A0] = E_NO_REPLY; // the receiver cannot answer: the caller resumes at once
    makeReady(r);
    return;
  }
  if (blocking === 0) {
    t.regs[A0] = E_WOULD_BLOCK;
    return;
  }
  t.state = BLOCKED_SEND;
  t.sendBadge = badge;
  t.sendIsCall = isCall;
  epEnqueue(ep, t, EP_SEND);
}

/** Recv on ep for t (reply: the reply object a Call binds to, or 0). */
export function recvIpc(t: Ptr<Tcb>, ep: Ptr<Endpoint>, reply: Ptr<Reply>, blocking: u64): void {
  const n = t.bound;
  if (n !== 0 && n.active !== 0) {
    t.regs[A0] = n.word;
    t.regs[A1] = NOTIFICATION_LABEL << MSG_LABEL_SHIFT;
    n.word = 0;
    n.active = 0;
    return;
  }
  if (ep.state === EP_SEND) {
    const s = ep.queue.head;
    epDequeue(ep, s);
    transfer(s, t, s.sendBadge);
    if (s.sendIsCall === 0) {
      s.regs[A0] = 0;
      makeReady(s);
    } else if (reply !== 0) bindCaller(s, reply);
    else {
      s.regs[A0] = E_NO_REPLY;
      makeReady(s);
    }
    return;
  }
  if (blocking === 0) {
    t.regs[A0] = E_WOULD_BLOCK;
    return;
  }
  t.state = BLOCKED_RECV;
  t.reply = reply;
  epEnqueue(ep, t, EP_RECV);
}

/** t answers the caller held by reply (which must hold one); the caller resumes with a0 = 0. */
export function doReply(t: Ptr<Tcb>, reply: Ptr<Reply>): void {
  const c = reply.caller;
  reply.caller = ptr<Tcb>(0);
  c.reply = ptr<Reply>(0);
  transfer(t, c, 0);
  makeReady(c);
}

/** Takes a thread out of its Recv (a signal of its bound notification arrived). */
export function cancelRecv(t: Ptr<Tcb>): void {
  epDequeue(ptr<Endpoint>(t.blockedOn), t);
  t.reply = ptr<Reply>(0);
}
