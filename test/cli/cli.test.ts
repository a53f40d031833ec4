// The CLI as users meet it: exit statuses, one-line errors for bad input, no stack traces.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { rvn, tempDir, writeTemp } from './rvn';

const noStackTrace = (s: string): void => {
  expect(s).not.toMatch(/\n\s+at /);
  expect(s).not.toMatch(/TypeError|RangeError|ReferenceError/);
};

/** A one-line error on stderr and nothing else. */
const oneLine = (s: string): void => {
  expect(s.trimEnd().split('\n')).toHaveLength(1);
  noStackTrace(s);
};

// Programs exit through the sifive_test device: 0x5555 = pass, (code << 16) | 0x3333 = fail.
const exitWith = (code: number): string => `
    .globl _start
_start:
    li t0, 0x100000
    li t1, ${code === 0 ? '0x5555' : `(${code} << 16) | 0x3333`}
    sw t1, 0(t0)
1:  j 1b
`;

describe('rvn command line', () => {
  it('prints help for the program and every command', () => {
    const top = rvn(['--help']);
    expect(top.status).toBe(0);
    for (const cmd of ['run', 'build', 'disasm', 'demo']) expect(top.stdout).toContain(cmd);
    for (const cmd of ['run', 'build', 'disasm', 'demo']) {
      const r = rvn([cmd, '--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`Usage: rvn ${cmd}`));
    }
  });

  it('rejects an unknown option with status 2 and one line', () => {
    const r = rvn(['run', 'x.elf', '--frobnicate']);
    expect(r.status).toBe(2);
    oneLine(r.stderr);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it('rejects an unknown command and bad option values with status 2', () => {
    expect(rvn(['launch']).status).toBe(2);
    const bad = rvn(['run', 'x.elf', '--harts', 'many']);
    expect(bad.status).toBe(2);
    oneLine(bad.stderr);
    expect(bad.stderr).toContain('--harts');
    const mem = rvn(['run', 'x.elf', '--mem', 'lots']);
    expect(mem.status).toBe(2);
    expect(mem.stderr).toContain("--mem: 'lots' is not a size");
  });

  it('reports a missing image in one line', () => {
    const r = rvn(['run', '/nonexistent/image.elf']);
    expect(r.status).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toContain("cannot read image '/nonexistent/image.elf': no such file");
  });

  it('passes the guest exit code through (test device)', () => {
    const dir = tempDir();
    const pass = writeTemp(dir, 'pass.elf', buildProgram([{ name: 'p.S', text: exitWith(0) }]));
    const fail = writeTemp(dir, 'fail.elf', buildProgram([{ name: 'f.S', text: exitWith(7) }]));
    expect(rvn(['run', pass]).status).toBe(0);
    expect(rvn(['run', fail]).status).toBe(7);
  });

  it('passes the guest exit code through (HTIF tohost)', () => {
    const dir = tempDir();
    // riscv-tests convention: tohost = (n << 1) | 1 fails test n; 1 passes.
    const src = (value: number): string => `
    .globl _start
_start:
    la t0, tohost
    li t1, ${value}
    sd t1, 0(t0)
1:  j 1b
    .data
    .balign 64
    .globl tohost
tohost: .dword 0
    .balign 64
    .globl fromhost
fromhost: .dword 0
`;
    expect(rvn(['run', writeTemp(dir, 'ok.elf', buildProgram([{ name: 'ok.S', text: src(1) }]))]).status).toBe(0);
    expect(rvn(['run', writeTemp(dir, 'n5.elf', buildProgram([{ name: 'n5.S', text: src((5 << 1) | 1) }]))]).status).toBe(5);
  });

  it('stops at --max-insns with status 124', () => {
    const dir = tempDir();
    const loop = writeTemp(dir, 'loop.elf', buildProgram([{ name: 'l.S', text: '.globl _start\n_start: j _start\n' }]));
    const r = rvn(['run', loop, '--max-insns', '1000']);
    expect(r.status).toBe(124);
    oneLine(r.stderr);
    expect(r.stderr).toContain('--max-insns 1000');
    expect(rvn(['run', loop, '--max-cycles', '5000']).status).toBe(124);
  });

  it('rejects malformed ELF files in one line', () => {
    const dir = tempDir();
    const good = buildProgram([{ name: 'p.S', text: exitWith(0) }]);
    const truncated = writeTemp(dir, 'trunc.elf', good.slice(0, 40));
    const r1 = rvn(['run', truncated]);
    expect(r1.status).toBe(1);
    oneLine(r1.stderr);
    expect(r1.stderr).toMatch(/ELF/);

    const garbage = new Uint8Array(256);
    garbage.set([0x7f, 0x45, 0x4c, 0x46]);
    for (let i = 4; i < garbage.length; i++) garbage[i] = (i * 37 + 11) & 0xff;
    const r2 = rvn(['run', writeTemp(dir, 'garbage.elf', garbage)]);
    expect(r2.status).toBe(1);
    oneLine(r2.stderr);

    const x86 = good.slice();
    x86[18] = 62; // e_machine = EM_X86_64
    x86[19] = 0;
    const r3 = rvn(['run', writeTemp(dir, 'x86.elf', x86)]);
    expect(r3.status).toBe(1);
    oneLine(r3.stderr);
    expect(r3.stderr).toMatch(/machine|RISC-V/i);
  });

  it('ends a guest that traps forever (garbage raw binary, mtvec = 0) with a line naming the cause, pc and tval', () => {
    const dir = tempDir();
    // 0xffffffff words are illegal instructions; mtvec resets to 0, where nothing is mapped.
    const r = rvn(['run', writeTemp(dir, 'garbage.bin', new Uint8Array(64).fill(0xff))]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('exception 2 (illegal instruction) at pc 0x0000000080000000, tval 0x00000000ffffffff');
    expect(r.stderr).toContain('handler at 0x0000000000000000 cannot be fetched (instruction access fault)');
  });

  it('rejects an image outside RAM in one line', () => {
    const dir = tempDir();
    const low = writeTemp(dir, 'low.elf', buildProgram([{ name: 'p.S', text: exitWith(0) }], { text: 0x40000000 }));
    const r = rvn(['run', low]);
    expect(r.status).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toContain('outside RAM');
    const big = writeTemp(dir, 'raw.bin', new Uint8Array(4096));
    const r2 = rvn(['run', big, '--load', `${big}@0x90000000`]);
    expect(r2.status).toBe(1);
    expect(r2.stderr).toContain('outside RAM');
  });

  it('builds, disassembles and runs sources', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'p.S', exitWith(3));
    const out = `${dir}/p.elf`;
    expect(rvn(['build', src, '-o', out]).status).toBe(0);
    const d = rvn(['disasm', out]);
    expect(d.status).toBe(0);
    expect(d.stdout).toMatch(/<_start>:/);
    expect(d.stdout).toMatch(/\tsw\tt1,0\(t0\)/);
    expect(rvn(['run', src]).status).toBe(3);
    const bad = writeTemp(dir, 'bad.S', '_start: frob a0, a1\n');
    const r = rvn(['build', bad, '-o', out]);
    expect(r.status).toBe(1);
    oneLine(r.stderr);
    expect(r.stderr).toContain('bad.S:1');
  });

  it('writes a Spike-format commit trace, a timeline and a profile', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'p.S', exitWith(0));
    const trace = `${dir}/trace.log`;
    const timeline = `${dir}/timeline.json`;
    const r = rvn(['run', src, '--trace', 'commits', '--trace-file', trace, '--timeline', timeline, '--profile']);
    expect(r.status).toBe(0);
    const lines = readFileSync(trace, 'utf8').trimEnd().split('\n');
    // The boot ROM's first instruction, auipc t0, 0 at 0x1000 in M-mode, writes 0x1000 to x5.
    expect(lines[0]).toBe('core   0: 3 0x0000000000001000 (0x00000297) x5  0x0000000000001000');
    // The program's li t0, 0x100000 is lui t0, 0x100 (0x001002b7) at the entry.
    expect(lines).toContain('core   0: 3 0x0000000080000000 (0x001002b7) x5  0x0000000000100000');
    const events = JSON.parse(readFileSync(timeline, 'utf8')).traceEvents as unknown[];
    expect(Array.isArray(events)).toBe(true);
    expect(r.stderr).toMatch(/hart 0: \d+ cycles, \d+ instructions/);
    expect(r.stderr).toMatch(/_start/);
    const bad = rvn(['run', src, '--trace', 'everything']);
    expect(bad.status).toBe(2);
    oneLine(bad.stderr);
  });

  it('--no-fast (reference mode) gives the same instructions, cycles and output', () => {
    const dir = tempDir();
    const src = writeTemp(dir, 'loop.S', `
    .globl _start
_start:
    li t0, 5000
1:  addi t1, t1, 3
    mul t2, t1, t0
    addi t0, t0, -1
    bnez t0, 1b
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
`);
    const counts = (extra: string[]): string => {
      const r = rvn(['run', src, '--stats', ...extra]);
      expect(r.status).toBe(0);
      return /(\d+) instructions, (\d+) cycles/.exec(r.stderr)![0];
    };
    for (const timing of ['ideal', 'rocket']) {
      const fast = counts(['--timing', timing]);
      expect(counts(['--timing', timing, '--no-fast'])).toBe(fast);
      // 6 boot ROM instructions, li 5000 (lui + addiw), 5000 iterations of 4, then lui,
      // lui + addiw and the sw that powers off: 6 + 2 + 20000 + 4.
      expect(fast.startsWith('20012 instructions')).toBe(true);
    }
  });

  it('runs the demo', () => {
    const r = rvn(['demo', '--harts', '2']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Hello from rvn, hart 0');
    expect(r.stdout).toContain('Hello from rvn, hart 1');
    expect(r.stdout).toMatch(/2 harts said hello; hart 0 counted \d+ instructions and \d+ cycles/);
  });
});
