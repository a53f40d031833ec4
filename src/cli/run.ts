/** `rvn run IMAGE [options]`: boot an image on the emulated board. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { RvnError } from '../errors';
import { MachineLimits, checkRamSize, ramSizeRange } from '../hw/limits';
import { DEFAULT_QUANTUM, MIN_FAST_QUANTUM, Machine } from '../machine/machine';
import type { RunLimits, RunResult, UintcMode } from '../machine/machine';
import type { TimingProfile } from '../timing/profile';
import { builtinProfile, parseUserProfile } from '../timing/profiles/index';
import { attachObservers } from '../trace/index';
import { addTraceOptions } from './trace-options';
import type { TraceOptions } from '../trace/index';
import { Symbolizer } from '../trace/symbols';
import { HostConsole, parseInput } from './console';
import { describeFatalTrap } from './fatal';
import { ConsoleSink, readUserFile, traceWriter, writeUserFile } from './host';
import { parseCount, parseIntIn, parseLoadSpec, parseSize } from './parse';
import { loadOrBuildImage } from './sources';
import { PortForwarder } from './hostfwd';
import { RealTimePacer, addNetOptions, networkStats, parseNetOptions } from './net';
import type { NetCliOptions } from './net';
import { GdbHost } from './gdb';

export interface RunOptions extends TraceOptions, NetCliOptions {
  harts: string;
  mem: string;
  load: string[];
  maxInsns?: string;
  maxCycles?: string;
  timing: string;
  /** Guest TypeScript optimisation level, '2' or '0'. */
  optLevel?: string;
  uintc: string;
  quantum: string;
  bootargs?: string;
  stats?: boolean;
  fast: boolean;
  input?: string;
  gdb?: string;
  gdbWait?: boolean;
}

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('boot IMAGE: an ELF, a raw binary loaded at 0x80000000, or .S/.ts sources built on the fly (several sources are linked together)')
    .argument('<image...>', 'the boot image, or the sources to build it from')
    .option('--harts <n>', `number of harts (${MachineLimits.harts.min}-${MachineLimits.harts.max})`, '1')
    .option('--mem <size>', `RAM size in bytes or with a K, M, G or T suffix (${ramSizeRange()})`, '128M')
    .option('--load <file[@addr]>', 'load another image: raw bytes at ADDR, or an ELF where it is linked (repeatable)', collect, [])
    .option('--max-insns <n>', 'stop after N instructions (exit status 124)')
    .option('--max-cycles <n>', 'stop at cycle N (exit status 124)')
    .option('--timing <profile>', "cycle model: 'rocket', 'ideal' or a JSON profile file", 'rocket')
    .addOption(new Option('--uintc <mode>', 'UINTC behaviour: the spec (rocket) or the reference QEMU fork (qemu)').choices(['rocket', 'qemu']).default('rocket'))
    .option('--quantum <cycles>', `scheduling only: most cycles a hart runs ahead of the others before another gets its turn (1-${MachineLimits.quantum.max}; results, cycles and traces do not depend on it; several harts below ${MIN_FAST_QUANTUM} run in reference mode, where translated blocks do not pay)`, String(DEFAULT_QUANTUM))
    .option('--bootargs <text>', 'kernel command line placed in the device tree')
    .option('--stats', 'print cycles, instructions and speed to stderr when the run ends')
    .option('--input <text|@file>', 'console input instead of stdin: TEXT (escapes \\n \\r \\t \\e \\xHH) or the bytes of FILE, typed on the emulated clock so the run is reproducible')
    .option('--no-fast', 'reference mode: execute one instruction at a time (same results, cycles and traces; slower)')
    .option('--gdb <port>', 'let gdb attach on 127.0.0.1:PORT (target remote :PORT; 0 = any free port, printed) (docs/gdb.md)')
    .option('--gdb-wait', 'with --gdb: stop before the first instruction until gdb attaches and continues')
    .addOption(guestOptLevel());
  addNetOptions(addTraceOptions(cmd)).action(async (image: string[], opts: RunOptions) => {
    process.exitCode = await runCommand(image, opts);
  });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** `-O0` / `-O2`: the guest TypeScript compiler's optimisations off or on (build and run). */
export function guestOptLevel(): Option {
  return new Option('-O, --opt-level <level>', 'guest TypeScript optimisation: 2 (all) or 0 (none, for debugging)').choices(['0', '2']).default('2');
}

/** Resolves --timing: a built-in profile name or a JSON file. */
export function timingProfile(spec: string): TimingProfile {
  if (spec === 'rocket' || spec === 'ideal') return builtinProfile(spec);
  if (!/\.json$/i.test(spec)) throw new RvnError(`--timing: '${spec}' is not 'rocket', 'ideal' or a .json profile file`, 2);
  const text = new TextDecoder().decode(readUserFile(spec, 'timing profile'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RvnError(`--timing: '${spec}' is not valid JSON: ${(e as Error).message}`, 2);
  }
  return parseUserProfile(json);
}

export async function runCommand(image: readonly string[], opts: RunOptions): Promise<number> {
  const harts = parseIntIn('--harts', opts.harts, MachineLimits.harts.min, MachineLimits.harts.max);
  const memBytes = checkRamSize(parseSize('--mem', opts.mem), '--mem');
  const limits = {
    maxInsns: opts.maxInsns !== undefined ? parseCount('--max-insns', opts.maxInsns) : undefined,
    maxCycles: opts.maxCycles !== undefined ? parseCount('--max-cycles', opts.maxCycles) : undefined,
  };
  if (opts.gdbWait && opts.gdb === undefined) throw new RvnError('--gdb-wait needs --gdb PORT', 2);
  const gdbPort = opts.gdb !== undefined ? parseIntIn('--gdb', opts.gdb, 0, 65535) : undefined;
  const quantum = parseIntIn('--quantum', opts.quantum, MachineLimits.quantum.min, MachineLimits.quantum.max);
  const loads = opts.load.map((spec) => (spec.includes('@') ? parseLoadSpec(spec) : { file: spec, addr: undefined }));
  // Output files are created now, so that a path that cannot be written fails before the run.
  for (const path of [opts.traceFile, opts.timeline, opts.profileJson, opts.profileFolded]) if (path !== undefined) writeUserFile(path, '');
  const sink = new ConsoleSink();
  const timing = timingProfile(opts.timing);
  const net = parseNetOptions(opts, timing.clockHz);
  const machine = new Machine(
    { harts, memBytes, timing, uintc: opts.uintc as UintcMode, quantum, bootargs: opts.bootargs, fast: opts.fast !== false, net: net.machine },
    { console: (b) => sink.write(b) },
  );
  // Guest TypeScript sources are compiled for the core they will run on.
  machine.load(await loadOrBuildImage(image, { optimize: opts.optLevel !== '0', target: timing }), image.join(' '));
  for (const l of loads) {
    const bytes = readUserFile(l.file, '--load file');
    machine.load(bytes, l.file, l.addr);
  }
  const observers = attachObservers(machine, machine.images, opts, traceWriter());
  const hasConsole = machine.role('console') !== undefined;
  const host = new HostConsole(hasConsole && opts.input === undefined);
  const network = machine.role('network');
  const forwarder = network !== undefined && net.forwards.length > 0 ? new PortForwarder(network.network.host) : undefined;
  const pacer = net.realtime ? new RealTimePacer(machine, forwarder) : undefined;
  let gdb: GdbHost | undefined;
  try {
    if (gdbPort !== undefined) {
      gdb = await GdbHost.listen(gdbPort, machine, opts.gdbWait === true);
      process.stderr.write(`rvn: gdb: listening on 127.0.0.1:${gdb.port}${opts.gdbWait ? ', stopped before the first instruction' : ''} (target remote :${gdb.port})\n`);
    }
    for (const line of (await forwarder?.listen(net.forwards)) ?? []) process.stderr.write(`rvn: hostfwd tcp ${line}\n`);
    if (opts.input !== undefined) machine.consoleInput(parseInput(opts.input));
    const started = performance.now();
    const result = await runAttended(machine, limits, host, sink, pacer, gdb);
    const seconds = (performance.now() - started) / 1000;
    pacer?.finish();
    network?.network.flush();
    sink.flush();
    observers.finish();
    if (opts.stats && result.reason.kind !== 'paused') {
      printStats(result, seconds, opts.timing);
      process.stderr.write(networkStats(machine));
    }
    if (host.stdoutClosed) return EXIT_STDOUT_CLOSED;
    if (gdb?.stub.state === 'killed') {
      process.stderr.write(`rvn: killed by the debugger: ${whereStopped(machine)}; ${result.instret} instructions, ${result.cycles} cycles\n`);
      return EXIT_KILLED;
    }
    if (host.interrupted) {
      process.stderr.write(`rvn: interrupted: ${whereStopped(machine)}; ${result.instret} instructions, ${result.cycles} cycles\n`);
      return EXIT_INTERRUPTED;
    }
    return exitStatus(result, limits, machine);
  } finally {
    host.close();
    gdb?.close();
    pacer?.finish();
    net.close();
  }
}

/** 128 + SIGINT, 128 + SIGPIPE: what a shell reports for a process ended by those signals. */
const EXIT_INTERRUPTED = 130;
const EXIT_STDOUT_CLOSED = 141;
/** 128 + SIGKILL: gdb's `kill` ended the run. */
const EXIT_KILLED = 137;

/** Emulated cycles between two looks at the host (input, Ctrl-C, a closed stdout). */
const STRETCH_CYCLES = 1 << 22;

/**
 * Runs the machine in stretches, attending to the host between them: console input goes to the
 * guest, Ctrl-C or a closed stdout end the run (the result is then 'paused'). A guest that waits
 * for input with nothing else to do waits for the host's next input instead of ending idle.
 * Paced (`pacer`: --realtime, --hostfwd), the stretches are real-time slices and a waiting
 * guest waits in real time (src/cli/net.ts). With a debugger (`gdb`, --gdb) the loop waits while
 * gdb holds the machine stopped, and gdb takes the stops it caused (src/cli/gdb.ts).
 */
async function runAttended(machine: Machine, limits: RunLimits, host: HostConsole, sink: ConsoleSink, pacer?: RealTimePacer, gdb?: GdbHost): Promise<RunResult> {
  for (;;) {
    if (gdb !== undefined) {
      sink.flush();
      if ((await gdb.attend()) === 'kill') return { reason: { kind: 'paused' }, cycles: machine.cycles, instret: machine.instret };
    }
    const r = machine.run({ ...limits, pauseAtCycle: pacer?.nextPause() ?? machine.cycles + STRETCH_CYCLES });
    if (gdb?.takes(r)) continue;
    const idle = r.reason.kind === 'idle';
    const paced = pacer !== undefined && idle && (pacer.waitsForHost || host.inputOpen);
    const waiting = idle && host.inputOpen && !paced;
    if (r.reason.kind !== 'paused' && !waiting && !paced) return r;
    sink.flush();
    await pacer?.between();
    if (waiting) await host.waitForInput();
    else await host.breathe();
    if (host.interrupted || host.stdoutClosed) return { ...r, reason: { kind: 'paused' } };
    machine.consoleInput(host.take());
  }
}

/** Every hart's pc, with the function it is in when the images have symbols. */
function whereStopped(machine: Machine): string {
  const symbols = new Symbolizer(machine.images);
  return machine.harts.map((h) => {
    const name = h.pc >= 0 ? symbols.label(BigInt(h.pc)) : undefined;
    return `hart ${h.hartId} pc 0x${h.pcHex()}${name !== undefined ? ` <${name}>` : ''}`;
  }).join(', ');
}

function printStats(r: RunResult, seconds: number, timing: string): void {
  const mips = seconds > 0 ? r.instret / seconds / 1e6 : 0;
  process.stderr.write(
    `rvn: ${r.instret} instructions, ${r.cycles} cycles (${timing}), ` +
      `${seconds.toFixed(3)} s host time, ${mips.toFixed(1)} MIPS\n`,
  );
}

/** Maps how the run ended to the process exit status, explaining non-guest endings on stderr. */
function exitStatus(r: RunResult, limits: { maxInsns?: number; maxCycles?: number }, machine: Machine): number {
  const reason = r.reason;
  switch (reason.kind) {
    case 'exit':
      // Exit statuses are 8 bits: keep a failing code from wrapping around to "success".
      return reason.code === 0 ? 0 : reason.code & 0xff || 1;
    case 'limit': {
      const what = reason.which === 'instructions' ? `--max-insns ${limits.maxInsns}` : `--max-cycles ${limits.maxCycles}`;
      process.stderr.write(`rvn: stopped by ${what} after ${r.instret} instructions, ${r.cycles} cycles\n`);
      return 124;
    }
    case 'reset':
      process.stderr.write('rvn: the guest requested a reset; the run ends here\n');
      return 0;
    case 'halt':
      if (reason.trap !== undefined && reason.hartId !== undefined) {
        const [head, ...regs] = describeFatalTrap(machine.harts[reason.hartId], reason.trap, machine.images);
        process.stderr.write(`rvn: ${head}\n${regs.join('\n')}\n`);
        return 1;
      }
      process.stderr.write(`rvn: ${reason.message}\n`);
      return 1;
    case 'idle':
      process.stderr.write(`rvn: ${reason.message}\n`);
      return 1;
    case 'paused':
    case 'debug':
      return 0;
  }
}
