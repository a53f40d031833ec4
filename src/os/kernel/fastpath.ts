/**
 * The IPC fast path (seL4's fastpath.c): Call and ReplyRecv when the partner waits on this hart
 * and the message fits in registers. First every check, each one bailing out to the slow path
 * (which gives the same result the long way); then the point of no return; then the commit,
 * a direct switch to the partner with no run-queue traffic. entry.S jumps here straight from
 * the trap vector with the message still in registers.
 */
import { Ptr, asm, ptr, u64 } from '../../gtsc/guest';
import { PATH_FAST_CALL, PATH_FAST_REPLY_RECV } from './hint';
import { lock, unlock } from './lock';
import { A0, A1, A2, A3, A4, A5, epDequeue, epEnqueue } from './ipc';
import {
  BLOCKED_RECV, BLOCKED_REPLY, CAP_ENDPOINT, CAP_REPLY, EP_RECV, EP_SEND, Endpoint, RIGHT_RECV, RIGHT_SEND, RUNNING, Reply, Tcb,
} from './objects';
import { count, highestReady, switchTo } from './sched';
import { slowSyscall } from './syscall';
import { KSTAT_FASTPATH_CALL, KSTAT_FASTPATH_REPLY_RECV, MSG_LENGTH_MASK, REGISTER_MRS } from './syscalls.gen';

declare function restore_user(t: Ptr<Tcb>): void;

/** DebugSetFastpath: 0 sends every Call and ReplyRecv down the slow path. */
export let fastpathEnabled: u64 = 1;

export function setFastpath(on: u64): u64 {
  const old = fastpathEnabled;
  fastpathEnabled = on !== 0 ? 1 : 0;
  return old;
}

/** The capability in slot of t's table when it is of `kind` with `rights`, else 0. */
function capObject(t: Ptr<Tcb>, slot: u64, kind: u64, rights: u64): u64 {
  if (slot >= t.ncaps) return 0;
  const c = t.caps[slot];
  if (c.kind !== kind || (c.rights & rights) !== rights) return 0;
  return c.obj;
}

export function fastpath_call(t: Ptr<Tcb>, info: u64, m0: u64, m1: u64, m2: u64, m3: u64, slot: u64): void {
  lock();
  t.regs[0] = t.regs[0] + 4;
  // ---- checks: any failure takes the slow path
  if (fastpathEnabled === 0 || (info & MSG_LENGTH_MASK) > REGISTER_MRS || slot >= t.ncaps) return slowSyscall(t);
  const c = t.caps[slot];
  if (c.kind !== CAP_ENDPOINT || (c.rights & RIGHT_SEND) === 0) return slowSyscall(t);
  const ep = ptr<Endpoint>(c.obj);
  if (ep.state !== EP_RECV) return slowSyscall(t);
  const dest = ep.queue.head;
  const cpu = t.cpu;
  if (dest.cpu !== cpu || dest.reply === 0) return slowSyscall(t);
  const best = highestReady(cpu);
  if (best !== -1 && best > dest.prio) return slowSyscall(t);
  // ---- point of no return
  epDequeue(ep, dest);
  const reply = dest.reply;
  dest.reply = ptr<Reply>(0);
  reply.caller = t;
  t.reply = reply;
  t.state = BLOCKED_REPLY;
  dest.regs[A0] = c.badge;
  dest.regs[A1] = info;
  dest.regs[A2] = m0;
  dest.regs[A3] = m1;
  dest.regs[A4] = m2;
  dest.regs[A5] = m3;
  dest.state = RUNNING;
  count(cpu, KSTAT_FASTPATH_CALL);
  asm('slti x0, {0}, 0x7e3', PATH_FAST_CALL); // hint: ipc-path
  switchTo(cpu, dest);
  unlock();
  restore_user(dest);
}

export function fastpath_reply_recv(t: Ptr<Tcb>, info: u64, m0: u64, m1: u64, m2: u64, m3: u64, replySlot: u64, epSlot: u64): void {
  lock();
  t.regs[0] = t.regs[0] + 4;
  // ---- checks
  if (fastpathEnabled === 0 || (info & MSG_LENGTH_MASK) > REGISTER_MRS) return slowSyscall(t);
  const epObj = capObject(t, epSlot, CAP_ENDPOINT, RIGHT_RECV);
  const replyObj = capObject(t, replySlot, CAP_REPLY, 0);
  if (epObj === 0 || replyObj === 0) return slowSyscall(t);
  const ep = ptr<Endpoint>(epObj);
  if (ep.state === EP_SEND) return slowSyscall(t); // a sender waits: the slow path takes it
  const n = t.bound;
  if (n !== 0 && n.active !== 0) return slowSyscall(t); // the bound notification is pending
  const reply = ptr<Reply>(replyObj);
  const caller = reply.caller;
  if (caller === 0) return slowSyscall(t);
  const cpu = t.cpu;
  if (caller.cpu !== cpu) return slowSyscall(t);
  const best = highestReady(cpu);
  if (best !== -1 && best > caller.prio) return slowSyscall(t);
  // ---- point of no return
  reply.caller = ptr<Tcb>(0);
  caller.reply = ptr<Reply>(0);
  t.state = BLOCKED_RECV;
  t.reply = reply;
  epEnqueue(ep, t, EP_RECV);
  caller.regs[A0] = 0;
  caller.regs[A1] = info;
  caller.regs[A2] = m0;
  caller.regs[A3] = m1;
  caller.regs[A4] = m2;
  caller.regs[A5] = m3;
  caller.state = RUNNING;
  count(cpu, KSTAT_FASTPATH_REPLY_RECV);
  asm('slti x0, {0}, 0x7e3', PATH_FAST_REPLY_RECV); // hint: ipc-path
  switchTo(cpu, caller);
  unlock();
  restore_user(caller);
}
