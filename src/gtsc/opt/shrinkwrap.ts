/**
 * Shrink-wrapping: the prologue (saving `ra` and callee-saved registers, opening the frame)
 * moves from the function's entry to the block where the frame is first needed, so paths that
 * never call anything — the early `return` of a recursive function — run without it.
 *
 * The prologue block P is the nearest block that dominates every block with a call or a stack
 * object, outside any loop, and such that everything reachable from P is dominated by P (the
 * region after P never joins the paths that skipped it; a small return block shared by both
 * is duplicated). Values live into P get a fresh copy at P's start, so the values living
 * across calls (in callee-saved registers) are born after the prologue and the code before P
 * can keep its values in caller-saved registers. The emitter checks after register allocation
 * that the code outside P's region uses no callee-saved register and no stack slot, and puts
 * the prologue back at the entry otherwise.
 */
import { mapDef, mapTermUses, mapUses, successors, type Block, type IrFunction } from '../ir';
import { liveness } from '../regalloc';
import { buildCfg, dominates, findLoops, type Cfg } from './cfg';

/** A return block this small is copied so that both regions get their own. */
const MAX_DUPLICATED = 4;

function needsFrame(b: Block): boolean {
  return b.ins.some((i) => i.op === 'call' || i.op === 'frame');
}

function nearestCommonDominator(cfg: Cfg, a: number, b: number): number {
  while (a !== b) {
    while (cfg.order[a]! > cfg.order[b]!) a = cfg.idom[a]!;
    while (cfg.order[b]! > cfg.order[a]!) b = cfg.idom[b]!;
  }
  return a;
}

/** Blocks reachable from p that p does not dominate. */
function escapes(fn: IrFunction, cfg: Cfg, p: number): number[] {
  const seen = new Set<number>([p]);
  const work = [p];
  const out: number[] = [];
  while (work.length > 0) {
    const x = work.pop()!;
    for (const s of successors(fn.blocks[x]!.term)) {
      if (seen.has(s)) continue;
      seen.add(s);
      if (!dominates(cfg, p, s)) out.push(s);
      else work.push(s);
    }
  }
  return out;
}

/** Chooses the prologue block and splits the values live into it; sets fn.prologueBlock. */
export function placePrologue(fn: IrFunction): void {
  let cfg = buildCfg(fn);
  const framed = cfg.rpo.filter((k) => needsFrame(fn.blocks[k]!));
  if (framed.length === 0) return;
  let p = framed.reduce((a, b) => nearestCommonDominator(cfg, a, b));
  const loops = findLoops(fn, cfg);
  const inLoop = (k: number): boolean => loops.some((l) => l.blocks.has(k));
  while (p !== 0 && inLoop(p)) p = cfg.idom[p]!;
  if (p === 0) return;
  let out = escapes(fn, cfg, p);
  if (out.length > 0) {
    if (!out.every((k) => fn.blocks[k]!.term.op === 'ret' && fn.blocks[k]!.ins.length <= MAX_DUPLICATED)) return;
    duplicateReturns(fn, cfg, p, out);
    cfg = buildCfg(fn);
    out = escapes(fn, cfg, p);
    if (out.length > 0) return;
  }
  split(fn, cfg, p);
  fn.prologueBlock = p;
}

/** Gives the edges from p's region into each shared return block a copy of their own. */
function duplicateReturns(fn: IrFunction, cfg: Cfg, p: number, shared: number[]): void {
  for (const r of shared) {
    const orig = fn.blocks[r]!;
    const copy: Block = { id: fn.blocks.length, ins: orig.ins.map((i) => ({ ...i })), term: orig.term };
    fn.blocks.push(copy);
    for (const k of cfg.rpo) {
      if (!dominates(cfg, p, k)) continue;
      const b = fn.blocks[k]!;
      const t = b.term;
      if (t.op === 'j' && t.t === r) b.term = { op: 'j', t: copy.id };
      if (t.op === 'br' && (t.t === r || t.f === r)) b.term = { ...t, t: t.t === r ? copy.id : t.t, f: t.f === r ? copy.id : t.f };
    }
  }
}

/** Renames, inside p's region, every value live into p to a copy made at p's start. */
function split(fn: IrFunction, cfg: Cfg, p: number): void {
  const { liveIn } = liveness(fn);
  const live = liveIn[p]!.filter((v) => v !== 0);
  if (live.length === 0) return;
  const map = new Map<number, number>();
  for (const v of live) {
    const c = fn.nextVreg++;
    map.set(v, c);
    if (fn.temps.has(v)) fn.temps.add(c);
  }
  const r = (v: number): number => map.get(v) ?? v;
  for (const k of cfg.rpo) {
    if (!dominates(cfg, p, k)) continue;
    const b = fn.blocks[k]!;
    b.ins = b.ins.map((i) => mapDef(mapUses(i, r), r));
    b.term = mapTermUses(b.term, r);
  }
  fn.blocks[p]!.ins.unshift(...live.map((v) => ({ op: 'mv' as const, d: map.get(v)!, a: v })));
}
