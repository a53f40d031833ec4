/**
 * The interpreter, assembled at start-up from the instruction table: a loop that fetches,
 * looks the instruction up in its decoded page, runs the semantics of its op (one `case` per
 * op: the op's body from src/isa/insns with the fields read from the decoded slot), describes
 * the instruction in the hart's RetireRecord and adds the timing model's retire(record) — made
 * from the same per-class timing code that translated blocks inline (src/timing/timing-code.ts).
 * It has no per-instruction code of its own.
 *
 * The timing is a call per instruction rather than inline code so that the function stays
 * small: V8 optimises it quickly and re-optimises it cheaply when a case runs for the first time
 * (a large function with inline timing took V8 half a second to compile, every time).
 *
 *   interp(limit, budget, stopAtJump) → steps
 *
 * runs until `budget` steps (instructions retired or traps taken) are done, the cycle count
 * reaches `limit`, the hart's attention flag is set, an instruction must wait for another hart
 * (CodeHost.waiting), or — with stopAtJump — control went anywhere but the next instruction
 * (the fast mode's way back to its translated blocks). The observed variant reports every
 * retired instruction to an observer: interp(limit, budget, false, observer).
 */
import { InsnClass } from '../../isa/classes';
import { AllOps } from '../../isa/opcodes';
import { CROSSING, UNDECODED } from '../decoded';
import type { FunctionCache } from '../../timing/timing-code';
import { ramAmoCode } from './amo';
import { addressCode, codeMarkCheck, contextBindings, makeFunction, opInfos, operandReads, ramReadN, ramTest, ramWriteN, SEM_LOCALS, HS, syncLimitOf, type OpInfo } from './common';
import type { CodeContext } from './host';
import { expand, splitAt } from './sem';

export type InterpFn = (limit: number, budget: number, stopAtJump: boolean, observer?: unknown) => number;

/** Makes the interpreter of the hart whose context is `ctx` (observed: the variant that reports commits). */
export function makeInterpreter(ctx: CodeContext, observed: boolean): InterpFn {
  const ops = opInfos();
  const gates = gatesOf(ctx.cache, observed, ops);
  const g = new InterpGen(ctx, observed, false);
  const opCases = ops.map((o, op) => (isRare(o) ? '' : `case ${op}: { ${g.opCase(o)} break; }`)).filter((c) => c !== '');
  // The second half of every load (after its access): extension, destination.
  const postCases = ops.map((o, op) => {
    const cut = splitAt(o.body, 'LOAD');
    return cut === undefined || isRare(o) ? '' : `case ${op}: { ${g.fields(cut.after)} break; }`;
  }).filter((c) => c !== '');
  // A cold op (sw = ops.length): its own function, counted (promoteColdOps).
  opCases.push(`case ${ops.length}: acc = ${Acc.Cold}; GC[op]++; if (++GC[${GateCount.Since}] >= GC[${GateCount.Batch}]) promote(GT, GC, n); break;`);
  // Everything else: the rare ops' function, called after the switch (Acc.Rare).
  opCases.push(`default: acc = ${Acc.Rare};`);
  const body = [
    `let pc = ${HS.pc}, n = 0, npc = 0, wild = false, acc = 0, sz = 0;`,
    'let dp = h.fetchPage, sp = dp, off = 0, idx = 0, info = 0, op = 0, sw = 0, rd = 0, rs1 = 0, rs2 = 0, len = 0, imm = 0;',
    SEM_LOCALS,
    'main: for (;;) {',
    // Fetch: the decoded page of pc (the fetch cache), the slot's packed info.
    '  off = pc & 4095;',
    `  if (pc - off !== ${HS.fetchVBase}) {`,
    // With stopAtJump (fast mode) the run loop points the fetch cache before it calls the
    // interpreter (at the boot ROM, at a one-instruction scratch page whose base is NaN), and
    // at the new page once an instruction ran. This path then stays cold: code V8 optimised
    // without having run it deoptimises when it runs, and in fast mode it is first run by a
    // run's first instruction, before V8 collects type feedback: there it has only truth tests,
    // which need none.
    '    if (stopAtJump) { if (n) break main; }',
    `    else { ${HS.pc} = pc; k = h.fetchMiss(); if (k !== 1) { if (k === 0) { ${g.trapped()} } h.waiting = true; break main; } }`,
    '  }',
    // The op's gate (GT, Gate): one load that also tells a slot still to decode or crossing
    // the page; `sw`, the case the switch takes, is op except for a cold op.
    '  dp = h.fetchPage; sp = dp; idx = off >>> 1; info = dp.info[idx]; op = info & 255; sw = op;',
    `  if (GT[op] !== ${Gate.Hot}) {`,
    `    if (op >= ${CROSSING}) {`,
    `      ${HS.pc} = pc; info = h.slotInfo(dp, idx, pc, off); if (info < 0) { ${g.trapped()} }`,
    '      sp = h.slotPage; op = info & 255; sw = op;',
    '    }',
    `    if (GT[op] === ${Gate.Cold}) { if (GC[${GateCount.Insns}] + n < ${WARM_UP}) GT[op] = ${Gate.Hot}; else sw = ${ops.length}; }`,
    '  }',
    '  rd = (info >>> 8) & 63; rs1 = (info >>> 14) & 31; rs2 = (info >>> 19) & 31; len = (info >>> 24) & 7;',
    '  imm = sp.imm[idx]; npc = pc + len; wild = false;',
    `  r.pc = pc; r.fetchPaddr = ${HS.fetchPBase} + off; r.memPaddr = -1; r.memIsMmio = false; r.taken = false; r.csrWritten = false;`,
    observed ? '  ci.priv = h.priv; h.lastWasStore = false;' : '',
    '  switch (sw) {',
    ...opCases,
    '  }',
    // Loads and stores: one access path for every width (see access()); the rare function for
    // the rare ops and for the accesses off the inline RAM path (its result: RareResult). One
    // call site for both: the first MMIO access of a run is then not a path the optimised code
    // has never seen (it would deoptimise the whole interpreter, typically as a program ends).
    `  if (acc !== 0) { if (acc < ${Acc.Rare}) { ${g.access(`switch (op) { ${postCases.join(' ')} }`)} } ` +
    `if (acc >= ${Acc.Rare}) { ${HS.pc} = pc; ` +
    `k = acc === ${Acc.Rare} ? ${callOf(ctx, 'rare', 'op, rd, rs1, rs2, imm, len, sp.word[idx]')} : ${callOf(ctx, 'coldOf(op)', 'rd, rs1, rs2, imm, len, sp.word[idx]')}; if (k !== ${RareResult.Done}) { ` +
    `if (k === ${RareResult.Jump}) { jl = jt[0]; jh = jt[1]; ${JUMP64_TAIL} } else if (k === ${RareResult.Trapped}) { ${g.trapped()} } else { h.waiting = true; break main; } } } ` +
    'acc = 0; }',
    `  ${g.describe()}`,
    `  ${HS.cycle} += ${callOf(ctx, 'tm.retire', 'r')}; ${HS.instret}++; n++;`,
    observed ? `  ${HS.pc} = npc; ${g.commit()}` : '',
    `  if (wild) { ${HS.pc} = pc; h.wildJump(jl, jh); pc = ${HS.pc}; break main; }`,
    '  if (stopAtJump && npc !== pc + len) { pc = npc; break main; }',
    '  pc = npc;',
    // (`=== true`: V8's generic truthiness test of a field is some ten host instructions: Hart.run.)
    `  if (h.attention === true || n >= budget || ${HS.cycle} >= limit) break main;`,
    '}',
    `${HS.pc} = pc; GC[${GateCount.Insns}] += n;`,
    'return n;',
  ].join('\n');
  const bound = contextBindings(ctx, {});
  bound.F3 = Uint8Array.from(ops, (o) => o.funct3);
  bound.CLS = Uint8Array.from(ops, (o) => o.cls);
  bound.jt = new Int32Array(2);
  bound.GT = gates.gate;
  bound.GC = gates.count;
  bound.promote = promoteColdOps;
  bound.rare = makeRare(ctx, ops, bound, observed);
  bound.coldOf = coldOps(ctx, ops, bound, observed);
  bound.ci = {
    priv: 0, pc: 0, word: 0, len: 0, rd: 0, rdLo: 0, rdHi: 0, memVaddr: 0, memPaddr: -1, memWidth: 0,
    isStore: false, storeLo: 0, storeHi: 0,
  };
  // Shared with later machines from the start when the cache serves several (FunctionCache).
  return makeFunction<InterpFn>(ctx, observed ? 'interpObserved' : 'interp', 'limit, budget, stopAtJump, obs', body, bound, true);
}

/**
 * A call of the machine's own `fn` (rare(), the model's retire()) from the interpreter. When the
 * bench's machines share the interpreter (FunctionCache.severalMachines), through call(): V8
 * then neither inlines the callee nor checks that it is the closure it saw, so the next
 * machine's closures do not deoptimise the shared code. Otherwise a plain call, which V8 may
 * inline (with call() everywhere a single dhry ideal run took 0.38 s instead of 0.27:
 * docs/performance-log.md, "The bench's second run without recompiles").
 */
function callOf(ctx: CodeContext, fn: string, args: string): string {
  return ctx.cache.severalMachines ? `${fn}.call(undefined, ${args})` : `${fn}(${args})`;
}

/** The interpreter's `acc`: what follows the op's case. */
const enum Acc {
  None = 0,
  Load = 1,
  Store = 2,
  /** The rare function: a rare op, or an access off the inline RAM path. */
  Rare = 3,
  /** A cold op: its function (makeColdOps). */
  Cold = 4,
}

/** What the rare ops' function reports. */
const enum RareResult {
  Trapped = 0,
  Done = 1,
  Wait = 2,
  /** Retired, continuing at the target jt[1]:jt[0] (xRET). */
  Jump = 3,
}

/** The rare function's exit to the double `target` (a cold op's branch or jump): its halves in jt. */
function rareJumpTo(target: string): string {
  return `jl = ${target}; jt[0] = jl | 0; jt[1] = Math.floor(jl / 4294967296) | 0; return ${RareResult.Jump};`;
}

/** The tail of a 64-bit jump in the interpreter: the next pc, or a target beyond 2^53. */
const JUMP64_TAIL = 'if (jh >= -0x200000 && jh < 0x200000) npc = jh * 4294967296 + (jl >>> 0); else wild = true;';

/**
 * Ops kept out of the interpreter's main function: those that call into the hart (CSR, AMO,
 * traps, xRET, WFI, fences, uipi) or the 64-bit multiply/divide helpers. V8 inlines the callees
 * into the function that calls them; with them in the main loop it took V8 ten times as long
 * to compile it (and it is recompiled whenever an op runs for the first time).
 */
function isRare(o: OpInfo): boolean {
  return o.shape.hart !== 'none' || (o.cls >= InsnClass.Mul && o.cls <= InsnClass.DivW);
}

/** An LR, SC or AMO. */
function isAmo(o: OpInfo): boolean {
  return o.cls === InsnClass.Amo || o.cls === InsnClass.Lr || o.cls === InsnClass.Sc;
}

/**
 * The ops that share the rare function's case of LR/SC/AMO `o`: those of its class (LR, SC,
 * AMO) and width. Its code then chooses by op only for the AMO's rule: one case for all 22
 * (each test of op at run time) made `amo --no-fast` take 1.1 % more host instructions.
 */
function amoGroupOf(o: OpInfo): number[] {
  const width = (name: string): string => name.slice(name.lastIndexOf('.'));
  return AllOps.filter((d) => d.cls === o.cls && width(d.name) === width(o.name)).map((d) => d.op);
}

/** A load or store: the rare function has its whole body, for accesses off the inline RAM path. */
function isAccess(o: OpInfo): boolean {
  return o.shape.loadSize > 0 || o.shape.storeSize > 0;
}

/**
 *   rare(op, rd, rs1, rs2, imm, len, word) → RareResult
 * the semantics of one rare op, or of a load or store through the hart's load()/store() (h.pc
 * set, the record's fields for the instruction set). Leaves the multiply/divide operands in the
 * record. LR/SC/AMOs on RAM chunk 0 under Bare translation are done inline as in blocks
 * (ramAmoCode, one case per class and width: amoGroupOf): in reference mode every AMO of the
 * `amo` bench is one. `observed`: the observed interpreter's, which reports an inline SC's or AMO's stored
 * value as the hart does.
 */
function makeRare(ctx: CodeContext, ops: readonly OpInfo[], shared: Record<string, unknown>, observed: boolean): unknown {
  const g = new InterpGen(ctx, observed, true);
  // Ops whose code is the same share one case (the LR/SC/AMOs of a class and width, whose inline
  // path chooses the rule by op; the CSR instructions, xRETs, uipi ops): with a case per op the
  // function had twice the bytecode.
  const opsByCode = new Map<string, number[]>();
  ops.forEach((o, op) => {
    if (!isRare(o) && !isAccess(o)) return;
    const code = g.opCase(o);
    const same = opsByCode.get(code);
    if (same === undefined) opsByCode.set(code, [op]);
    else same.push(op);
  });
  const cases = [...opsByCode].map(([code, same]) => `${same.map((op) => `case ${op}:`).join(' ')} { ${code} break; }`);
  const body = [
    `${SEM_LOCALS} const pc = ${HS.pc};`,
    'switch (op) {',
    ...cases,
    `default: throw new Error('interpreter: op ' + op + ' is not a rare op');`,
    '}',
    `r.aLo = a; r.aHi = ah; r.bLo = b; r.bHi = bh; return ${RareResult.Done};`,
  ].join('\n');
  return makeFunction(ctx, 'rare', 'op, rd, rs1, rs2, imm, len, word', body, { ...contextBindings(ctx, {}), F3: shared.F3, CLS: shared.CLS, jt: shared.jt }, true);
}

/**
 *   coldOf(op)(rd, rs1, rs2, imm, len, word) → RareResult
 * per op that is not rare, a function running it as the rare function runs its ops (loads and
 * stores through the hart's load()/store()): a cold op's (Gate), made when first needed. One
 * small function per op, called through coldOf (V8 inlines none of them into the interpreter):
 * the first run of a path of one after V8 optimised it deoptimises only that function.
 */
function coldOps(ctx: CodeContext, ops: readonly OpInfo[], shared: Record<string, unknown>, observed: boolean): (op: number) => unknown {
  const g = new InterpGen(ctx, observed, true);
  const bound = { ...contextBindings(ctx, {}), F3: shared.F3, CLS: shared.CLS, jt: shared.jt };
  const made: unknown[] = [];
  const make = (op: number): unknown => {
    const body = [`${SEM_LOCALS} const pc = ${HS.pc};`, g.opCase(ops[op]), `return ${RareResult.Done};`].join('\n');
    return (made[op] = makeFunction(ctx, 'cold', 'rd, rs1, rs2, imm, len, word', body, bound, true));
  };
  return (op) => made[op] ?? make(op);
}

/** Writes the interpreter's pieces. */
class InterpGen {
  /** rare: writing the rare ops' function (exits are its results). */
  constructor(private readonly ctx: CodeContext, private readonly observed: boolean, private readonly rare: boolean) {}

  /** After the hart took a trap (pc is the handler's): a step, and back to the run loop. */
  trapped(): string {
    return this.rare ? `return ${RareResult.Trapped};` : `n++; pc = ${HS.pc}; break main;`;
  }

  private waitExit(): string {
    return this.rare ? `h.waiting = true; return ${RareResult.Wait};` : 'h.waiting = true; break main;';
  }

  /** The case of one op: its semantics. */
  opCase(o: OpInfo): string {
    const s = o.shape;
    let code = '';
    if (s.ordered && this.ctx.shared) code += `if (${HS.cycle} >= ${syncLimitOf(o)}) { ${this.waitExit()} } `;
    code += operandReads(s, 'rs1', 'rs2');
    if (!this.rare && (s.loadSize > 0 || s.storeSize > 0)) {
      // The access and the rest of the body follow the switch (access(), the second switch).
      const cut = splitAt(o.body, s.loadSize > 0 ? 'LOAD' : 'STORE');
      if (cut === undefined || (s.storeSize > 0 && cut.after.trim() !== '')) throw new Error(`interpreter: ${o.name}: nothing may follow STORE`);
      // Off the inline path the rare function runs the whole body again.
      if (cut.before.trim() !== '') throw new Error(`interpreter: ${o.name}: nothing may precede LOAD or STORE`);
      return code + this.fields(cut.before) + `acc = ${s.loadSize > 0 ? 1 : 2}; sz = ${s.loadSize || s.storeSize};`;
    }
    return code + this.fields(o.body, o);
  }

  /** A body (or part of one) of op `o` with the decoded slot's fields and this generator's effects. */
  fields(body: string, o?: OpInfo): string {
    const word = this.rare ? 'word' : 'sp.word[idx]';
    return expand(body, { RD: 'rd', RS1: 'rs1', RS2: 'rs2', IMM: 'imm', LEN: 'len', PC: 'pc', NPC: '(pc + len)', WORD: word, OP: 'op' },
      (name, arg) => this.effect(name, arg, o));
  }

  /**
   * The load (acc = 1, then `postLoad`: extension, destination) or store (acc = 2) of `sz` bytes
   * at x[rs1] + imm on the inline RAM path; off it, acc = Acc.Rare and the rare function does
   * the whole instruction through the hart's load()/store(). One copy for all widths keeps the
   * function small. The observed variant takes the same path, reporting a store's value as
   * the hart's store() does (through the hart, every access of a traced or profiled kernel
   * was translated again: an IPC experiment point took 2.3 % more host instructions).
   */
  access(postLoad: string): string {
    // The observed variant reports the stored value as the hart's store() does (CommitInfo).
    const reported = this.observed ? ' h.lastStoreLo = b; h.lastStoreHi = bh; h.lastWasStore = true;' : '';
    const load = `${ramTest('sz', false, this.ctx, 'h.dataBare')} { ${ramReadN()} ${this.inlineAccess('sz')} ${postLoad} } else { acc = ${Acc.Rare}; }`;
    const store = `${ramTest('sz', true, this.ctx, 'h.dataBare')} { ${ramWriteN()} ${this.inlineAccess('sz')}${reported} ${codeMarkCheck('sz')} } else { acc = ${Acc.Rare}; }`;
    return `${addressCode('imm')} if (acc === ${Acc.Load}) { ${load} } else { ${store} }`;
  }

  private effect(name: string, arg: string | undefined, o: OpInfo | undefined): string {
    switch (name) {
      case 'LOAD':
        // The rare function's: an access off the inline RAM path (the main loop's is access()).
        if (!this.rare) throw new Error('interpreter: LOAD and STORE are expanded by access()');
        return `${addressCode('imm')} if (!h.load(lo, hi, ${arg})) { ${this.trapped()} } v = t[0]; vh = t[1];`;
      case 'STORE':
        if (!this.rare) throw new Error('interpreter: LOAD and STORE are expanded by access()');
        return `${addressCode('imm')} if (!h.store(lo, hi, ${arg}, b, bh)) { ${this.trapped()} }`;
      case 'BRANCH':
        if (this.rare) return `if (${arg}) { r.taken = true; ${rareJumpTo('pc + imm')} }`;
        return `if (${arg}) { npc = pc + imm; r.taken = true; }`;
      case 'JUMP':
        if (this.rare) return rareJumpTo(arg ?? '');
        return `npc = ${arg};`;
      case 'JUMP64':
        if (this.rare) return `jt[0] = ${firstArg(arg)}; jt[1] = ${secondArg(arg)}; return ${RareResult.Jump};`;
        return `jl = ${firstArg(arg)}; jh = ${secondArg(arg)}; ${JUMP64_TAIL}`;
      case 'HART': {
        const call = `${HS.pc} = pc; k = ${arg}; if (k !== 1) { if (k === 0) { ${this.trapped()} } ${this.waitExit()} }`;
        // LR/SC/AMOs on RAM chunk 0 under Bare translation inline, as blocks do them (the
        // rare function runs with the hart's pc and counters current: nothing to sync). One
        // code for the ops of a group, choosing the AMO's rule by `op` (makeRare gives a group
        // one case).
        const amo = this.rare && o !== undefined && isAmo(o) ? ramAmoCode(amoGroupOf(o), 'rd', this.ctx, 'h.dataBare', '', this.observed) : undefined;
        return amo === undefined ? call : `if (${amo.test}) { ${amo.code} } else { ${call} }`;
      }
      case 'RAISE':
        // Charged like an instruction, not retired, then the trap.
        return `${HS.pc} = pc; ${this.describe()} r.nextPc = pc; ${HS.cycle} += ${callOf(this.ctx, 'tm.retire', 'r')}; ${arg}; ${this.trapped()}`;
      case 'FAULT':
        return `${HS.pc} = pc; ${arg}; ${this.trapped()}`;
      case 'ORDERED': case 'ATTN': case 'END':
        // ORDERED is tested before the body; attention after every instruction; END: the next
        // instruction re-checks the fetch cache anyway.
        return '';
      default:
        throw new Error(`interpreter: unknown effect ${name}`);
    }
  }

  /** The record's data-access fields for an access on the inline RAM path. */
  private inlineAccess(n: string): string {
    return `r.memPaddr = ma + ${this.ctx.ramBase}; r.memVaddr = hi * 4294967296 + (lo >>> 0); r.memWidth = ${n};`;
  }

  /** The rest of the RetireRecord: the instruction's fields, its class, operands, next pc. */
  describe(): string {
    return `r.insnLen = len; r.cls = CLS[op]; r.rd = rd === 32 ? 0 : rd; r.rs1 = rs1; r.rs2 = rs2; r.nextPc = ${this.rare ? 'pc' : 'npc'}; ` +
      'r.mulDivFunct3 = F3[op];';
  }

  /** Reports the retired instruction to the observer (the observed variant). */
  commit(): string {
    return 'ci.pc = pc; ci.word = sp.word[idx] >>> 0; ci.len = len; ci.rd = r.rd; ' +
      'ci.rdLo = xl[ci.rd]; ci.rdHi = xh[ci.rd]; ci.memPaddr = r.memPaddr; ci.memVaddr = r.memVaddr; ci.memWidth = r.memWidth; ' +
      'ci.isStore = h.lastWasStore; ci.storeLo = h.lastStoreLo; ci.storeHi = h.lastStoreHi; obs.commit(h, ci);';
  }
}

/** The two arguments of JUMP64(lo, hi) (neither contains a top-level comma). */
export function splitArgs(arg: string | undefined): [string, string] {
  if (arg === undefined) throw new Error('JUMP64 needs (lo, hi)');
  let depth = 0;
  for (let i = 0; i < arg.length; i++) {
    const c = arg[i];
    if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === ',' && depth === 0) return [arg.slice(0, i).trim(), arg.slice(i + 1).trim()];
  }
  throw new Error(`JUMP64(${arg}): two arguments expected`);
}

const firstArg = (arg: string | undefined): string => splitArgs(arg)[0];
const secondArg = (arg: string | undefined): string => splitArgs(arg)[1];

/**
 * Which ops the interpreter's switch runs (GT[op], Gate): an op is cold until it has been run
 * often, and a cold op runs in a small function of its own (coldOps), made from the same body.
 * V8 optimises
 * the interpreter's loop after a few thousand instructions; an op whose case had not run by then
 * has no type feedback there, and its first run deoptimised the whole interpreter: a 1-hart
 * OpenSBI boot meets new ops until its last instructions (XOR after 6.4 M, SLTI after 9.2 M),
 * and V8 compiled the interpreter 15 times, most of the boot's CPU time (docs/performance-log.md,
 * "wt/boot"). Cold ops are promoted in batches (promoteColdOps), so that the ops a program runs
 * often cost one recompile together, and an op it runs a few times costs none.
 */
const enum Gate {
  Hot = 0,
  Cold = 1,
  /** UNDECODED and CROSSING: the slot must go through h.slotInfo() first. */
  Slot = 2,
}

/** GC's slots after the per-op counts (cold runs since the last batch). */
const enum GateCount {
  /** Cold runs since the last batch. */
  Since = 256,
  /** The batch: promoteColdOps runs when Since reaches it. */
  Batch = 257,
  /** Instructions the interpreters ran, counted as each call returns. */
  Insns = 258,
  /** Insns at the last batch. */
  Mark = 259,
  Length = 260,
}

/**
 * An op first met in the interpreters' first WARM_UP instructions is hot at once: V8 has not
 * optimised the interpreter for long (or at all) then, and a program's startup meets its common
 * ops there (the bench's rows: all of them), which then cost nothing more than before.
 */
const WARM_UP = 1 << 16;
/** The first batch of cold runs; each batch doubles it, up to MAX_BATCH. */
const FIRST_BATCH = 4096;
const MAX_BATCH = 1 << 24;
/** A cold op that made at least 1/HOT_SHARE of the instructions run since the last batch is promoted. */
const HOT_SHARE = 256;

interface Gates {
  readonly gate: Uint8Array;
  readonly count: Float64Array;
}

/**
 * The gates of the interpreters a FunctionCache makes (plain or observed): shared by every
 * closure of the interpreter's source, which share its type feedback, so the machines a cache
 * serves in turn (the bench's runs) start with the ops promoted so far.
 */
const gatesByCache = new WeakMap<FunctionCache, Gates[]>();

function gatesOf(cache: FunctionCache, observed: boolean, ops: readonly OpInfo[]): Gates {
  let pair = gatesByCache.get(cache);
  if (pair === undefined) gatesByCache.set(cache, (pair = [newGates(ops), newGates(ops)]));
  return pair[observed ? 1 : 0];
}

function newGates(ops: readonly OpInfo[]): Gates {
  const gate = new Uint8Array(256);
  ops.forEach((o, op) => {
    if (!isRare(o)) gate[op] = Gate.Cold;
  });
  gate[UNDECODED] = Gate.Slot;
  gate[CROSSING] = Gate.Slot;
  const count = new Float64Array(GateCount.Length);
  count[GateCount.Batch] = FIRST_BATCH;
  return { gate, count };
}

/**
 * The end of a batch of cold runs (`n`: the instructions the calling interpreter has run in this
 * call, not yet counted): the cold ops that made at least 1/HOT_SHARE of the instructions since
 * the last batch go to the switch (one deoptimisation for them all), and the next batch is twice
 * as long. An op a program runs rarely stays cold however long the program runs. Which ops are
 * hot changes the speed only, never a result.
 */
function promoteColdOps(gate: Uint8Array, count: Float64Array, n: number): void {
  const total = count[GateCount.Insns] + n;
  const span = total - count[GateCount.Mark];
  for (let op = 0; op < GateCount.Since; op++) {
    if (gate[op] === Gate.Cold && count[op] * HOT_SHARE >= span) gate[op] = Gate.Hot;
    count[op] = 0;
  }
  count[GateCount.Mark] = total;
  count[GateCount.Since] = 0;
  count[GateCount.Batch] = Math.min(count[GateCount.Batch] * 2, MAX_BATCH);
}
