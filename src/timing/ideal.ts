/** The ideal model: one cycle per retired instruction, free traps, no events. */
import { TIMING_EVENT_COUNT } from './events';
import type { RetireRecord, TimingModel } from './record';

export class IdealTimingModel implements TimingModel {
  readonly events = new Float64Array(TIMING_EVENT_COUNT);
  readonly unitCost = true;
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
}
