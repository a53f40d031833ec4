/**
 * The per-phase breakdown of a call, from the profiler (src/trace/profile.ts with `threads`):
 * the folded stacks of each kernel thread between the benchmark's measurement marks, each
 * stack's cycles given to exactly one phase, divided by the number of calls. So the phases of a
 * thread add up to its cycles over the calls, and the phases of all threads plus `idle` add up
 * to the harts' cycles.
 *
 * A stack (root "[thread NAME]" first) goes to the first rule that matches it, in this order:
 *
 * | key | rule |
 * |---|---|
 * | T.kernel | the kernel or the firmware ran (a frame of S/M-mode code: system calls, the kernel's interrupts, SBI calls) |
 * | T.trap | a trap's own entry cost (`[trap]`: system calls, user interrupts) |
 * | T.uintr-entry | the runtime's user-interrupt entry (`runtime_uintr_entry`) |
 * | the phases below | the stack contains the function (incl.) or ends in one of the functions (self) |
 * | T.other | the rest: the executor's loop, the coroutines' own code, the benchmark |
 *
 * T is `client` or `server`; the idle thread's cycles (the kernel's idle loop, wfi) are `idle`.
 * The phases named as in the seed's table (SEED_PHASES_FPGA) are the runtime's functions for
 * the seed's steps (src/os/runtime/channel.ts, executor.ts); the seed's two fetches (the
 * dispatcher's and the woken caller's) are one function here, both in client.fetch-task, with
 * the delayed wake-ups applied before a fetch (applyDelayed).
 */
import type { HartProfileReport } from '../../trace/profile';

interface PhaseRule {
  readonly key: string;
  /** The stack contains one of these functions (their inclusive cycles) ... */
  readonly incl?: readonly string[];
  /** ... or ends in one of these (their self cycles). */
  readonly self?: readonly string[];
}

/** The phases of an async call, in matching order (`client.` / `server.` prefix: whose thread). */
export const ASYNC_PHASES: readonly PhaseRule[] = [
  { key: 'client.fetch-task', incl: ['fetchTask', 'applyDelayed'] },
  { key: 'client.fill-send', incl: ['sendRequest'] },
  { key: 'client.get-reply', incl: ['getReply'] },
  { key: 'client.wake-task', incl: ['wakeTask'] },
  { key: 'client.task-get-reply', self: ['call.resume', 'worker.resume'] },
  { key: 'server.fetch-task', incl: ['fetchTask', 'applyDelayed'] },
  { key: 'server.get-request', incl: ['getRequest'] },
  { key: 'server.handle', incl: ['answer'] },
  { key: 'server.write-reply', incl: ['serve', 'writeReply'] },
];

export interface PhaseThreads {
  /** Thread names, as the kernel announces them. */
  readonly client: string;
  readonly server: string;
  readonly async: boolean;
  /** Names of the kernel's and the firmware's functions (none of a user program's). */
  readonly privileged: ReadonlySet<string>;
}

/** Cycles per stack path over both harts between two profiles of the same run. */
function windowStacks(start: readonly HartProfileReport[], end: readonly HartProfileReport[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of end) for (const [path, cycles] of r.stacks) out.set(path, (out.get(path) ?? 0) + cycles);
  for (const r of start) for (const [path, cycles] of r.stacks) out.set(path, (out.get(path) ?? 0) - cycles);
  return out;
}

function classify(frames: readonly string[], role: 'client' | 'server', who: PhaseThreads): string {
  const last = frames[frames.length - 1]!;
  const async = who.async;
  if (frames.some((f) => who.privileged.has(f))) return `${role}.kernel`;
  if (last === '[trap]') return `${role}.trap`;
  if (frames.includes('runtime_uintr_entry')) return `${role}.uintr-entry`;
  if (async) {
    for (const rule of ASYNC_PHASES) {
      if (!rule.key.startsWith(`${role}.`)) continue;
      if (rule.incl !== undefined && rule.incl.some((f) => frames.includes(f))) return rule.key;
      if (rule.self !== undefined && rule.self.includes(last)) return rule.key;
    }
  }
  return `${role}.other`;
}

/** Cycles per call by phase key, between the profiles `start` and `end` (phases with no cycles left out). */
export function phasesOf(start: readonly HartProfileReport[], end: readonly HartProfileReport[], who: PhaseThreads, calls: number): Record<string, number> {
  const sums = new Map<string, number>();
  for (const [path, cycles] of windowStacks(start, end)) {
    if (cycles === 0) continue;
    const frames = path.split(';');
    const root = frames[0]!;
    let key: string | undefined;
    if (root === `[thread ${who.client}]`) key = classify(frames.slice(1), 'client', who);
    else if (root === `[thread ${who.server}]`) key = classify(frames.slice(1), 'server', who);
    else if (root === '[thread idle]') key = 'idle';
    if (key !== undefined) sums.set(key, (sums.get(key) ?? 0) + cycles);
  }
  const out: Record<string, number> = {};
  for (const k of [...sums.keys()].sort()) out[k] = sums.get(k)! / calls;
  return out;
}
