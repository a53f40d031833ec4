/**
 * `rvn experiment ipc|nwp|all|demo` and `rvn experiment merge`: the host of the experiment
 * framework (src/experiment). Sweeps run in parallel worker processes (`--jobs`, default: one
 * per core) with progress on stderr; every point can also run alone (`--point`, one result file
 * each) and result files merge (`merge`), so a sweep can be spread over a batch system. All
 * outputs (results.json/csv, claims.json, report.md, figures) are computed from results.json.
 */
import { fork } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import { version } from '../../package.json';
import { RvnError } from '../errors';
import { MachineLimits } from '../hw/limits';
import {
  ALL_EXPERIMENTS, REGISTRY, RESULTS_FORMAT, TIMING_NAMES, UINTC_MODES, VERDICTS, describeParams, findExperiment,
  formatResults, mergeResults, parsePoint, planOutputs, pointIdOf, readResults,
} from '../experiment/index';
import type { AnyExperiment, EmulatorInfo, ExperimentResults, Prefer, ResultsFile, StoredRow, SweepSize, TimingName } from '../experiment/index';
import { claimsOf } from '../experiment/report';
import type { UintcMode } from '../machine/machine';
import { readUserFile } from './host';
import { parseIntIn } from './parse';
import { imageProvider } from './experiment/images';
import type { PointOutcome, PointTask } from './experiment/point';
import { runPointTask } from './experiment/point';
import type { TaskOutcome } from './experiment/pool';
import { runPool } from './experiment/pool';
import { Progress } from './experiment/progress';
import { writeOutputs } from './experiment/render';
import { serveWorker } from './experiment/worker';
import { packageRoot } from './sources';

export interface ExperimentOptions {
  out?: string;
  quick?: boolean;
  point?: string[];
  listPoints?: boolean;
  jobs?: string;
  timeout: string;
  timing: string;
  uintc: string;
  quantum: string;
}

type Kind = 'ipc' | 'nwp' | 'demo' | 'all';

const KINDS: readonly { kind: Kind; help: string }[] = [
  { kind: 'ipc', help: findExperiment(REGISTRY, 'ipc').description },
  { kind: 'nwp', help: findExperiment(REGISTRY, 'nwp').description },
  { kind: 'all', help: 'both experiments of the seed (ipc, then nwp) and one report with claims C1–C14' },
  { kind: 'demo', help: findExperiment(REGISTRY, 'demo').description },
];

function collect(value: string, previous: string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

function pointHelp(kind: Kind): string {
  const names = kind === 'all' ? ALL_EXPERIMENTS : [kind];
  return names.map((n) => `${n}: ${describeParams(findExperiment(REGISTRY, n).params).join('; ')}`).join(' | ');
}

export function registerExperiment(program: Command): void {
  const exp = program
    .command('experiment')
    .description("run the seed's experiments on the emulator and write results, figures and a report with the claims' verdicts (docs/experiments.md)");
  for (const { kind, help } of KINDS) {
    exp
      .command(kind)
      .description(help)
      .option('--out <dir>', `output directory (default: ${kind === 'all' ? 'results/' : `results/${kind}/`}; with --point: results/${kind}/points/)`)
      .option('--quick', 'the reduced sweep (fewer points, fewer calls/requests): a smoke run for CI')
      .option('--point <id>', `run only this point and write its result file (repeatable). Keys: ${pointHelp(kind)}`, collect)
      .option('--list-points', 'print the sweep\'s point ids, one per line, and exit (for batch systems)')
      .option('--jobs <n>', `worker processes running points in parallel (default: ${availableParallelism()}, the cores)`)
      .option('--timeout <seconds>', 'fail a point that runs longer than this on the host (0: no limit)', '0')
      .addOption(new Option('--timing <profile>', 'cycle model').choices([...TIMING_NAMES]).default('rocket'))
      .addOption(new Option('--uintc <mode>', 'UINTC behaviour: the spec (rocket) or the reference QEMU fork (qemu)').choices([...UINTC_MODES]).default('rocket'))
      .option('--quantum <cycles>', 'most cycles a hart may run ahead of the others', '10')
      .action(async (opts: ExperimentOptions) => {
        process.exitCode = await experimentCommand(kind, opts);
      });
  }
  exp
    .command('merge')
    .description('merge result files (--point files, results.json of partial sweeps; directories: their *.json) and rewrite results, figures and report from the merged rows')
    .argument('<files...>', 'result files or directories of them')
    .requiredOption('--out <dir>', 'output directory')
    .addOption(new Option('--prefer <side>', 'resolve conflicting rows for a point by keeping the first or the last file\'s (default: stop at conflicts)').choices(['first', 'last']))
    .action(async (files: string[], opts: { out: string; prefer?: Prefer }) => {
      process.exitCode = await mergeCommand(files, opts);
    });
  exp.command('worker', { hidden: true }).action(() => serveWorker());
  for (const cmd of exp.commands) {
    cmd.exitOverride().configureOutput({
      writeErr: (s) => process.stderr.write(s),
      outputError: (s, write) => write(`rvn experiment ${cmd.name()}: ${s.replace(/^error: /, '').trimEnd()} (see rvn experiment ${cmd.name()} --help)\n`),
    });
  }
}

function emulatorOf(opts: ExperimentOptions): EmulatorInfo {
  const quantum = parseIntIn('--quantum', opts.quantum, MachineLimits.quantum.min, MachineLimits.quantum.max);
  return { name: 'rvn', version, timing: opts.timing as TimingName, uintc: opts.uintc as UintcMode, quantum };
}

function hostFacts(seconds: number, jobs: number): Record<string, string | number> {
  return { seconds: Number(seconds.toFixed(3)), jobs, node: process.version, cpu: cpus()[0]?.model ?? 'unknown', finished: new Date().toISOString() };
}

/** `series=async-smp,c=8,load=0` → `ipc_series-async-smp_c-8_load-0.json`. */
export function pointFileName(experiment: string, id: string): string {
  return `${experiment}_${id.replace(/=/g, '-').replace(/,/g, '_')}.json`;
}

function partOf(name: string, outcomes: readonly [string, PointOutcome][], seconds: number): ExperimentResults {
  return {
    name,
    rows: outcomes.flatMap(([, o]) => (o.ok ? o.rows : [])),
    failures: outcomes.flatMap(([point, o]) => (o.ok ? [] : [{ point, message: o.message, host: { seconds: o.seconds } }])),
    host: { seconds },
  };
}

function resultsFile(emulator: EmulatorInfo, sweep: SweepSize, parts: ExperimentResults[], host: Record<string, string | number>): ResultsFile {
  // Read back what would be written: rows checked and sorted by point, exactly as in the file.
  const file: ResultsFile = { format: RESULTS_FORMAT, emulator, sweep, experiments: parts, host };
  return readResults(REGISTRY, formatResults(file), 'results');
}

function stdoutLine(s: string): void {
  process.stdout.write(s + '\n');
}

export async function experimentCommand(kind: Kind, opts: ExperimentOptions): Promise<number> {
  const emulator = emulatorOf(opts);
  const size: SweepSize = opts.quick ? 'quick' : 'full';
  const names = kind === 'all' ? ALL_EXPERIMENTS : [kind];
  const exps = names.map((n) => findExperiment(REGISTRY, n));
  const timeout = parseIntIn('--timeout', opts.timeout, 0, 7 * 24 * 3600);
  if (opts.listPoints) {
    for (const e of exps) for (const p of e.points(size)) stdoutLine(kind === 'all' ? `${e.name} ${pointIdOf(e, p)}` : pointIdOf(e, p));
    return 0;
  }
  if (opts.point !== undefined && opts.point.length > 0) {
    if (kind === 'all') throw new RvnError('--point needs one experiment: rvn experiment ipc|nwp --point ID', 2);
    return runPoints(exps[0], opts.point, size, emulator, opts.out ?? `results/${kind}/points`);
  }
  const jobs = opts.jobs !== undefined ? parseIntIn('--jobs', opts.jobs, 1, 1024) : availableParallelism();
  const started = performance.now();
  const parts: ExperimentResults[] = [];
  for (const e of exps) parts.push(await sweep(e, size, emulator, jobs, timeout));
  const file = resultsFile(emulator, size, parts, hostFacts((performance.now() - started) / 1000, jobs));
  const out = opts.out ?? (kind === 'all' ? 'results' : `results/${kind}`);
  await writeAndSummarize(file, out);
  return parts.every((p) => p.failures.length === 0) ? 0 : 1;
}

async function sweep(e: AnyExperiment, size: SweepSize, emulator: EmulatorInfo, jobs: number, timeout: number): Promise<ExperimentResults> {
  const ids = e.points(size).map((p) => pointIdOf(e, p));
  const progress = new Progress(`${e.name}`, ids.length, { write: (s) => process.stderr.write(s), isTTY: process.stderr.isTTY === true, columns: process.stderr.columns });
  const started = performance.now();
  const settings = { timing: emulator.timing, uintc: emulator.uintc, quantum: emulator.quantum };
  const outcomes = await runPool<PointTask, readonly StoredRow[]>(
    ids.map((id) => ({ id, payload: { experiment: e.name, point: id, size, emulator: settings } })),
    {
      jobs,
      timeoutSeconds: timeout,
      spawn: () => fork(join(packageRoot(), 'dist', 'rvn.mjs'), ['experiment', 'worker'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'], execArgv: process.execArgv }),
      onDone: (task, o) => {
        if (o.ok) progress.pointDone(task.id, o.result.map((r) => e.summarize(r)).join('; '), o.seconds);
        else progress.pointFailed(task.id, o.message);
      },
    },
  );
  progress.finish();
  const list: [string, PointOutcome][] = ids.map((id) => [id, toPointOutcome(outcomes.get(id)!)]);
  return partOf(e.name, list, Math.round(performance.now() - started) / 1000);
}

function toPointOutcome(o: TaskOutcome<readonly StoredRow[]>): PointOutcome {
  return o.ok ? { ok: true, rows: o.result, seconds: o.seconds } : o;
}

async function runPoints(e: AnyExperiment, ids: readonly string[], size: SweepSize, emulator: EmulatorInfo, out: string): Promise<number> {
  // Every id is checked before anything runs: a typo fails at once, with one line.
  const canonical = ids.map((id) => pointIdOf(e, parsePoint(e, id)));
  const images = imageProvider();
  let failed = 0;
  for (const id of canonical) {
    const o = await runPointTask({ experiment: e.name, point: id, size, emulator: { timing: emulator.timing, uintc: emulator.uintc, quantum: emulator.quantum } }, images);
    const file = resultsFile(emulator, size, [partOf(e.name, [[id, o]], o.seconds)], hostFacts(o.seconds, 1));
    const path = join(out, pointFileName(e.name, id));
    await writeOutputs(out, [{ kind: 'text', path: pointFileName(e.name, id), text: formatResults(file) }]);
    if (o.ok) stdoutLine(`${e.name} ${id}: ${o.rows.map((r) => e.summarize(r)).join('; ')} (${o.seconds.toFixed(1)} s) → ${path}`);
    else {
      failed++;
      process.stderr.write(`rvn experiment ${e.name}: ${id}: ${o.message} (recorded in ${path})\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}

async function writeAndSummarize(file: ResultsFile, out: string): Promise<void> {
  const written = await writeOutputs(out, planOutputs(REGISTRY, file));
  for (const ec of claimsOf(REGISTRY, file)) {
    const counts = VERDICTS.map((v) => `${ec.claims.filter((c) => c.verdict === v).length} ${v}`).join(', ');
    const ids = ec.claims.length > 1 ? `${ec.claims[0].id}–${ec.claims[ec.claims.length - 1].id}` : ec.claims.map((c) => c.id).join('') || 'none';
    stdoutLine(`${ec.experiment.name}: ${ec.part.rows.length} rows, ${ec.part.failures.length} failed points; claims ${ids}: ${counts}`);
  }
  stdoutLine(`wrote ${written.files} files (${written.figures} figure${written.figures === 1 ? '' : 's'} as SVG, PNG and Vega-Lite spec) to ${out}`);
}

/** Result files named on the command line; a directory stands for its *.json files. */
function expandFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    let isDir = false;
    try {
      isDir = statSync(p).isDirectory();
    } catch {
      throw new RvnError(`cannot read results file '${p}': no such file`);
    }
    if (!isDir) out.push(p);
    else out.push(...readdirSync(p).filter((f) => f.endsWith('.json')).sort().map((f) => join(p, f)));
  }
  if (out.length === 0) throw new RvnError('merge: no .json files in the given directories', 2);
  return out;
}

export async function mergeCommand(paths: readonly string[], opts: { out: string; prefer?: Prefer }): Promise<number> {
  const files = expandFiles(paths);
  const inputs = files.map((name) => ({ name, file: readResults(REGISTRY, new TextDecoder().decode(readUserFile(name, 'results file')), name) }));
  const outcome = mergeResults(REGISTRY, inputs, opts.prefer);
  for (const n of outcome.notes) process.stderr.write(`rvn experiment merge: ${n}\n`);
  for (const c of outcome.conflicts) process.stderr.write(`rvn experiment merge: ${c}\n`);
  if (outcome.file === undefined) {
    process.stderr.write(`rvn experiment merge: ${outcome.conflicts.length} conflicting point(s); nothing written (choose a side with --prefer first|last)\n`);
    return 1;
  }
  await writeAndSummarize(outcome.file, opts.out);
  return outcome.file.experiments.every((p) => p.failures.length === 0) ? 0 : 1;
}
