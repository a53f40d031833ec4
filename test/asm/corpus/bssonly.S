# No .data: .bss still starts at the next 4 KiB boundary (like `. = ALIGN(0x1000)` in ld).
  .text
  .globl _start
_start:
  la sp, stack_top
  la a0, greeting
  ret
  .bss
  .balign 16
stack:
  .space 4096
stack_top:
  .section .rodata
greeting:
  .asciz "hello"
