// A worker process runs many points one after another, and its machines share their generated
// code (the interpreter, the timing model's code, translated blocks: src/cli/experiment/point.ts)
// so that V8 compiles it once per process. A point's rows must not depend on that: the same
// point gives the same rows first in a process, after other points, and on a machine with code
// of its own (the point runner called directly with a context that shares nothing).
import { describe, expect, it } from 'vitest';
import { runPointTask } from '../../src/cli/experiment/point';
import type { ImageProvider } from '../../src/cli/experiment/images';
import type { PointContext, StoredRow } from '../../src/experiment/contract';
import { demoExperiment } from '../../src/experiment/demo/experiment';
import { builtinProfile } from '../../src/timing/profiles/index';

const noImages: ImageProvider = { image: () => Promise.reject(new Error('the demo needs no image')) };
const emulator = { timing: 'rocket', uintc: 'rocket', quantum: 10 } as const;

async function rowsOf(point: string): Promise<unknown[]> {
  const o = await runPointTask({ experiment: 'demo', point, size: 'quick', emulator }, noImages);
  if (!o.ok) throw new Error(o.message);
  // Host time apart, which differs between runs.
  return o.rows.map((r: StoredRow) => ({ ...r, host: undefined }));
}

describe('points of one process share generated code', () => {
  it('a point gives the same rows first, after other points, and with code of its own', async () => {
    const first = await rowsOf('stride=8,ws=64');
    await rowsOf('stride=64,ws=4');
    await rowsOf('stride=64,ws=64');
    const again = await rowsOf('stride=8,ws=64');
    expect(again).toEqual(first);

    const own: PointContext = {
      size: 'quick', emulator,
      machineOptions: () => ({ timing: builtinProfile('rocket'), uintc: 'rocket', quantum: 10 }),
      image: noImages.image,
    };
    const [row] = await demoExperiment.runPoint({ stride: 8, wsKiB: 64 }, own);
    const [stored] = first as Record<string, unknown>[];
    for (const [k, v] of Object.entries(row)) expect(stored[k], k).toEqual(v);
    // The demo's chase misses in the D$: a row that could not have come from a cold model.
    expect(row.dcacheMisses).toBeGreaterThan(0);
  });
});
