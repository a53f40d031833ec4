/**
 * What instruction assembly needs from the assembler (InsnContext), and operand helpers shared
 * by the mnemonic handlers (instructions.ts) and the raw forms (forms.ts).
 */
import { RvnError } from '../errors';
import type { Extension } from '../isa/opcodes';
import type { Compressor } from './compress';
import type { Encoder } from './encode';
import type { Expr } from './expr';
import type { Fixup } from './items';
import type { ImmOperand, Operand } from './operands';
import { isPrimeReg } from './registers';

/** A branch or jump to a label, before layout chooses its length. */
export interface BranchSpec {
  readonly jump: boolean;
  /** Base mnemonic: beq/bne/blt/bge/bltu/bgeu, or jal. */
  readonly name: string;
  readonly rd: number;
  readonly rs1: number;
  readonly rs2: number;
  /** A compressed form exists for these registers (and C is on). */
  readonly rvc: boolean;
  readonly target: Expr;
}

/** What instruction assembly needs from the assembler. */
export interface InsnContext {
  readonly rvc: boolean;
  readonly enc: Encoder;
  readonly comp: Compressor;
  parseExpr(text: string): Expr;
  /** The value of `e` if it is a constant now, else undefined. */
  constant(e: Expr): bigint | undefined;
  emit(word: number, size: 2 | 4, fix?: Fixup): void;
  emitBranch(b: BranchSpec): void;
  /** Defines a local label at the current position and returns its name. */
  newLabel(): string;
  /** Throws if the current ISA (-march, .option arch) lacks the extension of `mnemonic`. */
  checkExtension(ext: Extension, mnemonic: string): void;
}

export const reg = (r: number): Operand => ({ k: 'reg', r, text: `x${r}` });
export const num = (v: number): ImmOperand => ({ k: 'imm', text: String(v), expr: { k: 'num', v: BigInt(v) } });
export const mem = (off: ImmOperand, base: number): Operand => ({ k: 'mem', off, base, text: '' });

export function needReg(o: Operand | undefined, what: string): number {
  if (o?.k !== 'reg') throw new RvnError(`${what}: expected a register${o ? `, got '${o.text}'` : ''}`);
  return o.r;
}

export function needImm(o: Operand | undefined, what: string): ImmOperand {
  if (o?.k !== 'imm') throw new RvnError(`${what}: expected an immediate or symbol${o ? `, got '${o.text}'` : ''}`);
  return o;
}

const sext = (v: number, bits: number): number => {
  const s = 32 - bits;
  return ((v << s) >> s);
};

/** The constant value of an immediate operand after %hi/%lo, or undefined if symbolic. */
export function immConst(ctx: InsnContext, o: ImmOperand): number | undefined {
  const v = ctx.constant(o.expr);
  if (v === undefined) return undefined;
  const n = Number(BigInt.asIntN(64, v));
  switch (o.mod) {
    case undefined: return n;
    case 'hi': return Number((BigInt.asIntN(64, v) + 0x800n) >> 12n & 0xfffffn);
    case 'lo': return sext(Number(v & 0xfffn), 12);
    default: throw new RvnError(`%${o.mod} needs a symbol`);
  }
}

export function target(o: Operand | undefined, what: string): Expr {
  const t = needImm(o, what);
  if (t.mod !== undefined) throw new RvnError(`${what}: %${t.mod} not allowed on a branch target`);
  return t.expr;
}

export function primeReg(o: Operand | undefined, m: string): number {
  const r = needReg(o, m);
  if (!isPrimeReg(r)) throw new RvnError(`${m}: register '${o?.text ?? ''}' must be one of x8..x15 (s0, s1, a0-a5)`);
  return r;
}

