/**
 * Induction-variable strength reduction. In a loop where `i` changes only by `i += c`, a value
 * of the form ((i * M * k) + A) << s + B — M a loop-invariant register, k a constant (±1
 * when the index is subtracted), A and B sums of invariant registers and constants — typically
 * the address of `p[i]`, `a[i * n + k]` or `down[row - i + n]`, is kept in its own register P,
 * initialised before the loop and advanced by c * M * k << s next to every update of i, instead
 * of being recomputed. Then the loop test on a counter nothing else reads is replaced by a test
 * of such a register (linear-function test replacement).
 */
import { insDefs, insUses, termUses, type Block, type Ins, type IrFunction } from '../ir';
import type { Loop } from './cfg';
import { defCounts, removeDeadCode, type VregCounts } from './local';

/** An invariant addend: a register (negated when `neg`). */
interface Addend {
  v: number;
  neg: boolean;
}

interface Derived {
  iv: number;
  mul?: number;
  coef: number;
  pre: Addend[];
  preK: number;
  shift: number;
  post: Addend[];
  postK: number;
  /** Instruction defining this value (for replacement). */
  ins?: Ins;
}

interface LoopBlocks {
  pre: Block;
  blocks: Block[];
}

/** A derived value given its own register P. */
interface Reduced {
  p: number;
  x: Derived;
}

const plain = (iv: number): Derived => ({ iv, coef: 1, pre: [], preK: 0, shift: 0, post: [], postK: 0 });
const isPlain = (x: Derived): boolean => x.mul === undefined && x.coef === 1 && x.pre.length === 0 && x.preK === 0
  && x.shift === 0 && x.post.length === 0 && x.postK === 0;
/** Constants stay small so that strides and offsets fit immediates and never overflow. */
const SMALL = 1 << 20;

/** Loops must have preheaders (ensurePreheaders) and come innermost first. */
export function reduceInductionVariables(fn: IrFunction, loops: readonly Loop[]): void {
  if (loops.length === 0) return;
  const done: { lb: LoopBlocks; reduced: Reduced[] }[] = [];
  const counts = defCounts(fn);
  // Readers of each register (instructions; a terminator counts as a reader too). Inner loops
  // rewrite some readers before outer loops look: a stale reader only costs an unneeded
  // register, which dead-code removal takes away again.
  const readers = new Map<number, (Ins | undefined)[]>();
  for (const b of fn.blocks) {
    for (const i of b.ins) for (const u of insUses(i)) (readers.get(u) ?? readers.set(u, []).get(u)!).push(i);
    for (const u of termUses(b.term)) (readers.get(u) ?? readers.set(u, []).get(u)!).push(undefined);
  }
  for (const l of loops) {
    const lb = { pre: fn.blocks[l.preheader]!, blocks: [...l.blocks].sort((a, b) => a - b).map((b) => fn.blocks[b]!) };
    done.push({ lb, reduced: reduceLoop(fn, lb, counts, readers) });
  }
  if (!done.some((d) => d.reduced.length > 0)) return;
  // The recomputations just replaced still read the counters: gone first.
  removeDeadCode(fn);
  replaceExitTests(fn, done.filter((d) => d.reduced.length > 0));
}

function reduceLoop(fn: IrFunction, loop: LoopBlocks, counts: VregCounts, readers: ReadonlyMap<number, (Ins | undefined)[]>): Reduced[] {
  const written = new Map<number, Ins[]>();
  for (const b of loop.blocks) for (const i of b.ins) {
    const d = insDefs(i);
    if (d !== undefined) (written.get(d) ?? written.set(d, []).get(d)!).push(i);
  }
  const inv = (v: number): boolean => v === 0 || !written.has(v);
  const ivs = new Set<number>();
  for (const [v, defs] of written) {
    if (defs.every((i) => i.op === 'alui' && i.fn === 'addi' && i.a === v && i.d === v)) ivs.add(v);
  }
  if (ivs.size === 0) return [];
  const derived = new Map<number, Derived>();
  const get = (v: number): Derived | undefined => (ivs.has(v) ? plain(v) : derived.get(v));
  for (const b of loop.blocks) {
    for (const i of b.ins) {
      const d = insDefs(i);
      if (d === undefined || !fn.temps.has(d) || counts.get(d) !== 1) continue;
      const x = classify(i, get, inv);
      if (x) derived.set(d, { ...x, ins: i });
    }
  }
  // Values that something other than another derived value consumes get their own register.
  const derivedDefs = new Set<Ins>([...derived.values()].map((x) => x.ins!));
  const consumers = new Set<number>();
  for (const u of derived.keys()) {
    if ((readers.get(u) ?? []).some((i) => i === undefined || !derivedDefs.has(i))) consumers.add(u);
  }
  const shared = new Map<string, number>();
  const out: Reduced[] = [];
  for (const [d, x] of derived) {
    if (!consumers.has(d) || isPlain(x)) continue;
    const key = JSON.stringify({ ...x, ins: undefined });
    const p = shared.get(key);
    if (p !== undefined) {
      for (const b of loop.blocks) b.ins = b.ins.map((i) => (i === x.ins ? { op: 'mv', d, a: p } : i));
      continue;
    }
    const np = materialise(fn, loop, d, x);
    shared.set(key, np);
    out.push({ p: np, x });
  }
  return out;
}

/** Adds an addend (register or constant) at the current level of the form. */
function addTo(dx: Derived, t: Addend | undefined, k: number): Derived | undefined {
  const x = { ...dx, pre: [...dx.pre], post: [...dx.post], ins: undefined };
  if (x.shift === 0) {
    if (t) x.pre.push(t);
    x.preK += k;
  } else {
    if (t) x.post.push(t);
    x.postK += k;
  }
  return Math.abs(x.preK) < SMALL && Math.abs(x.postK) < SMALL ? x : undefined;
}

function negate(dx: Derived): Derived {
  const flip = (t: Addend): Addend => ({ v: t.v, neg: !t.neg });
  return { ...dx, coef: -dx.coef, pre: dx.pre.map(flip), preK: -dx.preK, post: dx.post.map(flip), postK: -dx.postK, ins: undefined };
}

function classify(i: Ins, get: (v: number) => Derived | undefined, inv: (v: number) => boolean): Derived | undefined {
  if (i.op === 'alu' && (i.fn === 'add' || i.fn === 'mul')) {
    for (const [x, y] of [[i.a, i.b], [i.b, i.a]] as const) {
      const dx = get(x);
      if (!dx || !inv(y)) continue;
      if (i.fn === 'mul') return isPlain(dx) ? { ...plain(dx.iv), mul: y } : undefined;
      return addTo(dx, { v: y, neg: false }, 0);
    }
  }
  if (i.op === 'alu' && i.fn === 'sub') {
    const da = get(i.a), db = get(i.b);
    if (da && !db && inv(i.b)) return addTo(da, { v: i.b, neg: true }, 0);
    if (db && !da && inv(i.a) && db.mul === undefined) return addTo(negate(db), { v: i.a, neg: false }, 0);
  }
  if (i.op === 'alui' && i.fn === 'addi') {
    const dx = get(i.a);
    if (dx) return addTo(dx, undefined, i.imm);
  }
  if (i.op === 'alui' && i.fn === 'slli') {
    const dx = get(i.a);
    if (dx && dx.post.length === 0 && dx.postK === 0 && dx.shift + i.imm < 32) return { ...dx, shift: dx.shift + i.imm, ins: undefined };
  }
  return undefined;
}

interface Emit {
  temp(): number;
  push(i: Ins): void;
}

/** Emits code computing the value of the form from the current induction variable. */
function compute(x: Derived, e: Emit): number {
  let cur = x.iv;
  const alu = (fn: 'add' | 'sub' | 'mul', b: number): void => { const d = e.temp(); e.push({ op: 'alu', fn, d, a: cur, b }); cur = d; };
  const addi = (k: number): void => {
    if (k === 0) return;
    if (Math.abs(k) <= 2047) { const d = e.temp(); e.push({ op: 'alui', fn: 'addi', d, a: cur, imm: k }); cur = d; return; }
    const r = e.temp();
    e.push({ op: 'li', d: r, imm: BigInt(k) });
    alu('add', r);
  };
  if (x.mul !== undefined) alu('mul', x.mul);
  if (x.coef !== 1) {
    if (x.coef === -1) { const d = e.temp(); e.push({ op: 'alu', fn: 'sub', d, a: 0, b: cur }); cur = d; } else {
      const r = e.temp();
      e.push({ op: 'li', d: r, imm: BigInt(x.coef) });
      alu('mul', r);
    }
  }
  for (const t of x.pre) alu(t.neg ? 'sub' : 'add', t.v);
  addi(x.preK);
  if (x.shift) { const d = e.temp(); e.push({ op: 'alui', fn: 'slli', d, a: cur, imm: x.shift }); cur = d; }
  for (const t of x.post) alu(t.neg ? 'sub' : 'add', t.v);
  addi(x.postK);
  return cur;
}

function materialise(fn: IrFunction, loop: LoopBlocks, d: number, x: Derived): number {
  const temp = (): number => { const r = fn.nextVreg++; fn.temps.add(r); return r; };
  const pre = loop.pre.ins;
  const p = fn.nextVreg++;
  pre.push({ op: 'mv', d: p, a: compute(x, { temp, push: (i) => pre.push(i) }) });
  // Advance P wherever the induction variable advances: by c * k << s, times M if present.
  const strideRegs = new Map<number, number>();
  for (const b of loop.blocks) {
    const out: Ins[] = [];
    for (const i of b.ins) {
      if (i === x.ins) { out.push({ op: 'mv', d, a: p }); continue; }
      out.push(i);
      if (i.op !== 'alui' || i.fn !== 'addi' || i.d !== x.iv || i.a !== x.iv) continue;
      const step = i.imm * x.coef * 2 ** x.shift;
      if (x.mul === undefined && Math.abs(step) <= 2047) {
        out.push({ op: 'alui', fn: 'addi', d: p, a: p, imm: step });
        continue;
      }
      let r = strideRegs.get(i.imm);
      if (r === undefined) {
        r = strideReg(pre, i.imm, x, temp);
        strideRegs.set(i.imm, r);
      }
      out.push({ op: 'alu', fn: 'add', d: p, a: p, b: r });
    }
    b.ins = out;
  }
  return p;
}

function strideReg(pre: Ins[], c: number, x: Derived, temp: () => number): number {
  let r: number;
  const k = c * x.coef;
  if (x.mul !== undefined && k === 1) r = x.mul;
  else {
    r = temp();
    pre.push({ op: 'li', d: r, imm: BigInt(k) });
    if (x.mul !== undefined) { const m = temp(); pre.push({ op: 'alu', fn: 'mul', d: m, a: r, b: x.mul }); r = m; }
  }
  if (x.shift) { const s = temp(); pre.push({ op: 'alui', fn: 'slli', d: s, a: r, imm: x.shift }); r = s; }
  return r;
}

/** Largest |index * element size| for which a pointer compare stands in for an index compare. */
const POINTER_RANGE = 2n ** 31n;

/**
 * Linear-function test replacement: a loop test `i < N` (or `i != N`, ...) on a counter that
 * nothing else reads becomes a test of an address register advanced with it, `P < base + N *
 * size`, so the counter goes away. Only when the counter starts at a constant i0 >= 0 and
 * steps up by a constant, N is a constant, and P walks an object (a module-level variable or a
 * stack object) from its start: then i0 * size and N * size are small, no address wraps, and
 * the unsigned pointer compare gives the same answer as the index compare.
 */
function replaceExitTests(fn: IrFunction, loops: readonly { lb: LoopBlocks; reduced: readonly Reduced[] }[]): void {
  const defs = new Map<number, Ins[]>();
  const defBlock = new Map<Ins, Block>();
  // Reads of each register, and which blocks they are in.
  const uses = new Map<number, Block[]>();
  for (const b of fn.blocks) {
    for (const i of b.ins) {
      const d = insDefs(i);
      if (d !== undefined) { (defs.get(d) ?? defs.set(d, []).get(d)!).push(i); defBlock.set(i, b); }
      for (const u of insUses(i)) (uses.get(u) ?? uses.set(u, []).get(u)!).push(b);
    }
    for (const u of termUses(b.term)) (uses.get(u) ?? uses.set(u, []).get(u)!).push(b);
  }
  for (const { lb, reduced } of loops) replaceExitTest(fn, lb, reduced, defs, defBlock, uses);
}

function replaceExitTest(
  fn: IrFunction, loop: LoopBlocks, reduced: readonly Reduced[], defs: ReadonlyMap<number, Ins[]>,
  defBlock: ReadonlyMap<Ins, Block>, uses: ReadonlyMap<number, Block[]>,
): void {
  const inLoop = new Set(loop.blocks);
  const constOf = (v: number): bigint | undefined => {
    const ds = defs.get(v);
    return ds && ds.length === 1 && ds[0]!.op === 'li' && !fn.params.includes(v) ? ds[0]!.imm : undefined;
  };
  const isObject = (v: number | undefined): boolean => {
    const ds = v === undefined ? undefined : defs.get(v);
    return !!ds && ds.length === 1 && ((ds[0]!.op === 'la' && !!ds[0]!.obj) || ds[0]!.op === 'frame');
  };
  // P = i * size + base, base an object's address.
  const baseOf = (x: Derived): number | undefined => {
    if (x.mul !== undefined || x.coef !== 1 || x.preK !== 0 || x.postK !== 0) return undefined;
    const only = (ts: Addend[]): number | undefined => (ts.length === 1 && !ts[0]!.neg ? ts[0]!.v : undefined);
    if (x.pre.length === 0) return only(x.post);
    return x.post.length === 0 && x.shift === 0 ? only(x.pre) : undefined;
  };
  for (const b of loop.blocks) {
    const t = b.term;
    if (t.op !== 'br') continue;
    const iv = t.a;
    const n = constOf(t.b);
    const ivDefs = defs.get(iv) ?? [];
    const steps = ivDefs.filter((i) => inLoop.has(defBlock.get(i)!));
    const starts = ivDefs.filter((i) => !steps.includes(i));
    if (n === undefined || steps.length !== 1 || starts.length !== 1 || fn.params.includes(iv)) continue;
    const step = steps[0]!, start = starts[0]!;
    if (step.op !== 'alui' || step.fn !== 'addi' || step.imm <= 0 || start.op !== 'li') continue;
    // The counter's only readers: its own step and this test (the preheader sees its start).
    if ((uses.get(iv) ?? []).filter((ub) => ub !== loop.pre).length !== 2) continue;
    const r = reduced.find((x) => x.x.iv === iv && isObject(baseOf(x.x)));
    if (!r) continue;
    const size = 1n << BigInt(r.x.shift);
    const i0 = start.imm, c = BigInt(step.imm);
    if (i0 < 0n || n < 0n || n * size >= POINTER_RANGE || i0 > n) continue;
    if ((t.cmp === 'ne' || t.cmp === 'eq') && (n - i0) % c !== 0n) continue;
    const cmp = ({ lt: 'ltu', ltu: 'ltu', ge: 'geu', geu: 'geu', ne: 'ne', eq: 'eq' } as const)[t.cmp];
    const scaled = fn.nextVreg++, limit = fn.nextVreg++;
    fn.temps.add(scaled).add(limit);
    loop.pre.ins.push({ op: 'li', d: scaled, imm: n * size }, { op: 'alu', fn: 'add', d: limit, a: baseOf(r.x)!, b: scaled });
    b.term = { ...t, cmp, a: r.p, b: limit };
  }
}
