/**
 * Pipeline interlocks, mul/div, CSRs, traps and MMIO of the Rocket profile, with expected
 * cycle counts derived by hand from spec/timing.md and docs/timing.md. Every program below
 * fits in one 64-byte I$ line at pc 0, so it pays exactly one cold I$ miss (40 cycles), and
 * the Bare host makes translation free.
 */
import { describe, expect, it } from 'vitest';
import { createTimingModel, parseTimingProfile, rocketProfile, InsnClass, TrapKind, TimingEvent } from '../../src/timing';
import { alu, bareHost, modelOn, branch, csr, load, rec, run, store } from './helpers';

const rocket = () => modelOn(rocketProfile(), bareHost);
const MEM = 40; // memoryLatency
const ICOLD = MEM; // one cold I$ line

describe('load-use interlocks', () => {
  // ld x5,0(x10); ld x6,0(x5); ld x7,0(x6); addi x8,x7,1 — each load feeds the next.
  const chain = (width: number) => [
    load(0, 5, 10, 0x1000, width),
    load(4, 6, 5, 0x1008, width),
    load(8, 7, 6, 0x1010, width),
    alu(12, 8, 7),
  ];
  it('LD/LW/LWU: one bubble per dependent use', () => {
    // 4 instructions + I$ cold 40 + D$ cold 40 (one line) + 3 × 1 bubble = 87
    for (const w of [8, 4]) expect(run(rocket(), chain(w))).toBe(4 + ICOLD + MEM + 3);
    const lwu = chain(4).map((r) => ({ ...r, loadSigned: false }));
    expect(run(rocket(), lwu)).toBe(87);
  });
  it('LB/LBU/LH/LHU: two bubbles per dependent use', () => {
    // 4 + 40 + 40 + 3 × 2 = 90
    for (const w of [1, 2]) expect(run(rocket(), chain(w))).toBe(4 + ICOLD + MEM + 6);
  });
  it('an independent instruction between load and use hides the bubble', () => {
    // ld x5; addi x9 (independent); addi x8,x5 — LD result 2 cycles: no stall. 3 + 40 + 40
    const m = rocket();
    expect(run(m, [load(0, 5, 10, 0x1000, 8), alu(4, 9, 11), alu(8, 8, 5)])).toBe(3 + ICOLD + MEM);
    expect(m.events[TimingEvent.OperandStall]).toBe(0);
  });
  it('ALU results are fully bypassed', () => {
    // 8 dependent adds: 8 cycles + cold I$
    const prog = Array.from({ length: 8 }, (_, i) => alu(i * 4, 5, 5, 5));
    expect(run(rocket(), prog)).toBe(8 + ICOLD);
  });
  it('compressed instructions: 16-bit pcs in the same line', () => {
    const prog = Array.from({ length: 8 }, (_, i) => rec({ pc: i * 2, insnLen: 2, rd: 5, rs1: 5 }));
    expect(run(rocket(), prog)).toBe(8 + ICOLD);
  });
});

describe('multiply/divide unit in the pipeline', () => {
  const mul = (pc: number, rd: number, aLo: number, aHi = 0, cls = InsnClass.Mul) =>
    rec({ pc, cls, rd, rs1: 6, rs2: 7, aLo, aHi, mulDivFunct3: 0 });
  it('a consumer waits L + 1 cycles after the request', () => {
    // mul (rs1 = 0xff: L = 3), add x8,x5: mul issues at 40, result at 40 + 4 = 44;
    // add issues at 44 → ends 45.  = 2 + 40 + 3 bubbles
    expect(run(rocket(), [mul(0, 5, 0xff), alu(4, 8, 5)])).toBe(45);
    // full-width 64-bit multiplier (L = 9): 2 + 40 + 9 bubbles
    expect(run(rocket(), [mul(0, 5, -1, -1), alu(4, 8, 5)])).toBe(51);
    // MULW with a full low word (L = 5): 2 + 40 + 5
    expect(run(rocket(), [mul(0, 5, -1, -1, InsnClass.MulW), alu(4, 8, 5)])).toBe(47);
  });
  it('independent instructions overlap the multiply (scoreboard)', () => {
    // mul L = 9 issues at 40 (result 50); 5 independent adds at 41..45; consumer waits
    // until 50 → ends 51.  = 7 + 40 + 4 bubbles
    const prog = [mul(0, 5, -1, -1), ...[1, 2, 3, 4, 5].map((i) => alu(i * 4, 9 + i, 11)), alu(24, 8, 5)];
    expect(run(rocket(), prog)).toBe(51);
  });
  it('the unit is shared and blocking: a second mul waits for the first', () => {
    // mul x5 (L 3) at 40 → unit free at 44; mul x6 (independent, L 3) waits until 44,
    // result at 48; add x7,x6 at 48 → ends 49.  = 3 + 40 + 3 (busy) + 3 (operand)
    const m = rocket();
    expect(run(m, [mul(0, 5, 0xff), mul(4, 6, 0), alu(8, 7, 6)])).toBe(49);
    expect(m.events[TimingEvent.MulDivBusyStall]).toBe(3);
    expect(m.events[TimingEvent.OperandStall]).toBe(3);
  });
  it('divide latency depends on the operands', () => {
    // DIVU 100 / 7: L = 8 → consumer 8 bubbles: 2 + 40 + 8 = 50
    const divu = rec({ pc: 0, cls: InsnClass.Div, rd: 5, rs1: 6, rs2: 7, aLo: 100, bLo: 7, mulDivFunct3: 5 });
    expect(run(rocket(), [divu, alu(4, 8, 5)])).toBe(50);
    // DIVU by zero: L = 66 → 2 + 40 + 66 = 108
    expect(run(rocket(), [{ ...divu, bLo: 0 }, alu(4, 8, 5)])).toBe(108);
    // DIV −100 / 7 (signed, signs differ): L = 10 → 52
    expect(run(rocket(), [{ ...divu, aLo: -100, aHi: -1, mulDivFunct3: 4 }, alu(4, 8, 5)])).toBe(52);
  });
});

describe('CSRs', () => {
  it('CSR read result after 3 cycles', () => {
    // csrr x5, mcycle; addi x6, x5 → 2 bubbles: 2 + 40 + 2
    expect(run(rocket(), [csr(0, 0xb00, 5, 0, false), alu(4, 6, 5)])).toBe(44);
  });
  it('CSR writes flush (+5) except scratch/epc/cause/tval', () => {
    // 4 × csrw sstatus: 4 × (1 + 5) + 40 = 64
    const sstatus = [0, 4, 8, 12].map((pc) => csr(pc, 0x100, 0, 5, true));
    const m = rocket();
    expect(run(m, sstatus)).toBe(64);
    expect(m.events[TimingEvent.PipelineFlush]).toBe(4);
    // every no-flush CSR of the spec: 12 writes in 48 bytes (one I$ line): 12 + 40
    const nums = [0x140, 0x340, 0x040, 0x141, 0x341, 0x041, 0x142, 0x342, 0x042, 0x143, 0x343, 0x043];
    const prog = nums.map((n, i) => csr(i * 4, n, 0, 5, true));
    expect(run(rocket(), prog)).toBe(12 + ICOLD);
  });
  it('a CSR-write loop', () => {
    // loop: csrw CSR,x5 @0; addi x6,x6,-1 @4; bne x6,x0,loop @8 — 5 iterations.
    // Branch (no global history, see branch.test.ts): iterations 1 and 2 and the exit
    // mispredict: 3 × 3 = 9. Cold I$: 40.
    // sstatus (flushes): 5 × (6 + 1 + 1) + 40 + 9 = 89; mscratch: 5 × 3 + 40 + 9 = 64
    const loop = (num: number) => {
      const out = [];
      for (let i = 1; i <= 5; i++) out.push(csr(0, num, 0, 5, true), alu(4, 6, 6), branch(8, i < 5, 0, 6));
      return out;
    };
    const noHistory = parseTimingProfile({ extends: 'rocket', bhtHistoryLength: 0, bhtHistoryHashBits: 0 });
    expect(run(modelOn(noHistory, bareHost), loop(0x100))).toBe(89);
    expect(run(modelOn(noHistory, bareHost), loop(0x340))).toBe(64);
  });
  it('a CSR instruction that does not write does not flush', () => {
    // csrrs x5, sstatus, x0 (read only) ×3: each result unused → 3 + 40
    expect(run(rocket(), [0, 4, 8].map((pc) => csr(pc, 0x100, 5, 0, false)))).toBe(43);
  });
});

describe('traps', () => {
  it('ecall → handler → mret', () => {
    // ecall@0: I$ miss → issue 40, ends 41                           41
    // trap(Exception): +5                                               5
    // csrr t0,mepc @0x100: new I$ line → issue 46+40 = 86, ends 87     41
    // addi t0,t0,4: CSR result at 86+3 = 89 → issue 89, ends 90         3
    // csrw mepc,t0 (no flush): ends 91                                  1
    // mret: +5 → ends 97                                                6
    // addi @4 (line already cached): ends 98                            1
    const m = rocket();
    let total = m.retire(rec({ pc: 0, cls: InsnClass.Ecall, nextPc: 0x100 }));
    total += m.trap(TrapKind.Exception, 8);
    total += run(m, [
      csr(0x100, 0x341, 5, 0, false),
      alu(0x104, 5, 5),
      csr(0x108, 0x341, 0, 5, true),
      rec({ pc: 0x10c, cls: InsnClass.Xret, nextPc: 4 }),
      alu(4, 6, 6),
    ]);
    expect(total).toBe(98);
    expect(m.events[TimingEvent.Exception]).toBe(1);
  });
  it('interrupt entry costs 4, +3 through the PLIC, user interrupts 4', () => {
    const m = rocket();
    expect(m.trap(TrapKind.Interrupt, 7)).toBe(4);
    expect(m.trap(TrapKind.ExternalInterrupt, 11)).toBe(7);
    expect(m.trap(TrapKind.UserInterrupt, 0)).toBe(4);
    expect(m.events[TimingEvent.Interrupt]).toBe(2);
  });
  it('wfi and fence.i flush; fence.i also empties the I$', () => {
    // addi@0 (I$ miss, 41), fence.i@4 (1 + 5), addi@8 (refetch: I$ miss, 41) = 88
    const m = rocket();
    expect(run(m, [alu(0, 5, 5), rec({ pc: 4, cls: InsnClass.FenceI }), alu(8, 5, 5)])).toBe(41 + 6 + 41);
    expect(m.events[TimingEvent.IcacheMiss]).toBe(2);
    // wfi: 1 + 5 after the cold miss
    expect(run(rocket(), [rec({ pc: 0, cls: InsnClass.Wfi })])).toBe(46);
  });
});

describe('MMIO', () => {
  it('uncached device loads cost the fixed MMIO latency, blocking', () => {
    // 5 independent lw from a device: 5 × (1 + 20) + 40; then addi using the last load:
    // its result is ready 20 + 2 after issue, the add comes 21 after → 1 bubble: + 2
    const dev = 0x10000000;
    const prog = [0, 4, 8, 12, 16].map((pc) => ({ ...load(pc, 5, 10, dev, 4), memIsMmio: true }));
    const m = rocket();
    expect(run(m, [...prog, alu(20, 6, 5)])).toBe(5 * 21 + ICOLD + 2);
    expect(m.events[TimingEvent.MmioAccess]).toBe(5);
    expect(m.events[TimingEvent.DcacheMiss]).toBe(0);
  });
  it('device stores likewise', () => {
    const prog = [0, 4, 8].map((pc) => ({ ...store(pc, 10, 5, 0x10000000, 4), memIsMmio: true }));
    expect(run(rocket(), prog)).toBe(3 * 21 + ICOLD);
  });
});

describe('ideal profile', () => {
  it('every instruction 1 cycle, traps free, no events', async () => {
    const { idealProfile } = await import('../../src/timing');
    const m = modelOn(idealProfile(), bareHost);
    expect(m.name).toBe('ideal');
    const prog = [load(0, 5, 10, 0x1000, 1), alu(4, 6, 5), rec({ pc: 8, cls: InsnClass.Div, rd: 7, rs1: 6, bLo: 0 }), alu(12, 8, 7)];
    expect(run(m, prog)).toBe(4);
    expect(m.trap(TrapKind.Exception, 2)).toBe(0);
    expect(Array.from(m.events).every((e) => e === 0)).toBe(true);
  });
});
