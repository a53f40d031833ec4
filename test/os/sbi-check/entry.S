# S-mode entry of the SBI check payload (linked at 0x80200000, the address OpenSBI's fw_jump
# and rvn-fw both jump to): a 4 KiB stack per hart, then check_main(hart, dtb) on the boot hart
# and secondary_main(hart, opaque) on harts started through HSM.
    .equ STACK_SHIFT, 12
    .section .text.init
    .globl _start
_start:
    la      sp, stacks
    addi    t0, a0, 1
    slli    t0, t0, STACK_SHIFT
    add     sp, sp, t0
    call    check_main
1:  wfi
    j       1b

    .text
    .globl secondary_entry
secondary_entry:
    la      sp, stacks
    addi    t0, a0, 1
    slli    t0, t0, STACK_SHIFT
    add     sp, sp, t0
    call    secondary_main
2:  wfi
    j       2b

    .bss
    .balign 16
stacks:
    .zero   8 << STACK_SHIFT
