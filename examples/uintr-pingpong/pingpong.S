# uintr-pingpong: two harts bounce a user interrupt through the UINTC, no kernel in the loop.
#
# Hart 0 ("ping") owns UINTC receiver 0, hart 1 ("pong") owns receiver 1. Each hart's sender
# table (UIST) has one valid entry, index 0, that points at the other hart's receiver.
# After M-mode setup both harts mret to U-mode:
#   ping: for ROUNDS times: uipi SEND 0, then spin until its handler has counted the answer.
#   pong: spins; its handler READs its pending bits, clears USIP and SENDs back.
# Ping then prints the round trips done and the average cycles per round trip on the UART
# (from U-mode) and powers the machine off through the test device. Needs 2 harts: when pong
# has not checked in within PONG_WAIT cycles, ping says so and exits with code 2.
#
# Link/load at 0x8000_0000; every hart enters with a0 = mhartid (QEMU-virt boot ROM).
# The user-interrupt handlers use only s9..s11, which the interrupted code never touches, so
# they need no register save area. Runs with the UINTC in both modes ('rocket' and 'qemu':
# LOW is written with mode = 64-bit, and the handlers clear the software USIP bit).

        .equ ROUNDS,      100
        .equ UINTC,       0x02F10000     # receiver i at UINTC + 0x20*i
        .equ UINTC_LOW,   0x08
        .equ UART,        0x10000000
        .equ TESTDEV,     0x00100000
        .equ PONG_WAIT,   1000000        # cycles ping waits for pong before it gives up

        .equ CSR_USTATUS, 0x000
        .equ CSR_UIE,     0x004
        .equ CSR_UTVEC,   0x005
        .equ CSR_UIP,     0x044
        .equ CSR_SIDELEG, 0x103
        .equ CSR_SUIST,   0x1B0
        .equ CSR_SUIRS,   0x1B1

# uipi forms (uintr.md §2): .insn r 0x7B, 0b110, funct7, rd, rs1, x0
#   SEND rs1: funct7 0      READ rd: funct7 1

        .section .text
        .globl _start
_start:
        csrr    t0, mhartid
        li      t1, 2
        bgeu    t0, t1, park              # only harts 0 and 1 play

        # --- M-mode setup, on each hart for itself ---
        # PMP: one NAPOT entry over everything, RWX, so U-mode reaches RAM and devices.
        li      t1, -1
        csrw    pmpaddr0, t1
        li      t1, 0x1F                  # A = NAPOT, X W R
        csrw    pmpcfg0, t1
        csrw    satp, zero                # Bare
        li      t1, 7
        csrw    mcounteren, t1            # U may read cycle, time, instret: M allows it,
        csrw    scounteren, t1            # and so must S (priv. spec 3.1.11)
        la      t1, m_trap
        csrw    mtvec, t1                 # anything unexpected ends the run with a message

        # UINTC receiver of this hart (index = hartid): LOW = hartid<<16 | mode 64 | active.
        li      t1, UINTC
        slli    t2, t0, 5
        add     t1, t1, t2
        slli    t2, t0, 16
        ori     t2, t2, 3
        sd      t2, UINTC_LOW(t1)

        # suirs = enable | index(=hartid)
        li      t1, 1
        slli    t1, t1, 63
        or      t2, t1, t0
        csrw    CSR_SUIRS, t2

        # Sender table of this hart: uist0 (hart 0) or uist1 (hart 1). Entry 0: valid,
        # vector 0, receiver = the other hart's index.
        la      t3, uist0
        beqz    t0, 1f
        la      t3, uist1
1:      xori    t2, t0, 1                 # the other hart
        slli    t2, t2, 48                # [63:48] receiver index, [31:16] vector 0
        ori     t2, t2, 1                 # [0] valid
        sd      t2, 0(t3)
        # suist = enable | size 1 page ([55:44]) | PPN
        srli    t2, t3, 12
        li      t4, 1
        slli    t4, t4, 44
        or      t2, t2, t4
        or      t2, t2, t1
        csrw    CSR_SUIST, t2

        # Delegate USIP M → S → U and enable it; user trap vector; UIE on.
        li      t1, 1
        csrs    mideleg, t1
        csrs    CSR_SIDELEG, t1
        csrs    mie, t1                   # USIE (uie is mie masked by sideleg)
        la      t1, ping_handler
        beqz    t0, 2f
        la      t1, pong_handler
2:      csrw    CSR_UTVEC, t1
        csrsi   CSR_USTATUS, 1            # UIE

        # Say "ready" and go to U-mode: MPP = U, mepc = the hart's user code.
        la      t1, ready
        slli    t2, t0, 3
        add     t1, t1, t2
        li      t2, 1
        sd      t2, 0(t1)
        li      t1, 0x1800
        csrc    mstatus, t1               # MPP ← 0 (U)
        la      t1, ping_main
        beqz    t0, 3f
        la      t1, pong_main
3:      csrw    mepc, t1
        mret

park:   wfi
        j       park

        .p2align 2
m_trap:                                   # an unexpected trap: report mcause, exit code 1
        la      a0, msg_trap
        call    puts
        csrr    a0, mcause
        call    putdec
        la      a0, msg_nl
        call    puts
        li      t0, TESTDEV
        li      t1, 0x13333               # sifive_test: fail with code 1
        sw      t1, 0(t0)
        j       m_trap

# ----------------------------------------------------------------------------- U-mode: ping
ping_main:
        la      s0, ready
        rdcycle s4
        li      s5, PONG_WAIT
4:      ld      t0, 8(s0)                 # wait until pong has armed its receiver
        bnez    t0, 13f
        rdcycle t1
        sub     t1, t1, s4
        bltu    t1, s5, 4b
        la      a0, msg_harts             # no pong: the machine has one hart
        call    puts
        li      t0, TESTDEV
        li      t1, 0x23333               # sifive_test: fail with code 2
        sw      t1, 0(t0)
14:     j       14b
13:
        la      s1, received
        li      s2, 0                     # round trips done
        li      s3, ROUNDS
        rdcycle s4
5:      .insn r 0x7B, 6, 0, x0, zero, x0  # uipi SEND 0: entry 0 of the sender table → pong
        addi    s2, s2, 1
6:      ld      t0, 0(s1)                 # wait for the answer
        bne     t0, s2, 6b
        bltu    s2, s3, 5b
        rdcycle s5
        sub     s5, s5, s4

        la      a0, msg_rounds
        call    puts
        mv      a0, s2
        call    putdec
        la      a0, msg_avg
        call    puts
        divu    a0, s5, s2
        call    putdec
        la      a0, msg_nl
        call    puts

        li      t0, TESTDEV
        li      t1, 0x5555                # sifive_test: pass, power off
        sw      t1, 0(t0)
7:      j       7b

        .p2align 2
ping_handler:                             # the answer arrived
        .insn r 0x7B, 6, 1, s9, x0, x0    # uipi READ s9: read and clear the pending bits
        csrci   CSR_UIP, 1                # clear the software USIP bit (qemu mode latches it)
        la      s10, received
        ld      s11, 0(s10)
        addi    s11, s11, 1
        sd      s11, 0(s10)
        uret

# ----------------------------------------------------------------------------- U-mode: pong
pong_main:
8:      j       8b                        # everything happens in the handler

        .p2align 2
pong_handler:
        .insn r 0x7B, 6, 1, s9, x0, x0    # uipi READ s9
        csrci   CSR_UIP, 1
        .insn r 0x7B, 6, 0, x0, zero, x0  # uipi SEND 0: entry 0 → ping
        uret

# ----------------------------------------------------------------------------- U-mode: UART
# puts(a0 = NUL-terminated string); putdec(a0 = unsigned value). Clobber t0..t3, a0, a1.
puts:
        li      t0, UART
9:      lbu     t1, 0(a0)
        beqz    t1, 11f
10:     lbu     t2, 5(t0)                 # LSR.THRE
        andi    t2, t2, 0x20
        beqz    t2, 10b
        sb      t1, 0(t0)
        addi    a0, a0, 1
        j       9b
11:     ret

putdec:
        la      a1, numbuf + 24
        sb      zero, 0(a1)
        li      t3, 10
12:     remu    t1, a0, t3
        divu    a0, a0, t3
        addi    t1, t1, '0'
        addi    a1, a1, -1
        sb      t1, 0(a1)
        bnez    a0, 12b
        mv      a0, a1
        j       puts

        .section .rodata
msg_rounds: .asciz "uintr-pingpong: round trips: "
msg_avg:    .asciz ", average cycles per round trip: "
msg_nl:     .asciz "\n"
msg_trap:   .asciz "uintr-pingpong: unexpected trap, mcause "
msg_harts:  .asciz "uintr-pingpong: needs 2 harts (run it with --harts 2)\n"

        .section .data
        .p2align 3
ready:    .dword 0, 0                     # per hart: reached U-mode setup
received: .dword 0                        # answers counted by ping_handler
numbuf:   .zero 32
        .p2align 12
uist0:    .zero 4096                      # hart 0's sender table (one page)
uist1:    .zero 4096                      # hart 1's sender table
