/**
 * Builds and runs benchmark workloads on a fresh board. No clock here: the host (the CLI)
 * times `PreparedRun.run()` itself, so that building and board construction are not measured.
 */
import { RvnError } from '../errors';
import { buildProgram } from '../link/build';
import { Machine } from '../machine/machine';
import type { RunResult } from '../machine/machine';
import type { TimingProfile } from '../timing/profile';
import type { FunctionCache } from '../timing/timing-code';
import { idealProfile, rocketProfile } from '../timing/profiles/index';
import type { AsmWorkload, Workload, WorkloadParams } from './workload';
import { isImageWorkload, workloadSource } from './workload';
import { WORKLOADS } from './workloads/index';

export type BenchTiming = 'ideal' | 'rocket';
export const BENCH_TIMINGS: readonly BenchTiming[] = ['ideal', 'rocket'];

export type BenchSize = 'full' | 'quick';

/** What one run of a workload produced (no host time: the caller measures that). */
export interface WorkloadOutcome {
  /**
   * True when the guest passed every self-check (test device 0x5555), and for an image
   * workload also its console check.
   */
  readonly passed: boolean;
  /**
   * The guest's exit code: 0 when it passed; an assembly workload's failing check; -1 when
   * the run did not end by exiting.
   */
  readonly exitCode: number;
  /** Why the run failed, in words (undefined when it passed). */
  readonly failure?: string;
  readonly instret: number;
  readonly cycles: number;
  readonly result: RunResult;
}

export interface PreparedRun {
  readonly machine: Machine;
  /** Runs to the end (or to `maxInsns`, a safety limit). */
  run(): WorkloadOutcome;
}

/** Finds workloads whose name contains `filter` (all when undefined). */
export function selectWorkloads(filter?: string): Workload[] {
  const list = WORKLOADS.filter((w) => filter === undefined || w.name.includes(filter));
  if (list.length === 0) throw new RvnError(`no workload matches '${filter}' (workloads: ${WORKLOADS.map((w) => w.name).join(', ')})`, 2);
  return list;
}

export function workloadParams(w: Workload, size: BenchSize): WorkloadParams {
  return size === 'quick' ? w.sizes.quick : w.sizes.full;
}

/**
 * The ELF image of assembly workload `w` at the given size. (An image workload's image is a
 * system image that the host reads or builds: src/cli/bench.ts.)
 */
export function buildWorkload(w: AsmWorkload, params: WorkloadParams): Uint8Array {
  return buildProgram([{ name: `${w.name}.S`, text: workloadSource(w, params) }]);
}

export function timingProfileFor(t: BenchTiming): TimingProfile {
  return t === 'ideal' ? idealProfile() : rocketProfile();
}

export interface PrepareOptions {
  /** RAM size (default: the board's 128 MiB). */
  readonly memBytes?: number;
  /** Instruction limit, a guard against a workload that never ends (default 2e9). */
  readonly maxInsns?: number;
  /** Fast mode's translation threshold (MachineOptions.translateAfter; tests lower it). */
  readonly translateAfter?: number;
  /** False: reference mode (MachineOptions.fast; `rvn bench --no-fast`). */
  readonly fast?: boolean;
  /** Generated code shared with other runs (MachineOptions.codeCache). */
  readonly codeCache?: FunctionCache;
  /**
   * The size's parameters (default: the full size). An image workload's boot arguments and
   * console check are made from them; an assembly workload's are already in its image.
   */
  readonly params?: WorkloadParams;
}

/**
 * A fresh board with `image` loaded, ready to run: for an assembly workload, the program
 * buildWorkload made; for an image workload, the system image `w.image`.
 */
export function prepareRun(w: Workload, image: Uint8Array, timing: BenchTiming, opts: PrepareOptions = {}): PreparedRun {
  const params = opts.params ?? w.sizes.full;
  const bootImage = isImageWorkload(w) ? w : undefined;
  // An image workload reports on its console; the assembly workloads print nothing.
  const consoleText: string[] = [];
  const decoder = new TextDecoder();
  const machine = new Machine({
    harts: w.harts, timing: timingProfileFor(timing), memBytes: opts.memBytes, translateAfter: opts.translateAfter, fast: opts.fast, codeCache: opts.codeCache,
    bootargs: bootImage?.bootargs(params), quantum: bootImage?.machine?.quantum, uintc: bootImage?.machine?.uintc,
  }, { console: bootImage === undefined ? () => undefined : (b) => { consoleText.push(decoder.decode(b, { stream: true })); } });
  machine.load(image, bootImage === undefined ? `${w.name}.S` : bootImage.image);
  const maxInsns = opts.maxInsns ?? 2e9;
  return {
    machine,
    run(): WorkloadOutcome {
      const result = machine.run({ maxInsns });
      const r = result.reason;
      const exitCode = r.kind === 'exit' ? r.code : -1;
      // An image workload's console says more than its exit code (ipc-bench exits with 1 when a
      // reply was wrong), so its check speaks first.
      const consoleFailure = r.kind === 'exit' && bootImage !== undefined ? bootImage.check(consoleText.join(''), params) : undefined;
      const failure = r.kind !== 'exit' ? `the run stopped without exiting (${r.kind})` : consoleFailure ?? (r.code !== 0 ? `the guest exited with code ${r.code}` : undefined);
      return { passed: failure === undefined, exitCode, failure, instret: result.instret, cycles: result.cycles, result };
    },
  };
}
