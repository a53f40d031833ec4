/**
 * User-interrupt ping-pong across two harts (UINTR, uintr.md), the pattern of
 * examples/uintr-pingpong: M mode arms each hart's UINTC receiver and sender table and drops to
 * U mode; ping sends a user interrupt with uipi and spins until its handler has counted the
 * answer; pong's handler answers with uipi. No kernel in the loop. Checks: every round trip
 * answered (ping's count and pong's count equal ROUNDS).
 */
import type { AsmWorkload } from '../workload';

export const uintr: AsmWorkload = {
  name: 'uintr',
  description: 'UINTR user-interrupt ping-pong between two harts (uipi, user trap, uret)',
  harts: 2,
  sizes: { full: { ROUNDS: 200_000 }, quick: { ROUNDS: 200 } },
  body: `
    .equ UINTC,       0x02F10000     # receiver i at UINTC + 0x20*i
    .equ UINTC_LOW,   0x08
    .equ CSR_USTATUS, 0x000
    .equ CSR_UIE,     0x004
    .equ CSR_UTVEC,   0x005
    .equ CSR_UIP,     0x044
    .equ CSR_SIDELEG, 0x103
    .equ CSR_SUIST,   0x1B0
    .equ CSR_SUIRS,   0x1B1

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
m_trap:                                   # an unexpected trap: check 1 fails
        li      a0, 1
        j       fail

# --- U mode: ping sends ROUNDS user interrupts, each answered by pong --------------------------
ping_main:
        la      s0, ready
4:      ld      t0, 8(s0)                 # wait until pong has armed its receiver
        beqz    t0, 4b
        la      s1, received
        li      s2, 0                     # round trips done
        li      s3, ROUNDS
5:      .insn r 0x7B, 6, 0, x0, zero, x0  # uipi SEND 0: entry 0 of the sender table -> pong
        addi    s2, s2, 1
6:      ld      t0, 0(s1)                 # wait for the answer
        bne     t0, s2, 6b
        bltu    s2, s3, 5b
        la      t0, answered              # pong answered every one
        ld      t1, 0(t0)
        li      a0, 2
        bne     t1, s3, fail
        j       pass

        .p2align 2
ping_handler:                             # the answer arrived
        .insn r 0x7B, 6, 1, s9, x0, x0    # uipi READ s9: read and clear the pending bits
        csrci   CSR_UIP, 1                # clear the software USIP bit (qemu mode latches it)
        la      s10, received
        ld      s11, 0(s10)
        addi    s11, s11, 1
        sd      s11, 0(s10)
        uret

# --- U mode: pong answers in its handler ---------------------------------------------------------
pong_main:
8:      j       8b

        .p2align 2
pong_handler:
        .insn r 0x7B, 6, 1, s9, x0, x0    # uipi READ s9
        csrci   CSR_UIP, 1
        la      s10, answered
        ld      s11, 0(s10)
        addi    s11, s11, 1
        sd      s11, 0(s10)
        .insn r 0x7B, 6, 0, x0, zero, x0  # uipi SEND 0: entry 0 -> ping
        uret

        .data
        .p2align 3
ready:    .dword 0, 0
received: .dword 0
answered: .dword 0
        .p2align 12
uist0:    .zero 4096
uist1:    .zero 4096
`,
};
