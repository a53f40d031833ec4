/**
 * Running several harts deterministically (docs/cpu.md, "Several harts: ordering"). Every hart
 * has its own cycle count. The rule the scheduler keeps:
 *
 *   Ordered operations — every data access to memory (loads, stores, LR/SC, AMOs, page-table
 *   walks), device accesses, fence.i, WFI, uipi, and the CSR accesses that read pending
 *   interrupts or time or change the interrupt enables — are performed in the order of
 *   (cycle at which the instruction starts, hart id). A device event at cycle T is performed
 *   after every ordered operation at a cycle before T and before any at T or later.
 *
 * Everything else a hart does (its registers, its own CSRs, fetching code it has decoded)
 * cannot be seen by another hart, so a hart runs ahead of the others until it reaches an
 * ordered operation while another hart is behind it (it then stops before it: Hart.waiting).
 * A hart that another hart or a device can interrupt (an interrupt line of its mie other
 * harts drive) runs ahead by less than the smallest cross-hart interrupt latency L, and never
 * past the next event, so that an interrupt reaches it at its modelled time; every cross-hart
 * effect on interrupt lines takes at least L cycles (Machine defers the immediate ones).
 *
 * A hart that provably cannot act is not waited for (docs/cpu.md, "Which harts another hart
 * waits for"): an idle hart (Hart.idle: in `j .`, nothing pending) holds back no other hart's
 * ordered operations; a spinning hart (Hart.spinning: before the load of a pure spin loop on a
 * granule no one has changed) holds back no other hart's ordered operations that write no
 * memory (Hart.readSyncLimit); stores, AMOs and LR/SC still wait for it. Neither holds an
 * interruptible hart within L of it. Both still count for the quantum and for events.
 *
 * How far a hart runs beyond the others is a scheduling choice (`quantum`, at most
 * MAX_QUANTUM cycles beyond the hart furthest behind): it changes nothing but host speed.
 * When a hart ends the run (an exit, a reset, a fatal trap) at cycle T, the other harts run on
 * to cycle T + STOP_WINDOW — a point no hart can have passed, whatever the quantum — so that
 * the machine's final state does not depend on how far they had run ahead.
 */
import type { Hart } from '../cpu/hart';
import type { EventQueue } from '../hw/events';
import { MachineLimits } from '../hw/limits';

/**
 * Interrupt lines (mip bits) that other harts or devices raise: UINTC/USIP, MSIP, MTIP, SEIP,
 * MEIP. A const enum, read on every slice: the bundle has the number written in.
 */
const enum RemoteIrq { BITS = (1 << 0) | (1 << 3) | (1 << 7) | (1 << 9) | (1 << 11) }

/** What a hart's last slice left it as (pickHart): a hart others wait for, idle, or spinning. */
const enum Quiet { Busy, Idle, Spinning }

/**
 * Most instructions the scheduler lets one slice attempt: the largest V8 small integer
 * (2^30 - 1), so that the budget crosses calls without being boxed (HartScheduler.run).
 */
const SLICE_BUDGET = 0x3fffffff;

/** The largest run-ahead a quantum allows, and the window the other harts run on after a stop. */
export const MAX_QUANTUM = MachineLimits.quantum.max;

export interface SchedulerLimits {
  readonly maxInsns: number;
  readonly maxCycles: number;
  /**
   * Return ('paused') once every runnable hart has reached this cycle (Machine's RunLimits
   * .pauseAtCycle); a slice never runs past it. Like the quantum, it changes nothing but when
   * the host gets control back.
   */
  readonly pauseAt: number;
}

/** Why a run ended: a hart ended it (endRun), a limit, or every hart sleeps with nothing to wake it. */
export type RunEnd = { kind: 'ended' } | { kind: 'limit'; which: 'instructions' | 'cycles' } | { kind: 'idle' } | { kind: 'paused' }
  /** A debugger's hook stopped this hart (Hart.debugHalt). */
  | { kind: 'debug'; hartId: number };

export class HartScheduler {
  /** The hart running now (undefined between slices and during events). */
  current: Hart | undefined = undefined;
  /** Slices run so far (hart switches; for profiling and tests: it changes nothing else). */
  slices = 0;
  /** The cycle the running hart was told to stop at. */
  private currentLimit = 0;
  /** The time of the event being delivered. */
  eventTime = 0;
  /** Set when a hart ended the run: the cycle, and the harts that are done. */
  private stopAt = Infinity;
  private readonly done: Uint8Array;
  /**
   * pickHart(): the earliest other runnable hart's cycle, the earliest of those that are not
   * idle (Hart.idle), and the bound on ordered operations.
   */
  private othersEarliest = Infinity;
  private othersActive = Infinity;
  private othersBound = Infinity;
  /** pickHart(): the bound on the picked hart's ordered operations that write no memory (spinning harts left out). */
  private othersReadBound = Infinity;
  /** Window after a stop: the largest run-ahead plus one instruction. */
  private readonly stopWindow: number;
  /** run(): the cycle from which a hart's slice ends the run or pauses it (pickHart). */
  private pauseAt = Infinity;
  /** run(): its limits (SchedulerLimits.maxCycles and pauseAt). */
  private maxCycles = Infinity;
  private limitPauseAt = Infinity;
  /**
   * The cycle no slice runs past, whatever the quantum (runSlice): the run's cycle limit and,
   * while no hart has ended the run, its pause, else the end of the stop window. Set by run()
   * and endRun(), the only places its parts change.
   */
  private sliceCap = Infinity;
  /**
   * What pickHart() knows of each hart: its cycle (Infinity when it is not runnable) and
   * whether it is idle, spinning or neither (Quiet). Between slices only the hart that ran
   * changes, so runSlice() updates its entry alone; everything that can change another hart
   * — an event (a deferred line change, a device), a store to a granule a hart spins on, a
   * hart ending the run, the host between runs — sets `stale`, and pickHart() reads every
   * hart again. (During a slice, Machine turns every change to another hart into an event.)
   */
  private readonly pickCycles: Float64Array;
  private readonly pickQuiet: Uint8Array;
  /** How many entries of pickQuiet are not Busy (0: pickHart's quick path may run). */
  private quietHarts = 0;
  private stale = true;
  /** The granule each hart was last reported (`spin`) to spin on, -1: none. */
  private readonly spunOn: Float64Array;

  constructor(
    private readonly harts: readonly Hart[],
    private readonly events: EventQueue,
    /** Most cycles a hart runs beyond the hart furthest behind before another one gets its turn. */
    private readonly quantum: number,
    /** L: the smallest latency of an interrupt one hart causes another (≥ 1). */
    private readonly crossLatency: number,
    maxInsnCycles: number,
    /** Called when a hart cannot make progress (Hart.fatal): it should end the run. */
    private readonly onFatal: (hart: Hart) => void,
    /** Tells the bus which granule (RAM offset, -1: none) a hart spins on (Bus.setSpinGranule). */
    private readonly spin: (hartId: number, granule: number) => void = () => undefined,
  ) {
    this.done = new Uint8Array(harts.length);
    this.pickCycles = new Float64Array(harts.length);
    this.pickQuiet = new Uint8Array(harts.length);
    this.spunOn = new Float64Array(harts.length).fill(NaN);
    harts.forEach((h, i) => {
      if (h.hartId !== i) throw new Error('internal: the scheduler\'s harts must be in hart-id order');
    });
    this.stopWindow = MAX_QUANTUM + maxInsnCycles;
  }

  /** The cycle of the hart now running, or of the event being delivered. */
  get now(): number {
    return this.current !== undefined ? this.current.cycle : this.eventTime;
  }

  /**
   * A hart (the one running, or `hart`) ended the run at its current cycle: it stops after its
   * instruction; the others run on to the end of the stop window.
   */
  endRun(hart: Hart | undefined = this.current): void {
    if (this.stopAt !== Infinity) return;
    this.stopAt = hart !== undefined ? hart.cycle : this.eventTime;
    this.sliceCap = Math.min(this.maxCycles, this.stopAt + this.stopWindow);
    if (hart !== undefined) {
      this.done[hart.hartId] = 1;
      this.stale = true;
      hart.requestStop();
    }
  }

  /**
   * A store wrote the granule hart `hartId` spins on (Bus.onSpinStore): it no longer spins, and
   * the running hart, whose bounds left it out, stops after this instruction.
   */
  spinStored(hartId: number): void {
    this.harts[hartId].spinning = false;
    this.spunOn[hartId] = -1;
    this.stale = true;
    // (A hart's store to the granule it spun on itself changes no other hart's bounds.)
    if (this.current !== undefined && this.current.hartId !== hartId) this.current.requestStop();
  }

  /** A device scheduled an event before the running hart's limit: stop it there. */
  eventScheduled(time: number): void {
    if (this.current !== undefined && time < this.currentLimit) this.current.requestStop();
  }

  /**
   * Runs until a hart ends the run (endRun; the others then finish the stop window), a limit
   * is reached, or every hart sleeps with nothing to wake it.
   */
  run(limits: SchedulerLimits): RunEnd {
    this.stopAt = Infinity;
    this.done.fill(0);
    // The host may have changed any hart between runs.
    this.spunOn.fill(NaN);
    for (const h of this.harts) {
      h.waitSpinless = false;
      this.setQuiet(h, false, -1);
    }
    this.stale = true;
    // Instructions retired by every hart: counted at the start, then from what each slice returns.
    let total = limits.maxInsns === Infinity ? 0 : this.totalInstret();
    this.pauseAt = Math.min(limits.pauseAt, limits.maxCycles);
    this.limitPauseAt = limits.pauseAt;
    this.maxCycles = limits.maxCycles;
    this.sliceCap = Math.min(limits.maxCycles, limits.pauseAt);
    for (;;) {
      const hart = this.pickHart();
      if (hart === undefined) {
        if (this.stopAt !== Infinity) return { kind: 'ended' };
        const r = this.skipIdleTime(limits.maxCycles);
        if (r !== undefined) return r;
        continue;
      }
      const cycle = hart.cycle;
      const budget = limits.maxInsns - total;
      // Before the pause and the cycle limit (this.pauseAt, the earlier of them) with the run
      // not ended, only the instruction budget can end it: one test for the three others.
      if (cycle >= this.pauseAt || this.stopAt !== Infinity) {
        if (this.stopAt !== Infinity && cycle >= this.stopAt + this.stopWindow) {
          this.done[hart.hartId] = 1;
          this.stale = true;
          continue;
        }
        if (this.stopAt === Infinity && cycle >= limits.pauseAt && cycle < limits.maxCycles) return { kind: 'paused' };
        if (budget <= 0) return { kind: 'limit', which: 'instructions' };
        if (cycle >= limits.maxCycles) return { kind: 'limit', which: 'cycles' };
      } else if (budget <= 0) return { kind: 'limit', which: 'instructions' };
      // A slice is given at most SLICE_BUDGET instructions: passed as a small integer, its
      // budget allocates nothing, where a larger one (the bench's 2e9 limit, Infinity) would
      // be a new heap number at every slice. A slice ended by it is one more scheduling stop.
      total += this.runSlice(hart, budget < SLICE_BUDGET ? budget : SLICE_BUDGET);
      if (hart.debugHalt === true) {
        hart.debugHalt = false;
        // Like a pause, a debugger's stop changes nothing (see the file comment); a run that a
        // hart already ended finishes its stop window instead.
        if (this.stopAt === Infinity) return { kind: 'debug', hartId: hart.hartId };
      }
    }
  }

  /** Runs the hart furthest behind as far as the rule (file comment) lets it. */
  /** Returns the instructions the hart retired. */
  private runSlice(hart: Hart, budget: number): number {
    // (The run's limits are read from fields: Infinity passed as an argument is a heap number
    // allocated on every call.)
    const nextEvent = this.events.nextTime;
    let limit = Math.min(this.sliceCap, this.othersEarliest + this.quantum);
    // A hart alone makes no ordered-access checks: it stops at every event, as it always did.
    // With others, an interruptible hart stops at events and within L of the others; the rest
    // pass events (their accesses to devices and pending bits wait for them instead).
    // (Boolean fields tested with `=== true`: see Hart.run.)
    if (hart.shared === false) limit = Math.min(limit, nextEvent);
    else if ((hart.csr.mie & RemoteIrq.BITS) !== 0) limit = Math.min(limit, nextEvent, this.othersActive + this.crossLatency);
    this.current = hart;
    this.currentLimit = Math.max(limit, hart.cycle + 1);
    hart.syncLimit = Math.min(this.othersBound, nextEvent);
    hart.readSyncLimit = hart.dataBare === true ? Math.min(this.othersReadBound, nextEvent) : hart.syncLimit;
    this.slices++;
    // A slice without a cycle limit (the other harts asleep, no event due) passes the constant
    // Infinity: V8 boxes a computed Infinity into a new heap number at every call, the constant not.
    const retired = this.currentLimit === Infinity ? hart.run(Infinity, budget) : hart.run(this.currentLimit, budget);
    if (hart.shared === true) {
      if (hart.waitSpinless === true) {
        // Stopped (waiting) before an ordered operation that is not a plain load (an AMO, LR/SC,
        // a store; `amo`: every slice): neither idle nor spinning. Most often it was neither
        // before (hart.idle and hart.spinning are set only by setQuiet): nothing to tell.
        hart.waitSpinless = false;
        if (hart.idle === true || hart.spinning === true || this.spunOn[hart.hartId] !== -1) this.setQuiet(hart, false, -1);
      } else {
        this.settleQuiet(hart);
      }
    }
    this.current = undefined;
    // pickHart()'s view of this hart (the only one its slice changed).
    const id = hart.hartId;
    this.pickCycles[id] = hart.sleeping === true || this.done[id] !== 0 || hart.debugParked === true ? Infinity : hart.cycle;
    const q = hart.idle === true ? Quiet.Idle : hart.spinning === true ? Quiet.Spinning : Quiet.Busy;
    const was = this.pickQuiet[id];
    if (q !== was) {
      this.quietHarts += (q !== Quiet.Busy ? 1 : 0) - (was !== Quiet.Busy ? 1 : 0);
      this.pickQuiet[id] = q;
    }
    if (hart.fatal !== undefined) this.onFatal(hart);
    return retired;
  }

  /**
   * After a slice that did not stop before an ordered operation other than a plain load:
   * whether the hart is now idle (in `j .`, not waiting) or spinning (before the load of a spin
   * loop). Apart from runSlice(), so that runSlice stays small enough for V8 to inline.
   */
  private settleQuiet(hart: Hart): void {
    const idle = hart.waiting === false && hart.spinsIdle();
    this.setQuiet(hart, idle, idle ? -1 : hart.spinGranule());
  }

  /** Sets whether a hart is idle or spinning on a granule (RAM offset, -1: not spinning). */
  private setQuiet(hart: Hart, idle: boolean, granule: number): void {
    hart.idle = idle;
    hart.spinning = granule >= 0;
    if (this.spunOn[hart.hartId] !== granule) {
      this.spunOn[hart.hartId] = granule;
      this.spin(hart.hartId, granule);
    }
  }

  private totalInstret(): number {
    let n = 0;
    for (const h of this.harts) n += h.instret;
    return n;
  }

  /**
   * The runnable hart furthest behind (lowest id on ties), or undefined, after firing the events
   * every runnable hart has reached (due at or before that hart's cycle: they may wake harts).
   * Leaves the earliest other runnable hart's cycle in othersEarliest and, in othersBound, the
   * cycle from which the picked hart's ordered operations must wait: the earliest other hart's
   * cycle, or one more for a hart with a higher id (at equal cycles the lower id goes first).
   */
  private pickHart(): Hart | undefined {
    // Small, so that V8 inlines it (and pickBusy) into run()'s loop: a call less per slice.
    if (this.stale === false && this.quietHarts === 0) {
      const h = this.pickBusy();
      if (h !== undefined) return h;
    }
    return this.pickAny();
  }

  /** pickHart() in every case (the view stale, a hart idle or spinning, events due). */
  private pickAny(): Hart | undefined {
    const harts = this.harts;
    const n = harts.length;
    const events = this.events;
    const cyc = this.pickCycles;
    const quiet = this.pickQuiet;
    let best = -1;
    let bestCycle = Infinity;
    // The runnable hart furthest behind among those that are neither idle nor spinning.
    let busy = -1;
    let busyCycle = Infinity;
    for (;;) {
      best = -1;
      bestCycle = Infinity;
      busy = -1;
      busyCycle = Infinity;
      if (this.stale === true) {
        this.stale = false;
        const done = this.done;
        // The same two lines as at the end of runSlice(), written out in both places on purpose:
        // as a method called per hart they cost uintr 2.5 % more host instructions than they saved.
        let notBusy = 0;
        for (let i = 0; i < n; i++) {
          const h = harts[i];
          cyc[i] = h.sleeping === true || done[i] !== 0 || h.debugParked === true ? Infinity : h.cycle;
          quiet[i] = h.idle === true ? Quiet.Idle : h.spinning === true ? Quiet.Spinning : Quiet.Busy;
          // (An addition every pass: an increment first run after V8 optimised this cost a deopt.)
          notBusy += quiet[i] !== Quiet.Busy ? 1 : 0;
        }
        this.quietHarts = notBusy;
      }
      for (let i = 0; i < n; i++) {
        const c = cyc[i];
        if (c < bestCycle) {
          bestCycle = c;
          best = i;
        }
        if (c < busyCycle && quiet[i] === Quiet.Busy) {
          busyCycle = c;
          busy = i;
        }
      }
      if (best < 0 || events.nextTime > bestCycle) break;
      this.fireEventsUntil(bestCycle);
    }
    // An idle or spinning hart furthest behind may lag (docs/cpu.md, "Which harts another hart
    // waits for"): the busy hart furthest behind runs first, unless its last slice ended
    // waiting for another hart, or its slice could reach the next event, the quantum or the
    // pause; the quiet hart then catches up in one slice instead of stepping beside it by the
    // interrupt latency.
    let pick = best;
    if (busy >= 0 && busy !== best && this.stopAt === Infinity && harts[busy].waiting === false &&
        busyCycle < events.nextTime && busyCycle < this.pauseAt && busyCycle < bestCycle + this.quantum) {
      pick = busy;
    }
    let earliest = Infinity;
    let active = Infinity;
    let bound = Infinity;
    let readBound = Infinity;
    for (let i = 0; i < n; i++) {
      const c = cyc[i];
      if (i === pick || c === Infinity) continue;
      if (c < earliest) earliest = c;
      const q = quiet[i];
      // An idle hart can do nothing another hart sees before an event interrupts it.
      if (q === Quiet.Idle) continue;
      // (harts[i].hartId === i: at equal cycles the lower id goes first.)
      const b = i > pick ? c + 1 : c;
      if (b < bound) bound = b;
      // A spinning hart stores nothing and raises no line before a store or an event.
      if (q === Quiet.Spinning) continue;
      if (c < active) active = c;
      if (b < readBound) readBound = b;
    }
    this.othersEarliest = earliest;
    this.othersActive = active;
    this.othersBound = bound;
    this.othersReadBound = readBound;
    return pick < 0 ? undefined : harts[pick];
  }

  /**
   * pickHart() when its view is fresh and no hart is idle or spinning, in one pass: the pick is
   * then the first in (cycle, hart id) order, and every bound comes from the second, whose
   * bound is the least of the others' (a later cycle is at least one more; at its own cycle a
   * higher id is no lower). Undefined when pickHart() must do the general work: no hart
   * runnable, or events were due at the picked hart's cycle (fired here, as pickHart() would
   * after its first scan, so that this pass is not wasted).
   */
  private pickBusy(): Hart | undefined {
    const cyc = this.pickCycles;
    const n = cyc.length;
    let first = -1;
    let firstCycle = Infinity;
    let second = -1;
    let secondCycle = Infinity;
    for (let i = 0; i < n; i++) {
      const c = cyc[i];
      if (c < firstCycle) {
        second = first;
        secondCycle = firstCycle;
        first = i;
        firstCycle = c;
      } else if (c < secondCycle) {
        second = i;
        secondCycle = c;
      }
    }
    if (first < 0) return undefined;
    if (this.events.nextTime <= firstCycle) {
      this.fireEventsUntil(firstCycle);
      return undefined;
    }
    const bound = second > first ? secondCycle + 1 : secondCycle;
    this.othersEarliest = secondCycle;
    this.othersActive = secondCycle;
    this.othersBound = bound;
    this.othersReadBound = bound;
    return this.harts[first];
  }

  /** Fires every event due at or before `cycle` (they may change any hart: the view is stale). */
  private fireEventsUntil(cycle: number): void {
    const events = this.events;
    while (events.nextTime <= cycle) {
      this.eventTime = events.nextTime;
      events.runUntil(this.eventTime);
    }
    this.stale = true;
  }

  /** Every hart sleeps: jump to the next event. How the run ends when nothing will ever wake them. */
  private skipIdleTime(maxCycles: number): RunEnd | undefined {
    const t = this.events.nextTime;
    if (t === Infinity) return { kind: 'idle' };
    if (t > maxCycles) {
      for (const h of this.harts) if (h.cycle < maxCycles) h.cycle = maxCycles;
      return { kind: 'limit', which: 'cycles' };
    }
    this.eventTime = t;
    for (const h of this.harts) if (h.cycle < t) h.cycle = t;
    this.events.runUntil(t);
    this.stale = true;
    return undefined;
  }
}
