/**
 * `--timeline F.json`: a Chrome trace-event file (chrome://tracing, ui.perfetto.dev) with one
 * thread track per hart (pid 0, tid = hart id), timestamps in microseconds of modelled time
 * (cycles / coreHz · 10^6):
 * - privilege-mode spans "M-mode"/"S-mode"/"U-mode" (ph "X", cat "priv"), switching after the
 *   trap or xRET that changed the mode;
 * - "wfi" sleeps (ph "X", cat "sleep") from a WFI that parked the hart to the next event;
 * - instants (ph "i", s "t"): exceptions (cat "exception", Spike's cause names), interrupts
 *   (cat "interrupt"; "user-interrupt" when taken in U-mode; "ipi" for machine software
 *   interrupts, i.e. CLINT msip), "uipi.send" (cat "uipi") and CLINT msip writes ("ipi.send").
 * - with a kernel that gives rvn's hints (src/os/kernel/hint.ts, src/trace/kernel.ts), a second
 *   process "threads" with one track per hart: a span per thread while it runs (named by the
 *   kernel's thread hints; "idle" while the hart has none), and instants (cat "kernel") for the
 *   IPC path each system call took, faults, device interrupts and the IPIs the kernel sends.
 * Traps are stamped at the end of trap entry (the hart's cycle when the observer hears of it).
 * Events are streamed as they close, so spans appear in order of their end.
 */
import type { CommitInfo, Hart, HartObserver } from '../cpu/hart';
import type { TextBuffer } from './buffer';
import { hex64, hexNum64 } from './hex';
import { isUipiSend, isWfi, rs1Of } from './insn';
import { MSIP_CAUSE, causeName, privName } from './names';
import { HintKind, IPC_PATHS, ThreadNames, hintKind, hintValue, syscallName } from './kernel';

/** pid of the per-hart thread tracks (pid 0 is the machine's hart tracks). */
const THREADS_PID = 1;

/** The CLINT's msip registers (a word per hart from its base): a store of 1 there is an IPI. */
export interface MsipWindow {
  base: number;
  end: number;
}

interface HartTrack {
  priv: number;
  privStart: number;
  sleepStart: number;
  /** The running thread's id (kernel switch hints; -1 before the first) and since when. */
  thread: number;
  threadStart: number;
}

type Args = Record<string, string | number>;

export class Timeline implements HartObserver {
  private readonly tracks: HartTrack[] = [];
  private readonly threads = new ThreadNames();
  private threadsNamed = false;
  private first = true;

  constructor(
    private readonly out: TextBuffer,
    private readonly coreHz: number,
    private readonly msip: MsipWindow = { base: 0, end: 0 },
  ) {
    out.push('{"displayTimeUnit":"ns","traceEvents":[\n');
    this.emit({ name: 'process_name', ph: 'M', pid: 0, tid: 0, args: { name: 'rvn' } });
  }

  private emit(ev: object): void {
    this.out.push((this.first ? '' : ',\n') + JSON.stringify(ev));
    this.first = false;
  }

  private ts(cycle: number): number {
    // Multiply first: with whole-MHz clocks the result is exact (100 cycles at 100 MHz = 1).
    return (cycle * 1e6) / this.coreHz;
  }

  attach(hart: Hart): void {
    const tid = hart.hartId;
    this.tracks[tid] = { priv: hart.priv, privStart: hart.cycle, sleepStart: -1, thread: -1, threadStart: hart.cycle };
    this.emit({ name: 'thread_name', ph: 'M', pid: 0, tid, args: { name: `hart ${tid}` } });
    this.emit({ name: 'thread_sort_index', ph: 'M', pid: 0, tid, args: { sort_index: tid } });
  }

  private span(tid: number, name: string, cat: string, from: number, to: number): void {
    if (to <= from) return;
    const ts = this.ts(from);
    this.emit({ name, cat, ph: 'X', pid: 0, tid, ts, dur: this.ts(to) - ts });
  }

  private instant(tid: number, name: string, cat: string, cycle: number, args: Args, pid = 0): void {
    this.emit({ name, cat, ph: 'i', s: 't', pid, tid, ts: this.ts(cycle), args });
  }

  /** A kernel hint: thread spans and kernel instants on the hart's thread track. */
  private kernelHint(hart: Hart, t: HartTrack, kind: number, value: number): void {
    const tid = hart.hartId;
    if (!this.threadsNamed) {
      this.threadsNamed = true;
      this.emit({ name: 'process_name', ph: 'M', pid: THREADS_PID, tid: 0, args: { name: 'threads' } });
    }
    if (t.thread === -1 && kind !== HintKind.Thread) {
      this.emit({ name: 'thread_name', ph: 'M', pid: THREADS_PID, tid, args: { name: `hart ${tid}` } });
      t.thread = 0;
    }
    const now = hart.cycle;
    if (kind === HintKind.Thread) this.threads.learn(hart, value);
    else if (kind === HintKind.Switch) {
      this.threadSpan(tid, t, now);
      t.thread = value;
      t.threadStart = now;
    } else if (kind === HintKind.IpcPath) this.instant(tid, IPC_PATHS[value] ?? `path ${value}`, 'kernel', now, {}, THREADS_PID);
    else if (kind === HintKind.Fault) this.instant(tid, 'fault', 'kernel', now, { thread: this.threads.name(value) }, THREADS_PID);
    else if (kind === HintKind.Irq) this.instant(tid, `irq ${value}`, 'kernel', now, {}, THREADS_PID);
    else if (kind === HintKind.Ipi) this.instant(tid, 'kernel ipi', 'kernel', now, { harts: value }, THREADS_PID);
    else if (kind === HintKind.Syscall) this.instant(tid, syscallName(value), 'syscall', now, {}, THREADS_PID);
  }

  private threadSpan(tid: number, t: HartTrack, now: number): void {
    if (t.thread < 0 || now <= t.threadStart) return;
    const ts = this.ts(t.threadStart);
    this.emit({ name: this.threads.name(t.thread), cat: 'thread', ph: 'X', pid: THREADS_PID, tid, ts, dur: this.ts(now) - ts });
  }

  /** Ends a WFI sleep and, if the mode changed, the current mode span. */
  private settle(hart: Hart, t: HartTrack): void {
    const now = hart.cycle;
    if (t.sleepStart >= 0) {
      this.span(hart.hartId, 'wfi', 'sleep', t.sleepStart, now);
      t.sleepStart = -1;
    }
    if (hart.priv !== t.priv) {
      this.span(hart.hartId, `${privName(t.priv)}-mode`, 'priv', t.privStart, now);
      t.priv = hart.priv;
      t.privStart = now;
    }
  }

  commit(hart: Hart, c: Readonly<CommitInfo>): void {
    const t = this.tracks[hart.hartId];
    if (t === undefined) return;
    this.settle(hart, t);
    const w = c.word;
    const k = hintKind(w);
    if (k >= 0) this.kernelHint(hart, t, k, hintValue(hart, w));
    else if (isUipiSend(w)) {
      const r = rs1Of(w);
      this.instant(hart.hartId, 'uipi.send', 'uipi', hart.cycle, { index: hex64(hart.xl[r], hart.xh[r]), pc: hexNum64(c.pc) });
    } else if (c.isStore && c.memPaddr >= this.msip.base && c.memPaddr < this.msip.end && (c.storeLo & 1) !== 0) {
      const target = Math.floor((c.memPaddr - this.msip.base) / 4);
      this.instant(hart.hartId, 'ipi.send', 'ipi', hart.cycle, { to: target, pc: hexNum64(c.pc) });
    } else if (isWfi(w) && hart.sleeping) {
      t.sleepStart = hart.cycle;
    }
  }

  trap(hart: Hart, isInterrupt: boolean, cause: number, epc: number): void {
    const t = this.tracks[hart.hartId];
    if (t === undefined) return;
    const from = t.priv;
    this.settle(hart, t);
    const name = causeName(isInterrupt, cause);
    let cat = 'exception';
    if (isInterrupt) cat = cause === MSIP_CAUSE ? 'ipi' : hart.priv === 0 ? 'user-interrupt' : 'interrupt';
    const args = { cause, epc: hexNum64(epc), from: privName(from), to: privName(hart.priv) };
    this.instant(hart.hartId, name, cat, hart.cycle, args);
  }

  /** Closes the open spans at each hart's current cycle and ends the JSON document. */
  finish(harts: readonly Hart[]): void {
    for (const hart of harts) {
      const t = this.tracks[hart.hartId];
      if (t === undefined) continue;
      const now = hart.cycle;
      if (t.sleepStart >= 0) this.span(hart.hartId, 'wfi', 'sleep', t.sleepStart, now);
      this.span(hart.hartId, `${privName(t.priv)}-mode`, 'priv', t.privStart, now);
      this.threadSpan(hart.hartId, t, now);
      t.sleepStart = -1;
      t.privStart = now;
      t.threadStart = now;
    }
    this.out.push('\n]}\n');
    this.out.flush();
  }
}
