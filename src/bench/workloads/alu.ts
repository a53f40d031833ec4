/**
 * Integer ALU loop: an xorshift64 generator feeding adds, shifts, compares and a 32-bit add.
 * The loop body is 17 instructions (counted in the test); results are checked against the
 * TypeScript reference model below.
 */
import type { AsmWorkload, WorkloadParams } from '../workload';

const SEED = 0x9e3779b97f4a7c15n;

/** NAME_LO and NAME_HI: the two 32-bit halves of a 64-bit value. */
function halves(name: string, v: bigint): Record<string, number> {
  return { [`${name}_LO`]: Number(BigInt.asUintN(32, v)), [`${name}_HI`]: Number(BigInt.asUintN(32, v >> 32n)) };
}
const M64 = (1n << 64n) - 1n;

/** Reference model of the loop (BigInt: runs once per build, never in the emulator). */
export function aluReference(iterations: number): { x: bigint; a: bigint; b: bigint } {
  let x = SEED;
  let a = 0n;
  let b = 0n;
  for (let i = 0; i < iterations; i++) {
    x ^= (x << 13n) & M64;
    x ^= x >> 7n;
    x ^= (x << 17n) & M64;
    a = (a + x) & M64;
    b = (b - (BigInt.asIntN(64, x) >> 3n)) & M64;
    b = (b + (a < x ? 1n : 0n)) & M64;
    b ^= x & 0xffn;
    b ^= BigInt.asUintN(64, BigInt.asIntN(32, (a + x) & 0xffffffffn));
  }
  return { x, a, b };
}

export const alu: AsmWorkload = {
  name: 'alu',
  description: 'xorshift64 + add/sub/shift/compare loop (17 instructions per iteration)',
  harts: 1,
  sizes: { full: { ITERS: 2_000_000 }, quick: { ITERS: 2000 } },
  derive: (p: WorkloadParams) => {
    const r = aluReference(p.ITERS);
    return { ...halves('SEED', SEED), ...halves('EXP_X', r.x), ...halves('EXP_A', r.a), ...halves('EXP_B', r.b) };
  },
  body: `
    .text
    .globl _start
_start:
    la s4, constants
    li s0, ITERS
    ld s1, 0(s4)
    li s2, 0
    li s3, 0
loop:
    slli t0, s1, 13
    xor s1, s1, t0
    srli t0, s1, 7
    xor s1, s1, t0
    slli t0, s1, 17
    xor s1, s1, t0
    add s2, s2, s1
    srai t1, s1, 3
    sub s3, s3, t1
    sltu t2, s2, s1
    add s3, s3, t2
    andi t3, s1, 0xff
    xor s3, s3, t3
    addw t4, s2, s1
    xor s3, s3, t4
    addi s0, s0, -1
    bnez s0, loop
    li a0, 1
    ld t0, 8(s4)
    bne s1, t0, fail
    li a0, 2
    ld t0, 16(s4)
    bne s2, t0, fail
    li a0, 3
    ld t0, 24(s4)
    bne s3, t0, fail
    j pass

    # 64-bit constants as data, written as 32-bit halves: when this workload was written the
    # project assembler lost the low bits of .equ values above 2^53 (no longer: li and .dword
    # of such a value assemble exactly). Kept as halves so the workload's bytes stay the same.
    .rodata
    .balign 8
constants:
    .word SEED_LO, SEED_HI, EXP_X_LO, EXP_X_HI, EXP_A_LO, EXP_A_HI, EXP_B_LO, EXP_B_HI
`,
};
