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
 * Traps are stamped at the end of trap entry (the hart's cycle when the observer hears of it).
 * Events are streamed as they close, so spans appear in order of their end.
 */
import type { CommitInfo, Hart, HartObserver } from '../cpu/hart';
import type { TextBuffer } from './buffer';
import { hex64, hexNum64 } from './hex';
import { isUipiSend, isWfi, rs1Of } from './insn';
import { MSIP_CAUSE, causeName, privName } from './names';

/** The CLINT's msip registers (a word per hart from its base): a store of 1 there is an IPI. */
export interface MsipWindow {
  base: number;
  end: number;
}

interface HartTrack {
  priv: number;
  privStart: number;
  sleepStart: number;
}

type Args = Record<string, string | number>;

export class Timeline implements HartObserver {
  private readonly tracks: HartTrack[] = [];
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
    this.tracks[tid] = { priv: hart.priv, privStart: hart.cycle, sleepStart: -1 };
    this.emit({ name: 'thread_name', ph: 'M', pid: 0, tid, args: { name: `hart ${tid}` } });
    this.emit({ name: 'thread_sort_index', ph: 'M', pid: 0, tid, args: { sort_index: tid } });
  }

  private span(tid: number, name: string, cat: string, from: number, to: number): void {
    if (to <= from) return;
    const ts = this.ts(from);
    this.emit({ name, cat, ph: 'X', pid: 0, tid, ts, dur: this.ts(to) - ts });
  }

  private instant(tid: number, name: string, cat: string, cycle: number, args: Args): void {
    this.emit({ name, cat, ph: 'i', s: 't', pid: 0, tid, ts: this.ts(cycle), args });
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
    if (isUipiSend(w)) {
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
      t.sleepStart = -1;
      t.privStart = now;
    }
    this.out.push('\n]}\n');
    this.out.flush();
  }
}
