// The worker pool: points run in parallel worker processes; a failing, crashing or hanging
// point is reported as that point's failure and the other points still run.
import { fork } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runPool } from '../../src/cli/experiment/pool';
import type { TaskOutcome } from '../../src/cli/experiment/pool';
import { Progress } from '../../src/cli/experiment/progress';

interface Task { sleepMs: number; fail?: string; crash?: boolean }
interface Done { pid: number; start: number; end: number }

const WORKER = new URL('./fixtures/pool-worker.mjs', import.meta.url).pathname;
const spawn = () => fork(WORKER, [], { stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });

function ok(o: TaskOutcome<Done> | undefined): Done {
  if (o === undefined || !o.ok) throw new Error(`expected success, got ${JSON.stringify(o)}`);
  return o.result;
}

describe('worker pool', () => {
  it('runs tasks in parallel on separate worker processes', async () => {
    const tasks = [0, 1, 2, 3].map((i) => ({ id: `t${i}`, payload: { sleepMs: 400 } as Task }));
    const out = await runPool<Task, Done>(tasks, { jobs: 2, spawn });
    const done = tasks.map((t) => ok(out.get(t.id)));
    // Some two tasks overlapped in time, on different processes.
    const overlap = done.some((a, i) => done.some((b, j) => i !== j && a.pid !== b.pid && a.start < b.end && b.start < a.end));
    expect(overlap).toBe(true);
    expect(new Set(done.map((d) => d.pid)).size).toBe(2);
  });

  it('reports a failing, a crashing and a hanging task without losing the others', async () => {
    const tasks: { id: string; payload: Task }[] = [
      { id: 'good1', payload: { sleepMs: 50 } },
      { id: 'fails', payload: { sleepMs: 50, fail: 'not available yet: needs X' } },
      { id: 'crashes', payload: { sleepMs: 50, crash: true } },
      { id: 'hangs', payload: { sleepMs: 60_000 } },
      { id: 'good2', payload: { sleepMs: 50 } },
      { id: 'good3', payload: { sleepMs: 50 } },
    ];
    const seen: string[] = [];
    const out = await runPool<Task, Done>(tasks, { jobs: 2, spawn, timeoutSeconds: 1, onDone: (t) => seen.push(t.id) });
    for (const id of ['good1', 'good2', 'good3']) ok(out.get(id));
    expect(out.get('fails')).toMatchObject({ ok: false, message: 'not available yet: needs X' });
    const crash = out.get('crashes');
    expect(crash?.ok).toBe(false);
    expect(!crash!.ok && crash!.message).toBe('the worker process exited (code 3) while running this point: fixture: about to crash');
    expect(out.get('hangs')).toMatchObject({ ok: false, message: 'timed out after 1 s (--timeout)' });
    expect([...seen].sort()).toEqual(tasks.map((t) => t.id).sort());
    expect([...out.keys()]).toEqual(tasks.map((t) => t.id));
  });

  it('resolves at once with no tasks', async () => {
    expect((await runPool<Task, Done>([], { jobs: 2, spawn })).size).toBe(0);
  });
});

describe('progress', () => {
  it('on a terminal: one bar redrawn in place (done/total, failed, ETA), a line above it per failed point', () => {
    const out: string[] = [];
    const p = new Progress('ipc', 4, { write: (s) => out.push(s), isTTY: true, columns: 120 });
    p.pointDone('series=async-up,c=1,load=0', 'x', 1);
    p.pointFailed('series=async-up,c=4,load=0', 'not available yet: needs X');
    p.finish();
    const text = out.join('');
    expect(text).toMatch(/\r\x1b\[2Kipc [█░]{24} 1\/4 · \d+:\d\d · ETA \d+:\d\d/);
    expect(text).toContain('\r\x1b[2Kipc series=async-up,c=4,load=0: not available yet: needs X\n');
    expect(text).toMatch(/2\/4 · 1 failed/);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('elsewhere: plain lines, one per finished point', () => {
    const out: string[] = [];
    const p = new Progress('nwp', 2, { write: (s) => out.push(s), isTTY: false });
    p.pointDone('variant=up-sync,test=read,k=1', '123 requests/s', 0.25);
    p.pointFailed('variant=up-sync,test=read,k=4', 'boom');
    p.finish();
    expect(out).toEqual([
      'nwp: 2 points\n',
      '[1/2] nwp variant=up-sync,test=read,k=1: 123 requests/s (0.3 s)\n',
      '[2/2] nwp variant=up-sync,test=read,k=4: FAILED: boom\n',
    ]);
  });
});
