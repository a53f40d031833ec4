/**
 * Instruction scheduling for the core the code runs on, within each block, before register
 * allocation: a list scheduler over the block's dependence graph that issues, cycle by cycle,
 * the ready instruction with the longest latency-weighted path to the end of the block, so a
 * load's or a multiply's consumers wait as little as they can. Latencies come from the timing
 * profile (the same data rvn's Rocket model charges): load-use for word and sub-word loads,
 * the iterative multiplier's cycles (and that it takes one operation at a time), division.
 * Barriers (calls, inline assembly, volatile accesses) are not crossed; stores stay in order
 * with every access they may overlap (opt/memory.ts).
 *
 * With an early-out multiplier, whose time grows with the significant bits of the first
 * operand, a multiply by a small constant puts the constant first.
 */
import type { TimingProfile } from '../../timing/profile';
import { insDefs, insUses, termUses, type Block, type Ins, type IrFunction } from '../ir';
import { addressRoots, isBarrier, mayAlias, type Root } from './memory';

/** Issue-to-consumer cycles per instruction, from a timing profile. */
export interface Latencies {
  loadWord: number;
  loadSub: number;
  /** A full 64-bit multiply (the most cycles without early out). */
  mul: number;
  div: number;
  earlyOutMul: boolean;
  mulBitsPerCycle: number;
}

export function latenciesOf(p: TimingProfile): Latencies {
  const steps = 64 / p.mulBitsPerCycle;
  return {
    loadWord: p.loadWordLatency,
    loadSub: p.loadSubwordLatency,
    mul: steps + 2,
    div: 66,
    earlyOutMul: p.mulEarlyOut,
    mulBitsPerCycle: p.mulBitsPerCycle,
  };
}

/** True when every latency is one cycle (nothing to schedule for, e.g. `--timing ideal`). */
export function isFlat(p: TimingProfile): boolean {
  return p.model === 'ideal' || (p.loadWordLatency <= 1 && p.loadSubwordLatency <= 1 && p.mulBitsPerCycle >= 64);
}

function latency(i: Ins, l: Latencies): number {
  switch (i.op) {
    case 'ld': return i.size >= 4 ? l.loadWord : l.loadSub;
    case 'alu':
      if (i.fn === 'mul' || i.fn === 'mulh' || i.fn === 'mulhu') return l.mul;
      if (i.fn === 'div' || i.fn === 'divu' || i.fn === 'rem' || i.fn === 'remu') return l.div;
      return 1;
    case 'ext': return i.signed ? (i.bits === 32 ? 1 : 2) : (i.bits === 8 ? 1 : 2);
    default: return 1;
  }
}

const isMulDiv = (i: Ins): boolean => i.op === 'alu' && /^(mul|div|rem)/.test(i.fn);

/** Schedules every block of the function for the given latencies. */
export function scheduleFunction(fn: IrFunction, lat: Latencies): void {
  const roots = addressRoots(fn);
  const consts = new Map<number, bigint>();
  for (const b of fn.blocks) for (const i of b.ins) if (i.op === 'li') consts.set(i.d, i.imm);
  for (const b of fn.blocks) {
    if (lat.earlyOutMul) b.ins = b.ins.map((i) => smallFirst(i, consts));
    scheduleBlock(b, lat, roots);
  }
}

/** `mul d, x, k` with a small non-negative constant k: k first, so the multiplier stops early. */
function smallFirst(i: Ins, consts: ReadonlyMap<number, bigint>): Ins {
  if (i.op !== 'alu' || i.fn !== 'mul') return i;
  const a = consts.get(i.a), b = consts.get(i.b);
  const small = (v: bigint | undefined): boolean => v !== undefined && v >= 0n && v < 1n << 32n;
  if (small(b) && !small(a)) return { ...i, a: i.b, b: i.a };
  return i;
}

function scheduleBlock(b: Block, lat: Latencies, roots: ReadonlyMap<number, Root>): void {
  // Barriers split the block into regions scheduled on their own.
  const out: Ins[] = [];
  let region: Ins[] = [];
  for (const i of b.ins) {
    if (isBarrier(i)) {
      out.push(...scheduleRegion(region, [], lat, roots), i);
      region = [];
    } else region.push(i);
  }
  out.push(...scheduleRegion(region, termUses(b.term), lat, roots));
  b.ins = out;
}

function scheduleRegion(ins: Ins[], sinkUses: readonly number[], lat: Latencies, roots: ReadonlyMap<number, Root>): Ins[] {
  const n = ins.length;
  if (n < 2) return ins;
  // Dependences: preds[k] = [j, latency] with j < k.
  const preds: [number, number][][] = Array.from({ length: n }, () => []);
  const succs: [number, number][][] = Array.from({ length: n }, () => []);
  const edge = (j: number, k: number, l: number): void => { preds[k]!.push([j, l]); succs[j]!.push([k, l]); };
  const lastDef = new Map<number, number>();
  const usesSince = new Map<number, number[]>();
  const mem: number[] = [];
  for (let k = 0; k < n; k++) {
    const i = ins[k]!;
    for (const u of insUses(i)) {
      const d = lastDef.get(u);
      if (d !== undefined) edge(d, k, latency(ins[d]!, lat));
      (usesSince.get(u) ?? usesSince.set(u, []).get(u)!).push(k);
    }
    if (i.op === 'ld' || i.op === 'st') {
      for (const j of mem) {
        const o = ins[j]!;
        if (i.op === 'ld' && o.op === 'ld') continue;
        const oo = o as Extract<Ins, { op: 'ld' | 'st' }>;
        // Offsets off one base register compare only while it holds the same value.
        const alias = oo.a === i.a && defBetween(ins, j, k, i.a)
          || mayAlias({ base: i.a, off: i.off, size: i.size }, { base: oo.a, off: oo.off, size: oo.size }, roots);
        if (alias) edge(j, k, 0);
      }
      mem.push(k);
    }
    const d = insDefs(i);
    if (d !== undefined) {
      for (const u of usesSince.get(d) ?? []) if (u !== k) edge(u, k, 0);
      const prev = lastDef.get(d);
      if (prev !== undefined) edge(prev, k, 0);
      lastDef.set(d, k);
      usesSince.set(d, []);
    }
    // Two multiplies or divides: the unit takes one at a time (keep their order).
    if (isMulDiv(i)) for (let j = k - 1; j >= 0; j--) if (isMulDiv(ins[j]!)) { edge(j, k, 0); break; }
  }
  // Priority: the longest latency path from each instruction to the end (the terminator's
  // operands count as consumers).
  const prio = new Array<number>(n).fill(0);
  const sink = new Set(sinkUses);
  for (let k = n - 1; k >= 0; k--) {
    const i = ins[k]!;
    const d = insDefs(i);
    let p = d !== undefined && sink.has(d) && lastDef.get(d) === k ? latency(i, lat) : 0;
    for (const [s, l] of succs[k]!) p = Math.max(p, prio[s]! + Math.max(l, 0));
    prio[k] = Math.max(p, 1);
  }
  const waiting = preds.map((p) => p.length);
  const earliest = new Array<number>(n).fill(0);
  const ready: number[] = [];
  for (let k = 0; k < n; k++) if (waiting[k] === 0) ready.push(k);
  const order: Ins[] = [];
  let cycle = 0;
  let mulFree = 0;
  const startOf = (k: number): number => Math.max(earliest[k]!, isMulDiv(ins[k]!) ? mulFree : 0);
  while (ready.length > 0) {
    let best = -1;
    for (const k of ready) {
      if (best === -1) { best = k; continue; }
      const sk = startOf(k) <= cycle, sb = startOf(best) <= cycle;
      if (sk !== sb) { if (sk) best = k; continue; }
      if (!sk) { if (startOf(k) < startOf(best) || (startOf(k) === startOf(best) && k < best)) best = k; continue; }
      if (prio[k]! > prio[best]! || (prio[k] === prio[best] && k < best)) best = k;
    }
    ready.splice(ready.indexOf(best), 1);
    const at = Math.max(cycle, startOf(best));
    order.push(ins[best]!);
    if (isMulDiv(ins[best]!)) mulFree = at + latency(ins[best]!, lat);
    cycle = at + 1;
    for (const [s, l] of succs[best]!) {
      earliest[s] = Math.max(earliest[s]!, at + l);
      if (--waiting[s]! === 0) ready.push(s);
    }
  }
  return order;
}

function defBetween(ins: readonly Ins[], from: number, to: number, v: number): boolean {
  for (let k = from; k < to; k++) if (insDefs(ins[k]!) === v) return true;
  return false;
}
