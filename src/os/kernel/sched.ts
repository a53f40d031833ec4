/**
 * The scheduler: per-hart run queues over 256 priorities (a two-level bitmap finds the highest
 * in a few instructions), fixed affinity, round robin within a priority driven by the timer,
 * and the way back to user mode (kernelExit) or into the idle loop.
 *
 * The running thread is not on its run queue (seL4's convention): it goes back at the head when
 * a higher-priority thread preempts it and at the tail when its time slice is over.
 */
import { Ptr, asm, csr_read, csr_clear, ptr, rdtime, u64, wfi } from '../../gtsc/guest';
import { sbiSendIpi, sbiSetTimer } from '../lib/sbi';
import { lock, unlock } from './lock';
import { TIMESLICE_TICKS } from './memlayout';
import { Cpu, RUNNING, Tcb } from './objects';
import { handleExternal } from './irq';
import { KSTAT_CONTEXT_SWITCHES, KSTAT_CROSS_HART_WAKEUPS, KSTAT_IPIS_SENT, KSTAT_TIMER_TICKS } from './syscalls.gen';
import { SIE_SEIE, SIE_SSIE, SIE_STIE, SIE_USIE } from './riscv';
import { uintrAfterSwitch, uintrBeforeSwitch, uintrSwitch } from './uintr';
import { uintrWakeWaiters } from './notification';
import { switchSpace } from './vm';
import { queueAppend, queuePrepend, queueRemove } from './queue';

declare function restore_user(t: Ptr<Tcb>): void;

/** Timebase ticks per scheduler tick (boot.ts sets it from the device tree). */
export let tickLength: u64 = 10000;
/** satp of the kernel-only page table (idle harts). */
export let idleSatp: u64 = 0;

export function schedInit(tick: u64, satp: u64): void {
  tickLength = tick;
  idleSatp = satp;
}

/** This hart's Cpu (tp in the kernel, entry.S). */
export function thisCpu(): Ptr<Cpu> {
  return ptr<Cpu>(asm('mv {d}, tp'));
}

export function count(cpu: Ptr<Cpu>, stat: u64): void {
  cpu.stats[stat] = cpu.stats[stat] + 1;
}

/** Index of the highest set bit of x (x != 0). */
export function highestBit(x: u64): u64 {
  let n = 0;
  let v = x;
  if ((v >>> 32) !== 0) { n += 32; v = v >>> 32; }
  if ((v >>> 16) !== 0) { n += 16; v = v >>> 16; }
  if ((v >>> 8) !== 0) { n += 8; v = v >>> 8; }
  if ((v >>> 4) !== 0) { n += 4; v = v >>> 4; }
  if ((v >>> 2) !== 0) { n += 2; v = v >>> 2; }
  if ((v >>> 1) !== 0) n += 1;
  return n;
}

/** The highest priority with a ready thread on cpu, or -1. */
export function highestReady(cpu: Ptr<Cpu>): u64 {
  const groups = cpu.readyGroups;
  if (groups === 0) return -1;
  const g = highestBit(groups);
  return g * 64 + highestBit(cpu.ready[g]);
}

function markReady(cpu: Ptr<Cpu>, prio: u64): void {
  const g = prio >>> 6;
  cpu.ready[g] = cpu.ready[g] | (1 << (prio & 63));
  cpu.readyGroups = cpu.readyGroups | (1 << g);
}

export function enqueueTail(cpu: Ptr<Cpu>, t: Ptr<Tcb>): void {
  queueAppend(cpu.queues[t.prio], t);
  t.queued = 1;
  markReady(cpu, t.prio);
}

export function enqueueHead(cpu: Ptr<Cpu>, t: Ptr<Tcb>): void {
  queuePrepend(cpu.queues[t.prio], t);
  t.queued = 1;
  markReady(cpu, t.prio);
}

export function dequeue(cpu: Ptr<Cpu>, t: Ptr<Tcb>): void {
  const q = cpu.queues[t.prio];
  queueRemove(q, t);
  t.queued = 0;
  if (q.head === 0) {
    const g = t.prio >>> 6;
    cpu.ready[g] = cpu.ready[g] & ~(1 << (t.prio & 63));
    if (cpu.ready[g] === 0) cpu.readyGroups = cpu.readyGroups & ~(1 << g);
  }
}

/**
 * t becomes runnable. On this hart it waits on the run queue (kernelExit decides whether it
 * preempts); on another hart it is queued there, and an IPI makes that hart look when it is
 * idle or runs something of lower priority. The IPI goes out after this hart has released the
 * lock (sendIpis), so the woken hart does not wake up only to wait for it.
 */
export function makeReady(t: Ptr<Tcb>): void {
  t.state = RUNNING;
  const c = t.cpu;
  enqueueTail(c, t);
  const me = thisCpu();
  if (c === me) return;
  count(me, KSTAT_CROSS_HART_WAKEUPS);
  const cur = c.current;
  if (cur === 0 || t.prio > cur.prio) me.ipiMask = me.ipiMask | (1 << c.hart);
}

/** Sends the IPIs makeReady asked for (call with the lock released). */
export function sendIpis(me: Ptr<Cpu>): void {
  const mask = me.ipiMask;
  me.ipiMask = 0;
  me.stats[KSTAT_IPIS_SENT] = me.stats[KSTAT_IPIS_SENT] + 1;
  asm('slti x0, {0}, 0x7e6', mask); // hint: ipi (the mask of target harts)
  sbiSendIpi(mask);
}

/**
 * The thread to run next on cpu: the current one while it is runnable and nothing of higher
 * priority (or, once its slice is over, of equal priority) is ready; 0 for idle.
 */
export function chooseThread(cpu: Ptr<Cpu>): Ptr<Tcb> {
  const cur = cpu.current;
  const best = highestReady(cpu);
  const sliceOver = cpu.sliceOver;
  cpu.sliceOver = 0;
  if (cur !== 0 && cur.state === RUNNING) {
    if (best === -1 || best < cur.prio || (best === cur.prio && sliceOver === 0)) return cur;
    if (best > cur.prio && sliceOver === 0) enqueueHead(cpu, cur);
    else enqueueTail(cpu, cur);
  }
  if (best === -1) return ptr<Tcb>(0);
  const t = cpu.queues[best].head;
  dequeue(cpu, t);
  return t;
}

/** Makes next the hart's running thread: address space, user-interrupt state, bookkeeping. */
export function switchTo(cpu: Ptr<Cpu>, next: Ptr<Tcb>): void {
  if (next !== cpu.current) {
    count(cpu, KSTAT_CONTEXT_SWITCHES);
    asm('slti x0, {0}, 0x7e1', next.id); // hint: switch
    cpu.current = next;
  }
  if (next.satp !== cpu.satp) {
    cpu.satp = next.satp;
    switchSpace(next.satp);
  }
  if (cpu.uintrOwner !== next && (cpu.uintrOwner !== 0 || next.uintrFlags !== 0)) uintrSwitch(cpu, next);
}

/**
 * Leaves the kernel: to the thread chooseThread picks, or into the idle loop. Receivers waiting
 * for user interrupts while the line is a running receiver's are looked at first (uintr.ts).
 */
export function kernelExit(cpu: Ptr<Cpu>): void {
  if (cpu.uintrWaiters !== 0 && cpu.uintrLine === 0) uintrWakeWaiters(cpu);
  const next = chooseThread(cpu);
  if (next === 0) idle(cpu);
  else resume(cpu, next);
}

function resume(cpu: Ptr<Cpu>, next: Ptr<Tcb>): void {
  if ((cpu.uintrWaiters | cpu.uintrLine) === 0) switchTo(cpu, next);
  else {
    // receivers wait for user interrupts: the hart's USIP line may change hands (uintr.ts)
    uintrBeforeSwitch(cpu, next);
    switchTo(cpu, next);
    uintrAfterSwitch(cpu, next);
  }
  if (cpu.timerArmed === 0) {
    cpu.nextTick = rdtime() + tickLength;
    cpu.timerArmed = 1;
    sbiSetTimer(cpu.nextTick);
  }
  unlock();
  if (cpu.ipiMask !== 0) sendIpis(cpu);
  restore_user(next);
}

/**
 * No thread to run: wait for an interrupt with the lock released. The tick stays armed until
 * it next fires (tick() turns it off on an idle hart), so a hart that idles briefly between
 * two IPC messages makes no SBI calls for its timer.
 */
function idle(cpu: Ptr<Cpu>): void {
  if (cpu.current !== 0) {
    asm('slti x0, {0}, 0x7e1', 0); // hint: switch to idle
    cpu.current = ptr<Tcb>(0);
  }
  if ((cpu.uintrWaiters | cpu.uintrLine) === 0) {
    if (cpu.uintrOwner !== 0) uintrSwitch(cpu, ptr<Tcb>(0));
  } else {
    uintrBeforeSwitch(cpu, ptr<Tcb>(0));
    if (cpu.uintrOwner !== 0) uintrSwitch(cpu, ptr<Tcb>(0));
    uintrAfterSwitch(cpu, ptr<Tcb>(0));
  }
  if (cpu.satp !== idleSatp) {
    cpu.satp = idleSatp;
    switchSpace(idleSatp);
  }
  while (true) {
    unlock();
    if (cpu.ipiMask !== 0) sendIpis(cpu);
    wfi();
    lock();
    handleInterrupts(cpu);
    const next = chooseThread(cpu);
    if (next !== 0) {
      resume(cpu, next);
      return;
    }
  }
}

/** Takes every pending S-level interrupt: IPIs, the tick, device interrupts, waiting receivers' user interrupts. */
export function handleInterrupts(cpu: Ptr<Cpu>): void {
  const pending = csr_read('sip');
  if ((pending & SIE_USIE) !== 0 && cpu.uintrLine !== 0) uintrWakeWaiters(cpu);
  if ((pending & SIE_SSIE) !== 0) csr_clear('sip', SIE_SSIE); // an IPI: chooseThread looks again
  if ((pending & SIE_STIE) !== 0) tick(cpu);
  if ((pending & SIE_SEIE) !== 0) handleExternal(cpu);
}

function tick(cpu: Ptr<Cpu>): void {
  count(cpu, KSTAT_TIMER_TICKS);
  const now = rdtime();
  let next = cpu.nextTick + tickLength;
  if (next <= now) next = now + tickLength;
  cpu.nextTick = next;
  if (cpu.current === 0) {
    cpu.timerArmed = 0;
    sbiSetTimer(-1);
    return;
  }
  sbiSetTimer(next);
  const cur = cpu.current;
  if (cur.slice > 1) cur.slice = cur.slice - 1;
  else {
    cur.slice = TIMESLICE_TICKS;
    cpu.sliceOver = 1;
  }
}

export function yieldSlice(cpu: Ptr<Cpu>): void {
  cpu.sliceOver = 1;
}

export const SCHED_SIE = SIE_SSIE | SIE_STIE | SIE_SEIE;
