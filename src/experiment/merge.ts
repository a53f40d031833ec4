/**
 * Merging results files (`rvn experiment merge`): the outputs of `--point` runs, of partial
 * sweeps, of earlier merges. Nothing is dropped silently:
 * - the same point measured twice with identical rows (host time aside): a duplicate, kept once;
 * - the same point with different rows: a conflict. Conflicts stop the merge unless the user
 *   chose a side (`prefer: 'first' | 'last'`, in the order the files were given); either way each
 *   one is reported, naming the files and the first field that differs;
 * - a point that failed in one file and was measured in another: the measurement is kept;
 * - files from different emulator settings or sweep sizes are not merged at all.
 * The result does not depend on the order of the files (rows are sorted by point), except for
 * which side of a conflict `prefer` keeps.
 */
import { RvnError } from '../errors';
import type { PointFailure, StoredRow } from './contract';
import type { Json } from './json';
import { withoutHost } from './json';
import type { ExperimentResults, Registry, ResultsFile } from './results';
import { RESULTS_FORMAT, resultsToJson, sortPart } from './results';

export interface MergeInput {
  readonly name: string;
  readonly file: ResultsFile;
}

export type Prefer = 'first' | 'last';

export interface MergeOutcome {
  /** The merged results; undefined when conflicts remain unresolved. */
  readonly file: ResultsFile | undefined;
  /** One line per conflict (resolved or not). */
  readonly conflicts: readonly string[];
  /** One line per duplicate and per failure superseded by a measurement. */
  readonly notes: readonly string[];
}

interface Group {
  readonly from: string;
  readonly rows: readonly StoredRow[];
}

function stripped(rows: readonly StoredRow[]): string {
  return JSON.stringify(withoutHost(rows as unknown as Json));
}

/** The first field (row index and key) where two groups of rows differ, for conflict messages. */
function firstDifference(a: readonly StoredRow[], b: readonly StoredRow[]): string {
  if (a.length !== b.length) return `${a.length} vs ${b.length} rows`;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as unknown as Record<string, Json>;
    const y = b[i] as unknown as Record<string, Json>;
    for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (k === 'host') continue;
      const sx = JSON.stringify(x[k]);
      const sy = JSON.stringify(y[k]);
      if (sx !== sy) return `${k} ${short(sx)} vs ${short(sy)}`;
    }
  }
  return 'rows differ';
}

function short(s: string | undefined): string {
  if (s === undefined) return '(absent)';
  return s.length > 40 ? s.slice(0, 37) + '...' : s;
}

function settingsKey(f: ResultsFile): string {
  return JSON.stringify({ emulator: f.emulator, sweep: f.sweep });
}

function checkSettings(inputs: readonly MergeInput[]): void {
  const first = inputs[0];
  for (const i of inputs.slice(1)) {
    if (settingsKey(i.file) === settingsKey(first.file)) continue;
    const a = resultsToJson(first.file) as Record<string, Json>;
    const b = resultsToJson(i.file) as Record<string, Json>;
    const what = first.file.sweep !== i.file.sweep ? `sweep ${first.file.sweep} vs ${i.file.sweep}` : `emulator ${JSON.stringify(a.emulator)} vs ${JSON.stringify(b.emulator)}`;
    throw new RvnError(`cannot merge ${first.name} and ${i.name}: they were run with different settings (${what})`);
  }
}

export function mergeResults(reg: Registry, inputs: readonly MergeInput[], prefer?: Prefer): MergeOutcome {
  if (inputs.length === 0) throw new RvnError('merge: no results files given', 2);
  checkSettings(inputs);
  const conflicts: string[] = [];
  const notes: string[] = [];
  let unresolved = false;
  const parts: ExperimentResults[] = [];
  for (const exp of reg.experiments) {
    const groups = new Map<string, Group>();
    const failures = new Map<string, { from: string; failure: PointFailure }>();
    let seconds = 0;
    let present = false;
    for (const input of inputs) {
      const part = input.file.experiments.find((p) => p.name === exp.name);
      if (part === undefined) continue;
      present = true;
      seconds += part.host.seconds;
      const byPoint = new Map<string, StoredRow[]>();
      for (const r of part.rows) byPoint.set(r.point, [...(byPoint.get(r.point) ?? []), r]);
      for (const [point, rows] of byPoint) {
        const old = groups.get(point);
        if (old === undefined) {
          groups.set(point, { from: input.name, rows });
        } else if (stripped(old.rows) === stripped(rows)) {
          notes.push(`duplicate: ${exp.name} ${point} in ${old.from} and ${input.name} (identical; kept once)`);
        } else {
          const diff = firstDifference(old.rows, rows);
          if (prefer === undefined) {
            unresolved = true;
            conflicts.push(`conflict: ${exp.name} ${point}: ${old.from} and ${input.name} differ (${diff})`);
          } else {
            const keep = prefer === 'first' ? old.from : input.name;
            conflicts.push(`conflict: ${exp.name} ${point}: ${old.from} and ${input.name} differ (${diff}); kept ${keep} (--prefer ${prefer})`);
            if (prefer === 'last') groups.set(point, { from: input.name, rows });
          }
        }
      }
      for (const f of part.failures) {
        const old = failures.get(f.point);
        if (old !== undefined && old.failure.message !== f.message) notes.push(`${exp.name} ${f.point} failed differently in ${old.from} and ${input.name}; kept the message from ${input.name}`);
        failures.set(f.point, { from: input.name, failure: f });
      }
    }
    if (!present) continue;
    for (const [point, f] of failures) {
      const g = groups.get(point);
      if (g !== undefined) {
        notes.push(`${exp.name} ${point}: failed in ${f.from}, measured in ${g.from}: kept the measurement`);
        failures.delete(point);
      }
    }
    parts.push(
      sortPart(exp, {
        name: exp.name,
        rows: [...groups.values()].flatMap((g) => g.rows),
        failures: [...failures.values()].map((f) => f.failure),
        host: { seconds },
      }),
    );
  }
  const totalSeconds = parts.reduce((a, p) => a + p.host.seconds, 0);
  const file: ResultsFile = {
    format: RESULTS_FORMAT,
    emulator: inputs[0].file.emulator,
    sweep: inputs[0].file.sweep,
    experiments: parts,
    host: { seconds: totalSeconds, mergedFrom: inputs.map((i) => i.name) },
  };
  return { file: unresolved ? undefined : file, conflicts, notes };
}
