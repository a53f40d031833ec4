/**
 * `rvn experiment ipc`: the IPC micro-benchmark as a framework plug-in. The point runner
 * (run.ts) boots the ipc-bench system (src/os/systems/ipc-bench.ts, the benchmark programs of
 * src/os/programs/ipc-bench over the user runtime of src/os/runtime) once per point.
 */
import { evaluateClaims } from '../claims';
import type { Experiment } from '../contract';
import { IPC_CLAIMS } from './claims';
import { ipcFigures } from './figures';
import { IPC_REFERENCES } from './reference';
import { IPC_PARAMS, checkIpcPoint, ipcPoints, readIpcRow } from './schema';
import type { IpcPoint, IpcRow } from './schema';
import { runIpcPoint } from './run';
import { ipcTables } from './tables';

function phaseKeys(rows: readonly IpcRow[]): string[] {
  return [...new Set(rows.flatMap((r) => Object.keys(r.phases)))].sort();
}

export const ipcExperiment: Experiment<IpcPoint, IpcRow> = {
  name: 'ipc',
  title: 'IPC micro-benchmark (seed §1)',
  description: 'sync vs async IPC over user interrupts: cycles and user interrupts per call vs concurrency and server load (claims C1–C9)',
  params: IPC_PARAMS,
  points: ipcPoints,
  checkPoint: checkIpcPoint,
  runPoint: (point, ctx) => runIpcPoint(point, ctx),
  readRow: readIpcRow,
  pointOf: (r) => ({ series: r.series, concurrency: r.concurrency, load: r.load }),
  columns: (rows) => [
    { name: 'series', value: (r) => r.series },
    { name: 'concurrency', value: (r) => r.concurrency },
    { name: 'load', value: (r) => r.load },
    { name: 'calls', value: (r) => r.calls },
    { name: 'cycles_per_call', value: (r) => r.cyclesPerCall },
    { name: 'server_uintr_per_call', value: (r) => r.serverUintrPerCall },
    { name: 'client_uintr_per_call', value: (r) => r.clientUintrPerCall },
    { name: 'instructions', value: (r) => r.instructions },
    { name: 'client_preemptions_per_call', value: (r) => r.clientPreemptionsPerCall },
    ...phaseKeys(rows).map((k) => ({ name: `phase:${k}`, value: (r: IpcRow) => r.phases[k] ?? null })),
  ],
  summarize: (r) => `${r.cyclesPerCall.toFixed(1)} cycles/call, user interrupts/call server ${r.serverUintrPerCall.toFixed(3)} client ${r.clientUintrPerCall.toFixed(3)}`,
  claims: (rows) => evaluateClaims(IPC_CLAIMS, rows, IPC_REFERENCES),
  figures: ipcFigures,
  reportTables: ipcTables,
};
