  .option norvc
  nop
  .section .text.x,"ax"
  nop
