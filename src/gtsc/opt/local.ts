/**
 * Clean-ups: constant propagation within blocks, copy propagation (within a block, and across
 * the function for values with one definition), common-subexpression elimination within
 * blocks, and removal of instructions whose result nobody reads.
 */
import { insDefs, insUses, isPure, mapDef, mapTermUses, mapUses, successors, termUses, type Cmp, type Ins, type IrFunction } from '../ir';
import { buildCfg } from './cfg';

/** A count per virtual register (dense: registers are numbered 1..nextVreg). */
export class VregCounts {
  private readonly n: Uint32Array;
  constructor(size: number) { this.n = new Uint32Array(size); }
  /** The count, undefined when zero (as a Map would answer). */
  get(v: number): number | undefined { const c = this.n[v]; return c ? c : undefined; }
  has(v: number): boolean { return (this.n[v] ?? 0) > 0; }
  set(v: number, c: number): void { this.n[v] = c; }
}

/** How many instructions define each virtual register. */
export function defCounts(fn: IrFunction): VregCounts {
  const m = new VregCounts(fn.nextVreg);
  for (const b of fn.blocks) for (const i of b.ins) { const d = insDefs(i); if (d !== undefined) m.set(d, (m.get(d) ?? 0) + 1); }
  return m;
}

const COMMUTATIVE = new Set(['add', 'mul', 'mulh', 'mulhu', 'and', 'or', 'xor']);

function keyOf(i: Ins): string | undefined {
  switch (i.op) {
    case 'li': return `li ${i.imm}`;
    case 'la': return `la ${i.sym}`;
    // Commutative operations: one key whichever operand comes first.
    case 'alu': return COMMUTATIVE.has(i.fn) && i.b < i.a ? `${i.fn} ${i.b} ${i.a}` : `${i.fn} ${i.a} ${i.b}`;
    case 'alui': return `${i.fn} ${i.a} ${i.imm}`;
    case 'unary': return `${i.fn} ${i.a}`;
    case 'frame': return `frame ${i.slot}`;
    case 'ext': return `ext ${i.signed} ${i.bits} ${i.a}`;
    default: return undefined;
  }
}

function renameAll(fn: IrFunction, rename: Map<number, number>): void {
  if (rename.size === 0) return;
  const r = (v: number): number => {
    let x = v;
    for (let guard = 0; rename.has(x) && guard < 100; guard++) x = rename.get(x)!;
    return x;
  };
  for (const b of fn.blocks) {
    b.ins = b.ins.map((i) => mapUses(i, r));
    b.term = mapTermUses(b.term, r);
  }
}

/**
 * Along each block and the blocks it is the only predecessor of (extended basic blocks), a pure
 * instruction that recomputes a value already held in a single-definition temporary is dropped
 * and its uses renamed; its operands may be variables, as long as they were not written since.
 */
export function localCse(fn: IrFunction): void {
  const counts = defCounts(fn);
  const single = (v: number): boolean => fn.temps.has(v) && counts.get(v) === 1;
  const rename = new Map<number, number>();
  const r = (v: number): number => rename.get(v) ?? v;
  const cfg = buildCfg(fn);
  // Available expressions at the end of each block, and the keys each register's write kills.
  const outs = new Map<number, { table: Map<string, number>; readers: Map<number, string[]> }>();
  for (const k of cfg.rpo) {
    const b = fn.blocks[k]!;
    const preds = cfg.preds[k]!;
    const from = preds.length === 1 ? outs.get(preds[0]!) : undefined;
    const table = new Map(from?.table);
    const readers = new Map<number, string[]>();
    if (from) for (const [v, keys] of from.readers) readers.set(v, [...keys]);
    const out: Ins[] = [];
    for (const raw of b.ins) {
      const i = rename.size > 0 ? mapUses(raw, r) : raw;
      const key = keyOf(i);
      const d = insDefs(i);
      if (key !== undefined && d !== undefined && single(d)) {
        const hit = table.get(key);
        if (hit !== undefined) { rename.set(d, hit); continue; }
      }
      if (d !== undefined) {
        const stale = readers.get(d);
        if (stale) { for (const x of stale) table.delete(x); readers.delete(d); }
      }
      out.push(i);
      if (key !== undefined && d !== undefined && single(d)) {
        table.set(key, d);
        for (const u of insUses(i)) (readers.get(u) ?? readers.set(u, []).get(u)!).push(key);
      }
    }
    b.ins = out;
    if (successors(b.term).some((s) => cfg.preds[s]!.length === 1)) outs.set(k, { table, readers });
  }
  renameAll(fn, rename);
}

/**
 * Common-subexpression elimination across blocks: a pure instruction whose operands never
 * change (registers with one definition) and that repeats one in a dominating block is
 * dropped, its result renamed to the earlier one.
 */
export function globalCse(fn: IrFunction): void {
  const cfg = buildCfg(fn);
  const counts = defCounts(fn);
  const params = new Set(fn.params);
  const stable = (v: number): boolean => v === 0 || counts.get(v) === 1 || (params.has(v) && !counts.has(v));
  const children: number[][] = fn.blocks.map(() => []);
  for (const b of cfg.rpo) if (b !== 0) children[cfg.idom[b]!]!.push(b);
  const table = new Map<string, number>();
  const rename = new Map<number, number>();
  const r = (v: number): number => rename.get(v) ?? v;
  // Iterative preorder walk of the dominator tree; each block's entries are undone after its subtree.
  const stack: { b: number; added: string[] | undefined }[] = [{ b: 0, added: undefined }];
  while (stack.length > 0) {
    const top = stack.pop()!;
    if (top.added) { for (const k of top.added) table.delete(k); continue; }
    const blk = fn.blocks[top.b]!;
    const added: string[] = [];
    const out: Ins[] = [];
    for (const raw of blk.ins) {
      const i = rename.size > 0 ? mapUses(raw, r) : raw;
      const key = keyOf(i);
      const d = insDefs(i);
      if (key !== undefined && d !== undefined && fn.temps.has(d) && counts.get(d) === 1 && insUses(i).every(stable)) {
        const hit = table.get(key);
        if (hit !== undefined) { rename.set(d, hit); continue; }
        table.set(key, d);
        added.push(key);
      }
      out.push(i);
    }
    blk.ins = out;
    blk.term = mapTermUses(blk.term, r);
    stack.push({ b: top.b, added });
    for (const c of children[top.b]!) stack.push({ b: c, added: undefined });
  }
  renameAll(fn, rename);
}

/**
 * Copy propagation. Across the function: after `mv d, a` where both d and a have a single
 * definition (or a is a parameter never written), d always equals a, so uses of d read a.
 * Within a block: after `mv d, a` (d a single-definition temporary used only in this block),
 * uses of d read a directly while a is not rewritten.
 */
export function propagateCopies(fn: IrFunction): void {
  const counts = defCounts(fn);
  const params = new Set(fn.params);
  const once = (v: number): boolean => v === 0 || counts.get(v) === 1 || (params.has(v) && !counts.has(v));
  const rename = new Map<number, number>();
  for (const b of fn.blocks) {
    b.ins = b.ins.filter((i) => {
      if (i.op !== 'mv' || counts.get(i.d) !== 1 || !once(i.a) || params.has(i.d)) return true;
      rename.set(i.d, i.a);
      return false;
    });
  }
  renameAll(fn, rename);
  propagateLocalCopies(fn);
}

/**
 * Along each block and the blocks it is the only predecessor of, after `mv d, a` (d a temporary
 * with one definition), later reads of d read a for as long as neither is written again; the
 * move stays for readers beyond that (or elsewhere), and goes when dead-code removal finds no
 * reader left.
 */
function propagateLocalCopies(fn: IrFunction): void {
  const counts = defCounts(fn);
  const cfg = buildCfg(fn);
  const outs = new Map<number, Map<number, number>>();
  for (const k of cfg.rpo) {
    const b = fn.blocks[k]!;
    const preds = cfg.preds[k]!;
    // Active copies: d -> a.
    const copy = new Map(preds.length === 1 ? outs.get(preds[0]!) : undefined);
    const r = (v: number): number => copy.get(v) ?? v;
    if (copy.size > 0 || b.ins.some((i) => i.op === 'mv')) {
      b.ins = b.ins.map((i0) => {
        const i = copy.size > 0 ? mapUses(i0, r) : i0;
        const d = insDefs(i);
        if (d !== undefined && copy.size > 0) {
          copy.delete(d);
          for (const [cd, ca] of copy) if (ca === d) copy.delete(cd);
        }
        if (i.op === 'mv' && fn.temps.has(i.d) && counts.get(i.d) === 1 && i.a !== i.d) copy.set(i.d, i.a);
        return i;
      });
      if (copy.size > 0) b.term = mapTermUses(b.term, r);
    }
    if (copy.size > 0 && successors(b.term).some((s) => cfg.preds[s]!.length === 1)) outs.set(k, copy);
  }
}

/**
 * `t = op(...); ...; x = mv t` where t is a temporary read only by that move becomes
 * `x = op(...)` when nothing in between reads or writes x: the value is computed straight into
 * the variable (a loop-carried variable and its next value then share a register).
 */
export function coalesceMoves(fn: IrFunction): void {
  const counts = defCounts(fn);
  const uses = new Map<number, number>();
  for (const b of fn.blocks) {
    for (const i of b.ins) for (const u of insUses(i)) uses.set(u, (uses.get(u) ?? 0) + 1);
    for (const u of termUses(b.term)) uses.set(u, (uses.get(u) ?? 0) + 1);
  }
  for (const b of fn.blocks) {
    for (let n = 0; n < b.ins.length; n++) {
      const m = b.ins[n]!;
      if (m.op !== 'mv' || !fn.temps.has(m.a) || counts.get(m.a) !== 1 || uses.get(m.a) !== 1 || fn.params.includes(m.d)) continue;
      let k = n - 1;
      while (k >= 0 && insDefs(b.ins[k]!) !== m.a) k--;
      if (k < 0) continue;
      const def = b.ins[k]!;
      if (def.op === 'call' || def.op === 'raw') continue;
      let clear = true;
      for (let j = k + 1; j < n && clear; j++) {
        const x = b.ins[j]!;
        if (insDefs(x) === m.d || insUses(x).includes(m.d)) clear = false;
      }
      if (!clear) continue;
      b.ins[k] = mapDef(def, () => m.d);
      b.ins.splice(n, 1);
      n--;
    }
  }
}

const w64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const u64 = (v: bigint): bigint => BigInt.asUintN(64, v);

/** Value of an ALU operation on known 64-bit operands (undefined for division, left to run time). */
function aluValue(fn: string, a: bigint, b: bigint): bigint | undefined {
  const sh = u64(b) & 63n;
  switch (fn) {
    case 'add': case 'addi': return w64(a + b);
    case 'sub': return w64(a - b);
    case 'mul': return w64(a * b);
    case 'and': case 'andi': return a & b;
    case 'or': case 'ori': return a | b;
    case 'xor': case 'xori': return a ^ b;
    case 'sll': case 'slli': return w64(a << sh);
    case 'srl': case 'srli': return w64(u64(a) >> sh);
    case 'sra': case 'srai': return a >> sh;
    case 'slt': case 'slti': return a < b ? 1n : 0n;
    case 'sltu': case 'sltiu': return u64(a) < u64(b) ? 1n : 0n;
    case 'addiw': return BigInt.asIntN(32, a + b);
    default: return undefined;
  }
}

function extValue(signed: boolean, bits: number, v: bigint): bigint {
  return signed ? BigInt.asIntN(bits, v) : BigInt.asUintN(bits, v);
}

/**
 * Constant propagation within a block: registers set by `li` (and not rewritten since) are
 * known, so ALU operations on known values become `li`, and adding a known zero becomes `mv`.
 */
export function foldKnownConstants(fn: IrFunction): void {
  for (const b of fn.blocks) {
    const known = new Map<number, bigint>([[0, 0n]]);
    b.ins = b.ins.map((i) => {
      let out: Ins = i;
      if (i.op === 'alui' && known.has(i.a)) {
        const v = aluValue(i.fn, known.get(i.a)!, BigInt(i.imm));
        if (v !== undefined) out = { op: 'li', d: i.d, imm: v };
      } else if (i.op === 'ext' && known.has(i.a)) {
        out = { op: 'li', d: i.d, imm: extValue(i.signed, i.bits, known.get(i.a)!) };
      } else if (i.op === 'alu') {
        const a = known.get(i.a), bv = known.get(i.b);
        const v = a !== undefined && bv !== undefined ? aluValue(i.fn, a, bv) : undefined;
        if (v !== undefined) out = { op: 'li', d: i.d, imm: v };
        else if ((i.fn === 'add' || i.fn === 'or' || i.fn === 'xor') && a === 0n) out = { op: 'mv', d: i.d, a: i.b };
        else if ((i.fn === 'add' || i.fn === 'or' || i.fn === 'xor' || i.fn === 'sub') && bv === 0n) out = { op: 'mv', d: i.d, a: i.a };
      } else if (i.op === 'mv' && known.has(i.a) && i.a !== 0) {
        out = { op: 'li', d: i.d, imm: known.get(i.a)! };
      }
      const d = insDefs(out);
      if (d !== undefined) {
        if (out.op === 'li') known.set(d, out.imm);
        else known.delete(d);
      }
      return out;
    });
    // A branch on two known values goes one way.
    const t = b.term;
    if (t.op === 'br' && known.has(t.a) && known.has(t.b)) b.term = { op: 'j', t: branchTaken(t.cmp, known.get(t.a)!, known.get(t.b)!) ? t.t : t.f };
  }
}

function branchTaken(cmp: Cmp, a: bigint, b: bigint): boolean {
  switch (cmp) {
    case 'eq': return a === b;
    case 'ne': return a !== b;
    case 'lt': return a < b;
    case 'ge': return a >= b;
    case 'ltu': return u64(a) < u64(b);
    case 'geu': return u64(a) >= u64(b);
  }
}

/**
 * Removes pure instructions whose result nothing needs: a value is needed when a terminator,
 * a store, a call or another instruction with an effect reads it, or a needed instruction does
 * (so a counter that only feeds its own update goes too).
 */
export function removeDeadCode(fn: IrFunction): void {
  // Definitions of each register, as a linked list over one array of instructions.
  const all: Ins[] = [];
  const head = new Int32Array(fn.nextVreg).fill(-1);
  const next: number[] = [];
  const needed = new Uint8Array(fn.nextVreg);
  const work: number[] = [];
  const need = (v: number): void => { if (!needed[v]) { needed[v] = 1; work.push(v); } };
  for (const b of fn.blocks) {
    for (const i of b.ins) {
      const d = insDefs(i);
      if (d !== undefined) { next.push(head[d]!); head[d] = all.length; all.push(i); }
      if (!isPure(i)) for (const u of insUses(i)) need(u);
    }
    for (const u of termUses(b.term)) need(u);
  }
  while (work.length > 0) {
    const v = work.pop()!;
    for (let k = head[v]!; k >= 0; k = next[k]!) for (const u of insUses(all[k]!)) need(u);
  }
  for (const b of fn.blocks) {
    let dead = false;
    for (const i of b.ins) {
      const d = insDefs(i);
      if ((i.op === 'mv' && d === i.a) || (isPure(i) && d !== undefined && !needed[d])) { dead = true; break; }
    }
    if (!dead) continue;
    b.ins = b.ins.filter((i) => {
      const d = insDefs(i);
      if (i.op === 'mv' && d === i.a) return false;
      return !(isPure(i) && d !== undefined && !needed[d]);
    });
  }
}
