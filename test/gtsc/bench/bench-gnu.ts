/**
 * The gcc side of the benchmark comparison (external: needs riscv64-unknown-elf-gcc and
 * picolibc): each benchmark program's C version built with `gcc -O2` and the same start-up code.
 * picolibc supplies what gcc's code may call (memset, memcpy for loops it recognises).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LINKER_SCRIPT } from '../harness-gnu';
import { BENCH_DIR } from './measure';


/** The gcc command line (without the output and input files), for the docs' table. */
export const GCC_FLAGS = [
  '-O2', '-march=rv64imac_zicsr_zifencei', '-mabi=lp64', '-mcmodel=medany', '-nostdlib', '-static',
  '-Wl,--no-warn-rwx-segments',
];
/** Debian's picolibc-riscv64-unknown-elf, built for the same -march/-mabi. */
export const PICOLIBC = '/usr/lib/picolibc/riscv64-unknown-elf/lib/release/rv64imac/lp64/libc.a';

/** Builds test/gtsc/bench/NAME.c with riscv64-unknown-elf-gcc -O2; returns the ELF bytes. */
export function buildBenchC(name: string): Uint8Array {
  const dir = mkdtempSync(join(tmpdir(), 'gtsc-bench-'));
  try {
    const ld = join(dir, 'link.ld');
    writeFileSync(ld, LINKER_SCRIPT);
    const elf = join(dir, `${name}.elf`);
    if (!existsSync(PICOLIBC)) throw new Error(`${PICOLIBC} is missing: install picolibc-riscv64-unknown-elf`);
    try {
      execFileSync('riscv64-unknown-elf-gcc', [
        ...GCC_FLAGS, `-Wl,-T,${ld}`, '-o', elf, join(BENCH_DIR, 'crt0.S'), join(BENCH_DIR, `${name}.c`), PICOLIBC, '-lgcc',
      ], { stdio: 'pipe' });
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      throw new Error(`gcc failed on ${name}.c: ${err.stderr?.toString() || err.message}`);
    }
    return new Uint8Array(readFileSync(elf));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
