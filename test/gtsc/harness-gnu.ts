/**
 * The GNU toolchain + QEMU side of the harness, for external tests only: the same guest build
 * linked by GNU binutils and run on qemu-system-riscv64, to cross-check rvn. (C built with gcc
 * for the code-quality comparison: bench/bench-gnu.ts.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guestAssembly, type RunOptions, type RunResult } from './harness';
import type { GuestSource } from '../../src/gtsc/index';

/** crt0's .text.init first, at the start of RAM on the virt board. */
export const LINKER_SCRIPT = `ENTRY(_start)
SECTIONS {
  . = 0x80000000;
  .text : { *(.text.init) *(.text .text.*) }
  .rodata : { *(.rodata .rodata.* .srodata .srodata.*) }
  .data : { *(.data .data.* .sdata .sdata.*) }
  .bss : { *(.bss .bss.* .sbss .sbss.* COMMON) }
}
`;

function withTempDir<T>(f: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'gtsc-gnu-'));
  try {
    return f(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Links assembly (.s text) with riscv64-unknown-elf-gcc; returns the ELF path. */
function gccLink(dir: string, asm: GuestSource[]): string {
  const files = asm.map((a, k) => {
    // .S (preprocessed) only for files written as .S; gtsc output is plain .s
    const ext = a.name.endsWith('.S') ? '.S' : '.s';
    const p = join(dir, `${k}_${a.name.replace(/[/\\]/g, '_').replace(/\.[sS]$/, '')}${ext}`);
    writeFileSync(p, a.text);
    return p;
  });
  const ld = join(dir, 'link.ld');
  writeFileSync(ld, LINKER_SCRIPT);
  const elf = join(dir, 'prog.elf');
  execFileSync('riscv64-unknown-elf-gcc', [
    '-march=rv64imac_zicsr_zifencei', '-mabi=lp64', '-mcmodel=medany', '-nostdlib', '-static', '-O2',
    `-Wl,-T,${ld}`, '-o', elf, ...files,
  ], { stdio: 'pipe' });
  return elf;
}

/** Runs an ELF on qemu-system-riscv64 -M virt; the exit status is the test device's code. */
function runElfOnQemu(elf: string, timeoutMs: number): RunResult {
  let out: string;
  let status = 0;
  try {
    out = execFileSync('qemu-system-riscv64', [
      '-M', 'virt', '-bios', 'none', '-nographic', '-icount', 'shift=0', '-kernel', elf,
    ], { encoding: 'latin1', timeout: timeoutMs, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { status?: number | null; stdout?: string };
    if (err.stdout === undefined || err.status === undefined || err.status === null) throw e;
    out = err.stdout;
    status = err.status;
  }
  return { stdout: out.replace(/\r\n/g, '\n'), exitCode: status };
}

/** The same guest build as runGuest, but assembled/linked by GNU binutils and run on QEMU. */
export function runGuestOnQemu(sources: GuestSource[], opts: RunOptions & { timeoutMs?: number } = {}): RunResult {
  return withTempDir((dir) => runElfOnQemu(gccLink(dir, guestAssembly(sources, opts)), opts.timeoutMs ?? 20000));
}
