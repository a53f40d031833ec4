// GENERATED from src/os/system/syscalls.ts by generateSyscallFiles() — do not edit.
// Syscall numbers, error codes and kernel counters for the kernel.

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
