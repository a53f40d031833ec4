	.section .text.init,"ax",@progbits
	.globl _start
_start:
	.option push
	.option norelax
	la gp, __global_pointer$
	.option pop
	la sp, stack_top
	csrr a0, mhartid
	bnez a0, park
	call main
	la t0, tohost
	li t1, 1
	sd t1, 0(t0)
park:
	wfi
	j park

	.section .tohost,"aw",@progbits
	.align 6
	.globl tohost
tohost: .dword 0
	.align 6
	.globl fromhost
fromhost: .dword 0
