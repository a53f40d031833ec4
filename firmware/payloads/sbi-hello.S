# An S-mode payload for OpenSBI's fw_jump (loaded at 0x80200000): prints a line through the
# SBI legacy console, then shuts the machine down through the SBI System Reset extension.
# Entered with a0 = hart id, a1 = device tree address (SBI boot protocol).

    .equ SBI_LEGACY_PUTCHAR, 0x01
    .equ SBI_LEGACY_SHUTDOWN, 0x08
    .equ SBI_EXT_SRST, 0x53525354

    .text
    .globl _start
_start:
    la      sp, stack_top           # our own stack: sp on entry belongs to the firmware
    mv      s1, a0                  # keep the boot hart id
    la      a0, greeting
    call    puts
    addi    a0, s1, '0'             # the boot hart's id as one digit (harts 0..9)
    call    putchar
    li      a0, '\n'
    call    putchar

    li      a7, SBI_EXT_SRST        # sbi_system_reset(SHUTDOWN, NO_REASON)
    li      a6, 0
    li      a0, 0
    li      a1, 0
    ecall
    li      a7, SBI_LEGACY_SHUTDOWN # older firmware: the legacy call
    ecall
1:  wfi
    j       1b

# puts(a0 = NUL-terminated string)
puts:
    addi    sp, sp, -16
    sd      ra, 8(sp)
    sd      s0, 0(sp)
    mv      s0, a0
2:  lbu     a0, 0(s0)
    beqz    a0, 3f
    call    putchar
    addi    s0, s0, 1
    j       2b
3:  ld      s0, 0(sp)
    ld      ra, 8(sp)
    addi    sp, sp, 16
    ret

# putchar(a0 = byte) through the SBI legacy console extension
putchar:
    li      a7, SBI_LEGACY_PUTCHAR
    ecall
    ret

    .bss
    .balign 16
stack:
    .space  4096
stack_top:

    .section .rodata
greeting:
    .asciz  "rvn payload: hello from S-mode on hart "
