/**
 * Induction-variable strength reduction. In a loop where `i` changes only by `i += c`, a value
 * of the form ((i * M) + A) << s + B (M, A, B loop-invariant) — typically the address of
 * `p[i]` or `a[i * n + k]` — is kept in its own register P, initialised before the loop and
 * advanced by c * M << s next to every update of i, instead of being recomputed.
 */
import { insDefs, insUses, termUses, type Block, type Ins, type IrFunction } from '../ir';
import type { Loop } from './cfg';
import { defCounts } from './local';

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

/** Loops must have preheaders (ensurePreheaders) and come innermost first. */
export function reduceInductionVariables(fn: IrFunction, loops: readonly Loop[]): void {
  for (const l of loops) {
    reduceLoop(fn, { pre: fn.blocks[l.preheader]!, blocks: [...l.blocks].sort((a, b) => a - b).map((b) => fn.blocks[b]!) });
  }
}

function reduceLoop(fn: IrFunction, loop: LoopBlocks): void {
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
  if (ivStep.size === 0) return;
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
  for (const [d, x] of derived) {
    if (!consumers.has(d)) continue;
    if (x.mul === undefined && x.addA === undefined && x.addB === undefined && x.shift === 0) continue;
    const key = `${x.iv} ${x.mul} ${x.addA} ${x.shift} ${x.addB}`;
    const p = shared.get(key);
    if (p !== undefined) {
      for (const b of loop.blocks) b.ins = b.ins.map((i) => (i === x.ins ? { op: 'mv', d, a: p } : i));
      continue;
    }
    shared.set(key, materialise(fn, loop, d, x));
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

