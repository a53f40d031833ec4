/** The NWP tables of report.md: ours beside the seed's numbers, and the variance table. */
import { OURS } from '../figures';
import { cell, mdTable } from '../markdown';
import { SEED_NWP_CONNECTIONS, SEED_NWP_FPGA_CALL, SEED_NWP_QEMU } from '../seed';
import type { NwpFacts } from './claims';
import { NWP_SEED_FPGA_ROWS, NWP_SEED_QEMU_ROWS } from './reference';
import { NWP_VARIANTS } from './schema';
import type { NwpRow, NwpTest } from './schema';

type Field = 'throughput' | 'latencyAvgMs' | 'latencyVarMs2';

function table(title: string, rows: readonly NwpRow[], test: NwpTest, field: Field, digits: number): string {
  const ks = [...new Set<number>([...SEED_NWP_CONNECTIONS, ...rows.filter((r) => r.test === test).map((r) => r.connections)])].sort((a, b) => a - b);
  const sources: [string, readonly NwpFacts[]][] = [[OURS, rows], [SEED_NWP_QEMU.label, NWP_SEED_QEMU_ROWS], [SEED_NWP_FPGA_CALL.label, NWP_SEED_FPGA_ROWS]];
  const body: string[][] = [];
  for (const [label, data] of sources) {
    for (const v of NWP_VARIANTS) {
      const at = (k: number): number | null | undefined => data.find((r) => r.variant === v && r.test === test && r.connections === k)?.[field];
      if (ks.every((k) => at(k) === undefined || at(k) === null)) continue;
      body.push([`${label}: ${v}`, ...ks.map((k) => cell(at(k), digits))]);
    }
  }
  if (body.length === 0) return `No ${test} rows.\n`;
  return mdTable([`${title} \\ connections`, ...ks.map(String)], body);
}

/** Ours: async throughput over sync − 1 per test, harts and connection count (what C10–C12 judge). */
function marginTable(rows: readonly NwpRow[]): string {
  const ks = [...new Set(rows.map((r) => r.connections))].sort((a, b) => a - b);
  const tp = (v: string, t: NwpTest, k: number): number | undefined => rows.find((r) => r.variant === v && r.test === t && r.connections === k)?.throughput;
  const body: string[][] = [];
  for (const t of ['read', 'write', 'call'] as const) {
    for (const [a, s] of [['up-async', 'up-sync'], ['smp-async', 'smp-sync']] as const) {
      const m = ks.map((k) => {
        const x = tp(a, t, k);
        const y = tp(s, t, k);
        return x === undefined || y === undefined ? '' : `${x >= y ? '+' : ''}${((x / y - 1) * 100).toFixed(1)}%`;
      });
      if (m.some((c) => c !== '')) body.push([`${t}: ${a} over ${s}`, ...m]);
    }
  }
  if (body.length === 0) return 'No async and sync rows at a common connection count.\n';
  return mdTable(['async over sync \\ connections', ...ks.map(String)], body);
}

export function nwpTables(rows: readonly NwpRow[]): string {
  return [
    '### Async over sync (ours)\n',
    'Throughput margins, what C10–C12 judge. Why the claims come out as they do, from the profile and the timeline: docs/nwp.md, "The claims".\n',
    marginTable(rows),
    '',
    `Throughput: ${OURS} in requests per emulated second, the seed's QEMU run per wall-clock second, its FPGA call run with 64-byte packets (first and last value only).\n`,
    '### Read throughput\n', table('read, requests/s', rows, 'read', 'throughput', 5),
    '\n### Write throughput\n', table('write, requests/s', rows, 'write', 'throughput', 5),
    '\n### Call throughput\n', table('call, requests/s', rows, 'call', 'throughput', 5),
    '\n### Call average delay\n', table('call, average delay (ms)', rows, 'call', 'latencyAvgMs', 4),
    '\n### Call latency variance\n', table('call, latency variance (ms²)', rows, 'call', 'latencyVarMs2', 4),
  ].join('\n');
}
