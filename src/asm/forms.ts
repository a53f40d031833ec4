/** Raw instruction forms: `.insn` and explicitly compressed `c.*` mnemonics. */
import { RvnError } from '../errors';
import { Imm, insertImm } from '../isa/fields';
import { immConst, needImm, needReg, primeReg, target, type InsnContext } from './context';
import type { CFields } from './encode';
import type { Fixup } from './items';
import { parseOperand, type ImmOperand, type Operand } from './operands';
import { splitOperands } from './source';

/** An explicitly compressed mnemonic (`c.addi`, `c.lwsp`, ...), operands as the row's `args`. */
export function explicitCompressed(ctx: InsnContext, m: string, ops: Operand[]): void {
  const def = ctx.enc.compressed.get(m);
  if (def === undefined) throw new RvnError(`unknown instruction '${m}'`);
  ctx.checkExtension('C', m);
  // GNU as relaxes explicit c.j/c.beqz/c.bnez to labels like the plain mnemonics.
  if ((m === 'c.j' || m === 'c.beqz' || m === 'c.bnez') && ops[ops.length - 1]?.k === 'imm' &&
      immConst(ctx, ops[ops.length - 1] as ImmOperand) === undefined) {
    if (m === 'c.j') return ctx.emitBranch({ jump: true, name: 'jal', rd: 0, rs1: 0, rs2: 0, rvc: true, target: target(ops[0], m) });
    const rs1 = primeReg(ops[0], m);
    return ctx.emitBranch({ jump: false, name: m === 'c.beqz' ? 'beq' : 'bne', rd: 0, rs1, rs2: 0, rvc: true, target: target(ops[1], m) });
  }
  const tokens = def.args === '' ? [] : def.args.split(',');
  if (tokens.length !== ops.length) throw new RvnError(`'${m}' takes operands ${def.args || '(none)'}`);
  const f: CFields = {};
  const imm = (o: ImmOperand): number => {
    const v = immConst(ctx, o);
    if (v === undefined) throw new RvnError(`'${o.text}' is not a constant`);
    if (def.imm !== 'ci_lui') return v;
    if (v < 0 || v > 0xfffff) throw new RvnError(`c.lui immediate ${v} out of range`);
    return (v >= 0x80000 ? v - 0x100000 : v) * 4096;
  };
  tokens.forEach((t, i) => {
    const o = ops[i];
    switch (t) {
      case 'rd': f.rd = needReg(o, m); break;
      case 'rs2c': f.rs2c = needReg(o, m); break;
      case 'rdp': f.rdp = primeReg(o, m); break;
      case 'rs1p': f.rs1p = primeReg(o, m); break;
      case 'rs2p': f.rs2p = primeReg(o, m); break;
      case 'sp': if (needReg(o, m) !== 2) throw new RvnError(`${m}: operand ${i + 1} must be sp`); break;
      case 'imm': f.imm = imm(needImm(o, m)); break;
      default: {
        if (o.k !== 'mem') throw new RvnError(`${m}: expected a memory operand offset(reg), got '${o.text}'`);
        if (t === 'imm(sp)' && o.base !== 2) throw new RvnError(`${m}: the base register must be sp`);
        if (t === 'imm(rs1p)') f.rs1p = primeReg({ k: 'reg', r: o.base, text: o.text }, m);
        f.imm = imm(o.off);
      }
    }
  });
  const reserved = def.reserved ?? [];
  const rd = f.rd ?? 0;
  if ((reserved.includes('rdZero') || m === 'c.lui' || m === 'c.li' || m === 'c.mv' || m === 'c.add' || m === 'c.addi' || m === 'c.slli') && rd === 0 && 'rd' in f) {
    throw new RvnError(`${m}: rd must not be zero`);
  }
  if (m === 'c.lui' && rd === 2) throw new RvnError('c.lui: rd must not be sp');
  if (reserved.includes('rs1Zero') && rd === 0) throw new RvnError(`${m}: register must not be zero`);
  if ((reserved.includes('immZero') || m === 'c.srli' || m === 'c.srai' || m === 'c.slli') && f.imm === 0) throw new RvnError(`${m}: immediate must not be zero`);
  if ((m === 'c.mv' || m === 'c.add') && f.rs2c === 0) throw new RvnError(`${m}: rs2 must not be zero`);
  ctx.emit(ctx.enc.encodeC(m, f), 2);
}

/** Major opcode names GNU as accepts in `.insn`. */
const OPCODES: Record<string, number> = {
  LOAD: 0x03, LOAD_FP: 0x07, CUSTOM_0: 0x0b, MISC_MEM: 0x0f, OP_IMM: 0x13, AUIPC: 0x17, OP_IMM_32: 0x1b,
  STORE: 0x23, STORE_FP: 0x27, CUSTOM_1: 0x2b, AMO: 0x2f, OP: 0x33, LUI: 0x37, OP_32: 0x3b,
  CUSTOM_2: 0x5b, BRANCH: 0x63, JALR: 0x67, JAL: 0x6f, SYSTEM: 0x73, CUSTOM_3: 0x7b,
};

/** `.insn` with the r/i/s/b/u/j formats, or a raw value. */
export function assembleInsnDirective(ctx: InsnContext, argText: string): void {
  const m = /^([a-z]+)\s+(.*)$/is.exec(argText.trim());
  const fmt = m ? m[1].toLowerCase() : '';
  if (!m || !['r', 'i', 's', 'b', 'u', 'j'].includes(fmt)) {
    const parts = splitOperands(argText).map((t) => ctx.constant(ctx.parseExpr(t)));
    const v = parts[parts.length - 1];
    if (v === undefined) throw new RvnError('.insn: value must be a constant');
    const word = Number(BigInt.asUintN(32, v));
    return ctx.emit(word, (word & 3) === 3 ? 4 : 2);
  }
  const ops = splitOperands(m[2]).map((t) => parseOperand(t, (s) => ctx.parseExpr(s)));
  const k = (i: number): number => {
    const o = ops[i];
    if (o?.k === 'imm' && o.expr.k === 'sym' && OPCODES[o.expr.name.toUpperCase()] !== undefined) return OPCODES[o.expr.name.toUpperCase()];
    const v = o?.k === 'imm' ? immConst(ctx, o) : undefined;
    if (v === undefined) throw new RvnError(`.insn: operand ${i + 1} must be a constant`);
    return v;
  };
  const r = (i: number): number => needReg(ops[i], '.insn');
  let w: number;
  let fix: Fixup | undefined;
  switch (fmt) {
    case 'r':
      w = k(0) | (k(1) << 12) | (k(2) << 25) | (r(3) << 7) | (r(4) << 15) | (r(5) << 20);
      break;
    case 'i': {
      const [rs1, imm] = ops[3]?.k === 'mem' ? [ops[3].base, immConst(ctx, ops[3].off)] : [r(3), k(4)];
      if (imm === undefined) throw new RvnError('.insn: immediate must be a constant');
      w = k(0) | (k(1) << 12) | (r(2) << 7) | (rs1 << 15) | insertImm(Imm.I, imm);
      break;
    }
    case 's': {
      const o = ops[3];
      if (o?.k !== 'mem') throw new RvnError('.insn s: expected offset(reg)');
      w = k(0) | (k(1) << 12) | (r(2) << 20) | (o.base << 15) | insertImm(Imm.S, immConst(ctx, o.off) ?? 0);
      break;
    }
    case 'u':
      w = k(0) | (r(1) << 7) | ((k(2) & 0xfffff) << 12);
      break;
    case 'b':
      w = k(0) | (k(1) << 12) | (r(2) << 15) | (r(3) << 20);
      fix = { type: 'BRANCH', expr: target(ops[4], '.insn b') };
      break;
    default:
      w = k(0) | (r(1) << 7);
      fix = { type: 'JAL', expr: target(ops[2], '.insn j') };
  }
  ctx.emit(w >>> 0, 4, fix);
}
