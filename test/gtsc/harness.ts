/**
 * Test harness: compile guest TypeScript, assemble and link, run, capture the console.
 *
 * TODO(integrator): switch this harness to rvn's own assembler/linker (src/asm, src/link) and
 * emulator once they exist. Today it uses the GNU toolchain (riscv64-unknown-elf-gcc) and
 * qemu-system-riscv64 -M virt, so tests that use it are *.external.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileGuest, type GuestSource } from '../../src/gtsc/index';

const HERE = dirname(fileURLToPath(import.meta.url));
export const GTSC_DIR = join(HERE, '../../src/gtsc');
const RUNTIME = join(GTSC_DIR, 'runtime');

/** crt0's .text.init first, at the start of RAM on the virt board. */
const LINKER_SCRIPT = `ENTRY(_start)
SECTIONS {
  . = 0x80000000;
  .text : { *(.text.init) *(.text .text.*) }
  .rodata : { *(.rodata .rodata.* .srodata .srodata.*) }
  .data : { *(.data .data.* .sdata .sdata.*) }
  .bss : { *(.bss .bss.* .sbss .sbss.* COMMON) }
}
`;

export interface RunOptions {
  /** Extra assembly files linked in (name, text). */
  asm?: GuestSource[];
  /** Link the guest runtime (runtime/rt.ts and crt0.S); default true. */
  runtime?: boolean;
  timeoutMs?: number;
}

export interface RunResult {
  stdout: string;
  exitCode: number;
  /** Instructions retired by main (minstret under qemu -icount). */
  instret?: number;
}

export function runtimeSources(): GuestSource[] {
  return [{ name: 'src/gtsc/runtime/rt.ts', text: readFileSync(join(RUNTIME, 'rt.ts'), 'utf8') }];
}

/** Build an ELF from guest sources (plus extra .S/.c files); returns its path in `dir`. */
export function buildElf(dir: string, sources: GuestSource[], opts: RunOptions = {}, cFiles: string[] = []): string {
  const withRt = opts.runtime ?? true;
  const all = withRt ? [...runtimeSources(), ...sources] : sources;
  const { asm } = compileGuest(all);
  const objs: string[] = [];
  for (const a of [...asm, ...(opts.asm ?? [])]) {
    const p = join(dir, a.name.replace(/\//g, '_').replace(/\.s$/, '') + '.s');
    writeFileSync(p, a.text);
    objs.push(p);
  }
  const crt0 = join(RUNTIME, 'crt0.S');
  const elf = join(dir, 'prog.elf');
  const ld = join(dir, 'link.ld');
  writeFileSync(ld, LINKER_SCRIPT);
  execFileSync('riscv64-unknown-elf-gcc', [
    '-march=rv64imac_zicsr_zifencei', '-mabi=lp64', '-mcmodel=medany', '-nostdlib', '-static', '-O2',
    `-Wl,-T,${ld}`, '-o', elf, crt0, ...objs, ...cFiles,
  ], { stdio: 'pipe' });
  return elf;
}

export function runElf(elf: string, timeoutMs = 20000): RunResult {
  let out: string;
  let status = 0;
  try {
    out = execFileSync('qemu-system-riscv64', [
      '-M', 'virt', '-bios', 'none', '-nographic', '-icount', 'shift=0', '-kernel', elf,
    ], { encoding: 'utf8', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { status?: number; stdout?: string };
    if (err.stdout === undefined || err.status === undefined || err.status === null) throw e;
    out = err.stdout;
    status = err.status;
  }
  const m = /\n\u0001instret=(\d+)\n/.exec(out);
  const stdout = m ? out.slice(0, m.index) + out.slice(m.index + m[0].length) : out;
  return { stdout: stdout.replace(/\r\n/g, '\n'), exitCode: status, instret: m ? Number(m[1]) : undefined };
}

export async function runGuest(sources: { name: string; text: string }[], opts: RunOptions = {}): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), 'gtsc-'));
  try {
    return runElf(buildElf(dir, sources, opts), opts.timeoutMs);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Compile and run a C file with gcc -O2 on the same board (for instruction-count comparisons). */
export function runC(cText: string): RunResult {
  const dir = mkdtempSync(join(tmpdir(), 'gtsc-c-'));
  try {
    mkdirSync(dir, { recursive: true });
    const c = join(dir, 'prog.c');
    writeFileSync(c, cText);
    return runElf(buildElf(dir, [], { runtime: false }, [c]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Read a guest program (and its sibling modules) from test/gtsc/programs. */
export function program(...names: string[]): GuestSource[] {
  return names.map((n) => ({ name: `test/gtsc/programs/${n}`, text: readFileSync(join(HERE, 'programs', n), 'utf8') }));
}
