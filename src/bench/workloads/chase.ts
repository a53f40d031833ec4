/**
 * Pointer chase: NODES 64-byte nodes (4 MiB in full size) linked in the order of the full-period
 * LCG i -> (25173 i + 13849) mod NODES (NODES a power of two: Hull–Dobell), walked LAPS times.
 * The walk is 5 instructions per step. Checks: the walk ends on the first node, and the sum of
 * the node numbers seen is LAPS * NODES * (NODES - 1) / 2.
 */
import type { AsmWorkload, WorkloadParams } from '../workload';

export const chase: AsmWorkload = {
  name: 'chase',
  description: 'linked-list walk over 4 MiB in pseudo-random order',
  harts: 1,
  sizes: { full: { NODES: 65536, LAPS: 90 }, quick: { NODES: 256, LAPS: 3 } },
  derive: (p: WorkloadParams) => ({
    STEPS: p.LAPS * p.NODES,
    EXP_SUM: (BigInt(p.LAPS) * BigInt(p.NODES) * BigInt(p.NODES - 1)) / 2n,
  }),
  body: `
    .text
    .globl _start
_start:
    la s0, nodes
    li s1, NODES
    li t0, 25173
    li t1, 13849
    addi t2, s1, -1
    li t3, 0
    mv t4, s0
link:
    mul t5, t3, t0
    add t5, t5, t1
    and t5, t5, t2
    slli t5, t5, 6
    add t5, t5, s0
    sd t5, 0(t4)
    sd t3, 8(t4)
    addi t4, t4, 64
    addi t3, t3, 1
    bne t3, s1, link
    mv a1, s0
    li a2, 0
    li a3, STEPS
walk:
    ld t0, 8(a1)
    ld a1, 0(a1)
    add a2, a2, t0
    addi a3, a3, -1
    bnez a3, walk
    li a0, 1
    bne a1, s0, fail
    li a0, 2
    li t0, EXP_SUM
    bne a2, t0, fail
    j pass

    .bss
    .balign 64
nodes:
    .zero NODES * 64
`,
};
