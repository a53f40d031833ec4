/**
 * The kernel objects (seL4's, without dynamic creation): threads, endpoints, notifications,
 * reply objects, capabilities, address spaces, and the per-hart state. All are allocated
 * statically here and built at boot from the system description (boot.ts).
 *
 * entry.S relies on two offsets, checked at boot (boot.ts: checkLayout): Tcb.regs at 0 (regs[0]
 * holds the pc, regs[n] register xn) and Tcb.cpu at 256; Cpu.kstackTop at 0.
 */
import { Arr, Ptr, u64, zeroed } from '../../gtsc/guest';

// ---- thread states
export const INACTIVE = 0; // not started, exited
export const RUNNING = 1; // runnable: the hart's current thread or on its run queue
export const BLOCKED_SEND = 2; // on an endpoint's queue with a message (Send or Call)
export const BLOCKED_RECV = 3; // on an endpoint's queue, waiting for a message
export const BLOCKED_REPLY = 4; // a caller held by a reply object
export const BLOCKED_NTFN = 5; // on a notification's queue
export const FAULTED = 6; // stopped by a fault

// ---- capability kinds and rights
export const CAP_NULL = 0;
export const CAP_ENDPOINT = 1;
export const CAP_NOTIFICATION = 2;
export const CAP_REPLY = 3;
export const CAP_IRQ = 4;
export const RIGHT_SEND = 1; // endpoints: Send, NBSend, Call
export const RIGHT_RECV = 2; // endpoints: Recv, NBRecv, ReplyRecv
export const RIGHT_SIGNAL = 4; // notifications: Signal
export const RIGHT_WAIT = 8; // notifications: Wait, Poll, UintrRegisterReceiver

// ---- user-interrupt state flags
export const UINTR_RECEIVER = 1;
export const UINTR_SENDER = 2;

export interface Queue {
  head: Ptr<Tcb>;
  tail: Ptr<Tcb>;
}

export interface Tcb {
  regs: Arr<u64, 32>;
  cpu: Ptr<Cpu>;
  state: u64;
  prio: u64;
  hart: u64;
  id: u64;
  name: u64;
  satp: u64;
  space: Ptr<Space>;
  caps: Ptr<Cap>;
  ncaps: u64;
  /** Physical address of the IPC buffer (message words 4.. at buffer + 8·i). */
  ipcBuf: u64;
  /** Run-queue or wait-queue links. */
  next: Ptr<Tcb>;
  prev: Ptr<Tcb>;
  /** On its hart's run queue. */
  queued: u64;
  /** The endpoint or notification it is queued on. */
  blockedOn: u64;
  sendBadge: u64;
  sendIsCall: u64;
  /** Recv: the reply object a Call binds to. BLOCKED_REPLY: the reply object holding it. */
  reply: Ptr<Reply>;
  bound: Ptr<Ntfn>;
  faultNtfn: Ptr<Ntfn>;
  faultBadge: u64;
  slice: u64;
  // user interrupts (uintr.ts)
  uintrFlags: u64;
  uintcIndex: u64;
  suist: u64;
  sendersUsed: u64;
  utvec: u64;
  uscratch: u64;
  uepc: u64;
  ucause: u64;
  utval: u64;
  uie: u64;
  ustatus: u64;
  usip: u64;
  /** A waiting receiver's UINTC entry is active (its hart's kernel takes the line: uintr.ts). */
  uintrArmed: u64;
}

export interface Endpoint {
  queue: Queue;
  /** EP_IDLE, EP_SEND (senders wait) or EP_RECV (receivers wait). */
  state: u64;
}
export const EP_IDLE = 0;
export const EP_SEND = 1;
export const EP_RECV = 2;

export interface Ntfn {
  /** Signalled since the last Wait/Poll (a signal with badge 0 counts too, as in seL4). */
  active: u64;
  word: u64;
  waiters: Queue;
  /** The thread this notification is bound to (its Recv also returns the notification). */
  boundTcb: Ptr<Tcb>;
  /** The user-interrupt receiver: signals become pending bits of its UINTC entry. */
  receiver: Ptr<Tcb>;
}

export interface Reply {
  caller: Ptr<Tcb>;
}

export interface Cap {
  kind: u64;
  rights: u64;
  badge: u64;
  obj: u64;
}

/** One mapping of an address space (boot info record; see src/os/system/bootinfo.ts). */
export interface Mapping {
  va: u64;
  pa: u64;
  size: u64;
  flags: u64;
}

export interface Space {
  satp: u64;
  maps: Ptr<Mapping>;
  nmaps: u64;
  window: u64;
}

export interface IrqBinding {
  ntfn: Ptr<Ntfn>;
  badge: u64;
  hart: u64;
}

export interface Cpu {
  kstackTop: u64;
  hart: u64;
  /** The thread running on this hart; 0 while idle. */
  current: Ptr<Tcb>;
  satp: u64;
  /** The thread whose user-interrupt CSRs are loaded (0: none). */
  uintrOwner: Ptr<Tcb>;
  /**
   * Receivers of this hart blocked in Wait on their own user-interrupt notification (bit
   * id - 1), whom a uipi SEND must wake (uintr.ts).
   */
  uintrWaiters: u64;
  /** 1 while the kernel takes this hart's USIP line for them (sideleg bit 0 clear, sie.USIE set). */
  uintrLine: u64;
  /** Bit g: some priority in 64g..64g+63 is ready. */
  readyGroups: u64;
  ready: Arr<u64, 4>;
  queues: Arr<Queue, 256>;
  /** A thread of higher priority than the current one became ready. */
  resched: u64;
  /** The current thread's time slice ran out (or it yielded). */
  sliceOver: u64;
  timerArmed: u64;
  nextTick: u64;
  /** Harts to send an IPI to once the lock is released (bit h = hart h). */
  ipiMask: u64;
  stats: Arr<u64, 16>;
}

// The objects themselves (array lengths are memlayout.ts's MAX_* limits).
export const tcbs = zeroed<Arr<Tcb, 64>>();
export const endpoints = zeroed<Arr<Endpoint, 64>>();
export const ntfns = zeroed<Arr<Ntfn, 64>>();
export const replies = zeroed<Arr<Reply, 64>>();
export const caps = zeroed<Arr<Cap, 1024>>();
export const spaces = zeroed<Arr<Space, 16>>();
export const irqs = zeroed<Arr<IrqBinding, 96>>();
export const cpus = zeroed<Arr<Cpu, 8>>();
