# text=0x10000
# Absolute addressing with %hi/%lo (needs addresses below 2 GiB, hence the low .text).
  .text
  .globl _start
_start:
  lui a2, %hi(var)
  addi a2, a2, %lo(var)
  lw a3, %lo(var)(a2)
  sw a3, %lo(var)(a2)
  sd a3, %lo(var + 8)(a2)
  lui a4, %hi(var + 0x7ff)
  ld a5, %lo(var + 0x7ff)(a4)
  la a0, var
  call fn
fn:
  ret
  .data
  .space 0x800
var:
  .dword 1, 2
