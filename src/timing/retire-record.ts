/**
 * A model's retire(record), made from its timing code (timing-code.ts): the cost of one
 * instruction described by a RetireRecord, for hosts that feed records (the timing tests, other
 * tools) and for the hart's interpreter, which describes each instruction in the hart's record
 * and calls it; first-tier blocks call a variant of it made the same way (deferredTimingCode).
 */
import { InsnClass, InsnClassCount, type RetireRecord } from './record';
import { FunctionCache, HartSlot, type TimingCode, type TimingSite, type TimingWriter } from './timing-code';

/** retire(r) for the model `tm` whose code is `code`. */
export function recordRetire(tm: object, code: TimingCode, cache: FunctionCache = new FunctionCache()): (r: RetireRecord) => number {
  const w = code.writer(0);
  const site = (cls: InsnClass): TimingSite => ({
    cls, rd: 'r.rd', rs1: 'r.rs1', rs2: 'r.rs2', len: 'r.insnLen', imm: '(r.nextPc - r.pc)', memWidth: 'r.memWidth',
    funct3: `(r.mulDivFunct3 ?? ${cls === InsnClass.Mul || cls === InsnClass.MulW ? 0 : 4})`, rdMayBeZero: true,
    pc: 'r.pc', fetchPa: 'r.fetchPaddr', target: 'r.nextPc',
  });
  // The issue is the same for every class: once, before the class's own part.
  const issue = w.issue(site(InsnClass.Alu));
  const cases: string[] = [];
  for (let cls = 0; cls < InsnClassCount; cls++) {
    if (cls !== InsnClass.Illegal) cases.push(`case ${cls}: { ${w.charge(site(cls))} break; }`);
  }
  const body = [
    // The generated code's names: the operands, outcome and access come from the record.
    'const a = r.aLo, ah = r.aHi, b = r.bLo, bh = r.bHi, tk = r.taken, ma = -1, lo = 0, hi = 0, limit = Infinity;',
    `hs[${HartSlot.Cycle}] = 0;`,
    w.prologue(),
    issue,
    'switch (r.cls) {',
    ...cases,
    "default: throw new Error('retire: not an instruction class: ' + r.cls);",
    '}',
    w.sync('1'),
    `return hs[${HartSlot.Cycle}] | 0; // one instruction's cycles: an int32, returned without a heap number`,
  ].join('\n');
  return cache.make('retire', 'r', body, { ...w.bindings(), tm, hs: new Float64Array(HartSlot.Count) });
}

/** A block site's static fields in its table (DeferredWriter), per site. */
const enum SiteField { Cls, Rd, Rs1, Rs2, Len, Imm, MemWidth, Funct3, Offset, Count }
/** Slots per site of a block's buffer of dynamic facts (ma, lo, hi; taken; the mul/div operands). */
const DYN = 4;

/**
 *   retireSites(S, M, D, from, to) → cycles
 * the cost of sites from … to - 1 of a block, in order: their static fields in table S
 * (SiteField), their memos (TimingSite.memo) in M, what they did in D (DYN slots per site: a load
 * or store's ma, lo, hi; a branch's outcome; a mul/div's operands) or, for what the hart did
 * (CSR, AMO, an access off the inline RAM path), in the hart's record; the block's first pc and
 * fetch address in `base`, a jump's target in the hart's state `hh`. Made from the model's
 * per-class code like retire().
 */
function sitesRetire(tm: object, code: TimingCode, r: object, hartState: Float64Array, base: Float64Array, ramBase: number, cache: FunctionCache): unknown {
  // The block's own code keeps the RAM offset (ma) of an access on the inline path; the model's
  // code takes it from there (TimingSite.ram) as in a block.
  const w = code.writer(ramBase);
  const site = (cls: InsnClass): TimingSite => ({
    cls, rd: 'rd', rs1: 'rs1', rs2: 'rs2', len: 'len', imm: 'imm', memWidth: 'mw', funct3: 'f3', rdMayBeZero: true,
    pc: 'pc', fetchPa: 'fpa', target: `hh[${HartSlot.Pc}]`, ram: true, memo: 'M[j]',
  });
  const issue = w.issue(site(InsnClass.Alu));
  const cases: string[] = [];
  for (let cls = 0; cls < InsnClassCount; cls++) {
    if (cls !== InsnClass.Illegal) cases.push(`case ${cls}: { ${w.charge(site(cls))} break; }`);
  }
  const body = [
    'let o = 0, cls = 0, rd = 0, rs1 = 0, rs2 = 0, len = 0, imm = 0, mw = 0, f3 = 0, pc = 0, fpa = 0, ma = 0, lo = 0, hi = 0, tk = false, a = 0, ah = 0, b = 0, bh = 0;',
    'const limit = Infinity;',
    `hs[${HartSlot.Cycle}] = 0;`,
    w.prologue(),
    'for (let j = from; j < to; j++) {',
    `  o = j * ${SiteField.Count}; cls = S[o]; rd = S[o + ${SiteField.Rd}]; rs1 = S[o + ${SiteField.Rs1}]; rs2 = S[o + ${SiteField.Rs2}]; ` +
      `len = S[o + ${SiteField.Len}]; imm = S[o + ${SiteField.Imm}]; mw = S[o + ${SiteField.MemWidth}]; f3 = S[o + ${SiteField.Funct3}]; ` +
      `pc = base[0] + S[o + ${SiteField.Offset}]; fpa = base[1] + S[o + ${SiteField.Offset}];`,
    `  o = j * ${DYN}; ma = D[o]; lo = D[o + 1]; hi = D[o + 2]; tk = ma !== 0; a = ma; ah = lo; b = hi; bh = D[o + 3];`,
    `  ${issue}`,
    '  switch (cls) {',
    ...cases,
    "  default: throw new Error('retireSites: not an instruction class: ' + cls);",
    '  }',
    '}',
    w.sync('1'),
    `return hs[${HartSlot.Cycle}];`,
  ].join('\n');
  return cache.make('retireSites', 'S, M, D, from, to', body, { ...w.bindings(), tm, r, hh: hartState, base, hs: new Float64Array(HartSlot.Count) });
}

/**
 * The deferred call form of a model's timing, for the hart whose record, state array and RAM
 * base are given: the code of an instruction keeps what it did (its access, its branch's
 * outcome, its operands) in a small per-block buffer, and the block charges the instructions
 * with one call of the function above, made from the same per-class code as the model's inline
 * timing and retire() — the cycles are the same to the last one — whenever the count must be
 * current: before a hart call, at the cycle tests, at an exit, and after any instruction whose
 * timing reads what the hart did (CSR, AMO, xRET, an access off the inline RAM path) or that
 * writes memory (so that the model, which may walk page tables, sees memory as it was). A
 * block written with it is little more than its semantics, so V8 compiles it in a fraction of
 * the time of one with the inline timing (rocket-code.ts writes a fetch test, interlock tests
 * and a D$ fast path per instruction): the first tier of translated blocks
 * (TimingCode.firstTier, src/cpu/hart.ts).
 *
 * The block's code counts pcs in passes: its sites are numbered from its first instruction,
 * and `it` (blocks.ts) is the instructions retired by earlier passes of a loop.
 */
export function deferredTimingCode(code: TimingCode, tm: object, r: object, hartState: Float64Array, ramBase: number, cache: FunctionCache): TimingCode {
  const base = new Float64Array(2);
  const rs = sitesRetire(tm, code, r, hartState, base, ramBase, cache);
  return {
    maxInsnCycles: code.maxInsnCycles, maxBlock: code.maxBlock,
    translateAfter: code.firstTier?.translateAfter ?? code.translateAfter,
    loopTranslateAfter: code.firstTier?.loopTranslateAfter ?? code.loopTranslateAfter,
    writer: () => new DeferredWriter(rs, base),
  };
}

/** What a site keeps in the block's buffer, and whether the block charges it at once (see above). */
function siteKeeps(cls: InsnClass, k: number): { keep: string; now: boolean | 'offRam' } {
  const o = k * DYN;
  switch (cls) {
    case InsnClass.Load:
      return { keep: `D[${o}] = ma; D[${o + 1}] = lo; D[${o + 2}] = hi; `, now: 'offRam' };
    case InsnClass.Store:
      return { keep: `D[${o}] = ma; D[${o + 1}] = lo; D[${o + 2}] = hi; `, now: true };
    case InsnClass.Branch:
      return { keep: `D[${o}] = tk ? 1 : 0; `, now: false };
    case InsnClass.Mul:
    case InsnClass.MulW:
    case InsnClass.Div:
    case InsnClass.DivW:
      return { keep: `D[${o}] = a; D[${o + 1}] = ah; D[${o + 2}] = b; D[${o + 3}] = bh; `, now: false };
    case InsnClass.Alu:
    case InsnClass.Jal:
    case InsnClass.Fence:
      return { keep: '', now: false };
    default:
      return { keep: '', now: true };
  }
}

/**
 * Block code only (sites at known offsets): the cycle count lives in the local `cy`, current up
 * to `fl`, the instructions charged so far (counted like `it`).
 */
class DeferredWriter implements TimingWriter {
  private readonly table: number[] = [];
  constructor(private readonly rs: unknown, private readonly base: Float64Array) {}
  prologue(): string {
    return `let cy = hs[${HartSlot.Cycle}], fl = 0; tb[0] = pc0; tb[1] = fp0;`;
  }
  bindings(): Record<string, unknown> {
    const sites = this.table.length / SiteField.Count;
    return { rs: this.rs, tb: this.base, S: Int32Array.from(this.table), M: new Float64Array(sites).fill(NaN), D: new Int32Array(sites * DYN) };
  }
  /** Statements charging the instructions up to `retired` (an expression). */
  private charged(retired: string): string {
    return `if (fl < ${retired}) { cy += rs(S, M, D, fl - it, ${retired} - it); fl = ${retired}; }`;
  }
  insn(i: TimingSite): string {
    return this.issue() + this.charge(i);
  }
  issue(): string {
    return '';
  }
  charge(i: TimingSite): string {
    const num = (x: number | string): number => {
      if (typeof x !== 'number' || i.at === undefined) throw new Error('deferred timing: block sites only');
      return x;
    };
    const k = this.table.length / SiteField.Count;
    this.table.push(i.cls, num(i.rd), num(i.rs1), num(i.rs2), num(i.len), num(i.imm), num(i.memWidth), num(i.funct3), i.at?.offset ?? 0);
    const { keep, now } = siteKeeps(i.cls, k);
    const all = this.charged(`it + ${k + 1}`);
    // With translated data (Sv39) the model may walk page tables, which stores may change: then
    // every instruction is charged at once (Bare data implies Bare fetch).
    return keep + (now === true ? all : now === 'offRam' ? `if (ma < 0 || !bare) ${all}` : `if (!bare) ${all}`);
  }
  cycleNow(retired: string): string {
    return `(${this.chargedExpr(retired)}, cy)`;
  }
  overLimit(retired: string): string {
    return `(${this.chargedExpr(retired)}, cy >= limit)`;
  }
  hasRoom(cycles: number, retired: string): string {
    return `(${this.chargedExpr(retired)}, cy + ${cycles} <= limit)`;
  }
  private chargedExpr(retired: string): string {
    return `(fl < ${retired} ? (cy += rs(S, M, D, fl - it, ${retired} - it), fl = ${retired}) : 0)`;
  }
  sync(retired: string): string {
    return `${this.charged(`(${retired})`)} hs[${HartSlot.Cycle}] = cy;`;
  }
  resync(): string {
    return `cy = hs[${HartSlot.Cycle}];`;
  }
}
