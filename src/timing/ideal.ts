/** The ideal model: one cycle per retired instruction, free traps, no events. */
import { TIMING_EVENT_COUNT } from './events';
import type { RetireRecord, TimingModel } from './record';
import type { BlockTiming, BlockTimingWriter } from './block-timing';

/** Translated blocks: one cycle per instruction, so h.cycle follows the retired count. */
const UNIT_WRITER: BlockTimingWriter = {
  prologue: () => 'const c0 = h.cycle;',
  retire: () => '',
  overLimit: (retired) => `c0 + ${retired} >= limit`,
  hasRoom: (cycles, retired) => `c0 + ${retired} + ${cycles} <= limit`,
  sync: (retired) => `h.cycle = c0 + ${retired};`,
  resync: () => '',
};
const UNIT_BLOCK_TIMING: BlockTiming = { maxInsnCycles: 1, maxBlock: 48, writer: () => UNIT_WRITER };

export class IdealTimingModel implements TimingModel {
  readonly events = new Float64Array(TIMING_EVENT_COUNT);
  readonly blockTiming = UNIT_BLOCK_TIMING;
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
