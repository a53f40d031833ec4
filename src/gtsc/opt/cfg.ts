/**
 * The control-flow graph of an IR function: predecessors, reverse post-order, dominators
 * (Cooper, Harvey & Kennedy, "A Simple, Fast Dominance Algorithm"), natural loops with
 * preheaders, and the clean-ups that keep the block list tidy (jump threading, unreachable
 * blocks, renumbering in layout order). Block ids are indices into `fn.blocks`.
 */
import { successors, type Block, type IrFunction, type Term } from '../ir';

export interface Cfg {
  preds: number[][];
  /** Reachable blocks in reverse post-order (entry first). */
  rpo: number[];
  /** Immediate dominator per block (entry: itself; unreachable: -1). */
  idom: number[];
  /** Position in `rpo` per block (-1 when unreachable). */
  order: number[];
}

export function buildCfg(fn: IrFunction): Cfg {
  const n = fn.blocks.length;
  const succs = fn.blocks.map((b) => successors(b.term));
  const preds: number[][] = Array.from({ length: n }, () => []);
  for (let k = 0; k < n; k++) for (const s of succs[k]!) preds[s]!.push(k);
  const seen = new Uint8Array(n);
  const post: number[] = [];
  // Iterative depth-first search (functions can be long chains of blocks).
  const stackB = new Int32Array(n), stackN = new Int32Array(n);
  let sp = 0;
  stackB[0] = 0; stackN[0] = 0; sp = 1;
  seen[0] = 1;
  while (sp > 0) {
    const b = stackB[sp - 1]!;
    const succ = succs[b]!;
    const next = stackN[sp - 1]!;
    if (next < succ.length) {
      stackN[sp - 1] = next + 1;
      const s = succ[next]!;
      if (!seen[s]) { seen[s] = 1; stackB[sp] = s; stackN[sp] = 0; sp++; }
    } else {
      post.push(b);
      sp--;
    }
  }
  const rpo = post.reverse();
  const order = new Array<number>(n).fill(-1);
  rpo.forEach((b, k) => { order[b] = k; });
  const idom = new Array<number>(n).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number): number => {
    while (a !== b) {
      while (order[a]! > order[b]!) a = idom[a]!;
      while (order[b]! > order[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const b of rpo) {
      if (b === 0) continue;
      let nd = -1;
      for (const p of preds[b]!) {
        if (idom[p] === -1) continue;
        nd = nd === -1 ? p : intersect(p, nd);
      }
      if (nd !== idom[b]) { idom[b] = nd; changed = true; }
    }
  }
  return { preds, rpo, idom, order };
}

/** True when block a dominates block b (both reachable). */
export function dominates(cfg: Cfg, a: number, b: number): boolean {
  if (cfg.idom[b] === -1) return false;
  for (let x = b; ; x = cfg.idom[x]!) {
    if (x === a) return true;
    if (x === 0) return false;
  }
}

export interface Loop {
  header: number;
  blocks: Set<number>;
  /** The loop's single entry block outside it (after ensurePreheaders). */
  preheader: number;
  /** Loop blocks with a successor outside the loop. */
  exiting: number[];
  /** Depth of nesting (1 = outermost). */
  depth: number;
}

/** Natural loops (back edges to the same header merged), innermost first. */
export function findLoops(fn: IrFunction, cfg: Cfg): Loop[] {
  const byHeader = new Map<number, Set<number>>();
  for (const b of cfg.rpo) {
    for (const s of successors(fn.blocks[b]!.term)) {
      if (!dominates(cfg, s, b)) continue;
      const body = byHeader.get(s) ?? new Set([s]);
      byHeader.set(s, body);
      const work = [b];
      while (work.length > 0) {
        const x = work.pop()!;
        if (body.has(x)) continue;
        body.add(x);
        for (const p of cfg.preds[x]!) if (cfg.idom[p] !== -1) work.push(p);
      }
    }
  }
  const loops: Loop[] = [...byHeader].map(([header, blocks]) => {
    const outside = cfg.preds[header]!.filter((p) => !blocks.has(p) && cfg.idom[p] !== -1);
    const exiting = [...blocks].filter((b) => successors(fn.blocks[b]!.term).some((s) => !blocks.has(s)));
    return { header, blocks, preheader: outside.length === 1 ? outside[0]! : -1, exiting, depth: 1 };
  });
  for (const l of loops) l.depth = loops.filter((o) => o.blocks.has(l.header)).length;
  return loops.sort((a, b) => b.depth - a.depth || a.blocks.size - b.blocks.size);
}

/** A terminator with its edges to `from` sent to `to`. */
export function retarget(t: Term, from: number, to: number): Term {
  if (t.op === 'j') return t.t === from ? { op: 'j', t: to } : t;
  if (t.op === 'br') return { ...t, t: t.t === from ? to : t.t, f: t.f === from ? to : t.f };
  return t;
}

/**
 * Gives every loop a preheader: a block outside the loop whose only successor is the header and
 * which is the header's only predecessor outside the loop. Code placed there runs once each time
 * the loop is entered, and only then. New blocks go just before their header in the layout.
 * Returns true when blocks were added (the caller renumbers and rebuilds the CFG).
 */
export function ensurePreheaders(fn: IrFunction): boolean {
  const cfg = buildCfg(fn);
  const loops = findLoops(fn, cfg);
  const before = new Map<number, Block>();
  for (const l of loops) {
    if (before.has(l.header)) continue;
    const outside = cfg.preds[l.header]!.filter((p) => !l.blocks.has(p) && cfg.idom[p] !== -1);
    if (outside.length === 1 && fn.blocks[outside[0]!]!.term.op === 'j' && l.header !== 0) continue;
    const pre: Block = { id: fn.blocks.length, ins: [], term: { op: 'j', t: l.header } };
    fn.blocks.push(pre);
    for (const p of outside) fn.blocks[p]!.term = retarget(fn.blocks[p]!.term, l.header, pre.id);
    if (l.header === 0) {
      // The entry block heads a loop: the new block becomes the entry.
      before.set(0, pre);
    } else before.set(l.header, pre);
  }
  if (before.size === 0) return false;
  const layout: Block[] = [];
  for (const b of fn.blocks) {
    if (b.id >= fn.blocks.length - before.size) break;
    const p = before.get(b.id);
    if (p) layout.push(p);
    layout.push(b);
  }
  renumber(fn, layout);
  return true;
}

/** Makes `layout` the function's block list, numbering blocks in that order. */
export function renumber(fn: IrFunction, layout: Block[]): void {
  if (layout.length === fn.blocks.length && layout.every((b, k) => b.id === k && fn.blocks[k] === b)) return;
  const map = new Int32Array(Math.max(fn.blocks.length, ...layout.map((b) => b.id + 1)));
  layout.forEach((b, k) => { map[b.id] = k; });
  for (const b of layout) {
    const t = b.term;
    if (t.op === 'j') b.term = { op: 'j', t: map[t.t]! };
    else if (t.op === 'br') b.term = { ...t, t: map[t.t]!, f: map[t.f]! };
  }
  layout.forEach((b, k) => { b.id = k; });
  fn.blocks = layout;
}

/**
 * Threads jumps through empty blocks, turns a branch with equal targets into a jump, merges a
 * block into its only predecessor when that one jumps straight to it, and drops unreachable
 * blocks (the entry stays first).
 */
export function simplifyCfg(fn: IrFunction): void {
  const blocks = fn.blocks;
  const target = (id: number): number => {
    let b = blocks[id]!, guard = 0;
    while (b.ins.length === 0 && b.term.op === 'j' && b.term.t !== b.id && guard++ < 50) b = blocks[b.term.t]!;
    return b.id;
  };
  for (const b of blocks) {
    if (b.term.op === 'j') b.term = { op: 'j', t: target(b.term.t) };
    if (b.term.op === 'br') {
      const t = target(b.term.t), f = target(b.term.f);
      b.term = t === f ? { op: 'j', t } : { ...b.term, t, f };
    }
    if (b.term.op === 'none') b.term = { op: 'ret', a: undefined };
  }
  // Merge straight-line chains: B jumps to C, C has no other predecessor, C is not the entry.
  const preds = new Array<number>(blocks.length).fill(0);
  for (const b of blocks) for (const s of successors(b.term)) preds[s]!++;
  const merged = new Set<number>();
  for (const b of blocks) {
    if (merged.has(b.id)) continue;
    while (b.term.op === 'j') {
      const c = blocks[b.term.t]!;
      if (c.id === 0 || c.id === b.id || preds[c.id] !== 1 || merged.has(c.id)) break;
      b.ins = b.ins.concat(c.ins);
      b.term = c.term;
      merged.add(c.id);
    }
  }
  const reach = new Uint8Array(blocks.length);
  const work = [0];
  while (work.length) {
    const id = work.pop()!;
    if (reach[id]) continue;
    reach[id] = 1;
    for (const s of successors(blocks[id]!.term)) work.push(s);
  }
  renumber(fn, blocks.filter((b) => reach[b.id] && !merged.has(b.id)));
}
