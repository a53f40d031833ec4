// GENERATED from src/os/system/syscalls.ts by generateSyscallFiles() — do not edit.
// User-side system call stubs: the message stubs are in sys.gen.S, the plain ones here.

import { Arr, Ptr, ecall, i64, u64 } from '../../gtsc/guest';

/** A message: the badge it came with, its info word and message registers 0..3 (a0..a5). */
export interface Msg {
  badge: u64;
  info: u64;
  mr: Arr<u64, 4>;
}

export const SYS_CALL = 1;
export const SYS_REPLY_RECV = 2;
export const SYS_SEND = 3;
export const SYS_NB_SEND = 4;
export const SYS_RECV = 5;
export const SYS_NB_RECV = 6;
export const SYS_REPLY = 7;
export const SYS_YIELD = 8;
export const SYS_SIGNAL = 9;
export const SYS_WAIT = 10;
export const SYS_POLL = 11;
export const SYS_GET_CLOCK = 12;
export const SYS_DEBUG_PUT_CHAR = 13;
export const SYS_UINTR_REGISTER_RECEIVER = 14;
export const SYS_UINTR_REGISTER_SENDER = 15;
export const SYS_IRQ_ACK = 16;
export const SYS_DEBUG_WRITE = 17;
export const SYS_DEBUG_HALT = 18;
export const SYS_DEBUG_STAT = 19;
export const SYS_DEBUG_SET_FASTPATH = 20;
export const SYS_THREAD_EXIT = 21;
export const SYSCALL_MAX = 21;

/** the slot is empty or beyond the capability table */
export const E_INVALID_CAP = -1;
/** the capability names another kind of object */
export const E_WRONG_KIND = -2;
/** the capability lacks the right the call needs */
export const E_NO_RIGHTS = -3;
/** a pointer is not the caller's own (readable) memory */
export const E_BAD_ADDRESS = -4;
/** a non-blocking call found no partner */
export const E_WOULD_BLOCK = -5;
/** an argument is out of range (message length, counter number) */
export const E_INVALID_ARG = -6;
/** the reply object holds no caller, or the receiver of a Call had none */
export const E_NO_REPLY = -7;
/** already bound to another thread, or the reply object still holds a caller */
export const E_BUSY = -8;
/** user interrupts are not available (no N/UINTR, or the firmware does not delegate USIP) */
export const E_NO_UINTR = -9;
/** the notification has no user-interrupt receiver */
export const E_NOT_BOUND = -10;

/** Calls completed by the fast path */
export const KSTAT_FASTPATH_CALL = 0;
/** ReplyRecvs completed by the fast path */
export const KSTAT_FASTPATH_REPLY_RECV = 1;
/** Calls handled by the slow path */
export const KSTAT_SLOWPATH_CALL = 2;
/** ReplyRecvs handled by the slow path */
export const KSTAT_SLOWPATH_REPLY_RECV = 3;
/** threads made ready on another hart */
export const KSTAT_CROSS_HART_WAKEUPS = 4;
/** IPI requests sent through the firmware (each to one or more harts) */
export const KSTAT_IPIS_SENT = 5;
/** timer interrupts */
export const KSTAT_TIMER_TICKS = 6;
/** switches from one thread (or idle) to another */
export const KSTAT_CONTEXT_SWITCHES = 7;
/** device interrupts claimed */
export const KSTAT_IRQS = 8;
/** user threads stopped by a fault */
export const KSTAT_FAULTS = 9;
/** signals turned into UINTC pending bits */
export const KSTAT_UINTR_SIGNALS = 10;
/** receivers blocked in Wait woken because their UINTC entry got pending bits (a uipi SEND) */
export const KSTAT_UINTR_WAKEUPS = 11;
export const KSTAT_COUNT = 12;

export const MSG_LENGTH_MASK = 127;
export const MSG_LABEL_SHIFT = 12;
export const REGISTER_MRS = 4;
export const MAX_MSG_WORDS = 120;
export const NOTIFICATION_LABEL = 4095;

/** send a message on an endpoint and wait for the reply */
export declare function Call(ep: u64, m: Ptr<Msg>): i64;
/** reply to the caller held by a reply object, then wait on an endpoint */
export declare function ReplyRecv(ep: u64, reply: u64, m: Ptr<Msg>): i64;
/** send a message, waiting for a receiver */
export declare function Send(ep: u64, m: Ptr<Msg>): i64;
/** send a message if a receiver waits (E_WOULD_BLOCK otherwise) */
export declare function NBSend(ep: u64, m: Ptr<Msg>): i64;
/** wait for a message (or a signal of the bound notification); a Call binds its caller to the reply object */
export declare function Recv(ep: u64, reply: u64, m: Ptr<Msg>): i64;
/** receive a message if one waits (E_WOULD_BLOCK otherwise) */
export declare function NBRecv(ep: u64, reply: u64, m: Ptr<Msg>): i64;
/** reply to the caller held by a reply object */
export declare function Reply(reply: u64, m: Ptr<Msg>): i64;
/** give the rest of the time slice to threads of the same priority */
export function Yield(): i64 {
  return ecall(SYS_YIELD);
}
/** OR the capability's badge into a notification (or the UINTC pending bits of its receiver) */
export function Signal(ntfn: u64): i64 {
  return ecall(SYS_SIGNAL, ntfn);
}
/** wait for a notification; returns its word and clears it */
export function Wait(ntfn: u64): i64 {
  return ecall(SYS_WAIT, ntfn);
}
/** return a notification's word (0 if none) and clear it, without waiting */
export function Poll(ntfn: u64): i64 {
  return ecall(SYS_POLL, ntfn);
}
/** the cycle counter (rdcycle) of the calling hart */
export function GetClock(): i64 {
  return ecall(SYS_GET_CLOCK);
}
/** write one character to the kernel console */
export function DebugPutChar(c: u64): i64 {
  return ecall(SYS_DEBUG_PUT_CHAR, c);
}
/** make the caller the user-interrupt receiver of a notification; returns its UINTC index */
export function UintrRegisterReceiver(ntfn: u64): i64 {
  return ecall(SYS_UINTR_REGISTER_RECEIVER, ntfn);
}
/** give the caller a sender-table entry for a notification's receiver; returns the entry index for uipi SEND */
export function UintrRegisterSender(ntfn: u64): i64 {
  return ecall(SYS_UINTR_REGISTER_SENDER, ntfn);
}
/** acknowledge an IRQ delivered to the notification it is bound to (PLIC complete) */
export function IrqAck(irq: u64): i64 {
  return ecall(SYS_IRQ_ACK, irq);
}
/** write len bytes of the caller's memory to the kernel console */
export function DebugWrite(ptr: u64, len: u64): i64 {
  return ecall(SYS_DEBUG_WRITE, ptr, len);
}
/** power the machine off (SBI system reset: 0 = success, otherwise system failure) */
export function DebugHalt(code: u64): i64 {
  return ecall(SYS_DEBUG_HALT, code);
}
/** a kernel counter summed over harts (KSTAT_*) */
export function DebugStat(which: u64): i64 {
  return ecall(SYS_DEBUG_STAT, which);
}
/** switch the IPC fast path on (1) or off (0); returns the previous setting */
export function DebugSetFastpath(on: u64): i64 {
  return ecall(SYS_DEBUG_SET_FASTPATH, on);
}
/** stop the calling thread for good */
export function ThreadExit(): i64 {
  return ecall(SYS_THREAD_EXIT);
}
