/**
 * User interrupts (docs/uintr.md, os.md): each receiver thread owns one UINTC entry; each
 * sender thread gets a sender-table page (UIST) whose entries name a receiver's entry and the
 * bit to set there, so `uipi SEND i` reaches the receiver with no kernel on the path.
 *
 * The U-level CSRs (utvec, uscratch, uepc, ucause, utval, uie, ustatus), suirs, suist and the
 * software USIP bit belong to the thread: saved when it is switched out, restored when it is
 * switched in. A receiver's entry is active while it runs (LOW names its hart once, at
 * registration: affinity never changes), so its pending bits raise USIP on its hart exactly
 * when it can take them.
 *
 * Waiting receivers. A receiver that blocks in Wait on its own notification (an executor with
 * nothing to run) must be woken by a `uipi SEND`, which does not enter the kernel. The hart's
 * one USIP line is shared by every entry naming it, so it has one owner at a time:
 * - while the hart runs a receiver, the line is that receiver's (sideleg bit 0 set: USIP goes
 *   to U) and the waiters' entries are inactive; the kernel looks at their pending bits each
 *   time it leaves the kernel on that hart (uintrPollWaiters), so a send to a waiter takes
 *   effect at the running receiver's next kernel entry (system call, interrupt or tick);
 * - while it idles or runs a thread that receives no user interrupts, the kernel takes the
 *   line (cpu.uintrLine: sideleg bit 0 clear, sie.USIE set) and the waiters' entries are
 *   active: a send raises USIP as an S-level interrupt (or ends the idle hart's wfi), and
 *   uintrWakeWaiters makes the waiters whose entries have bits ready. A woken waiter's entry is
 *   deactivated (the bits stay pending) until it is switched in, where they raise its user
 *   interrupt as for any receiver.
 * uintrBeforeSwitch / uintrAfterSwitch move the line between the two owners around a switch:
 * sideleg bit 0 must be set before a receiver's uie is restored (uie is mie masked by sideleg).
 */
import { Ptr, csr_clear, csr_read, csr_set, csr_write, load64, ptr, store64, u64, uipi_activate, uipi_deactivate } from '../../gtsc/guest';
import { UINTC_BASE, UINTC_RECEIVERS, UINTC_STRIDE } from './memlayout';
import { Cap, Cpu, Ntfn, Tcb, UINTR_RECEIVER, UINTR_SENDER, tcbs } from './objects';
import { SIE_USIE } from './riscv';
import { thisCpu } from './sched';
import { E_BUSY, E_NO_UINTR, E_NOT_BOUND } from './syscalls.gen';
import { allocFrame } from './vm';

/** Boot sets these: user interrupts usable, or why not (UINTR_* status). */
export let uintrAvailable: u64 = 0;
export let uintrStatus: u64 = 0;
export const UINTR_OK = 0;
export const UINTR_NO_UINTC = 1; // no "rvn,uintc" node in the device tree
export const UINTR_NOT_DELEGATED = 2; // sie bit 0 is read-only: no N extension, or mideleg[0] clear

const UINTC_LOW = 0x08;
const UINTC_HIGH = 0x10;
const UINTC_ACT = 0x18;
const LOW_ACTIVE = 1;
const LOW_MODE64 = 2;
const SUIRS_ENABLE = 1 << 63;
const SUIST_ENABLE = 1 << 63;
const SUIST_ONE_PAGE = 1 << 44;
const SENDER_ENTRIES = 512;

let nextReceiver: u64 = 0;

export function uintrSetAvailable(ok: u64, status: u64): void {
  uintrAvailable = ok;
  uintrStatus = status;
}

function entry(t: Ptr<Tcb>): u64 {
  return UINTC_BASE + UINTC_STRIDE * t.uintcIndex;
}

/** ORs bits into the receiver's pending word (the UINTC raises USIP if it runs). */
export function uintcPost(r: Ptr<Tcb>, bits: u64): void {
  store64(entry(r) + UINTC_HIGH, bits);
}

/** 1 when the receiver's entry has pending bits (the read clears them: they are put back). */
export function uintcPending(r: Ptr<Tcb>): u64 {
  const bits = load64(entry(r) + UINTC_HIGH);
  if (bits === 0) return 0;
  store64(entry(r) + UINTC_HIGH, bits);
  return 1;
}

/** Saves cpu's current owner's user-interrupt state and loads next's (0: none). */
export function uintrSwitch(cpu: Ptr<Cpu>, next: Ptr<Tcb>): void {
  // a receiver's uie and uip are restored below: the line must be back with user mode (a
  // kernel line with no waiters left may remain when they were woken from another hart)
  if (cpu.uintrLine !== 0 && isReceiver(next) !== 0) lineToUser(cpu);
  const prev = cpu.uintrOwner;
  if (prev !== 0) {
    if ((prev.uintrFlags & UINTR_RECEIVER) !== 0) uipi_deactivate();
    prev.utvec = csr_read('utvec');
    prev.uscratch = csr_read('uscratch');
    prev.uepc = csr_read('uepc');
    prev.ucause = csr_read('ucause');
    prev.utval = csr_read('utval');
    prev.uie = csr_read('uie');
    prev.ustatus = csr_read('ustatus');
    prev.usip = csr_read('uip') & 1; // the entry is inactive now: only the software bit is left
  }
  if (next === 0 || next.uintrFlags === 0) {
    // nothing of prev's stays visible to a thread without user-interrupt state
    csr_write('utvec', 0);
    csr_write('uscratch', 0);
    csr_write('uepc', 0);
    csr_write('suirs', 0);
    csr_write('suist', 0);
    csr_write('uie', 0);
    csr_write('ustatus', 0);
    csr_clear('uip', 1);
    cpu.uintrOwner = ptr<Tcb>(0);
    return;
  }
  csr_write('utvec', next.utvec);
  csr_write('uscratch', next.uscratch);
  csr_write('uepc', next.uepc);
  csr_write('ucause', next.ucause);
  csr_write('utval', next.utval);
  csr_write('uie', next.uie);
  csr_write('ustatus', next.ustatus);
  csr_write('suist', next.suist);
  if ((next.uintrFlags & UINTR_RECEIVER) !== 0) {
    csr_write('suirs', SUIRS_ENABLE | next.uintcIndex);
    uipi_activate();
  } else csr_write('suirs', 0);
  if (next.usip !== 0) csr_set('uip', 1);
  else csr_clear('uip', 1);
  cpu.uintrOwner = next;
}

/** The running thread t takes over the live user-level CSRs as its own state. */
function own(t: Ptr<Tcb>): void {
  const cpu = thisCpu();
  if (cpu.uintrOwner !== t) cpu.uintrOwner = t;
}

/** UintrRegisterReceiver: t becomes n's receiver; returns its UINTC index. */
export function registerReceiver(t: Ptr<Tcb>, n: Ptr<Ntfn>): u64 {
  if (uintrAvailable === 0) return E_NO_UINTR;
  if (n.receiver !== 0 && n.receiver !== t) return E_BUSY;
  if ((t.uintrFlags & UINTR_RECEIVER) === 0) {
    if (nextReceiver >= UINTC_RECEIVERS) return E_BUSY;
    t.uintcIndex = nextReceiver;
    nextReceiver++;
    own(t);
    t.uintrFlags = t.uintrFlags | UINTR_RECEIVER;
    // the entry belongs to t's hart for good; t runs now, so it is active
    store64(entry(t) + UINTC_LOW, (t.hart << 16) | LOW_MODE64 | LOW_ACTIVE);
    csr_write('suirs', SUIRS_ENABLE | t.uintcIndex);
  }
  n.receiver = t;
  if (n.word !== 0) uintcPost(t, n.word);
  n.word = 0;
  n.active = 0;
  return t.uintcIndex;
}

/** Lowest set bit's index (0 for 0). */
function lowestBit(x: u64): u64 {
  let n = 0;
  while (n < 63 && ((x >>> n) & 1) === 0) n++;
  return x === 0 ? 0 : n;
}

/**
 * UintrRegisterSender: a sender-table entry for t that sets, at n's receiver, the bit of the
 * capability's badge (its lowest set bit); returns the entry's index.
 */
export function registerSender(t: Ptr<Tcb>, n: Ptr<Ntfn>, c: Ptr<Cap>): u64 {
  if (uintrAvailable === 0) return E_NO_UINTR;
  const r = n.receiver;
  if (r === 0) return E_NOT_BOUND;
  if (t.suist === 0) t.suist = SUIST_ENABLE | SUIST_ONE_PAGE | (allocFrame() >>> 12);
  if (t.sendersUsed >= SENDER_ENTRIES) return E_BUSY;
  const index = t.sendersUsed;
  t.sendersUsed++;
  const table = (t.suist & 0xfffffffffff) << 12;
  store64(table + 8 * index, 1 | (lowestBit(c.badge) << 16) | (r.uintcIndex << 48));
  own(t);
  t.uintrFlags = t.uintrFlags | UINTR_SENDER;
  csr_write('suist', t.suist);
  return index;
}

// ---- waiting receivers (see the top of this file)

function isReceiver(t: Ptr<Tcb>): u64 {
  return t !== 0 && (t.uintrFlags & UINTR_RECEIVER) !== 0 ? 1 : 0;
}

function waiterBit(t: Ptr<Tcb>): u64 {
  return 1 << (t.id - 1);
}

function setArmed(t: Ptr<Tcb>, on: u64): void {
  store64(entry(t) + UINTC_ACT, on);
  t.uintrArmed = on;
}

/** The receiver t, running on its hart, blocks in Wait on its own notification with no bits pending. */
export function uintrWaitBegin(t: Ptr<Tcb>): void {
  const cpu = t.cpu;
  cpu.uintrWaiters = cpu.uintrWaiters | waiterBit(t);
}

/** The waiter t is woken (by its bits, or by a Signal): no longer a waiter, its entry inactive. */
export function uintrWaitEnd(t: Ptr<Tcb>): void {
  const cpu = t.cpu;
  cpu.uintrWaiters = cpu.uintrWaiters & ~waiterBit(t);
  if (t.uintrArmed !== 0) setArmed(t, 0);
}

/** The waiters of cpu whose UINTC entries have pending bits, as a mask (bit id - 1). */
export function uintrWaitersWithBits(cpu: Ptr<Cpu>): u64 {
  let found = 0;
  let m = cpu.uintrWaiters;
  for (let i = 0; m !== 0; i++) {
    if ((m & 1) !== 0 && uintcPending(tcbs[i]) !== 0) found = found | (1 << i);
    m = m >>> 1;
  }
  return found;
}

function lineToKernel(cpu: Ptr<Cpu>): void {
  let m = cpu.uintrWaiters;
  for (let i = 0; m !== 0; i++) {
    if ((m & 1) !== 0 && tcbs[i].uintrArmed === 0) setArmed(tcbs[i], 1);
    m = m >>> 1;
  }
  csr_clear('sideleg', 1);
  csr_set('sie', SIE_USIE);
  cpu.uintrLine = 1;
}

function lineToUser(cpu: Ptr<Cpu>): void {
  let m = cpu.uintrWaiters;
  for (let i = 0; m !== 0; i++) {
    if ((m & 1) !== 0 && tcbs[i].uintrArmed !== 0) setArmed(tcbs[i], 0);
    m = m >>> 1;
  }
  csr_clear('sie', SIE_USIE);
  csr_set('sideleg', 1);
  cpu.uintrLine = 0;
}

/** Before switching cpu to next (0: idle): the line goes back to user mode when next receives user interrupts or nobody waits. */
export function uintrBeforeSwitch(cpu: Ptr<Cpu>, next: Ptr<Tcb>): void {
  if (cpu.uintrLine !== 0 && (cpu.uintrWaiters === 0 || isReceiver(next) !== 0)) lineToUser(cpu);
}

/** After the switch: the kernel takes the line when receivers wait and next takes no user interrupts itself. */
export function uintrAfterSwitch(cpu: Ptr<Cpu>, next: Ptr<Tcb>): void {
  if (cpu.uintrWaiters !== 0 && cpu.uintrLine === 0 && isReceiver(next) === 0) lineToKernel(cpu);
}
