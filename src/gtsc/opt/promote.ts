/**
 * Scalar promotion: a memory location that a loop reads and writes — a module-level variable
 * such as a random generator's seed, or a field of a static struct — lives in a register for
 * the duration of the loop: loaded once in the preheader, stored back once on each way out.
 * Only when the loop has no barrier (call, volatile access, inline assembly), the location's
 * address is loop-invariant with a known root, and no other access in the loop may overlap it
 * (opt/memory.ts).
 */
import { insDefs, successors, type Block, type Ins, type IrFunction } from '../ir';
import { buildCfg, findLoops, retarget, type Loop } from './cfg';
import { addressRoots, isBarrier, mayAlias, sameLocation, type Access } from './memory';

type Mem = Extract<Ins, { op: 'ld' | 'st' }>;

/** Loops must have preheaders (ensurePreheaders). Returns true when something was promoted. */
export function promoteScalars(fn: IrFunction): boolean {
  let any = false;
  // Promotion adds registers that hold no address, so the roots stay valid throughout.
  const roots = addressRoots(fn);
  // Each promotion may add exit blocks: recompute the loops after each one.
  for (let guard = 0; guard < 64; guard++) {
    const loops = findLoops(fn, buildCfg(fn));
    let done = false;
    for (const loop of loops) {
      if (promoteOne(fn, loop, roots)) { done = true; break; }
    }
    if (!done) return any;
    any = true;
  }
  return any;
}

function promoteOne(fn: IrFunction, loop: Loop, roots: ReturnType<typeof addressRoots>): boolean {
  if (loop.preheader < 0) return false;
  const blocks = [...loop.blocks].map((k) => fn.blocks[k]!);
  const written = new Set<number>();
  const accesses: Mem[] = [];
  for (const b of blocks) {
    for (const i of b.ins) {
      if (isBarrier(i)) return false;
      const d = insDefs(i);
      if (d !== undefined) written.add(d);
      if (i.op === 'ld' || i.op === 'st') accesses.push(i);
    }
  }
  for (const first of accesses) {
    if (first.op !== 'st' || written.has(first.a) || !roots.has(first.a)) continue;
    const loc: Access = { base: first.a, off: first.off, size: first.size };
    const same = (m: Mem): boolean => sameLocation(loc, { base: m.a, off: m.off, size: m.size }, roots);
    const group = accesses.filter(same);
    const loads = group.filter((m): m is Extract<Mem, { op: 'ld' }> => m.op === 'ld');
    const signed = loads[0]?.signed ?? false;
    if (loads.some((l) => l.signed !== signed) || group.some((m) => written.has(m.a))) continue;
    if (accesses.some((m) => !same(m) && mayAlias(loc, { base: m.a, off: m.off, size: m.size }, roots))) continue;
    rewrite(fn, loop, loc, signed, same);
    return true;
  }
  return false;
}

function rewrite(fn: IrFunction, loop: Loop, loc: Access, signed: boolean, same: (m: Mem) => boolean): void {
  const v = fn.nextVreg++;
  const size = loc.size as 1 | 2 | 4 | 8;
  const bits = (size * 8) as 8 | 16 | 32;
  fn.blocks[loop.preheader]!.ins.push({ op: 'ld', size, signed, d: v, a: loc.base, off: loc.off });
  for (const k of loop.blocks) {
    const b = fn.blocks[k]!;
    b.ins = b.ins.map((i): Ins => {
      if ((i.op !== 'ld' && i.op !== 'st') || !same(i)) return i;
      if (i.op === 'ld') return { op: 'mv', d: i.d, a: v };
      return size === 8 ? { op: 'mv', d: v, a: i.b } : { op: 'ext', signed, bits, d: v, a: i.b };
    });
  }
  const store: Ins = { op: 'st', size, a: loc.base, b: v, off: loc.off };
  const preds = buildCfg(fn).preds;
  const exits = new Map<number, number[]>();
  for (const k of loop.blocks) {
    for (const s of successors(fn.blocks[k]!.term)) if (!loop.blocks.has(s)) (exits.get(s) ?? exits.set(s, []).get(s)!).push(k);
  }
  for (const [s, from] of exits) {
    if (preds[s]!.every((p) => loop.blocks.has(p))) {
      fn.blocks[s]!.ins.unshift({ ...store });
      continue;
    }
    // The exit is shared with paths that bypass the loop: store on a block of its own.
    const x: Block = { id: fn.blocks.length, ins: [{ ...store }], term: { op: 'j', t: s } };
    fn.blocks.push(x);
    for (const k of new Set(from)) fn.blocks[k]!.term = retarget(fn.blocks[k]!.term, s, x.id);
  }
}
