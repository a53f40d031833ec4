/**
 * A tiny instruction encoder for the uintr tests: each function returns the 32-bit word from
 * the base-format layouts of the unprivileged spec (ch. 2, "Base Instruction Formats"):
 *   R: funct7 | rs2 | rs1 | funct3 | rd | opcode
 *   I: imm[11:0] | rs1 | funct3 | rd | opcode
 *   S: imm[11:5] | rs2 | rs1 | funct3 | imm[4:0] | opcode
 *   B: imm[12|10:5] | rs2 | rs1 | funct3 | imm[4:1|11] | opcode
 *   U: imm[31:12] | rd | opcode
 *   J: imm[20|10:1|11|19:12] | rd | opcode
 * Kept independent of src/asm so that the tests do not check the code against itself.
 */

export const x = {
  zero: 0, ra: 1, sp: 2, t0: 5, t1: 6, t2: 7, s0: 8, s1: 9, a0: 10, a1: 11, a2: 12, a3: 13,
  a4: 14, a5: 15, s2: 18, s3: 19, t3: 28, t4: 29, t5: 30, t6: 31,
} as const;

const r = (f7: number, rs2: number, rs1: number, f3: number, rd: number, op: number) =>
  ((f7 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;
const i = (imm: number, rs1: number, f3: number, rd: number, op: number) =>
  (((imm & 0xfff) << 20) | (rs1 << 15) | (f3 << 12) | (rd << 7) | op) >>> 0;
const s = (imm: number, rs2: number, rs1: number, f3: number, op: number) =>
  ((((imm >> 5) & 0x7f) << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | ((imm & 0x1f) << 7) | op) >>> 0;

export const addi = (rd: number, rs1: number, imm: number) => i(imm, rs1, 0, rd, 0x13);
export const ori = (rd: number, rs1: number, imm: number) => i(imm, rs1, 6, rd, 0x13);
export const slli = (rd: number, rs1: number, sh: number) => i(sh & 63, rs1, 1, rd, 0x13);
export const add = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 0, rd, 0x33);
export const or = (rd: number, rs1: number, rs2: number) => r(0, rs2, rs1, 6, rd, 0x33);
export const lui = (rd: number, imm20: number) => (((imm20 & 0xfffff) << 12) | (rd << 7) | 0x37) >>> 0;
export const ld = (rd: number, rs1: number, imm: number) => i(imm, rs1, 3, rd, 0x03);
export const lw = (rd: number, rs1: number, imm: number) => i(imm, rs1, 2, rd, 0x03);
export const sd = (rs2: number, rs1: number, imm: number) => s(imm, rs2, rs1, 3, 0x23);
export const sw = (rs2: number, rs1: number, imm: number) => s(imm, rs2, rs1, 2, 0x23);

export function jal(rd: number, off: number): number {
  const b20 = (off >> 20) & 1;
  const b10_1 = (off >> 1) & 0x3ff;
  const b11 = (off >> 11) & 1;
  const b19_12 = (off >> 12) & 0xff;
  return ((b20 << 31) | (b10_1 << 21) | (b11 << 20) | (b19_12 << 12) | (rd << 7) | 0x6f) >>> 0;
}
export function branch(f3: number, rs1: number, rs2: number, off: number): number {
  const b12 = (off >> 12) & 1;
  const b10_5 = (off >> 5) & 0x3f;
  const b4_1 = (off >> 1) & 0xf;
  const b11 = (off >> 11) & 1;
  return ((b12 << 31) | (b10_5 << 25) | (rs2 << 20) | (rs1 << 15) | (f3 << 12) | (b4_1 << 8) | (b11 << 7) | 0x63) >>> 0;
}
export const beq = (rs1: number, rs2: number, off: number) => branch(0, rs1, rs2, off);
export const bne = (rs1: number, rs2: number, off: number) => branch(1, rs1, rs2, off);

// Zicsr (ch. 7): opcode SYSTEM 0x73, funct3 1 csrrw, 2 csrrs, 3 csrrc, 5/6/7 immediate forms.
export const csrrw = (rd: number, csr: number, rs1: number) => i(csr, rs1, 1, rd, 0x73);
export const csrrs = (rd: number, csr: number, rs1: number) => i(csr, rs1, 2, rd, 0x73);
export const csrrc = (rd: number, csr: number, rs1: number) => i(csr, rs1, 3, rd, 0x73);
export const csrrwi = (rd: number, csr: number, z: number) => i(csr, z, 5, rd, 0x73);
export const csrrsi = (rd: number, csr: number, z: number) => i(csr, z, 6, rd, 0x73);
export const csrrci = (rd: number, csr: number, z: number) => i(csr, z, 7, rd, 0x73);
export const csrr = (rd: number, csr: number) => csrrs(rd, csr, 0);
export const csrw = (csr: number, rs1: number) => csrrw(0, csr, rs1);

export const ECALL = 0x00000073;
export const EBREAK = 0x00100073;
export const URET = 0x00200073;
export const SRET = 0x10200073;
export const MRET = 0x30200073;
export const WFI = 0x10500073;
export const NOP = 0x00000013;

/** uipi: .insn r 0x7B, 0b110, funct7, rd, rs1, x0 (uintr.md §2). */
export const uipi = (funct7: number, rd: number, rs1: number, rs2 = 0) => r(funct7, rs2, rs1, 6, rd, 0x7b);
export const uipiSend = (rs1: number) => uipi(0, 0, rs1);
export const uipiRead = (rd: number) => uipi(1, rd, 0);
export const uipiWrite = (rs1: number) => uipi(2, 0, rs1);
export const UIPI_ACTIVATE = uipi(3, 0, 0);
export const UIPI_DEACTIVATE = uipi(4, 0, 0);

/**
 * li of a 32-bit signed value: lui + addi (the addi immediate is sign-extended, so lui takes
 * the upper part rounded). Always 2 words so that program offsets stay predictable.
 */
export function li32(rd: number, v: number): number[] {
  const lo = ((v << 20) >> 20); // sign-extended low 12 bits
  const hi = ((v - lo) >>> 12) & 0xfffff;
  return [lui(rd, hi), addi(rd, rd, lo)];
}

/** li of 1 << bit (bit up to 63) into rd: addi rd, x0, 1; slli rd, rd, bit. */
export const liBit = (rd: number, bit: number) => [addi(rd, 0, 1), slli(rd, rd, bit)];

/** CSR numbers (uintr.md, privileged spec). */
export const CSR = {
  ustatus: 0x000, uie: 0x004, utvec: 0x005, uscratch: 0x040, uepc: 0x041, ucause: 0x042,
  utval: 0x043, uip: 0x044,
  sstatus: 0x100, sedeleg: 0x102, sideleg: 0x103, sie: 0x104, stvec: 0x105, sscratch: 0x140,
  sepc: 0x141, scause: 0x142, stval: 0x143, sip: 0x144, satp: 0x180,
  suist: 0x1b0, suirs: 0x1b1, suicfg: 0x1b2,
  mstatus: 0x300, misa: 0x301, medeleg: 0x302, mideleg: 0x303, mie: 0x304, mtvec: 0x305,
  mscratch: 0x340, mepc: 0x341, mcause: 0x342, mtval: 0x343, mip: 0x344,
  pmpcfg0: 0x3a0, pmpaddr0: 0x3b0, mhartid: 0xf14,
} as const;
