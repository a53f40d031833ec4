/**
 * Traps and system calls under Sv39: M-mode builds a two-entry Sv39 table (two 1 GiB pages:
 * VA 0x80000000 -> RAM for S-mode, VA 0xC0000000 -> the same RAM with U set), delegates
 * U-mode ecalls to S-mode and drops to S, which drops to U. U-mode ecalls ITERS times; the
 * S-mode handler returns a0 + 1. The final ecall asks S to exit, which it forwards to M.
 */
import type { AsmWorkload } from '../workload';

export const syscall: AsmWorkload = {
  name: 'syscall',
  description: 'U-mode ecall loop under Sv39, handled in S-mode (medeleg)',
  harts: 1,
  sizes: { full: { ITERS: 2_000_000 }, quick: { ITERS: 1000 } },
  body: `
    .equ U_ALIAS, 0x40000000
    .text
    .globl _start
_start:
    la t0, pt_root
    srli t0, t0, 12
    li t1, 0x8000000000000000
    or t0, t0, t1
    csrw satp, t0
    sfence.vma
    li t0, 1 << 8
    csrw medeleg, t0
    la t0, s_handler
    csrw stvec, t0
    la t0, m_handler
    csrw mtvec, t0
    li t0, 3 << 11
    csrc mstatus, t0
    li t0, 1 << 11
    csrs mstatus, t0
    la t0, s_entry
    csrw mepc, t0
    mret

s_entry:
    li t0, 1 << 8
    csrc sstatus, t0
    la t0, u_entry
    li t1, U_ALIAS
    add t0, t0, t1
    csrw sepc, t0
    sret

u_entry:
    li s0, ITERS
    li s1, 0
    li a0, 0
1:  li a7, 1
    ecall
    addi s1, s1, 1
    bne a0, s1, 2f
    addi s0, s0, -1
    bnez s0, 1b
    li a7, 93
    ecall
2:  li a7, 94
    ecall

    .balign 4
s_handler:
    li t0, 1
    bne a7, t0, 1f
    csrr t0, sepc
    addi t0, t0, 4
    csrw sepc, t0
    addi a0, a0, 1
    sret
1:  ecall

    .balign 4
m_handler:
    csrr t0, mcause
    li a0, 1
    li t1, 9
    bne t0, t1, fail
    li a0, 2
    li t1, 93
    bne a7, t1, fail
    j pass

    .data
    .balign 4096
pt_root:
    .dword 0, 0
    .dword 0x200000CF
    .dword 0x200000DF
    .zero 4096 - 32
`,
};
