# Start-up code of the gtsc benchmark programs (test/gtsc/bench), linked with both the guest
# TypeScript build and the gcc -O2 build of each program: one stack, main(), then the result and
# the cycles and instructions main took go to symbols the host reads after the run, and the
# machine stops through the test device (exit 0). mcycle and minstret are read around the call
# only, so both builds are measured over exactly their own code.
	.section .text.init
	.globl _start
_start:
	la sp, bench_stack_top
	csrr s1, mcycle
	csrr s0, minstret
	call main
	csrr a2, minstret
	csrr a3, mcycle
	sub a2, a2, s0
	sub a3, a3, s1
	la t0, bench_result
	sd a0, 0(t0)
	sd a2, 8(t0)
	sd a3, 16(t0)
	fence
	li t0, 0x100000
	li t1, 0x5555
	sw t1, 0(t0)
1:	wfi
	j 1b

	.bss
	.align 4
	.globl bench_result
bench_result:		# main's result, instructions, cycles (u64 each)
	.zero 24
bench_stack:
	.zero 65536
bench_stack_top:
