/**
 * Turns the lowered body of an async function into its resume function (lower.ts): a state
 * machine over the coroutine frame (frame.ts).
 *
 * The body arrives with one suspension point per `await`: a block that ends in `ret parked`
 * (parked: a marker register) where the coroutine parks, and a marker instruction at the start
 * of the block where it goes on when resumed. `await suspend()` also has a branch on a marker
 * register, which becomes a plain jump to its parking block. Then:
 *
 * - liveness over the body gives, per point, the values live where it goes on: each gets a frame
 *   slot (parameters first, at the offsets the constructor stores them), is stored by the
 *   parking block and reloaded on the way back in;
 * - the parking block stores them and the point's state and returns 0; every `ret v` stores v
 *   as the result and returns 1;
 * - zeroed<T>() objects live in the frame, not on the stack (their `frame` addresses become
 *   frame + offset);
 * - a new entry reads the state and jumps to the start (loading the parameters) or to the
 *   reload block of the point it parked at.
 */
import { fnKey, insDefs, insUses, successors, termUses, type Block, type Ins, type IrFunction, type Term } from '../ir';
import { FRAME_HEADER, FRAME_RESULT, FRAME_STATE } from './frame';

export interface AwaitPoint {
  /** The marker register of the parking block's `ret`. */
  readonly parked: number;
  /** The text of the marker instruction (a `raw` one) at the start of the block to go on from. */
  readonly resume: string;
  /** `await suspend()`: the marker register of the branch that must go to the parking block. */
  readonly branch?: number;
}

export interface SplitCoroutine {
  fn: IrFunction;
  /** Bytes to allocate for a frame. */
  frameSize: number;
}

interface Point {
  park: number;
  resume: number;
  live: number[];
}

/** Registers live at the start of each block (vreg 0, the zero register, excluded). */
function liveIn(blocks: readonly Block[]): Set<number>[] {
  const use = blocks.map(() => new Set<number>());
  const def = blocks.map(() => new Set<number>());
  blocks.forEach((b, k) => {
    const u = use[k]!, d = def[k]!;
    const read = (v: number): void => { if (v !== 0 && !d.has(v)) u.add(v); };
    for (const i of b.ins) {
      insUses(i).forEach(read);
      const w = insDefs(i);
      if (w !== undefined) d.add(w);
    }
    termUses(b.term).forEach(read);
  });
  const live = blocks.map((_, k) => new Set(use[k]));
  for (let changed = true; changed;) {
    changed = false;
    for (let k = blocks.length - 1; k >= 0; k--) {
      const inK = live[k]!;
      for (const s of successors(blocks[k]!.term)) {
        for (const v of live[s]!) {
          if (!inK.has(v) && !def[k]!.has(v)) {
            inK.add(v);
            changed = true;
          }
        }
      }
    }
  }
  return live;
}

/** Finds the points' blocks (points in code that cannot run are gone with their blocks) and drops the markers. */
function locate(blocks: Block[], awaits: readonly AwaitPoint[]): { park: number; resume: number }[] {
  const found: { park: number; resume: number }[] = [];
  for (const a of awaits) {
    const park = blocks.findIndex((b) => b.term.op === 'ret' && b.term.a === a.parked);
    const isMark = (i: Ins): boolean => i.op === 'raw' && i.text === a.resume;
    const resume = blocks.findIndex((b) => b.ins.some(isMark));
    if (resume >= 0) blocks[resume]!.ins = blocks[resume]!.ins.filter((i) => !isMark(i));
    if (a.branch !== undefined) {
      for (const b of blocks) if (b.term.op === 'br' && b.term.a === a.branch) b.term = { op: 'j', t: park };
    }
    if (park < 0 || resume < 0) continue;
    blocks[park]!.term = { op: 'ret', a: undefined };
    found.push({ park, resume });
  }
  return found;
}

function shiftTerm(t: Term, by: number): Term {
  if (t.op === 'j') return { op: 'j', t: t.t + by };
  if (t.op === 'br') return { ...t, t: t.t + by, f: t.f + by };
  return t;
}

export function splitCoroutine(fn: IrFunction, awaits: readonly AwaitPoint[], name: string, hasResult: boolean): SplitCoroutine {
  const blocks: Block[] = fn.blocks.map((b) => ({ id: b.id, ins: [...b.ins], term: b.term }));
  const located = locate(blocks, awaits);
  const live = liveIn(blocks);
  let nextVreg = fn.nextVreg;
  const vreg = (): number => nextVreg++;

  // frame slots: the parameters, then every value live where a point goes on, then the stack objects
  const slot = new Map<number, number>();
  let off = FRAME_HEADER;
  for (const p of fn.params) { slot.set(p, off); off += 8; }
  const points: Point[] = located.map((p) => {
    const vs = [...live[p.resume]!].sort((a, b) => a - b);
    for (const v of vs) if (!slot.has(v)) { slot.set(v, off); off += 8; }
    return { ...p, live: vs };
  });
  const objects = fn.slots.map((s) => {
    off = Math.ceil(off / s.align) * s.align;
    const at = off;
    off += s.size;
    return at;
  });
  const frameSize = Math.ceil(off / 16) * 16;

  // a parameter the body never assigns keeps its value in its slot: parking need not store it
  const assigned = new Set<number>();
  for (const b of blocks) for (const i of b.ins) { const d = insDefs(i); if (d !== undefined) assigned.add(d); }
  const stored = (v: number): boolean => !fn.params.includes(v) || assigned.has(v);

  const frame = vreg();
  const addr = (d: number, offset: number): Ins[] =>
    offset < 2048 ? [{ op: 'alui', fn: 'addi', d, a: frame, imm: offset }] : (() => {
      const k = vreg();
      return [{ op: 'li', d: k, imm: BigInt(offset) }, { op: 'alu', fn: 'add', d, a: frame, b: k }];
    })();
  const parks = new Map(points.map((p, k) => [p.park, k + 1]));

  // the body: stack objects in the frame, parking blocks, returns
  blocks.forEach((b, id) => {
    b.ins = b.ins.flatMap((i) => (i.op === 'frame' ? addr(i.d, objects[i.slot]!) : [i]));
    const state = parks.get(id);
    if (state !== undefined) {
      const s = vreg();
      b.ins.push(
        ...points[state - 1]!.live.filter(stored).map((v): Ins => ({ op: 'st', size: 8, a: frame, b: v, off: slot.get(v)! })),
        { op: 'li', d: s, imm: BigInt(state) },
        { op: 'st', size: 8, a: frame, b: s, off: FRAME_STATE },
      );
      b.term = { op: 'ret', a: 0 };
    } else if (b.term.op === 'ret') {
      if (hasResult && b.term.a !== undefined) b.ins.push({ op: 'st', size: 8, a: frame, b: b.term.a, off: FRAME_RESULT });
      const one = vreg();
      b.ins.push({ op: 'li', d: one, imm: 1n });
      b.term = { op: 'ret', a: one };
    }
  });

  // the entry: a switch on the state; the start loads the parameters, each point reloads its values
  const front: Block[] = [];
  const state = vreg();
  const first = points.length === 0 ? 0 : points.length; // blocks before the start: the switch
  const start = first; // index of the start block in `front`
  const body = start + 1; // offset of the body's blocks
  const reload = body + blocks.length; // index of point 1's reload block
  for (let k = 0; k < points.length; k++) {
    const ins: Ins[] = [];
    let term: Term;
    if (k === 0) {
      ins.push({ op: 'ld', size: 8, signed: false, d: state, a: frame, off: FRAME_STATE });
      term = { op: 'br', cmp: 'eq', a: state, b: 0, t: start, f: points.length === 1 ? reload : 1 };
    } else {
      const c = vreg();
      ins.push({ op: 'li', d: c, imm: BigInt(k) });
      term = { op: 'br', cmp: 'eq', a: state, b: c, t: reload + k - 1, f: k === points.length - 1 ? reload + k : k + 1 };
    }
    front.push({ id: k, ins, term });
  }
  front.push({
    id: start,
    ins: fn.params.map((p): Ins => ({ op: 'ld', size: 8, signed: false, d: p, a: frame, off: slot.get(p)! })),
    term: { op: 'j', t: body },
  });
  const reloads: Block[] = points.map((p, k) => ({
    id: reload + k,
    ins: p.live.map((v): Ins => ({ op: 'ld', size: 8, signed: false, d: v, a: frame, off: slot.get(v)! })),
    term: { op: 'j', t: body + p.resume },
  }));
  const all = [...front, ...blocks.map((b, k) => ({ id: body + k, ins: b.ins, term: shiftTerm(b.term, body) })), ...reloads];

  const hints = new Map(fn.hints);
  for (const p of fn.params) hints.delete(p);
  hints.set(frame, 10);
  // A value reloaded from the frame has more than one definition now: no longer a temporary
  // (the optimiser may move or rename a temporary's single definition).
  const temps = new Set(fn.temps);
  for (const v of slot.keys()) temps.delete(v);
  return {
    fn: { name, key: fnKey(fn.module, name), module: fn.module, global: fn.global, params: [frame], blocks: all, nextVreg, slots: [], hints, temps },
    frameSize,
  };
}
