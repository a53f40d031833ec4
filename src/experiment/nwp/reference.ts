/** The seed's NWP numbers (seed.ts) as rows the claims and figures read. */
import type { ReferenceRows } from '../claims';
import { SEED_NWP_CONNECTIONS, SEED_NWP_FPGA_CALL, SEED_NWP_QEMU, SEED_NWP_VARIANTS } from '../seed';
import type { NwpFacts } from './claims';
import type { NwpTest } from './schema';

function qemuRows(): NwpFacts[] {
  const rows: NwpFacts[] = [];
  for (const test of ['read', 'write', 'call'] as NwpTest[]) {
    for (const v of SEED_NWP_VARIANTS) {
      SEED_NWP_CONNECTIONS.forEach((k, i) => {
        const call = test === 'call' ? { latencyAvgMs: SEED_NWP_QEMU.callDelayAvgMs[v][i], latencyVarMs2: SEED_NWP_QEMU.callDelayVarMs2[v][i] } : {};
        rows.push({ variant: v, test, connections: k, throughput: SEED_NWP_QEMU[test][v][i], ...call });
      });
    }
  }
  return rows;
}

function fpgaRows(): NwpFacts[] {
  const f = SEED_NWP_FPGA_CALL;
  return SEED_NWP_VARIANTS.flatMap((v) =>
    f.connections.map((k, i) => ({ variant: v, test: 'call' as const, connections: k, throughput: f.throughput[v][i], latencyAvgMs: f.delayAvgMs[v][i] })),
  );
}

export const NWP_SEED_QEMU_ROWS: readonly NwpFacts[] = qemuRows();
export const NWP_SEED_FPGA_ROWS: readonly NwpFacts[] = fpgaRows();

export const NWP_REFERENCES: readonly ReferenceRows<NwpFacts>[] = [
  { label: SEED_NWP_QEMU.label, rows: NWP_SEED_QEMU_ROWS },
  { label: SEED_NWP_FPGA_CALL.label, rows: NWP_SEED_FPGA_ROWS },
];
