/**
 * Memory and aliasing (docs/gtsc.md, "Memory and aliasing"). Guest code has raw pointers, so
 * the rule is about where an address comes from, not about types:
 *
 * - Volatile accesses (the loadN/storeN intrinsics), calls, ecall, AMOs, LR/SC, CSR access,
 *   fences and inline assembly are barriers: no memory value is kept in a register across
 *   them and no access moves past them.
 * - Every address has a root: the module-level symbol (`la`) or stack object (`frame`) it was
 *   computed from by adding offsets, or none (a parameter, a loaded pointer, an integer).
 *   Accesses with different known roots never overlap: an address computed from a variable
 *   stays inside that variable. An access without a known root may touch anything.
 * - Two accesses off the same base register (not rewritten in between) overlap exactly when
 *   their byte ranges [off, off + size) do.
 *
 * This pass: redundant-load elimination and store-to-load forwarding along each block and the
 * blocks that have it as their only predecessor.
 */
import { insDefs, type Ins, type IrFunction } from '../ir';
import { buildCfg } from './cfg';
import { defCounts } from './local';

/** Where an address points: into a module-level object or a stack object, `off` bytes in when known. */
export type Root = { k: 'sym'; name: string; off?: number } | { k: 'slot'; slot: number; off?: number };

const sameObject = (a: Root | undefined, b: Root | undefined): boolean =>
  !!a && !!b && a.k === b.k && (a.k === 'sym' ? a.name === (b as { name: string }).name : a.slot === (b as { slot: number }).slot);

const withOff = (r: Root | undefined, delta: number | undefined): Root | undefined =>
  r && { ...r, off: r.off === undefined || delta === undefined ? undefined : r.off + delta };

/** The root of each virtual register that holds an address with a known root. */
export function addressRoots(fn: IrFunction): Map<number, Root> {
  const defs = new Map<number, Ins[]>();
  for (const b of fn.blocks) for (const i of b.ins) {
    const d = insDefs(i);
    if (d !== undefined) (defs.get(d) ?? defs.set(d, []).get(d)!).push(i);
  }
  // Registers that hold one constant.
  const consts = new Map<number, number>();
  for (const [v, ds] of defs) {
    const i = ds[0]!;
    if (ds.length === 1 && i.op === 'li' && i.imm >= -(1n << 40n) && i.imm <= 1n << 40n && !fn.params.includes(v)) consts.set(v, Number(i.imm));
  }
  const roots = new Map<number, Root>();
  const rootOf = (i: Ins, cur: Map<number, Root>): Root | undefined => {
    switch (i.op) {
      case 'la': return i.obj ? { k: 'sym', name: i.sym, off: 0 } : undefined;
      case 'frame': return { k: 'slot', slot: i.slot, off: 0 };
      case 'mv': return cur.get(i.a);
      case 'alui': return i.fn === 'addi' ? withOff(cur.get(i.a), i.imm) : undefined;
      case 'alu': {
        if (i.fn !== 'add' && i.fn !== 'sub') return undefined;
        const a = cur.get(i.a), b = i.fn === 'add' ? cur.get(i.b) : undefined;
        if (a && b) return undefined;
        if (a) { const k = consts.get(i.b); return withOff(a, k === undefined ? undefined : i.fn === 'add' ? k : -k); }
        return b && withOff(b, consts.get(i.a));
      }
      default: return undefined;
    }
  };
  // A register's root is the common root of all its definitions (from none known, growing).
  for (let changed = true; changed;) {
    changed = false;
    for (const [v, ds] of defs) {
      if (fn.params.includes(v)) continue;
      let r: Root | undefined;
      let ok = true, moves = false;
      for (const i of ds) {
        // A self-update (p = p + k) stays in the object the other definitions point into.
        if (((i.op === 'alui' && i.fn === 'addi') || (i.op === 'alu' && (i.fn === 'add' || i.fn === 'sub'))) && i.a === v) { moves = true; continue; }
        const x = rootOf(i, roots);
        if (!x || (r && !sameObject(r, x))) { ok = false; break; }
        r = r && r.off !== x.off ? { ...r, off: undefined } : x;
      }
      if (r && moves) r = { ...r, off: undefined };
      const old = roots.get(v);
      if (ok && r) {
        if (!sameObject(old, r) || old!.off !== r.off) { roots.set(v, r); changed = true; }
      } else if (old) { roots.delete(v); changed = true; }
    }
  }
  return roots;
}

export interface Access {
  base: number;
  off: number;
  size: number;
}

/** Byte offset of an access within its object, when known. */
function offsetIn(a: Access, roots: ReadonlyMap<number, Root>): number | undefined {
  const r = roots.get(a.base);
  return r?.off === undefined ? undefined : r.off + a.off;
}

/** May two accesses overlap? (same base register: by offsets; else by roots and known offsets) */
export function mayAlias(a: Access, b: Access, roots: ReadonlyMap<number, Root>): boolean {
  if (a.base === b.base) return a.off < b.off + b.size && b.off < a.off + a.size;
  const ra = roots.get(a.base), rb = roots.get(b.base);
  if (!ra || !rb) return true;
  if (!sameObject(ra, rb)) return false;
  const oa = offsetIn(a, roots), ob = offsetIn(b, roots);
  return oa === undefined || ob === undefined || (oa < ob + b.size && ob < oa + a.size);
}

/** Are two accesses to the same bytes, whatever registers hold their addresses? */
export function sameLocation(a: Access, b: Access, roots: ReadonlyMap<number, Root>): boolean {
  if (a.size !== b.size) return false;
  if (a.base === b.base) return a.off === b.off;
  const oa = offsetIn(a, roots);
  return oa !== undefined && sameObject(roots.get(a.base), roots.get(b.base)) && oa === offsetIn(b, roots);
}

/**
 * Accesses at a constant address — a device register reached as `ptr<Regs>(0x1000_0000).lsr`
 * — become volatile: nothing else in the program can be at a fixed address, and a polling
 * loop must read the register every time.
 */
export function markDeviceAccesses(fn: IrFunction): void {
  const counts = defCounts(fn);
  const fixed = new Set<number>();
  for (const b of fn.blocks) for (const i of b.ins) if (i.op === 'li' && counts.get(i.d) === 1 && !fn.params.includes(i.d)) fixed.add(i.d);
  if (fixed.size === 0) return;
  for (const b of fn.blocks) {
    b.ins = b.ins.map((i) => ((i.op === 'ld' || i.op === 'st') && !i.vol && fixed.has(i.a) ? { ...i, vol: true } : i));
  }
}

/** Instructions after which no remembered memory value may be trusted. */
export function isBarrier(i: Ins): boolean {
  return i.op === 'call' || i.op === 'raw' || ((i.op === 'ld' || i.op === 'st') && i.vol === true);
}

interface Known extends Access {
  /** Register holding the value, and how it was produced. */
  v: number;
  fromStore: boolean;
  signed: boolean;
}

/**
 * Redundant-load elimination and store-to-load forwarding. A load of the same bytes as an
 * earlier load or store (same base register, offset and size), with no barrier and no store
 * that may overlap in between, reads the register that already holds the value (narrow stored
 * values are extended as the load would). Walks each block, continuing into successors whose
 * only predecessor it is.
 */
export function forwardMemory(fn: IrFunction): void {
  const roots = addressRoots(fn);
  const cfg = buildCfg(fn);
  const counts = defCounts(fn);
  for (const p of fn.params) counts.set(p, (counts.get(p) ?? 0) + 1);
  const out = new Map<number, Known[]>();
  for (const k of cfg.rpo) {
    const preds = cfg.preds[k]!;
    const inherited = preds.length === 1 && out.has(preds[0]!) ? out.get(preds[0]!)! : [];
    // Values in multiply-defined registers may change on the way; only single ones carry over.
    let known = inherited.filter((e) => counts.get(e.v) === 1 && (counts.get(e.base) ?? 0) <= 1);
    const b = fn.blocks[k]!;
    b.ins = b.ins.map((i) => {
      let res: Ins = i;
      if (isBarrier(i)) known = [];
      else if (i.op === 'ld') {
        const acc = { base: i.a, off: i.off, size: i.size };
        const hit = known.find((e) => sameLocation(e, acc, roots) && (e.fromStore || e.signed === i.signed));
        if (hit) res = hit.fromStore && i.size < 8 ? { op: 'ext', signed: i.signed, bits: (i.size * 8) as 8 | 16 | 32, d: i.d, a: hit.v } : { op: 'mv', d: i.d, a: hit.v };
      } else if (i.op === 'st') {
        known = known.filter((e) => !mayAlias(e, { base: i.a, off: i.off, size: i.size }, roots));
      }
      const d = insDefs(res);
      if (d !== undefined) known = known.filter((e) => e.v !== d && e.base !== d);
      if (res.op === 'ld' && res.d !== res.a) known.push({ base: res.a, off: res.off, size: res.size, v: res.d, fromStore: false, signed: res.signed });
      if (res.op === 'st' && !res.vol) known.push({ base: res.a, off: res.off, size: res.size, v: res.b, fromStore: true, signed: false });
      return res;
    });
    out.set(k, known);
  }
}
