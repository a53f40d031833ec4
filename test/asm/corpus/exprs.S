# Label differences known while parsing (data labels, no variable-length item between).
  .data
tbl:
  .byte 1, 2, 3
  .space 5
tbl_end:
  .equ TBL_LEN, tbl_end - tbl
  .space TBL_LEN
  .word TBL_LEN, tbl_end - tbl
  .byte (tbl_end - tbl) * 2
  .text
  .globl _start
_start:
  ret
