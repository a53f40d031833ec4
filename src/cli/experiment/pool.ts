/**
 * A pool of worker processes that run tasks in parallel, one task per worker at a time.
 *
 * Protocol (Node IPC messages): a worker says `{ kind: 'ready' }` once it has started; then
 * the pool sends `{ kind: 'task', seq, payload }` (the timeout runs from here) and the worker
 * answers `{ kind: 'result', seq, result, seconds }` or `{ kind: 'error', seq, message, seconds }`
 * (seconds: the host time of the task alone). A worker that exits or is killed while running a
 * task fails that task with a one-line message and is replaced, so one bad point never takes
 * the others with it. A task that runs longer than the timeout kills its worker the same way.
 * Workers exit when the pool disconnects from them.
 */
import type { ChildProcess } from 'node:child_process';

export interface PoolTask<T> {
  readonly id: string;
  readonly payload: T;
}

export type TaskOutcome<R> =
  | { readonly ok: true; readonly result: R; readonly seconds: number }
  | { readonly ok: false; readonly message: string; readonly seconds: number };

export interface PoolOptions<T, R> {
  readonly jobs: number;
  /** Starts a worker process with an IPC channel. */
  spawn(): ChildProcess;
  /** Seconds a task may run before its worker is killed (0: no limit). */
  readonly timeoutSeconds?: number;
  onStart?(task: PoolTask<T>): void;
  onDone?(task: PoolTask<T>, outcome: TaskOutcome<R>): void;
  /** What a task is called in failure messages (default 'point'). */
  readonly taskNoun?: string;
}

type FromWorker<R> =
  | { kind: 'ready' }
  | { kind: 'result'; seq: number; result: R; seconds: number }
  | { kind: 'error'; seq: number; message: string; seconds: number };

interface Slot<T> {
  child: ChildProcess;
  task?: PoolTask<T>;
  seq: number;
  started: number;
  timer?: NodeJS.Timeout;
  stderrTail: string;
  ready: boolean;
  /** Why the pool killed this worker, if it did. */
  killedFor?: string;
}

/** Runs every task; resolves with each task's outcome (in task order) once all are done. */
export function runPool<T, R>(tasks: readonly PoolTask<T>[], opts: PoolOptions<T, R>): Promise<Map<string, TaskOutcome<R>>> {
  const outcomes = new Map<string, TaskOutcome<R>>();
  const queue = [...tasks];
  const jobs = Math.max(1, Math.min(opts.jobs, tasks.length));
  let running = 0;
  let seqCounter = 0;
  return new Promise((resolve) => {
    if (tasks.length === 0) {
      resolve(outcomes);
      return;
    }
    const finish = (slot: Slot<T>, outcome: TaskOutcome<R>): void => {
      const task = slot.task!;
      if (slot.timer !== undefined) clearTimeout(slot.timer);
      slot.task = undefined;
      outcomes.set(task.id, outcome);
      opts.onDone?.(task, outcome);
    };
    const allDone = (): boolean => outcomes.size === tasks.length;
    const send = (slot: Slot<T>): void => {
      const task = slot.task!;
      slot.started = performance.now();
      opts.onStart?.(task);
      if (opts.timeoutSeconds !== undefined && opts.timeoutSeconds > 0) {
        slot.timer = setTimeout(() => {
          slot.killedFor = `timed out after ${opts.timeoutSeconds} s (--timeout)`;
          slot.child.kill('SIGKILL');
        }, opts.timeoutSeconds * 1000);
      }
      slot.child.send({ kind: 'task', seq: slot.seq, payload: task.payload });
    };
    const next = (slot: Slot<T>): void => {
      const task = queue.shift();
      if (task === undefined) {
        running--;
        slot.child.disconnect?.();
        if (running === 0 && allDone()) resolve(new Map(tasks.map((t) => [t.id, outcomes.get(t.id)!])));
        return;
      }
      slot.task = task;
      slot.seq = ++seqCounter;
      slot.started = performance.now();
      if (slot.ready) send(slot);
    };
    const start = (): Slot<T> => {
      const child = opts.spawn();
      const slot: Slot<T> = { child, seq: 0, started: 0, stderrTail: '', ready: false };
      child.stderr?.on('data', (d: Buffer) => {
        slot.stderrTail = (slot.stderrTail + d.toString()).slice(-2000);
      });
      child.on('error', (e) => {
        slot.killedFor ??= `the worker process failed: ${e.message}`;
      });
      child.on('message', (m: FromWorker<R>) => {
        if (m.kind === 'ready') {
          slot.ready = true;
          if (slot.task !== undefined) send(slot);
          return;
        }
        if (slot.task === undefined || m.seq !== slot.seq) return;
        finish(slot, m.kind === 'result' ? { ok: true, result: m.result, seconds: m.seconds } : { ok: false, message: m.message, seconds: m.seconds });
        next(slot);
      });
      child.on('exit', (code, signal) => {
        if (slot.task === undefined) return;
        const seconds = Math.round(performance.now() - slot.started) / 1000;
        const why = slot.killedFor ?? `the worker process exited (${signal !== null ? `signal ${signal}` : `code ${code}`}) while running this ${opts.taskNoun ?? 'point'}${lastLine(slot.stderrTail)}`;
        finish(slot, { ok: false, message: why, seconds });
        // Replace the worker and carry on with the queue.
        const fresh = start();
        next(fresh);
      });
      return slot;
    };
    for (let i = 0; i < jobs; i++) {
      running++;
      next(start());
    }
  });
}

function lastLine(text: string): string {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.length > 0 ? `: ${lines[lines.length - 1].slice(0, 200)}` : '';
}
