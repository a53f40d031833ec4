/** Builders of synthetic RetireRecord streams for the timing-model tests. */
import { InsnClass, type RetireRecord, type TimingHost, type TimingModel } from '../../src/timing/record';
import { createTimingModel } from '../../src/timing/index';
import type { TimingProfile } from '../../src/timing/profile';

export function rec(fields: Partial<RetireRecord>): RetireRecord {
  const pc = fields.pc ?? 0;
  return {
    pc,
    fetchPaddr: pc,
    insnLen: 4,
    cls: InsnClass.Alu,
    rd: 0,
    rs1: 0,
    rs2: 0,
    memPaddr: -1,
    memVaddr: -1,
    memWidth: 0,
    loadSigned: false,
    memIsMmio: false,
    taken: false,
    nextPc: pc + (fields.insnLen ?? 4),
    csr: 0,
    csrWritten: false,
    aLo: 0,
    aHi: 0,
    bLo: 0,
    bHi: 0,
    ...fields,
  };
}

export const alu = (pc: number, rd: number, rs1 = 0, rs2 = 0): RetireRecord => rec({ pc, rd, rs1, rs2 });

export const load = (pc: number, rd: number, rs1: number, addr: number, width: number, signed = true): RetireRecord =>
  rec({ pc, cls: InsnClass.Load, rd, rs1, memPaddr: addr, memVaddr: addr, memWidth: width, loadSigned: signed });

export const store = (pc: number, rs1: number, rs2: number, addr: number, width = 8): RetireRecord =>
  rec({ pc, cls: InsnClass.Store, rs1, rs2, memPaddr: addr, memVaddr: addr, memWidth: width });

export const branch = (pc: number, taken: boolean, target: number, rs1 = 5, rs2 = 0): RetireRecord =>
  rec({ pc, cls: InsnClass.Branch, rs1, rs2, taken, nextPc: taken ? target : pc + 4 });

export const jal = (pc: number, rd: number, target: number): RetireRecord => rec({ pc, cls: InsnClass.Jal, rd, nextPc: target });

export const jalr = (pc: number, rd: number, rs1: number, target: number): RetireRecord =>
  rec({ pc, cls: InsnClass.Jalr, rd, rs1, nextPc: target });

export const csr = (pc: number, num: number, rd: number, rs1: number, written: boolean): RetireRecord =>
  rec({ pc, cls: InsnClass.Csr, csr: num, rd, rs1, csrWritten: written });

/** Retires every record and returns the total cycles. */
export function run(model: TimingModel, recs: readonly RetireRecord[]): number {
  let total = 0;
  for (const r of recs) total += model.retire(r);
  return total;
}

/** A host whose translation is Bare (walkPtes always 0). */
export const bareHost: TimingHost = { walkPtes: () => 0 };

/** A model of `profile` with `host` attached (as a hart attaches itself). */
export function modelOn(profile: TimingProfile, host: TimingHost): TimingModel {
  const m = createTimingModel(profile);
  m.attach(host);
  return m;
}
