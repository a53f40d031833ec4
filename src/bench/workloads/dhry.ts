/**
 * A Dhrystone-like mix, written for rvn: the classic benchmark's structure (record copies
 * through pointers, string copy and compare, small procedures with value and reference
 * parameters, array stores with computed indices, character and enumeration tests, integer
 * multiply/divide) expressed directly in assembly. Every iteration computes the same values,
 * so the checks at the end are constants worked out by hand (see the comments), plus one
 * array element incremented once per run (RUNS + 10).
 *
 * Record layout (56 bytes): 0 next (pointer), 8 discr (word), 12 kind (word), 16 value
 * (dword), 24 text (32 bytes).
 */
import type { AsmWorkload } from '../workload';

export const dhry: AsmWorkload = {
  name: 'dhry',
  description: 'Dhrystone-like mix: record copy, strcpy/strcmp, calls, arrays, mul/div',
  harts: 1,
  sizes: { full: { RUNS: 100_000 }, quick: { RUNS: 50 } },
  body: `
    .equ REC_NEXT, 0
    .equ REC_DISCR, 8
    .equ REC_KIND, 12
    .equ REC_VALUE, 16
    .equ REC_TEXT, 24
    .equ REC_SIZE, 56

    .text
    .globl _start
_start:
    la sp, stack_top
    # rec_a -> rec_b; rec_a: discr 0, kind 2, value 40, text "RVN MIX, SOME STRING"
    la t0, rec_a
    la t1, rec_b
    sd t1, REC_NEXT(t0)
    sw zero, REC_DISCR(t0)
    li t2, 2
    sw t2, REC_KIND(t0)
    li t2, 40
    sd t2, REC_VALUE(t0)
    addi a0, t0, REC_TEXT
    la a1, text_rec
    call str_copy
    la a0, str1_loc
    la a1, text_one
    call str_copy
    # arr2[8][7] = 10
    la t0, arr2
    li t2, (8 * 50 + 7) * 8
    add t0, t0, t2
    li t1, 10
    sd t1, 0(t0)
    li s0, 1
run_loop:
    call proc_five
    call proc_four
    li s1, 2                      # int1
    li s2, 3                      # int2
    la a0, str2_loc
    la a1, text_two
    call str_copy
    li s4, 1                      # kind_loc
    la a0, str1_loc
    la a1, str2_loc
    call str_compare
    snez s5, a0                   # bool_loc = strings differ (1)
1:  bge s1, s2, 2f                # while int1 < int2 (runs once)
    slli t0, s1, 2
    add t0, t0, s1
    sub s3, t0, s2                # int3 = 5 * int1 - int2 = 7
    mv a0, s1
    mv a1, s2
    call proc_seven               # int3 = int1 + int2 + 2 = 7
    mv s3, a0
    addi s1, s1, 1
    j 1b
2:  la a0, arr1
    la a1, arr2
    mv a2, s1
    mv a3, s3
    call proc_eight
    la a0, rec_a
    call proc_one
    li s6, 'A'                    # for ch = 'A' .. ch2_glob
3:  la t0, ch2_glob
    lbu t0, 0(t0)
    bgtu s6, t0, 4f
    mv a0, s6
    li a1, 'C'
    call func_one
    bne a0, s4, 5f                # never equal: func_one gives 0 ('A','B' != 'C')
    li s4, 0
5:  addi s6, s6, 1
    j 3b
4:  mul s2, s2, s1                # int2 = 3 * 3 = 9
    div s1, s2, s3                # int1 = 9 / 7 = 1
    sub t0, s2, s3
    slli t1, t0, 3
    sub t0, t1, t0
    sub s2, t0, s1                # int2 = 7 * (9 - 7) - 1 = 13
    mv a0, s1
    call proc_two                 # int1 = 1 + 10 - 1 - 5 = 5
    mv s1, a0
    addi s0, s0, 1
    li t0, RUNS
    ble s0, t0, run_loop

    # Checks (values every run computes, by hand from the procedures above).
    li a0, 1
    li t0, 5
    bne s1, t0, fail
    li a0, 2
    li t0, 13
    bne s2, t0, fail
    li a0, 3
    li t0, 7
    bne s3, t0, fail
    li a0, 4
    li t0, 1
    bne s5, t0, fail
    bne s4, t0, fail
    li a0, 5
    la t1, int_glob
    ld t1, 0(t1)
    li t0, 5
    bne t1, t0, fail
    li a0, 6
    la t1, bool_glob
    lw t1, 0(t1)
    li t0, 1
    bne t1, t0, fail
    li a0, 7
    la t1, arr1
    ld t2, 8 * 8(t1)              # arr1[8] = int3 = 7
    li t0, 7
    bne t2, t0, fail
    ld t2, 38 * 8(t1)             # arr1[38] = 8
    li t0, 8
    bne t2, t0, fail
    li a0, 8
    la t1, arr2
    li t2, (8 * 50 + 7) * 8
    add t1, t1, t2
    ld t2, 0(t1)                  # arr2[8][7] = RUNS + 10
    li t0, RUNS + 10
    bne t2, t0, fail
    li a0, 9
    la t1, rec_b
    ld t2, REC_VALUE(t1)          # proc_one: 6 -> proc_seven(6, 10) = 18
    li t0, 18
    bne t2, t0, fail
    lw t2, REC_KIND(t1)           # proc_six(2) = 1
    li t0, 1
    bne t2, t0, fail
    li a0, 10
    la a0, rec_a
    addi a0, a0, REC_TEXT
    la a1, text_rec
    call str_compare
    mv t0, a0
    li a0, 10
    bnez t0, fail
    j pass

# proc_one(a0 = record): copy *a0 to *a0.next, then update fields of both.
proc_one:
    addi sp, sp, -16
    sd ra, 0(sp)
    sd s0, 8(sp)
    mv s0, a0
    ld a1, REC_NEXT(s0)
    ld t0, 0(s0)                  # structure assignment: 7 doublewords
    ld t1, 8(s0)
    ld t2, 16(s0)
    ld t3, 24(s0)
    ld t4, 32(s0)
    ld t5, 40(s0)
    ld t6, 48(s0)
    sd t0, 0(a1)
    sd t1, 8(a1)
    sd t2, 16(a1)
    sd t3, 24(a1)
    sd t4, 32(a1)
    sd t5, 40(a1)
    sd t6, 48(a1)
    li t0, 5
    sd t0, REC_VALUE(s0)
    sd t0, REC_VALUE(a1)
    sd s0, REC_NEXT(a1)
    lw t0, REC_DISCR(a1)
    bnez t0, 1f
    li t0, 6
    sd t0, REC_VALUE(a1)
    lw a0, REC_KIND(s0)
    call proc_six
    ld a1, REC_NEXT(s0)
    sw a0, REC_KIND(a1)
    ld a0, REC_VALUE(a1)
    li a1, 10
    call proc_seven
    ld a1, REC_NEXT(s0)
    sd a0, REC_VALUE(a1)
    ld t0, REC_NEXT(a1)
    ld t0, REC_NEXT(t0)           # follow the pointer chain back to rec_b
    sd t0, REC_NEXT(a1)
1:  ld ra, 0(sp)
    ld s0, 8(sp)
    addi sp, sp, 16
    ret

# proc_two(a0 = int1) -> int1 + 10 - 1 - int_glob, when ch1_glob == 'A'.
proc_two:
    addi t0, a0, 10
    la t1, ch1_glob
    lbu t1, 0(t1)
    li t2, 'A'
    bne t1, t2, 1f
    addi t0, t0, -1
    la t1, int_glob
    ld t1, 0(t1)
    sub a0, t0, t1
1:  ret

proc_four:
    la t0, ch1_glob
    lbu t0, 0(t0)
    addi t0, t0, -'A'
    seqz t0, t0
    la t1, bool_glob
    lw t2, 0(t1)
    or t2, t2, t0
    sw t2, 0(t1)
    la t0, ch2_glob
    li t1, 'B'
    sb t1, 0(t0)
    ret

proc_five:
    la t0, ch1_glob
    li t1, 'A'
    sb t1, 0(t0)
    la t0, bool_glob
    sw zero, 0(t0)
    ret

# proc_six(a0 = kind) -> a table-free switch, as a compiler would emit it.
proc_six:
    li t0, 0
    beq a0, t0, 1f
    li t0, 1
    beq a0, t0, 2f
    li t0, 2
    beq a0, t0, 3f
    li t0, 4
    beq a0, t0, 4f
    mv a0, a0
    ret
1:  li a0, 0
    ret
2:  li a0, 3
    ret
3:  li a0, 1
    ret
4:  li a0, 2
    ret

# proc_seven(a0, a1) -> a0 + a1 + 2
proc_seven:
    addi t0, a0, 2
    add a0, t0, a1
    ret

# proc_eight(a0 = arr1, a1 = arr2, a2 = int1, a3 = int2)
proc_eight:
    addi t0, a2, 5                # loc = int1 + 5
    slli t1, t0, 3
    add t1, a0, t1                # &arr1[loc]
    sd a3, 0(t1)
    sd a3, 8(t1)
    sd t0, 30 * 8(t1)
    li t2, 50 * 8
    mul t2, t0, t2
    add t2, a1, t2                # &arr2[loc][0]
    slli t3, t0, 3
    add t3, t2, t3                # &arr2[loc][loc]
    sd t0, 0(t3)
    sd t0, 8(t3)
    ld t4, -8(t3)
    addi t4, t4, 1
    sd t4, -8(t3)
    ld t4, 0(t1)
    li t5, 20 * 50 * 8
    add t5, t3, t5
    sd t4, 0(t5)                  # arr2[loc + 20][loc] = arr1[loc]
    la t5, int_glob
    li t6, 5
    sd t6, 0(t5)
    ret

# func_one(a0 = ch1, a1 = ch2) -> 0 when they differ, else 1 (and stores ch1 in ch1_glob)
func_one:
    beq a0, a1, 1f
    li a0, 0
    ret
1:  la t0, ch1_glob
    sb a0, 0(t0)
    li a0, 1
    ret

# str_copy(a0 = dst, a1 = src): byte copy including the NUL
str_copy:
1:  lbu t0, 0(a1)
    sb t0, 0(a0)
    addi a1, a1, 1
    addi a0, a0, 1
    bnez t0, 1b
    ret

# str_compare(a0, a1) -> difference of the first differing bytes (0 when equal)
str_compare:
1:  lbu t0, 0(a0)
    lbu t1, 0(a1)
    bne t0, t1, 2f
    addi a0, a0, 1
    addi a1, a1, 1
    bnez t0, 1b
    li a0, 0
    ret
2:  sub a0, t0, t1
    ret

    .rodata
text_rec:
    .asciz "RVN MIX, SOME STRING"
text_one:
    .asciz "RVN MIXED WORKLOAD, FIRST TEXT"
text_two:
    .asciz "RVN MIXED WORKLOAD, OTHER TEXT"

    .data
    .balign 8
int_glob:
    .dword 0
bool_glob:
    .word 0
ch1_glob:
    .byte 0
ch2_glob:
    .byte 0
    .balign 8
rec_a:
    .zero REC_SIZE
rec_b:
    .zero REC_SIZE
str1_loc:
    .zero 32
str2_loc:
    .zero 32

    .bss
    .balign 16
arr1:
    .zero 50 * 8
arr2:
    .zero 50 * 50 * 8
stack:
    .zero 16384
stack_top:
`,
};
