/**
 * Benchmark results as data: one row per (workload, timing), the JSON file format, the table
 * printed by `rvn bench`, and the comparison with an older results file. Pure functions: the
 * host measures time and memory and passes them in.
 */
import { RvnError } from '../errors';

export interface BenchRow {
  readonly workload: string;
  readonly timing: string;
  readonly instret: number;
  readonly cycles: number;
  /** Host seconds of each run (machine.run only). */
  readonly seconds: readonly number[];
  /** Median host seconds. */
  readonly medianSeconds: number;
  /** Million guest instructions per host second, at the median. */
  readonly mips: number;
  /** Million modelled cycles per host second, at the median. */
  readonly mcps: number;
  /** Host CPU seconds (user + system) of each run: less sensitive than wall time to other load. */
  readonly cpuSeconds: readonly number[];
  /** Million guest instructions per host CPU second, at the median CPU time. */
  readonly cpuMips: number;
  /** Resident set size of the host process after the runs, in MiB. */
  readonly rssMiB: number;
  readonly passed: boolean;
}

export interface BenchFile {
  readonly format: 'rvn-bench/1';
  readonly date: string;
  readonly host: Readonly<Record<string, string | number>>;
  readonly size: 'full' | 'quick';
  readonly runs: number;
  readonly rows: readonly BenchRow[];
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** A row from the per-run samples (all runs of a deterministic workload have the same counts). */
export function makeRow(
  workload: string, timing: string, instret: number, cycles: number, seconds: readonly number[], rssMiB: number, passed: boolean,
  cpuSeconds: readonly number[] = [],
): BenchRow {
  const med = median(seconds);
  const rate = (n: number): number => (med > 0 ? n / med / 1e6 : 0);
  const cpu = median(cpuSeconds);
  const cpuMips = cpu > 0 ? instret / cpu / 1e6 : 0;
  return { workload, timing, instret, cycles, seconds, medianSeconds: med, mips: rate(instret), mcps: rate(cycles), cpuSeconds, cpuMips, rssMiB, passed };
}

function pad(s: string, n: number, right = false): string {
  return right ? s.padStart(n) : s.padEnd(n);
}

export function formatHeader(): string {
  return `${pad('workload', 9)} ${pad('timing', 7)} ${pad('instret', 12, true)} ${pad('cycles', 12, true)} ${pad('host s', 8, true)} ${pad('MIPS', 7, true)} ${pad('Mcyc/s', 7, true)} ${pad('cpuMIPS', 7, true)} ${pad('RSS MiB', 8, true)}  check`;
}

export function formatRow(r: BenchRow): string {
  return `${pad(r.workload, 9)} ${pad(r.timing, 7)} ${pad(String(r.instret), 12, true)} ${pad(String(r.cycles), 12, true)} ${pad(r.medianSeconds.toFixed(3), 8, true)} ${pad(r.mips.toFixed(1), 7, true)} ${pad(r.mcps.toFixed(1), 7, true)} ${pad(r.cpuMips.toFixed(1), 7, true)} ${pad(r.rssMiB.toFixed(0), 8, true)}  ${r.passed ? 'ok' : 'FAILED'}`;
}

/** Parses a results file written by `rvn bench --json`. */
export function parseBenchFile(text: string, name: string): BenchFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RvnError(`${name}: not valid JSON: ${(e as Error).message}`, 2);
  }
  const f = json as Partial<BenchFile>;
  if (f === null || typeof f !== 'object' || f.format !== 'rvn-bench/1' || !Array.isArray(f.rows)) {
    throw new RvnError(`${name}: not an rvn bench results file (format rvn-bench/1)`, 2);
  }
  return f as BenchFile;
}

/** One line per row of `now`: MIPS before and after and the change, matched by workload and timing. */
export function formatComparison(old: BenchFile, now: readonly BenchRow[]): string[] {
  const lines = [`${pad('workload', 9)} ${pad('timing', 7)} ${pad('old MIPS', 9, true)} ${pad('new MIPS', 9, true)} ${pad('change', 8, true)}`];
  for (const r of now) {
    const o = old.rows.find((x) => x.workload === r.workload && x.timing === r.timing);
    if (o === undefined) {
      lines.push(`${pad(r.workload, 9)} ${pad(r.timing, 7)} ${pad('-', 9, true)} ${pad(r.mips.toFixed(1), 9, true)} ${pad('new', 8, true)}`);
      continue;
    }
    const change = o.mips > 0 ? ((r.mips - o.mips) / o.mips) * 100 : 0;
    const sign = change >= 0 ? '+' : '';
    const note = o.instret !== r.instret ? '  (instret differs: workload changed)' : '';
    lines.push(`${pad(r.workload, 9)} ${pad(r.timing, 7)} ${pad(o.mips.toFixed(1), 9, true)} ${pad(r.mips.toFixed(1), 9, true)} ${pad(`${sign}${change.toFixed(1)}%`, 8, true)}${note}`);
  }
  return lines;
}
