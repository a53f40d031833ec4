/**
 * Loop-invariant code motion: instructions whose operands do not change inside a loop move to
 * the loop's preheader — pure instructions (constants, symbol addresses, arithmetic on
 * invariant values, such as `i * n` of an outer index) and loads of invariant addresses when
 * the loop has no barrier and no store that may overlap them (opt/memory.ts). Loops come
 * innermost first, so code moves out of several levels.
 */
import { insDefs, insUses, isPure, type Ins, type IrFunction } from '../ir';
import { buildCfg, dominates, type Loop } from './cfg';
import { defCounts } from './local';
import { addressRoots, isBarrier, mayAlias } from './memory';

/** Loops must have preheaders (ensurePreheaders) and come innermost first. */
export function hoistInvariants(fn: IrFunction, loops: readonly Loop[]): void {
  const counts = defCounts(fn);
  const roots = addressRoots(fn);
  const cfg = buildCfg(fn);
  const params = new Set(fn.params);
  for (const loop of loops) {
    const blocks = cfg.rpo.filter((b) => loop.blocks.has(b));
    const written = new Set<number>();
    const stores: Extract<Ins, { op: 'st' }>[] = [];
    let barrier = false;
    for (const k of blocks) {
      for (const i of fn.blocks[k]!.ins) {
        const d = insDefs(i);
        if (d !== undefined) written.add(d);
        if (i.op === 'st') stores.push(i);
        if (isBarrier(i)) barrier = true;
      }
    }
    const pre = fn.blocks[loop.preheader]!;
    const movable = (i: Ins, k: number): boolean => {
      const d = insDefs(i);
      if (d === undefined || counts.get(d) !== 1 || params.has(d)) return false;
      if (insUses(i).some((u) => written.has(u))) return false;
      if (i.op === 'mv') return false;
      if (isPure(i)) return fn.temps.has(d);
      if (i.op !== 'ld' || i.vol || barrier) return false;
      const acc = { base: i.a, off: i.off, size: i.size };
      if (stores.some((s) => mayAlias(acc, { base: s.a, off: s.off, size: s.size }, roots))) return false;
      // The load may run where it did not before: only when its address is an object's, or
      // when the loop reaches it on every path to an exit.
      return roots.has(i.a) || loop.exiting.every((e) => dominates(cfg, k, e));
    };
    for (const k of blocks) {
      const b = fn.blocks[k]!;
      b.ins = b.ins.filter((i) => {
        if (!movable(i, k)) return true;
        pre.ins.push(i);
        written.delete(insDefs(i)!);
        return false;
      });
    }
  }
}
