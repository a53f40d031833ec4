// What a new user hit (issue 11, point 7), each fixed and held here.
import { describe, expect, it } from 'vitest';
import { rvn, tempDir, writeTemp } from './rvn';

const plain = (s: string) => s.replace(/\x1b\[[0-9;]*m/g, '');

// Prints "started" and spins for a while, then exits 0.
const STARTS = `
    .globl _start
_start:
    li t0, 0x10000000
    li t1, 115
    sb t1, 0(t0)
    li t2, 3000000
1:  addi t2, t2, -1
    bnez t2, 1b
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
2:  j 2b
`;

describe('defects a new user hit', () => {
  it('--trace-file, --timeline, --profile-json and --profile-folded paths are checked before the run', () => {
    const src = writeTemp(tempDir(), 'starts.S', STARTS);
    for (const opt of [['--trace', 'commits', '--trace-file'], ['--timeline'], ['--profile-json'], ['--profile-folded']]) {
      const r = rvn(['run', src, ...opt, '/nonexistent-dir/out.json']);
      expect(r.status, opt.join(' ')).toBe(1);
      expect(r.stdout, opt.join(' ')).toBe(''); // the guest never ran
      expect(plain(r.stderr)).toBe("rvn: cannot write '/nonexistent-dir/out.json': no such file\n");
    }
  });

  it('--trace-to not after --trace-from is refused', () => {
    const r = rvn(['run', 'examples/asm-hello/hello.S', '--trace', 'commits', '--trace-from', '10', '--trace-to', '5']);
    expect(r.status).toBe(2);
    expect(plain(r.stderr)).toBe('rvn: --trace-to 5 must be greater than --trace-from 10\n');
  });

  it('an image below RAM is not told to use --mem', () => {
    const dir = tempDir();
    const bin = writeTemp(dir, 'low.bin', new Uint8Array(64));
    const r = rvn(['run', 'examples/asm-hello/hello.S', '--load', `${bin}@0x40000000`]);
    expect(r.status).toBe(1);
    expect(plain(r.stderr)).toBe(`rvn: ${bin} at 0x40000000..0x40000040 lies outside RAM (0x80000000..0x88000000); link or load it at 0x80000000 or above\n`);
    // Above the end of RAM a larger RAM does help.
    const high = rvn(['run', 'examples/asm-hello/hello.S', '--load', `${bin}@0x88000000`]);
    expect(plain(high.stderr)).toMatch(/use --mem to enlarge RAM/);
  });

  it('uintr-pingpong with one hart says it needs two and stops', () => {
    const r = rvn(['run', 'examples/uintr-pingpong/pingpong.S', '--harts', '1']);
    expect(r.stdout).toBe('uintr-pingpong: needs 2 harts (run it with --harts 2)\n');
    expect(r.status).toBe(2);
  });

  it('rvn demo refuses more harts than its start-up code has stacks', () => {
    const r = rvn(['demo', '--harts', '9']);
    expect(r.status).toBe(2);
    expect(plain(r.stderr)).toBe("rvn: --harts: '9' must be a whole number from 1 to 8\n");
  });

  it('a fatal trap names cause, pc with its symbol, tval, and shows the registers', () => {
    const src = writeTemp(tempDir(), 'crash.S', [
      '    .globl _start', '_start:', '    li sp, 0x80100000', '    call work', '1:  j 1b',
      '    .globl work', '    .type work, @function', 'work:', '    li t0, 0x40000008', '    ld a0, 0(t0)', '    ret', '    .size work, .-work', '',
    ].join('\n'));
    const r = rvn(['run', src]);
    expect(r.status).toBe(1);
    const lines = plain(r.stderr).trimEnd().split('\n');
    // The load is a few instructions into work (its exact offset depends on compressed encodings).
    expect(lines[0]).toMatch(/^rvn: hart 0: exception 5 \(load access fault\) at pc 0x000000008000001[0-9a-f] <work\+0x[0-9a-f]+>, tval 0x0000000040000008; its handler at 0x0000000000000000 cannot be fetched/);
    expect(lines.slice(1).join(' ')).toMatch(/\bsp 0x0000000080100000\b/);
    expect(lines.slice(1).join(' ')).toMatch(/\bt0 0x0000000040000008\b/);
    expect(lines).toHaveLength(1 + 8); // x1..x31, four to a line
  });
});
