/**
 * IR optimisations after lowering: loop-invariant code motion, copy propagation and local
 * common-subexpression elimination (within a block, a pure instruction that recomputes a value
 * already held in a single-definition temporary is dropped and its uses renamed).
 */
import { insDefs, insUses, type Block, type Ins, type IrFunction, type Term } from './ir';
import type { LoopInfo } from './ivsr';

/** Instructions without side effects or memory reads (safe to execute speculatively). */
const PURE = new Set<Ins['op']>(['li', 'la', 'alu', 'alui', 'unary', 'frame']);

/**
 * Loop-invariant code motion: pure instructions whose operands are not written inside a loop
 * (constants, addresses of globals, i*n in an inner loop) move to the block before the loop.
 * Loops come innermost first, so code can move out of several levels.
 */
export function hoistInvariants(all: readonly Block[], loops: readonly LoopInfo[], temps: ReadonlySet<number>): void {
  const defCount = new Map<number, number>();
  for (const b of all) {
    for (const i of b.ins) {
      const d = insDefs(i);
      if (d !== undefined) defCount.set(d, (defCount.get(d) ?? 0) + 1);
    }
  }
  for (const loop of loops) {
    const written = new Set<number>();
    for (const b of loop.blocks) for (const i of b.ins) { const d = insDefs(i); if (d !== undefined) written.add(d); }
    for (const b of loop.blocks) {
      b.ins = b.ins.filter((i) => {
        if (!PURE.has(i.op)) return true;
        const d = insDefs(i)!;
        if (!temps.has(d) || defCount.get(d) !== 1) return true;
        if (insUses(i).some((u) => written.has(u))) return true;
        loop.pre.ins.push(i);
        written.delete(d);
        return false;
      });
    }
  }
}

function keyOf(i: Ins): string | undefined {
  switch (i.op) {
    case 'li': return `li ${i.imm}`;
    case 'la': return `la ${i.sym}`;
    case 'alu': return `${i.fn} ${i.a} ${i.b}`;
    case 'alui': return `${i.fn} ${i.a} ${i.imm}`;
    case 'unary': return `${i.fn} ${i.a}`;
    case 'frame': return `frame ${i.slot}`;
    default: return undefined;
  }
}

function renameIns(i: Ins, m: Map<number, number>): Ins {
  const r = (v: number): number => m.get(v) ?? v;
  switch (i.op) {
    case 'li': case 'la': case 'frame': return i;
    case 'mv': case 'alui': case 'unary': case 'ld': return { ...i, a: r(i.a) };
    case 'alu': case 'st': return { ...i, a: r(i.a), b: r(i.b) };
    case 'call': return { ...i, args: i.args.map(r), target: typeof i.target === 'number' ? r(i.target) : i.target };
    case 'raw': return { ...i, uses: i.uses.map(r) };
  }
}

function renameTerm(t: Term, m: Map<number, number>): Term {
  const r = (v: number): number => m.get(v) ?? v;
  if (t.op === 'br') return { ...t, a: r(t.a), b: r(t.b) };
  if (t.op === 'ret' && t.a !== undefined) return { ...t, a: r(t.a) };
  return t;
}

export function localCse(fn: IrFunction, temps: ReadonlySet<number>): void {
  const defCount = new Map<number, number>();
  for (const b of fn.blocks) for (const i of b.ins) { const d = insDefs(i); if (d !== undefined) defCount.set(d, (defCount.get(d) ?? 0) + 1); }
  const single = (v: number): boolean => temps.has(v) && defCount.get(v) === 1;
  const rename = new Map<number, number>();
  for (const b of fn.blocks) {
    const table = new Map<string, { v: number; uses: number[] }>();
    const out: Ins[] = [];
    for (const raw of b.ins) {
      const i = rename.size > 0 ? renameIns(raw, rename) : raw;
      const key = keyOf(i);
      const d = insDefs(i);
      if (key !== undefined && d !== undefined && single(d)) {
        const hit = table.get(key);
        if (hit) { rename.set(d, hit.v); continue; }
      }
      if (d !== undefined) {
        for (const [k, e] of table) if (e.v === d || e.uses.includes(d)) table.delete(k);
      }
      out.push(i);
      if (key !== undefined && d !== undefined && single(d)) table.set(key, { v: d, uses: insUses(i) });
    }
    b.ins = out;
  }
  if (rename.size === 0) return;
  for (const b of fn.blocks) {
    b.ins = b.ins.map((i) => renameIns(i, rename));
    b.term = renameTerm(b.term, rename);
  }
}

/**
 * Copy propagation within a block: after `mv d, p` (d a single-definition temporary used only
 * later in the same block), uses of d read p directly when p is not rewritten in between.
 */
export function propagateCopies(fn: IrFunction, temps: ReadonlySet<number>): void {
  const defCount = new Map<number, number>();
  const useBlocks = new Map<number, Set<number>>();
  fn.blocks.forEach((b, k) => {
    for (const i of b.ins) {
      const d = insDefs(i);
      if (d !== undefined) defCount.set(d, (defCount.get(d) ?? 0) + 1);
      for (const u of insUses(i)) (useBlocks.get(u) ?? useBlocks.set(u, new Set()).get(u)!).add(k);
    }
    const t = b.term;
    const tu = t.op === 'br' ? [t.a, t.b] : t.op === 'ret' && t.a !== undefined ? [t.a] : [];
    for (const u of tu) (useBlocks.get(u) ?? useBlocks.set(u, new Set()).get(u)!).add(k);
  });
  fn.blocks.forEach((b, k) => {
    for (let n = 0; n < b.ins.length; n++) {
      const m = b.ins[n]!;
      if (m.op !== 'mv' || !temps.has(m.d) || defCount.get(m.d) !== 1) continue;
      const ub = useBlocks.get(m.d);
      if (!ub || ub.size !== 1 || !ub.has(k)) continue;
      // p must keep its value until the last use of d in this block.
      let ok = true;
      let last = -1;
      for (let j = n + 1; j < b.ins.length; j++) if (insUses(b.ins[j]!).includes(m.d)) last = j;
      const t = b.term;
      const inTerm = (t.op === 'br' && (t.a === m.d || t.b === m.d)) || (t.op === 'ret' && t.a === m.d);
      const end = inTerm ? b.ins.length : last;
      for (let j = n + 1; j < end; j++) if (insDefs(b.ins[j]!) === m.a) ok = false;
      if (!ok) continue;
      const map = new Map([[m.d, m.a]]);
      for (let j = n + 1; j < b.ins.length; j++) b.ins[j] = renameIns(b.ins[j]!, map);
      b.term = renameTerm(b.term, map);
      b.ins.splice(n, 1);
      n--;
    }
  });
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
  }
}
