# Where GNU as compresses (rv64imac default, C on): each line's RVC alias rows and misses.
  .text
  .globl _start
_start:
  addi sp, sp, -64
  addi sp, sp, 496
  addi a0, sp, 16
  addi s1, sp, 1020
  addi a0, sp, 0
  addi a0, a0, 31
  addi a0, a0, -32
  addi a0, a0, 32
  addi a0, a0, 0
  addi a0, a1, 0
  addi a0, zero, 5
  addi zero, zero, 0
  addi t0, t0, 1
  add a0, a0, a1
  add a0, a1, a0
  add a0, a1, a2
  add a0, zero, a1
  add a0, a0, 7
  add a0, a1, 7
  addiw a0, a0, 1
  addiw a0, a0, 0
  addiw a0, a1, 1
  addw a0, a0, a1
  addw a0, a1, a0
  addw a0, a0, a6
  addw a0, a0, 3
  subw s0, s0, s1
  sub s0, s0, a5
  sub s0, s1, s0
  and a0, a0, a1
  and a0, a1, a0
  and a0, a0, 5
  andi a0, a0, -32
  andi a0, a0, 32
  andi a6, a6, 1
  or a2, a2, a3
  or a2, a3, a2
  xor a4, a4, a5
  xor a4, a5, a4
  slli a0, a0, 1
  slli t6, t6, 63
  slli a0, a1, 1
  sll a0, a0, 3
  srli a0, a0, 1
  srli t0, t0, 1
  srai s0, s0, 63
  sra s0, s0, 2
  srl a5, a5, 2
  lui a0, 1
  lui a0, 31
  lui a0, 32
  lui a0, 0xfffe0
  lui a0, 0xfffdf
  lui sp, 1
  lui zero, 1
  lw a0, 0(sp)
  lw a0, 252(sp)
  lw a0, 256(sp)
  lw a0, 2(sp)
  lw a0, 124(a1)
  lw a0, 128(a1)
  lw t0, 0(a1)
  lw zero, 0(sp)
  ld a0, 504(sp)
  ld a0, 8(sp)
  ld a0, 4(sp)
  ld s0, 248(a5)
  ld s0, 252(a5)
  sw a0, 0(sp)
  sw zero, 4(sp)
  sw t0, 252(sp)
  sw a0, 4(a1)
  sw a0, 2(a1)
  sd ra, 504(sp)
  sd s0, 0(a0)
  sd s0, 256(a0)
  mv a0, a1
  mv t0, zero
  mv zero, a0
  move a1, a2
  li a0, 0
  li a0, 31
  li a0, -32
  li a0, 32
  li zero, 1
  li a0, 0x1000
  li a0, -4096
  li a0, 0x1f000
  li a0, 0x20000
  li sp, 0x1000
  sext.w a0, a0
  sext.w a0, a1
  jr a0
  jr zero
  jalr a1
  ret
  nop
  ebreak
  ecall
  .option norvc
  addi a0, a0, 1
  ret
  nop
  .option rvc
  addi a0, a0, 1
  .option push
  .option norvc
  mv a0, a1
  .option pop
  mv a0, a1
