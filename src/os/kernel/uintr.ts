/**
 * User interrupts (docs/uintr.md, os.md): each receiver thread owns one UINTC entry; each
 * sender thread gets a sender-table page (UIST) whose entries name a receiver's entry and the
 * bit to set there, so `uipi SEND i` reaches the receiver with no kernel on the path.
 *
 * The U-level CSRs (utvec, uscratch, uepc, ucause, utval, uie, ustatus), suirs, suist and the
 * software USIP bit belong to the thread: saved when it is switched out, restored when it is
 * switched in. A receiver's entry is active only while it runs (LOW names its hart once, at
 * registration: affinity never changes), so its pending bits raise USIP on its hart exactly
 * when it can take them.
 */
import { Ptr, csr_clear, csr_read, csr_set, csr_write, load64, ptr, store64, u64, uipi_activate, uipi_deactivate } from '../../gtsc/guest';
import { UINTC_BASE, UINTC_RECEIVERS, UINTC_STRIDE } from './memlayout';
import { Cap, Cpu, Ntfn, Tcb, UINTR_RECEIVER, UINTR_SENDER } from './objects';
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
