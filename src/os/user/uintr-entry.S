# The user-interrupt entry of the minimal user runtime (utvec points here, direct mode): save
# the registers a call may clobber on the interrupted stack, take the pending bits (uipi READ,
# which also drops the UINTC's line), clear the software USIP bit, call the handler the program
# installed (uintr_handler, a function pointer: handler(bits)), restore, uret.
    .text
    .balign 4
    .globl uintr_entry
uintr_entry:
    addi    sp, sp, -128
    sd      ra, 0(sp)
    sd      t0, 8(sp)
    sd      t1, 16(sp)
    sd      t2, 24(sp)
    sd      a0, 32(sp)
    sd      a1, 40(sp)
    sd      a2, 48(sp)
    sd      a3, 56(sp)
    sd      a4, 64(sp)
    sd      a5, 72(sp)
    sd      a6, 80(sp)
    sd      a7, 88(sp)
    sd      t3, 96(sp)
    sd      t4, 104(sp)
    sd      t5, 112(sp)
    sd      t6, 120(sp)
    .insn r 0x7B, 6, 1, a0, x0, x0  # uipi READ a0: the pending bits, cleared
    csrci   0x044, 1                # uip.USIP (software bit)
    la      t0, uintr_handler
    ld      t0, 0(t0)
    beqz    t0, 1f
    jalr    t0
1:  ld      ra, 0(sp)
    ld      t0, 8(sp)
    ld      t1, 16(sp)
    ld      t2, 24(sp)
    ld      a0, 32(sp)
    ld      a1, 40(sp)
    ld      a2, 48(sp)
    ld      a3, 56(sp)
    ld      a4, 64(sp)
    ld      a5, 72(sp)
    ld      a6, 80(sp)
    ld      a7, 88(sp)
    ld      t3, 96(sp)
    ld      t4, 104(sp)
    ld      t5, 112(sp)
    ld      t6, 120(sp)
    addi    sp, sp, 128
    uret
