/**
 * LR, SC and the AMOs, written once. amoStepsCode writes the steps of each — LR: load, reserve;
 * SC: take the reservation, store; AMO: load, the AMO's rule, store; then x[rd] — as code into
 * which each user places its own way of reaching the memory word (AmoMemory):
 *
 *  - the hart's function (makeHartAmo), which Hart.amo calls once it has checked the alignment
 *    and translated the address: the word is read and written through the hart (RAM chunk 0,
 *    other RAM, MMIO; a failed access is an access fault, which Hart.amo raises);
 *  - ramAmoCode (below), the inline path of the interpreter's rare function and of
 *    translated blocks for naturally aligned accesses to RAM chunk 0 under Bare translation.
 *
 * What each AMO stores is its rule in the instruction table (src/isa/insns/a.ts, AMO_NEW_VALUE).
 *
 *   hartAmo(op, rd, pa, b, bh) → false after an access fault
 * does the LR, SC or AMO `op` at physical address pa (naturally aligned) with operand b:bh.
 */
import { AMO_NEW_VALUE, AMO_WORD_OPERAND, amoForm, type AmoKind } from '../../isa/insns/a';
import { InsnClass } from '../../isa/classes';
import { AllOps, type InsnDef } from '../../isa/opcodes';
import { makeFunction } from './common';
import type { CodeContext } from './host';

/**
 * Which instructions a piece of code does (op numbers, all LR, SC or AMOs): one (a translated
 * block's instruction, known when the block is written) or several sharing the code, which
 * then chooses by the local `op` at run time where they differ (the interpreter's rare function:
 * a case per class and width, choosing the AMO's rule; the hart's function: one for all 22).
 */
export type AmoOps = readonly number[];

/** A fact about the instructions: the same for all of them (known), or a test of `op` (an expression). */
export type AmoFact = boolean | string;

/** The instructions as the steps need them. */
export interface AmoFacts {
  readonly lr: AmoFact;
  readonly sc: AmoFact;
  /** A doubleword (.d); else a word, sign-extended as an old value and as an AMO's operand. */
  readonly double: AmoFact;
  /**
   * Code leaving in b:bh what an AMO stores, given the old value v:vh and the operand b:bh (a
   * word's sign-extended): its rule, chosen by op when the AMOs' rules differ.
   */
  readonly newValue: string;
}

/**
 * How the steps reach the memory word. Each piece is code placed by amoStepsCode (it may leave
 * the generated function, e.g. on an access fault).
 */
export interface AmoMemory {
  /** The word's physical address (an expression): the granule of the reservations. */
  readonly pa: string;
  /** Leaves the old value in v:vh (a word sign-extended). */
  load(f: AmoFacts): string;
  /** Stores b:bh (a word: b), with the store's bookkeeping. */
  store(f: AmoFacts): string;
}

/** `ifTrue` where the fact holds, else `ifFalse` (expressions): chosen now for a known fact, at run time for a test. */
export function byFact(f: AmoFact, ifTrue: string, ifFalse: string): string {
  return typeof f === 'boolean' ? (f ? ifTrue : ifFalse) : `(${f} ? ${ifTrue} : ${ifFalse})`;
}

/** The fact's negation. */
function notFact(f: AmoFact): AmoFact {
  return typeof f === 'boolean' ? !f : `!(${f})`;
}

/** The statements `then` where the fact holds, else `otherwise`. */
function ifFact(f: AmoFact, then: string, otherwise = ''): string {
  if (typeof f === 'boolean') return f ? then : otherwise;
  return otherwise === '' ? `if (${f}) { ${then} }` : `if (${f}) { ${then} } else { ${otherwise} }`;
}

/** The bytes the instruction accesses (an expression). */
export function amoSize(f: AmoFacts): string {
  return byFact(f.double, '8', '4');
}

/**
 * The steps of an LR, SC or AMO, with the memory word reached through `mem` and the result
 * written to x[rd] (`rd`: a number or a local). The reservations are the bus's (one per hart).
 */
export function amoStepsCode(f: AmoFacts, mem: AmoMemory, rd: string): string {
  // SC: stores only while this hart holds a reservation on the granule (taking it); x[rd] is
  // 0 on success, 1 on failure.
  const sc = `if (bus.takeReservation(h.hartId, ${mem.pa})) { ${mem.store(f)} xl[${rd}] = 0; } else { xl[${rd}] = 1; } xh[${rd}] = 0;`;
  // LR: the old value, its granule reserved. AMO: the old value, the rule's new value (a word
  // AMO's operand sign-extended first) stored. Both: x[rd] = the old value.
  const rule = `${ifFact(notFact(f.double), AMO_WORD_OPERAND)} ${f.newValue}`;
  const lrOrAmo = `${mem.load(f)} ${ifFact(f.lr, `bus.reserve(h.hartId, ${mem.pa});`, `${rule} ${mem.store(f)}`)} xl[${rd}] = v; xh[${rd}] = vh;`;
  return ifFact(f.sc, sc, lrOrAmo);
}

/** Each LR, SC and AMO op's definition, by op number. */
const AMO_DEFS: ReadonlyMap<number, InsnDef> = new Map(
  AllOps.filter((d) => d.cls === InsnClass.Lr || d.cls === InsnClass.Sc || amoForm(d.name) !== undefined).map((d) => [d.op, d]));

/** Every LR, SC and AMO op. */
export const AMO_OPS: AmoOps = [...AMO_DEFS.keys()];

/** The facts of the instructions `ops`. */
export function amoFacts(ops: AmoOps): AmoFacts {
  const defs = ops.map((op) => {
    const d = AMO_DEFS.get(op);
    if (d === undefined) throw new Error(`amo: op ${op} is not an LR, SC or AMO`);
    return d;
  });
  const fact = (holds: (d: InsnDef) => boolean): AmoFact => testOf(defs.filter(holds).map((d) => d.op), defs.filter((d) => !holds(d)).map((d) => d.op));
  // The rules of the AMOs among them: each rule once, labelled with the ops of its kind.
  const opsOfKind = new Map<AmoKind, number[]>();
  for (const d of defs) {
    const form = amoForm(d.name);
    if (form === undefined) continue;
    const same = opsOfKind.get(form.kind);
    if (same === undefined) opsOfKind.set(form.kind, [d.op]);
    else same.push(d.op);
  }
  const kinds = [...opsOfKind];
  const newValue = kinds.length <= 1 ? kinds.map(([kind]) => AMO_NEW_VALUE[kind]).join('') : [
    'switch (op) {',
    ...kinds.map(([kind, same]) => `${same.map((op) => `case ${op}:`).join(' ')} ${AMO_NEW_VALUE[kind]} break;`),
    `default: throw new Error('amo: op ' + op + ' is not an AMO');`,
    '}',
  ].join('\n');
  return { lr: fact((d) => d.cls === InsnClass.Lr), sc: fact((d) => d.cls === InsnClass.Sc), double: fact((d) => d.name.endsWith('.d')), newValue };
}

/** The fact "op is one of `yes`" among `yes` and `no`: known when either is empty, else a test of op. */
function testOf(yes: readonly number[], no: readonly number[]): AmoFact {
  if (no.length === 0) return true;
  if (yes.length === 0) return false;
  // One comparison when the ops that hold are all above or all below the others (.d after .w).
  if (Math.min(...yes) > Math.max(...no)) return `op >= ${Math.min(...yes)}`;
  if (Math.max(...yes) < Math.min(...no)) return `op <= ${Math.max(...yes)}`;
  return `(${yes.map((op) => `op === ${op}`).join(' || ')})`;
}

/** Code leaving in b:bh what the AMO `op` stores (any AMO), given the old value v:vh and the operand b:bh (tests). */
export const AMO_NEW_VALUE_BY_OP: string = (() => {
  const f = amoFacts(AMO_OPS.filter((op) => AMO_DEFS.get(op)?.cls === InsnClass.Amo));
  return `${ifFact(notFact(f.double), AMO_WORD_OPERAND)}\n${f.newValue}`;
})();

export type HartAmoFn = (op: number, rd: number, pa: number, b: number, bh: number) => boolean;

/** Makes the LR/SC/AMO function of the hart whose context is `ctx` (it writes the hart's scratch t). */
export function makeHartAmo(ctx: CodeContext): HartAmoFn {
  const mem: AmoMemory = {
    pa: 'pa',
    load: (f) => `if (!h.amoLoad(pa, ${amoSize(f)})) return false; v = t[0]; vh = ${byFact(f.double, 't[1]', 'v >> 31')};`,
    // The stored value is reported to observers (the hart's lastStore fields).
    store: (f) => `if (!h.amoStore(pa, ${amoSize(f)}, b, bh)) return false; h.lastStoreLo = b; h.lastStoreHi = bh; h.lastWasStore = true;`,
  };
  const body = `let v = 0, vh = 0;\n${amoStepsCode(amoFacts(AMO_OPS), mem, 'rd')}\nreturn true;`;
  return makeFunction<HartAmoFn>(ctx, 'hartAmo', 'op, rd, pa, b, bh', body, { h: ctx.h, bus: ctx.bus, t: ctx.t, xl: ctx.xl, xh: ctx.xh });
}

/**
 * An LR, SC or AMO (one of `ops`; destination register `rd`: a number or a local) on RAM chunk 0
 * with Bare data translation, naturally aligned, done inline by generated code (the
 * interpreter's rare function and translated blocks): the steps of the hart's function with
 * the word read and written in RAM directly, and the same store bookkeeping. `test` is the test
 * of the inline path (`bare`: an expression, true when data is Bare; it leaves the RAM offset in
 * ma); anywhere else (Sv39, another chunk, MMIO, a misaligned address: a trap) the hart does it.
 * `sync`: code that makes the hart's pc, counters and cycle current before the store's
 * bookkeeping (storedToCode). `reported`: the stored value is reported as the hart's function
 * does (the hart's lastStore fields, which the observed interpreter reads).
 */
export function ramAmoCode(ops: AmoOps, rd: string, ctx: CodeContext, bare: string, sync: string, reported: boolean): { test: string; code: string } {
  const f = amoFacts(ops);
  const size = amoSize(f);
  const pa = `ma + ${ctx.ramBase}`;
  const test = `${bare} && ah === 0 && (ma = (a >>> 0) - ${ctx.ramBase}) >= 0 && ma <= ${byFact(f.double, String(ctx.ram0Size - 8), String(ctx.ram0Size - 4))} && ` +
    `(ma & ${byFact(f.double, '7', '3')}) === 0`;
  // The access as Hart.amo leaves it in the record, and its address in lo:hi as a load or
  // store leaves it (the timing code reads ma, lo and hi, or the record).
  const access = `lo = a; hi = ah; r.memPaddr = ${pa}; r.memVaddr = a >>> 0; r.memWidth = ${size}; r.memIsMmio = false; r.csrWritten = false; `;
  const mem: AmoMemory = {
    pa,
    load: (f) => `v = m32[ma >>> 2]; vh = ${byFact(f.double, 'm32[(ma >>> 2) + 1]', 'v >> 31')};`,
    // As the hart's amoStore: the hart is told when the store touched a page holding code or
    // reservations exist.
    store: (f) => `m32[ma >>> 2] = b; ${ifFact(f.double, 'm32[(ma >>> 2) + 1] = bh;')} ` +
      (reported ? 'h.lastStoreLo = b; h.lastStoreHi = bh; h.lastWasStore = true; ' : '') +
      `if ((codeMark[ma >>> 12] | bus.reservationCount) !== 0) { ${sync} h.storedToCode(ma, ${size}); }`,
  };
  return { test, code: access + amoStepsCode(f, mem, rd) };
}
