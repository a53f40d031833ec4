/** The IPC tables of report.md: ours beside the seed's numbers. */
import { OURS } from '../figures';
import { cell, mdTable } from '../markdown';
import { SEED_FILL_SEND_WITHOUT_UINTR, SEED_IPC_UINTR_QEMU, SEED_PHASES_FPGA, SEED_PHASES_FPGA_TOTAL } from '../seed';
import { oursByConcurrency } from './figures';
import { IPC_REFERENCE_CYCLES } from './reference';
import { ASYNC_SERIES, IPC_SERIES, IPC_SWEEP } from './schema';
import type { IpcRow, IpcSeries } from './schema';

function cyclesTable(rows: readonly IpcRow[]): string {
  const ours = oursByConcurrency(rows, 0);
  const cs = [...new Set([...IPC_SWEEP.concurrency.full, ...rows.filter((r) => r.load === 0).map((r) => r.concurrency)])].sort((a, b) => a - b);
  const body: string[][] = [];
  for (const s of IPC_SERIES) if (ours[s] !== undefined) body.push([`${OURS}: ${s}`, ...cs.map((c) => cell(ours[s][c]))]);
  for (const seed of IPC_REFERENCE_CYCLES) {
    for (const s of IPC_SERIES) if (seed.cycles[s] !== undefined) body.push([`${seed.label}: ${s}`, ...cs.map((c) => cell(seed.cycles[s][c]))]);
  }
  return mdTable(['cycles per call, load 0 \\ concurrency', ...cs.map(String)], body);
}

function uintrTable(rows: readonly IpcRow[]): string {
  const cs = [...new Set(rows.filter((r) => r.load === 0 && ASYNC_SERIES.includes(r.series)).map((r) => r.concurrency).concat([1, 2, 4, 8, 16, 32]))].sort((a, b) => a - b);
  const body: string[][] = [];
  for (const s of ASYNC_SERIES) {
    for (const who of ['server', 'client'] as const) {
      const key = who === 'server' ? 'serverUintrPerCall' : 'clientUintrPerCall';
      const mine = (c: number): number | undefined => rows.find((r) => r.series === s && r.load === 0 && r.concurrency === c)?.[key];
      body.push([`${OURS}: ${s} ${who}`, ...cs.map((c) => cell(mine(c), 3))]);
      body.push([`seed QEMU: ${s} ${who}`, ...cs.map((c) => cell(SEED_IPC_UINTR_QEMU[s as 'async-up' | 'async-smp'][who][c], 3))]);
    }
  }
  return mdTable(['user interrupts per call, load 0 \\ concurrency', ...cs.map(String)], body);
}

function loadTable(rows: readonly IpcRow[]): string {
  const loaded = rows.filter((r) => r.load > 0);
  if (loaded.length === 0) return 'No rows at server loads 1–3 in these results.\n';
  const keys = [...new Set(rows.map((r) => `${r.series} c=${r.concurrency}`))].filter((k) => IPC_SWEEP.loadedConcurrency.some((c) => k.endsWith(`c=${c}`)));
  const body = keys.map((k) => [k, ...[0, 1, 2, 3].map((l) => cell(rows.find((r) => `${r.series} c=${r.concurrency}` === k && r.load === l)?.cyclesPerCall))]);
  return mdTable(['cycles per call \\ server load', '0', '1', '2', '3'], body);
}

/** The rows whose phases are compared with the seed's FPGA breakdown: both async series at concurrency 1, load 0. */
const PHASE_COLUMNS: readonly { series: IpcSeries; concurrency: number }[] = [
  { series: 'async-up', concurrency: 1 },
  { series: 'async-smp', concurrency: 1 },
];

function phaseTable(rows: readonly IpcRow[]): string {
  const cols = PHASE_COLUMNS.map((p) => ({ ...p, row: rows.find((r) => r.series === p.series && r.concurrency === p.concurrency && r.load === 0) }));
  const seedKeys = new Set(SEED_PHASES_FPGA.map((p) => p.key));
  const extra = [...new Set(cols.flatMap((c) => Object.keys(c.row?.phases ?? {})))].filter((k) => !seedKeys.has(k)).sort();
  const body: string[][] = SEED_PHASES_FPGA.map((p) => [p.label, String(p.cycles), ...cols.map((c) => cell(c.row?.phases[p.key]))]);
  for (const k of extra) body.push([k, '—', ...cols.map((c) => cell(c.row?.phases[k]))]);
  const total = (c: (typeof cols)[number]): number | undefined => (c.row !== undefined && Object.keys(c.row.phases).length > 0 ? Object.values(c.row.phases).reduce((a, b) => a + b, 0) : undefined);
  body.push(['total', String(SEED_PHASES_FPGA_TOTAL), ...cols.map((c) => cell(total(c)))]);
  const header = ['phase of one async call (cycles)', 'seed FPGA', ...cols.map((c) => `${OURS}: ${c.series} c=${c.concurrency}`)];
  return (
    mdTable(header, body) +
    `\nSeed: fill & send costs ${SEED_FILL_SEND_WITHOUT_UINTR} cycles without the user interrupt; its listed phases add up to ` +
    `${SEED_PHASES_FPGA.reduce((a, p) => a + p.cycles, 0)}, its stated total is ${SEED_PHASES_FPGA_TOTAL}. Ours: cycles per call attributed by the profiler ` +
    `to each phase's functions, on all harts.\n`
  );
}

export function ipcTables(rows: readonly IpcRow[]): string {
  return [
    '### Cycles per call\n', cyclesTable(rows),
    '\n### User interrupts per call\n', uintrTable(rows),
    '\n### Server load\n', loadTable(rows),
    '\n### Per-phase cost of one async call\n', phaseTable(rows),
  ].join('\n');
}
