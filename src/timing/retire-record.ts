/**
 * A model's retire(record), made from its timing code (timing-code.ts): the cost of one
 * instruction described by a RetireRecord, for hosts that feed records (the timing tests, other
 * tools). The hart itself never calls it: it runs the same code placed after each instruction.
 */
import { InsnClass, InsnClassCount, type RetireRecord } from './record';
import { FunctionCache, HartSlot, type TimingCode, type TimingSite } from './timing-code';

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
