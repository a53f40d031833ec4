/**
 * MUL/DIV mix: per iteration an xorshift64 step, then signed, unsigned and 32-bit division
 * whose quotient and remainder must satisfy q*d + r == n (modulo 2^64 or 2^32), and a
 * mulh/mulhu accumulation. A wrong multiply or divide fails the identity.
 */
import type { AsmWorkload } from '../workload';

export const muldiv: AsmWorkload = {
  name: 'muldiv',
  description: 'div/rem/divu/remu/divw/remw identities and mulh/mulhu',
  harts: 1,
  sizes: { full: { ITERS: 1_000_000 }, quick: { ITERS: 1000 } },
  body: `
    .text
    .globl _start
_start:
    li s0, ITERS
    li s1, 0x1d2545f4914f6c
    li s2, 0
loop:
    slli t0, s1, 13
    xor s1, s1, t0
    srli t0, s1, 7
    xor s1, s1, t0
    slli t0, s1, 17
    xor s1, s1, t0
    # signed: d = (x >> 50) | 1, may be negative
    srai t1, s1, 50
    ori t1, t1, 1
    div t2, s1, t1
    rem t3, s1, t1
    mul t4, t2, t1
    add t4, t4, t3
    li a0, 1
    bne t4, s1, fail
    # unsigned: d = (x >> 37) | 1
    srli t1, s1, 37
    ori t1, t1, 1
    divu t2, s1, t1
    remu t3, s1, t1
    mul t4, t2, t1
    add t4, t4, t3
    li a0, 2
    bne t4, s1, fail
    # 32-bit: d = (x >> 45) | 1
    srai t1, s1, 45
    ori t1, t1, 1
    divw t2, s1, t1
    remw t3, s1, t1
    mulw t4, t2, t1
    addw t4, t4, t3
    sext.w t5, s1
    li a0, 3
    bne t4, t5, fail
    # high halves
    mulh t2, s1, s1
    mulhu t3, s1, t1
    add s2, s2, t2
    xor s2, s2, t3
    addi s0, s0, -1
    bnez s0, loop
    # mulh(x, x) >= 0 always: its top bit summed into s2 only through mulhu, so just
    # check that the accumulation ran (a zero result would mean mulh/mulhu gave zeros).
    li a0, 4
    beqz s2, fail
    j pass
`,
};
