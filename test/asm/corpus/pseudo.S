# Pseudo-instructions, with and without C.
  .text
  .globl _start
_start:
  li a0, 0
  li a1, 2047
  li a2, -2048
  li a3, 2048
  li a4, 0x12345
  li a5, 0x7fffffff
  li a6, 0x80000000
  li a7, -0x80000000
  li s2, 0xffffffff
  li s3, 0x100000000
  li s4, 0x123456789abcdef0
  li s5, -1
  li s6, 0xffffffffffffffff
  li s7, 0x8000000000000000
  li s8, 0x7fffffffffffffff
  li s9, 0x0000123400005678
  li s10, 0xfffffffffffff800
  li s11, 0x1000000000000001
  li t3, 0xdeadbeef
  li t4, 0x80000800
  li t5, 1 << 40
  li t6, (3 * 7) << 8 | 5
  not a0, a1
  neg a2, a3
  negw a4, a5
  sext.w t0, t1
  seqz a0, a1
  snez a2, a3
  sltz a4, a5
  sgtz a6, a7
  mv s0, s1
  zext.b a0, a1
  csrr a0, mstatus
  csrw mscratch, a1
  csrs mie, a2
  csrc mip, a3
  csrwi mscratch, 7
  csrsi mstatus, 8
  csrci mstatus, 8
  csrw mscratch, 3
  rdcycle a0
  rdtime a1
  rdinstret a2
  fence
  jr t0
  jr 8(t0)
  jalr t1
  jalr 4(t1)
  jalr a0, a1
  jalr a0, a1, 8
  jalr a0, 16(a1)
  ret
  nop
  .option norvc
  li a0, 0
  li a1, 31
  li a2, 0x1000
  li s4, 0x123456789abcdef0
  li s6, -1
  li s7, 0x8000000000000000
  li t4, 0x80000800
  mv a0, a1
  not a0, a1
  sext.w a0, a0
  jr t0
  jalr t1
  ret
  nop
  .option rvc
  .equ UART, 0x10000000
  la a0, UART
  lla a1, UART + 5
  la a2, 12
  la a3, -2048
