/**
 * `rvn experiment demo`: a small real experiment that exercises the whole framework (parallel
 * points, point files, merge, CSV, claims, figures, report) with no kernel: the cycles per load
 * of a pointer chase as the working set grows past the 16 KiB L1 D$ of the Rocket model. It is
 * not part of the seed's reproduction.
 */
import { RvnError } from '../../errors';
import { findSymbol } from '../../elf/reader';
import { buildProgram } from '../../link/build';
import { Machine } from '../../machine/machine';
import type { Claim } from '../claims';
import { evaluateClaims, judge, notMeasured, num } from '../claims';
import type { Experiment, PointContext, SweepSize } from '../contract';
import { OURS, lineFigure } from '../figures';
import { expectInt, expectNumber, expectObject } from '../json';
import type { Json } from '../json';
import { cell, mdTable } from '../markdown';
import { comparePoints } from '../params';
import type { ParamSpec, PointRecord } from '../params';
import { demoProgramSource } from './program';

export type DemoPoint = { readonly stride: number; readonly wsKiB: number };

export type DemoRow = {
  readonly stride: number;
  readonly wsKiB: number;
  readonly accesses: number;
  readonly cycles: number;
  readonly instructions: number;
  readonly dcacheMisses: number;
  readonly cyclesPerAccess: number;
  readonly missesPerAccess: number;
};

export const DEMO_SWEEP = {
  strides: { full: [8, 64], quick: [8, 64] } as Readonly<Record<SweepSize, readonly number[]>>,
  wsKiB: { full: [1, 2, 4, 8, 16, 32, 64, 128], quick: [4, 64] } as Readonly<Record<SweepSize, readonly number[]>>,
  accesses: { full: 200_000, quick: 20_000 } as Readonly<Record<SweepSize, number>>,
} as const;

/** The Rocket model's L1 D$ (docs/timing.md). */
export const DEMO_DCACHE_KIB = 16;

const PARAMS: readonly ParamSpec[] = [
  { key: 'stride', aliases: [], field: 'stride', kind: 'int', min: 8, max: 4096, help: 'bytes between ring nodes (a multiple of 8)' },
  { key: 'ws', aliases: ['kib'], field: 'wsKiB', kind: 'int', min: 1, max: 16384, help: 'working set in KiB' },
];

function checkPoint(p: PointRecord): DemoPoint {
  const stride = Number(p.stride);
  const wsKiB = Number(p.wsKiB);
  if (stride % 8 !== 0) throw new RvnError(`--point: stride must be a multiple of 8, not ${stride}`, 2);
  if ((wsKiB * 1024) % stride !== 0 || wsKiB * 1024 < 2 * stride) throw new RvnError(`--point: ws=${wsKiB} KiB is not at least two whole strides of ${stride} bytes`, 2);
  return { stride, wsKiB };
}

function points(size: SweepSize): DemoPoint[] {
  const pts = DEMO_SWEEP.strides[size].flatMap((stride) => DEMO_SWEEP.wsKiB[size].map((wsKiB) => ({ stride, wsKiB })));
  return pts.sort((a, b) => comparePoints(PARAMS, a, b));
}

function readU64(m: Machine, addr: number): number {
  const b = m.bus.readBytes(addr, 8);
  let v = 0;
  for (let i = 7; i >= 0; i--) v = v * 256 + b[i];
  return v;
}

async function runPoint(p: DemoPoint, ctx: PointContext): Promise<readonly DemoRow[]> {
  const wsBytes = p.wsKiB * 1024;
  const accesses = DEMO_SWEEP.accesses[ctx.size];
  const image = buildProgram([{ name: 'demo-chase.S', text: demoProgramSource({ wsBytes, stride: p.stride, accesses }) }]);
  const m = new Machine({ ...ctx.machineOptions(), harts: 1, memBytes: Math.max(16 << 20, 2 * wsBytes + (8 << 20)) }, { console: () => undefined });
  const loaded = m.load(image, 'demo-chase.S');
  const r = m.run({ maxInsns: 50 * (accesses + 4 * (wsBytes / p.stride)) + 100_000 });
  if (r.reason.kind !== 'exit' || r.reason.code !== 0) throw new RvnError(`demo guest did not finish (${r.reason.kind})`);
  const result = findSymbol(loaded.elf!, 'result')!.value;
  const buf = findSymbol(loaded.elf!, 'buf')?.value;
  const nodes = wsBytes / p.stride;
  const finalPtr = readU64(m, result + 24);
  // Self-check: after a lap and `accesses` more steps the chase stands on node accesses mod nodes.
  if (buf !== undefined && finalPtr !== buf + (accesses % nodes) * p.stride) throw new RvnError(`demo guest: the chase ended at 0x${finalPtr.toString(16)}, not where the ring says`);
  const cycles = readU64(m, result);
  const dcacheMisses = readU64(m, result + 16);
  return [{
    stride: p.stride, wsKiB: p.wsKiB, accesses, cycles,
    instructions: readU64(m, result + 8), dcacheMisses,
    cyclesPerAccess: cycles / accesses, missesPerAccess: dcacheMisses / accesses,
  }];
}

function readRow(raw: Json, where: string): DemoRow {
  const o = expectObject(raw, where);
  return {
    stride: expectInt(o.stride, `${where}.stride`, 8),
    wsKiB: expectInt(o.wsKiB, `${where}.wsKiB`, 1),
    accesses: expectInt(o.accesses, `${where}.accesses`, 1),
    cycles: expectInt(o.cycles, `${where}.cycles`),
    instructions: expectInt(o.instructions, `${where}.instructions`),
    dcacheMisses: expectInt(o.dcacheMisses, `${where}.dcacheMisses`),
    cyclesPerAccess: expectNumber(o.cyclesPerAccess, `${where}.cyclesPerAccess`),
    missesPerAccess: expectNumber(o.missesPerAccess, `${where}.missesPerAccess`),
  };
}

export const DEMO_CRITERIA = {
  /** A working set of at most half the D$ fits; one of at least 4× the D$ does not. */
  fitsKiB: DEMO_DCACHE_KIB / 2,
  spillsKiB: DEMO_DCACHE_KIB * 4,
  /** The Rocket model's D$ miss costs 40 cycles (docs/timing.md) against a hit loop of a few cycles per load. */
  minRatio: 4,
} as const;

const D1: Claim<DemoRow> = {
  id: 'D1',
  statement: 'a pointer chase at a 64-byte stride costs several times more per load once its working set no longer fits the 16 KiB L1 D$',
  criterion:
    `Stride 64: cycles per access at the smallest working set ≥ ${DEMO_CRITERIA.spillsKiB} KiB are at least ${DEMO_CRITERIA.minRatio} × those at the largest working set ≤ ${DEMO_CRITERIA.fitsKiB} KiB.`,
  evaluate(rows) {
    const s = rows.filter((r) => r.stride === 64).sort((a, b) => a.wsKiB - b.wsKiB);
    const fits = s.filter((r) => r.wsKiB <= DEMO_CRITERIA.fitsKiB).pop();
    const spills = s.find((r) => r.wsKiB >= DEMO_CRITERIA.spillsKiB);
    if (fits === undefined || spills === undefined) return notMeasured([`stride 64 at ≤ ${DEMO_CRITERIA.fitsKiB} KiB and at ≥ ${DEMO_CRITERIA.spillsKiB} KiB`]);
    const ratio = spills.cyclesPerAccess / fits.cyclesPerAccess;
    const numbers = { [`ws=${fits.wsKiB} cycles/access`]: fits.cyclesPerAccess, [`ws=${spills.wsKiB} cycles/access`]: spills.cyclesPerAccess, ratio };
    return judge(ratio >= DEMO_CRITERIA.minRatio ? [] : [`ratio ${num(ratio)} < ${DEMO_CRITERIA.minRatio}`], numbers, `a load costs ${num(ratio)} × more`);
  },
};

export const demoExperiment: Experiment<DemoPoint, DemoRow> = {
  name: 'demo',
  title: 'Demo: pointer chase vs working set (not part of the seed)',
  description: 'a small real experiment with no kernel, to try the framework: cycles per load of a pointer chase as the working set outgrows the L1 D$',
  params: PARAMS,
  points,
  checkPoint,
  runPoint,
  readRow,
  pointOf: (r) => ({ stride: r.stride, wsKiB: r.wsKiB }),
  columns: () => [
    { name: 'stride', value: (r) => r.stride },
    { name: 'ws_kib', value: (r) => r.wsKiB },
    { name: 'accesses', value: (r) => r.accesses },
    { name: 'cycles', value: (r) => r.cycles },
    { name: 'instructions', value: (r) => r.instructions },
    { name: 'dcache_misses', value: (r) => r.dcacheMisses },
    { name: 'cycles_per_access', value: (r) => r.cyclesPerAccess },
    { name: 'misses_per_access', value: (r) => r.missesPerAccess },
  ],
  summarize: (r) => `${r.cyclesPerAccess.toFixed(2)} cycles/load, ${r.missesPerAccess.toFixed(3)} D$ misses/load`,
  claims: (rows) => evaluateClaims([D1], rows, []),
  figures: (rows) => [
    lineFigure({
      name: 'demo_cycles_per_access',
      title: 'Pointer chase: cycles per load vs working set',
      caption: `${OURS}: cycles per dependent load, by stride, as the working set grows past the ${DEMO_DCACHE_KIB} KiB L1 D$.`,
      xTitle: 'working set (KiB)',
      yTitle: 'cycles per load',
      xTicks: DEMO_SWEEP.wsKiB.full,
      points: rows.map((r) => ({ source: OURS, series: `stride ${r.stride}`, x: r.wsKiB, y: r.cyclesPerAccess })),
      series: [...new Set([...DEMO_SWEEP.strides.full, ...rows.map((r) => r.stride)])].map((s) => `stride ${s}`),
      sources: [OURS],
      independentY: false,
    }),
  ],
  reportTables: (rows) =>
    mdTable(['stride', 'working set (KiB)', 'cycles per load', 'D$ misses per load'], rows.map((r) => [String(r.stride), String(r.wsKiB), cell(r.cyclesPerAccess), cell(r.missesPerAccess, 3)])),
};
