/**
 * A user thread that faults (or makes a system call that does not exist) is stopped and
 * reported on the console with its name, the cause, the pc and the address; its fault
 * notification, if the description gives one, is signalled. The kernel and every other thread
 * go on.
 */
import { Ptr, asm, cstr, csr_read, u64 } from '../../gtsc/guest';
import { kdec, khex, kputs } from './console';
import { sbiShutdown } from '../lib/sbi';
import { FAULTED, Tcb } from './objects';
import { signal } from './notification';
import { count } from './sched';
import { EXCEPTION_NAMES, EXCEPTION_NAME_COUNT } from './riscv';
import { KSTAT_FAULTS } from './syscalls.gen';

/** Causes whose stval is an address: misaligned, access and page faults. */
const MEMORY_FAULTS = (1 << 0) | (1 << 1) | (1 << 4) | (1 << 5) | (1 << 6) | (1 << 7) | (1 << 12) | (1 << 13) | (1 << 15);

function stop(t: Ptr<Tcb>): void {
  count(t.cpu, KSTAT_FAULTS);
  asm('slti x0, {0}, 0x7e4', t.id); // hint: fault
  t.state = FAULTED;
  if (t.faultNtfn !== 0) signal(t.faultNtfn, t.faultBadge);
}

function header(t: Ptr<Tcb>): void {
  kputs(cstr("kernel: fault: thread '"));
  kputs(t.name);
  kputs(cstr("' (hart "));
  kdec(t.hart);
  kputs(cstr('): '));
}

/** An exception from user mode (scause, stval). */
export function userFault(t: Ptr<Tcb>, cause: u64, tval: u64): void {
  header(t);
  kputs(cause < EXCEPTION_NAME_COUNT ? EXCEPTION_NAMES[cause] : cstr('unknown exception'));
  kputs(cstr(' at pc '));
  khex(t.regs[0]);
  // stval holds the faulting address for misaligned, access and page faults
  kputs(((1 << cause) & MEMORY_FAULTS) !== 0 ? cstr(', address ') : cstr(', tval '));
  khex(tval);
  kputs(cstr('\n'));
  stop(t);
}

/** A system call number no syscall has (the pc already points past the ecall). */
export function badSyscall(t: Ptr<Tcb>, number: u64): void {
  header(t);
  kputs(cstr('bad system call '));
  kdec(number);
  kputs(cstr(' at pc '));
  khex(t.regs[0] - 4);
  kputs(cstr('\n'));
  stop(t);
}

/** entry.S: a trap taken in the kernel itself. */
export function kernel_fault(): void {
  kputs(cstr('kernel panic: trap in the kernel: scause '));
  khex(csr_read('scause'));
  kputs(cstr(' sepc '));
  khex(csr_read('sepc'));
  kputs(cstr(' stval '));
  khex(csr_read('stval'));
  kputs(cstr('\n'));
  sbiShutdown(1);
}
