// The Rocket model's block-timing writer must have code for the class of every op the block
// translator may put in a block (a missing class surfaced once as an internal error at run
// time, on FENCE in OpenSBI): ask it for every such op of the ISA table.
import { describe, expect, it } from 'vitest';
import { Instructions } from '../../src/isa/opcodes';
import { translatable } from '../../src/cpu/blocks';
import { RocketTimingModel } from '../../src/timing/rocket';
import { rocketMaxInsnCycles } from '../../src/timing/rocket-blocks';
import { parseUserProfile, rocketProfile } from '../../src/timing/profiles/index';
import { Machine } from '../../src/machine/machine';
import { buildWorkload, workloadParams } from '../../src/bench/runner';
import { chase, muldiv, sort, syscall } from '../../src/bench/workloads/index';

describe('Rocket block timing', () => {
  it('writes code for every translatable op', () => {
    const model = new RocketTimingModel(rocketProfile(), 0);
    const ops = Instructions.filter((d) => translatable(d.op));
    expect(ops.length).toBeGreaterThan(60); // RV64IMA: ALU, loads, stores, branches, jumps, M, A
    for (const d of ops) {
      const w = model.blockTiming.writer(0x8000_0000);
      const code = w.retire({ offset: 0, pageOffset: 0, len: 4, cls: d.cls, rd: 5, rs1: 6, rs2: 7, imm: 8, memWidth: 8 });
      expect(code, d.name).toMatch(/now = /);
    }
  });
});

describe('Rocket maxInsnCycles', () => {
  // Blocks entered at least len × maxInsnCycles below the cycle limit skip the per-instruction
  // limit test, so no retired instruction may cost more: check every instruction of workloads
  // that miss in the caches and TLBs, divide and walk page tables, with the default profile
  // and with a slow-memory one.
  it('bounds the cycles of every instruction the interpreter retires', () => {
    const slow = parseUserProfile({ extends: 'rocket', name: 'slow', memoryLatency: 300, dirtyWritebackCycles: 80, mmioLatency: 90 });
    for (const profile of [rocketProfile(), slow]) {
      const bound = rocketMaxInsnCycles(profile);
      for (const w of [chase, muldiv, syscall, sort]) {
        const machine = new Machine({ timing: profile, memBytes: 8 << 20 }, { console: () => undefined });
        machine.load(buildWorkload(w, workloadParams(w, 'quick')), w.name);
        const hart = machine.harts[0];
        hart.fast = false;
        const model = hart.timing;
        const retire = model.retire.bind(model);
        let max = 0;
        model.retire = (r) => {
          const c = retire(r);
          if (c > max) max = c;
          return c;
        };
        expect(machine.run({ maxInsns: 2_000_000 }).reason.kind, w.name).toBe('exit');
        expect(max, `${profile.name} ${w.name}`).toBeGreaterThan(profile.memoryLatency); // misses happened
        expect(max, `${profile.name} ${w.name}`).toBeLessThanOrEqual(bound);
      }
    }
  });
});
