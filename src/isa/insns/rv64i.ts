/** RV64I (unprivileged spec ch. 2 and 5) and Zifencei. */
import { InsnClass as C } from '../classes';
import { ADD_IMM, LT, LTU, LT_IMM, LTU_IMM, SET_RD, SET_RD_NUM, SET_RD_W, SHL64, SHR64, SRA64 } from '../semantics';
import { EXACT, I, R, SH6, U, insn } from './spec';

export const RV64I = [
  insn('lui', 0x00000037, U, 'rd,imm', 'U', C.Alu, 'I', 'xl[RD] = IMM; xh[RD] = IMM >> 31;'),
  insn('auipc', 0x00000017, U, 'rd,imm', 'U', C.Alu, 'I', `v = PC + IMM; ${SET_RD_NUM}`),
  insn('jal', 0x0000006f, U, 'rd,imm', 'J', C.Jal, 'I', `v = NPC; ${SET_RD_NUM} JUMP(PC + IMM);`),
  // The target is computed from rs1 before rd is written (rd may be rs1).
  insn('jalr', 0x00000067, I, 'rd,imm(rs1)', 'I', C.Jalr, 'I', `${ADD_IMM} lo &= ~1; v = NPC; ${SET_RD_NUM} JUMP64(lo, hi);`),
  // Equality as one test of both halves: with `a !== b || ah !== bh`, a counted loop's closing
  // branch compares its high halves first when the loop ends, in code V8 optimised without
  // type feedback for that compare, and V8 deoptimises there (docs/performance-log.md, "alu
  // ideal: a loop's end without a deopt").
  insn('beq', 0x00000063, I, 'rs1,rs2,imm', 'B', C.Branch, 'I', 'BRANCH(((a ^ b) | (ah ^ bh)) === 0);'),
  insn('bne', 0x00001063, I, 'rs1,rs2,imm', 'B', C.Branch, 'I', 'BRANCH(((a ^ b) | (ah ^ bh)) !== 0);'),
  insn('blt', 0x00004063, I, 'rs1,rs2,imm', 'B', C.Branch, 'I', `BRANCH(${LT});`),
  insn('bge', 0x00005063, I, 'rs1,rs2,imm', 'B', C.Branch, 'I', `BRANCH(!(${LT}));`),
  insn('bltu', 0x00006063, I, 'rs1,rs2,imm', 'B', C.Branch, 'I', `BRANCH(${LTU});`),
  insn('bgeu', 0x00007063, I, 'rs1,rs2,imm', 'B', C.Branch, 'I', `BRANCH(!(${LTU}));`),
  insn('lb', 0x00000003, I, 'rd,imm(rs1)', 'I', C.Load, 'I', `LOAD(1); v = (v << 24) >> 24; ${SET_RD_W}`),
  insn('lh', 0x00001003, I, 'rd,imm(rs1)', 'I', C.Load, 'I', `LOAD(2); v = (v << 16) >> 16; ${SET_RD_W}`),
  insn('lw', 0x00002003, I, 'rd,imm(rs1)', 'I', C.Load, 'I', `LOAD(4); ${SET_RD_W}`),
  insn('ld', 0x00003003, I, 'rd,imm(rs1)', 'I', C.Load, 'I', 'LOAD(8); xl[RD] = v; xh[RD] = vh;'),
  insn('lbu', 0x00004003, I, 'rd,imm(rs1)', 'I', C.Load, 'I', 'LOAD(1); xl[RD] = v; xh[RD] = 0;'),
  insn('lhu', 0x00005003, I, 'rd,imm(rs1)', 'I', C.Load, 'I', 'LOAD(2); xl[RD] = v; xh[RD] = 0;'),
  insn('lwu', 0x00006003, I, 'rd,imm(rs1)', 'I', C.Load, 'I', 'LOAD(4); xl[RD] = v; xh[RD] = 0;'),
  insn('sb', 0x00000023, I, 'rs2,imm(rs1)', 'S', C.Store, 'I', 'STORE(1);'),
  insn('sh', 0x00001023, I, 'rs2,imm(rs1)', 'S', C.Store, 'I', 'STORE(2);'),
  insn('sw', 0x00002023, I, 'rs2,imm(rs1)', 'S', C.Store, 'I', 'STORE(4);'),
  insn('sd', 0x00003023, I, 'rs2,imm(rs1)', 'S', C.Store, 'I', 'STORE(8);'),
  insn('addi', 0x00000013, I, 'rd,rs1,imm', 'I', C.Alu, 'I', `${ADD_IMM} ${SET_RD}`),
  insn('slti', 0x00002013, I, 'rd,rs1,imm', 'I', C.Alu, 'I', `xl[RD] = ${LT_IMM} ? 1 : 0; xh[RD] = 0;`),
  insn('sltiu', 0x00003013, I, 'rd,rs1,imm', 'I', C.Alu, 'I', `xl[RD] = ${LTU_IMM} ? 1 : 0; xh[RD] = 0;`),
  insn('xori', 0x00004013, I, 'rd,rs1,imm', 'I', C.Alu, 'I', 'xl[RD] = a ^ IMM; xh[RD] = ah ^ (IMM >> 31);'),
  insn('ori', 0x00006013, I, 'rd,rs1,imm', 'I', C.Alu, 'I', 'xl[RD] = a | IMM; xh[RD] = ah | (IMM >> 31);'),
  insn('andi', 0x00007013, I, 'rd,rs1,imm', 'I', C.Alu, 'I', 'xl[RD] = a & IMM; xh[RD] = ah & (IMM >> 31);'),
  insn('slli', 0x00001013, SH6, 'rd,rs1,imm', 'shamt6', C.Alu, 'I', `sh = IMM; ${SHL64} ${SET_RD}`),
  insn('srli', 0x00005013, SH6, 'rd,rs1,imm', 'shamt6', C.Alu, 'I', `sh = IMM; ${SHR64} ${SET_RD}`),
  insn('srai', 0x40005013, SH6, 'rd,rs1,imm', 'shamt6', C.Alu, 'I', `sh = IMM; ${SRA64} ${SET_RD}`),
  insn('add', 0x00000033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `lo = (a + b) | 0; hi = (ah + bh + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0; ${SET_RD}`),
  insn('sub', 0x40000033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `lo = (a - b) | 0; hi = (ah - bh - (a >>> 0 < b >>> 0 ? 1 : 0)) | 0; ${SET_RD}`),
  insn('sll', 0x00001033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `sh = b & 63; ${SHL64} ${SET_RD}`),
  insn('slt', 0x00002033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `xl[RD] = ${LT} ? 1 : 0; xh[RD] = 0;`),
  insn('sltu', 0x00003033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `xl[RD] = ${LTU} ? 1 : 0; xh[RD] = 0;`),
  insn('xor', 0x00004033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', 'xl[RD] = a ^ b; xh[RD] = ah ^ bh;'),
  insn('srl', 0x00005033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `sh = b & 63; ${SHR64} ${SET_RD}`),
  insn('sra', 0x40005033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `sh = b & 63; ${SRA64} ${SET_RD}`),
  insn('or', 0x00006033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', 'xl[RD] = a | b; xh[RD] = ah | bh;'),
  insn('and', 0x00007033, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', 'xl[RD] = a & b; xh[RD] = ah & bh;'),
  insn('addiw', 0x0000001b, I, 'rd,rs1,imm', 'I', C.Alu, 'I', `v = (a + IMM) | 0; ${SET_RD_W}`),
  insn('slliw', 0x0000101b, R, 'rd,rs1,imm', 'shamt5', C.Alu, 'I', `v = a << IMM; ${SET_RD_W}`),
  insn('srliw', 0x0000501b, R, 'rd,rs1,imm', 'shamt5', C.Alu, 'I', `v = (a >>> IMM) | 0; ${SET_RD_W}`),
  insn('sraiw', 0x4000501b, R, 'rd,rs1,imm', 'shamt5', C.Alu, 'I', `v = a >> IMM; ${SET_RD_W}`),
  insn('addw', 0x0000003b, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `v = (a + b) | 0; ${SET_RD_W}`),
  insn('subw', 0x4000003b, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `v = (a - b) | 0; ${SET_RD_W}`),
  insn('sllw', 0x0000103b, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `v = a << (b & 31); ${SET_RD_W}`),
  insn('srlw', 0x0000503b, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `v = (a >>> (b & 31)) | 0; ${SET_RD_W}`),
  insn('sraw', 0x4000503b, R, 'rd,rs1,rs2', undefined, C.Alu, 'I', `v = a >> (b & 31); ${SET_RD_W}`),
  insn('fence', 0x0000000f, I, 'pred,succ', undefined, C.Fence, 'I', ''),
  insn('ecall', 0x00000073, EXACT, '', undefined, C.Ecall, 'I', 'RAISE(h.ecall());'),
  insn('ebreak', 0x00100073, EXACT, '', undefined, C.Ebreak, 'I', 'RAISE(h.ebreak());'),
  // Zifencei: the hart re-validates its decoded copy of the code; other harts' stores to code
  // are seen here (in cycle order, hence ORDERED).
  insn('fence.i', 0x0000100f, I, '', undefined, C.FenceI, 'Zifencei', 'ORDERED; HART(h.fenceI()); END;'),
] as const;
