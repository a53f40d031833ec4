/**
 * Binary arithmetic with constant folding, immediate forms and strength reduction
 * (multiply/divide/remainder by powers of two).
 */
import type { AluImmOp, AluOp, Ins } from './ir';
import { signedMagic, unsignedMagic } from './magic';
import { I64, U64, type GType } from './types';
import type { Val } from './val';

export type ArithOp = '+' | '-' | '*' | '/' | '%' | '&' | '|' | '^' | '<<' | '>>' | '>>>';

export interface ArithSink {
  /** False at -O0: multiply, divide and remainder by constants stay mul/div/rem instructions. */
  readonly optimize: boolean;
  emit(i: Ins): void;
  temp(): number;
  reg(v: Val): number;
}

const fits12 = (v: bigint): boolean => v >= -2048n && v <= 2047n;
const wrap = (v: bigint): bigint => BigInt.asIntN(64, v);

function log2(v: bigint): number {
  if (v <= 0n || (v & (v - 1n)) !== 0n) return -1;
  return v.toString(2).length - 1;
}

function fold(op: ArithOp, a: bigint, b: bigint, unsigned: boolean): bigint {
  const ua = BigInt.asUintN(64, a), ub = BigInt.asUintN(64, b), sh = ub & 63n;
  switch (op) {
    case '+': return wrap(a + b);
    case '-': return wrap(a - b);
    case '*': return wrap(a * b);
    case '/': return b === 0n ? -1n : wrap(unsigned ? ua / ub : a / b);
    case '%': return b === 0n ? a : wrap(unsigned ? ua % ub : a % b);
    case '&': return a & b;
    case '|': return a | b;
    case '^': return a ^ b;
    case '<<': return wrap(a << sh);
    case '>>': return a >> sh;
    case '>>>': return wrap(ua >> sh);
  }
}

const REG_OP: Record<ArithOp, AluOp> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '%': 'rem', '&': 'and', '|': 'or', '^': 'xor',
  '<<': 'sll', '>>': 'sra', '>>>': 'srl',
};
const IMM_OP: Partial<Record<ArithOp, AluImmOp>> = {
  '+': 'addi', '&': 'andi', '|': 'ori', '^': 'xori', '<<': 'slli', '>>': 'srai', '>>>': 'srli',
};
const COMMUTES = new Set<ArithOp>(['+', '*', '&', '|', '^']);

export function arith(s: ArithSink, op: ArithOp, a: Val, b: Val, unsigned: boolean): Val {
  const t: GType = unsigned ? U64 : I64;
  if (a.r === undefined && b.r === undefined) return { t, imm: fold(op, a.imm, b.imm, unsigned) };
  if (a.r === undefined && COMMUTES.has(op)) [a, b] = [b, a];
  const ra = (): number => s.reg(a);
  const alu = (fn: AluOp, x: number, y: number): Val => { const d = s.temp(); s.emit({ op: 'alu', fn, d, a: x, b: y }); return { t, r: d }; };
  const alui = (fn: AluImmOp, x: number, imm: number): Val => { const d = s.temp(); s.emit({ op: 'alui', fn, d, a: x, imm }); return { t, r: d }; };
  if (b.r === undefined) {
    const k = b.imm;
    const identity = (k === 0n && ['+', '-', '|', '^', '<<', '>>', '>>>'].includes(op)) || (k === 1n && (op === '*' || op === '/'));
    if (identity) return { t, r: ra() };
    if (k === 0n && (op === '*' || op === '&')) return { t, imm: 0n };
    if (op === '-' && fits12(-k)) return alui('addi', ra(), Number(-k));
    const immOp = IMM_OP[op];
    if (immOp && (op === '<<' || op === '>>' || op === '>>>')) return alui(immOp, ra(), Number(k & 63n));
    if (immOp && fits12(k)) return alui(immOp, ra(), Number(k));
    const p = s.optimize ? log2(k) : -1;
    if (op === '*' && p > 0) return alui('slli', ra(), p);
    if (op === '/' && p > 0) return unsigned ? alui('srli', ra(), p) : signedDivPow2(s, ra(), p, t);
    if (op === '%' && p > 0) {
      if (unsigned) return fits12(k - 1n) ? alui('andi', ra(), Number(k - 1n)) : alu('and', ra(), s.reg({ t, imm: k - 1n }));
      return signedRemPow2(s, ra(), p, t);
    }
    const magicOk = unsigned ? BigInt.asUintN(64, k) > 1n : k > 1n || k < -1n;
    if (s.optimize && (op === '/' || op === '%') && p < 0 && magicOk && k !== -(1n << 63n)) {
      const x = ra();
      const q = unsigned ? unsignedDivConst(s, x, BigInt.asUintN(64, k), t) : signedDivConst(s, x, k, t);
      if (op === '/') return q;
      const prod = arith(s, '*', q, { t, imm: k }, unsigned);
      return alu('sub', x, prod.r!);
    }
  }
  let fn = REG_OP[op];
  if (unsigned && fn === 'div') fn = 'divu';
  if (unsigned && fn === 'rem') fn = 'remu';
  return alu(fn, ra(), s.reg(b));
}

/** x / 2^p rounding toward zero: add (2^p - 1) to negative x before the arithmetic shift. */
function signedDivPow2(s: ArithSink, x: number, p: number, t: GType): Val {
  const bias = biasFor(s, x, p);
  const sum = s.temp();
  s.emit({ op: 'alu', fn: 'add', d: sum, a: x, b: bias });
  const d = s.temp();
  s.emit({ op: 'alui', fn: 'srai', d, a: sum, imm: p });
  return { t, r: d };
}

/** x % 2^p with the sign of x: x - ((x + bias) & -2^p). */
function signedRemPow2(s: ArithSink, x: number, p: number, t: GType): Val {
  const bias = biasFor(s, x, p);
  const sum = s.temp();
  s.emit({ op: 'alu', fn: 'add', d: sum, a: x, b: bias });
  const masked = s.temp();
  if (p < 11) s.emit({ op: 'alui', fn: 'andi', d: masked, a: sum, imm: -(1 << p) });
  else {
    const hi = s.temp();
    s.emit({ op: 'alui', fn: 'srai', d: hi, a: sum, imm: p });
    s.emit({ op: 'alui', fn: 'slli', d: masked, a: hi, imm: p });
  }
  const d = s.temp();
  s.emit({ op: 'alu', fn: 'sub', d, a: x, b: masked });
  return { t, r: d };
}

function biasFor(s: ArithSink, x: number, p: number): number {
  const sign = s.temp();
  s.emit({ op: 'alui', fn: 'srai', d: sign, a: x, imm: 63 });
  const bias = s.temp();
  s.emit({ op: 'alui', fn: 'srli', d: bias, a: sign, imm: 64 - p });
  return bias;
}

function unsignedDivConst(s: ArithSink, x: number, d: bigint, t: GType): Val {
  const mg = unsignedMagic(d);
  const m = s.reg({ t, imm: BigInt.asIntN(64, mg.m) });
  const hi = s.temp();
  s.emit({ op: 'alu', fn: 'mulhu', d: hi, a: x, b: m });
  if (!mg.add) {
    if (mg.shift === 0) return { t, r: hi };
    const q = s.temp();
    s.emit({ op: 'alui', fn: 'srli', d: q, a: hi, imm: mg.shift });
    return { t, r: q };
  }
  const diff = s.temp(), half = s.temp(), sum = s.temp(), q = s.temp();
  s.emit({ op: 'alu', fn: 'sub', d: diff, a: x, b: hi });
  s.emit({ op: 'alui', fn: 'srli', d: half, a: diff, imm: 1 });
  s.emit({ op: 'alu', fn: 'add', d: sum, a: half, b: hi });
  s.emit({ op: 'alui', fn: 'srli', d: q, a: sum, imm: mg.shift - 1 });
  return { t, r: q };
}

function signedDivConst(s: ArithSink, x: number, d: bigint, t: GType): Val {
  const mg = signedMagic(d);
  const m = s.reg({ t, imm: mg.m });
  let q = s.temp();
  s.emit({ op: 'alu', fn: 'mulh', d: q, a: x, b: m });
  if (d > 0n && mg.m < 0n) { const r = s.temp(); s.emit({ op: 'alu', fn: 'add', d: r, a: q, b: x }); q = r; }
  if (d < 0n && mg.m > 0n) { const r = s.temp(); s.emit({ op: 'alu', fn: 'sub', d: r, a: q, b: x }); q = r; }
  if (mg.shift > 0) { const r = s.temp(); s.emit({ op: 'alui', fn: 'srai', d: r, a: q, imm: mg.shift }); q = r; }
  const sign = s.temp(), out = s.temp();
  s.emit({ op: 'alui', fn: 'srli', d: sign, a: q, imm: 63 });
  s.emit({ op: 'alu', fn: 'add', d: out, a: q, b: sign });
  return { t, r: out };
}
