  .option norvc
  .text
  .section .text.y,"ax"
  .option rvc
  nop
  .section .text.z,"ax"
  .align 3
  addi a0, a0, 1
  .section .rodata.a
  .byte 1
  .section .rodata.b
  .half 2
  .section .data.x,"aw"
  .byte 3
  .section .sdata
  .word 4
