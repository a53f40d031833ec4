# Every compressed row of the table written explicitly (c.* mnemonics), and RV32 CSR names.
  .text
  .globl _start
_start:
  c.addi4spn a0, sp, 16
  c.addi4spn s1, sp, 1020
  c.lw a0, 4(a1)
  c.lw s0, 124(a5)
  c.ld a0, 8(a1)
  c.ld s1, 248(a5)
  c.sw a0, 4(a1)
  c.sd a0, 248(a1)
  c.nop
  c.addi a0, 1
  c.addi t6, -32
  c.addiw a0, -1
  c.addiw ra, 31
  c.li a0, -3
  c.li t0, 31
  c.addi16sp sp, 16
  c.addi16sp sp, -512
  c.lui a0, 1
  c.lui t6, 0xfffff
  c.lui a1, 31
  c.srli a0, 3
  c.srli s1, 63
  c.srai a5, 1
  c.andi a0, -1
  c.andi s0, 31
  c.sub a0, a1
  c.xor s0, s1
  c.or a2, a3
  c.and a4, a5
  c.subw a0, a5
  c.addw s0, a1
1:
  c.j 1b
  c.beqz a0, 1b
  c.bnez s1, 2f
  c.j 2f
2:
  c.slli a0, 1
  c.slli t6, 63
  c.lwsp a0, 0(sp)
  c.lwsp ra, 252(sp)
  c.ldsp a0, 504(sp)
  c.ldsp t6, 8(sp)
  c.jr a0
  c.jr ra
  c.mv a0, a1
  c.mv t6, ra
  c.ebreak
  c.jalr a0
  c.jalr t0
  c.add a0, a1
  c.add t6, t5
  c.swsp a0, 252(sp)
  c.swsp zero, 4(sp)
  c.sdsp a0, 504(sp)
  c.sdsp t6, 0(sp)
  csrr a0, cycleh
  csrr a1, instreth
  csrr a2, hpmcounter3h
