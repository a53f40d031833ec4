/** The profiler's outputs: a text table, JSON, and folded stacks (flamegraph.pl, speedscope). */
import type { HartKernelReport } from './kernel';
import type { HartProfileReport } from './profile';

function pct(part: number, whole: number): string {
  return whole === 0 ? '0.00' : ((100 * part) / whole).toFixed(2);
}

/** One table per hart, functions sorted by self cycles. */
export function formatProfileTable(reports: readonly HartProfileReport[]): string {
  let s = '';
  for (const r of reports) {
    s += `hart ${r.hart}: ${r.cycles} cycles, ${r.instructions} instructions\n`;
    const rows = r.functions.map((f) => [
      String(f.selfCycles), pct(f.selfCycles, r.cycles), String(f.inclusiveCycles), pct(f.inclusiveCycles, r.cycles),
      String(f.instructions), String(f.calls), f.name,
    ]);
    const head = ['self', 'self%', 'incl', 'incl%', 'insns', 'calls', 'function'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i].length)));
    const line = (cols: string[]): string =>
      cols.map((c, i) => (i === cols.length - 1 ? c : c.padStart(widths[i]))).join('  ') + '\n';
    s += line(head);
    for (const row of rows) s += line(row);
  }
  return s;
}

/** The profile as JSON; `kernel` (per hart: kernel entries by IPC path, syscall, interrupt) when the kernel gave hints. */
export function formatProfileJson(reports: readonly HartProfileReport[], coreHz: number, kernel: readonly HartKernelReport[] = []): string {
  const harts = reports.map((r) => ({
    hart: r.hart,
    cycles: r.cycles,
    instructions: r.instructions,
    functions: r.functions,
    ...(kernel.some((k) => k.hart === r.hart) ? { kernel: kernel.find((k) => k.hart === r.hart)!.entries } : {}),
  }));
  return JSON.stringify({ coreHz, harts }, null, 1) + '\n';
}

/** "f1;f2;f3 cycles" lines; with several harts each stack starts with "hart<N>". */
export function formatFolded(reports: readonly HartProfileReport[]): string {
  const prefix = reports.length > 1;
  let s = '';
  for (const r of reports) {
    for (const [stack, cycles] of r.stacks) s += `${prefix ? `hart${r.hart};` : ''}${stack} ${cycles}\n`;
  }
  return s;
}
