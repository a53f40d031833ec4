/**
 * The instruction encoding table: one row per instruction, read by the decoder (src/cpu), the
 * assembler (src/asm) and the disassembler (src/disasm). Match/mask values follow
 * riscv-opcodes; `args` is the operand syntax in objdump's no-aliases form.
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
 */
import { InsnClass } from '../timing/record';
import { InsnClass as C } from '../timing/record';
import type { ImmName } from './fields';

/** Every operation the hart executes. Compressed instructions expand to one of these. */
export const enum Op {
  ILLEGAL = 0,
  LUI, AUIPC, JAL, JALR,
  BEQ, BNE, BLT, BGE, BLTU, BGEU,
  LB, LH, LW, LD, LBU, LHU, LWU,
  SB, SH, SW, SD,
  ADDI, SLTI, SLTIU, XORI, ORI, ANDI, SLLI, SRLI, SRAI,
  ADD, SUB, SLL, SLT, SLTU, XOR, SRL, SRA, OR, AND,
  ADDIW, SLLIW, SRLIW, SRAIW,
  ADDW, SUBW, SLLW, SRLW, SRAW,
  FENCE, FENCE_I, ECALL, EBREAK,
  MUL, MULH, MULHSU, MULHU, DIV, DIVU, REM, REMU,
  MULW, DIVW, DIVUW, REMW, REMUW,
  LR_W, SC_W, AMOSWAP_W, AMOADD_W, AMOXOR_W, AMOAND_W, AMOOR_W, AMOMIN_W, AMOMAX_W, AMOMINU_W, AMOMAXU_W,
  LR_D, SC_D, AMOSWAP_D, AMOADD_D, AMOXOR_D, AMOAND_D, AMOOR_D, AMOMIN_D, AMOMAX_D, AMOMINU_D, AMOMAXU_D,
  CSRRW, CSRRS, CSRRC, CSRRWI, CSRRSI, CSRRCI,
  MRET, SRET, URET, WFI, SFENCE_VMA,
  UIPI_SEND, UIPI_READ, UIPI_WRITE, UIPI_ACTIVATE, UIPI_DEACTIVATE, UIPI_NOP,
}

export const OpCount = Op.UIPI_NOP + 1;

export type Extension = 'I' | 'M' | 'A' | 'C' | 'Zicsr' | 'Zifencei' | 'Priv' | 'N' | 'Uintr';

export interface InsnDef {
  readonly name: string;
  readonly match: number;
  readonly mask: number;
  readonly op: Op;
  readonly args: string;
  readonly imm?: ImmName;
  readonly cls: InsnClass;
  readonly ext: Extension;
}

type Row = [name: string, match: number, mask: number, op: Op, args: string, imm: ImmName | undefined, cls: InsnClass, ext: Extension];

const R = 0xfe00707f; // funct7 + funct3 + opcode
const I = 0x0000707f; // funct3 + opcode
const U = 0x0000007f; // opcode only
const SH6 = 0xfc00707f; // RV64 shift-immediate: funct6 + funct3 + opcode
const AMO = 0xf800707f; // funct5 + funct3 + opcode (aq/rl are operands)
const LR = 0xf9f0707f; // as AMO, and rs2 must be 0
const EXACT = 0xffffffff;

const rows: Row[] = [
  // RV64I (unprivileged spec ch. 2 and 5)
  ['lui', 0x00000037, U, Op.LUI, 'rd,imm', 'U', C.Alu, 'I'],
  ['auipc', 0x00000017, U, Op.AUIPC, 'rd,imm', 'U', C.Alu, 'I'],
  ['jal', 0x0000006f, U, Op.JAL, 'rd,imm', 'J', C.Jal, 'I'],
  ['jalr', 0x00000067, I, Op.JALR, 'rd,imm(rs1)', 'I', C.Jalr, 'I'],
  ['beq', 0x00000063, I, Op.BEQ, 'rs1,rs2,imm', 'B', C.Branch, 'I'],
  ['bne', 0x00001063, I, Op.BNE, 'rs1,rs2,imm', 'B', C.Branch, 'I'],
  ['blt', 0x00004063, I, Op.BLT, 'rs1,rs2,imm', 'B', C.Branch, 'I'],
  ['bge', 0x00005063, I, Op.BGE, 'rs1,rs2,imm', 'B', C.Branch, 'I'],
  ['bltu', 0x00006063, I, Op.BLTU, 'rs1,rs2,imm', 'B', C.Branch, 'I'],
  ['bgeu', 0x00007063, I, Op.BGEU, 'rs1,rs2,imm', 'B', C.Branch, 'I'],
  ['lb', 0x00000003, I, Op.LB, 'rd,imm(rs1)', 'I', C.Load, 'I'],
  ['lh', 0x00001003, I, Op.LH, 'rd,imm(rs1)', 'I', C.Load, 'I'],
  ['lw', 0x00002003, I, Op.LW, 'rd,imm(rs1)', 'I', C.Load, 'I'],
  ['ld', 0x00003003, I, Op.LD, 'rd,imm(rs1)', 'I', C.Load, 'I'],
  ['lbu', 0x00004003, I, Op.LBU, 'rd,imm(rs1)', 'I', C.Load, 'I'],
  ['lhu', 0x00005003, I, Op.LHU, 'rd,imm(rs1)', 'I', C.Load, 'I'],
  ['lwu', 0x00006003, I, Op.LWU, 'rd,imm(rs1)', 'I', C.Load, 'I'],
  ['sb', 0x00000023, I, Op.SB, 'rs2,imm(rs1)', 'S', C.Store, 'I'],
  ['sh', 0x00001023, I, Op.SH, 'rs2,imm(rs1)', 'S', C.Store, 'I'],
  ['sw', 0x00002023, I, Op.SW, 'rs2,imm(rs1)', 'S', C.Store, 'I'],
  ['sd', 0x00003023, I, Op.SD, 'rs2,imm(rs1)', 'S', C.Store, 'I'],
  ['addi', 0x00000013, I, Op.ADDI, 'rd,rs1,imm', 'I', C.Alu, 'I'],
  ['slti', 0x00002013, I, Op.SLTI, 'rd,rs1,imm', 'I', C.Alu, 'I'],
  ['sltiu', 0x00003013, I, Op.SLTIU, 'rd,rs1,imm', 'I', C.Alu, 'I'],
  ['xori', 0x00004013, I, Op.XORI, 'rd,rs1,imm', 'I', C.Alu, 'I'],
  ['ori', 0x00006013, I, Op.ORI, 'rd,rs1,imm', 'I', C.Alu, 'I'],
  ['andi', 0x00007013, I, Op.ANDI, 'rd,rs1,imm', 'I', C.Alu, 'I'],
  ['slli', 0x00001013, SH6, Op.SLLI, 'rd,rs1,imm', 'shamt6', C.Alu, 'I'],
  ['srli', 0x00005013, SH6, Op.SRLI, 'rd,rs1,imm', 'shamt6', C.Alu, 'I'],
  ['srai', 0x40005013, SH6, Op.SRAI, 'rd,rs1,imm', 'shamt6', C.Alu, 'I'],
  ['add', 0x00000033, R, Op.ADD, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['sub', 0x40000033, R, Op.SUB, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['sll', 0x00001033, R, Op.SLL, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['slt', 0x00002033, R, Op.SLT, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['sltu', 0x00003033, R, Op.SLTU, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['xor', 0x00004033, R, Op.XOR, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['srl', 0x00005033, R, Op.SRL, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['sra', 0x40005033, R, Op.SRA, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['or', 0x00006033, R, Op.OR, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['and', 0x00007033, R, Op.AND, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['addiw', 0x0000001b, I, Op.ADDIW, 'rd,rs1,imm', 'I', C.Alu, 'I'],
  ['slliw', 0x0000101b, R, Op.SLLIW, 'rd,rs1,imm', 'shamt5', C.Alu, 'I'],
  ['srliw', 0x0000501b, R, Op.SRLIW, 'rd,rs1,imm', 'shamt5', C.Alu, 'I'],
  ['sraiw', 0x4000501b, R, Op.SRAIW, 'rd,rs1,imm', 'shamt5', C.Alu, 'I'],
  ['addw', 0x0000003b, R, Op.ADDW, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['subw', 0x4000003b, R, Op.SUBW, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['sllw', 0x0000103b, R, Op.SLLW, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['srlw', 0x0000503b, R, Op.SRLW, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['sraw', 0x4000503b, R, Op.SRAW, 'rd,rs1,rs2', undefined, C.Alu, 'I'],
  ['fence', 0x0000000f, I, Op.FENCE, 'pred,succ', undefined, C.Fence, 'I'],
  ['ecall', 0x00000073, EXACT, Op.ECALL, '', undefined, C.Ecall, 'I'],
  ['ebreak', 0x00100073, EXACT, Op.EBREAK, '', undefined, C.Ebreak, 'I'],
  // Zifencei
  ['fence.i', 0x0000100f, I, Op.FENCE_I, '', undefined, C.FenceI, 'Zifencei'],
  // M (ch. 13)
  ['mul', 0x02000033, R, Op.MUL, 'rd,rs1,rs2', undefined, C.Mul, 'M'],
  ['mulh', 0x02001033, R, Op.MULH, 'rd,rs1,rs2', undefined, C.Mul, 'M'],
  ['mulhsu', 0x02002033, R, Op.MULHSU, 'rd,rs1,rs2', undefined, C.Mul, 'M'],
  ['mulhu', 0x02003033, R, Op.MULHU, 'rd,rs1,rs2', undefined, C.Mul, 'M'],
  ['div', 0x02004033, R, Op.DIV, 'rd,rs1,rs2', undefined, C.Div, 'M'],
  ['divu', 0x02005033, R, Op.DIVU, 'rd,rs1,rs2', undefined, C.Div, 'M'],
  ['rem', 0x02006033, R, Op.REM, 'rd,rs1,rs2', undefined, C.Div, 'M'],
  ['remu', 0x02007033, R, Op.REMU, 'rd,rs1,rs2', undefined, C.Div, 'M'],
  ['mulw', 0x0200003b, R, Op.MULW, 'rd,rs1,rs2', undefined, C.MulW, 'M'],
  ['divw', 0x0200403b, R, Op.DIVW, 'rd,rs1,rs2', undefined, C.DivW, 'M'],
  ['divuw', 0x0200503b, R, Op.DIVUW, 'rd,rs1,rs2', undefined, C.DivW, 'M'],
  ['remw', 0x0200603b, R, Op.REMW, 'rd,rs1,rs2', undefined, C.DivW, 'M'],
  ['remuw', 0x0200703b, R, Op.REMUW, 'rd,rs1,rs2', undefined, C.DivW, 'M'],
  // A (ch. 14); aq/rl (bits 26/25) are written as .aq/.rl/.aqrl suffixes.
  ['lr.w', 0x1000202f, LR, Op.LR_W, 'rd,(rs1)', undefined, C.Lr, 'A'],
  ['sc.w', 0x1800202f, AMO, Op.SC_W, 'rd,rs2,(rs1)', undefined, C.Sc, 'A'],
  ['amoswap.w', 0x0800202f, AMO, Op.AMOSWAP_W, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amoadd.w', 0x0000202f, AMO, Op.AMOADD_W, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amoxor.w', 0x2000202f, AMO, Op.AMOXOR_W, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amoand.w', 0x6000202f, AMO, Op.AMOAND_W, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amoor.w', 0x4000202f, AMO, Op.AMOOR_W, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amomin.w', 0x8000202f, AMO, Op.AMOMIN_W, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amomax.w', 0xa000202f, AMO, Op.AMOMAX_W, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amominu.w', 0xc000202f, AMO, Op.AMOMINU_W, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amomaxu.w', 0xe000202f, AMO, Op.AMOMAXU_W, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['lr.d', 0x1000302f, LR, Op.LR_D, 'rd,(rs1)', undefined, C.Lr, 'A'],
  ['sc.d', 0x1800302f, AMO, Op.SC_D, 'rd,rs2,(rs1)', undefined, C.Sc, 'A'],
  ['amoswap.d', 0x0800302f, AMO, Op.AMOSWAP_D, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amoadd.d', 0x0000302f, AMO, Op.AMOADD_D, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amoxor.d', 0x2000302f, AMO, Op.AMOXOR_D, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amoand.d', 0x6000302f, AMO, Op.AMOAND_D, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amoor.d', 0x4000302f, AMO, Op.AMOOR_D, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amomin.d', 0x8000302f, AMO, Op.AMOMIN_D, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amomax.d', 0xa000302f, AMO, Op.AMOMAX_D, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amominu.d', 0xc000302f, AMO, Op.AMOMINU_D, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  ['amomaxu.d', 0xe000302f, AMO, Op.AMOMAXU_D, 'rd,rs2,(rs1)', undefined, C.Amo, 'A'],
  // Zicsr (ch. 7)
  ['csrrw', 0x00001073, I, Op.CSRRW, 'rd,csr,rs1', 'csr', C.Csr, 'Zicsr'],
  ['csrrs', 0x00002073, I, Op.CSRRS, 'rd,csr,rs1', 'csr', C.Csr, 'Zicsr'],
  ['csrrc', 0x00003073, I, Op.CSRRC, 'rd,csr,rs1', 'csr', C.Csr, 'Zicsr'],
  ['csrrwi', 0x00005073, I, Op.CSRRWI, 'rd,csr,zimm', 'csr', C.Csr, 'Zicsr'],
  ['csrrsi', 0x00006073, I, Op.CSRRSI, 'rd,csr,zimm', 'csr', C.Csr, 'Zicsr'],
  ['csrrci', 0x00007073, I, Op.CSRRCI, 'rd,csr,zimm', 'csr', C.Csr, 'Zicsr'],
  // Privileged (privileged spec 1.12 ch. 3-4; uret from the N extension drafts)
  ['mret', 0x30200073, EXACT, Op.MRET, '', undefined, C.Xret, 'Priv'],
  ['sret', 0x10200073, EXACT, Op.SRET, '', undefined, C.Xret, 'Priv'],
  ['uret', 0x00200073, EXACT, Op.URET, '', undefined, C.Xret, 'N'],
  ['wfi', 0x10500073, EXACT, Op.WFI, '', undefined, C.Wfi, 'Priv'],
  ['sfence.vma', 0x12000073, 0xfe007fff, Op.SFENCE_VMA, 'rs1,rs2', undefined, C.SfenceVma, 'Priv'],
  // UINTR uipi (uintr.md §2): custom-3 opcode 0x7B, funct3 0b110, rs2 = x0; funct7 selects the
  // operation and the rd/rs1 fields an operation does not use are ignored (as in the QEMU fork).
  ['uipi.send', 0x0000607b, 0xfff0707f, Op.UIPI_SEND, 'rs1', undefined, C.Uipi, 'Uintr'],
  ['uipi.read', 0x0200607b, 0xfff0707f, Op.UIPI_READ, 'rd', undefined, C.Uipi, 'Uintr'],
  ['uipi.write', 0x0400607b, 0xfff0707f, Op.UIPI_WRITE, 'rs1', undefined, C.Uipi, 'Uintr'],
  ['uipi.activate', 0x0600607b, 0xfff0707f, Op.UIPI_ACTIVATE, '', undefined, C.Uipi, 'Uintr'],
  ['uipi.deactivate', 0x0800607b, 0xfff0707f, Op.UIPI_DEACTIVATE, '', undefined, C.Uipi, 'Uintr'],
];

/** Any other word with the uipi opcode/funct3 decodes to UIPI_NOP: "does nothing, rd <- 0". */
export const UipiFallback: InsnDef = {
  name: 'uipi', match: 0x0000607b, mask: 0x0000707f, op: Op.UIPI_NOP, args: 'rd,rs1', cls: InsnClass.Uipi, ext: 'Uintr',
};

export const Instructions: readonly InsnDef[] = rows.map(([name, match, mask, op, args, imm, cls, ext]) => ({
  name, match: match >>> 0, mask: mask >>> 0, op, args, imm, cls, ext,
}));

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
  readonly base: Op;
  readonly rd: CReg;
  readonly rs1: CReg;
  readonly rs2: CReg;
  readonly reserved?: readonly CReserved[];
}

type CRow = [name: string, match: number, mask: number, args: string, imm: ImmName | undefined, base: Op, rd: CReg, rs1: CReg, rs2: CReg, reserved?: CReserved[]];

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

/** The base row of each Op (for the disassembler and tracer). */
export function defOfOp(): InsnDef[] {
  const out: InsnDef[] = [];
  for (const d of Instructions) out[d.op] = d;
  out[Op.UIPI_NOP] = UipiFallback;
  return out;
}
