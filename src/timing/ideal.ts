/** The ideal model: one cycle per instruction (ECALL and EBREAK included), free traps, no events. */
import { TIMING_EVENT_COUNT } from './events';
import { InsnClass, type RetireRecord, type TimingModel } from './record';
import { HartSlot, type TimingCode, type TimingSite, type TimingWriter } from './timing-code';

/**
 * The cycle count follows the instructions charged: c0 (the count at entry) plus the
 * instructions retired; ECALL and EBREAK, charged but not retired, add one to c0.
 */
class UnitWriter implements TimingWriter {
  prologue(): string {
    return `let c0 = hs[${HartSlot.Cycle}];`;
  }
  bindings(): Record<string, unknown> {
    return {};
  }
  insn(site: TimingSite): string {
    return this.issue() + this.charge(site);
  }
  issue(): string {
    return '';
  }
  charge(site: TimingSite): string {
    return site.cls === InsnClass.Ecall || site.cls === InsnClass.Ebreak ? 'c0++;' : '';
  }
  cycleNow(retired: string): string {
    return `(c0 + ${retired})`;
  }
  overLimit(retired: string): string {
    return `c0 + ${retired} >= limit`;
  }
  hasRoom(cycles: number, retired: string): string {
    return `c0 + ${retired} + ${cycles} <= limit`;
  }
  sync(retired: string): string {
    return `hs[${HartSlot.Cycle}] = c0 + ${retired};`;
  }
  resync(): string {
    // A trap entry costs nothing; c0 is unchanged.
    return '';
  }
}

/**
 * Ideal blocks are small (no timing code), so they are translated earlier than Rocket's
 * (docs/performance-log.md: dhry loses 8 % of its instructions to the interpreter at 8192 entries;
 * OpenSBI's boot is no slower at 2048). A loop head after 16 rounds: at 128, a program that is
 * one hot loop (bench `alu`) ran enough of its rounds in the generated interpreter for V8 to
 * compile that (20-40 ms of CPU, more than the whole loop costs once translated), and the
 * interpreter, shared by the bench's machines, then deoptimised at the next machine's first
 * instruction (docs/performance-log.md, "alu ideal: a loop's end without a deopt").
 */
const UNIT_CODE: TimingCode = { maxInsnCycles: 1, maxBlock: 48, translateAfter: 2048, loopTranslateAfter: 16, writer: () => new UnitWriter() };

export class IdealTimingModel implements TimingModel {
  readonly events = new Float64Array(TIMING_EVENT_COUNT);
  readonly code = UNIT_CODE;
  constructor(readonly name: string) {}
  retire(_r: RetireRecord): number {
    return 1;
  }
  trap(): number {
    return 0;
  }
  reset(): void {
    this.events.fill(0);
  }
  attach(): void {
    // Nothing to ask a hart: the ideal model has no TLBs.
  }
}
