/**
 * `rvn bench`: runs every workload under the ideal and rocket timing profiles, several times
 * each, and reports the median guest MIPS, modelled cycles per second and host RSS. Host time
 * is measured here (performance.now around machine.run only), never inside the library.
 */
import { cpus, loadavg } from 'node:os';
import type { Command } from 'commander';
import { RvnError } from '../errors';
import {
  BENCH_TIMINGS, buildWorkload, formatComparison, formatHeader, formatRow, makeRow, parseBenchFile,
  prepareRun, selectWorkloads, WORKLOADS, workloadParams,
} from '../bench/index';
import type { BenchFile, BenchRow, BenchTiming, Workload, WorkloadParams } from '../bench/index';
import { imageProvider } from './experiment/images';
import type { ImageProvider } from './experiment/images';
import { FunctionCache } from '../timing/index';
import { readUserFile, writeUserFile } from './host';
import { parseIntIn } from './parse';

interface BenchOptions {
  runs: string;
  quick?: boolean;
  filter?: string;
  timing?: string;
  json?: string;
  compare?: string;
  fast?: boolean;
}

export function registerBench(program: Command): void {
  program
    .command('bench')
    .description('run the benchmark workloads under the ideal and rocket timing models and report speed')
    .option('--runs <n>', 'runs per workload and timing (the median is reported)', '3')
    .option('--quick', 'small sizes: a smoke run of a few seconds')
    .option('--filter <name>', 'only workloads whose name contains NAME')
    .option('--timing <profile>', "only one timing model: 'ideal' or 'rocket'")
    .option('--json <file>', 'write the results as JSON to FILE')
    .option('--compare <old.json>', 'print the change in MIPS against an earlier --json file')
    .option('--no-fast', 'reference mode (no translated blocks): to compare with the fast mode through --json and --compare')
    .addHelpText('after', `\nWorkloads (docs/performance.md, "Workloads"):\n${WORKLOADS.map((w) => `  ${w.name.padEnd(9)} ${w.description}`).join('\n')}\n`)
    .action(async (opts: BenchOptions) => {
      process.exitCode = await benchCommand(opts);
    });
}

function timings(spec: string | undefined): readonly BenchTiming[] {
  if (spec === undefined) return BENCH_TIMINGS;
  if (spec === 'ideal' || spec === 'rocket') return [spec];
  throw new RvnError(`--timing: '${spec}' is not 'ideal' or 'rocket'`, 2);
}

function rssMiB(): number {
  return process.memoryUsage().rss / (1 << 20);
}

/**
 * The image a workload runs, made before the timed runs: an assembly workload's program, or
 * a boot-image workload's system image, found or built as the experiments find it (an image
 * from `npm run build` when its inputs key is current, else built from the guest sources).
 */
async function workloadImage(w: Workload, params: WorkloadParams, images: ImageProvider): Promise<Uint8Array> {
  return w.kind === 'image' ? images.image(w.image) : buildWorkload(w, params);
}

export async function benchCommand(opts: BenchOptions): Promise<number> {
  const runs = parseIntIn('--runs', opts.runs, 1, 100);
  const size = opts.quick ? 'quick' : 'full';
  const selected = selectWorkloads(opts.filter);
  const which = timings(opts.timing);
  const old = opts.compare !== undefined ? parseBenchFile(new TextDecoder().decode(readUserFile(opts.compare, '--compare file')), opts.compare) : undefined;
  const rows: BenchRow[] = [];
  const images = imageProvider();
  process.stdout.write(formatHeader() + '\n');
  for (const w of selected) {
    const params = workloadParams(w, size);
    const image = await workloadImage(w, params, images);
    for (const t of which) {
      const seconds: number[] = [];
      const cpuSeconds: number[] = [];
      let last = { instret: 0, cycles: 0, passed: true };
      let failure: string | undefined;
      // The runs of a row share generated code (one FunctionCache): the first run pays V8's
      // compilation of the interpreter and the blocks, the others find it done (a single `rvn
      // run` is a row's first run). With one run, the code is made for that one machine alone
      // (FunctionCache's constructor).
      const codeCache = new FunctionCache({ severalMachines: runs > 1 });
      for (let i = 0; i < runs; i++) {
        const prepared = prepareRun(w, image, t, { fast: opts.fast !== false, codeCache, params });
        const cpuStart = process.cpuUsage();
        const start = performance.now();
        const o = prepared.run();
        seconds.push((performance.now() - start) / 1000);
        const cpu = process.cpuUsage(cpuStart);
        cpuSeconds.push((cpu.user + cpu.system) / 1e6);
        last = { instret: o.instret, cycles: o.cycles, passed: last.passed && o.passed };
        failure ??= o.failure;
      }
      const row = makeRow(w.name, t, last.instret, last.cycles, seconds, rssMiB(), last.passed, cpuSeconds);
      rows.push(row);
      process.stdout.write(formatRow(row) + '\n');
      if (failure !== undefined) process.stderr.write(`rvn bench: ${w.name} ${t}: ${failure}\n`);
    }
  }
  const maxRss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`peak RSS ${maxRss.toFixed(0)} MiB\n`);
  if (old !== undefined) process.stdout.write(formatComparison(old, rows).join('\n') + '\n');
  if (opts.json !== undefined) {
    const file: BenchFile = {
      format: 'rvn-bench/1',
      date: new Date().toISOString(),
      host: {
        cpu: cpus()[0]?.model ?? 'unknown', nproc: cpus().length, node: process.version,
        peakRssMiB: Math.round(maxRss), loadAverage: loadavg().map((x) => x.toFixed(2)).join(' '),
      },
      size,
      runs,
      rows,
    };
    writeUserFile(opts.json, JSON.stringify(file, null, 2) + '\n');
  }
  return rows.every((r) => r.passed) ? 0 : 1;
}
