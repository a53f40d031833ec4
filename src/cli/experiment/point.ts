/**
 * Running one point on the host: parse its id, give runPoint its context, time it, check its
 * rows. Used in-process by `--point` and by each worker of a sweep. A point that fails (an
 * RvnError, or a bug) becomes a one-line failure; it never ends the sweep.
 */
import { RvnError } from '../../errors';
import type { EmulatorSettings, PointContext, StoredRow, SweepSize } from '../../experiment/index';
import { REGISTRY, findExperiment, parsePoint, storeRow } from '../../experiment/index';
import type { Json } from '../../experiment/index';
import { builtinProfile } from '../../timing/profiles/index';
import type { ImageProvider } from './images';
import { FunctionCache } from '../../timing/timing-code';

export interface PointTask {
  readonly experiment: string;
  readonly point: string;
  readonly size: SweepSize;
  readonly emulator: EmulatorSettings;
}

export type PointOutcome =
  | { readonly ok: true; readonly rows: readonly StoredRow[]; readonly seconds: number }
  | { readonly ok: false; readonly message: string; readonly seconds: number };

/**
 * Generated code shared by every machine this process runs (the points of a worker, several
 * --point runs): V8 compiles the interpreter, the models' code and the blocks once per process
 * instead of once per point. Machines run one after another (a worker runs one point at a time).
 */
const sharedCode = new FunctionCache({ severalMachines: true });

function context(task: PointTask, images: ImageProvider): PointContext {
  const e = task.emulator;
  return {
    size: task.size,
    emulator: e,
    machineOptions: () => ({ timing: builtinProfile(e.timing), uintc: e.uintc, quantum: e.quantum, codeCache: sharedCode }),
    image: (name) => images.image(name),
  };
}

export function failureMessage(e: unknown): string {
  if (e instanceof RvnError) return e.message;
  const msg = e instanceof Error ? e.message : String(e);
  const where = process.env.RVN_DEBUG && e instanceof Error && e.stack ? ` [${e.stack.split('\n').slice(1, 3).map((l) => l.trim()).join(' ')}]` : '';
  return `internal error: ${msg}${where}`;
}

export async function runPointTask(task: PointTask, images: ImageProvider): Promise<PointOutcome> {
  const started = performance.now();
  /** Host seconds to the millisecond: finer digits are noise. */
  const seconds = (): number => Math.round(performance.now() - started) / 1000;
  try {
    const exp = findExperiment(REGISTRY, task.experiment);
    const point = parsePoint(exp, task.point);
    const rows = await exp.runPoint(point, context(task, images));
    if (rows.length === 0) throw new RvnError('the point runner returned no row');
    const s = seconds();
    const stored = rows.map((r, i) => storeRow(exp, r as unknown as Json, s, `row ${i}`));
    for (const r of stored) if (r.point !== task.point) throw new RvnError(`the point runner returned a row for ${r.point}`);
    return { ok: true, rows: stored, seconds: s };
  } catch (e) {
    return { ok: false, message: failureMessage(e).split('\n')[0], seconds: seconds() };
  }
}
