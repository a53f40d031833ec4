/**
 * Register allocation: liveness over the block graph, one live interval per virtual register,
 * then linear scan. Intervals that cross a call get callee-saved registers; the others prefer
 * caller-saved temporaries (so leaf functions need no frame). When registers run out, the
 * interval ending last is spilled to a stack slot.
 */
import { insDefs, insUses, successors, termUses, type IrFunction } from './ir';

/** Caller-saved registers handed out, in order of preference: t0-t4 then a7..a0. */
export const TEMP_REGS = [5, 6, 7, 28, 29, 17, 16, 15, 14, 13, 12, 11, 10];
/** Callee-saved: s1..s11 then s0. */
export const SAVED_REGS = [9, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 8];
/** Reserved for reloading spilled values and for address materialisation in the emitter. */
export const SCRATCH = [30, 31] as const;
const ALL_REGS = [...TEMP_REGS, ...SAVED_REGS];
const IS_SAVED = Uint8Array.from({ length: 32 }, (_, r) => (SAVED_REGS.includes(r) ? 1 : 0));
const IS_ALLOCATABLE = Uint8Array.from({ length: 32 }, (_, r) => (ALL_REGS.includes(r) ? 1 : 0));

export type Loc = { reg: number } | { spill: number };

export interface Allocation {
  loc: Map<number, Loc>;
  spillSlots: number;
  usedSaved: number[];
  hasCalls: boolean;
}

interface Interval {
  v: number;
  start: number;
  end: number;
  crosses: boolean;
}

/**
 * Live-in and live-out registers of each block: backward data flow to a fixpoint over a
 * worklist, on bit sets indexed by a dense numbering of the registers the function mentions.
 */
export function liveness(fn: IrFunction): { liveIn: number[][]; liveOut: number[][] } {
  const n = fn.blocks.length;
  // Dense numbering: vreg numbers grow with every pass, most of them long gone.
  const index = new Map<number, number>();
  const regs: number[] = [];
  const idx = (v: number): number => {
    let k = index.get(v);
    if (k === undefined) { k = regs.length; regs.push(v); index.set(v, k); }
    return k;
  };
  const useL: number[][] = [], defL: number[][] = [];
  for (const b of fn.blocks) {
    const u: number[] = [], d: number[] = [];
    const defined = new Set<number>();
    for (const i of b.ins) {
      for (const r of insUses(i)) if (r !== 0 && !defined.has(r)) u.push(idx(r));
      const w = insDefs(i);
      if (w !== undefined && w !== 0) { defined.add(w); d.push(idx(w)); }
    }
    for (const r of termUses(b.term)) if (r !== 0 && !defined.has(r)) u.push(idx(r));
    useL.push(u);
    defL.push(d);
  }
  const words = (regs.length + 31) >>> 5;
  const bits = (list: number[]): Uint32Array => {
    const x = new Uint32Array(words);
    for (const k of list) x[k >>> 5]! |= 1 << (k & 31);
    return x;
  };
  const use = useL.map(bits), def = defL.map(bits);
  const liveIn = Array.from({ length: n }, () => new Uint32Array(words));
  const liveOut = Array.from({ length: n }, () => new Uint32Array(words));
  const succ = fn.blocks.map((b) => successors(b.term));
  const preds: number[][] = Array.from({ length: n }, () => []);
  succ.forEach((ss, k) => { for (const s of ss) preds[s]!.push(k); });
  const queued = new Uint8Array(n).fill(1);
  const work: number[] = [];
  for (let k = 0; k < n; k++) work.push(k); // popped from the end: last block first
  while (work.length > 0) {
    const k = work.pop()!;
    queued[k] = 0;
    const out = liveOut[k]!, inn = liveIn[k]!, u = use[k]!, d = def[k]!;
    for (const s of succ[k]!) {
      const si = liveIn[s]!;
      for (let w = 0; w < words; w++) out[w]! |= si[w]!;
    }
    let changed = false;
    for (let w = 0; w < words; w++) {
      const x = u[w]! | (out[w]! & ~d[w]!);
      if ((x & ~inn[w]!) !== 0) { inn[w]! |= x; changed = true; }
    }
    if (changed) for (const p of preds[k]!) if (!queued[p]) { queued[p] = 1; work.push(p); }
  }
  const members = (x: Uint32Array): number[] => {
    const out: number[] = [];
    for (let w = 0; w < words; w++) {
      let y = x[w]!;
      while (y !== 0) {
        const low = y & -y;
        out.push(regs[w * 32 + 31 - Math.clz32(low)]!);
        y ^= low;
      }
    }
    return out;
  };
  return { liveIn: liveIn.map(members), liveOut: liveOut.map(members) };
}

/** Virtual registers live across some call (exact, from a backward walk of each block). */
function acrossCalls(fn: IrFunction, liveOut: number[][]): Set<number> {
  const across = new Set<number>();
  fn.blocks.forEach((b, k) => {
    const live = new Set(liveOut[k]);
    for (const r of termUses(b.term)) live.add(r);
    for (let n = b.ins.length - 1; n >= 0; n--) {
      const i = b.ins[n]!;
      const d = insDefs(i);
      if (d !== undefined) live.delete(d);
      if (i.op === 'call') for (const r of live) across.add(r);
      for (const r of insUses(i)) live.add(r);
    }
  });
  return across;
}

function buildIntervals(fn: IrFunction, calls: number[]): Interval[] {
  const { liveIn, liveOut } = liveness(fn);
  const across = acrossCalls(fn, liveOut);
  const iv = new Map<number, Interval>();
  const touch = (v: number, pos: number): void => {
    if (v === 0) return;
    const it = iv.get(v);
    if (!it) iv.set(v, { v, start: pos, end: pos, crosses: false });
    else { if (pos < it.start) it.start = pos; if (pos > it.end) it.end = pos; }
  };
  let n = 0;
  fn.params.forEach((p) => touch(p, -1));
  fn.blocks.forEach((b, k) => {
    const first = 2 * n;
    for (const i of b.ins) {
      for (const r of insUses(i)) touch(r, 2 * n);
      const d = insDefs(i);
      if (d !== undefined) touch(d, 2 * n + 1);
      if (i.op === 'call') calls.push(2 * n);
      n++;
    }
    for (const r of termUses(b.term)) touch(r, 2 * n);
    const last = 2 * n + 1;
    n++;
    for (const r of liveIn[k]!) touch(r, first);
    for (const r of liveOut[k]!) touch(r, last);
  });
  const list = [...iv.values()];
  for (const it of list) it.crosses = across.has(it.v);
  return list.sort((a, b) => a.start - b.start || a.v - b.v);
}

function collectHints(fn: IrFunction): { phys: Map<number, number>; moves: Map<number, number> } {
  const phys = new Map(fn.hints);
  const moves = new Map<number, number>();
  for (const b of fn.blocks) {
    for (const i of b.ins) {
      if (i.op === 'mv') { moves.set(i.d, i.a); if (!moves.has(i.a)) moves.set(i.a, i.d); }
      if (i.op === 'call') {
        i.args.forEach((a, k) => { if (!phys.has(a)) phys.set(a, i.argRegs[k]!); });
        if (i.d !== undefined && !phys.has(i.d)) phys.set(i.d, 10);
      }
    }
    if (b.term.op === 'ret' && b.term.a !== undefined && !phys.has(b.term.a)) phys.set(b.term.a, 10);
  }
  return { phys, moves };
}

export function allocate(fn: IrFunction): Allocation {
  const calls: number[] = [];
  const intervals = buildIntervals(fn, calls);
  const { phys, moves } = collectHints(fn);
  const loc = new Map<number, Loc>();
  const active: Interval[] = [];
  const regOf = new Map<number, number>();
  const usedSaved = new Set<number>();
  let spillSlots = 0;

  const busy = new Uint8Array(32);
  for (const cur of intervals) {
    for (let k = active.length - 1; k >= 0; k--) {
      const a = active[k]!;
      if (a.end < cur.start) { busy[regOf.get(a.v)!] = 0; active.splice(k, 1); }
    }
    const pool = cur.crosses ? SAVED_REGS : ALL_REGS;
    const inPool = cur.crosses ? IS_SAVED : IS_ALLOCATABLE;
    let reg: number | undefined;
    const mv = moves.get(cur.v);
    const hm = mv !== undefined ? regOf.get(mv) : undefined;
    const hp = phys.get(cur.v);
    if (hm !== undefined && inPool[hm] && !busy[hm]) reg = hm;
    else if (hp !== undefined && inPool[hp] && !busy[hp]) reg = hp;
    else reg = pool.find((r) => !busy[r]);
    if (reg === undefined) {
      let victim: Interval | undefined;
      for (const a of active) if (inPool[regOf.get(a.v)!] && (!victim || a.end > victim.end)) victim = a;
      if (victim && victim.end > cur.end) {
        reg = regOf.get(victim.v)!;
        regOf.delete(victim.v);
        loc.set(victim.v, { spill: spillSlots++ });
        active.splice(active.indexOf(victim), 1);
      } else {
        loc.set(cur.v, { spill: spillSlots++ });
        continue;
      }
    }
    regOf.set(cur.v, reg);
    loc.set(cur.v, { reg });
    busy[reg] = 1;
    if (IS_SAVED[reg]) usedSaved.add(reg);
    active.push(cur);
  }
  return { loc, spillSlots, usedSaved: SAVED_REGS.filter((r) => usedSaved.has(r)), hasCalls: calls.length > 0 };
}
