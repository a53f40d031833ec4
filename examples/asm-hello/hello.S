# The rvn demo in assembly (the TypeScript version is examples/demo): every hart (up to 8)
# says hello over the UART, taking turns with an atomic ticket, and hart 0 then reports the
# instructions and cycles it counted and powers off.
# Runs bare-metal in M-mode, entered from the boot ROM with a0 = hart id, a1 = device tree.

    .equ UART_THR, 0x10000000       # 16550A transmit holding register
    .equ UART_LSR, 0x10000005       # line status; bit 5 = transmit holding register empty
    .equ TEST_DEVICE, 0x100000      # sifive_test: 0x5555 = power off, exit status 0

    .text
    .globl _start
_start:
    csrr    s0, mhartid
    la      sp, stacks_end
    slli    t0, s0, 12              # 4 KiB of stack per hart
    sub     sp, sp, t0

    # Wait for our turn: the ticket counts the harts that have spoken.
    la      s1, ticket
1:  lw      t0, 0(s1)
    bne     t0, s0, 1b

    la      a0, hello
    call    puts
    mv      a0, s0
    call    putdec
    li      a0, '\n'
    call    putchar

    li      t0, 1
    amoadd.w zero, t0, (s1)         # pass the turn on
    bnez    s0, park

    # Hart 0 waits until the ticket has stood still for 5000 cycles: every hart has spoken.
2:  lw      s2, 0(s1)
    rdcycle t2
3:  rdcycle t3
    sub     t3, t3, t2
    li      t1, 5000
    bltu    t3, t1, 3b
    lw      t0, 0(s1)
    bne     t0, s2, 2b

report:
    mv      a0, s2
    call    putdec
    la      a0, said
    call    puts
    rdinstret s3
    rdcycle s4
    mv      a0, s3
    call    putdec
    la      a0, insns
    call    puts
    mv      a0, s4
    call    putdec
    la      a0, cycles
    call    puts
    li      t0, TEST_DEVICE
    li      t1, 0x5555
    sw      t1, 0(t0)
park:
    wfi
    j       park

# putchar(a0): wait for room in the UART, then send the byte.
putchar:
    li      t0, UART_LSR
5:  lbu     t1, 0(t0)
    andi    t1, t1, 0x20
    beqz    t1, 5b
    li      t0, UART_THR
    sb      a0, 0(t0)
    ret

# puts(a0 = NUL-terminated string)
puts:
    addi    sp, sp, -16
    sd      ra, 8(sp)
    sd      s0, 0(sp)
    mv      s0, a0
6:  lbu     a0, 0(s0)
    beqz    a0, 7f
    call    putchar
    addi    s0, s0, 1
    j       6b
7:  ld      s0, 0(sp)
    ld      ra, 8(sp)
    addi    sp, sp, 16
    ret

# putdec(a0 = unsigned number): print in decimal.
putdec:
    addi    sp, sp, -48
    sd      ra, 40(sp)
    addi    t2, sp, 32              # digits are written backwards from here
    sb      zero, 0(t2)
    li      t3, 10
8:  remu    t4, a0, t3
    divu    a0, a0, t3
    addi    t4, t4, '0'
    addi    t2, t2, -1
    sb      t4, 0(t2)
    bnez    a0, 8b
    mv      a0, t2
    call    puts
    ld      ra, 40(sp)
    addi    sp, sp, 48
    ret

    .section .rodata
hello:   .asciz "Hello from rvn, hart "
said:    .asciz " harts said hello; hart 0 counted "
insns:   .asciz " instructions and "
cycles:  .asciz " cycles\n"

    .data
    .balign 8
ticket: .word 0

    .bss
    .balign 16
stacks: .space 4096 * 8
stacks_end:
