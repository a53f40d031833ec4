# .if and friends, expressions with comparisons and logical operators (true is -1), label
# differences known while reading, and unsigned shifts.
  .text
  .globl _start
_start:
  .equ MODE, 2
  .if MODE == 1
  li a0, 1
  .elseif MODE == 2
  li a0, 2
  .else
  li a0, 3
  .endif
  .ifdef MODE
  li a1, 1
  .endif
  .ifndef NOPE
  li a1, 2
  .endif
  .ifc abc, abc
  li a2, 1
  .endif
  .ifnc abc, abd
  li a2, 2
  .endif
  .ifeq MODE - 2
  li a3, 1
  .endif
  .ifne MODE
  li a3, 2
  .endif
  .ifge -1
  li a3, 3
  .endif
  .ifgt 0
  li a3, 4
  .endif
  .ifle 0
  li a3, 5
  .endif
  .iflt -5
  li a3, 6
  .endif
  .ifb
  li a4, 1
  .endif
  .ifnb x
  li a4, 2
  .endif
  .if 0
  .if 1
  li a5, 99
  .endif
  .else
  li a5, 1
  .endif
start:
  nop
  nop
end:
  .if end - start == 4
  li a6, 4
  .endif
  .data
  .byte 3 == 3, 3 != 3, 3 < 4, 4 <= 3, 5 > 6, 6 >= 6, 1 <> 2, 2 && 3, 0 || 5, 0 && 1
  .byte 1 + 2 == 3, !0, ~0 & 0xff
  .dword 0xffffffff80000000 >> 4, -1 >> 60, 1 << 63 >> 63
  .word 1 | 2 ^ 7 & 3, 10 - 2 - 3, 12 / 5 * 3 % 4
