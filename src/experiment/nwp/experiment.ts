/**
 * `rvn experiment nwp`: the NWP benchmark as a framework plug-in. The point runner (run.ts)
 * boots the variant's system image with the host side's load generator.
 */
import { evaluateClaims } from '../claims';
import type { Experiment } from '../contract';
import { NWP_CLAIMS } from './claims';
import { nwpFigures } from './figures';
import { NWP_REFERENCES } from './reference';
import { NWP_PARAMS, checkNwpPoint, nwpPoints, readNwpRow } from './schema';
import type { NwpPoint, NwpRow } from './schema';
import { runNwpPoint } from './run';
import { nwpTables } from './tables';

export const nwpExperiment: Experiment<NwpPoint, NwpRow> = {
  name: 'nwp',
  title: 'NWP network server benchmark (seed §2)',
  description: 'a TCP server behind the user-space network server over sync or async IPC: throughput and latency vs connections (claims C10–C14)',
  params: NWP_PARAMS,
  points: nwpPoints,
  checkPoint: checkNwpPoint,
  runPoint: runNwpPoint,
  readRow: readNwpRow,
  pointOf: (r) => ({ variant: r.variant, test: r.test, connections: r.connections }),
  columns: () => [
    { name: 'variant', value: (r) => r.variant },
    { name: 'test', value: (r) => r.test },
    { name: 'connections', value: (r) => r.connections },
    { name: 'requests', value: (r) => r.requests },
    { name: 'throughput_rps', value: (r) => r.throughput },
    { name: 'latency_avg_ms', value: (r) => r.latencyAvgMs },
    { name: 'latency_var_ms2', value: (r) => r.latencyVarMs2 },
    { name: 'samples', value: (r) => r.samplesMs.length },
  ],
  summarize: (r) => `${r.throughput.toFixed(0)} requests/s${r.latencyAvgMs !== null ? `, delay ${r.latencyAvgMs.toFixed(3)} ms` : ''}`,
  claims: (rows) => evaluateClaims(NWP_CLAIMS, rows, NWP_REFERENCES),
  figures: nwpFigures,
  reportTables: nwpTables,
};
