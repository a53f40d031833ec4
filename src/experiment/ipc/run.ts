/**
 * The IPC point runner: boots the ipc-bench image (src/os/systems/ipc-bench.ts) on two harts
 * with the point's boot arguments, runs it to its power-off, and makes the row:
 *
 * - cyclesPerCall: the client's own cycle counter over the calls (it prints it) / N;
 * - server/client user interrupts per call: hardware event 15 between the client's measurement
 *   marks (observe.ts), split by kernel thread; per hart the threads' counts must add up to the
 *   hart's counter, or the point fails;
 * - instructions: retired by both harts between the marks;
 * - clientPreemptionsPerCall: the client thread's time slices ended by the kernel's tick (observe.ts);
 * - phases: the profiler's cycles per call by thread and function between the marks (phases.ts).
 */
import { indexSymbols, type ElfImage } from '../../elf/reader';
import { Machine } from '../../machine/machine';
import { RvnError } from '../../errors';
import { Profiler } from '../../trace/profile';
import { Symbolizer } from '../../trace/symbols';
import type { PointContext } from '../contract';
import { IpcObserver } from './observe';
import { phasesOf } from './phases';
import { IPC_SWEEP, isAsync } from './schema';
import type { IpcPoint, IpcRow } from './schema';

export const IPC_IMAGE = 'ipc-bench';
const HARTS = 2;
/** A run that has not finished after this many cycles per call has gone wrong (a call costs a few thousand). */
const CYCLES_PER_CALL_LIMIT = 200_000;
const BOOT_CYCLES = 20_000_000;

/** The thread the series runs its client in (the system description's names). */
export function clientThread(p: IpcPoint): string {
  return p.series === 'async-smp' || p.series === 'sync-smp' ? 'client_smp' : 'client_up';
}

export const SERVER_THREAD = 'server';

export function bootArgs(p: IpcPoint, calls: number): string {
  return `series=${p.series} c=${p.concurrency} load=${p.load} n=${calls}`;
}

/** RAM (firmware, kernel) starts here; user programs run at virtual addresses below it. */
const RAM_BASE = 0x80000000;

/** The functions of the firmware and the kernel (and no user program's function has their name). */
export function privilegedFunctions(elf: ElfImage | undefined): Set<string> {
  const fns = elf === undefined ? [] : indexSymbols(elf).functions;
  const user = new Set(fns.filter((f) => f.start < RAM_BASE).map((f) => f.name));
  return new Set(fns.filter((f) => f.start >= RAM_BASE && !user.has(f.name)).map((f) => f.name));
}

export interface IpcReport {
  /** The client's cycles over the calls. */
  readonly cycles: number;
  /** Replies that were not the expected byte. */
  readonly errors: number;
  /** The calls made: the `n=` of the boot arguments the line repeats (undefined: not given). */
  readonly calls: number | undefined;
}

/**
 * The client's line: `ipc-bench: <boot arguments> cycles=C start=S end=E errors=K ...`
 * (src/os/programs/ipc-bench/bench.ts). Throws when there is none.
 */
export function parseIpcReport(out: string): IpcReport {
  const m = /ipc-bench: (.*) cycles=(\d+) start=\d+ end=\d+ errors=(\d+)/.exec(out);
  if (m === null) throw new RvnError(`ipc-bench printed no result line (output: ${JSON.stringify(out.slice(-300))})`);
  const n = /(?:^| )n=(\d+)(?: |$)/.exec(m[1]!);
  return { cycles: Number(m[2]), errors: Number(m[3]), calls: n === null ? undefined : Number(n[1]) };
}

export interface IpcRunOptions {
  /** Take the per-phase profile (default true). */
  readonly profile?: boolean;
  /** Calls to make (default: the sweep size's N). */
  readonly calls?: number;
}

export async function runIpcPoint(p: IpcPoint, ctx: PointContext, options: IpcRunOptions = {}): Promise<IpcRow[]> {
  const calls = options.calls ?? IPC_SWEEP.calls[ctx.size];
  const image = await ctx.image(IPC_IMAGE);
  const text: string[] = [];
  const decoder = new TextDecoder();
  // The reference mode (no translated blocks) gives the same cycles and runs this workload
  // several times faster: traps, CSR writes and two harts taking turns every few cycles leave
  // blocks little to do (docs/experiments.md, "Host time").
  const m = new Machine({ ...ctx.machineOptions(), harts: HARTS, bootargs: bootArgs(p, calls), fast: false }, { console: (b) => text.push(decoder.decode(b)) });
  const loaded = m.load(image, IPC_IMAGE);
  const profiler = options.profile !== false ? new Profiler(new Symbolizer([loaded]), { threads: true }) : undefined;
  const obs = new IpcObserver(m.harts, profiler);
  for (const h of m.harts) h.observer = obs;
  const r = m.run({ maxCycles: BOOT_CYCLES + calls * CYCLES_PER_CALL_LIMIT });
  for (const h of m.harts) h.observer = undefined;
  const out = text.join('');
  if (r.reason.kind !== 'exit') throw new RvnError(`ipc-bench did not finish (${r.reason.kind}${'message' in r.reason ? `: ${r.reason.message}` : ''})`);
  const rep = parseIpcReport(out);
  if (rep.errors !== 0 || r.reason.code !== 0) throw new RvnError(`ipc-bench: ${rep.errors} replies were wrong`);
  const { start, end } = obs;
  if (start === undefined || end === undefined) throw new RvnError('ipc-bench: the measurement marks were not seen');

  // user interrupts: per thread between the marks, checked against each hart's counter
  for (let h = 0; h < HARTS; h++) {
    const counter = end.harts[h]!.userInterrupts - start.harts[h]!.userInterrupts;
    const seen = obs.userInterruptsOnHart(h);
    if (counter !== seen) throw new RvnError(`hart ${h}: the user-interrupt counter says ${counter} between the marks, the threads took ${seen}`);
  }
  const server = isAsync(p.series) ? obs.userInterruptsOf(SERVER_THREAD) : 0;
  const client = isAsync(p.series) ? obs.userInterruptsOf(clientThread(p)) : 0;
  const instructions = end.harts.reduce((a, h, k) => a + h.instret - start.harts[k]!.instret, 0);
  return [{
    series: p.series,
    concurrency: p.concurrency,
    load: p.load,
    calls,
    cyclesPerCall: rep.cycles / calls,
    serverUintrPerCall: server / calls,
    clientUintrPerCall: client / calls,
    instructions,
    clientPreemptionsPerCall: obs.preemptionsOf(clientThread(p)) / calls,
    phases: start.profile !== undefined && end.profile !== undefined
      ? phasesOf(start.profile, end.profile, { client: clientThread(p), server: SERVER_THREAD, async: isAsync(p.series), privileged: privilegedFunctions(loaded.elf) }, calls)
      : {},
  }];
}
