# Branch and jump forms, numeric local labels, and length selection by distance (-mno-relax).
  .text
  .globl _start
_start:
1:
  beq a0, a1, 1b
  bne a0, a1, 1f
  blt a2, a3, 1b
  bge a2, a3, 1f
  bltu a4, a5, 1b
  bgeu a4, a5, 1f
  beqz a0, 1b
  bnez s1, 1f
  beqz t0, 1b
  bnez a7, 1f
  beq a0, zero, 1b
  bne a0, x0, 1f
  beq zero, a0, 1b
  blez a0, 1b
  bgez a0, 1f
  bltz a0, 1b
  bgtz a0, 1f
  bgt a0, a1, 1b
  ble a0, a1, 1f
  bgtu a0, a1, 1b
  bleu a0, a1, 1f
  j 1b
  jal 1f
  jal ra, 1b
  jal t0, 1f
1:
  j near
  beqz a0, near
  j .+4
  nop
near:
  # c.beqz reach is -256..254: these straddle the limit
  beqz a0, far254
  bnez a0, far256
  j far2046
  .space 240
far254:
  nop
far256:
  nop
  .space 1780
far2046:
  nop
  # beyond 4 KiB: inverted branch around a jal (6 bytes with C, 8 without)
  beqz a0, farther
  bnez a1, farther
  beq a0, a1, farther
  bltu a0, a1, farther
  .space 4200
farther:
  j _start
  jal _start
  beqz a0, _start
  bne a0, a2, _start
  .option norvc
  beqz a0, farther
  j farther
  j 2f
2:
  ret
