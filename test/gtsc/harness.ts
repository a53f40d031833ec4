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
import { buildGuest as buildImage, type GuestBuildOptions } from '../../src/build/guest';
import { crt0Source as runtimeCrt0 } from '../../src/build/runtime';
import { findSymbol, readElf } from '../../src/elf/reader';
import type { GuestSource } from '../../src/gtsc/index';
import { Machine } from '../../src/machine/machine';
import { idealProfile, type TimingProfile } from '../../src/timing/index';

const HERE = dirname(fileURLToPath(import.meta.url));
export const GTSC_DIR = join(HERE, '../../src/gtsc');

/** Generous: the largest program in the suite retires well under 1 M instructions. */
export const DEFAULT_MAX_INSNS = 200_000_000;

export interface RunOptions {
  /** Extra assembly files linked in (name, text). */
  asm?: GuestSource[];
  /** Start-up code instead of the runtime's crt0.S. */
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
  compile?: GuestBuildOptions['compile'];
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

export function crt0Source(): GuestSource {
  return runtimeCrt0;
}

/** The guest build (src/build/guest.ts) of the sources, the start-up code and the extra assembly. */
function build(sources: GuestSource[], opts: RunOptions) {
  return buildImage([...(opts.crt0 ? [opts.crt0] : []), ...sources, ...(opts.asm ?? [])], { compile: opts.compile });
}

/** The assembly a guest build links, start-up code first (for the GNU toolchain's cross-checks). */
export function guestAssembly(sources: GuestSource[], opts: RunOptions = {}): GuestSource[] {
  return build(sources, opts).linked;
}

/** Compile, assemble and link guest sources with rvn's toolchain into ELF bytes. */
export function buildGuest(sources: GuestSource[], opts: RunOptions = {}): Uint8Array {
  return build(sources, opts).elf;
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
