# GNU as macros and repeat blocks: named, default, :req and :vararg parameters, keyword
# arguments, blanks as separators, \@ and \(), nesting, .exitm, .purgem, .rept/.irp/.irpc.
  .text
  .globl _start
_start:
  .macro addn reg, n=1
  addi \reg, \reg, \n
  .endm
  addn a0
  addn a1, 5
  addn a2 7
  addn n=9, reg=a3
  addn a4, 1 + 2
  .macro loadpair r:req, first, rest:vararg
  li \r, \first
  .word \rest
  .endm
  loadpair a5, 100, 1, 2, 3
  .macro spin reg
  li \reg, 3
L\@\reg:
  addi \reg, \reg, -1
  bnez \reg, L\@\reg
  .endm
  spin t0
  spin t1
  .macro sfx name
\name\()_lbl: .byte 0x5a
  .endm
  .data
  sfx first
  .byte first_lbl - .
  .text
  .macro outer n
  .macro inner\n
  li a\n, \n
  .endm
  inner\n
  .endm
  outer 3
  outer 4
  inner3
  .macro early x
  li a0, \x
  .if \x > 10
  .exitm
  .endif
  li a1, \x
  .endm
  early 5
  early 50
  .purgem early
  .macro early
  nop
  .endm
  early
  .rept 3
  addi sp, sp, -16
  .endr
  .irp r, s2, s3, s4
  mv \r, zero
  .endr
  .irp r
  nop
  .endr
  .irpc d, 123
  li t2, \d
  .endr
  .irp reg, a6, a7
  .rept 2
  addi \reg, \reg, 1
  .endr
  .endr
  .macro str s
  .ascii "\s"
  .endm
  .data
  str hello
  str "a\"b"
  .align 3
  .quad 0
