/**
 * AMO contention: HARTS harts each add 1 ITERS times to one counter with amoadd.d and to
 * another with an lr.d/sc.d retry loop, then report done with amoadd. Hart 0 waits for all
 * and checks both counters equal HARTS * ITERS.
 */
import type { AsmWorkload, WorkloadParams } from '../workload';

export const amo: AsmWorkload = {
  name: 'amo',
  description: 'amoadd.d and lr/sc increments of shared counters on 4 harts',
  harts: 4,
  sizes: { full: { ITERS: 1_000_000, HARTS: 4 }, quick: { ITERS: 500, HARTS: 4 } },
  derive: (p: WorkloadParams) => ({ TOTAL: p.ITERS * p.HARTS }),
  body: `
    .text
    .globl _start
_start:
    la s0, amo_counter
    la s1, lrsc_counter
    la s2, done
    li s3, ITERS
    li t1, 1
loop:
    amoadd.d zero, t1, (s0)
1:  lr.d t2, (s1)
    addi t2, t2, 1
    sc.d t3, t2, (s1)
    bnez t3, 1b
    addi s3, s3, -1
    bnez s3, loop
    amoadd.d zero, t1, (s2)
    bnez a0, park
    li t4, HARTS
wait:
    ld t0, 0(s2)
    bne t0, t4, wait
    li t5, TOTAL
    ld t0, 0(s0)
    li a0, 1
    bne t0, t5, fail
    ld t0, 0(s1)
    li a0, 2
    bne t0, t5, fail
    j pass
park:
    wfi
    j park

    .data
    .balign 64
amo_counter:
    .dword 0
    .balign 64
lrsc_counter:
    .dword 0
    .balign 64
done:
    .dword 0
`,
};
