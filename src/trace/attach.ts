/**
 * attachObservers() turns the tracing options (--trace, --timeline, --profile, ...) into
 * observers on a machine's harts and, at finish(), writes the outputs. All output goes through
 * the host's write(path, text): undefined path = stderr; successive writes to one path append
 * (the first creates or truncates the file). The option definitions themselves are the CLI's
 * (src/cli/trace-options.ts).
 */
import { RvnError } from '../errors';
import type { Hart, HartObserver } from '../cpu/hart';
import type { ElfImage } from '../elf/reader';
import type { MsipWindow } from './timeline';
import { TextBuffer } from './buffer';
import { CommitLogger } from './commitlog';
import { combine } from './fanout';
import { Profiler } from './profile';
import { KernelProfiler, formatKernelTable } from './kernel';
import { formatFolded, formatProfileJson, formatProfileTable } from './profile-format';
import { Symbolizer } from './symbols';
import { Timeline } from './timeline';

/** The tracing options, as the CLI hands them over (text as typed). */
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

/** What the observers need of a machine (src/machine's Machine is one). */
export interface ObservedMachine {
  readonly harts: readonly Hart[];
  readonly timing: { readonly clockHz: number };
  /** Where IPIs are sent (the CLINT's msip words), for the timeline's ipi.send instants. */
  readonly msipWindow?: MsipWindow;
}

/** A loaded image: its ELF gives the symbols (raw binaries have none). */
export interface SymbolSource {
  readonly elf?: ElfImage;
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
  if (to <= from) throw new RvnError(`--trace-to ${opts.traceTo} must be greater than --trace-from ${opts.traceFrom ?? 0}`, 2);
  const [pcLo, pcHi] = opts.tracePc !== undefined ? parsePcRange(opts.tracePc) : [-Infinity, Infinity];
  const path = opts.traceFile;
  const buf = new TextBuffer((text) => host.write(path, text));
  return { obs: new CommitLogger(buf, { insns: kind === 'insns', from, to, pcLo, pcHi }, symbols), buf };
}

/**
 * Attaches the requested observers to every hart of `machine` (call after loading the images,
 * before running). Nothing requested: the harts keep running without an observer.
 */
export function attachObservers(machine: ObservedMachine, images: readonly SymbolSource[], opts: TraceOptions, host: TraceHost): AttachedObservers {
  const symbols = new Symbolizer(images);
  const list: HartObserver[] = [];
  const trace = traceObserver(opts, host, symbols);
  if (trace) list.push(trace.obs);
  const wantProfile = opts.profile === true || opts.profileJson !== undefined || opts.profileFolded !== undefined;
  const profiler = wantProfile ? new Profiler(symbols) : undefined;
  if (profiler) list.push(profiler);
  const kernel = wantProfile ? new KernelProfiler() : undefined;
  if (kernel) list.push(kernel);
  const timelinePath = opts.timeline;
  const timeline = timelinePath !== undefined
    ? new Timeline(new TextBuffer((text) => host.write(timelinePath, text)), machine.timing.clockHz, machine.msipWindow)
    : undefined;
  if (timeline) list.push(timeline);
  const observer = combine(list);
  for (const hart of machine.harts) {
    profiler?.attach(hart);
    kernel?.attach(hart);
    timeline?.attach(hart);
    hart.observer = observer;
  }
  return {
    finish(): void {
      trace?.buf.flush();
      timeline?.finish(machine.harts);
      if (profiler) {
        const reports = profiler.report(machine.harts);
        const kernelReports = kernel?.report(machine.harts) ?? [];
        if (opts.profile === true) host.write(undefined, formatProfileTable(reports) + formatKernelTable(kernelReports));
        if (opts.profileJson !== undefined) host.write(opts.profileJson, formatProfileJson(reports, machine.timing.clockHz, kernelReports));
        if (opts.profileFolded !== undefined) host.write(opts.profileFolded, formatFolded(reports));
      }
      for (const hart of machine.harts) hart.observer = undefined;
    },
  };
}
