/**
 * The instruction table: every instruction's definition (src/isa/insns: encoding, class,
 * extension and semantics, one row each), read by the decoder (src/cpu), the assembler
 * (src/asm), the disassembler (src/disasm) and the hart's code generators (src/cpu/codegen).
 * Match/mask values follow riscv-opcodes; `args` is the operand syntax in objdump's
 * no-aliases form.
 *
 * Operand tokens in `args`:
 *   rd rs1 rs2       5-bit register fields at bits 11:7, 19:15, 24:20
 *   imm              the immediate, laid out as the row's `imm` kind (fields.ts)
 *   imm(rs1)         base + offset (loads, stores, jalr)
 *   (rs1)            address register of an AMO / LR / SC
 *   csr              12-bit CSR number; zimm: 5-bit CSR immediate
 *   pred,succ        fence sets (iorw)
 * Compressed rows use rd/rs2c (bits 11:7 / 6:2), rdp/rs1p/rs2p (3-bit x8..x15 fields at
 * 4:2 / 9:7 / 4:2) and `sp`, a fixed x2.
 *
 * Op numbers are the rows' positions (0 is the illegal instruction); `Op.FENCE_I` names the
 * row 'fence.i'. Adding an instruction is adding its row to the file of its extension.
 */
import type { ImmName } from './fields';
import { A } from './insns/a';
import { M } from './insns/m';
import { RV64I } from './insns/rv64i';
import type { InsnSpec } from './insns/spec';
import { ILLEGAL_INSN, PRIV, UIPI_FALLBACK, UINTR, ZICSR } from './insns/system';

export type { Extension } from './insns/spec';

export interface InsnDef extends InsnSpec {
  /** The op number the hart decodes this row to. */
  readonly op: number;
}

/** Every row, in op order: the illegal instruction first, the uipi fallback last. */
const ALL = [ILLEGAL_INSN, ...RV64I, ...M, ...A, ...ZICSR, ...PRIV, ...UINTR, UIPI_FALLBACK] as const;

type Underscored<S extends string> = S extends `${infer L}.${infer R}` ? `${L}_${Underscored<R>}` : S;
type RowName = (typeof ALL)[number]['name'];
/** 'fence.i' → 'FENCE_I'; the illegal row is ILLEGAL and the uipi fallback UIPI_NOP. */
export type OpName = Exclude<Uppercase<Underscored<RowName>>, 'UIPI'> | 'UIPI_NOP';

const opName = (name: string): string => (name === 'uipi' ? 'UIPI_NOP' : name.toUpperCase().replace(/\./g, '_'));

/** Every row with its op number (index 0: the illegal instruction). */
export const AllOps: readonly InsnDef[] = ALL.map((d, op) => ({ ...d, op }));

/** The op number of every instruction by name. */
export const Op: Readonly<Record<OpName, number>> = Object.freeze(
  Object.fromEntries(AllOps.map((d) => [opName(d.name), d.op])) as Record<OpName, number>,
);

export const OpCount = AllOps.length;

/** The decodable instructions (the illegal row and the uipi fallback excluded). */
export const Instructions: readonly InsnDef[] = AllOps.slice(1, -1);

/** Any other word with the uipi opcode/funct3 decodes to UIPI_NOP: "does nothing, rd <- 0". */
export const UipiFallback: InsnDef = AllOps[AllOps.length - 1];

/** Register sources of a compressed row's expansion. */
export type CReg = 'rd' | 'rs2c' | 'rdp' | 'rs1p' | 'rs2p' | 'x0' | 'ra' | 'sp';

/** Encodings that are reserved (illegal) for a compressed row, checked after matching. */
export type CReserved = 'rdZero' | 'immZero' | 'rs1Zero';

export interface CInsnDef {
  readonly name: string;
  readonly match: number;
  readonly mask: number;
  readonly args: string;
  readonly imm?: ImmName;
  /** The base instruction this expands to, and where its operands come from. */
  readonly base: number;
  readonly rd: CReg;
  readonly rs1: CReg;
  readonly rs2: CReg;
  readonly reserved?: readonly CReserved[];
}

type CRow = [name: string, match: number, mask: number, args: string, imm: ImmName | undefined, base: number, rd: CReg, rs1: CReg, rs2: CReg, reserved?: CReserved[]];

/** RV64C (unprivileged spec ch. 16; no F/D rows). More specific masks are tried first. */
const cRows: CRow[] = [
  // Quadrant 0
  ['c.addi4spn', 0x0000, 0xe003, 'rdp,sp,imm', 'ciw_addi4spn', Op.ADDI, 'rdp', 'sp', 'x0', ['immZero']],
  ['c.lw', 0x4000, 0xe003, 'rdp,imm(rs1p)', 'cl_w', Op.LW, 'rdp', 'rs1p', 'x0'],
  ['c.ld', 0x6000, 0xe003, 'rdp,imm(rs1p)', 'cl_d', Op.LD, 'rdp', 'rs1p', 'x0'],
  ['c.sw', 0xc000, 0xe003, 'rs2p,imm(rs1p)', 'cl_w', Op.SW, 'x0', 'rs1p', 'rs2p'],
  ['c.sd', 0xe000, 0xe003, 'rs2p,imm(rs1p)', 'cl_d', Op.SD, 'x0', 'rs1p', 'rs2p'],
  // Quadrant 1
  ['c.nop', 0x0001, 0xffff, '', undefined, Op.ADDI, 'x0', 'x0', 'x0'],
  ['c.addi', 0x0001, 0xe003, 'rd,imm', 'ci_imm6', Op.ADDI, 'rd', 'rd', 'x0'],
  ['c.addiw', 0x2001, 0xe003, 'rd,imm', 'ci_imm6', Op.ADDIW, 'rd', 'rd', 'x0', ['rdZero']],
  ['c.li', 0x4001, 0xe003, 'rd,imm', 'ci_imm6', Op.ADDI, 'rd', 'x0', 'x0'],
  ['c.addi16sp', 0x6101, 0xef83, 'sp,imm', 'ci_addi16sp', Op.ADDI, 'sp', 'sp', 'x0', ['immZero']],
  ['c.lui', 0x6001, 0xe003, 'rd,imm', 'ci_lui', Op.LUI, 'rd', 'x0', 'x0', ['immZero']],
  ['c.srli', 0x8001, 0xec03, 'rs1p,imm', 'ci_shamt', Op.SRLI, 'rs1p', 'rs1p', 'x0'],
  ['c.srai', 0x8401, 0xec03, 'rs1p,imm', 'ci_shamt', Op.SRAI, 'rs1p', 'rs1p', 'x0'],
  ['c.andi', 0x8801, 0xec03, 'rs1p,imm', 'ci_imm6', Op.ANDI, 'rs1p', 'rs1p', 'x0'],
  ['c.sub', 0x8c01, 0xfc63, 'rs1p,rs2p', undefined, Op.SUB, 'rs1p', 'rs1p', 'rs2p'],
  ['c.xor', 0x8c21, 0xfc63, 'rs1p,rs2p', undefined, Op.XOR, 'rs1p', 'rs1p', 'rs2p'],
  ['c.or', 0x8c41, 0xfc63, 'rs1p,rs2p', undefined, Op.OR, 'rs1p', 'rs1p', 'rs2p'],
  ['c.and', 0x8c61, 0xfc63, 'rs1p,rs2p', undefined, Op.AND, 'rs1p', 'rs1p', 'rs2p'],
  ['c.subw', 0x9c01, 0xfc63, 'rs1p,rs2p', undefined, Op.SUBW, 'rs1p', 'rs1p', 'rs2p'],
  ['c.addw', 0x9c21, 0xfc63, 'rs1p,rs2p', undefined, Op.ADDW, 'rs1p', 'rs1p', 'rs2p'],
  ['c.j', 0xa001, 0xe003, 'imm', 'cj', Op.JAL, 'x0', 'x0', 'x0'],
  ['c.beqz', 0xc001, 0xe003, 'rs1p,imm', 'cb', Op.BEQ, 'x0', 'rs1p', 'x0'],
  ['c.bnez', 0xe001, 0xe003, 'rs1p,imm', 'cb', Op.BNE, 'x0', 'rs1p', 'x0'],
  // Quadrant 2
  ['c.slli', 0x0002, 0xe003, 'rd,imm', 'ci_shamt', Op.SLLI, 'rd', 'rd', 'x0'],
  ['c.lwsp', 0x4002, 0xe003, 'rd,imm(sp)', 'ci_lwsp', Op.LW, 'rd', 'sp', 'x0', ['rdZero']],
  ['c.ldsp', 0x6002, 0xe003, 'rd,imm(sp)', 'ci_ldsp', Op.LD, 'rd', 'sp', 'x0', ['rdZero']],
  ['c.jr', 0x8002, 0xf07f, 'rd', undefined, Op.JALR, 'x0', 'rd', 'x0', ['rs1Zero']],
  ['c.mv', 0x8002, 0xf003, 'rd,rs2c', undefined, Op.ADD, 'rd', 'x0', 'rs2c'],
  ['c.ebreak', 0x9002, 0xffff, '', undefined, Op.EBREAK, 'x0', 'x0', 'x0'],
  ['c.jalr', 0x9002, 0xf07f, 'rd', undefined, Op.JALR, 'ra', 'rd', 'x0'],
  ['c.add', 0x9002, 0xf003, 'rd,rs2c', undefined, Op.ADD, 'rd', 'rd', 'rs2c'],
  ['c.swsp', 0xc002, 0xe003, 'rs2c,imm(sp)', 'css_swsp', Op.SW, 'x0', 'sp', 'rs2c'],
  ['c.sdsp', 0xe002, 0xe003, 'rs2c,imm(sp)', 'css_sdsp', Op.SD, 'x0', 'sp', 'rs2c'],
];

export const CompressedInstructions: readonly CInsnDef[] = cRows.map(([name, match, mask, args, imm, base, rd, rs1, rs2, reserved]) => ({
  name, match, mask, args, imm, base, rd, rs1, rs2, reserved,
}));

/** Number of set bits: rows with more fixed bits are more specific and are matched first. */
export function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/** Looks up base rows by mnemonic (the assembler's and disassembler's entry point). */
export function instructionsByName(): Map<string, InsnDef> {
  return new Map(Instructions.map((d) => [d.name, d]));
}

/** The row of each op (for the disassembler, tracer and code generators). */
export function defOfOp(): readonly InsnDef[] {
  return AllOps;
}

