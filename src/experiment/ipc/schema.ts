/**
 * The IPC micro-benchmark (seed §1, experiments.md): its points, its sweeps and its row.
 *
 * Series: sync-up-fast / sync-up-slow (client and server on hart 0, the kernel's Call/ReplyRecv
 * fast path and slow path), sync-smp (client on hart 1: the cross-hart path), async-up and
 * async-smp (shared-memory rings, user interrupts, a coroutine executor; client on hart 0 or 1).
 * A sync client has exactly one call in flight, so sync points have concurrency 1.
 */
import { RvnError } from '../../errors';
import type { SweepSize } from '../contract';
import { expectInt, expectNumber, expectNumberMap, expectObject, expectOneOf } from '../json';
import type { Json } from '../json';
import { comparePoints } from '../params';
import type { ParamSpec, PointRecord } from '../params';

export const IPC_SERIES = ['sync-up-fast', 'sync-up-slow', 'sync-smp', 'async-up', 'async-smp'] as const;
export type IpcSeries = (typeof IPC_SERIES)[number];
export const ASYNC_SERIES: readonly IpcSeries[] = ['async-up', 'async-smp'];
export const SYNC_SERIES: readonly IpcSeries[] = ['sync-up-fast', 'sync-up-slow', 'sync-smp'];

export function isAsync(s: IpcSeries): boolean {
  return s === 'async-up' || s === 'async-smp';
}

/** The sweeps, as issue 15 and experiments.md give them. */
export const IPC_SWEEP = {
  /** Calls per point (N). */
  calls: { full: 20480, quick: 2048 } as Readonly<Record<SweepSize, number>>,
  /** Concurrencies of the async series at load 0. */
  concurrency: { full: [1, 2, 4, 8, 16, 32, 64, 128], quick: [1, 4, 32] } as Readonly<Record<SweepSize, readonly number[]>>,
  /** Server loads 1..3 (square a 3×3 / 4×4 / 5×5 matrix four times per request) ... */
  loads: { full: [1, 2, 3], quick: [] } as Readonly<Record<SweepSize, readonly number[]>>,
  /** ... at these concurrencies (sync series: at concurrency 1). */
  loadedConcurrency: [1, 8, 32] as readonly number[],
  /** Most coroutines the executor holds. */
  maxConcurrency: 2048,
  maxLoad: 3,
} as const;

export type IpcPoint = {
  readonly series: IpcSeries;
  readonly concurrency: number;
  readonly load: number;
};

export const IPC_PARAMS: readonly ParamSpec[] = [
  { key: 'series', aliases: ['s'], field: 'series', kind: 'enum', values: IPC_SERIES, help: 'which IPC path' },
  { key: 'c', aliases: ['concurrency'], field: 'concurrency', kind: 'int', min: 1, max: IPC_SWEEP.maxConcurrency, help: 'client coroutines in flight (sync: 1)' },
  { key: 'load', aliases: ['l'], field: 'load', kind: 'int', min: 0, max: IPC_SWEEP.maxLoad, default: 0, help: 'server load: 0 none, 1..3 square a 3×3/4×4/5×5 matrix 4 times per request' },
];

/**
 * One run of the benchmark. `phases`: cycles per call spent in each phase of a call, from the
 * profiler (keys as in SEED_PHASES_FPGA where a phase corresponds to one of the seed's).
 */
export type IpcRow = {
  readonly series: IpcSeries;
  readonly concurrency: number;
  readonly load: number;
  /** Calls issued (N). */
  readonly calls: number;
  /** (rdcycle at the end − at the start) / N, on the client's hart. */
  readonly cyclesPerCall: number;
  /** User interrupts taken by the server thread / the client thread, per call (hardware counters). */
  readonly serverUintrPerCall: number;
  readonly clientUintrPerCall: number;
  /** Instructions retired by all harts while the calls ran. */
  readonly instructions: number;
  /**
   * Times per call the kernel's tick ended the client thread's time slice and switched its hart
   * to another thread (observe.ts): on one hart each cuts a batch of calls short (claim C4).
   */
  readonly clientPreemptionsPerCall: number;
  readonly phases: Readonly<Record<string, number>>;
};

export function checkIpcPoint(p: PointRecord): IpcPoint {
  const series = p.series as IpcSeries;
  const concurrency = Number(p.concurrency);
  const load = Number(p.load);
  if (!isAsync(series) && concurrency !== 1) {
    throw new RvnError(`--point: ${series} has one call in flight: c must be 1, not ${concurrency}`, 2);
  }
  return { series, concurrency, load };
}

export function ipcPoints(size: SweepSize): IpcPoint[] {
  const pts: IpcPoint[] = [];
  for (const series of ASYNC_SERIES) {
    for (const c of IPC_SWEEP.concurrency[size]) pts.push({ series, concurrency: c, load: 0 });
    for (const load of IPC_SWEEP.loads[size]) for (const c of IPC_SWEEP.loadedConcurrency) pts.push({ series, concurrency: c, load });
  }
  for (const series of SYNC_SERIES) for (const load of [0, ...IPC_SWEEP.loads[size]]) pts.push({ series, concurrency: 1, load });
  return pts.sort((a, b) => comparePoints(IPC_PARAMS, a, b));
}

export function readIpcRow(raw: Json, where: string): IpcRow {
  const o = expectObject(raw, where);
  const row: IpcRow = {
    series: expectOneOf(o.series, IPC_SERIES, `${where}.series`),
    concurrency: expectInt(o.concurrency, `${where}.concurrency`, 1),
    load: expectInt(o.load, `${where}.load`, 0),
    calls: expectInt(o.calls, `${where}.calls`, 1),
    cyclesPerCall: expectNumber(o.cyclesPerCall, `${where}.cyclesPerCall`),
    serverUintrPerCall: expectNumber(o.serverUintrPerCall, `${where}.serverUintrPerCall`),
    clientUintrPerCall: expectNumber(o.clientUintrPerCall, `${where}.clientUintrPerCall`),
    instructions: expectInt(o.instructions, `${where}.instructions`, 0),
    clientPreemptionsPerCall: expectNumber(o.clientPreemptionsPerCall, `${where}.clientPreemptionsPerCall`),
    phases: expectNumberMap(o.phases, `${where}.phases`),
  };
  return row;
}
