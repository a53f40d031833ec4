# Start-up code for the TypeScript demo (examples/demo/hello.ts), in place of the guest
# runtime's crt0 (which has one stack, for one hart). Every hart enters here from the boot ROM:
# it takes its own stack by mhartid and calls main(hart id). Hart 0 then finishes through the
# runtime, rt_finish(exit code, instructions retired by main), which powers off; the other
# harts park in wfi (they must not exit: that would stop the machine under hart 0's feet).
    .equ MAX_HARTS, 8
    .equ STACK_BYTES, 8192          # per hart

    .section .text.init
    .globl _start
_start:
    csrr    s1, mhartid
    li      t0, MAX_HARTS
    bgeu    s1, t0, park            # no stack for harts beyond MAX_HARTS
    la      sp, __demo_stacks_end
    slli    t0, s1, 13              # hart id * STACK_BYTES
    sub     sp, sp, t0
    csrr    s0, minstret
    mv      a0, s1
    call    main
    bnez    s1, park
    csrr    a1, minstret
    sub     a1, a1, s0
    call    rt_finish               # does not return
park:
    wfi
    j       park

    .bss
    .balign 16
__demo_stacks:
    .zero   STACK_BYTES * MAX_HARTS
__demo_stacks_end:
