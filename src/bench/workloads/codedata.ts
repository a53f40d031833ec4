/**
 * Code and data on one page: a loop whose variables (a counter table and a running checksum)
 * sit right after its instructions, in the same 4 KiB page and partly in the same 64-byte
 * lines, as firmware such as OpenSBI lays them out. Every iteration stores to that page. The
 * stores must never invalidate the code they do not touch (docs/cpu.md).
 */
import type { AsmWorkload } from '../workload';

export const codedata: AsmWorkload = {
  name: 'codedata',
  description: 'a loop storing to data that shares its page (and lines) with its code',
  harts: 1,
  sizes: { full: { ITERS: 2_000_000 }, quick: { ITERS: 2000 } },
  body: `
    .text
    .globl _start
_start:
    la s0, table
    li s1, ITERS
    li s2, 0
1:  andi t0, s1, 7
    slli t0, t0, 3
    add t0, t0, s0
    ld t1, 0(t0)            # table[i & 7] += 1
    addi t1, t1, 1
    sd t1, 0(t0)
    ld t2, 64(s0)           # checksum += i
    add t2, t2, s1
    sd t2, 64(s0)
    add s2, s2, s1
    addi s1, s1, -1
    bnez s1, 1b
    ld t2, 64(s0)
    li a0, 1
    bne t2, s2, fail        # checksum = ITERS + ... + 1
    li t3, 0
    li t4, 0
2:  slli t5, t4, 3
    add t5, t5, s0
    ld t6, 0(t5)
    add t3, t3, t6
    addi t4, t4, 1
    li t5, 8
    bne t4, t5, 2b
    li a0, 2
    li t5, ITERS
    bne t3, t5, fail        # every iteration counted once
    j pass
    .balign 8
table:                      # in .text: the same page (and line) as the loop
    .dword 0, 0, 0, 0, 0, 0, 0, 0
    .dword 0
`,
};
