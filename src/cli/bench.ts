/**
 * `rvn bench`: runs every workload under the ideal and rocket timing profiles, several times
 * each, and reports the median guest MIPS, modelled cycles per second and host RSS. Host time
 * is measured here (performance.now around machine.run only), never inside the library.
 */
import { cpus, loadavg, tmpdir } from 'node:os';
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Option, type Command } from 'commander';
import { RvnError } from '../errors';
import {
  BENCH_TIMINGS, buildWorkload, formatComparison, formatHeader, formatRow, makeRow, parseBenchFile,
  prepareRun, selectWorkloads, WORKLOADS, workloadParams,
} from '../bench/index';
import type { BenchFile, BenchRow, BenchSize, BenchTiming, Workload, WorkloadParams } from '../bench/index';
import { imageProvider } from './experiment/images';
import { runPool } from './experiment/pool';
import { packageRoot } from './sources';
import type { ImageProvider } from './experiment/images';
import { FunctionCache } from '../timing/index';
import { readUserFile, writeUserFile } from './host';
import { parseIntIn } from './parse';

interface BenchOptions {
  runs: string;
  isolate?: boolean;
  worker?: boolean;
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
    .option('--no-isolate', "run every row in this process (rows then share V8's compiled code and heap, so a row's speed depends on the rows before it); by default each row runs in a fresh process when there are several")
    .addOption(new Option('--worker', 'run rows sent by a parent rvn bench (internal)').hideHelp())
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
  if (opts.worker === true) return serveRowWorker();
  const runs = parseIntIn('--runs', opts.runs, 1, 100);
  const size = opts.quick ? 'quick' : 'full';
  const selected = selectWorkloads(opts.filter);
  const which = timings(opts.timing);
  const old = opts.compare !== undefined ? parseBenchFile(new TextDecoder().decode(readUserFile(opts.compare, '--compare file')), opts.compare) : undefined;
  const rows: BenchRow[] = [];
  const images = imageProvider();
  const fast = opts.fast !== false;
  // Several rows in one process share V8's compiled code, inline caches and heap: a row's speed
  // then depends on the rows run before it (by up to 40 % in one row, in either direction,
  // seen in docs/performance-log.md). So each row runs in a process of its own.
  const isolate = opts.isolate !== false && selected.length * which.length > 1;
  const imageDir = isolate ? mkdtempSync(join(tmpdir(), 'rvn-bench-')) : undefined;
  let peakRss = 0;
  try {
    process.stdout.write(formatHeader() + '\n');
    for (const w of selected) {
      const params = workloadParams(w, size);
      const image = await workloadImage(w, params, images);
      let imageFile: string | undefined;
      if (imageDir !== undefined) writeFileSync(imageFile = join(imageDir, `${w.name}.elf`), image);
      for (const t of which) {
        const task: RowTask = { workload: w.name, timing: t, runs, size, fast, imageFile: imageFile ?? '' };
        const o = imageFile !== undefined ? await runRowInProcessOfItsOwn(task) : runRow(w, t, image, task);
        peakRss = Math.max(peakRss, o.peakRssMiB);
        rows.push(o.row);
        process.stdout.write(formatRow(o.row) + '\n');
        if (o.failure !== undefined) process.stderr.write(`rvn bench: ${w.name} ${t}: ${o.failure}\n`);
      }
    }
  } finally {
    if (imageDir !== undefined) rmSync(imageDir, { recursive: true, force: true });
  }
  const maxRss = Math.max(peakRss, process.resourceUsage().maxRSS / 1024);
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

/** One row: a workload under one timing, run `runs` times (the image file: see runRowInProcessOfItsOwn). */
interface RowTask {
  readonly workload: string;
  readonly timing: BenchTiming;
  readonly runs: number;
  readonly size: BenchSize;
  readonly fast: boolean;
  readonly imageFile: string;
}

interface RowOutcome {
  readonly row: BenchRow;
  /** Why a run failed, in words. */
  readonly failure?: string;
  /** The peak resident set size of the process that ran the row, in MiB. */
  readonly peakRssMiB: number;
}

/** Runs a row's runs in this process and times them (machine.run only). */
function runRow(w: Workload, t: BenchTiming, image: Uint8Array, task: RowTask): RowOutcome {
  const params = workloadParams(w, task.size);
  const seconds: number[] = [];
  const cpuSeconds: number[] = [];
  let last = { instret: 0, cycles: 0, passed: true };
  let failure: string | undefined;
  // The runs of a row share generated code (one FunctionCache): the first run pays V8's
  // compilation of the interpreter and the blocks, the others find it done (a single `rvn
  // run` is a row's first run). With one run, the code is made for that one machine alone
  // (FunctionCache's constructor).
  const codeCache = new FunctionCache({ severalMachines: task.runs > 1 });
  for (let i = 0; i < task.runs; i++) {
    const prepared = prepareRun(w, image, t, { fast: task.fast, codeCache, params });
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
  return { row, failure, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}

/**
 * Runs a row in a fresh `rvn bench --worker` process (the pool of `rvn experiment`, one task):
 * it reads the image from task.imageFile. A worker that dies gives a failed row and one line.
 */
async function runRowInProcessOfItsOwn(task: RowTask): Promise<RowOutcome> {
  const outcomes = await runPool<RowTask, RowOutcome>([{ id: `${task.workload}/${task.timing}`, payload: task }], {
    jobs: 1,
    taskNoun: 'row',
    spawn: () => fork(join(packageRoot(), 'dist', 'rvn.mjs'), ['bench', '--worker'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: process.execArgv }),
  });
  const o = outcomes.get(`${task.workload}/${task.timing}`)!;
  if (o.ok) return o.result;
  return { row: makeRow(task.workload, task.timing, 0, 0, [], 0, false), failure: o.message, peakRssMiB: 0 };
}

/** `rvn bench --worker` (hidden): runs the rows its parent sends, one at a time. */
function serveRowWorker(): number {
  if (process.send === undefined) {
    process.stderr.write('rvn bench --worker: runs only as a worker of rvn bench\n');
    return 2;
  }
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: { kind: string; seq: number; payload: RowTask }) => {
    if (m.kind !== 'task') return;
    const started = performance.now();
    const seconds = (): number => (performance.now() - started) / 1000;
    try {
      const task = m.payload;
      const w = WORKLOADS.find((x) => x.name === task.workload);
      if (w === undefined) throw new RvnError(`no workload named '${task.workload}'`);
      const image = new Uint8Array(readFileSync(task.imageFile));
      process.send!({ kind: 'result', seq: m.seq, result: runRow(w, task.timing, image, task), seconds: seconds() });
    } catch (e) {
      process.send!({ kind: 'error', seq: m.seq, message: e instanceof Error ? e.message : String(e), seconds: seconds() });
    }
  });
  process.send({ kind: 'ready' });
  return 0;
}
