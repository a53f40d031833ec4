# The user runtime's user-interrupt entry (utvec, direct mode; executor.ts sets it up). tp is
# the thread's executor. Saves the five registers it uses on the interrupted stack, takes the
# pending bits (uipi READ, which also drops the UINTC's line), clears the software USIP bit,
# counts the interrupt, and turns every pending bit b whose coroutine is bound (vectorCid[b] =
# cid + 1) into a delayed wake-up of that coroutine (its bit in `delayed`, its word's bit in the
# summary: AMOs, as the executor takes them with amoswap), then returns. The executor applies
# the wake-ups before its next fetch.
    .equ EX_UINTR_TAKEN, 0
    .equ EX_SUMMARY, 8
    .equ EX_VECTOR_CID, 16
    .equ EX_DELAYED, 272

    .text
    .balign 4
    .globl runtime_uintr_entry
runtime_uintr_entry:
    addi    sp, sp, -48
    sd      t0, 0(sp)
    sd      t1, 8(sp)
    sd      t2, 16(sp)
    sd      t3, 24(sp)
    sd      t4, 32(sp)
    .insn r 0x7B, 6, 1, t0, x0, x0  # uipi READ t0: the pending bits, cleared
    csrci   0x044, 1                # uip.USIP (the software bit)
    ld      t1, EX_UINTR_TAKEN(tp)
    addi    t1, t1, 1
    sd      t1, EX_UINTR_TAKEN(tp)
    addi    t1, tp, EX_VECTOR_CID   # t1 = &vectorCid[b]
1:  beqz    t0, 3f
    andi    t2, t0, 1
    beqz    t2, 2f
    lwu     t2, 0(t1)               # cid + 1
    beqz    t2, 2f
    addi    t2, t2, -1
    srli    t3, t2, 6               # the word of the cid's bit
    li      t4, 1
    sll     t4, t4, t2              # its bit (sll takes the low 6 bits of the shift)
    slli    t2, t3, 3
    add     t2, t2, tp
    addi    t2, t2, EX_DELAYED
    amoor.d zero, t4, (t2)
    li      t4, 1
    sll     t4, t4, t3
    addi    t2, tp, EX_SUMMARY
    amoor.d zero, t4, (t2)
2:  srli    t0, t0, 1
    addi    t1, t1, 4
    j       1b
3:  ld      t0, 0(sp)
    ld      t1, 8(sp)
    ld      t2, 16(sp)
    ld      t3, 24(sp)
    ld      t4, 32(sp)
    addi    sp, sp, 48
    uret
