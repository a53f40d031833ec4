// The benchmark workloads: each runs to a clean, self-checked exit in quick mode under both
// timing models, a corrupted expectation makes it fail, and instruction counts match loop trip
// counts × instructions per iteration counted by hand from the sources.
import { describe, expect, it } from 'vitest';
import { buildWorkload, prepareRun, selectWorkloads, BENCH_TIMINGS } from '../../src/bench/runner';
import type { AsmWorkload, WorkloadParams } from '../../src/bench/workload';
import { isAsmWorkload } from '../../src/bench/workload';
import { WORKLOADS, alu, chase, codedata, kcall, kcall2, mmio, syscall } from '../../src/bench/workloads/index';
import { RvnError } from '../../src/errors';

function run(w: AsmWorkload, params: WorkloadParams, timing: 'ideal' | 'rocket' = 'ideal') {
  return prepareRun(w, buildWorkload(w, params), timing, { maxInsns: 5e6 }).run();
}

describe('benchmark workloads (quick sizes)', () => {
  // (The boot-image workloads kipc and kipc2: test/bench/kipc.test.ts.)
  for (const w of WORKLOADS.filter(isAsmWorkload)) {
    for (const t of BENCH_TIMINGS) {
      it(`${w.name} passes its self-checks under ${t} timing`, () => {
        const o = run(w, w.sizes.quick, t);
        expect(o.result.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
        expect(o.passed).toBe(true);
      });
    }
  }

  it('a wrong expected value makes the alu workload fail check 2 (the sum)', () => {
    const broken: AsmWorkload = { ...alu, derive: (p) => ({ ...alu.derive!(p), EXP_A_LO: (Number(alu.derive!(p).EXP_A_LO) ^ 1) >>> 0 }) };
    const o = run(broken, alu.sizes.quick);
    expect(o.passed).toBe(false);
    expect(o.exitCode).toBe(2);
  });

  it('a wrong expected sum makes the chase workload fail check 2', () => {
    const broken: AsmWorkload = { ...chase, derive: (p) => ({ ...chase.derive!(p), EXP_SUM: 1 }) };
    const o = run(broken, chase.sizes.quick);
    expect(o.exitCode).toBe(2);
  });
});

describe('instruction counts from the loop bodies', () => {
  it('alu: 17 instructions per iteration (6 xorshift, 9 mixing, addi, bnez)', () => {
    const a = run(alu, { ITERS: 100 });
    const b = run(alu, { ITERS: 1100 });
    expect(b.instret - a.instret).toBe(17 * 1000);
  });

  it('chase: 5 instructions per step (ld, ld, add, addi, bnez), NODES steps per lap', () => {
    const a = run(chase, { NODES: 256, LAPS: 1 });
    const b = run(chase, { NODES: 256, LAPS: 5 });
    expect(b.instret - a.instret).toBe(5 * 256 * 4);
  });

  it('chase: building the list is 10 instructions per node', () => {
    const a = run(chase, { NODES: 256, LAPS: 1 });
    const b = run(chase, { NODES: 512, LAPS: 1 });
    // 256 more nodes: 10 per node to link them and 5 per node for the one extra lap of steps.
    expect(b.instret - a.instret).toBe((10 + 5) * 256);
  });

  it('syscall: 12 retired instructions per ecall round trip (ecall itself does not retire)', () => {
    // Privileged spec §3.3.1: ECALL raises an exception and is not considered to retire.
    // U: li a7, addi, bne, addi, bnez = 5; S handler: li, bne, csrr, addi, csrw, addi, sret = 7.
    const a = run(syscall, { ITERS: 100 });
    const b = run(syscall, { ITERS: 600 });
    expect(b.instret - a.instret).toBe(12 * 500);
  });

  it('kcall: 61 retired instructions per IPC round trip (two traps, two context switches)', () => {
    // Task A: addi, mv, li a7, addi, bne, addi, bnez = 7 (its ecall does not retire); task B:
    // addi, j = 2; the kernel per send: li, beq, csrrw, 5 sd, csrr, addi, sd, csrr, sd, ld,
    // ld, csrw satp, ld, csrw sepc, csrw sscratch, 5 ld, ld tp, sret = 26, twice.
    const a = run(kcall, { ITERS: 100 });
    const b = run(kcall, { ITERS: 600 });
    expect(b.instret - a.instret).toBe(61 * 500);
  });

  it('kcall2: 122 retired instructions per round trip across two harts', () => {
    // A: 7 (as in kcall); B: addi, li a7, j = 3. A send, per hart: S ecall path 16 (csrr,
    // bltz, li, beq, csrr, csrr, addi, sd, ld, sd, la = 2, sub, srli, li = 2), M IPI send 16
    // (csrr, bltz, li, bne, li = 2, bne, slli, lui, add, li, sw, csrr, addi, csrw, mret),
    // j s_idle, csrsi, wfi = 35; the receiving hart: M interrupt 9 (csrr, bltz, csrr, slli,
    // lui, add, sw, csrsi, mret) and S interrupt 12 (csrr, bltz, csrci, csrr, ld, ld, csrw,
    // li, csrc, csrci, li, sret) = 21. 7 + 35 + 21 + 3 + 35 + 21 = 122.
    const a = run(kcall2, { ITERS: 100 });
    const b = run(kcall2, { ITERS: 600 });
    expect(b.instret - a.instret).toBe(122 * 500);
  });

  it('mmio: 16 instructions per polling iteration (the loopback byte is there at once)', () => {
    const a = run(mmio, { ITERS: 100 });
    const b = run(mmio, { ITERS: 600 });
    expect(b.instret - a.instret).toBe(16 * 500);
  });

  it('codedata: 12 instructions per iteration, and the stores next to the code leave it valid', () => {
    const a = run(codedata, { ITERS: 100 });
    const b = run(codedata, { ITERS: 600 });
    expect(b.instret - a.instret).toBe(12 * 500);
    expect(b.passed).toBe(true);
  });

  it('the same workload gives the same counts on every run (determinism)', () => {
    const a = run(chase, chase.sizes.quick, 'rocket');
    const b = run(chase, chase.sizes.quick, 'rocket');
    expect(b.instret).toBe(a.instret);
    expect(b.cycles).toBe(a.cycles);
  });
});

describe('workload selection', () => {
  it('filters by name and rejects a filter that matches nothing with an RvnError', () => {
    expect(selectWorkloads('dhry').map((w) => w.name)).toEqual(['dhry']);
    expect(() => selectWorkloads('nonesuch')).toThrow(RvnError);
  });
});
