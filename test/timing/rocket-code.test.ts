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
import { InsnClass } from '../../src/timing/record';
import { alu, bareHost, modelOn, rec, run } from './helpers';

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

// A new block's fetch sites start as having fetched when the model says a fetch of their line
// would be a hit that changes nothing (rocket-code.ts bindings()): Bare fetch and the line held
// by the I$ (64-byte lines, 16 KiB, 4 ways in the Rocket profile). The probe itself must change
// nothing: the same records cost the same cycles and events with and without probes between them.
describe('Rocket heldFetchEpoch', () => {
  const line = (base: number, n: number) => Array.from({ length: n }, (_, k) => alu(base + 4 * k, 5));
  it('is the fetch epoch only for a held line under Bare fetch, NaN otherwise', () => {
    const m = modelOn(rocketProfile(), bareHost) as RocketTimingModel;
    expect(m.heldFetchEpoch(0x8000_0000)).toBeNaN(); // nothing fetched yet, translation not known
    run(m, line(0x8000_0000, 4));
    const epoch = m.fetchEpoch;
    expect(epoch).not.toBeNaN();
    expect(m.heldFetchEpoch(0x8000_0000)).toBe(epoch);
    expect(m.heldFetchEpoch(0x8000_003c)).toBe(epoch); // same 64-byte line
    expect(m.heldFetchEpoch(0x8000_0040)).toBeNaN(); // next line, never fetched
    // 16 KiB later: the same set, not held
    expect(m.heldFetchEpoch(0x8000_4000)).toBeNaN();
    run(m, [rec({ pc: 0x8000_0010, cls: InsnClass.FenceI })]);
    expect(m.heldFetchEpoch(0x8000_0000)).toBeNaN(); // the I$ was emptied and translation forgotten
  });
  it('stays the same across a fill that evicts no line, and changes at one that does', () => {
    // Right after fence.i the I$ is empty: the next lines fill invalid ways, whatever the
    // random victim, and every line fetched before stays held (the epoch need not change). A
    // set holds 4 lines: the 5th line of one set (16 KiB apart) must evict one of them.
    const m = modelOn(rocketProfile(), bareHost) as RocketTimingModel;
    run(m, [rec({ pc: 0x8000_0000, cls: InsnClass.FenceI })]);
    run(m, line(0x8000_0000, 1));
    const epoch = m.fetchEpoch;
    expect(epoch).not.toBeNaN();
    run(m, line(0x8000_0040, 1)); // another set
    expect(m.fetchEpoch).toBe(epoch);
    expect(m.heldFetchEpoch(0x8000_0000)).toBe(epoch);
    // Four more lines of the first line's set: five lines in 4 ways, so at least one fill
    // evicted a valid line (the random victim may have been one before the last).
    for (const k of [1, 2, 3, 4]) run(m, line(0x8000_0000 + k * 0x4000, 1));
    expect(m.fetchEpoch).not.toBe(epoch);
  });
  it('changes no state', () => {
    // Four lines of one set and a fifth that evicts one of them (random victim): the victim
    // choice, the misses and the cycles must not depend on probes in between.
    const prog = [0, 1, 2, 3, 4, 0, 1, 2, 3, 4].flatMap((k) => line(0x8000_0000 + k * 0x4000, 2));
    const plain = modelOn(rocketProfile(), bareHost) as RocketTimingModel;
    const probed = modelOn(rocketProfile(), bareHost) as RocketTimingModel;
    let a = 0;
    let b = 0;
    for (const r of prog) {
      a += plain.retire(r);
      for (let k = 0; k < 5; k++) probed.heldFetchEpoch(0x8000_0000 + k * 0x4000);
      b += probed.retire(r);
    }
    expect(b).toBe(a);
    expect(a).toBeGreaterThan(5 * 40); // the misses happened
    expect([...probed.events]).toEqual([...plain.events]);
  });
});
