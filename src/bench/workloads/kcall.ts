/**
 * Kernel-style IPC on one hart: two U-mode tasks in two address spaces (two Sv39 roots mapping
 * the same RAM, U code through the 0xC000_0000 alias, as in `syscall`) and an S-mode kernel.
 * Task A sends a counter with ecall; the kernel saves A's context (s0-s3, a1, tp, sepc) in its
 * TCB, switches to B's address space (satp), restores B's context and srets into B with the
 * message in a0. B replies a0 + 1000 with ecall, and the kernel switches back the same way.
 * A checks every reply. Per round trip: 2 traps, 2 satp writes, 2 sret.
 */
import type { AsmWorkload } from '../workload';

export const kcall: AsmWorkload = {
  name: 'kcall',
  description: 'IPC ping-pong between two U tasks through an S-mode kernel (ecall, context switch with satp, sret)',
  harts: 1,
  sizes: { full: { ITERS: 400_000 }, quick: { ITERS: 300 } },
  body: `
    .equ U_ALIAS, 0x40000000
    .equ T_EPC, 40
    .equ T_TP, 48
    .equ T_OTHER, 56
    .equ T_SATP, 64
    .text
    .globl _start
_start:
    # satp values of the two address spaces, and the two TCBs pointing at each other.
    li t2, 0x8000000000000000
    la t0, root_a
    srli t0, t0, 12
    or t0, t0, t2
    la t3, tcb_a
    sd t0, T_SATP(t3)
    la t1, root_b
    srli t1, t1, 12
    or t1, t1, t2
    la t4, tcb_b
    sd t1, T_SATP(t4)
    sd t4, T_OTHER(t3)
    sd t3, T_OTHER(t4)
    la t5, task_b
    li t6, U_ALIAS
    add t5, t5, t6
    sd t5, T_EPC(t4)
    csrw satp, t0
    sfence.vma
    csrw sscratch, t3           # the running task's TCB
    li t0, 1 << 8
    csrw medeleg, t0            # ecall from U -> S
    la t0, s_trap
    csrw stvec, t0
    la t0, m_trap
    csrw mtvec, t0
    li t0, 3 << 11
    csrc mstatus, t0
    li t0, 1 << 11
    csrs mstatus, t0            # MPP = S
    la t0, s_start
    csrw mepc, t0
    mret

s_start:
    li t0, 1 << 8
    csrc sstatus, t0            # SPP = U
    la t0, task_a
    li t1, U_ALIAS
    add t0, t0, t1
    csrw sepc, t0
    sret

# --- the kernel: every U ecall is a send to the other task, except a7 = 93 (exit) ---------
    .balign 4
s_trap:
    li t0, 93
    beq a7, t0, s_exit
    csrrw tp, sscratch, tp      # tp = this task's TCB, sscratch = its tp
    sd s0, 0(tp)
    sd s1, 8(tp)
    sd s2, 16(tp)
    sd s3, 24(tp)
    sd a1, 32(tp)
    csrr t0, sepc
    addi t0, t0, 4
    sd t0, T_EPC(tp)
    csrr t0, sscratch
    sd t0, T_TP(tp)
    ld t1, T_OTHER(tp)          # switch to the other task
    ld t0, T_SATP(t1)
    csrw satp, t0
    ld t0, T_EPC(t1)
    csrw sepc, t0
    csrw sscratch, t1
    ld s0, 0(t1)
    ld s1, 8(t1)
    ld s2, 16(t1)
    ld s3, 24(t1)
    ld a1, 32(t1)
    ld tp, T_TP(t1)
    sret                        # a0 carries the message
s_exit:
    ecall                       # to M, which ends the run

# --- the tasks (U mode, through the alias) --------------------------------------------------
task_a:
    li s0, ITERS
    li s1, 0
1:  addi s1, s1, 1
    mv a0, s1
    li a7, 1
    ecall                       # send s1, receive the reply
    addi t0, s1, 1000
    bne a0, t0, 2f
    addi s0, s0, -1
    bnez s0, 1b
    li a7, 93                   # s1 = ITERS: exit
    ecall
2:  li a7, 94
    ecall

task_b:
    addi a0, a0, 1000
    ecall                       # reply, receive the next message
    j task_b

    .balign 4
m_trap:
    csrr t0, mcause
    li a0, 1
    li t1, 9                    # ecall from S
    bne t0, t1, fail
    li a0, 2
    li t1, 93
    bne a7, t1, fail
    li a0, 3
    li t1, ITERS
    bne s1, t1, fail
    j pass

    .data
    .balign 4096
root_a:
    .dword 0, 0
    .dword 0x200000CF           # VA 0x8000_0000: RAM, S (RWX, A, D)
    .dword 0x200000DF           # VA 0xC000_0000: the same RAM, U
    .zero 4096 - 32
root_b:
    .dword 0, 0
    .dword 0x200000CF
    .dword 0x200000DF
    .zero 4096 - 32
    .balign 64
tcb_a: .zero 72
    .balign 64
tcb_b: .zero 72
`,
};
