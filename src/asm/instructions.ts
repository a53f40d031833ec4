/**
 * Instruction statements: base rows of the shared table, GNU as's pseudo-instructions and
 * aliases, li/la/lla/call/tail expansions, and branches (handed to relaxation); `.insn` and
 * explicit `c.*` mnemonics are in forms.ts. Compression follows compress.ts: GNU as tries the
 * RVC rows of the *written* mnemonic first.
 */
import { RvnError } from '../errors';
import type { CArg } from './compress';
import { immConst, mem, needImm, needReg, num, reg, target, type InsnContext } from './context';
import { csrNumber } from './csrnames';
import type { BaseFields } from './encode';
import type { Fixup } from './items';
import type { RelocType } from './object';
import { parseOperand, type ImmOperand, type Operand } from './operands';
import { splitOperands } from './source';
import { isPrimeReg } from './registers';
import { explicitCompressed } from './forms';

export type { BranchSpec, InsnContext } from './context';
export { assembleInsnDirective } from './forms';

/** Operands as the compressor sees them (memory operands flattened to offset, base). */
function cargs(ctx: InsnContext, ops: readonly Operand[]): CArg[] {
  const out: CArg[] = [];
  for (const o of ops) {
    if (o.k === 'reg') out.push({ reg: o.r });
    else {
      const imm = o.k === 'imm' ? o : o.off;
      // GNU as never compresses an operand written with %hi/%lo/...: its RVC operand parsers
      // reject any relocation operator (tc-riscv.c riscv_ip, my_getSmallExpression).
      const v = imm.mod !== undefined ? undefined : immConst(ctx, imm);
      out.push(v === undefined ? { other: true } : { imm: v });
      if (o.k === 'mem') out.push({ reg: o.base });
    }
  }
  return out;
}

function tryCompress(ctx: InsnContext, mnemonic: string, ops: readonly Operand[]): boolean {
  if (!ctx.rvc) return false;
  const c = ctx.comp.compress(mnemonic, cargs(ctx, ops));
  if (c === undefined) return false;
  ctx.emit(ctx.enc.encodeC(c.name, c.fields), 2);
  return true;
}

const RELOC_FOR: Record<string, Partial<Record<string, RelocType>>> = {
  U: { hi: 'HI20', pcrel_hi: 'PCREL_HI20' },
  I: { lo: 'LO12_I', pcrel_lo: 'PCREL_LO12_I' },
  S: { lo: 'LO12_S', pcrel_lo: 'PCREL_LO12_S' },
};

function fencePart(o: Operand | undefined): number {
  const t = o?.k === 'imm' ? o.text.toLowerCase() : '';
  if (!/^[iorw]+$/.test(t)) throw new RvnError(`bad fence operand '${o?.text ?? ''}'`);
  return (t.includes('i') ? 8 : 0) | (t.includes('o') ? 4 : 0) | (t.includes('r') ? 2 : 0) | (t.includes('w') ? 1 : 0);
}

function csrOperand(ctx: InsnContext, o: Operand | undefined): number {
  if (o?.k === 'imm' && o.expr.k === 'sym') {
    const n = csrNumber(o.expr.name);
    if (n !== undefined) return n;
  }
  const v = o?.k === 'imm' ? immConst(ctx, o) : undefined;
  if (v === undefined || v < 0 || v > 0xfff) throw new RvnError(`bad CSR '${o?.text ?? ''}'`);
  return v;
}

/** Encodes base row `row` from operands laid out as the row's `args` (no compression). */
function encodeRow(ctx: InsnContext, row: string, ops: readonly Operand[], aqrl?: number): void {
  const def = ctx.enc.baseRow(row);
  if (def === undefined) throw new RvnError(`unknown instruction '${row}'`);
  ctx.checkExtension(def.ext, row);
  const tokens = def.args === '' ? [] : def.args.split(',');
  if (tokens.length !== ops.length) throw new RvnError(`'${row}' takes operands ${def.args || '(none)'}`);
  const f: BaseFields = { aqrl };
  let fix: Fixup | undefined;
  const immField = (o: ImmOperand): void => {
    const kind = def.imm ?? 'I';
    const v = immConst(ctx, o);
    if (v !== undefined && o.mod !== 'pcrel_hi' && o.mod !== 'pcrel_lo') {
      if (kind === 'U') {
        if (v < 0 || v > 0xfffff) throw new RvnError(`lui/auipc immediate ${v} out of range (0..1048575)`);
        f.imm = v << 12;
      } else f.imm = v;
      return;
    }
    const type = o.mod === undefined ? undefined : RELOC_FOR[kind]?.[o.mod];
    if (type === undefined) {
      throw new RvnError(o.mod ? `%${o.mod} is not allowed in this operand of '${row}'` : `'${o.text}' is not a constant`);
    }
    fix = { type, expr: o.expr };
    f.imm = 0;
  };
  tokens.forEach((t, i) => {
    const o = ops[i];
    switch (t) {
      case 'rd': f.rd = needReg(o, row); break;
      case 'rs1': f.rs1 = needReg(o, row); break;
      case 'rs2': f.rs2 = needReg(o, row); break;
      case 'imm': immField(needImm(o, row)); break;
      case 'imm(rs1)':
      case '(rs1)': {
        if (o.k !== 'mem') throw new RvnError(`${row}: expected a memory operand offset(reg), got '${o.text}'`);
        if (t === '(rs1)' && immConst(ctx, o.off) !== 0) throw new RvnError(`${row}: address offset must be 0`);
        f.rs1 = o.base;
        if (t === 'imm(rs1)') immField(o.off);
        break;
      }
      case 'csr': f.imm = csrOperand(ctx, o); break;
      case 'zimm': {
        const v = immConst(ctx, needImm(o, row));
        if (v === undefined) throw new RvnError(`'${o.text}' is not a constant`);
        f.zimm = v;
        break;
      }
      case 'pred': f.pred = fencePart(o); break;
      case 'succ': f.succ = fencePart(o); break;
      default: throw new RvnError(`internal: operand kind ${t}`);
    }
  });
  ctx.emit(ctx.enc.encode(row, f), 4, fix);
}

/** Assembles `mnemonic ops` through compression then the base row (what md_assemblef does). */
function instr(ctx: InsnContext, mnemonic: string, row: string, ops: readonly Operand[], aqrl?: number): void {
  if (tryCompress(ctx, mnemonic, ops)) return;
  encodeRow(ctx, row, ops, aqrl);
}

/** Pseudo-instructions that are one base instruction: written operands -> row operands. */
const ALIASES: Record<string, (o: Operand[]) => [string, Operand[]]> = {
  nop: () => ['addi', [reg(0), reg(0), num(0)]],
  mv: (o) => ['addi', [o[0], o[1], num(0)]],
  move: (o) => ['addi', [o[0], o[1], num(0)]],
  not: (o) => ['xori', [o[0], o[1], num(-1)]],
  neg: (o) => ['sub', [o[0], reg(0), o[1]]],
  negw: (o) => ['subw', [o[0], reg(0), o[1]]],
  'sext.w': (o) => ['addiw', [o[0], o[1], num(0)]],
  'zext.b': (o) => ['andi', [o[0], o[1], num(255)]],
  seqz: (o) => ['sltiu', [o[0], o[1], num(1)]],
  snez: (o) => ['sltu', [o[0], reg(0), o[1]]],
  sltz: (o) => ['slt', [o[0], o[1], reg(0)]],
  sgtz: (o) => ['slt', [o[0], reg(0), o[1]]],
  sgt: (o) => ['slt', [o[0], o[2], o[1]]],
  sgtu: (o) => ['sltu', [o[0], o[2], o[1]]],
  ret: () => ['jalr', [reg(0), mem(num(0), 1)]],
  csrr: (o) => ['csrrs', [o[0], o[1], reg(0)]],
  rdcycle: (o) => ['csrrs', [o[0], num(0xc00), reg(0)]],
  rdtime: (o) => ['csrrs', [o[0], num(0xc01), reg(0)]],
  rdinstret: (o) => ['csrrs', [o[0], num(0xc02), reg(0)]],
  frcsr: (o) => ['csrrs', [o[0], num(0x003), reg(0)]],
  csrwi: (o) => ['csrrwi', [reg(0), o[0], o[1]]],
  csrsi: (o) => ['csrrsi', [reg(0), o[0], o[1]]],
  csrci: (o) => ['csrrci', [reg(0), o[0], o[1]]],
  sbreak: () => ['ebreak', []],
  scall: () => ['ecall', []],
};

/** Register-register mnemonics that take an immediate third operand as their I-form. */
const IMM_FORM: Record<string, string> = {
  add: 'addi', and: 'andi', or: 'ori', xor: 'xori', sll: 'slli', srl: 'srli', sra: 'srai',
  slt: 'slti', sltu: 'sltiu', addw: 'addiw', sllw: 'slliw', srlw: 'srliw', sraw: 'sraiw',
  csrrw: 'csrrwi', csrrs: 'csrrsi', csrrc: 'csrrci',
};

/** Conditional branches: written operands -> [row, rs1, rs2, target]. */
const BRANCHES: Record<string, (o: Operand[]) => [string, Operand, Operand, Operand]> = {
  beq: (o) => ['beq', o[0], o[1], o[2]], bne: (o) => ['bne', o[0], o[1], o[2]],
  blt: (o) => ['blt', o[0], o[1], o[2]], bge: (o) => ['bge', o[0], o[1], o[2]],
  bltu: (o) => ['bltu', o[0], o[1], o[2]], bgeu: (o) => ['bgeu', o[0], o[1], o[2]],
  beqz: (o) => ['beq', o[0], reg(0), o[1]], bnez: (o) => ['bne', o[0], reg(0), o[1]],
  blez: (o) => ['bge', reg(0), o[0], o[1]], bgez: (o) => ['bge', o[0], reg(0), o[1]],
  bltz: (o) => ['blt', o[0], reg(0), o[1]], bgtz: (o) => ['blt', reg(0), o[0], o[1]],
  bgt: (o) => ['blt', o[1], o[0], o[2]], ble: (o) => ['bge', o[1], o[0], o[2]],
  bgtu: (o) => ['bltu', o[1], o[0], o[2]], bleu: (o) => ['bgeu', o[1], o[0], o[2]],
};

const BRANCH_ARITY: Record<string, number> = { beqz: 2, bnez: 2, blez: 2, bgez: 2, bltz: 2, bgtz: 2 };

function branch(ctx: InsnContext, m: string, ops: Operand[]): void {
  const arity = BRANCH_ARITY[m] ?? 3;
  if (ops.length !== arity) throw new RvnError(`'${m}' takes ${arity} operands`);
  const [row, a, b, t] = BRANCHES[m](ops);
  const rs1 = needReg(a, m);
  const rs2 = needReg(b, m);
  // GNU as's RVC rows: beqz/bnez Cs,label and beq/bne Cs,zero,label.
  const rvc = ctx.rvc && (m === 'beqz' || m === 'bnez' || m === 'beq' || m === 'bne') && isPrimeReg(rs1) && rs2 === 0;
  ctx.emitBranch({ jump: false, name: row, rd: 0, rs1, rs2, rvc, target: target(t, m) });
}

function jump(ctx: InsnContext, m: string, ops: Operand[]): void {
  if (m === 'j') {
    if (ops.length !== 1) throw new RvnError(`'j' takes 1 operand`);
    ctx.emitBranch({ jump: true, name: 'jal', rd: 0, rs1: 0, rs2: 0, rvc: ctx.rvc, target: target(ops[0], m) });
    return;
  }
  if (ops.length === 1) {
    ctx.emitBranch({ jump: true, name: 'jal', rd: 1, rs1: 0, rs2: 0, rvc: false, target: target(ops[0], m) });
    return;
  }
  if (ops.length !== 2) throw new RvnError(`'jal' takes 1 or 2 operands`);
  ctx.emitBranch({ jump: true, name: 'jal', rd: needReg(ops[0], m), rs1: 0, rs2: 0, rvc: false, target: target(ops[1], m) });
}

/** jr / jalr in all their GNU as forms. */
function indirect(ctx: InsnContext, m: string, ops: Operand[]): void {
  if (tryCompress(ctx, m, ops)) return;
  const link = m === 'jalr' ? 1 : 0;
  let rd = link;
  let rest = ops;
  if (m === 'jalr' && ops.length >= 2 && ops[0].k === 'reg') {
    rd = ops[0].r;
    rest = ops.slice(1);
  }
  let target: Operand;
  if (rest.length === 1 && rest[0].k === 'reg') target = mem(num(0), rest[0].r);
  else if (rest.length === 1 && rest[0].k === 'mem') target = rest[0];
  else if (rest.length === 2 && rest[0].k === 'reg' && rest[1].k === 'imm') target = mem(rest[1], rest[0].r);
  else throw new RvnError(`bad operands for '${m}'`);
  encodeRow(ctx, 'jalr', [reg(rd), target]);
}

/** GNU as load_const (tc-riscv.c): the exact li sequence for a constant that needs more than addi. */
function loadConst(ctx: InsnContext, rd: number, v: bigint): void {
  const lower = BigInt.asIntN(64, ((v & 0xfffn) ^ 0x800n) - 0x800n);
  let upper = BigInt.asIntN(64, v - lower);
  if (BigInt.asIntN(32, v) !== v) {
    let shift = 12n;
    while (((upper >> shift) & 1n) === 0n) shift++;
    upper >>= shift;
    loadConst(ctx, rd, upper);
    instr(ctx, 'slli', 'slli', [reg(rd), reg(rd), num(Number(shift))]);
    if (lower !== 0n) instr(ctx, 'addi', 'addi', [reg(rd), reg(rd), num(Number(lower))]);
    return;
  }
  let hi = 0;
  if (upper !== 0n) {
    instr(ctx, 'lui', 'lui', [reg(rd), num(Number((upper & 0xffffffffn) >> 12n))]);
    hi = rd;
  }
  if (lower !== 0n || hi === 0) instr(ctx, 'addiw', 'addiw', [reg(rd), reg(hi), num(Number(lower))]);
}

function li(ctx: InsnContext, ops: Operand[]): void {
  if (ops.length !== 2) throw new RvnError(`'li' takes 2 operands`);
  const rd = needReg(ops[0], 'li');
  const o = needImm(ops[1], 'li');
  const raw = ctx.constant(o.expr);
  if (raw === undefined || o.mod !== undefined) {
    if (o.mod === 'lo') return encodeRow(ctx, 'addi', [reg(rd), reg(0), o]);
    throw new RvnError(`li: '${o.text}' is not a constant (use la/lla for addresses)`);
  }
  const v = BigInt.asIntN(64, raw);
  if (tryCompress(ctx, 'li', [reg(rd), num(Number(v))])) return;
  if (v >= -2048n && v < 2048n) return encodeRow(ctx, 'addi', [reg(rd), reg(0), num(Number(v))]);
  loadConst(ctx, rd, v);
}

/** lla/la (la = lla: this toolchain is never PIC): auipc + addi with a %pcrel_lo label. */
function lla(ctx: InsnContext, m: string, ops: Operand[]): void {
  if (ops.length !== 2) throw new RvnError(`'${m}' takes 2 operands`);
  const rd = needReg(ops[0], m);
  const t = target(ops[1], m);
  const v = ctx.constant(t);
  if (v !== undefined) { // GNU as: the address of a constant is built like li (load_const)
    if (BigInt.asIntN(32, v) !== BigInt.asIntN(64, v)) throw new RvnError(`${m}: offset too large`);
    return loadConst(ctx, rd, BigInt.asIntN(64, v));
  }
  const hiLabel = ctx.newLabel();
  ctx.emit(ctx.enc.encode('auipc', { rd, imm: 0 }), 4, { type: 'PCREL_HI20', expr: t });
  ctx.emit(ctx.enc.encode('addi', { rd, rs1: rd, imm: 0 }), 4, { type: 'PCREL_LO12_I', expr: { k: 'sym', name: hiLabel } });
}

function call(ctx: InsnContext, m: string, ops: Operand[]): void {
  let link = m === 'call' ? 1 : 0;
  let tmp = m === 'call' ? 1 : 6;
  let t: Operand | undefined = ops[0];
  if (m === 'call' && ops.length === 2) {
    link = needReg(ops[0], m); // GNU as: `call rd, sym` links rd through t1
    tmp = 6;
    t = ops[1];
  } else if (ops.length !== 1) throw new RvnError(`bad operands for '${m}'`);
  ctx.emit(ctx.enc.encode('auipc', { rd: tmp, imm: 0 }), 4, { type: 'CALL', expr: target(t, m) });
  ctx.emit(ctx.enc.encode('jalr', { rd: link, rs1: tmp, imm: 0 }), 4);
}

function csrWrite(ctx: InsnContext, m: string, ops: Operand[]): void {
  if (ops.length !== 2) throw new RvnError(`'${m}' takes 2 operands`);
  const row = { csrw: 'csrrw', csrs: 'csrrs', csrc: 'csrrc' }[m] ?? m;
  encodeRow(ctx, ops[1].k === 'reg' ? row : `${row}i`, [reg(0), ops[0], ops[1]]);
}

/** `ld rd, sym` and `sd rs, sym, rt`: auipc + access with %pcrel_lo (GNU as M_Lx / M_Sx). */
function symbolAccess(ctx: InsnContext, m: string, ops: Operand[], store: boolean): void {
  const data = needReg(ops[0], m);
  const tmp = store ? needReg(ops[2], m) : data;
  const t = target(ops[1], m);
  const hiLabel = ctx.newLabel();
  ctx.emit(ctx.enc.encode('auipc', { rd: tmp, imm: 0 }), 4, { type: 'PCREL_HI20', expr: t });
  const f = store ? { rs1: tmp, rs2: data, imm: 0 } : { rd: data, rs1: tmp, imm: 0 };
  ctx.emit(ctx.enc.encode(m, f), 4, { type: store ? 'PCREL_LO12_S' : 'PCREL_LO12_I', expr: { k: 'sym', name: hiLabel } });
}

const AQRL = /^(.*)\.(aqrl|aq|rl)$/;

/** Assembles one instruction statement. */
export function assembleInstruction(ctx: InsnContext, m: string, argText: string): void {
  const ops = splitOperands(argText).map((t) => parseOperand(t, (s) => ctx.parseExpr(s)));
  if (m in BRANCHES) return branch(ctx, m, ops);
  switch (m) {
    case 'j': case 'jal': return jump(ctx, m, ops);
    case 'jr': case 'jalr': return indirect(ctx, m, ops);
    case 'li': return li(ctx, ops);
    case 'la': case 'lla': return lla(ctx, m, ops);
    case 'call': case 'tail': return call(ctx, m, ops);
    case 'csrw': case 'csrs': case 'csrc': return csrWrite(ctx, m, ops);
    case 'unimp': return ctx.rvc ? ctx.emit(0, 2) : ctx.emit(0xc0001073, 4);
    case 'fence.tso': return ctx.emit(0x8330000f, 4);
    case 'fence': if (ops.length === 0) return ctx.emit(ctx.enc.encode('fence', { pred: 15, succ: 15 }), 4); break;
    case 'sfence.vma':
      if (ops.length < 2) return encodeRow(ctx, m, [ops[0] ?? reg(0), reg(0)]);
      break;
    default: break;
  }
  if (m in ALIASES) {
    if (tryCompress(ctx, m, ops)) return;
    const [row, rowOps] = ALIASES[m](ops);
    if (rowOps.some((o) => o === undefined)) throw new RvnError(`missing operand for '${m}'`);
    return encodeRow(ctx, row, rowOps);
  }
  if (IMM_FORM[m] !== undefined && ops.length === 3 && ops[2].k === 'imm') {
    return instr(ctx, m, IMM_FORM[m], ops);
  }
  const row = ctx.enc.baseRow(m);
  if (row?.args === 'rd,imm(rs1)' && m !== 'jalr' && ops.length === 2 && ops[1].k === 'imm') return symbolAccess(ctx, m, ops, false);
  if (row?.args === 'rs2,imm(rs1)' && ops.length === 3 && ops[1].k === 'imm') return symbolAccess(ctx, m, ops, true);
  if (row !== undefined) return instr(ctx, m, m, ops);
  if (m.startsWith('c.')) return explicitCompressed(ctx, m, ops);
  const a = AQRL.exec(m);
  const base = a ? ctx.enc.baseRow(a[1]) : undefined;
  if (a && base?.ext === 'A') {
    const bits = a[2] === 'aqrl' ? 3 : a[2] === 'aq' ? 2 : 1;
    return encodeRow(ctx, a[1], ops, bits);
  }
  throw new RvnError(`unknown instruction '${m}'`);
}

