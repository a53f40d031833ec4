// The Rocket model's timing code must cover the class of every instruction (a missing class
// surfaced once as an internal error at run time, on FENCE in OpenSBI): ask it for every row of
// the ISA table, as a block site and as an interpreter site.
import { describe, expect, it } from 'vitest';
import { Instructions } from '../../src/isa/opcodes';
import { RocketTimingModel } from '../../src/timing/rocket';
import { rocketMaxInsnCycles } from '../../src/timing/rocket-code';
import { parseUserProfile, rocketProfile } from '../../src/timing/profiles/index';
import { Machine } from '../../src/machine/machine';
import { buildWorkload, workloadParams } from '../../src/bench/runner';
import { chase, muldiv, sort, syscall } from '../../src/bench/workloads/index';

describe('Rocket timing code', () => {
  it('has code for the class of every instruction, in blocks and in the interpreter', () => {
    const model = new RocketTimingModel(rocketProfile(), 0);
    expect(Instructions.length).toBeGreaterThan(100); // RV64IMA, Zicsr, Zifencei, privileged, uipi
    for (const d of Instructions) {
      for (const at of [{ offset: 0, pageOffset: 0 }, undefined]) {
        const w = model.code.writer(0x8000_0000);
        const code = w.insn({
          cls: d.cls, rd: 5, rs1: 6, rs2: 7, len: 4, imm: 8, memWidth: 8, funct3: 0, rdMayBeZero: false,
          pc: 'pc', fetchPa: 'fpa', target: 'npc', at,
        });
        expect(code, d.name).toMatch(/now = /);
      }
    }
  });
});

describe('Rocket maxInsnCycles', () => {
  // Blocks entered at least len × maxInsnCycles below the cycle limit skip the per-instruction
  // limit test, so no retired instruction may cost more: check every instruction of workloads
  // that miss in the caches and TLBs, divide and walk page tables, with the default profile
  // and with a slow-memory one.
  it('bounds the cycles of every instruction the interpreter retires', () => {
    // Cycles between consecutive commits (a trap in between counted from its own report on).
    const slow = parseUserProfile({ extends: 'rocket', name: 'slow', memoryLatency: 300, dirtyWritebackCycles: 80, mmioLatency: 90 });
    for (const profile of [rocketProfile(), slow]) {
      const bound = rocketMaxInsnCycles(profile);
      for (const w of [chase, muldiv, syscall, sort]) {
        const machine = new Machine({ timing: profile, memBytes: 8 << 20 }, { console: () => undefined });
        machine.load(buildWorkload(w, workloadParams(w, 'quick')), w.name);
        const hart = machine.harts[0];
        hart.fast = false;
        let max = 0;
        let last = hart.cycle;
        hart.observer = {
          commit: (h) => {
            max = Math.max(max, h.cycle - last);
            last = h.cycle;
          },
          trap: (h) => {
            last = h.cycle;
          },
        };
        expect(machine.run({ maxInsns: 2_000_000 }).reason.kind, w.name).toBe('exit');
        expect(max, `${profile.name} ${w.name}`).toBeGreaterThan(profile.memoryLatency); // misses happened
        expect(max, `${profile.name} ${w.name}`).toBeLessThanOrEqual(bound);
      }
    }
  });
});
