# .org, .fill, LEB128, .section flags and types, .pushsection/.popsection, alignment with a fill,
# .weak/.type/.size, label differences in code and data, `sym = expr`, forward .set.
  .text
  .globl _start
  .type _start, @function
_start:
  li a0, 1
  .word fn_end - fn
fn:
  addi a0, a0, 2
  addi a0, a0, 3
fn_end:
  .size fn, fn_end - fn
  .weak weakly
weakly:
  nop
  .balign 16, 0
  .org 0x40
  ret
  .option push
  .option arch, -c
  addi a1, a1, 1
  .option arch, +c
  addi a1, a1, 1
  .option pop
  .pushsection .rodata, "a", @progbits
ro:
  .fill 2, 3, 0x11223344
  .fill 1, 8, 0x1122334455667788
  .fill 3
  .fill 2, 2
  .popsection
  nop
  .data
  .uleb128 300
  .uleb128 0
  .uleb128 127
  .uleb128 128
  .sleb128 -1
  .sleb128 -129
  .sleb128 63
  .sleb128 64
  .sleb128 -64
  .sleb128 -65
  .byte LEN
  .set LEN, 7
  size = end - begin
begin:
  .word 1, 2, 3
end:
  .byte size
  .balign 8, 0xee
  .byte 1
  .p2align 3, 0xdd, 2
  .byte 2
  .p2align 3, 0xcc, 7
  .org 0x40, 0xaa
  .byte 5
  .section .bss.mine, "aw", @nobits
  .zero 16
