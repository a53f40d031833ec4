/**
 * The worker side of the pool (`rvn experiment worker`, hidden): runs the point tasks the
 * parent sends, one at a time, and answers each with its rows or its failure. Exits when the
 * parent disconnects.
 */
import { imageProvider } from './images';
import type { PointTask } from './point';
import { runPointTask } from './point';

export function serveWorker(): void {
  if (process.send === undefined) {
    process.stderr.write('rvn experiment worker: runs only as a worker of rvn experiment\n');
    process.exitCode = 2;
    return;
  }
  const images = imageProvider();
  process.on('disconnect', () => process.exit(0));
  process.on('message', (m: { kind: string; seq: number; payload: PointTask }) => {
    if (m.kind !== 'task') return;
    void runPointTask(m.payload, images).then((o) => {
      const reply = o.ok ? { kind: 'result', seq: m.seq, result: o.rows, seconds: o.seconds } : { kind: 'error', seq: m.seq, message: o.message, seconds: o.seconds };
      process.send!(reply);
    });
  });
  process.send({ kind: 'ready' });
}
