# rvn-fw: the M-mode firmware's entry, trap vector and hart parking: the part that must be
# assembly (stack set-up, register save/restore, mret). Everything else is sbi.ts.
#
# Every hart enters _start from the boot ROM with a0 = hart id, a1 = device tree. Each gets a
# 4 KiB M-mode stack; mscratch holds its top while the hart runs in S or U, and the trap
# vector swaps it with sp. Only the caller-saved registers are saved: the TypeScript handler
# preserves the others (LP64), and it reads and writes the saved a0..a7 in the frame.

    .equ MAX_HARTS, 8
    .equ STACK_SHIFT, 12            # 4 KiB per hart
    .equ FRAME, 256                 # x0..x31, 8 bytes each, indexed by register number

    .section .text.init
    .globl _start
_start:
    csrr    t0, mhartid
    li      t1, MAX_HARTS
    bgeu    t0, t1, fw_no_stack     # no stack for harts beyond MAX_HARTS
    call    fw_stack_top
    mv      sp, t1
    csrw    mscratch, sp
    la      t1, fw_trap
    csrw    mtvec, t1
    call    fw_main                 # (hart id, device tree): never returns
fw_no_stack:
    wfi
    j       fw_no_stack

# t1 = the stack top of hart t0 (leaf; clobbers t1, t2)
fw_stack_top:
    addi    t2, t0, 1
    slli    t2, t2, STACK_SHIFT
    la      t1, fw_stacks
    add     t1, t1, t2
    ret

# fw_park(hart id): drop whatever is on this hart's M stack and wait to be started (HSM).
    .text
    .globl fw_park
fw_park:
    mv      t0, a0
    call    fw_stack_top
    mv      sp, t1
    csrw    mscratch, sp
    call    fw_wait_for_start       # never returns
    j       fw_no_stack

# fw_enter_s(entry, a0, a1): mret to S-mode at entry with a0, a1 (the SBI boot protocol).
    .globl fw_enter_s
fw_enter_s:
    csrw    mepc, a0
    li      t0, 0x1800              # mstatus.MPP = S (01)
    csrc    mstatus, t0
    li      t0, 0x0800
    csrs    mstatus, t0
    mv      a0, a1
    mv      a1, a2
    li      ra, 0
    mret

# The trap vector (direct mode: mtvec is 4-byte aligned)
    .balign 4
    .globl fw_trap
fw_trap:
    csrrw   sp, mscratch, sp        # sp = this hart's M stack, mscratch = interrupted sp
    addi    sp, sp, -FRAME
    sd      ra, 8(sp)
    sd      t0, 40(sp)
    sd      t1, 48(sp)
    sd      t2, 56(sp)
    sd      a0, 80(sp)
    sd      a1, 88(sp)
    sd      a2, 96(sp)
    sd      a3, 104(sp)
    sd      a4, 112(sp)
    sd      a5, 120(sp)
    sd      a6, 128(sp)
    sd      a7, 136(sp)
    sd      t3, 224(sp)
    sd      t4, 232(sp)
    sd      t5, 240(sp)
    sd      t6, 248(sp)
    mv      a0, sp
    call    fw_handle_trap          # (frame)
    ld      ra, 8(sp)
    ld      t0, 40(sp)
    ld      t1, 48(sp)
    ld      t2, 56(sp)
    ld      a0, 80(sp)
    ld      a1, 88(sp)
    ld      a2, 96(sp)
    ld      a3, 104(sp)
    ld      a4, 112(sp)
    ld      a5, 120(sp)
    ld      a6, 128(sp)
    ld      a7, 136(sp)
    ld      t3, 224(sp)
    ld      t4, 232(sp)
    ld      t5, 240(sp)
    ld      t6, 248(sp)
    addi    sp, sp, FRAME
    csrrw   sp, mscratch, sp
    mret

    .bss
    .balign 16
fw_stacks:
    .zero   MAX_HARTS << STACK_SHIFT
