/**
 * Test harness: compile guest TypeScript with gtsc, assemble and link with rvn's own toolchain
 * (src/asm, src/link), run on rvn's Machine, capture the console, the exit code and the
 * instructions retired by main (the runtime stores them in `rt_main_instret`; read from RAM
 * through the ELF symbol after the run). Needs nothing outside npm.
 *
 * The GNU toolchain + QEMU path (for cross-checks and C comparisons) is in harness-gnu.ts.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findSymbol, readElf } from '../../src/elf/reader';
import { compileGuest, type CompileOptions, type GuestSource } from '../../src/gtsc/index';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import { idealProfile, type TimingProfile } from '../../src/timing/index';

const HERE = dirname(fileURLToPath(import.meta.url));
export const GTSC_DIR = join(HERE, '../../src/gtsc');
const RUNTIME = join(GTSC_DIR, 'runtime');

/** Generous: the largest program in the suite retires well under 1 M instructions. */
export const DEFAULT_MAX_INSNS = 200_000_000;

export interface RunOptions {
  /** Extra assembly files linked in (name, text). */
  asm?: GuestSource[];
  /** Link the guest runtime (runtime/rt.ts and crt0.S); default true. */
  runtime?: boolean;
  /** Start-up code linked with the runtime instead of runtime/crt0.S. */
  crt0?: GuestSource;
  /** Instruction limit on rvn (all harts together); reaching it fails the run. */
  maxInsns?: number;
  /** Number of harts (default 1). */
  harts?: number;
  /** RAM size (default 16 MiB: enough for every test program, and quick to allocate). */
  memBytes?: number;
  /** Timing profile (default ideal: one cycle per instruction). */
  timing?: TimingProfile;
  /** Compiler options (e.g. `{ optimize: false }` for -O0). */
  compile?: CompileOptions;
}

export interface RunResult {
  stdout: string;
  exitCode: number;
  /** Instructions retired by main (`rt_main_instret`), when the image has that symbol. */
  instret?: number;
  /** Cycles and instructions of the whole run (rvn only). */
  cycles?: number;
  totalInsns?: number;
}

export function runtimeSources(): GuestSource[] {
  return [{ name: 'src/gtsc/runtime/rt.ts', text: readFileSync(join(RUNTIME, 'rt.ts'), 'utf8') }];
}

export function crt0Source(): GuestSource {
  return { name: 'src/gtsc/runtime/crt0.S', text: readFileSync(join(RUNTIME, 'crt0.S'), 'utf8') };
}

/**
 * The assembly a guest build links: gtsc output for the sources (plus the runtime), crt0 (when
 * the runtime is linked) and the extra assembly files.
 */
export function guestAssembly(sources: GuestSource[], opts: RunOptions = {}): GuestSource[] {
  const withRt = opts.runtime ?? true;
  const { asm } = compileGuest(withRt ? [...runtimeSources(), ...sources] : sources, opts.compile);
  return [...(withRt ? [opts.crt0 ?? crt0Source()] : []), ...asm, ...(opts.asm ?? [])];
}

/** Compile, assemble and link guest sources with rvn's toolchain into ELF bytes. */
export function buildGuest(sources: GuestSource[], opts: RunOptions = {}): Uint8Array {
  return buildProgram(guestAssembly(sources, opts));
}

/** Reads a u64 variable of a finished run through its ELF symbol (undefined if absent). */
function readU64Symbol(machine: Machine, elf: Uint8Array, name: string): number | undefined {
  const sym = findSymbol(readElf(elf), name);
  if (!sym) return undefined;
  const b = machine.bus.readBytes(sym.value, 8);
  const view = new DataView(b.buffer, b.byteOffset, 8);
  return Number(view.getBigUint64(0, true));
}

/** Runs ELF bytes on rvn (ideal timing unless opts.timing); anything but an exit through the test device throws. */
export function runElfOnRvn(elf: Uint8Array, name: string, opts: RunOptions = {}): RunResult {
  const chunks: Uint8Array[] = [];
  const machine = new Machine(
    { harts: opts.harts ?? 1, memBytes: opts.memBytes ?? 16 * 2 ** 20, timing: opts.timing ?? idealProfile() },
    { console: (b) => chunks.push(b.slice()) },
  );
  machine.load(elf, name);
  const maxInsns = opts.maxInsns ?? DEFAULT_MAX_INSNS;
  const r = machine.run({ maxInsns });
  const stdout = Buffer.concat(chunks).toString('latin1');
  if (r.reason.kind !== 'exit') {
    const why = r.reason.kind === 'limit' ? `hit the ${r.reason.which} limit (${maxInsns} instructions)`
      : 'message' in r.reason ? `stopped: ${r.reason.kind}: ${r.reason.message}` : `stopped: ${r.reason.kind}`;
    throw new Error(`${name} did not exit on rvn: ${why}; output so far:\n${stdout}`);
  }
  return {
    stdout, exitCode: r.reason.code, instret: readU64Symbol(machine, elf, 'rt_main_instret'),
    cycles: r.cycles, totalInsns: r.instret,
  };
}

/** Compile, build and run guest sources on rvn. */
export function runGuest(sources: GuestSource[], opts: RunOptions = {}): RunResult {
  const name = sources[0]?.name ?? 'guest';
  return runElfOnRvn(buildGuest(sources, opts), name, opts);
}

/** Read a guest program (and its sibling modules) from test/gtsc/programs. */
export function program(...names: string[]): GuestSource[] {
  return names.map((n) => ({ name: `test/gtsc/programs/${n}`, text: readFileSync(join(HERE, 'programs', n), 'utf8') }));
}
