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
import type { Workload, WorkloadParams } from './workload';
import { workloadSource } from './workload';
import { WORKLOADS } from './workloads/index';

export type BenchTiming = 'ideal' | 'rocket';
export const BENCH_TIMINGS: readonly BenchTiming[] = ['ideal', 'rocket'];

export type BenchSize = 'full' | 'quick';

/** What one run of a workload produced (no host time: the caller measures that). */
export interface WorkloadOutcome {
  /** True when the guest passed every self-check (test device 0x5555). */
  readonly passed: boolean;
  /** The failing check's number, 0 when passed; -1 when the run did not end by exiting. */
  readonly exitCode: number;
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

/** The ELF image of `w` at the given size. */
export function buildWorkload(w: Workload, params: WorkloadParams): Uint8Array {
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
}

/** A fresh board with `image` (built by buildWorkload) loaded, ready to run. */
export function prepareRun(w: Workload, image: Uint8Array, timing: BenchTiming, opts: PrepareOptions = {}): PreparedRun {
  const machine = new Machine({ harts: w.harts, timing: timingProfileFor(timing), memBytes: opts.memBytes, translateAfter: opts.translateAfter, fast: opts.fast, codeCache: opts.codeCache }, { console: () => undefined });
  machine.load(image, `${w.name}.S`);
  const maxInsns = opts.maxInsns ?? 2e9;
  return {
    machine,
    run(): WorkloadOutcome {
      const result = machine.run({ maxInsns });
      const r = result.reason;
      const exitCode = r.kind === 'exit' ? r.code : -1;
      return { passed: r.kind === 'exit' && r.code === 0, exitCode, instret: result.instret, cycles: result.cycles, result };
    },
  };
}
