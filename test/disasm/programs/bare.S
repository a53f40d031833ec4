# Linked, then stripped of symbols and .riscv.attributes: like an image from rvn's own linker,
# objdump then assumes rv64gc (F's CSR aliases such as frflags and fsrm appear).
	.globl _start
_start:
	csrrs a0, fcsr, zero
	csrrw a0, fcsr, a1
	csrrw zero, fcsr, a1
	csrrs a0, frm, zero
	csrrw zero, frm, a1
	csrrwi a0, frm, 2
	csrrwi zero, fflags, 2
	csrrs a0, fflags, zero
	csrrw a0, fflags, a1
	csrr a0, mstatus
	csrr a1, 0x000
	lui a0, 0x80001
	addi a0, a0, 8
	jal ra, _start
	c.j _start
	ret
