/**
 * memcpy: PASSES copies of a BYTES-long buffer with an unrolled doubleword loop (4 loads,
 * 4 stores, 2 pointer increments, 1 branch = 11 instructions per 32 bytes), then a compare.
 */
import type { AsmWorkload } from '../workload';

export const memcpy: AsmWorkload = {
  name: 'memcpy',
  description: 'unrolled 8-byte copy of a 1 MiB buffer, repeated',
  harts: 1,
  sizes: { full: { BYTES: 1 << 20, PASSES: 80 }, quick: { BYTES: 4096, PASSES: 4 } },
  body: `
    .text
    .globl _start
_start:
    la s0, src
    la s1, dst
    li s2, BYTES
    # Fill the source with an LCG sequence.
    li t0, 0x5DEECE66D
    li t1, 11
    li t2, 99
    mv t3, s0
    add t4, s0, s2
fill:
    mul t2, t2, t0
    add t2, t2, t1
    sd t2, 0(t3)
    addi t3, t3, 8
    bltu t3, t4, fill
    li s3, PASSES
pass_loop:
    mv a0, s1
    mv a1, s0
    add a2, s0, s2
    call copy
    addi s3, s3, -1
    bnez s3, pass_loop
    # Compare.
    mv t3, s0
    mv t4, s1
    add t5, s0, s2
cmp:
    ld t0, 0(t3)
    ld t1, 0(t4)
    li a0, 1
    bne t0, t1, fail
    addi t3, t3, 8
    addi t4, t4, 8
    bltu t3, t5, cmp
    j pass

# copy(a0 = dst, a1 = src, a2 = src end); length a multiple of 32.
copy:
    ld t0, 0(a1)
    ld t1, 8(a1)
    ld t2, 16(a1)
    ld t3, 24(a1)
    sd t0, 0(a0)
    sd t1, 8(a0)
    sd t2, 16(a0)
    sd t3, 24(a0)
    addi a1, a1, 32
    addi a0, a0, 32
    bltu a1, a2, copy
    ret

    .bss
    .balign 64
src:
    .zero BYTES
dst:
    .zero BYTES
`,
};
