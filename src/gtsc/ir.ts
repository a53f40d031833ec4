/**
 * The compiler's intermediate form: per function, basic blocks of three-address instructions
 * over virtual registers. Virtual register 0 is the hardware zero register; all others are
 * assigned to machine registers (or stack slots) by the register allocator.
 */
export type AluOp =
  | 'add' | 'sub' | 'mul' | 'mulh' | 'mulhu' | 'div' | 'divu' | 'rem' | 'remu'
  | 'and' | 'or' | 'xor' | 'sll' | 'srl' | 'sra' | 'slt' | 'sltu' | 'addw' | 'subw';
export type AluImmOp =
  | 'addi' | 'andi' | 'ori' | 'xori' | 'slli' | 'srli' | 'srai' | 'slti' | 'sltiu' | 'addiw';
export type Cmp = 'eq' | 'ne' | 'lt' | 'ge' | 'ltu' | 'geu';

export type Ins =
  | { op: 'li'; d: number; imm: bigint }
  | { op: 'la'; d: number; sym: string }
  | { op: 'mv'; d: number; a: number }
  | { op: 'alu'; fn: AluOp; d: number; a: number; b: number }
  | { op: 'alui'; fn: AluImmOp; d: number; a: number; imm: number }
  | { op: 'unary'; fn: 'seqz' | 'snez' | 'neg' | 'not'; d: number; a: number }
  | { op: 'ld'; size: 1 | 2 | 4 | 8; signed: boolean; d: number; a: number; off: number }
  | { op: 'st'; size: 1 | 2 | 4 | 8; a: number; b: number; off: number }
  /** Address of a stack object: d = sp + frame offset of `slot`. */
  | { op: 'frame'; d: number; slot: number }
  /**
   * A call: arguments go to argRegs (machine register numbers) in parallel, the result comes
   * back in a0. `target` is a symbol, a virtual register (indirect call) or the ecall instruction.
   */
  | { op: 'call'; target: string | number | 'ecall'; args: number[]; argRegs: number[]; d: number | undefined }
  /**
   * Any other instruction, written as a template: {d} is the result register, {0}, {1}, ...
   * the operands. Used by intrinsics and inline assembly.
   */
  | { op: 'raw'; text: string; d: number | undefined; uses: number[] };

export type Term =
  | { op: 'j'; t: number }
  | { op: 'br'; cmp: Cmp; a: number; b: number; t: number; f: number }
  | { op: 'ret'; a: number | undefined }
  | { op: 'none' };

export interface Block {
  readonly id: number;
  ins: Ins[];
  term: Term;
}

export interface StackSlot {
  readonly size: number;
  readonly align: number;
}

export interface IrFunction {
  readonly name: string;
  readonly global: boolean;
  readonly params: number[];
  blocks: Block[];
  nextVreg: number;
  slots: StackSlot[];
  /** Preferred machine register for some virtual registers (arguments, results). */
  hints: Map<number, number>;
}

export function insDefs(i: Ins): number | undefined {
  switch (i.op) {
    case 'st': return undefined;
    case 'call': case 'raw': return i.d;
    default: return i.d;
  }
}

export function insUses(i: Ins): number[] {
  switch (i.op) {
    case 'li': case 'la': case 'frame': return [];
    case 'mv': case 'alui': case 'unary': case 'ld': return [i.a];
    case 'alu': case 'st': return [i.a, i.b];
    case 'call': return typeof i.target === 'number' ? [...i.args, i.target] : i.args;
    case 'raw': return i.uses;
  }
}

export function termUses(t: Term): number[] {
  if (t.op === 'br') return [t.a, t.b];
  if (t.op === 'ret' && t.a !== undefined) return [t.a];
  return [];
}

export function successors(t: Term): number[] {
  if (t.op === 'j') return [t.t];
  if (t.op === 'br') return [t.t, t.f];
  return [];
}

/** Rewrite every virtual register an instruction mentions (used by the register allocator). */
export function isCall(i: Ins): boolean {
  return i.op === 'call';
}
