/**
 * A model's retire(record), made from its timing code (timing-code.ts): the cost of one
 * instruction described by a RetireRecord, for hosts that feed records (the timing tests, other
 * tools) and for the interpreter. Translated blocks never call it: they run the same code placed
 * after each instruction.
 *
 * Two functions: retire() has the classes of the base ISA's ordinary instructions (ALU, loads,
 * stores, branches, jumps), which every program runs from its first instructions; it hands the
 * others (M extension, CSRs, atomics, fences, system instructions) to a second function of the
 * same code. Those classes first run one by one, long after V8 optimised retire() (a boot meets
 * its first multiply after 2 M instructions); in one function each first run was a path without
 * type feedback and deoptimised the whole of it: V8 compiled retire() 9 times in a 1-hart OpenSBI
 * boot (docs/performance-log.md, "wt/boot"). The interpreter already calls a function of its own
 * for those instructions; the second call is on that slow path only.
 */
import { InsnClass, InsnClassCount, type RetireRecord } from './record';
import { FunctionCache, HartSlot, type TimingCode, type TimingSite } from './timing-code';

/** The last class retire() itself charges: Alu … Jalr are the ordinary ones, the rest go to the second function. */
const LAST_ORDINARY = InsnClass.Jalr;

/** retire(r) for the model `tm` whose code is `code`. */
export function recordRetire(tm: object, code: TimingCode, cache: FunctionCache = new FunctionCache()): (r: RetireRecord) => number {
  // One scratch state array for both functions: each sets and returns its cycle slot.
  const hs = new Float64Array(HartSlot.Count);
  const classes = (ordinary: boolean): InsnClass[] =>
    Array.from({ length: InsnClassCount }, (_, cls) => cls).filter((cls) => cls !== InsnClass.Illegal && (cls <= LAST_ORDINARY) === ordinary);
  const other = makeRetire('retireOther', tm, code, cache, hs, classes(false), '');
  // (`.call`: V8 then does not inline the other function, whose first runs would deoptimise retire().)
  return makeRetire('retire', tm, code, cache, hs, classes(true), `if (r.cls > ${LAST_ORDINARY}) return other.call(undefined, r);`, other);
}

/** A function `name(r)` charging the classes `classes` (`head`: code before everything else; `other`: bound as `other`). */
function makeRetire(name: string, tm: object, code: TimingCode, cache: FunctionCache, hs: Float64Array, classes: readonly InsnClass[], head: string,
  other?: unknown): (r: RetireRecord) => number {
  const w = code.writer(0);
  const site = (cls: InsnClass): TimingSite => ({
    cls, rd: 'r.rd', rs1: 'r.rs1', rs2: 'r.rs2', len: 'r.insnLen', imm: '(r.nextPc - r.pc)', memWidth: 'r.memWidth',
    funct3: `(r.mulDivFunct3 ?? ${cls === InsnClass.Mul || cls === InsnClass.MulW ? 0 : 4})`, rdMayBeZero: true,
    pc: 'r.pc', fetchPa: 'r.fetchPaddr', target: 'r.nextPc',
  });
  // The issue is the same for every class: once, before the class's own part.
  const issue = w.issue(site(InsnClass.Alu));
  const cases = classes.map((cls) => `case ${cls}: { ${w.charge(site(cls))} break; }`);
  const body = [
    head,
    // The generated code's names: the operands, outcome and access come from the record.
    'const a = r.aLo, ah = r.aHi, b = r.bLo, bh = r.bHi, tk = r.taken, ma = -1, lo = 0, hi = 0, limit = Infinity;',
    `hs[${HartSlot.Cycle}] = 0;`,
    w.prologue(),
    issue,
    'switch (r.cls) {',
    ...cases,
    `default: throw new Error('${name}: not an instruction class: ' + r.cls);`,
    '}',
    w.sync('1'),
    `return hs[${HartSlot.Cycle}] | 0; // one instruction's cycles: an int32, returned without a heap number`,
  ].join('\n');
  return cache.make(name, 'r', body, { ...w.bindings(), tm, hs, ...(other === undefined ? {} : { other }) });
}
