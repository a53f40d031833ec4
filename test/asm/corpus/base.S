# Every base (uncompressed) instruction of the encoding table, with .option norvc.
  .option norvc
  .text
  .globl _start
_start:
  lui a0, 0x12345
  lui t6, 0xfffff
  auipc s1, 0x80000
  addi a0, a1, -2048
  slti a2, a3, 2047
  sltiu a4, a5, 1
  xori a6, a7, -1
  ori s2, s3, 0x7ff
  andi s4, s5, 255
  slli s6, s7, 63
  srli s8, s9, 1
  srai s10, s11, 32
  add t3, t4, t5
  sub x1, x2, x3
  sll x4, x5, x6
  slt x7, x8, x9
  sltu x10, x11, x12
  xor x13, x14, x15
  srl x16, x17, x18
  sra x19, x20, x21
  or x22, x23, x24
  and x25, x26, x27
  addiw x28, x29, -1
  slliw x30, x31, 31
  srliw a0, a1, 5
  sraiw a2, a3, 17
  addw a4, a5, a6
  subw a7, s0, s1
  sllw t0, t1, t2
  srlw gp, tp, ra
  sraw fp, sp, zero
  lb a0, -1(a1)
  lh a2, 2(a3)
  lw a4, 2047(a5)
  ld a6, -2048(a7)
  lbu s0, 0(s1)
  lhu t0, 16(sp)
  lwu t1, (t2)
  sb a0, 1(a1)
  sh a2, -2(a3)
  sw a4, 100(sp)
  sd a6, 8(sp)
  jalr ra, 12(a0)
  jalr t0, -4(t1)
  fence rw, w
  fence iorw, iorw
  fence i, o
  fence.i
  ecall
  ebreak
  mul a0, a1, a2
  mulh a3, a4, a5
  mulhsu a6, a7, s2
  mulhu s3, s4, s5
  div s6, s7, s8
  divu s9, s10, s11
  rem t3, t4, t5
  remu t6, t0, t1
  mulw a0, a0, a1
  divw a2, a3, a4
  divuw a5, a6, a7
  remw s0, s1, s2
  remuw s3, s4, s5
  lr.w a0, (a1)
  sc.w a2, a3, (a4)
  amoswap.w a5, a6, (a7)
  amoadd.w s0, s1, (s2)
  amoxor.w s3, s4, (s5)
  amoand.w s6, s7, (s8)
  amoor.w s9, s10, (s11)
  amomin.w t0, t1, (t2)
  amomax.w t3, t4, (t5)
  amominu.w a0, a1, (a2)
  amomaxu.w a3, a4, (a5)
  lr.d a0, 0(a1)
  sc.d a2, a3, (a4)
  amoswap.d a5, a6, (a7)
  amoadd.d s0, s1, (s2)
  amoxor.d s3, s4, (s5)
  amoand.d s6, s7, (s8)
  amoor.d s9, s10, (s11)
  amomin.d t0, t1, (t2)
  amomax.d t3, t4, (t5)
  amominu.d a0, a1, (a2)
  amomaxu.d a3, a4, (a5)
  lr.w.aq a0, (a1)
  lr.d.aqrl a0, (a1)
  sc.w.rl a2, a3, (a4)
  sc.d.aq a2, a3, (a4)
  amoswap.w.aq a0, a1, (a2)
  amoadd.d.rl a0, a1, (a2)
  amoor.w.aqrl a0, a1, (a2)
  csrrw a0, mstatus, a1
  csrrs a2, mie, a3
  csrrc a4, mip, a5
  csrrwi a6, mtvec, 31
  csrrsi a7, sstatus, 1
  csrrci s0, 0x340, 0
  csrrw zero, satp, t0
  csrrs t0, mhartid, zero
  csrrs t1, 0x044, zero
  csrrw zero, 0x005, t2
  csrrs t3, 0x1b0, zero
  mret
  sret
  wfi
  sfence.vma
  sfence.vma a0
  sfence.vma a0, a1
  uret
  # uipi (uintr.md §2): custom-3, funct3 6, rs2 = x0
  .insn r 0x7B, 6, 0, x0, a0, x0
  .insn r 0x7B, 6, 1, a1, x0, x0
  .insn r 0x7B, 6, 2, x0, t0, x0
  .insn r 0x7B, 6, 3, x0, x0, x0
  .insn r 0x7B, 6, 4, x0, x0, x0
  .insn r CUSTOM_3, 6, 0, x0, s1, x0
  .insn i 0x13, 0, a0, a1, 5
  .insn i 0x03, 3, a0, 8(sp)
  .insn s 0x23, 2, a0, -4(sp)
  .insn u 0x37, a0, 0x12
  .insn 0x00000013
