/**
 * Induction-variable strength reduction. In a loop where `i` changes only by `i += c`, a value
 * of the form ((i * M) + A) << s + B (M, A, B loop-invariant) — typically the address of
 * `p[i]` or `a[i * n + k]` — is kept in its own register P, initialised before the loop and
 * advanced by c * M << s next to every update of i, instead of being recomputed.
 */
import { insDefs, insUses, termUses, type Block, type Ins, type IrFunction } from '../ir';
import type { Loop } from './cfg';
import { defCounts, removeDeadCode } from './local';

interface Derived {
  iv: number;
  mul?: number;
  addA?: number;
  shift: number;
  addB?: number;
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

/** Loops must have preheaders (ensurePreheaders) and come innermost first. */
export function reduceInductionVariables(fn: IrFunction, loops: readonly Loop[]): void {
  const done: { lb: LoopBlocks; reduced: Reduced[] }[] = [];
  for (const l of loops) {
    const lb = { pre: fn.blocks[l.preheader]!, blocks: [...l.blocks].sort((a, b) => a - b).map((b) => fn.blocks[b]!) };
    done.push({ lb, reduced: reduceLoop(fn, lb) });
  }
  // The recomputations just replaced still read the counters: gone first.
  removeDeadCode(fn);
  for (const { lb, reduced } of done) if (reduced.length > 0) replaceExitTests(fn, lb, reduced);
}

function reduceLoop(fn: IrFunction, loop: LoopBlocks): Reduced[] {
  const all = fn.blocks;
  const temps = fn.temps;
  const written = new Map<number, Ins[]>();
  for (const b of loop.blocks) for (const i of b.ins) {
    const d = insDefs(i);
    if (d !== undefined) written.set(d, [...(written.get(d) ?? []), i]);
  }
  const counts = defCounts(fn);
  const inv = (v: number): boolean => v === 0 || !written.has(v);
  const ivStep = new Map<number, bigint>();
  for (const [v, defs] of written) {
    if (defs.every((i) => i.op === 'alui' && i.fn === 'addi' && i.a === v && i.d === v)) ivStep.set(v, 0n);
  }
  if (ivStep.size === 0) return [];
  const derived = new Map<number, Derived>();
  const get = (v: number): Derived | undefined => (ivStep.has(v) ? { iv: v, shift: 0 } : derived.get(v));
  for (const b of loop.blocks) {
    for (const i of b.ins) {
      const d = insDefs(i);
      if (d === undefined || !temps.has(d) || counts.get(d) !== 1) continue;
      const x = classify(i, get, inv);
      if (x) derived.set(d, { ...x, ins: i });
    }
  }
  // Values that something other than another derived value consumes get their own register.
  const consumers = new Map<number, number>();
  for (const b of all) {
    for (const i of b.ins) {
      const d = insDefs(i);
      for (const u of insUses(i)) if (derived.has(u) && !(d !== undefined && derived.has(d))) consumers.set(u, (consumers.get(u) ?? 0) + 1);
    }
    for (const u of termUses(b.term)) if (derived.has(u)) consumers.set(u, (consumers.get(u) ?? 0) + 1);
  }
  const shared = new Map<string, number>();
  const out: Reduced[] = [];
  for (const [d, x] of derived) {
    if (!consumers.has(d)) continue;
    if (x.mul === undefined && x.addA === undefined && x.addB === undefined && x.shift === 0) continue;
    const key = `${x.iv} ${x.mul} ${x.addA} ${x.shift} ${x.addB}`;
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
function replaceExitTests(fn: IrFunction, loop: LoopBlocks, reduced: readonly Reduced[]): void {
  const defs = new Map<number, Ins[]>();
  // Reads of each register, except in the preheader (which sees the counter's start value).
  const uses = new Map<number, number>();
  for (const b of fn.blocks) {
    for (const i of b.ins) {
      const d = insDefs(i);
      if (d !== undefined) (defs.get(d) ?? defs.set(d, []).get(d)!).push(i);
      if (b !== loop.pre) for (const u of insUses(i)) uses.set(u, (uses.get(u) ?? 0) + 1);
    }
    for (const u of termUses(b.term)) uses.set(u, (uses.get(u) ?? 0) + 1);
  }
  const constOf = (v: number): bigint | undefined => {
    const ds = defs.get(v);
    return ds && ds.length === 1 && ds[0]!.op === 'li' && !fn.params.includes(v) ? ds[0]!.imm : undefined;
  };
  const isObject = (v: number | undefined): boolean => {
    const ds = v === undefined ? undefined : defs.get(v);
    return !!ds && ds.length === 1 && ((ds[0]!.op === 'la' && !!ds[0]!.obj) || ds[0]!.op === 'frame');
  };
  for (const b of loop.blocks) {
    const t = b.term;
    if (t.op !== 'br') continue;
    const iv = t.a;
    const n = constOf(t.b);
    const ivDefs = defs.get(iv) ?? [];
    const steps = ivDefs.filter((i) => loop.blocks.some((lb) => lb.ins.includes(i)));
    const starts = ivDefs.filter((i) => !steps.includes(i));
    if (n === undefined || steps.length !== 1 || starts.length !== 1 || fn.params.includes(iv)) continue;
    const step = steps[0]!, start = starts[0]!;
    if (step.op !== 'alui' || step.fn !== 'addi' || step.imm <= 0 || start.op !== 'li') continue;
    // The counter's only readers: its own step and this test.
    if (uses.get(iv) !== 2) continue;
    // P = i * size + base, base an object's address.
    const baseOf = (x: Derived): number | undefined => (x.mul !== undefined ? undefined
      : x.addA === undefined ? x.addB : x.shift === 0 && x.addB === undefined ? x.addA : undefined);
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

function classify(i: Ins, get: (v: number) => Derived | undefined, inv: (v: number) => boolean): Derived | undefined {
  if (i.op === 'alu' && (i.fn === 'add' || i.fn === 'mul')) {
    for (const [x, y] of [[i.a, i.b], [i.b, i.a]] as const) {
      const dx = get(x);
      if (!dx || !inv(y)) continue;
      if (i.fn === 'mul') {
        if (dx.mul === undefined && dx.addA === undefined && dx.shift === 0 && dx.addB === undefined) return { iv: dx.iv, mul: y, shift: 0 };
        continue;
      }
      if (dx.shift === 0 && dx.addA === undefined && dx.addB === undefined) return { ...dx, addA: y, ins: undefined };
      if (dx.addB === undefined) return { ...dx, addB: y, ins: undefined };
    }
  }
  if (i.op === 'alui' && i.fn === 'slli') {
    const dx = get(i.a);
    if (dx && dx.shift === 0 && dx.addB === undefined) return { ...dx, shift: i.imm, ins: undefined };
  }
  return undefined;
}

function materialise(fn: IrFunction, loop: LoopBlocks, d: number, x: Derived): number {
  const src = { vreg: (): number => fn.nextVreg++, temp: (): number => { const r = fn.nextVreg++; fn.temps.add(r); return r; } };
  const pre = loop.pre.ins;
  const p = src.vreg();
  // Initial value, computed before the loop.
  let cur = x.iv;
  const step = (i: Ins & { d: number }): void => { pre.push(i); cur = i.d; };
  if (x.mul !== undefined) step({ op: 'alu', fn: 'mul', d: src.temp(), a: cur, b: x.mul });
  if (x.addA !== undefined) step({ op: 'alu', fn: 'add', d: src.temp(), a: cur, b: x.addA });
  if (x.shift) step({ op: 'alui', fn: 'slli', d: src.temp(), a: cur, imm: x.shift });
  if (x.addB !== undefined) step({ op: 'alu', fn: 'add', d: src.temp(), a: cur, b: x.addB });
  pre.push({ op: 'mv', d: p, a: cur });
  // Advance P wherever the induction variable advances.
  const strideRegs = new Map<number, number>();
  for (const b of loop.blocks) {
    const out: Ins[] = [];
    for (const i of b.ins) {
      if (i === x.ins) { out.push({ op: 'mv', d, a: p }); continue; }
      out.push(i);
      if (i.op === 'alui' && i.fn === 'addi' && i.d === x.iv && i.a === x.iv) {
        const c = i.imm;
        if (x.mul === undefined && Math.abs(c * 2 ** x.shift) <= 2047) {
          out.push({ op: 'alui', fn: 'addi', d: p, a: p, imm: c * 2 ** x.shift });
        } else {
          let r = strideRegs.get(c);
          if (r === undefined) {
            r = strideReg(pre, c, x, src);
            strideRegs.set(c, r);
          }
          out.push({ op: 'alu', fn: 'add', d: p, a: p, b: r });
        }
      }
    }
    b.ins = out;
  }
  return p;
}

function strideReg(pre: Ins[], c: number, x: Derived, src: { temp(): number }): number {
  let r: number;
  if (x.mul !== undefined && c === 1) r = x.mul;
  else {
    r = src.temp();
    pre.push({ op: 'li', d: r, imm: BigInt(c) });
    if (x.mul !== undefined) { const m = src.temp(); pre.push({ op: 'alu', fn: 'mul', d: m, a: r, b: x.mul }); r = m; }
  }
  if (x.shift) { const s = src.temp(); pre.push({ op: 'alui', fn: 'slli', d: s, a: r, imm: x.shift }); r = s; }
  return r;
}

