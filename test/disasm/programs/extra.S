# Exercises the listing: gp-relative and pcrel address hints, uipi and uret words, N/UINTR CSRs,
# data in a code section ($d mapping symbols), runs of zeros, a second code section.
	.section .text.extra,"ax",@progbits
	.globl extra
	.type extra, @function
extra:
	ld a0, %lo(table)(gp)
1:	auipc a1, %pcrel_hi(buffer)
	addi a1, a1, %pcrel_lo(1b)
	.insn 0x0005607b
	.insn 0x00200073
	csrr a0, 0x000
	csrw 0x1b0, a0
	ret
	.size extra, .-extra
	.word 0x12345678
	.half 0x9abc
	.byte 1, 2, 3
	.balign 4
	.zero 24
local_after_zeros:
	nop
	.zero 2
	.section .text.other,"ax",@progbits
other_fn:
	j other_fn
	.zero 6
