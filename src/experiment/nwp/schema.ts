/**
 * The NWP benchmark (seed §2, experiments.md): a TCP server behind a user-space network
 * server (NWP), reached by sync IPC or the async channel, on one hart (`up`) or two (`smp`),
 * under read / write / call load from K connections generated on the host side of the wire.
 * Metrics are in emulated time (core clock 100 MHz by default).
 */
import type { SweepSize } from '../contract';
import { expectArray, expectInt, expectNumber, expectNumberArray, expectNumberOrNull, expectObject, expectOneOf } from '../json';
import type { Json } from '../json';
import { comparePoints } from '../params';
import type { ParamSpec, PointRecord } from '../params';
import { mean, populationVariance } from '../stats';

export const NWP_VARIANTS = ['up-sync', 'smp-sync', 'up-async', 'smp-async'] as const;
export type NwpVariant = (typeof NWP_VARIANTS)[number];
export const NWP_TESTS = ['read', 'write', 'call'] as const;
export type NwpTest = (typeof NWP_TESTS)[number];

export const NWP_SWEEP = {
  connections: { full: [1, 2, 4, 8, 16, 32], quick: [1, 4, 32] } as Readonly<Record<SweepSize, readonly number[]>>,
  /** Requests per point, all connections together. */
  requests: { full: 2048, quick: 256 } as Readonly<Record<SweepSize, number>>,
  /** The TCP server has 32 connection handlers. */
  maxConnections: 32,
} as const;

export type NwpPoint = {
  readonly variant: NwpVariant;
  readonly test: NwpTest;
  readonly connections: number;
};

export const NWP_PARAMS: readonly ParamSpec[] = [
  { key: 'variant', aliases: ['v'], field: 'variant', kind: 'enum', values: NWP_VARIANTS, help: 'harts (up: one, smp: TCP server on hart 0, NWP on hart 1) and IPC (sync or async)' },
  { key: 'test', aliases: ['t'], field: 'test', kind: 'enum', values: NWP_TESTS, help: 'read: the client sends 1 byte per request; write: it receives 1 byte; call: both' },
  { key: 'k', aliases: ['connections'], field: 'connections', kind: 'int', min: 1, max: NWP_SWEEP.maxConnections, help: 'TCP connections' },
];

export type NwpRow = {
  readonly variant: NwpVariant;
  readonly test: NwpTest;
  readonly connections: number;
  readonly requests: number;
  /** Requests per emulated second. */
  readonly throughput: number;
  /** Per-request latency: average (ms) and population variance (ms²); null when the test has no per-request latency. */
  readonly latencyAvgMs: number | null;
  readonly latencyVarMs2: number | null;
  /** The raw per-request latencies (ms of emulated time), in completion order. */
  readonly samplesMs: readonly number[];
};

export function checkNwpPoint(p: PointRecord): NwpPoint {
  return { variant: p.variant as NwpVariant, test: p.test as NwpTest, connections: Number(p.connections) };
}

export function nwpPoints(size: SweepSize): NwpPoint[] {
  const pts: NwpPoint[] = [];
  for (const variant of NWP_VARIANTS) for (const test of NWP_TESTS) for (const k of NWP_SWEEP.connections[size]) pts.push({ variant, test, connections: k });
  return pts.sort((a, b) => comparePoints(NWP_PARAMS, a, b));
}

export function readNwpRow(raw: Json, where: string): NwpRow {
  const o = expectObject(raw, where);
  expectArray(o.samplesMs, `${where}.samplesMs`);
  return {
    variant: expectOneOf(o.variant, NWP_VARIANTS, `${where}.variant`),
    test: expectOneOf(o.test, NWP_TESTS, `${where}.test`),
    connections: expectInt(o.connections, `${where}.connections`, 1),
    requests: expectInt(o.requests, `${where}.requests`, 1),
    throughput: expectNumber(o.throughput, `${where}.throughput`),
    latencyAvgMs: expectNumberOrNull(o.latencyAvgMs, `${where}.latencyAvgMs`),
    latencyVarMs2: expectNumberOrNull(o.latencyVarMs2, `${where}.latencyVarMs2`),
    samplesMs: expectNumberArray(o.samplesMs, `${where}.samplesMs`),
  };
}

/**
 * A row from what a point runner measures: requests completed in `emulatedSeconds`, and the
 * per-request latencies (ms) when the test has them. Average and population variance are
 * computed here, so every runner computes them the same way.
 */
export function makeNwpRow(point: NwpPoint, requests: number, emulatedSeconds: number, samplesMs: readonly number[]): NwpRow {
  const has = samplesMs.length > 0;
  return {
    ...point,
    requests,
    throughput: requests / emulatedSeconds,
    latencyAvgMs: has ? mean(samplesMs) : null,
    latencyVarMs2: has ? populationVariance(samplesMs) : null,
    samplesMs: [...samplesMs],
  };
}
