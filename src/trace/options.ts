/**
 * The CLI glue: option definitions (plain data) for `rvn run`, and attachObservers(), which
 * turns parsed options into observers on a machine's harts and, at finish(), writes the
 * outputs. All output goes through the host's write(path, text): undefined path = stderr;
 * successive writes to one path append (the first creates or truncates the file).
 */
import type { Command } from 'commander';
import { RvnError } from '../errors';
import type { HartObserver } from '../cpu/hart';
import type { LoadedImage } from '../machine/loader';
import type { Machine } from '../machine/machine';
import { TextBuffer } from './buffer';
import { CommitLogger } from './commitlog';
import { combine } from './fanout';
import { Profiler } from './profile';
import { formatFolded, formatProfileJson, formatProfileTable } from './profile-format';
import { Symbolizer } from './symbols';
import { Timeline } from './timeline';

export interface TraceOptionDef {
  readonly flags: string;
  readonly description: string;
}

export const TRACE_OPTIONS: readonly TraceOptionDef[] = [
  { flags: '--trace <kind>', description: "log retired instructions: 'commits' (spike --log-commits format) or 'insns' (plus disassembly and traps)" },
  { flags: '--trace-file <file>', description: 'write the trace to FILE (default: stderr)' },
  { flags: '--trace-from <n>', description: "trace from each hart's Nth retired instruction (0-based)" },
  { flags: '--trace-to <n>', description: "trace up to (not including) each hart's Nth retired instruction" },
  { flags: '--trace-pc <lo:hi>', description: 'trace only instructions with LO <= pc < HI' },
  { flags: '--timeline <file>', description: 'write a Chrome/Perfetto trace-event JSON timeline of traps, modes, sleeps and IPIs' },
  { flags: '--profile', description: 'print cycles per hart and function (self, inclusive, instructions, calls) to stderr' },
  { flags: '--profile-json <file>', description: 'write the profile as JSON' },
  { flags: '--profile-folded <file>', description: 'write folded stacks ("f1;f2;f3 cycles") for flamegraph.pl or speedscope' },
];

/** What commander hands over for the options above. */
export interface TraceOptions {
  trace?: string;
  traceFile?: string;
  traceFrom?: string;
  traceTo?: string;
  tracePc?: string;
  timeline?: string;
  profile?: boolean;
  profileJson?: string;
  profileFolded?: string;
}

export interface TraceHost {
  /** Appends text to the file at path, or to stderr when path is undefined. */
  write(path: string | undefined, text: string): void;
}

export interface AttachedObservers {
  /** Ends the outputs (flushes the trace, closes the timeline, writes the profile). */
  finish(): void;
}

export function addTraceOptions(cmd: Command): Command {
  for (const o of TRACE_OPTIONS) cmd.option(o.flags, o.description);
  return cmd;
}

function parseNumber(option: string, text: string): number {
  const t = text.trim();
  const ok = /^(0x[0-9a-f]+|[0-9]+)$/i.test(t);
  const v = ok ? Number(t) : NaN;
  if (!Number.isSafeInteger(v)) throw new RvnError(`${option}: '${text}' is not a non-negative integer (decimal or 0x hex)`, 2);
  return v;
}

function parsePcRange(text: string): [number, number] {
  const parts = text.split(':');
  if (parts.length !== 2) throw new RvnError(`--trace-pc: '${text}' is not LO:HI`, 2);
  const lo = parseNumber('--trace-pc', parts[0]);
  const hi = parseNumber('--trace-pc', parts[1]);
  if (hi <= lo) throw new RvnError(`--trace-pc: HI must be greater than LO in '${text}'`, 2);
  return [lo, hi];
}

function traceObserver(opts: TraceOptions, host: TraceHost, symbols: Symbolizer): { obs: HartObserver; buf: TextBuffer } | undefined {
  const kind = opts.trace;
  const rangeGiven = opts.traceFrom ?? opts.traceTo ?? opts.tracePc ?? opts.traceFile;
  if (kind === undefined) {
    if (rangeGiven !== undefined) throw new RvnError('--trace-file, --trace-from, --trace-to and --trace-pc need --trace', 2);
    return undefined;
  }
  if (kind !== 'commits' && kind !== 'insns') throw new RvnError(`--trace: '${kind}' is not 'commits' or 'insns'`, 2);
  const from = opts.traceFrom !== undefined ? parseNumber('--trace-from', opts.traceFrom) : 0;
  const to = opts.traceTo !== undefined ? parseNumber('--trace-to', opts.traceTo) : Infinity;
  const [pcLo, pcHi] = opts.tracePc !== undefined ? parsePcRange(opts.tracePc) : [-Infinity, Infinity];
  const path = opts.traceFile;
  const buf = new TextBuffer((text) => host.write(path, text));
  return { obs: new CommitLogger(buf, { insns: kind === 'insns', from, to, pcLo, pcHi }, symbols), buf };
}

/**
 * Attaches the requested observers to every hart of `machine` (call after loading the images,
 * before running). Nothing requested: the harts keep running without an observer.
 */
export function attachObservers(machine: Machine, images: readonly LoadedImage[], opts: TraceOptions, host: TraceHost): AttachedObservers {
  const symbols = new Symbolizer(images);
  const list: HartObserver[] = [];
  const trace = traceObserver(opts, host, symbols);
  if (trace) list.push(trace.obs);
  const wantProfile = opts.profile === true || opts.profileJson !== undefined || opts.profileFolded !== undefined;
  const profiler = wantProfile ? new Profiler(symbols) : undefined;
  if (profiler) list.push(profiler);
  const timelinePath = opts.timeline;
  const timeline = timelinePath !== undefined
    ? new Timeline(new TextBuffer((text) => host.write(timelinePath, text)), machine.timing.clockHz)
    : undefined;
  if (timeline) list.push(timeline);
  const observer = combine(list);
  for (const hart of machine.harts) {
    profiler?.attach(hart);
    timeline?.attach(hart);
    hart.observer = observer;
  }
  return {
    finish(): void {
      trace?.buf.flush();
      timeline?.finish(machine.harts);
      if (profiler) {
        const reports = profiler.report(machine.harts);
        if (opts.profile === true) host.write(undefined, formatProfileTable(reports));
        if (opts.profileJson !== undefined) host.write(opts.profileJson, formatProfileJson(reports, machine.timing.clockHz));
        if (opts.profileFolded !== undefined) host.write(opts.profileFolded, formatFolded(reports));
      }
      for (const hart of machine.harts) hart.observer = undefined;
    },
  };
}
