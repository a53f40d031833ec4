// Ops first met late in a run (docs/cpu.md, src/cpu/codegen/interp.ts "Gate"): after the
// interpreters' first 2^16 instructions a newly met op runs cold, in a function of its own, and
// joins the interpreter's switch once it makes up a share of what runs. Each op must give the
// same result on every path: the program warms up on addi/bne only, then runs ops it has not
// used yet (cold), then the same ops in a loop until they are promoted, checking each result
// against the value worked out by hand (RISC-V unprivileged ISA, RV64I/M) on every pass.
// (Module state per test file: vitest gives each file its own, so the gates start empty here.)
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import { idealProfile, rocketProfile } from '../../src/timing/profiles/index';
import { EXIT_ROUTINES } from '../../src/bench/workload';

const PROGRAM = `
    .text
    .globl _start
_start:
    li   s0, 40000          # warm-up: 80 000 instructions of addi/bne only
1:  addi s0, s0, -1
    bne  s0, zero, 1b
    li   s1, 3000           # then the checks, 3000 passes (cold first, then promoted)
    la   s2, data
check:
    li   t0, 0x0f0f
    li   t1, 0x00ff
    xor  t2, t0, t1         # 0x0ff0
    li   t3, 0x0ff0
    bne  t2, t3, fail
    slti t2, t0, -1         # 0x0f0f < -1 (signed): 0
    bne  t2, zero, fail
    sltiu t2, t0, -1        # 0x0f0f < 2^64-1 (unsigned): 1
    addi t2, t2, -1
    bne  t2, zero, fail
    li   t0, -256
    sraiw t2, t0, 4         # -16
    li   t3, -16
    bne  t2, t3, fail
    li   t0, 0x1234
    sb   t0, 0(s2)          # data[0] = 0x34
    lb   t2, 0(s2)
    li   t3, 0x34
    bne  t2, t3, fail
    li   t0, -2
    sh   t0, 2(s2)          # data[2..3] = 0xfffe
    lhu  t2, 2(s2)
    li   t3, 0xfffe
    bne  t2, t3, fail
    li   t0, 7
    li   t1, -3
    mul  t2, t0, t1         # -21
    li   t3, -21
    bne  t2, t3, fail
    li   t0, 100
    li   t1, 7
    divu t2, t0, t1         # 14
    remu t4, t0, t1         # 2
    li   t3, 14
    bne  t2, t3, fail
    li   t3, 2
    bne  t4, t3, fail
    li   t0, 5
    beq  t0, t0, 2f         # taken
    j    fail
2:  blt  t0, zero, fail     # not taken
    jal  ra, leaf           # returns 0x55 in t5
    li   t3, 0x55
    bne  t5, t3, fail
    addi s1, s1, -1
    bne  s1, zero, check
    j    pass
leaf:
    ori  t5, zero, 0x55
    jalr zero, 0(ra)
${EXIT_ROUTINES}
    .data
data: .dword 0
`;

function run(profile: 'ideal' | 'rocket', fast: boolean): { reason: string; instret: number; cycles: number } {
  const m = new Machine({ harts: 1, timing: profile === 'ideal' ? idealProfile() : rocketProfile(), memBytes: 8 << 20 }, { console: () => undefined });
  m.load(buildProgram([{ name: 'cold.S', text: PROGRAM }]), 'cold.S');
  m.harts[0].fast = fast;
  const r = m.run({ maxInsns: 5_000_000 });
  return { reason: JSON.stringify(r.reason), instret: m.harts[0].instret, cycles: m.harts[0].cycle };
}

describe('ops first met after the warm-up (cold, then promoted)', () => {
  const pass = JSON.stringify({ kind: 'exit', code: 0, source: 'test-device' });
  it('give the hand-computed results in reference mode, then in fast mode with the same counts', () => {
    const ref = run('rocket', false);
    expect(ref.reason).toBe(pass);
    const fast = run('rocket', true);
    expect(fast.reason).toBe(pass);
    expect(fast.instret).toBe(ref.instret);
    expect(fast.cycles).toBe(ref.cycles);
    // A later machine (the gates then hold what the first runs promoted) still passes.
    expect(run('ideal', false).reason).toBe(pass);
  });
});
