/**
 * The gtsc-against-gcc table: every benchmark program built by gtsc (optimised and -O0) and by
 * riscv64-unknown-elf-gcc -O2, run on rvn with Rocket timing; instructions and cycles of main.
 * Used by `npm run gtsc:compare` (scripts/gtsc-compare.mjs) and the external test.
 */
import { buildBenchC } from './bench-gnu';
import { benchNames, buildBenchTs, runBench, type BenchRun } from './measure';

export interface CompareRow {
  name: string;
  gcc: BenchRun;
  gtsc: BenchRun;
  gtscO0: BenchRun;
}

export function compareOne(name: string): CompareRow {
  const gcc = runBench(buildBenchC(name), `${name}.c`);
  const gtsc = runBench(buildBenchTs(name), `${name}.ts`);
  const gtscO0 = runBench(buildBenchTs(name, { optimize: false }), `${name}.ts -O0`);
  return { name, gcc, gtsc, gtscO0 };
}

export function compareAll(filter?: RegExp, progress?: (name: string) => void): CompareRow[] {
  return benchNames().filter((n) => !filter || filter.test(n)).map((n) => { progress?.(n); return compareOne(n); });
}

export function geomean(xs: readonly number[]): number {
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / xs.length);
}

const ratio = (a: number, b: number): number => a / b;
const fmt = (n: number): string => n.toLocaleString('en-US');

/** A markdown table: per program, instructions and cycles of gcc -O2, gtsc and gtsc -O0. */
export function formatTable(rows: readonly CompareRow[]): string {
  const out = [
    '| program | gcc -O2 insns | gcc -O2 cycles | gtsc insns | gtsc cycles | insns ratio | **cycles ratio** | gtsc -O0 cycles | -O0 ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    out.push(`| ${r.name} | ${fmt(r.gcc.instret)} | ${fmt(r.gcc.cycles)} | ${fmt(r.gtsc.instret)} | ${fmt(r.gtsc.cycles)} | `
      + `${ratio(r.gtsc.instret, r.gcc.instret).toFixed(2)} | **${ratio(r.gtsc.cycles, r.gcc.cycles).toFixed(2)}** | `
      + `${fmt(r.gtscO0.cycles)} | ${ratio(r.gtscO0.cycles, r.gcc.cycles).toFixed(2)} |`);
  }
  const gi = geomean(rows.map((r) => ratio(r.gtsc.instret, r.gcc.instret)));
  const gc = geomean(rows.map((r) => ratio(r.gtsc.cycles, r.gcc.cycles)));
  const g0 = geomean(rows.map((r) => ratio(r.gtscO0.cycles, r.gcc.cycles)));
  out.push(`| **geometric mean** | | | | | ${gi.toFixed(2)} | **${gc.toFixed(2)}** | | ${g0.toFixed(2)} |`);
  return out.join('\n');
}
