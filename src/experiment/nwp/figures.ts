/** The NWP figures, after the seed's: NWP_read, NWP_write, NWP_call_throughput, NWP_call_delay_avg (+ variance). */
import { OURS, lineFigure } from '../figures';
import type { FigurePoint, FigureSpec } from '../figures';
import { SEED_NWP_FPGA_CALL, SEED_NWP_QEMU } from '../seed';
import type { NwpFacts } from './claims';
import { NWP_SEED_FPGA_ROWS, NWP_SEED_QEMU_ROWS } from './reference';
import { NWP_SWEEP, NWP_VARIANTS } from './schema';
import type { NwpRow, NwpTest } from './schema';

const TICKS = NWP_SWEEP.connections.full;
type Field = 'throughput' | 'latencyAvgMs' | 'latencyVarMs2';

function pts(source: string, rows: readonly NwpFacts[], test: NwpTest, field: Field): FigurePoint[] {
  const out: FigurePoint[] = [];
  for (const r of rows) {
    const y = r[field];
    if (r.test === test && y !== undefined && y !== null) out.push({ source, series: r.variant, x: r.connections, y });
  }
  return out;
}

function all(rows: readonly NwpRow[], test: NwpTest, field: Field): FigurePoint[] {
  return [...pts(OURS, rows, test, field), ...pts(SEED_NWP_QEMU.label, NWP_SEED_QEMU_ROWS, test, field), ...pts(SEED_NWP_FPGA_CALL.label, NWP_SEED_FPGA_ROWS, test, field)];
}

const SOURCES = [OURS, SEED_NWP_QEMU.label, SEED_NWP_FPGA_CALL.label];
const UNITS = `${OURS}: requests per emulated second; seed QEMU: per wall-clock second; seed FPGA (call, 64-byte packets): first and last value only`;

function throughput(rows: readonly NwpRow[], name: string, test: NwpTest, what: string): FigureSpec {
  return lineFigure({
    name,
    title: `NWP ${test}: throughput vs connections`,
    caption: `${what}. ${UNITS}.`,
    xTitle: 'TCP connections',
    yTitle: 'requests per second',
    xTicks: TICKS,
    points: all(rows, test, 'throughput'),
    series: NWP_VARIANTS,
    sources: SOURCES,
    independentY: true,
  });
}

export function nwpFigures(rows: readonly NwpRow[]): FigureSpec[] {
  return [
    throughput(rows, 'NWP_read', 'read', 'Socket read: the client sends 1 byte per request'),
    throughput(rows, 'NWP_write', 'write', 'Socket write: the client receives 1 byte per request'),
    throughput(rows, 'NWP_call_throughput', 'call', 'Socket call: the client sends 1 byte and waits for the 1-byte answer'),
    lineFigure({
      name: 'NWP_call_delay_avg',
      title: 'NWP call: average delay vs connections',
      caption: `Average per-request latency of the call test (ms): ${OURS} in emulated time beside the seed's QEMU and FPGA runs.`,
      xTitle: 'TCP connections',
      yTitle: 'average delay (ms)',
      xTicks: TICKS,
      points: all(rows, 'call', 'latencyAvgMs'),
      series: NWP_VARIANTS,
      sources: SOURCES,
      independentY: true,
    }),
    lineFigure({
      name: 'NWP_call_delay_var',
      title: 'NWP call: latency variance vs connections',
      caption: `Population variance of the call test's per-request latency (ms², log scale): ${OURS} beside the seed's QEMU table.`,
      xTitle: 'TCP connections',
      yTitle: 'latency variance (ms²)',
      xTicks: TICKS,
      yLog: true,
      points: all(rows, 'call', 'latencyVarMs2').filter((p) => p.y > 0),
      series: NWP_VARIANTS,
      sources: [OURS, SEED_NWP_QEMU.label],
      independentY: true,
    }),
  ];
}
