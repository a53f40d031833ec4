// Claims C1–C14 computed from rows. The base data is the seed's own QEMU run (the seed states
// every claim from it, so each criterion must call it reproduced); then, for every claim, one
// measurement is changed to contradict the claim and the verdict must flip; rows missing give
// "not measured".
import { describe, expect, it } from 'vitest';
import { evaluateClaims } from '../../src/experiment/claims';
import type { Claim, ClaimReport } from '../../src/experiment/claims';
import { IPC_CLAIMS } from '../../src/experiment/ipc/claims';
import type { IpcFacts } from '../../src/experiment/ipc/claims';
import { IPC_REFERENCES } from '../../src/experiment/ipc/reference';
import { ipcExperiment } from '../../src/experiment/ipc/experiment';
import type { IpcRow } from '../../src/experiment/ipc/schema';
import { NWP_CLAIMS } from '../../src/experiment/nwp/claims';
import type { NwpFacts } from '../../src/experiment/nwp/claims';
import { NWP_SEED_FPGA_ROWS, NWP_SEED_QEMU_ROWS } from '../../src/experiment/nwp/reference';

const ipcSeedQemu = IPC_REFERENCES.find((r) => r.label === 'seed QEMU')!.rows;
const ipcSeedFpga = IPC_REFERENCES.find((r) => r.label === 'seed FPGA')!.rows;

function verdicts<F>(claims: readonly Claim<F>[], rows: readonly F[]): Record<string, string> {
  return Object.fromEntries(evaluateClaims(claims, rows, []).map((c) => [c.id, c.verdict]));
}

function one<F>(claims: readonly Claim<F>[], id: string, rows: readonly F[]): ClaimReport {
  return evaluateClaims(claims.filter((c) => c.id === id), rows, [])[0];
}

/** `rows` with one field of exactly one row replaced. */
function change<F extends object>(rows: readonly F[], match: Partial<F>, field: keyof F, value: number): F[] {
  const hits = rows.filter((r) => Object.entries(match).every(([k, v]) => (r as Record<string, unknown>)[k] === v));
  expect(hits.length, `rows matching ${JSON.stringify(match)}`).toBe(1);
  return rows.map((r) => (r === hits[0] ? { ...r, [field]: value } : r));
}

describe('IPC claims C1–C9', () => {
  it("the seed's QEMU data reproduces every claim (the criteria are calibrated on it)", () => {
    expect(verdicts(IPC_CLAIMS, ipcSeedQemu)).toEqual({
      C1: 'reproduced', C2: 'reproduced', C3: 'reproduced', C4: 'reproduced', C5: 'reproduced',
      C6: 'reproduced', C7: 'reproduced', C8: 'reproduced', C9: 'reproduced',
    });
  });

  it("the seed's FPGA sheet contradicts C3 (async-smp 1477 < async-up 1722 at c=32) and has no user-interrupt counts", () => {
    const v = verdicts(IPC_CLAIMS, ipcSeedFpga);
    expect(v.C3).toBe('not reproduced');
    expect(v.C4).toBe('not measured');
    expect(v.C5).toBe('not measured');
    for (const id of ['C1', 'C2', 'C6', 'C7', 'C8', 'C9']) expect(v[id], id).toBe('reproduced');
  });

  // One measurement each, moved across the claim's boundary.
  const flips: [string, Partial<IpcFacts>, keyof IpcFacts, number][] = [
    ['C1', { series: 'async-smp', concurrency: 64 }, 'cyclesPerCall', 358], // 307 → 358: a 16.6 % rise (≤ 5 % allowed)
    ['C2', { series: 'async-smp', concurrency: 2 }, 'cyclesPerCall', 800], // above async-up's 793
    ['C3', { series: 'async-smp', concurrency: 64 }, 'cyclesPerCall', 250], // below async-up's 262
    ['C4', { series: 'async-up', concurrency: 8 }, 'serverUintrPerCall', 0.2], // 1.6/c
    ['C5', { series: 'async-smp', concurrency: 16 }, 'serverUintrPerCall', 0.25], // < 0.3
    ['C6', { series: 'sync-up-fast', concurrency: 1 }, 'cyclesPerCall', 1400], // above async-up's 1326
    ['C7', { series: 'sync-smp', concurrency: 1 }, 'cyclesPerCall', 1200], // below async-smp's 1248
    ['C8', { series: 'sync-up-fast', concurrency: 1 }, 'cyclesPerCall', 300], // below async-smp c=32's 307
    ['C9', { series: 'sync-smp', concurrency: 1 }, 'cyclesPerCall', 500], // below sync-up-fast's 535
  ];
  for (const [id, match, field, value] of flips) {
    it(`${id}: changing ${String(field)} of ${JSON.stringify(match)} to ${value} flips the verdict`, () => {
      expect(one(IPC_CLAIMS, id, ipcSeedQemu).verdict).toBe('reproduced');
      const r = one(IPC_CLAIMS, id, change(ipcSeedQemu, { ...match, load: 0 }, field, value));
      expect(r.verdict).toBe('not reproduced');
      expect(r.reason).not.toBe('');
    });
  }

  it('C1 also needs the overall fall: a flat curve with no step above 5 % is not reproduced', () => {
    const flat = [1, 2, 4, 8].flatMap((c) => (['async-up', 'async-smp'] as const).map((s) => ({ series: s, concurrency: c, load: 0, cyclesPerCall: 1000 - c })));
    const r = one(IPC_CLAIMS, 'C1', flat);
    expect(r.verdict).toBe('not reproduced');
    expect(r.numbers['async-up c=8 / c=1']).toBeCloseTo(992 / 999, 10);
  });

  it('C4 names the time-slice preemptions of a row off 1/c, and only where the row has some', () => {
    const rows: IpcFacts[] = [8, 128].map((c) => ({
      series: 'async-up', concurrency: c, load: 0, serverUintrPerCall: (c === 128 ? 1.3 : 1) / c, clientUintrPerCall: 1 / c,
      clientPreemptionsPerCall: c === 128 ? 0.3 / c : 0,
    }));
    const r = one(IPC_CLAIMS, 'C4', rows);
    expect(r.verdict).toBe('not reproduced');
    expect(r.reason).toMatch(/^server at c=128: [0-9.]+ per call = 1\.3\/c \(the kernel's time slice preempted the client mid-batch 0\.3\/c times per call: each preemption ends a batch early\)$/);
    expect(r.numbers['client preemptions c=128 × c']).toBeCloseTo(0.3, 10);
    const without = one(IPC_CLAIMS, 'C4', rows.map((x) => ({ ...x, clientPreemptionsPerCall: 0 })));
    expect(without.reason).toMatch(/^server at c=128: [0-9.]+ per call = 1\.3\/c$/);
  });

  it('C9 compares with the slow path when it is measured', () => {
    const rows: IpcFacts[] = [
      { series: 'sync-smp', concurrency: 1, load: 0, cyclesPerCall: 5000 },
      { series: 'sync-up-fast', concurrency: 1, load: 0, cyclesPerCall: 3000 },
      { series: 'sync-up-slow', concurrency: 1, load: 0, cyclesPerCall: 6000 },
    ];
    expect(one(IPC_CLAIMS, 'C9', rows).verdict).toBe('not reproduced');
    expect(one(IPC_CLAIMS, 'C9', rows.slice(0, 2)).verdict).toBe('reproduced');
  });

  it('rows at other server loads do not count', () => {
    const loaded = ipcSeedQemu.map((r) => ({ ...r, load: 2 }));
    expect(Object.values(verdicts(IPC_CLAIMS, loaded))).toEqual(Array(9).fill('not measured'));
  });

  it('every claim is "not measured" without rows, and names what is missing', () => {
    for (const c of evaluateClaims(IPC_CLAIMS, [], [])) {
      expect(c.verdict, c.id).toBe('not measured');
      expect(c.reason, c.id).toMatch(/^missing rows: /);
    }
  });

  it('the experiment evaluates the claims on its own rows, with the seed verdicts beside them', () => {
    const rows: IpcRow[] = ipcSeedQemu
      .filter((r) => r.serverUintrPerCall !== undefined || r.series.startsWith('sync'))
      .map((r) => ({
        series: r.series, concurrency: r.concurrency, load: 0, calls: 20480, cyclesPerCall: r.cyclesPerCall!,
        serverUintrPerCall: r.serverUintrPerCall ?? 0, clientUintrPerCall: r.clientUintrPerCall ?? 0, instructions: 1, clientPreemptionsPerCall: 0, phases: {},
      }));
    const claims = ipcExperiment.claims(rows);
    expect(claims.map((c) => c.id)).toEqual(['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9']);
    expect(claims.find((c) => c.id === 'C6')!.numbers).toEqual({ 'async-up c=1': 1326, 'sync-up-fast c=1': 535, 'async-up / sync-up-fast': 1326 / 535 });
    expect(claims.find((c) => c.id === 'C3')!.reference['seed FPGA'].verdict).toBe('not reproduced');
    const changed = rows.map((r) => (r.series === 'sync-smp' ? { ...r, cyclesPerCall: 100 } : r));
    expect(ipcExperiment.claims(changed).find((c) => c.id === 'C9')!.verdict).toBe('not reproduced');
  });
});

describe('NWP claims C10–C14', () => {
  it("the seed's QEMU data reproduces every claim", () => {
    expect(verdicts(NWP_CLAIMS, NWP_SEED_QEMU_ROWS)).toEqual({ C10: 'reproduced', C11: 'reproduced', C12: 'reproduced', C13: 'reproduced', C14: 'reproduced' });
  });

  it("the seed's margins come out as the report states them (read +77.4 %…+229.5 %, call smp 4.7 %…16.6 %)", () => {
    const c10 = one(NWP_CLAIMS, 'C10', NWP_SEED_QEMU_ROWS);
    const read = Object.values(c10.numbers);
    expect(Math.min(...read)).toBeCloseTo(5109 / 2880 - 1, 10);
    expect(Math.max(...read)).toBeCloseTo(15780 / 4789 - 1, 10);
    const c12 = one(NWP_CLAIMS, 'C12', NWP_SEED_QEMU_ROWS);
    const smp = Object.entries(c12.numbers).filter(([k]) => k.startsWith('smp-async over smp-sync')).map(([, v]) => v);
    expect(Math.min(...smp)).toBeCloseTo(485 / 463 - 1, 10);
    expect(Math.max(...smp)).toBeCloseTo(463 / 397 - 1, 10);
  });

  it("the seed's FPGA call run (64-byte packets) has margins far above 30 %: C12 is not reproduced on it", () => {
    const r = one(NWP_CLAIMS, 'C12', NWP_SEED_FPGA_ROWS);
    expect(r.verdict).toBe('not reproduced');
    expect(r.numbers['call median margin']).toBeGreaterThan(0.3);
  });

  const flips: [string, Partial<NwpFacts>, keyof NwpFacts, number][] = [
    ['C10', { variant: 'smp-async', test: 'read', connections: 32 }, 'throughput', 4000], // +36.5 % over smp-sync's 2930
    ['C11', { variant: 'up-async', test: 'write', connections: 8 }, 'throughput', 700], // below up-sync's 757
    ['C12', { variant: 'smp-async', test: 'call', connections: 4 }, 'latencyAvgMs', 11], // above up-async's 9.64 ms
    ['C13', { variant: 'smp-async', test: 'call', connections: 8 }, 'latencyVarMs2', 25], // above smp-sync's 19.41
    ['C14', { variant: 'up-sync', test: 'read', connections: 32 }, 'throughput', 4500], // within 10 % of the 4564 peak
  ];
  for (const [id, match, field, value] of flips) {
    it(`${id}: changing ${String(field)} of ${JSON.stringify(match)} to ${value} flips the verdict`, () => {
      expect(one(NWP_CLAIMS, id, NWP_SEED_QEMU_ROWS).verdict).toBe('reproduced');
      const r = one(NWP_CLAIMS, id, change(NWP_SEED_QEMU_ROWS, match, field, value));
      expect(r.verdict).toBe('not reproduced');
    });
  }

  it('C11 and C12: a median margin of 30 % or more is not "small"', () => {
    const rows = NWP_SEED_QEMU_ROWS.map((r) => (r.test === 'write' && r.variant.endsWith('async') ? { ...r, throughput: r.throughput! * 1.4 } : r));
    expect(one(NWP_CLAIMS, 'C11', rows).verdict).toBe('not reproduced');
  });

  it('C13: the growth criterion alone can fail (smp-sync variance growing faster than up-async)', () => {
    const rows = NWP_SEED_QEMU_ROWS.map((r) => (r.test === 'call' && r.variant === 'smp-sync' ? { ...r, latencyVarMs2: r.latencyVarMs2! * 100 } : r));
    const r = one(NWP_CLAIMS, 'C13', rows);
    expect(r.verdict).toBe('not reproduced');
    expect(r.reason).toMatch(/slope/);
  });

  it('C14: a peak at 1 connection is not "about 4"', () => {
    const r = one(NWP_CLAIMS, 'C14', change(NWP_SEED_QEMU_ROWS, { variant: 'smp-async', test: 'read', connections: 1 }, 'throughput', 20000));
    expect(r.verdict).toBe('not reproduced');
    expect(r.reason).toMatch(/peaks at k=1/);
  });

  it('every claim is "not measured" without rows', () => {
    for (const c of evaluateClaims(NWP_CLAIMS, [], [])) expect(c.verdict, c.id).toBe('not measured');
  });

  it('a test with no latency (null) does not count as a delay measurement', () => {
    const rows = NWP_SEED_QEMU_ROWS.map((r) => (r.test === 'call' ? { ...r, latencyAvgMs: null, latencyVarMs2: null } : r));
    expect(one(NWP_CLAIMS, 'C12', rows).verdict).toBe('not measured');
    expect(one(NWP_CLAIMS, 'C13', rows).verdict).toBe('not measured');
  });
});

describe('demo claim D1', () => {
  const row = (wsKiB: number, cyclesPerAccess: number) => ({
    stride: 64, wsKiB, accesses: 1000, cycles: cyclesPerAccess * 1000, instructions: 1250, dcacheMisses: 0, cyclesPerAccess, missesPerAccess: 0,
  });
  it('compares the largest working set ≤ 8 KiB with the smallest ≥ 64 KiB, and one measurement flips it', async () => {
    const { demoExperiment } = await import('../../src/experiment/demo/experiment');
    const rows = [row(4, 3), row(8, 2.5), row(16, 2.5), row(64, 10), row(128, 40)];
    const d1 = demoExperiment.claims(rows)[0];
    expect(d1.verdict).toBe('reproduced'); // 10 / 2.5 = 4
    expect(d1.numbers.ratio).toBe(4);
    expect(demoExperiment.claims(rows.map((r) => (r.wsKiB === 64 ? row(64, 9.9) : r)))[0].verdict).toBe('not reproduced');
    expect(demoExperiment.claims(rows.filter((r) => r.wsKiB < 64))[0].verdict).toBe('not measured');
  });
});
