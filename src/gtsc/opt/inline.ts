/**
 * Inlining, across modules: a call of a guest function compiled in the same program is
 * replaced by a copy of the callee's body when the callee is small, or when this is its only
 * call, within a size budget per caller. Callees are inlined after their own calls were (the
 * call graph bottom-up); recursive functions are not inlined. A callee that refers to symbols
 * its module keeps private is inlined only inside its own module (string literals come along
 * into the caller's module). Functions that end up with no calls, are not exported and whose
 * address is never taken are dropped.
 */
import { mapDef, mapTermUses, mapUses, type Block, type FnKey, type Ins, type IrFunction, type Term } from '../ir';
import { buildCfg, findLoops, renumber } from './cfg';

/** Size limits, in IR instructions. */
export const INLINE_LIMITS = {
  /** A callee this small is inlined at every call. */
  always: 12,
  /** A callee called from a loop is inlined up to this size. */
  inLoop: 40,
  /** A function with a single call (not exported, address not taken) is inlined up to this size. */
  single: 400,
  /** No caller grows beyond this size by inlining. */
  callerMax: 3000,
} as const;

export interface InlineContext {
  /** The label of a string literal in a module's string pool. */
  stringLabel(module: string, text: string): string;
  /** Symbols named in data (tables, function-typed variables): their address is taken. */
  dataRefs: ReadonlySet<string>;
}

function size(fn: IrFunction): number {
  let n = 0;
  for (const b of fn.blocks) n += b.ins.length + 1;
  return n;
}

/** Calls a function's body makes to guest functions of this program, by callee key. */
function calleesOf(fn: IrFunction): FnKey[] {
  const out: FnKey[] = [];
  for (const b of fn.blocks) for (const i of b.ins) if (i.op === 'call' && i.callee) out.push(i.callee);
  return out;
}

/** Functions on a cycle of the call graph (Tarjan's strongly connected components). */
function recursive(fns: ReadonlyMap<FnKey, IrFunction>): Set<FnKey> {
  const index = new Map<FnKey, number>(), low = new Map<FnKey, number>();
  const stack: FnKey[] = [], on = new Set<FnKey>(), out = new Set<FnKey>();
  let next = 0;
  const visit = (v: FnKey): void => {
    index.set(v, next); low.set(v, next); next++;
    stack.push(v); on.add(v);
    const cs = calleesOf(fns.get(v)!);
    for (const w of cs) {
      if (!fns.has(w)) continue;
      if (!index.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: FnKey[] = [];
      for (let w = stack.pop()!; ; w = stack.pop()!) { on.delete(w); scc.push(w); if (w === v) break; }
      if (scc.length > 1 || cs.includes(v)) for (const w of scc) out.add(w);
    }
  };
  for (const k of fns.keys()) if (!index.has(k)) visit(k);
  return out;
}

/** Post-order of the call graph: callees before their callers. */
function bottomUp(fns: ReadonlyMap<FnKey, IrFunction>): IrFunction[] {
  const seen = new Set<FnKey>();
  const out: IrFunction[] = [];
  const visit = (k: FnKey): void => {
    // Explicit stack: call chains may be deep.
    const stack: { k: FnKey; cs: FnKey[]; n: number }[] = [{ k, cs: calleesOf(fns.get(k)!), n: 0 }];
    seen.add(k);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      if (top.n < top.cs.length) {
        const c = top.cs[top.n++]!;
        if (fns.has(c) && !seen.has(c)) { seen.add(c); stack.push({ k: c, cs: calleesOf(fns.get(c)!), n: 0 }); }
      } else {
        out.push(fns.get(top.k)!);
        stack.pop();
      }
    }
  };
  for (const k of fns.keys()) if (!seen.has(k)) visit(k);
  return out;
}

/** Whether the callee's body may be copied into `caller`. */
function copyable(callee: IrFunction, caller: IrFunction): boolean {
  for (const b of callee.blocks) {
    for (const i of b.ins) {
      // Inline assembly with labels of its own cannot be duplicated.
      if (i.op === 'raw' && /^\s*[A-Za-z_.$][\w.$]*:/m.test(i.text)) return false;
      if (caller.module === callee.module) continue;
      if (i.op === 'la' && i.local && i.str === undefined) return false;
      if (i.op === 'call' && i.local) return false;
    }
  }
  return true;
}

/** Ids of the blocks inside loops. */
function blocksInLoops(fn: IrFunction): Set<number> {
  const out = new Set<number>();
  for (const l of findLoops(fn, buildCfg(fn))) for (const b of l.blocks) out.add(b);
  return out;
}

export function inlineProgram(list: IrFunction[], ctx: InlineContext): IrFunction[] {
  const fns = new Map(list.map((f) => [f.key, f]));
  const rec = recursive(fns);
  const callCount = new Map<FnKey, number>();
  const addressTaken = new Set<string>(ctx.dataRefs);
  for (const f of list) {
    for (const b of f.blocks) for (const i of b.ins) {
      if (i.op === 'call' && i.callee) callCount.set(i.callee, (callCount.get(i.callee) ?? 0) + 1);
      if (i.op === 'la' && !i.obj) addressTaken.add(i.sym);
    }
  }
  const keep = (f: IrFunction): boolean => f.global || addressTaken.has(f.name);
  // Loop blocks of each function as it was when it was last inlined from (callees come first).
  const loopsOf = new Map<FnKey, Set<number>>();
  for (const caller of bottomUp(fns)) {
    const inLoop = blocksInLoops(caller);
    // Inlined blocks are appended; the layout puts them after their call and is applied at the end.
    const order = caller.blocks.map((b) => b.id);
    let grown = size(caller);
    for (let k = 0; k < caller.blocks.length; k++) {
      const b = caller.blocks[k]!;
      for (let n = 0; n < b.ins.length; n++) {
        const i = b.ins[n]!;
        if (i.op !== 'call' || !i.callee || i.callee === caller.key) continue;
        const callee = fns.get(i.callee);
        if (!callee || rec.has(callee.key) || !copyable(callee, caller)) continue;
        const s = size(callee);
        const single = callCount.get(callee.key) === 1 && !keep(callee);
        const limit = single ? INLINE_LIMITS.single : inLoop.has(b.id) ? INLINE_LIMITS.inLoop : INLINE_LIMITS.always;
        if (s > limit || grown + s > INLINE_LIMITS.callerMax) continue;
        const calleeLoops = loopsOf.get(callee.key) ?? blocksInLoops(callee);
        const added = inlineAt(caller, k, n, callee, ctx, single);
        for (let j = 0; j < added.length - 1; j++) if (inLoop.has(b.id) || calleeLoops.has(j)) inLoop.add(added[j]!);
        if (inLoop.has(b.id)) inLoop.add(added[added.length - 1]!);
        order.splice(order.indexOf(b.id) + 1, 0, ...added);
        grown += s;
        callCount.set(callee.key, callCount.get(callee.key)! - 1);
        for (const c of calleesOf(callee)) callCount.set(c, (callCount.get(c) ?? 0) + 1);
        break; // the rest of this block moved to the continuation block, visited later
      }
    }
    if (order.some((id, j) => id !== j)) {
      renumber(caller, order.map((id) => caller.blocks[id]!));
      const pos = new Map(order.map((id, j) => [id, j]));
      loopsOf.set(caller.key, new Set([...inLoop].map((id) => pos.get(id)!)));
    } else loopsOf.set(caller.key, inLoop);
  }
  return list.filter((f) => keep(f) || (callCount.get(f.key) ?? 0) > 0);
}

/**
 * Replaces the call at caller.blocks[k].ins[n] with the callee's body: copied, or moved when
 * the callee is inlined for the last time (`last`: it is dropped afterwards). The body's
 * blocks and a continuation block (the rest of block k) are appended to caller.blocks; returns
 * their ids in layout order.
 */
function inlineAt(caller: IrFunction, k: number, n: number, callee: IrFunction, ctx: InlineContext, last: boolean): number[] {
  const b = caller.blocks[k]!;
  const call = b.ins[n] as Extract<Ins, { op: 'call' }>;
  const map = new Int32Array(callee.nextVreg);
  const v = (x: number): number => {
    if (x === 0) return 0;
    let r = map[x]!;
    if (r === 0) {
      r = caller.nextVreg++;
      map[x] = r;
      if (callee.temps.has(x)) caller.temps.add(r);
    }
    return r;
  };
  const slotBase = caller.slots.length;
  caller.slots.push(...callee.slots);
  const base = caller.blocks.length;
  const contId = base + callee.blocks.length;
  const copyTerm = (t: Term, ins: Ins[]): Term => {
    if (t.op === 'j') return { op: 'j', t: t.t + base };
    if (t.op === 'br') return { ...mapTermUses(t, v) as Extract<Term, { op: 'br' }>, t: t.t + base, f: t.f + base };
    if (t.op === 'ret' && call.d !== undefined) {
      if (t.a !== undefined) ins.push({ op: 'mv', d: call.d, a: v(t.a) });
      else ins.push({ op: 'li', d: call.d, imm: 0n });
    }
    return { op: 'j', t: contId };
  };
  const crossModule = callee.module !== caller.module;
  const copies: Block[] = callee.blocks.map((cb) => {
    const ins = cb.ins.map((i) => {
      let x = last ? renameInPlace(i, v) : mapDef(mapUses(i, v), v);
      if (x.op === 'frame' && slotBase > 0) x = { ...x, slot: x.slot + slotBase };
      if (x.op === 'la' && x.str !== undefined && crossModule) x = { ...x, sym: ctx.stringLabel(caller.module, x.str) };
      return x;
    });
    return { id: base + cb.id, ins, term: copyTerm(cb.term, ins) };
  });
  const cont: Block = { id: contId, ins: b.ins.slice(n + 1), term: b.term };
  const moves: Ins[] = callee.params.map((p, j) => ({ op: 'mv', d: v(p), a: call.args[j]! }));
  b.ins = [...b.ins.slice(0, n), ...moves];
  b.term = { op: 'j', t: base };
  caller.blocks.push(...copies, cont);
  return [...copies.map((c) => c.id), contId];
}

/** mapDef(mapUses(i, r), r) without making a new instruction (for a body no one else holds). */
function renameInPlace(i: Ins, r: (v: number) => number): Ins {
  const x = i as { d?: number; a?: number; b?: number; args?: number[]; uses?: number[]; target?: unknown };
  if (i.op === 'call') {
    x.args = i.args.map(r);
    if (typeof i.target === 'number') x.target = r(i.target);
  } else if (i.op === 'raw') x.uses = i.uses.map(r);
  else {
    if (x.a !== undefined) x.a = r(x.a);
    if (x.b !== undefined && i.op !== 'frame') x.b = r(x.b);
  }
  if (x.d !== undefined) x.d = r(x.d);
  return i;
}
