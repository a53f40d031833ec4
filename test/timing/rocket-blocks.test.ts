// The Rocket model's block-timing writer must have code for the class of every op the block
// translator may put in a block (a missing class surfaced once as an internal error at run
// time, on FENCE in OpenSBI): ask it for every such op of the ISA table.
import { describe, expect, it } from 'vitest';
import { Instructions } from '../../src/isa/opcodes';
import { translatable } from '../../src/cpu/blocks';
import { RocketTimingModel } from '../../src/timing/rocket';
import { rocketProfile } from '../../src/timing/profiles/index';

describe('Rocket block timing', () => {
  it('writes code for every translatable op', () => {
    const model = new RocketTimingModel(rocketProfile(), { walkPtes: () => 0 }, 0);
    const ops = Instructions.filter((d) => translatable(d.op));
    expect(ops.length).toBeGreaterThan(60); // RV64IMA: ALU, loads, stores, branches, jumps, M, A
    for (const d of ops) {
      const w = model.blockTiming.writer(0x8000_0000);
      const code = w.retire({ offset: 0, pageOffset: 0, len: 4, cls: d.cls, rd: 5, rs1: 6, rs2: 7, imm: 8, memWidth: 8 });
      expect(code, d.name).toMatch(/now = /);
    }
  });
});
