/** The IPC figures, after the seed's: async_call_cpu_cycle, async_call_uintr_cnt, call_compare (+ loads). */
import { OURS, barFigure, lineFigure } from '../figures';
import type { FigurePoint, FigureSpec } from '../figures';
import { SEED_IPC_FPGA, SEED_IPC_FPGA_EARLY, SEED_IPC_QEMU, SEED_IPC_UINTR_QEMU } from '../seed';
import type { SeedIpcCycles } from '../seed';
import { ASYNC_SERIES, IPC_SWEEP, SYNC_SERIES } from './schema';
import type { IpcRow } from './schema';

const TICKS = IPC_SWEEP.concurrency.full;

function seedCurves(seed: SeedIpcCycles, series: readonly string[]): FigurePoint[] {
  const pts: FigurePoint[] = [];
  for (const s of series) for (const [c, v] of Object.entries(seed.cycles[s] ?? {})) pts.push({ source: seed.label, series: s, x: Number(c), y: v });
  return pts;
}

function cpuCycle(rows: readonly IpcRow[]): FigureSpec {
  const ours = rows.filter((r) => r.load === 0 && ASYNC_SERIES.includes(r.series)).map((r) => ({ source: OURS, series: r.series, x: r.concurrency, y: r.cyclesPerCall }));
  return lineFigure({
    name: 'async_call_cpu_cycle',
    title: 'Cycles per call vs concurrency (server load 0)',
    caption: `Average cycles per call of async-up and async-smp at load 0: ${OURS} beside the seed's QEMU run (10 MHz timer: possibly ticks) and FPGA sheet, each panel on its own scale.`,
    xTitle: 'concurrency (client coroutines)',
    yTitle: 'cycles per call',
    xTicks: TICKS,
    points: [...ours, ...seedCurves(SEED_IPC_QEMU, ASYNC_SERIES), ...seedCurves(SEED_IPC_FPGA, ASYNC_SERIES)],
    series: ASYNC_SERIES,
    sources: [OURS, SEED_IPC_QEMU.label, SEED_IPC_FPGA.label],
    independentY: true,
  });
}

const UINTR_SERIES = ['up server', 'up client', 'smp server', 'smp client'];

function uintr(rows: readonly IpcRow[]): FigureSpec {
  const pts: FigurePoint[] = [];
  for (const r of rows) {
    if (r.load !== 0 || !ASYNC_SERIES.includes(r.series)) continue;
    const k = r.series === 'async-up' ? 'up' : 'smp';
    pts.push({ source: OURS, series: `${k} server`, x: r.concurrency, y: r.serverUintrPerCall });
    pts.push({ source: OURS, series: `${k} client`, x: r.concurrency, y: r.clientUintrPerCall });
  }
  for (const [s, k] of [['async-up', 'up'], ['async-smp', 'smp']] as const) {
    for (const who of ['server', 'client'] as const) {
      for (const [c, v] of Object.entries(SEED_IPC_UINTR_QEMU[s][who])) pts.push({ source: SEED_IPC_QEMU.label, series: `${k} ${who}`, x: Number(c), y: v });
    }
  }
  return lineFigure({
    name: 'async_call_uintr_cnt',
    title: 'User interrupts per call vs concurrency (server load 0)',
    caption: `User interrupts taken per call by the server and the client thread, async-up and async-smp at load 0: ${OURS} (hardware event counters) beside the seed's QEMU run.`,
    xTitle: 'concurrency (client coroutines)',
    yTitle: 'user interrupts per call',
    xTicks: TICKS,
    points: pts,
    series: UINTR_SERIES,
    sources: [OURS, SEED_IPC_QEMU.label],
    independentY: false,
  });
}

const BARS = ['async-up-min', 'async-smp-min', 'async-up-max', 'async-smp-max', ...SYNC_SERIES];

/** min/max over concurrency of the async series (the seed's async-*-min/max bars) and the sync values. */
function bars(source: string, cycles: Readonly<Record<string, Readonly<Record<number, number>>>>): FigurePoint[] {
  const pts: FigurePoint[] = [];
  for (const s of ASYNC_SERIES) {
    const vs = Object.values(cycles[s] ?? {});
    if (vs.length === 0) continue;
    pts.push({ source, series: `${s}-min`, x: 0, y: Math.min(...vs) });
    pts.push({ source, series: `${s}-max`, x: 0, y: Math.max(...vs) });
  }
  for (const s of SYNC_SERIES) {
    const v = cycles[s]?.[1];
    if (v !== undefined) pts.push({ source, series: s, x: 0, y: v });
  }
  return pts;
}

export function oursByConcurrency(rows: readonly IpcRow[], load: number): Record<string, Record<number, number>> {
  const out: Record<string, Record<number, number>> = {};
  for (const r of rows) if (r.load === load) (out[r.series] ??= {})[r.concurrency] = r.cyclesPerCall;
  return out;
}

function compare(rows: readonly IpcRow[]): FigureSpec {
  const seeds = [SEED_IPC_QEMU, SEED_IPC_FPGA, SEED_IPC_FPGA_EARLY];
  return barFigure({
    name: 'call_compare',
    title: 'Cycles per call: async (min and max over concurrency) vs sync (server load 0)',
    caption: `The async-up-min and async-smp-min bars are the lowest cycles per call over the measured concurrencies, the -max bars the highest (concurrency 1), beside the sync paths; ${OURS} and the seed's runs, load 0.`,
    yTitle: 'cycles per call',
    points: [...bars(OURS, oursByConcurrency(rows, 0)), ...seeds.flatMap((s) => bars(s.label, s.cycles))],
    bars: BARS,
    sources: [OURS, ...seeds.map((s) => s.label)],
  });
}

function loads(rows: readonly IpcRow[]): FigureSpec {
  const pts = rows.filter((r) => ASYNC_SERIES.includes(r.series)).map((r) => ({ source: OURS, series: `${r.series} load ${r.load}`, x: r.concurrency, y: r.cyclesPerCall }));
  const series = ASYNC_SERIES.flatMap((s) => [0, 1, 2, 3].map((l) => `${s} load ${l}`));
  return lineFigure({
    name: 'async_call_load',
    title: 'Cycles per call vs concurrency at server loads 0–3',
    caption: `${OURS} only (the seed has no such figure): async-up and async-smp at each server load.`,
    xTitle: 'concurrency (client coroutines)',
    yTitle: 'cycles per call',
    xTicks: TICKS,
    points: pts,
    series,
    sources: [OURS],
    independentY: false,
  });
}

export function ipcFigures(rows: readonly IpcRow[]): FigureSpec[] {
  return [cpuCycle(rows), uintr(rows), compare(rows), loads(rows)];
}
