/**
 * What the IPC point runner watches on the harts, from outside the guest: the benchmark's
 * measurement marks, the user interrupts each kernel thread takes, and (optionally) the
 * profiler split by thread.
 *
 * Measurement marks: the benchmark client (src/os/programs/ipc-bench) executes
 * `slti x0, x0, 0x7f0` right after reading its cycle counter at the start of the calls and
 * `slti x0, x0, 0x7f1` right before reading it at the end: RISC-V HINTs (SLTI with rd = x0),
 * no-ops for the hart. At each mark every hart's retired instructions and hardware event 15
 * (user interrupts taken: the count mhpmcounter3 shows, docs/uintr.md) are read, and the
 * profile is taken, so that everything reported covers exactly the calls.
 *
 * User interrupts by thread: a user interrupt taken (an interrupt trap that stays in U-mode)
 * counts for the thread the kernel last switched the hart to (its switch hints,
 * src/trace/kernel.ts). The sum over a hart's threads must equal the hart's hardware counter
 * over the same stretch (checked by the runner).
 *
 * Preemptions by thread: a switch away from a thread in a kernel entry that the supervisor
 * timer interrupt (the scheduler's tick) began is the end of that thread's time slice while
 * another thread of its hart was ready (a thread that blocks enters by a system call). On one
 * hart each such preemption of the async client cuts a batch of calls short (docs/experiments.md,
 * claim C4).
 */
import type { CommitInfo, Hart, HartObserver } from '../../cpu/hart';
import { HartEvent } from '../../cpu/hart';
import { HintKind, ThreadNames, hintKind, hintValue } from '../../trace/kernel';
import type { HartProfileReport } from '../../trace/profile';
import type { Profiler } from '../../trace/profile';

/** `slti x0, x0, 0x7f0` / `0x7f1`. */
export const MARK_START = (0x7f0 << 20) | 0x2013;
export const MARK_END = (0x7f1 << 20) | 0x2013;

/** scause of the supervisor timer interrupt (the kernel's tick). */
const SUPERVISOR_TIMER = 5;
const SUPERVISOR = 1;

export interface HartSnapshot {
  readonly instret: number;
  readonly userInterrupts: number;
}

export interface Snapshot {
  readonly harts: readonly HartSnapshot[];
  readonly profile: readonly HartProfileReport[] | undefined;
}

export class IpcObserver implements HartObserver {
  readonly threads = new ThreadNames();
  /** The thread each hart runs (kernel thread id; 0 idle, -1 not known yet). */
  private readonly current: number[];
  /** User interrupts taken between the marks, per hart by thread id. */
  readonly userInterrupts: Map<number, number>[];
  /** Time-slice preemptions between the marks, per hart by the preempted thread's id. */
  readonly preemptions: Map<number, number>[];
  /** Per hart: whether the kernel's current entry is the timer tick. */
  private readonly tickEntry: boolean[];
  private inWindow = false;
  start: Snapshot | undefined;
  end: Snapshot | undefined;

  constructor(private readonly harts: readonly Hart[], private readonly profiler: Profiler | undefined) {
    this.current = harts.map(() => -1);
    this.userInterrupts = harts.map(() => new Map());
    this.preemptions = harts.map(() => new Map());
    this.tickEntry = harts.map(() => false);
    for (const h of harts) profiler?.attach(h);
  }

  private snapshot(): Snapshot {
    return {
      harts: this.harts.map((h) => ({ instret: h.instret, userInterrupts: h.hpmEventCount(HartEvent.UserInterrupt) })),
      profile: this.profiler?.report(this.harts),
    };
  }

  commit(hart: Hart, c: Readonly<CommitInfo>): void {
    this.profiler?.commit(hart, c);
    const w = c.word;
    if ((w & 0x7fff) !== 0x2013) return; // not an SLTI to x0: no hint, no mark
    if (w === MARK_START) {
      this.start = this.snapshot();
      this.inWindow = true;
    } else if (w === MARK_END) {
      this.end = this.snapshot();
      this.inWindow = false;
    } else {
      const k = hintKind(w);
      if (k === HintKind.Thread) this.threads.learn(hart, hintValue(hart, w));
      else if (k === HintKind.Switch) this.switchTo(hart.hartId, hintValue(hart, w));
    }
  }

  private switchTo(h: number, next: number): void {
    const prev = this.current[h]!;
    if (this.inWindow && this.tickEntry[h] && prev > 0 && next !== prev) add(this.preemptions[h]!, prev);
    this.current[h] = next;
  }

  trap(hart: Hart, isInterrupt: boolean, cause: number): void {
    this.profiler?.trap(hart);
    if (hart.priv === SUPERVISOR) this.tickEntry[hart.hartId] = isInterrupt && cause === SUPERVISOR_TIMER;
    if (!this.inWindow || !isInterrupt || hart.priv !== 0) return;
    add(this.userInterrupts[hart.hartId]!, this.current[hart.hartId]!);
  }

  /** User interrupts the thread called `name` took between the marks. */
  userInterruptsOf(name: string): number {
    return this.sumOf(this.userInterrupts, name);
  }

  /** Times the thread called `name` was preempted at the end of its time slice between the marks. */
  preemptionsOf(name: string): number {
    return this.sumOf(this.preemptions, name);
  }

  private sumOf(perHart: readonly Map<number, number>[], name: string): number {
    let n = 0;
    for (const m of perHart) for (const [id, count] of m) if (this.threads.name(id) === name) n += count;
    return n;
  }

  /** User interrupts taken on hart h between the marks, all threads together. */
  userInterruptsOnHart(h: number): number {
    let n = 0;
    for (const count of this.userInterrupts[h]!.values()) n += count;
    return n;
  }
}

function add(m: Map<number, number>, key: number): void {
  m.set(key, (m.get(key) ?? 0) + 1);
}
