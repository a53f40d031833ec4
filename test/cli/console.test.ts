// Console input through the CLI: --input and stdin reach an interrupt-driven guest through the
// UART and the PLIC; the same --input gives the same cycles; Ctrl-C and a closed stdout end a
// run the way the README says; a closed stdout ends the other commands quietly too.
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { parseInput } from '../../src/cli/console';
import { RVN, rvn, tempDir, writeTemp } from './rvn';

// Waits in WFI; each UART RX interrupt (PLIC source 10, hart 0 M-mode context) echoes the byte
// upper-cased; '.' ends the run with the number of bytes echoed as exit code.
const ECHO = `
    .globl _start
_start:
    la t0, trap
    csrw mtvec, t0
    li s0, 0x10000000        # UART
    li t1, 3
    sb t1, 3(s0)             # LCR = 8N1: the line starts
    li t1, 1
    sb t1, 1(s0)             # IER = RX data available
    li t0, 0x0c000028        # PLIC priority[10] = 1
    li t1, 1
    sw t1, 0(t0)
    li t0, 0x0c002000        # enable source 10 for context 0
    li t1, 0x400
    sw t1, 0(t0)
    li t0, 0x0c200000        # threshold 0
    sw zero, 0(t0)
    li s1, 0                 # bytes echoed
    li t0, 0x800
    csrs mie, t0
    csrsi mstatus, 8
1:  wfi
    j 1b
    .balign 4
trap:
    li t0, 0x0c200004
    lw t2, 0(t0)             # claim
2:  lbu t1, 5(s0)            # LSR
    andi t1, t1, 1
    beqz t1, 3f
    lbu t1, 0(s0)            # RBR
    li t3, 46                # '.'
    beq t1, t3, done
    addi t1, t1, -32
    sb t1, 0(s0)
    addi s1, s1, 1
    j 2b
3:  sw t2, 0(t0)             # complete
    mret
done:
    li t0, 0x100000
    slli s1, s1, 16
    li t1, 0x3333
    or t1, t1, s1
    sw t1, 0(t0)
4:  j 4b
`;

describe('console input', () => {
  it('--input escapes', () => {
    expect(Array.from(parseInput('a\\n\\r\\t\\e\\\\\\x7f'))).toEqual([0x61, 10, 13, 9, 27, 0x5c, 0x7f]);
    expect(() => parseInput('\\q')).toThrow(/unknown escape/);
  });

  it('--input reaches an interrupt-driven guest, and the same input gives the same cycles', () => {
    const src = writeTemp(tempDir(), 'echo.S', ECHO);
    const a = rvn(['run', src, '--input', 'abc.', '--stats']);
    expect(a.stdout).toBe('ABC');
    expect(a.status).toBe(3);
    const b = rvn(['run', src, '--input', 'abc.', '--stats']);
    const cycles = (s: string) => /(\d+) instructions, (\d+) cycles/.exec(s)!.slice(1);
    expect(cycles(b.stderr)).toEqual(cycles(a.stderr));
    // Three bytes and the '.', each a character time (8681 cycles at 100 MHz) after the previous one was read.
    expect(Number(cycles(a.stderr)[1])).toBeGreaterThan(4 * 8681);
  });

  it('stdin piped in reaches the guest the same way', () => {
    const src = writeTemp(tempDir(), 'echo.S', ECHO);
    const r = rvn(['run', src], 'hello.');
    expect(r.stdout).toBe('HELLO');
    expect(r.status).toBe(5);
  });

  it('a guest waiting for input after stdin ended is reported idle, in one line', () => {
    const src = writeTemp(tempDir(), 'echo.S', ECHO);
    const r = rvn(['run', src], 'ab');
    expect(r.stdout).toBe('AB');
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^rvn: every hart is waiting for an interrupt and none can arrive \(hart 0 pc=0x0*8000[0-9a-f]{4}\)\n$/);
  });

  it('Ctrl-C (SIGINT) ends a run with a one-line summary and status 130', async () => {
    // Says "go" on the UART, then spins.
    const src = writeTemp(tempDir(), 'spin.S', [
      '.globl _start', '_start:', '    li t0, 0x10000000', '    li t1, 103', '    sb t1, 0(t0)', '    li t1, 111', '    sb t1, 0(t0)',
      '    li t1, 10', '    sb t1, 0(t0)', 'spin:', '    addi a0, a0, 1', '    j spin', '',
    ].join('\n'));
    const child = spawn(process.execPath, [RVN, 'run', src], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.kill('SIGINT');
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(status).toBe(130);
    expect(stderr).toMatch(/^rvn: interrupted: hart 0 pc 0x0*800000[0-9a-f]{2} <spin(\+0x[0-9a-f]+)?>; \d+ instructions, \d+ cycles\n$/);
  });

  it('a reader that closes stdout early ends the run quietly (no stack trace)', async () => {
    const child = spawn(process.execPath, [RVN, 'run', 'examples/asm-hello/hello.S', '--harts', '4'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy(); // what `| head -1` does after its line
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    // The guest's own status when it had finished by then, 141 (128 + SIGPIPE) when the run was cut.
    expect([0, 141]).toContain(status);
  });

  it('the other commands stop quietly with status 141 when the reader closes stdout early', async () => {
    const dir = tempDir();
    // 30 000 instructions: far more disassembly than a pipe holds, so the writes go on after the close.
    const src = writeTemp(dir, 'long.S', ['.globl _start', '_start:', '.rept 30000', '    addi a0, a0, 1', '.endr', ''].join('\n'));
    const elf = `${dir}/long.elf`;
    expect(rvn(['build', src, '-o', elf]).status).toBe(0);
    const child = spawn(process.execPath, [RVN, 'disasm', elf], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    child.stdout.destroy();
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(141);
  });
});
