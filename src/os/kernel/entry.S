# The kernel's entry points, the part that must be assembly: boot, the trap vector, and the
# return to user mode. seL4-style: a thread's user registers live in its TCB (regs[n] = xn,
# regs[0] = pc); each hart has one kernel stack, reset on every entry, so nothing of a thread
# stays on a kernel stack and a switch is just "restore another TCB".
#
# sscratch holds the current thread's TCB while the hart is in user mode and 0 while it is in
# the kernel, so a trap taken in S-mode (a kernel bug) is recognised and reported.
# Offsets (checked at boot, boot.ts checkLayout): Tcb.regs 0, Tcb.cpu 256, Cpu.kstackTop 0.

    .equ TCB_CPU, 256
    .equ MAX_HARTS, 8
    .equ KSTACK_SHIFT, 14
    .equ CAUSE_USER_ECALL, 8
    .equ SYS_CALL, 1
    .equ SYS_REPLY_RECV, 2

    .section .text.init
    .globl _start
# The boot hart, from the firmware: a0 = hart id, a1 = device tree. Firmware may send another
# hart here too: OpenSBI v1.1's HSM jumps a hart it is starting to its boot-time next_addr
# (this entry) instead of secondary_start when the hart wakes between the state change and the
# writing of the start address, and some firmware starts every hart here. So the first hart to
# arrive boots (a lottery, as Linux's head.S has); any other waits until the boot hart has
# built the system (kernel_ready) and starts as a secondary (a0 is its hart id either way).
_start:
    la      t0, boot_lottery
    li      t1, 1
    amoswap.w t1, t1, (t0)
    bnez    t1, 1f
    call    set_kernel_stack
    call    kmain                   # (hart, dtb): never returns
    j       halt
1:  la      t0, system_ready
2:  lw      t1, 0(t0)
    beqz    t1, 2b
    fence   r, rw
    j       secondary_start

# Other harts, started by the boot hart through SBI HSM: a0 = hart id.
    .text
    .globl secondary_start
secondary_start:
    call    set_kernel_stack
    call    kmain_secondary         # (hart): never returns
    j       halt

# kernel_ready(): the system is built; harts waiting in _start may start as secondaries
    .globl kernel_ready
kernel_ready:
    fence   rw, w
    la      t0, system_ready
    li      t1, 1
    sw      t1, 0(t0)
    ret

# sp = top of hart a0's kernel stack; stvec = trap_entry; sscratch = 0 (leaf, clobbers t0, t1)
set_kernel_stack:
    li      t0, MAX_HARTS
    bgeu    a0, t0, halt
    addi    t0, a0, 1
    slli    t0, t0, KSTACK_SHIFT
    la      sp, kernel_stacks
    add     sp, sp, t0
    la      t0, trap_entry
    csrw    stvec, t0
    csrw    sscratch, zero
    ret

halt:
    wfi
    j       halt

# The trap vector (direct mode). From user mode: save every register into the TCB, switch to
# the hart's kernel stack (tp = its Cpu), take the big kernel lock (lock.ts), then take the IPC
# fast path for Call and ReplyRecv with the message still in registers, or handle_trap for
# everything else.
    .balign 4
    .globl trap_entry
trap_entry:
    csrrw   t6, sscratch, t6        # t6 = current TCB, sscratch = user t6
    beqz    t6, kernel_trap
    sd      ra, 8(t6)
    sd      sp, 16(t6)
    sd      gp, 24(t6)
    sd      tp, 32(t6)
    sd      t0, 40(t6)
    sd      t1, 48(t6)
    sd      t2, 56(t6)
    sd      s0, 64(t6)
    sd      s1, 72(t6)
    sd      a0, 80(t6)
    sd      a1, 88(t6)
    sd      a2, 96(t6)
    sd      a3, 104(t6)
    sd      a4, 112(t6)
    sd      a5, 120(t6)
    sd      a6, 128(t6)
    sd      a7, 136(t6)
    sd      s2, 144(t6)
    sd      s3, 152(t6)
    sd      s4, 160(t6)
    sd      s5, 168(t6)
    sd      s6, 176(t6)
    sd      s7, 184(t6)
    sd      s8, 192(t6)
    sd      s9, 200(t6)
    sd      s10, 208(t6)
    sd      s11, 216(t6)
    sd      t3, 224(t6)
    sd      t4, 232(t6)
    sd      t5, 240(t6)
    csrrw   t5, sscratch, zero      # user t6; the hart is in the kernel now
    sd      t5, 248(t6)
    csrr    t5, sepc
    sd      t5, 0(t6)
    ld      tp, TCB_CPU(t6)
    ld      sp, 0(tp)               # Cpu.kstackTop
    la      t5, kernel_lock         # lock(): take a ticket, wait until it is served
    li      t4, 1
    amoadd.w.aqrl t4, t4, (t5)
    slli    t4, t4, 48
    srli    t4, t4, 48
4:  lw      t3, 4(t5)
    slli    t3, t3, 48
    srli    t3, t3, 48
    bne     t3, t4, 4b
    fence
    csrr    t5, scause
    li      t4, CAUSE_USER_ECALL
    bne     t5, t4, 1f
    li      t4, SYS_CALL
    beq     a7, t4, 2f
    li      t4, SYS_REPLY_RECV
    beq     a7, t4, 3f
1:  mv      a0, t6
    j       handle_trap             # (tcb)
2:  mv      a6, a0                  # fastpath_call(tcb, info, mr0..mr3, ep)
    mv      a0, t6
    j       fastpath_call
3:  mv      a7, a0                  # fastpath_reply_recv(tcb, info, mr0..mr3, reply, ep)
    mv      a0, t6
    j       fastpath_reply_recv

# A trap taken in the kernel: t6 = 0 and sscratch = the kernel's t6. Report and stop.
kernel_trap:
    csrrw   t6, sscratch, zero
    call    kernel_fault            # does not return
    j       halt

# restore_user(tcb): return to user mode as the thread whose TCB a0 points at.
    .globl restore_user
restore_user:
    ld      t0, 0(a0)
    csrw    sepc, t0
    csrw    sscratch, a0
    mv      t6, a0
    ld      ra, 8(t6)
    ld      sp, 16(t6)
    ld      gp, 24(t6)
    ld      tp, 32(t6)
    ld      t0, 40(t6)
    ld      t1, 48(t6)
    ld      t2, 56(t6)
    ld      s0, 64(t6)
    ld      s1, 72(t6)
    ld      a0, 80(t6)
    ld      a1, 88(t6)
    ld      a2, 96(t6)
    ld      a3, 104(t6)
    ld      a4, 112(t6)
    ld      a5, 120(t6)
    ld      a6, 128(t6)
    ld      a7, 136(t6)
    ld      s2, 144(t6)
    ld      s3, 152(t6)
    ld      s4, 160(t6)
    ld      s5, 168(t6)
    ld      s6, 176(t6)
    ld      s7, 184(t6)
    ld      s8, 192(t6)
    ld      s9, 200(t6)
    ld      s10, 208(t6)
    ld      s11, 216(t6)
    ld      t3, 224(t6)
    ld      t4, 232(t6)
    ld      t5, 240(t6)
    ld      t6, 248(t6)
    sret

    .bss
    .balign 4
boot_lottery:                       # 1 once a hart has taken the boot path
    .zero   4
system_ready:                       # 1 once kmain has built the system
    .zero   4
    .balign 16
    .globl kernel_stacks
kernel_stacks:
    .zero   MAX_HARTS << KSTACK_SHIFT
