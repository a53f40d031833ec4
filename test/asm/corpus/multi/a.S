# Two files linked together: calls, tail calls, data references and branches across files.
  .text
  .globl _start
  .type _start, @function
_start:
  la sp, stack_top
  call helper
  call t0, helper
  tail helper
  lla a0, message
  la a1, counter
.Lpc:
  auipc a4, %pcrel_hi(table)
  ld a5, %pcrel_lo(.Lpc)(a4)
  sd a5, %pcrel_lo(.Lpc)(a4)
  beqz a0, helper
  j helper
  jal helper
  .size _start, . - _start

  .section .rodata
message:
  .asciz "hello"

  .bss
  .align 4
stack:
  .space 256
stack_top:

  .text
  .globl symbol_access
symbol_access:
  ld a0, counter
  lw a1, counter + 4
  lbu a2, message
  sd a0, table, t0
  sw a1, counter, t1
  sb a2, table + 1, a3
  ret
