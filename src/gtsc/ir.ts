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

/** Where an instruction came from in the guest source (for the DWARF line table: `.loc`). */
export interface SourceLoc {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
}

/** An instruction, with the source statement it was lowered from (kept by copies: `{ ...i }`). */
export type Ins = InsOp & { src?: SourceLoc };

export type InsOp =
  | { op: 'li'; d: number; imm: bigint }
  /**
   * Address of a symbol. `obj`: the symbol is a module-level variable or string literal of this
   * program (an object of known extent, see opt/memory.ts); `str`: the text of the string
   * literal whose label `sym` is; `local`: the symbol is not visible outside its module.
   */
  | { op: 'la'; d: number; sym: string; obj?: boolean; str?: string; local?: boolean }
  | { op: 'mv'; d: number; a: number }
  | { op: 'alu'; fn: AluOp; d: number; a: number; b: number }
  | { op: 'alui'; fn: AluImmOp; d: number; a: number; imm: number }
  | { op: 'unary'; fn: 'seqz' | 'snez' | 'neg' | 'not'; d: number; a: number }
  /**
   * Zero- (`signed` false) or sign-extension of the low `bits` bits: the conversion to a narrow
   * integer type (u8/u16/u32/i8/i16/i32), dropped by the optimiser when the value already fits.
   */
  | { op: 'ext'; signed: boolean; bits: 8 | 16 | 32; d: number; a: number }
  /**
   * Memory accesses. `vol` marks a volatile access (the loadN/storeN intrinsics): never removed,
   * merged with another or moved (docs/gtsc.md, "Memory and aliasing").
   */
  | { op: 'ld'; size: 1 | 2 | 4 | 8; signed: boolean; d: number; a: number; off: number; vol?: boolean }
  | { op: 'st'; size: 1 | 2 | 4 | 8; a: number; b: number; off: number; vol?: boolean }
  /** Address of a stack object: d = sp + frame offset of `slot`. */
  | { op: 'frame'; d: number; slot: number }
  /**
   * A call: arguments go to argRegs (machine register numbers) in parallel, the result comes
   * back in a0. `target` is a symbol, a virtual register (indirect call) or the ecall instruction.
   */
  | {
    op: 'call'; target: string | number | 'ecall'; args: number[]; argRegs: number[]; d: number | undefined;
    /** The called guest function (FnKey) when its body is compiled in this program: inlinable. */
    callee?: string;
    /** The target symbol is not visible outside its module. */
    local?: boolean;
  }
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
  /** Index in the function's block list (renumbered in place when the list changes). */
  id: number;
  ins: Ins[];
  term: Term;
}

export interface StackSlot {
  readonly size: number;
  readonly align: number;
}

/** A function's identity across modules: `module:name`. */
export type FnKey = string;

export function fnKey(module: string, name: string): FnKey {
  return `${module}:${name}`;
}

export interface IrFunction {
  readonly name: string;
  readonly key: FnKey;
  /** Name of the module the function belongs to (its assembly file). */
  readonly module: string;
  readonly global: boolean;
  readonly params: number[];
  blocks: Block[];
  nextVreg: number;
  slots: StackSlot[];
  /** Preferred machine register for some virtual registers (arguments, results). */
  hints: Map<number, number>;
  /**
   * Temporaries made by lowering (not user variables): each holds one value of an
   * expression, so the optimiser may rename, move or drop its definition.
   */
  temps: Set<number>;
  /** The function's declaration in the source (its entry's line). */
  src?: SourceLoc;
  /**
   * The block whose start opens the frame (opt/shrinkwrap.ts); the entry when undefined. Blocks
   * it does not dominate run without a frame.
   */
  prologueBlock?: number;
}

export function insDefs(i: Ins): number | undefined {
  switch (i.op) {
    case 'st': return undefined;
    case 'call': case 'raw': return i.d;
    default: return i.d;
  }
}

const NO_USES: readonly number[] = Object.freeze([]);

/** The registers an instruction reads (do not modify the array). */
export function insUses(i: Ins): readonly number[] {
  switch (i.op) {
    case 'li': case 'la': case 'frame': return NO_USES;
    case 'mv': case 'alui': case 'unary': case 'ld': case 'ext': return [i.a];
    case 'alu': case 'st': return [i.a, i.b];
    case 'call': return typeof i.target === 'number' ? [...i.args, i.target] : i.args;
    case 'raw': return i.uses;
  }
}

export function termUses(t: Term): readonly number[] {
  if (t.op === 'br') return [t.a, t.b];
  if (t.op === 'ret' && t.a !== undefined) return [t.a];
  return NO_USES;
}

export function successors(t: Term): number[] {
  if (t.op === 'j') return [t.t];
  if (t.op === 'br') return [t.t, t.f];
  return [];
}

/** Rewrite the virtual registers an instruction reads (the same object when none changes). */
export function mapUses(i: Ins, r: (v: number) => number): Ins {
  switch (i.op) {
    case 'li': case 'la': case 'frame': return i;
    case 'mv': case 'alui': case 'unary': case 'ld': case 'ext': {
      const a = r(i.a);
      return a === i.a ? i : { ...i, a };
    }
    case 'alu': case 'st': {
      const a = r(i.a), b = r(i.b);
      return a === i.a && b === i.b ? i : { ...i, a, b };
    }
    case 'call': {
      const args = i.args.map(r);
      const target = typeof i.target === 'number' ? r(i.target) : i.target;
      return target === i.target && args.every((a, k) => a === i.args[k]) ? i : { ...i, args, target };
    }
    case 'raw': {
      const uses = i.uses.map(r);
      return uses.every((u, k) => u === i.uses[k]) ? i : { ...i, uses };
    }
  }
}

/** Rewrite the virtual register an instruction writes. */
export function mapDef(i: Ins, r: (v: number) => number): Ins {
  if (i.op === 'st' || i.d === undefined) return i;
  const d = r(i.d);
  return d === i.d ? i : { ...i, d };
}

export function mapTermUses(t: Term, r: (v: number) => number): Term {
  if (t.op === 'br') {
    const a = r(t.a), b = r(t.b);
    return a === t.a && b === t.b ? t : { ...t, a, b };
  }
  if (t.op === 'ret' && t.a !== undefined) {
    const a = r(t.a);
    return a === t.a ? t : { ...t, a };
  }
  return t;
}

/** Instructions with no effect but their result (safe to drop, duplicate or compute early). */
export function isPure(i: Ins): boolean {
  return i.op === 'li' || i.op === 'la' || i.op === 'alu' || i.op === 'alui' || i.op === 'unary' || i.op === 'frame'
    || i.op === 'ext' || i.op === 'mv';
}
