/**
 * System calls: the trap handler's dispatch (handle_trap, from entry.S), and the handlers,
 * one per row of the syscall table (src/os/system/syscalls.ts). Every handler finds the
 * capabilities it is given in the caller's own table and checks their kind and rights; every
 * pointer must lie in the caller's own mappings. Results go into the caller's saved a0 (and
 * a1..a5 for messages); a thread that blocks gets them when it is woken.
 */
import { Ptr, csr_read, load8, ptr, rdcycle, table, u64, i64, asm } from '../../gtsc/guest';
import { kputc } from './console';
import { PATH_CROSS_CALL, PATH_CROSS_REPLY_RECV, PATH_SLOW_CALL, PATH_SLOW_REPLY_RECV } from './hint';
import { badSyscall, userFault } from './fault';
import { setFastpath } from './fastpath';
import { A0, A1, A6, doReply, recvIpc, sendIpc } from './ipc';
import { irqAck } from './irq';
import { poll, signal, wait } from './notification';
import {
  CAP_ENDPOINT, CAP_IRQ, CAP_NOTIFICATION, CAP_REPLY, Cap, EP_RECV, Endpoint, INACTIVE, Ntfn, RIGHT_RECV,
  RIGHT_SEND, RIGHT_SIGNAL, RIGHT_WAIT, Reply, Tcb, cpus,
} from './objects';
import { count, handleInterrupts, kernelExit, yieldSlice } from './sched';
import { sbiShutdown } from '../lib/sbi';
import { CAUSE_USER_ECALL } from './riscv';
import {
  E_BUSY, E_BAD_ADDRESS, E_INVALID_ARG, E_INVALID_CAP, E_NO_REPLY, E_NO_RIGHTS, E_WRONG_KIND, KSTAT_COUNT,
  KSTAT_SLOWPATH_CALL, KSTAT_SLOWPATH_REPLY_RECV, MAX_MSG_WORDS, MSG_LENGTH_MASK, SYSCALL_MAX,
} from './syscalls.gen';
import { registerReceiver, registerSender } from './uintr';
import { userRange } from './vm';
import { MAX_HARTS } from './memlayout';
import { PTE_R } from './riscv';

/**
 * The capability in `slot` of t's table if it is of `kind` and has `rights`; otherwise the
 * error (negative): E_INVALID_CAP, E_WRONG_KIND or E_NO_RIGHTS.
 */
function lookup(t: Ptr<Tcb>, slot: u64, kind: u64, rights: u64): i64 {
  if (slot >= t.ncaps) return E_INVALID_CAP;
  const c = t.caps[slot];
  if (c.kind === 0) return E_INVALID_CAP;
  if (c.kind !== kind) return E_WRONG_KIND;
  if ((c.rights & rights) !== rights) return E_NO_RIGHTS;
  return c;
}

function messageTooLong(t: Ptr<Tcb>): u64 {
  return (t.regs[A1] & MSG_LENGTH_MASK) > MAX_MSG_WORDS ? 1 : 0;
}

type Handler = (t: Ptr<Tcb>) => void;

function sysInvalid(t: Ptr<Tcb>): void {
  badSyscall(t, t.regs[17]);
}

/** The endpoint capability for a send (Call, Send, NBSend), or 0 after storing the error. */
function sendCap(t: Ptr<Tcb>): Ptr<Cap> {
  const c = lookup(t, t.regs[A0], CAP_ENDPOINT, RIGHT_SEND);
  if (c < 0) {
    t.regs[A0] = c;
    return ptr<Cap>(0);
  }
  if (messageTooLong(t) !== 0) {
    t.regs[A0] = E_INVALID_ARG;
    return ptr<Cap>(0);
  }
  return ptr<Cap>(c);
}

/** The reply object named by a6 for a receive (0 = none), or -1 after storing the error. */
function recvReply(t: Ptr<Tcb>): i64 {
  if (t.regs[A6] === 0) return 0;
  const r = lookup(t, t.regs[A6], CAP_REPLY, 0);
  if (r < 0) {
    t.regs[A0] = r;
    return -1;
  }
  const reply = ptr<Reply>(ptr<Cap>(r).obj);
  if (reply.caller !== 0) {
    t.regs[A0] = E_BUSY;
    return -1;
  }
  return reply;
}

function sysCall(t: Ptr<Tcb>): void {
  count(t.cpu, KSTAT_SLOWPATH_CALL);
  const c = sendCap(t);
  if (c === 0) return;
  const ep = ptr<Endpoint>(c.obj);
  const cross = ep.state === EP_RECV && ep.queue.head.cpu !== t.cpu;
  asm('slti x0, {0}, 0x7e3', cross ? PATH_CROSS_CALL : PATH_SLOW_CALL); // hint: ipc-path
  sendIpc(t, ep, c.badge, 1, 1);
}

function sysSend(t: Ptr<Tcb>): void {
  const c = sendCap(t);
  if (c !== 0) sendIpc(t, ptr<Endpoint>(c.obj), c.badge, 1, 0);
}

function sysNBSend(t: Ptr<Tcb>): void {
  const c = sendCap(t);
  if (c !== 0) sendIpc(t, ptr<Endpoint>(c.obj), c.badge, 0, 0);
}

function receive(t: Ptr<Tcb>, blocking: u64): void {
  const c = lookup(t, t.regs[A0], CAP_ENDPOINT, RIGHT_RECV);
  if (c < 0) {
    t.regs[A0] = c;
    return;
  }
  const reply = recvReply(t);
  if (reply < 0) return;
  recvIpc(t, ptr<Endpoint>(ptr<Cap>(c).obj), ptr<Reply>(reply), blocking);
}

function sysRecv(t: Ptr<Tcb>): void {
  receive(t, 1);
}

function sysNBRecv(t: Ptr<Tcb>): void {
  receive(t, 0);
}

function sysReply(t: Ptr<Tcb>): void {
  const r = lookup(t, t.regs[A0], CAP_REPLY, 0);
  if (r < 0) {
    t.regs[A0] = r;
    return;
  }
  const reply = ptr<Reply>(ptr<Cap>(r).obj);
  if (reply.caller === 0) t.regs[A0] = E_NO_REPLY;
  else if (messageTooLong(t) !== 0) t.regs[A0] = E_INVALID_ARG;
  else {
    doReply(t, reply);
    t.regs[A0] = 0;
  }
}

function sysReplyRecv(t: Ptr<Tcb>): void {
  count(t.cpu, KSTAT_SLOWPATH_REPLY_RECV);
  const r = lookup(t, t.regs[A6], CAP_REPLY, 0);
  const e = lookup(t, t.regs[A0], CAP_ENDPOINT, RIGHT_RECV);
  if (r < 0 || e < 0) {
    t.regs[A0] = r < 0 ? r : e;
    return;
  }
  if (messageTooLong(t) !== 0) {
    t.regs[A0] = E_INVALID_ARG;
    return;
  }
  const reply = ptr<Reply>(ptr<Cap>(r).obj);
  const caller = reply.caller;
  asm('slti x0, {0}, 0x7e3', caller !== 0 && caller.cpu !== t.cpu ? PATH_CROSS_REPLY_RECV : PATH_SLOW_REPLY_RECV); // hint: ipc-path
  if (caller !== 0) doReply(t, reply);
  recvIpc(t, ptr<Endpoint>(ptr<Cap>(e).obj), reply, 1);
}

function sysYield(t: Ptr<Tcb>): void {
  yieldSlice(t.cpu);
  t.regs[A0] = 0;
}

/** The notification capability with `rights` in a0, or 0 after storing the error. */
function ntfnCap(t: Ptr<Tcb>, rights: u64): Ptr<Cap> {
  const c = lookup(t, t.regs[A0], CAP_NOTIFICATION, rights);
  if (c < 0) {
    t.regs[A0] = c;
    return ptr<Cap>(0);
  }
  return ptr<Cap>(c);
}

function sysSignal(t: Ptr<Tcb>): void {
  const c = ntfnCap(t, RIGHT_SIGNAL);
  if (c === 0) return;
  t.regs[A0] = 0;
  signal(ptr<Ntfn>(c.obj), c.badge);
}

function sysWait(t: Ptr<Tcb>): void {
  const c = ntfnCap(t, RIGHT_WAIT);
  if (c !== 0) wait(t, ptr<Ntfn>(c.obj));
}

function sysPoll(t: Ptr<Tcb>): void {
  const c = ntfnCap(t, RIGHT_WAIT);
  if (c !== 0) poll(t, ptr<Ntfn>(c.obj));
}

function sysGetClock(t: Ptr<Tcb>): void {
  t.regs[A0] = rdcycle();
}

function sysDebugPutChar(t: Ptr<Tcb>): void {
  kputc(t.regs[A0] & 0xff);
  t.regs[A0] = 0;
}

function sysUintrRegisterReceiver(t: Ptr<Tcb>): void {
  const c = ntfnCap(t, RIGHT_WAIT);
  if (c !== 0) t.regs[A0] = registerReceiver(t, ptr<Ntfn>(c.obj));
}

function sysUintrRegisterSender(t: Ptr<Tcb>): void {
  const c = ntfnCap(t, RIGHT_SIGNAL);
  if (c !== 0) t.regs[A0] = registerSender(t, ptr<Ntfn>(c.obj), c);
}

function sysIrqAck(t: Ptr<Tcb>): void {
  const c = lookup(t, t.regs[A0], CAP_IRQ, 0);
  if (c < 0) {
    t.regs[A0] = c;
    return;
  }
  irqAck(ptr<Cap>(c).obj);
  t.regs[A0] = 0;
}

function sysDebugWrite(t: Ptr<Tcb>): void {
  const len = t.regs[A1];
  if (len === 0) {
    t.regs[A0] = 0;
    return;
  }
  const pa = userRange(t.space, t.regs[A0], len, PTE_R);
  if (pa === 0) {
    t.regs[A0] = E_BAD_ADDRESS;
    return;
  }
  for (let i = 0; i < len; i++) kputc(load8(pa + i));
  t.regs[A0] = len;
}

function sysDebugHalt(t: Ptr<Tcb>): void {
  sbiShutdown(t.regs[A0]);
}

function sysDebugStat(t: Ptr<Tcb>): void {
  const which = t.regs[A0];
  if (which >= KSTAT_COUNT) {
    t.regs[A0] = E_INVALID_ARG;
    return;
  }
  let sum = 0;
  for (let h = 0; h < MAX_HARTS; h++) sum += cpus[h].stats[which];
  t.regs[A0] = sum;
}

function sysDebugSetFastpath(t: Ptr<Tcb>): void {
  t.regs[A0] = setFastpath(t.regs[A0]);
}

function sysThreadExit(t: Ptr<Tcb>): void {
  t.state = INACTIVE;
}

/** Handlers by system call number (row n = SYS_* n of syscalls.gen.ts). */
const HANDLERS = table<Handler>([
  sysInvalid, sysCall, sysReplyRecv, sysSend, sysNBSend, sysRecv, sysNBRecv, sysReply, sysYield, sysSignal,
  sysWait, sysPoll, sysGetClock, sysDebugPutChar, sysUintrRegisterReceiver, sysUintrRegisterSender, sysIrqAck,
  sysDebugWrite, sysDebugHalt, sysDebugStat, sysDebugSetFastpath, sysThreadExit,
]);
export const HANDLER_COUNT = 22;

/** Runs t's system call (pc already past the ecall) and leaves the kernel. Lock held. */
export function slowSyscall(t: Ptr<Tcb>): void {
  const n = t.regs[17];
  asm('slti x0, {0}, 0x7e2', n); // hint: syscall
  const h = HANDLERS[n <= SYSCALL_MAX ? n : 0];
  h(t);
  kernelExit(t.cpu);
}

/** entry.S: every trap from user mode that is not a fast-path candidate (the lock is held). */
export function handle_trap(t: Ptr<Tcb>): void {
  const cause = csr_read('scause');
  const cpu = t.cpu;
  if ((cause >>> 63) !== 0) handleInterrupts(cpu);
  else if (cause === CAUSE_USER_ECALL) {
    t.regs[0] = t.regs[0] + 4;
    slowSyscall(t);
    return;
  } else userFault(t, cause, csr_read('stval'));
  kernelExit(cpu);
}

