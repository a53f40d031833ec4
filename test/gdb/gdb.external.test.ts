// Debian's gdb-multiarch driving `rvn run --gdb` in batch mode: what a user types, checked
// against what the program must do (hand-computed) — never against rvn's own output.
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { RVN, rvn, tempDir, writeTemp } from '../cli/rvn';
import { PROGRAM } from './helpers';

interface Done {
  status: number | null;
  stdout: string;
  stderr: string;
}

interface Debugged {
  gdb: Done;
  rvn: Done;
}

function collect(child: ReturnType<typeof spawn>): Promise<Done> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (b: Buffer) => (stdout += b.toString()));
  child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * Starts `rvn run IMAGE --gdb 0 --gdb-wait ARGS` (port 0: the kernel picks a free port, rvn
 * prints it), runs gdb-multiarch in batch mode with `commands` against it, and waits for both.
 */
async function debug(elf: string, commands: string[], rvnArgs: string[] = [], wait = true): Promise<Debugged> {
  const emu = spawn(process.execPath, [RVN, 'run', elf, '--gdb', '0', ...(wait ? ['--gdb-wait'] : []), ...rvnArgs], { stdio: ['ignore', 'pipe', 'pipe'] });
  const emuDone = collect(emu);
  const port = await new Promise<number>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`rvn did not print its gdb port: ${seen}`)), 60_000);
    emu.stderr.on('data', (b: Buffer) => {
      seen += b.toString();
      const m = /listening on 127\.0\.0\.1:(\d+)/.exec(seen);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    emu.on('close', () => reject(new Error(`rvn ended: ${seen}`)));
  });
  const args = ['-batch', '-nx', '-ex', 'set pagination off', '-ex', 'set confirm off', elf, '-ex', `target remote 127.0.0.1:${port}`];
  for (const c of commands) args.push('-ex', c);
  const gdb = spawn('gdb-multiarch', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const killer = setTimeout(() => { gdb.kill(); emu.kill(); }, 120_000);
  const gdbDone = await collect(gdb);
  if (emu.exitCode === null) {
    // gdb -batch detaches or kills at its end; give rvn a moment, then end it.
    const t = setTimeout(() => emu.kill(), 10_000);
    const r = await emuDone;
    clearTimeout(t);
    clearTimeout(killer);
    return { gdb: gdbDone, rvn: r };
  }
  clearTimeout(killer);
  return { gdb: gdbDone, rvn: await emuDone };
}

function build(dir: string, name: string, text: string, extra: string[] = []): string {
  const src = writeTemp(dir, name, text);
  const elf = `${dir}/${name}.elf`;
  const r = rvn(['build', src, '-o', elf, ...extra]);
  expect(r.stderr).toBe('');
  return elf;
}

describe('gdb-multiarch against rvn --gdb', () => {
  it('gdb-multiarch is installed (these tests need it)', () => {
    const r = spawnSync('gdb-multiarch', ['--version'], { encoding: 'utf8' });
    expect(r.error).toBeUndefined();
    expect(r.stdout).toMatch(/GNU gdb/);
  });

  it('attaches, breaks on a symbol, reads registers and memory; writing a0 changes the exit status', async () => {
    const dir = tempDir();
    const elf = build(dir, 'count.S', PROGRAM);
    const plain = rvn(['run', elf]);
    expect(plain.status).toBe(50);
    const r = await debug(elf, [
      'info registers pc',
      'break *bump',
      'continue',
      'continue',
      // Second call: a0 = 1, counter = 1 (stored after the first call returned 1).
      'info registers a0',
      'x/1gx &counter',
      'delete',
      // From a0 = 10, bump returns 11: calls 3..41 bring it to 50, 41 calls in all.
      'set var $a0 = 10',
      'continue',
    ]);
    expect(r.gdb.stdout).toMatch(/pc\s+0x1000\s/);
    expect(r.gdb.stdout).toMatch(/Breakpoint 1, 0x0*80000\w+ in bump \(\)/);
    expect(r.gdb.stdout).toMatch(/a0\s+0x1\s+1/);
    expect(r.gdb.stdout).toMatch(/0x80001000(?: <counter>)?:\s+0x0000000000000001\n/);
    expect(r.gdb.stdout).toMatch(/exited with code 051/); // gdb prints it in octal: 41
    expect(r.rvn.status).toBe(41);
  });

  it('steps into a function and shows the caller in the backtrace', async () => {
    const dir = tempDir();
    const elf = build(dir, 'count.S', PROGRAM);
    const r = await debug(elf, ['break *loop', 'continue', 'stepi', 'stepi', 'info registers pc', 'bt', 'kill']);
    expect(r.gdb.stdout).toMatch(/pc\s+0x\w+\s+0x\w+ <bump>\n/);
    expect(r.gdb.stdout).toMatch(/#0\s+0x\w+ in bump \(\)\n#1\s+0x\w+ in loop \(\)/);
    expect(r.rvn.status).toBe(137);
  });

  it('watches a memory word: stops when the program writes it, with the old and new value', async () => {
    const dir = tempDir();
    const elf = build(dir, 'count.S', PROGRAM);
    const r = await debug(elf, ['watch *(long *)&counter', 'continue', 'continue', 'kill']);
    expect(r.gdb.stdout).toMatch(/Hardware watchpoint 1: \*\(long \*\)&counter\s+Old value = 0\s+New value = 1/);
    expect(r.gdb.stdout).toMatch(/Old value = 1\s+New value = 2/);
  });

  it('shows one thread per hart and switches between them (2 harts)', async () => {
    const dir = tempDir();
    const elf = build(dir, 'count.S', PROGRAM);
    const r = await debug(elf, [
      'break *other', 'continue', 'info threads', 'info registers a0', 'thread 1', 'info registers a0', 'thread 2', 'monitor cycles', 'kill',
    ], ['--harts', '2']);
    expect(r.gdb.stdout).toMatch(/Thread 2 \(hart 1\)/);
    expect(r.gdb.stdout).toMatch(/Thread 1 \(hart 0\)/);
    // The boot ROM puts the hart id in a0: hart 1 stops at `other` with a0 = 1.
    expect(r.gdb.stdout).toMatch(/Thread 2 hit Breakpoint 1, 0x\w+ in other \(\)/);
    const a0s = [...r.gdb.stdout.matchAll(/^a0\s+0x(\w+)/gm)].map((m) => m[1]);
    expect(a0s[0]).toBe('1');
    expect(r.gdb.stdout).toMatch(/\[Switching to thread 1 \(Thread 1\)\]/);
    expect(r.gdb.stdout + r.gdb.stderr).toMatch(/hart 1: cycle \d+, instret \d+, M-mode/);
  });

  it('break FILE.ts:LINE on guest TypeScript stops at that line; step enters the function; bt and list work', async () => {
    const dir = tempDir();
    // Line numbers matter: square's body is line 4, the call in the loop line 11.
    const src = [
      "import { u64 } from 'rvn/guest';",
      '',
      'function square(x: u64): u64 {',
      '  const y = x * x;',
      '  return y;',
      '}',
      '',
      'export function main(): u64 {',
      '  let sum: u64 = 0;',
      '  for (let i: u64 = 0; i < 5; i++) {',
      '    sum = sum + square(i);',
      '  }',
      '  return sum - 30;',
      '}',
      '',
    ].join('\n');
    const elf = build(dir, 'squares.ts', src, ['-O0']);
    const r = await debug(elf, [
      'break squares.ts:11', 'continue', 'continue', 'step', 'bt', 'list 4,4', 'delete', 'break squares.ts:13', 'continue', 'continue',
    ]);
    expect(r.gdb.stdout).toMatch(/Breakpoint 1 at 0x\w+: file .*squares\.ts, line 11\./);
    expect(r.gdb.stdout).toMatch(/Breakpoint 1, main \(\) at .*squares\.ts:11\n11\t    sum = sum \+ square\(i\);/);
    expect(r.gdb.stdout).toMatch(/square \(\) at .*squares\.ts:4\n4\t  const y = x \* x;/);
    expect(r.gdb.stdout).toMatch(/#0 +square \(\) at .*squares\.ts:4\n#1 +0x\w+ in main \(\) at .*squares\.ts:11/);
    expect(r.gdb.stdout).toMatch(/Breakpoint 2, main \(\) at .*squares\.ts:13/);
    // 0+1+4+9+16 = 30: main returns 0, the exit status.
    expect(r.gdb.stdout).toMatch(/exited normally/);
    expect(r.rvn.status).toBe(0);
    // `next` over a call with 2 harts: gdb resumes one thread alone to step over its
    // breakpoint (vCont;c:1); the other hart must stay put (gdb 13 asserts otherwise).
    const r3 = await debug(elf, ['break squares.ts:11', 'continue', 'next', 'next', 'info threads', 'kill'], ['--harts', '2']);
    expect(r3.gdb.stderr).not.toMatch(/internal-error/);
    expect(r3.gdb.stdout).toMatch(/\n1[12]\t/);
    expect(r3.gdb.stdout).toMatch(/Thread 2 \(hart 1\)/);
    // Optimised code has line information too (the loop may be folded: one stop at most).
    const elf2 = build(dir, 'squares.ts', src, ['-O2']);
    const r2 = await debug(elf2, ['break squares.ts:11', 'continue', 'continue']);
    expect(r2.gdb.stdout).toMatch(/Breakpoint 1 at 0x\w+: file .*squares\.ts, line 11\./);
    expect(r2.gdb.stdout).toMatch(/exited normally/);
  });

  it('attaches to a machine already running (without --gdb-wait): it stops there', async () => {
    const dir = tempDir();
    const elf = build(dir, 'spin.S', '    .globl _start\n_start:\n    li a0, 7\nspin:\n    addi a1, a1, 1\n    j spin\n');
    const r = await debug(elf, ['info registers a0', 'info registers pc', 'kill'], [], false);
    expect(r.gdb.stdout).toMatch(/a0\s+0x7\s+7/);
    expect(r.gdb.stdout).toMatch(/pc\s+0x\w+\s+0x\w+ <spin(\+2)?>\n/);
    expect(r.rvn.status).toBe(137);
  });

  it('a debugger that only continues leaves cycles and instructions as they are without one', async () => {
    const dir = tempDir();
    const elf = build(dir, 'count.S', PROGRAM);
    const plain = rvn(['run', elf, '--stats', '--harts', '2']);
    const r = await debug(elf, ['continue'], ['--stats', '--harts', '2']);
    const stats = (s: string): string | undefined => /(\d+ instructions, \d+ cycles)/.exec(s)?.[1];
    expect(stats(plain.stderr)).toBeDefined();
    expect(stats(r.rvn.stderr)).toBe(stats(plain.stderr));
    expect(r.rvn.status).toBe(50);
  });
});
