// The demo experiment's point runner against the Rocket model as docs/timing.md describes it:
// a dependent LD issues 2 cycles after the previous one (latency 2), a D$ miss adds 40 cycles
// and blocks; one round of the chase loop (8 LDs, ADDI, BNEZ predicted taken) is 8·2 − 1 + 1 + 1
// = 17 cycles (the ADDI fills the last LD's bubble), plus 40 per miss.
import { describe, expect, it } from 'vitest';
import type { PointContext } from '../../src/experiment/contract';
import { DEMO_SWEEP, demoExperiment } from '../../src/experiment/demo/experiment';
import { builtinProfile } from '../../src/timing/profiles/index';

function ctx(timing: 'rocket' | 'ideal'): PointContext {
  return {
    size: 'quick',
    emulator: { timing, uintc: 'rocket', quantum: 10 },
    machineOptions: () => ({ timing: builtinProfile(timing) }),
    image: () => Promise.reject(new Error('the demo needs no image')),
  };
}

describe('demo experiment', () => {
  it('cycles = 17 per round of 8 loads + 40 per D$ miss (within the rdcycle/CSR overhead)', async () => {
    const accesses = DEMO_SWEEP.accesses.quick;
    for (const [stride, wsKiB] of [[64, 4], [64, 64], [8, 64]]) {
      const [row] = await demoExperiment.runPoint({ stride, wsKiB }, ctx('rocket'));
      expect(row.accesses).toBe(accesses);
      expect(row.instructions).toBe(accesses + (2 * accesses) / 8 + 3); // loads, ADDI+BNEZ per round, 3 counter reads
      const expected = 17 * (accesses / 8) + 40 * row.dcacheMisses;
      expect(Math.abs(row.cycles - expected), `stride ${stride}, ${wsKiB} KiB`).toBeLessThan(64);
    }
  });

  it('a working set that fits the 16 KiB D$ never misses after the warm-up lap; 64 KiB at stride 64 nearly always does', async () => {
    const [fits] = await demoExperiment.runPoint({ stride: 64, wsKiB: 4 }, ctx('rocket'));
    expect(fits.dcacheMisses).toBe(0);
    const [spills] = await demoExperiment.runPoint({ stride: 64, wsKiB: 64 }, ctx('rocket'));
    expect(spills.missesPerAccess).toBeGreaterThan(0.9);
    const [eighth] = await demoExperiment.runPoint({ stride: 8, wsKiB: 64 }, ctx('rocket'));
    expect(eighth.missesPerAccess).toBeGreaterThan(0.9 / 8);
    expect(eighth.missesPerAccess).toBeLessThanOrEqual(1 / 8);
  });

  it('under --timing ideal every instruction is one cycle, so claim D1 is not reproduced', async () => {
    const rows = [];
    for (const p of demoExperiment.points('quick')) rows.push(...(await demoExperiment.runPoint(p, ctx('ideal'))));
    // The rdinstret pair encloses the rdcycle pair and the two reads between them: 2 instructions more.
    for (const r of rows) expect(r.cycles).toBe(r.instructions - 2);
    expect(demoExperiment.claims(rows)[0].verdict).toBe('not reproduced');
  });
});
