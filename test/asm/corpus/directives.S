# Data directives, alignment, expressions, sections (incl. a riscv-tests style .tohost).
  .equ BASE, 0x1000
  .set COUNT, 3
  .equ MASK, ~0xff & 0xffff
  .text
  .globl _start
_start:
  li a0, BASE + COUNT * 4
  li a1, MASK
  li a2, BASE >> 4 | 1
  li a3, (BASE - 1) / 3 % 7
  li a4, -BASE
  li a5, 'A'
  addi a0, a0, %lo(0x12345678)
  lui a0, %hi(0x12345678)
  la a6, words
  la a7, tohost
  nop
  .align 4
  c_after_align: nop
  .byte 1
  .align 3
  nop
  .balign 8
  ret
  .p2align 4
  ret
  .balign 16, 0
  .word 0x12345678
  .type _start, @function
  .size _start, . - _start
  .file "directives.S"
  .ident "test"

  .section .rodata
str1: .ascii "ab", "c\n"
str2: .asciz "tab\there"
str3: .string "q\"\\\101\x42"
  .balign 4
  .half 0x1234, -1
  .short 7

  .data
words:
  .byte 1, 2, 0xff, -1, 'z'
  .half 0xbeef
  .align 2
  .word 0xdeadbeef, -2, end - words
  .dword 0x0123456789abcdef, words, words + 8
  .quad -1
  .zero 3
  .space 5, 0xaa
  .byte (1 << 7) - 1, 100 / 7, 100 % 7, 6 ^ 3, 6 & 3, 6 | 3
  .word BASE * COUNT
  .4byte 1
  .8byte 2
  .2byte 3
  .long 4
end:
  .section .tohost, "aw", @progbits
  .align 6
  .globl tohost
tohost: .dword 0
  .align 6
fromhost: .dword 0

  .bss
  .align 3
buf: .space 64
