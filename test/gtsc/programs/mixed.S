# Assembly half of mixed.ts (LP64 calling convention).
	.text
	.globl asm_sum3
asm_sum3:
	add a0, a0, a1
	add a0, a0, a2
	ret

	.globl asm_fact
asm_fact:
	li t0, 1
1:	beqz a0, 2f
	mul t0, t0, a0
	addi a0, a0, -1
	j 1b
2:	mv a0, t0
	ret

# asm_apply_twice(f, x) = f(f(x))
	.globl asm_apply_twice
asm_apply_twice:
	addi sp, sp, -16
	sd ra, 8(sp)
	sd s0, 0(sp)
	mv s0, a0
	mv a0, a1
	jalr s0
	jalr s0
	ld ra, 8(sp)
	ld s0, 0(sp)
	addi sp, sp, 16
	ret
