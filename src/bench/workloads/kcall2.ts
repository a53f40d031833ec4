/**
 * Kernel-style IPC across two harts: task A runs in U mode on hart 0, task B on hart 1, each
 * hart with its own S-mode kernel. A send is an ecall into the sender's kernel, which puts the
 * message in the receiver's mailbox and asks M mode (an SBI-style ecall) to send an IPI: M
 * writes the receiver's CLINT msip. The receiving hart, idle in WFI in its kernel, takes the
 * machine software interrupt, M turns it into a supervisor software interrupt (SSIP), and the
 * kernel hands the message to its task with sret. B replies a0 + 1000 the same way; A checks
 * every reply. Per round trip: 2 ecalls U->S, 2 ecalls S->M, 2 IPIs, 2 M and 2 S interrupts,
 * 2 sret to U, and the WFI idles in between (Bare translation; PMP is not enforced).
 */
import type { AsmWorkload } from '../workload';

export const kcall2: AsmWorkload = {
  name: 'kcall2',
  description: 'IPC ping-pong between U tasks on two harts: ecall, IPI through M mode, S-mode interrupt, sret',
  harts: 2,
  sizes: { full: { ITERS: 100_000 }, quick: { ITERS: 200 } },
  body: `
    .equ CLINT_MSIP, 0x02000000
    .equ SBI_IPI, 0x735049          # a7 of the S->M ecall that sends an IPI to hart a0
    .equ SBI_EXIT, 93
    .equ K_MSG, 0                   # per-hart kernel area: the mailbox
    .equ K_EPC, 8                   # the task's pc to resume at
    .equ K_PEER, 16                 # the other hart's kernel area
    .text
    .globl _start
_start:
    li t0, 2
    bgeu a0, t0, park
    la tp, kernel0
    la t1, kernel1
    beqz a0, 1f
    la tp, kernel1
    la t1, kernel0
1:  sd t1, K_PEER(tp)
    csrw sscratch, tp               # each hart's kernel area (S mode keeps it in sscratch)
    la t0, m_trap
    csrw mtvec, t0
    la t0, s_trap
    csrw stvec, t0
    li t0, 1 << 8
    csrw medeleg, t0                # ecall from U -> S
    li t0, 1 << 1
    csrw mideleg, t0                # supervisor software interrupts -> S
    li t0, 1 << 3
    csrw mie, t0                    # MSIE: IPIs reach M
    li t0, 1 << 1
    csrw sie, t0                    # SSIE
    li t0, 3 << 11
    csrc mstatus, t0
    li t0, 1 << 11
    csrs mstatus, t0                # MPP = S
    la t0, s_start
    csrw mepc, t0
    mret

s_start:
    csrr t0, sscratch
    beqz a0, 1f
    la t1, task_b                   # hart 1: B waits for the first message
    sd t1, K_EPC(t0)
    j s_idle
1:  la t1, task_a                   # hart 0: start A
    csrw sepc, t1
    li t1, 1 << 8
    csrc sstatus, t1                # SPP = U
    sret

# --- S mode: the kernel ----------------------------------------------------------------------
s_idle:
    csrsi sstatus, 2                # SIE: wait for an IPI
1:  wfi
    j 1b

    .balign 4
s_trap:
    csrr t0, scause
    bltz t0, s_ipi
    # ecall from U: a send (a7 = 1) or the end (a7 = 93)
    li t1, SBI_EXIT
    beq a7, t1, s_exit
    csrr t1, sscratch
    csrr t2, sepc
    addi t2, t2, 4
    sd t2, K_EPC(t1)                # resume the task after its ecall, with the reply
    ld t4, K_PEER(t1)
    sd a0, K_MSG(t4)                # the other hart's mailbox
    la t3, kernel0
    sub t3, t4, t3
    srli a0, t3, 6                  # its hart id (the areas are 64 bytes apart)
    li a7, SBI_IPI
    ecall                           # M sends the IPI
    j s_idle
s_ipi:
    csrci sip, 2                    # acknowledge the supervisor software interrupt
    csrr t1, sscratch
    ld a0, K_MSG(t1)
    ld t2, K_EPC(t1)
    csrw sepc, t2
    li t2, 1 << 8
    csrc sstatus, t2                # back to U (SPP = U), interrupts off in S until idle again
    csrci sstatus, 2
    li a7, 1
    sret
s_exit:
    li a7, SBI_EXIT
    ecall

# --- U mode: the tasks -------------------------------------------------------------------------
task_a:
    li s0, ITERS
    li s1, 0
1:  addi s1, s1, 1
    mv a0, s1
    li a7, 1
    ecall                           # send s1, receive the reply
    addi t0, s1, 1000
    bne a0, t0, 2f
    addi s0, s0, -1
    bnez s0, 1b
    li a7, SBI_EXIT
    ecall
2:  li a7, 94
    ecall

task_b:
    addi a0, a0, 1000
    li a7, 1
    ecall                           # reply, receive the next message
    j task_b

# --- M mode: IPIs and the end --------------------------------------------------------------
    .balign 4
m_trap:
    csrr t0, mcause
    bltz t0, m_ipi
    li t1, 9                        # ecall from S
    bne t0, t1, m_fail
    li t1, SBI_IPI
    bne a7, t1, m_end
    slli t1, a0, 2
    li t2, CLINT_MSIP
    add t1, t1, t2
    li t2, 1
    sw t2, 0(t1)                    # msip[a0] = 1
    csrr t1, mepc
    addi t1, t1, 4
    csrw mepc, t1
    mret
m_ipi:
    csrr t1, mhartid
    slli t1, t1, 2
    li t2, CLINT_MSIP
    add t1, t1, t2
    sw zero, 0(t1)                  # clear our msip
    csrsi mip, 2                    # and raise SSIP for the S-mode kernel
    mret
m_end:
    li a0, 2
    li t1, SBI_EXIT
    bne a7, t1, fail
    li a0, 3
    li t1, ITERS
    bne s1, t1, fail
    j pass
m_fail:
    li a0, 1
    j fail

park:
    wfi
    j park

    .data
    .balign 64
kernel0: .zero 64
kernel1: .zero 64
`,
};
