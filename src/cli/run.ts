/** `rvn run IMAGE [options]`: boot an image on the emulated board. */
import type { Command } from 'commander';
import { Option } from 'commander';
import { RvnError } from '../errors';
import { MachineLimits } from '../hw/limits';
import { DEFAULT_QUANTUM, Machine } from '../machine/machine';
import type { RunResult, UintcMode } from '../machine/machine';
import type { TimingProfile } from '../timing/profile';
import { builtinProfile, parseUserProfile } from '../timing/profiles/index';
import { attachObservers } from '../trace/index';
import { addTraceOptions } from './trace-options';
import type { TraceOptions } from '../trace/index';
import { ConsoleSink, readUserFile, traceWriter } from './host';
import { parseCount, parseIntIn, parseLoadSpec, parseSize } from './parse';
import { loadOrBuildImage } from './sources';

export interface RunOptions extends TraceOptions {
  harts: string;
  mem: string;
  load: string[];
  maxInsns?: string;
  maxCycles?: string;
  timing: string;
  uintc: string;
  quantum: string;
  bootargs?: string;
  stats?: boolean;
  fast: boolean;
}

export function registerRun(program: Command): void {
  const cmd = program
    .command('run')
    .description('boot IMAGE: an ELF, a raw binary loaded at 0x80000000, or .S/.ts sources built on the fly (several sources are linked together)')
    .argument('<image...>', 'the boot image, or the sources to build it from')
    .option('--harts <n>', `number of harts (${MachineLimits.harts.min}-${MachineLimits.harts.max})`, '1')
    .option('--mem <size>', 'RAM size, e.g. 128M or 1G', '128M')
    .option('--load <file[@addr]>', 'load another image: raw bytes at ADDR, or an ELF where it is linked (repeatable)', collect, [])
    .option('--max-insns <n>', 'stop after N instructions (exit status 124)')
    .option('--max-cycles <n>', 'stop at cycle N (exit status 124)')
    .option('--timing <profile>', "cycle model: 'rocket', 'ideal' or a JSON profile file", 'rocket')
    .addOption(new Option('--uintc <mode>', 'UINTC behaviour: the spec (rocket) or the reference QEMU fork (qemu)').choices(['rocket', 'qemu']).default('rocket'))
    .option('--quantum <cycles>', `scheduling only: most cycles a hart runs ahead of the others before another gets its turn (1-${MachineLimits.quantum.max}; results, cycles and traces do not depend on it)`, String(DEFAULT_QUANTUM))
    .option('--bootargs <text>', 'kernel command line placed in the device tree')
    .option('--stats', 'print cycles, instructions and speed to stderr when the run ends')
    .option('--no-fast', 'reference mode: execute one instruction at a time (same results, cycles and traces; slower)');
  addTraceOptions(cmd).action(async (image: string[], opts: RunOptions) => {
    process.exitCode = await runCommand(image, opts);
  });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
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
  const memBytes = parseSize('--mem', opts.mem);
  const limits = {
    maxInsns: opts.maxInsns !== undefined ? parseCount('--max-insns', opts.maxInsns) : undefined,
    maxCycles: opts.maxCycles !== undefined ? parseCount('--max-cycles', opts.maxCycles) : undefined,
  };
  const quantum = parseIntIn('--quantum', opts.quantum, MachineLimits.quantum.min, MachineLimits.quantum.max);
  const loads = opts.load.map((spec) => (spec.includes('@') ? parseLoadSpec(spec) : { file: spec, addr: undefined }));
  const sink = new ConsoleSink();
  const machine = new Machine(
    { harts, memBytes, timing: timingProfile(opts.timing), uintc: opts.uintc as UintcMode, quantum, bootargs: opts.bootargs, fast: opts.fast !== false },
    { console: (b) => sink.write(b) },
  );
  machine.load(await loadOrBuildImage(image), image.join(' '));
  for (const l of loads) {
    const bytes = readUserFile(l.file, '--load file');
    machine.load(bytes, l.file, l.addr);
  }
  const observers = attachObservers(machine, machine.images, opts, traceWriter());
  const started = performance.now();
  const result = machine.run(limits);
  const seconds = (performance.now() - started) / 1000;
  sink.flush();
  observers.finish();
  if (opts.stats) printStats(result, seconds, opts.timing);
  return exitStatus(result, limits);
}

function printStats(r: RunResult, seconds: number, timing: string): void {
  const mips = seconds > 0 ? r.instret / seconds / 1e6 : 0;
  process.stderr.write(
    `rvn: ${r.instret} instructions, ${r.cycles} cycles (${timing}), ` +
      `${seconds.toFixed(3)} s host time, ${mips.toFixed(1)} MIPS\n`,
  );
}

/** Maps how the run ended to the process exit status, explaining non-guest endings on stderr. */
function exitStatus(r: RunResult, limits: { maxInsns?: number; maxCycles?: number }): number {
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
    case 'idle':
    case 'halt':
      process.stderr.write(`rvn: ${reason.message}\n`);
      return 1;
  }
}
