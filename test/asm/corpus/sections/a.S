# Section alignment across files: only .text starts 2-aligned; .section-made code sections start at 1.
  .globl _start
_start:
  nop
