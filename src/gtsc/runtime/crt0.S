# Guest runtime start-up for bare-metal test programs (M-mode, QEMU virt / rvn virt board):
# set up a stack, call main, then rt_finish(exit code, instructions retired by main).
	.section .text.init
	.globl _start
_start:
	la sp, __gtsc_stack_top
	csrr s0, minstret
	call main
	csrr a1, minstret
	sub a1, a1, s0
	call rt_finish
1:	wfi
	j 1b

	.bss
	.align 4
__gtsc_stack:
	.zero 65536
__gtsc_stack_top:
