// `rvn bench` as a command: quick run, JSON output, comparison with that output.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fork, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { benchCommand } from '../../src/cli/bench';
import { runPool } from '../../src/cli/experiment/pool';
import { packageRoot } from '../../src/cli/sources';
import { workloadSource } from '../../src/bench/workload';
import { alu } from '../../src/bench/workloads/index';
import { RvnError } from '../../src/errors';

// fork, watched: each row of several must run in a process of its own (`rvn bench --worker`).
const forks = vi.hoisted(() => ({ args: [] as string[][] }));
vi.mock('node:child_process', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:child_process')>();
  return {
    ...real,
    fork: (path: string, args: string[], options: object) => {
      forks.args.push(args);
      return real.fork(path, args, options);
    },
  };
});

const dir = mkdtempSync(join(tmpdir(), 'rvn-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('rvn bench', () => {
  it('runs the quick suite for one workload, writes JSON and compares against it', async () => {
    const out: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => (out.push(String(s)), true));
    try {
      const file = join(dir, 'a.json');
      expect(await benchCommand({ runs: '1', quick: true, filter: 'alu', json: file })).toBe(0);
      const json = JSON.parse(readFileSync(file, 'utf8'));
      expect(json.format).toBe('rvn-bench/1');
      expect(json.rows.map((r: { workload: string; timing: string }) => `${r.workload}/${r.timing}`)).toEqual(['alu/ideal', 'alu/rocket']);
      expect(json.rows.every((r: { passed: boolean }) => r.passed)).toBe(true);
      expect(await benchCommand({ runs: '1', quick: true, filter: 'alu', timing: 'ideal', compare: file })).toBe(0);
      expect(out.join('')).toMatch(/old MIPS/);
    } finally {
      spy.mockRestore();
    }
  });

  it('--no-fast runs the reference mode: the same instructions and cycles as the fast mode', async () => {
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const fast = join(dir, 'fast.json');
      const ref = join(dir, 'ref.json');
      expect(await benchCommand({ runs: '1', quick: true, filter: 'syscall', json: fast })).toBe(0);
      expect(await benchCommand({ runs: '1', quick: true, filter: 'syscall', json: ref, fast: false })).toBe(0);
      const rows = (f: string): unknown => JSON.parse(readFileSync(f, 'utf8')).rows.map((r: { instret: number; cycles: number }) => [r.instret, r.cycles]);
      // syscall's quick size: 1000 round trips of 12 retired instructions (docs/performance.md).
      expect((rows(ref) as number[][])[0][0]).toBeGreaterThan(12_000);
      expect(rows(ref)).toEqual(rows(fast));
    } finally {
      spy.mockRestore();
    }
  });

  it('runs the boot-image rows: the ipc-bench image is found or built before the runs', async () => {
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const file = join(dir, 'kipc.json');
      expect(await benchCommand({ runs: '1', quick: true, filter: 'kipc', timing: 'ideal', json: file })).toBe(0);
      const rows = JSON.parse(readFileSync(file, 'utf8')).rows as { workload: string; instret: number; passed: boolean }[];
      expect(rows.map((r) => r.workload)).toEqual(['kipc', 'kipc2']);
      expect(rows.every((r) => r.passed)).toBe(true);
      // Booting alone is over 100 000 instructions; the 200 calls of the quick size add more.
      for (const r of rows) expect(r.instret).toBeGreaterThan(100_000);
    } finally {
      spy.mockRestore();
    }
  }, 120_000);

  it('runs each of several rows in a fresh process, one row in this one, every row here with --no-isolate', async () => {
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      const run = async (o: { filter: string; timing?: string; isolate?: boolean }): Promise<number[][]> => {
        forks.args.length = 0;
        const file = join(dir, 'isolate.json');
        expect(await benchCommand({ runs: '2', quick: true, json: file, ...o })).toBe(0);
        return JSON.parse(readFileSync(file, 'utf8')).rows.map((r: { instret: number; cycles: number }) => [r.instret, r.cycles]);
      };
      const isolated = await run({ filter: 'alu' });
      expect(forks.args).toEqual([['bench', '--worker'], ['bench', '--worker']]);
      const shared = await run({ filter: 'alu', isolate: false });
      expect(forks.args).toEqual([]);
      expect(isolated).toEqual(shared);
      // alu's quick size: 2000 iterations of 17 instructions, plus set-up (docs/performance.md)
      expect(isolated[0][0]).toBeGreaterThan(34_000);
      await run({ filter: 'alu', timing: 'rocket' });
      expect(forks.args).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  }, 60_000);

  it("a row's worker answers a bad task with an error, and refuses to run outside a pool", async () => {
    const outcomes = await runPool([{ id: 'x', payload: { workload: 'nosuch', timing: 'ideal', runs: 1, size: 'quick', fast: true, imageFile: '/nonexistent' } }], {
      jobs: 1,
      spawn: () => fork(join(packageRoot(), 'dist', 'rvn.mjs'), ['bench', '--worker'], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] }),
    });
    const o = outcomes.get('x')!;
    expect(o.ok).toBe(false);
    expect(!o.ok && o.message).toBe("no workload named 'nosuch'");
    const alone = spawnSync(process.execPath, [join(packageRoot(), 'dist', 'rvn.mjs'), 'bench', '--worker'], { encoding: 'utf8' });
    expect(alone.status).toBe(2);
    expect(alone.stderr).toBe('rvn bench --worker: runs only as a worker of rvn bench\n');
  }, 30_000);

  it('rejects a bad --timing and a bad --runs with an RvnError', async () => {
    await expect(benchCommand({ runs: '1', quick: true, timing: 'fast' })).rejects.toThrow(RvnError);
    await expect(benchCommand({ runs: '0', quick: true })).rejects.toThrow(RvnError);
  });

  it('refuses .equ parameters the assembler cannot hold exactly', () => {
    expect(() => workloadSource(alu, { ITERS: 2 ** 60 })).toThrow(RvnError);
  });
});
