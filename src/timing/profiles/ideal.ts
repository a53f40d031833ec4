/**
 * The `ideal` profile: every instruction takes one cycle, no caches, no predictor, free traps
 * (what Spike and QEMU report as instruction counts). Device latencies are the smallest that
 * keep events ordered after their cause.
 */
import type { SourcedProfile } from './sourced';
import { rocketSourced } from './rocket';

const IDEAL = 'ideal model: no cost';

export const idealSourced: SourcedProfile = {
  ...rocketSourced,
  name: { value: 'ideal', source: 'profile name' },
  model: { value: 'ideal', source: 'one cycle per instruction (src/timing/ideal.ts)' },
  mmioLatency: { value: 0, source: IDEAL },
  uintcSendToInterruptCycles: { value: 1, source: 'ideal model: delivered on the next cycle' },
  clintIpiLatency: { value: 1, source: 'ideal model: delivered on the next cycle' },
  virtioNetFrameCycles: { value: 1, source: 'ideal model: a frame is done on the next cycle' },
  virtioNetBytesPerCycle: { value: 4096, source: 'ideal model: any frame in one more cycle' },
};
