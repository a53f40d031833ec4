/**
 * Branchy sort: recursive quicksort (Hoare partition, middle pivot) of COUNT pseudo-random
 * signed 64-bit words. Checks: the result is ascending, and its sum and xor equal the input's.
 */
import type { AsmWorkload } from '../workload';

export const sort: AsmWorkload = {
  name: 'sort',
  description: 'recursive quicksort of pseudo-random 64-bit words',
  harts: 1,
  sizes: { full: { COUNT: 160_000 }, quick: { COUNT: 600 } },
  body: `
    .text
    .globl _start
_start:
    la sp, stack_top
    la s0, array
    li s1, COUNT
    # Fill with a 64-bit LCG (multiplier 0x5DEECE66D, increment 11: full period); keep the sum and xor of the input.
    li t0, 0x5DEECE66D
    li t1, 11
    li t2, 12345
    li s2, 0
    li s3, 0
    mv t3, s0
    mv t4, s1
fill:
    mul t2, t2, t0
    add t2, t2, t1
    sd t2, 0(t3)
    add s2, s2, t2
    xor s3, s3, t2
    addi t3, t3, 8
    addi t4, t4, -1
    bnez t4, fill
    # qsort(first, last)
    mv a0, s0
    slli a1, s1, 3
    add a1, a1, s0
    addi a1, a1, -8
    call qsort
    # Check: ascending, same sum, same xor.
    ld t2, 0(s0)
    mv t5, t2
    mv t6, t2
    addi t3, s0, 8
    addi t4, s1, -1
check:
    ld t0, 0(t3)
    li a0, 1
    blt t0, t2, fail
    mv t2, t0
    add t5, t5, t0
    xor t6, t6, t0
    addi t3, t3, 8
    addi t4, t4, -1
    bnez t4, check
    li a0, 2
    bne t5, s2, fail
    li a0, 3
    bne t6, s3, fail
    j pass

# qsort(a0 = address of the first element, a1 = address of the last), signed order.
qsort:
    bgeu a0, a1, 9f
    addi sp, sp, -32
    sd ra, 0(sp)
    sd s0, 8(sp)
    sd s1, 16(sp)
    sd s2, 24(sp)
    mv s0, a0
    mv s1, a1
    sub t0, s1, s0
    srli t0, t0, 4
    slli t0, t0, 3
    add t0, t0, s0
    ld t1, 0(t0)
    mv t2, s0
    mv t3, s1
1:  ld t4, 0(t2)
    bge t4, t1, 2f
    addi t2, t2, 8
    j 1b
2:  ld t5, 0(t3)
    ble t5, t1, 3f
    addi t3, t3, -8
    j 2b
3:  bgtu t2, t3, 4f
    sd t5, 0(t2)
    sd t4, 0(t3)
    addi t2, t2, 8
    addi t3, t3, -8
    bleu t2, t3, 1b
4:  mv s2, t2
    mv a0, s0
    mv a1, t3
    call qsort
    mv a0, s2
    mv a1, s1
    call qsort
    ld ra, 0(sp)
    ld s0, 8(sp)
    ld s1, 16(sp)
    ld s2, 24(sp)
    addi sp, sp, 32
9:  ret

    .bss
    .balign 16
stack:
    .zero 65536
stack_top:
array:
    .zero COUNT * 8
`,
};
