/** The seed's IPC numbers (seed.ts) as rows the claims and figures read. */
import type { ReferenceRows } from '../claims';
import { SEED_IPC_FPGA, SEED_IPC_FPGA_EARLY, SEED_IPC_QEMU, SEED_IPC_UINTR_QEMU } from '../seed';
import type { SeedIpcCycles } from '../seed';
import type { IpcFacts } from './claims';
import type { IpcSeries } from './schema';

function cycleRows(seed: SeedIpcCycles): IpcFacts[] {
  const rows: IpcFacts[] = [];
  for (const [series, curve] of Object.entries(seed.cycles)) {
    for (const [c, v] of Object.entries(curve)) {
      const uintr = SEED_IPC_UINTR_QEMU[series as 'async-up' | 'async-smp'];
      const withUintr = seed === SEED_IPC_QEMU && uintr !== undefined && uintr.server[Number(c)] !== undefined;
      rows.push({
        series: series as IpcSeries,
        concurrency: Number(c),
        load: 0,
        cyclesPerCall: v,
        ...(withUintr ? { serverUintrPerCall: uintr.server[Number(c)], clientUintrPerCall: uintr.client[Number(c)] } : {}),
      });
    }
  }
  return rows;
}

/** The reference data sets the report evaluates each claim on, beside ours. */
export const IPC_REFERENCES: readonly ReferenceRows<IpcFacts>[] = [
  { label: SEED_IPC_QEMU.label, rows: cycleRows(SEED_IPC_QEMU) },
  { label: SEED_IPC_FPGA.label, rows: cycleRows(SEED_IPC_FPGA) },
];

export const IPC_REFERENCE_CYCLES: readonly SeedIpcCycles[] = [SEED_IPC_QEMU, SEED_IPC_FPGA, SEED_IPC_FPGA_EARLY];
