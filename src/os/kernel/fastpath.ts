/**
 * The IPC fast path (seL4's fastpath.c): Call and ReplyRecv when the partner waits on this hart,
 * the message fits in registers and the partner is the thread that should run next. First every
 * check, each one bailing out to the slow path (which gives the same result the long way); then
 * the point of no return; then the commit: the endpoint and reply-object updates, the message
 * copied into the partner's registers and a direct switch to it, with no run-queue traffic.
 * entry.S jumps here straight from the trap vector with the message still in registers. The
 * common work is written out here rather than called (as seL4 does), since these are the paths
 * the IPC benchmarks measure.
 */
import { Ptr, asm, ptr, u64 } from '../../gtsc/guest';
import { PATH_FAST_CALL, PATH_FAST_REPLY_RECV } from './hint';
import { A0, A1, A2, A3, A4, A5 } from './ipc';
import { unlock } from './lock';
import {
  BLOCKED_RECV, BLOCKED_REPLY, CAP_ENDPOINT, CAP_REPLY, Cpu, EP_IDLE, EP_RECV, EP_SEND, Endpoint, RIGHT_RECV,
  RIGHT_SEND, RUNNING, Reply, Tcb,
} from './objects';
import { switchSpace } from './vm';
import { slowSyscall } from './syscall';
import { KSTAT_CONTEXT_SWITCHES, KSTAT_FASTPATH_CALL, KSTAT_FASTPATH_REPLY_RECV, MSG_LENGTH_MASK, REGISTER_MRS } from './syscalls.gen';
import { uintrSwitch } from './uintr';

declare function restore_user(t: Ptr<Tcb>): void;

/** DebugSetFastpath: 0 sends every Call and ReplyRecv down the slow path. */
export let fastpathEnabled: u64 = 1;

export function setFastpath(on: u64): u64 {
  const old = fastpathEnabled;
  fastpathEnabled = on !== 0 ? 1 : 0;
  return old;
}

/** 1 when a thread of higher priority than prio is ready on cpu (two shifts of the bitmap). */
export function higherReady(cpu: Ptr<Cpu>, prio: u64): u64 {
  const g = prio >>> 6;
  if (cpu.readyGroups >>> g > 1) return 1;
  return cpu.ready[g] >>> (prio & 63) > 1 ? 1 : 0;
}

/** The switch to `next` (the current thread has blocked): bookkeeping, address space, user-interrupt state. */
function switchFast(cpu: Ptr<Cpu>, next: Ptr<Tcb>): void {
  cpu.stats[KSTAT_CONTEXT_SWITCHES] = cpu.stats[KSTAT_CONTEXT_SWITCHES] + 1;
  asm('slti x0, {0}, 0x7e1', next.id); // hint: switch
  cpu.current = next;
  if (next.satp !== cpu.satp) {
    cpu.satp = next.satp;
    switchSpace(next.satp);
  }
  const owner = cpu.uintrOwner;
  if (owner !== next && (owner !== 0 || next.uintrFlags !== 0)) uintrSwitch(cpu, next);
  unlock();
  restore_user(next);
}

/** entry.S, for a Call (the lock is held). */
export function fastpath_call(t: Ptr<Tcb>, info: u64, m0: u64, m1: u64, m2: u64, m3: u64, slot: u64): void {
  t.regs[0] = t.regs[0] + 4;
  // ---- checks: any failure takes the slow path
  if (fastpathEnabled === 0 || (info & MSG_LENGTH_MASK) > REGISTER_MRS || slot >= t.ncaps) return slowSyscall(t);
  const c = t.caps[slot];
  if (c.kind !== CAP_ENDPOINT || (c.rights & RIGHT_SEND) === 0) return slowSyscall(t);
  const ep = ptr<Endpoint>(c.obj);
  if (ep.state !== EP_RECV) return slowSyscall(t); // nobody waits
  const dest = ep.queue.head;
  const cpu = t.cpu;
  if (dest.cpu !== cpu) return slowSyscall(t); // the receiver runs on another hart
  if (cpu.uintrWaiters !== 0) return slowSyscall(t); // receivers wait for user interrupts (uintr.ts)
  const reply = dest.reply;
  if (reply === 0) return slowSyscall(t); // it cannot answer: the slow path says so
  const p = dest.prio; // does it run next? (no ready thread of higher priority: higherReady, written out)
  if (cpu.readyGroups >>> (p >>> 6) > 1 || cpu.ready[p >>> 6] >>> (p & 63) > 1) return slowSyscall(t);
  // ---- point of no return
  const after = dest.next;
  ep.queue.head = after;
  if (after === 0) {
    ep.queue.tail = ptr<Tcb>(0);
    ep.state = EP_IDLE;
  } else after.prev = ptr<Tcb>(0);
  dest.next = ptr<Tcb>(0);
  dest.blockedOn = 0;
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
  cpu.stats[KSTAT_FASTPATH_CALL] = cpu.stats[KSTAT_FASTPATH_CALL] + 1;
  asm('slti x0, {0}, 0x7e3', PATH_FAST_CALL); // hint: ipc-path
  switchFast(cpu, dest);
}

/** entry.S, for a ReplyRecv (the lock is held). */
export function fastpath_reply_recv(t: Ptr<Tcb>, info: u64, m0: u64, m1: u64, m2: u64, m3: u64, replySlot: u64, epSlot: u64): void {
  t.regs[0] = t.regs[0] + 4;
  // ---- checks
  if (fastpathEnabled === 0 || (info & MSG_LENGTH_MASK) > REGISTER_MRS || epSlot >= t.ncaps || replySlot >= t.ncaps) return slowSyscall(t);
  const ec = t.caps[epSlot];
  const rc = t.caps[replySlot];
  if (ec.kind !== CAP_ENDPOINT || (ec.rights & RIGHT_RECV) === 0 || rc.kind !== CAP_REPLY) return slowSyscall(t);
  const ep = ptr<Endpoint>(ec.obj);
  if (ep.state === EP_SEND) return slowSyscall(t); // a sender waits: the slow path takes its message
  const n = t.bound;
  if (n !== 0 && n.active !== 0) return slowSyscall(t); // the bound notification is pending
  const reply = ptr<Reply>(rc.obj);
  const caller = reply.caller;
  if (caller === 0) return slowSyscall(t); // nobody to answer
  const cpu = t.cpu;
  if (caller.cpu !== cpu) return slowSyscall(t); // the caller runs on another hart
  if (cpu.uintrWaiters !== 0) return slowSyscall(t); // receivers wait for user interrupts (uintr.ts)
  const p = caller.prio; // does it run next? (higherReady, written out)
  if (cpu.readyGroups >>> (p >>> 6) > 1 || cpu.ready[p >>> 6] >>> (p & 63) > 1) return slowSyscall(t);
  // ---- point of no return
  reply.caller = ptr<Tcb>(0);
  caller.reply = ptr<Reply>(0);
  t.state = BLOCKED_RECV;
  t.reply = reply;
  t.blockedOn = ep;
  t.next = ptr<Tcb>(0);
  const tail = ep.queue.tail;
  t.prev = tail;
  if (tail === 0) ep.queue.head = t;
  else tail.next = t;
  ep.queue.tail = t;
  ep.state = EP_RECV;
  caller.regs[A0] = 0;
  caller.regs[A1] = info;
  caller.regs[A2] = m0;
  caller.regs[A3] = m1;
  caller.regs[A4] = m2;
  caller.regs[A5] = m3;
  caller.state = RUNNING;
  cpu.stats[KSTAT_FASTPATH_REPLY_RECV] = cpu.stats[KSTAT_FASTPATH_REPLY_RECV] + 1;
  asm('slti x0, {0}, 0x7e3', PATH_FAST_REPLY_RECV); // hint: ipc-path
  switchFast(cpu, caller);
}

