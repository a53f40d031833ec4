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

export function liveness(fn: IrFunction): { liveIn: Set<number>[]; liveOut: Set<number>[] } {
  const n = fn.blocks.length;
  const use: Set<number>[] = [];
  const def: Set<number>[] = [];
  for (const b of fn.blocks) {
    const u = new Set<number>();
    const d = new Set<number>();
    for (const i of b.ins) {
      for (const r of insUses(i)) if (!d.has(r)) u.add(r);
      const w = insDefs(i);
      if (w !== undefined) d.add(w);
    }
    for (const r of termUses(b.term)) if (!d.has(r)) u.add(r);
    use.push(u);
    def.push(d);
  }
  const liveIn = Array.from({ length: n }, () => new Set<number>());
  const liveOut = Array.from({ length: n }, () => new Set<number>());
  let changed = true;
  while (changed) {
    changed = false;
    for (let k = n - 1; k >= 0; k--) {
      const out = liveOut[k]!;
      for (const s of successors(fn.blocks[k]!.term)) {
        for (const r of liveIn[s]!) if (!out.has(r)) { out.add(r); changed = true; }
      }
      const inn = liveIn[k]!;
      for (const r of use[k]!) if (!inn.has(r)) { inn.add(r); changed = true; }
      for (const r of out) if (!def[k]!.has(r) && !inn.has(r)) { inn.add(r); changed = true; }
    }
  }
  return { liveIn, liveOut };
}

/** Virtual registers live across some call (exact, from a backward walk of each block). */
function acrossCalls(fn: IrFunction, liveOut: Set<number>[]): Set<number> {
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
