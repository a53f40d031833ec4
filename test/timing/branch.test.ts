/**
 * Branch prediction of the Rocket profile, with hand-derived counts (docs/timing.md §Branch
 * prediction): a conditional branch is predicted taken only on a BTB hit with its 2-bit BHT
 * counter ≥ 2 (counters start at 0), the BTB learns a branch when it is taken, mispredict +3,
 * a JAL or a RAS-predicted return that misses the BTB +1.
 */
import { describe, expect, it } from 'vitest';
import { createTimingModel, parseTimingProfile, rocketProfile, TimingEvent, type TimingProfile } from '../../src/timing';
import { BranchPredictor, pcKey } from '../../src/timing/predictor';
import { alu, bareHost, modelOn, branch, jal, jalr, run } from './helpers';
import type { RetireRecord } from '../../src/timing/record';

const noHistory = (): TimingProfile => parseTimingProfile({ extends: 'rocket', bhtHistoryLength: 0, bhtHistoryHashBits: 0 });

/** addi x5,x5,-1 @0; bne x5,x0,0 @4 — `n` iterations, taken n−1 times. */
function countdownLoop(n: number): RetireRecord[] {
  const out: RetireRecord[] = [];
  for (let i = 1; i <= n; i++) out.push(alu(0, 5, 5), branch(4, i < n, 0));
  return out;
}

describe('conditional branches', () => {
  it('a counted loop: the 2-bit counter learns the back edge', () => {
    // Without global history the branch always uses one counter (c0 = 0):
    //  iter 1: BTB miss → predict not taken, taken: mispredict; c → 1; BTB learns it
    //  iter 2: c = 1 → not taken, taken: mispredict; c → 2
    //  iter 3..9: c ≥ 2 → taken ✓ (c saturates at 3)
    //  iter 10: predicted taken, falls through: mispredict; c → 2
    // 20 instructions + 40 (cold I$) + 3 × 3 = 69
    const m = modelOn(noHistory(), bareHost);
    expect(run(m, countdownLoop(10))).toBe(69);
    expect(m.events[TimingEvent.BranchMispredict]).toBe(3);
    // Second run of the loop: c = 2 → iterations 1..9 ✓, exit mispredicts: 20 + 3 = 23
    expect(run(m, countdownLoop(10))).toBe(23);
  });
  it('an alternating branch defeats a 2-bit counter without history', () => {
    //  T: BTB miss → mispredict, c 0→1;  N: c=1 predicts N ✓, c→0;  T: c=0 → mispredict …
    // every taken instance mispredicts: 20 branches (10 taken) → 20 + 40 + 10 × 3 = 90
    const prog = Array.from({ length: 20 }, (_, i) => branch(4, i % 2 === 0, 0x20));
    const m = modelOn(noHistory(), bareHost);
    expect(run(m, prog)).toBe(90);
    expect(m.events[TimingEvent.BranchMispredict]).toBe(10);
  });
  it('global history learns the alternation', () => {
    // With Rocket's history (8 bits, newest at the top, hashed to 3 bits by
    // (221·h)[7:5]), the two steady-state histories 0xAA (after T) and 0x55 (after N) hash to
    // (221·170 = 0x92C2)[7:5] = 6 and (221·85 = 0x4961)[7:5] = 3: separate counters, each
    // seeing a constant outcome. After a warm-up the pattern is predicted perfectly.
    const m = modelOn(rocketProfile(), bareHost);
    const alt = (k: number) => Array.from({ length: k }, (_, i) => branch(4, i % 2 === 0, 0x20));
    run(m, alt(40));
    const before = m.events[TimingEvent.BranchMispredict];
    expect(run(m, alt(20))).toBe(20);
    expect(m.events[TimingEvent.BranchMispredict]).toBe(before);
  });
  it('BHT index function (Rocket BHT.index)', () => {
    const bp = new BranchPredictor(rocketProfile());
    // history 0: hi = 0x80001234 >> 2 = 0x2000048d; hi[8:0] = 0x08d; hi[10:9] = 2 → 0x08f
    expect(bp.bhtIndex(0x80001234)).toBe(0x8f);
    // one taken branch: history = 0x80; (221·0x80 = 0x6e80)[7:5] = 4 → index ^ (4 << 6)
    bp.branch(pcKey(0x100), true, pcKey(0x200));
    expect(bp.bhtIndex(0x80001234)).toBe(0x8f ^ 0x100);
    // a second taken branch: history 0xc0: (221·0xc0 = 0xa5c0)[7:5] = 6 → ^ 0x180
    bp.branch(pcKey(0x100), true, pcKey(0x200));
    expect(bp.bhtIndex(0x80001234)).toBe(0x8f ^ 0x180);
  });
});

describe('BranchPredictor called directly (functions made from the rules\' code)', () => {
  it('BHT index with a history too long to tabulate (20 bits, hashed to 3)', () => {
    const bp = new BranchPredictor(parseTimingProfile({ extends: 'rocket', bhtHistoryLength: 20, bhtHistoryHashBits: 3 }));
    expect(bp.bhtIndex(0x80001234)).toBe(0x8f);
    // hashMul = floor(sqrt(3)/2 · 2^20) = 908093; history 0x80000: (908093 · 0x80000 mod 2^32)[19:17] = 4
    bp.branch(pcKey(0x100), true, pcKey(0x200));
    expect(bp.bhtIndex(0x80001234)).toBe(0x8f ^ (4 << 6));
    // history 0xc0000 → 6; then not taken: 0x60000 → 7
    bp.branch(pcKey(0x100), true, pcKey(0x200));
    expect(bp.bhtIndex(0x80001234)).toBe(0x8f ^ (6 << 6));
    bp.branch(pcKey(0x100), false, pcKey(0x200));
    expect(bp.bhtIndex(0x80001234)).toBe(0x8f ^ (7 << 6));
  });
  it('JALs whose pcs share a BTB bucket (8 KiB apart) are told apart; a full BTB evicts the least recent', () => {
    const bp = new BranchPredictor(rocketProfile());
    const a = 0x100, b = 0x100 + 0x2000, c = 0x100 + 0x4000;
    const jal = (pc: number): number => bp.jal(pc, 0, pc + 4, 0x400);
    expect([jal(a), jal(b), jal(a), jal(b), jal(c), jal(a), jal(c)]).toEqual([1, 1, 0, 0, 1, 0, 0]);
    expect(bp.events[TimingEvent.BtbMissBubble]).toBe(3);
    // 26 more pcs in other buckets fill the 28 entries; b, the least recently used, goes first.
    for (let k = 0; k < 26; k++) expect(jal(0x10000 + 8 * k)).toBe(1);
    expect([jal(a), jal(c)]).toEqual([0, 0]);
    expect(jal(0x20000)).toBe(1); // evicts b
    expect([jal(b), jal(a), jal(c)]).toEqual([1, 0, 0]);
  });
  it('JALR: calls push, returns pop (by the link-register hints), others use the BTB target', () => {
    const bp = new BranchPredictor(rocketProfile());
    // call jalr ra,0(a5) @0x200 → 0x300: BTB miss, no target known: mispredict 3; pushes 0x204
    expect(bp.jalr(0x200, 1, 15, 0x204, 0x300)).toBe(3);
    // ret @0x310 → 0x204: the RAS knows it, BTB miss: 1
    expect(bp.jalr(0x310, 0, 1, 0x314, 0x204)).toBe(1);
    // ret again, RAS empty: the BTB's last target 0x204: 0
    expect(bp.jalr(0x310, 0, 1, 0x314, 0x204)).toBe(0);
    // the call hits now (0); its return goes elsewhere (0x208 ≠ RAS top 0x204): 3
    expect(bp.jalr(0x200, 1, 15, 0x204, 0x300)).toBe(0);
    expect(bp.jalr(0x310, 0, 1, 0x314, 0x208)).toBe(3);
    // the call once more (hit: 0), RAS [0x204]
    expect(bp.jalr(0x200, 1, 15, 0x204, 0x300)).toBe(0);
    // jalr ra,0(ra) @0x400 → 0x500: a call only (rd = rs1: no pop), miss: 3; RAS [0x204, 0x404]
    expect(bp.jalr(0x400, 1, 1, 0x404, 0x500)).toBe(3);
    // jalr ra,0(t0) @0x410 → 0x404: pop (predicts 0x404 ✓) then push 0x414; BTB miss: 1
    expect(bp.jalr(0x410, 1, 5, 0x414, 0x404)).toBe(1);
    // ret @0x600 → 0x414 and ret @0x700 → 0x204, both from the RAS with a BTB miss: 1 each
    expect(bp.jalr(0x600, 0, 1, 0x604, 0x414)).toBe(1);
    expect(bp.jalr(0x700, 0, 1, 0x704, 0x204)).toBe(1);
    // ret @0x700 → 0x414: the RAS is empty, the BTB's target is 0x204: 3
    expect(bp.jalr(0x700, 0, 1, 0x704, 0x414)).toBe(3);
    expect(bp.events[TimingEvent.JumpMispredict]).toBe(4); // the four 3s above
    expect(bp.events[TimingEvent.BtbMissBubble]).toBe(4); // the four 1s
  });
});

describe('jumps, calls and returns', () => {
  // main@0: jal ra,f1; f_k@0x100·k: jal ra,f_{k+1} (k = 1..7); f8@0x800: ret; the returns
  // run at 0x704, 0x604, …, 0x104 (each the instruction after its call).
  function deepCalls(): RetireRecord[] {
    const out: RetireRecord[] = [];
    for (let k = 0; k < 8; k++) out.push(jal(0x100 * k, 1, 0x100 * (k + 1)));
    out.push(jalr(0x800, 0, 1, 0x704));
    for (let k = 7; k >= 1; k--) out.push(jalr(0x100 * k + 4, 0, 1, 0x100 * (k - 1) + 4));
    return out;
  }
  it('calls deeper than the 6-entry RAS', () => {
    // 16 instructions; 9 I$ lines (0x0, 0x100 … 0x800 are in distinct sets): 9 × 40
    // 8 JALs miss the BTB: 8 × 1
    // returns 1–6 are predicted by the RAS (0x704 … 0x204) but miss the BTB: 6 × 1
    // returns 7–8 (to 0x104 and 0x4) find the RAS empty (the oldest two pushes were
    // overwritten) and no BTB entry: 2 × 3
    // 16 + 360 + 8 + 6 + 6 = 396
    const m = modelOn(rocketProfile(), bareHost);
    expect(run(m, deepCalls())).toBe(396);
    expect(m.events[TimingEvent.BtbMissBubble]).toBe(14);
    expect(m.events[TimingEvent.JumpMispredict]).toBe(2);
    // Second time: all 16 jumps hit the BTB; returns 1–6 from the RAS, returns 7–8 from the
    // BTB target (RAS empty) which still holds last time's target: 16 cycles.
    expect(run(m, deepCalls())).toBe(16);
  });
  it('an indirect jump is predicted from its last target', () => {
    // jalr x0,0(a5) @0 alternating targets 0x40/0x80; 0x40 and 0x80: jal x0,0
    // 1st: BTB miss → mispredict 3 (I$ miss 40); 0x40: new line 40, JAL BTB miss 1;
    // 2nd jalr: target 0x80 ≠ 0x40 → 3; 0x80: line 40 + JAL bubble 1;
    // 3rd: 0x40 ≠ 0x80 → 3; 0x40 JAL hit.  6 insns + 3 × 40 + 3 × 3 + 2 = 137
    const prog = [
      jalr(0, 0, 15, 0x40), jal(0x40, 0, 0),
      jalr(0, 0, 15, 0x80), jal(0x80, 0, 0),
      jalr(0, 0, 15, 0x40), jal(0x40, 0, 0),
    ];
    expect(run(modelOn(rocketProfile(), bareHost), prog)).toBe(137);
  });
  it('using a JALR link register in the next instruction costs 1', () => {
    // jalr ra,0(a5) → 0x40 (BTB miss: mispredict +3, so the link is ready in time), then
    // again from the BTB (hit, no penalty): addi x6,ra right after → +1.
    // round 1: jalr 40+1+3, addi@0x40 40+1; round 2: jalr@0 1 (BTB hit), addi 1+1
    const prog = [jalr(0, 1, 15, 0x40), alu(0x40, 6, 1), jalr(0, 1, 15, 0x40), alu(0x40, 6, 1)];
    expect(run(modelOn(rocketProfile(), bareHost), prog)).toBe(44 + 41 + 1 + 2);
  });
});
