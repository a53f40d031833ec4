/**
 * The gtsc benchmark programs (test/gtsc/bench/NAME.ts, each with the same program in NAME.c):
 * building the guest TypeScript version with gtsc and rvn's assembler and linker, and running
 * any build of a program on rvn. Every program's `main()` returns a checksum; the benchmark
 * start-up code (crt0.S) stores it with the cycles (mcycle) and instructions (minstret) main
 * took in `bench_result`, which is read through the ELF symbol after the run.
 * Needs nothing outside npm; the gcc side is in bench-gnu.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSymbol, readElf } from '../../../src/elf/reader';
import { buildGuest, type GuestBuildOptions } from '../../../src/build/guest';
import type { GuestSource } from '../../../src/gtsc/index';
import { Machine } from '../../../src/machine/machine';
import type { TimingProfile } from '../../../src/timing/profile';
import { rocketProfile } from '../../../src/timing/profiles/index';

export const BENCH_DIR = dirname(fileURLToPath(import.meta.url));

/** Names of the benchmark programs: every NAME.ts here that has a NAME.c beside it. */
export function benchNames(): string[] {
  const files = new Set(readdirSync(BENCH_DIR));
  return [...files].filter((f) => f.endsWith('.ts') && files.has(f.replace(/\.ts$/, '.c')))
    .map((f) => f.replace(/\.ts$/, '')).sort();
}

export function benchCrt0(): GuestSource {
  return { name: 'test/gtsc/bench/crt0.S', text: readFileSync(join(BENCH_DIR, 'crt0.S'), 'utf8') };
}

export function benchSource(name: string, ext: 'ts' | 'c'): GuestSource {
  return { name: `test/gtsc/bench/${name}.${ext}`, text: readFileSync(join(BENCH_DIR, `${name}.${ext}`), 'utf8') };
}

/** The guest TypeScript build of a benchmark program (gtsc, rvn's assembler and linker). */
export function buildBenchTs(name: string, compile: GuestBuildOptions['compile'] = {}): Uint8Array {
  return buildGuest([benchCrt0(), benchSource(name, 'ts')], { compile }).elf;
}

export interface BenchRun {
  result: bigint;
  /** Instructions and cycles of main (minstret and mcycle around the call). */
  instret: number;
  cycles: number;
}

/** Runs a benchmark image on rvn (Rocket timing unless given) and reads bench_result. */
export function runBench(elf: Uint8Array, name: string, timing: TimingProfile = rocketProfile()): BenchRun {
  const machine = new Machine({ harts: 1, memBytes: 16 * 2 ** 20, timing }, { console: () => {} });
  machine.load(elf, name);
  const r = machine.run({ maxInsns: 100_000_000 });
  if (r.reason.kind !== 'exit' || r.reason.code !== 0) throw new Error(`${name}: did not finish (${r.reason.kind})`);
  const sym = findSymbol(readElf(elf), 'bench_result');
  if (!sym) throw new Error(`${name}: no bench_result symbol`);
  const b = machine.bus.readBytes(sym.value, 24);
  const v = new DataView(b.buffer, b.byteOffset, 24);
  return { result: v.getBigUint64(0, true), instret: Number(v.getBigUint64(8, true)), cycles: Number(v.getBigUint64(16, true)) };
}
