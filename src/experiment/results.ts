/**
 * results.json: the one file every other output (CSV, figures, claims, report) is computed
 * from. Rows are sorted by point, in the experiment's parameter order, whatever order the
 * points finished in; every host-side measurement (wall time, machine, date) is under a key
 * named `host`, so two runs' files are byte-identical once those are removed (withoutHost).
 */
import { RvnError } from '../errors';
import type { AnyExperiment, EmulatorSettings, HostTiming, PointFailure, RowData, StoredRow, SweepSize } from './contract';
import { SWEEP_SIZES, TIMING_NAMES, UINTC_MODES } from './contract';
import { formatCsv } from './csv';
import type { Json, JsonObject } from './json';
import { expectArray, expectInt, expectNumber, expectObject, expectOneOf, expectString, formatJson, parseJsonText } from './json';
import { comparePoints, formatPointId, parsePointId } from './params';
import type { PointRecord } from './params';

export const RESULTS_FORMAT = 'rvn-experiment/1';

export interface EmulatorInfo extends EmulatorSettings {
  readonly name: 'rvn';
  readonly version: string;
}

export interface ExperimentResults {
  readonly name: string;
  readonly rows: readonly StoredRow[];
  readonly failures: readonly PointFailure[];
  readonly host: HostTiming;
}

export interface ResultsFile {
  readonly format: typeof RESULTS_FORMAT;
  readonly emulator: EmulatorInfo;
  readonly sweep: SweepSize;
  /** In registry order; only experiments with at least one row or failure. */
  readonly experiments: readonly ExperimentResults[];
  /** Host facts (wall time, jobs, Node version, CPU, date, merged files): informational only. */
  readonly host: JsonObject;
}

/** The experiments a results file can hold, in report order. */
export interface Registry {
  readonly experiments: readonly AnyExperiment[];
}

export function findExperiment(reg: Registry, name: string): AnyExperiment {
  const e = reg.experiments.find((x) => x.name === name);
  if (e === undefined) throw new RvnError(`no experiment named '${name}' (experiments: ${reg.experiments.map((x) => x.name).join(', ')})`, 2);
  return e;
}

export function pointIdOf(exp: AnyExperiment, p: PointRecord): string {
  return formatPointId(exp.params, p);
}

/** Parses a point id of `exp` (usage error, exit status 2, when it is not one). */
export function parsePoint(exp: AnyExperiment, text: string): PointRecord {
  const example = (): string => pointIdOf(exp, exp.points('full')[0]);
  return exp.checkPoint(parsePointId(exp.params, text, { experiment: exp.name, example }));
}

/** A measured row as stored: checked by the experiment, with its point id and host time. */
export function storeRow(exp: AnyExperiment, raw: Json, seconds: number, where: string): StoredRow {
  const m = exp.readRow(raw, where);
  const id = pointIdOf(exp, exp.pointOf(m));
  // The row's point must be a valid point (ranges, cross-parameter rules), as a --point would be.
  parsePointOrFileError(exp, id, where);
  return { point: id, ...m, host: { seconds } };
}

function pointOrder(exp: AnyExperiment): (a: string, b: string) => number {
  return (a, b) => comparePoints(exp.params, parsePoint(exp, a), parsePoint(exp, b));
}

/** Rows and failures in canonical order (by point; a point's rows keep their order). */
export function sortPart(exp: AnyExperiment, part: ExperimentResults): ExperimentResults {
  const order = pointOrder(exp);
  return {
    name: part.name,
    rows: [...part.rows].sort((a, b) => order(a.point, b.point)),
    failures: [...part.failures].sort((a, b) => order(a.point, b.point)),
    host: part.host,
  };
}

function rowJson(r: StoredRow): Json {
  return r as unknown as Json;
}

export function resultsToJson(file: ResultsFile): Json {
  return {
    format: file.format,
    emulator: { ...file.emulator },
    sweep: file.sweep,
    experiments: file.experiments.map((p) => ({
      name: p.name,
      rows: p.rows.map(rowJson),
      failures: p.failures.map((f) => ({ point: f.point, message: f.message, host: { seconds: f.host.seconds } })),
      host: { seconds: p.host.seconds },
    })),
    host: file.host,
  };
}

export function formatResults(file: ResultsFile): string {
  return formatJson(resultsToJson(file));
}

function readHost(v: Json | undefined, where: string): HostTiming {
  const o = expectObject(v, where);
  return { seconds: expectNumber(o.seconds, `${where}.seconds`) };
}

function readEmulator(v: Json | undefined, where: string): EmulatorInfo {
  const o = expectObject(v, where);
  if (o.name !== 'rvn') throw new RvnError(`${where}.name: expected 'rvn'`);
  return {
    name: 'rvn',
    version: expectString(o.version, `${where}.version`),
    timing: expectOneOf(o.timing, TIMING_NAMES, `${where}.timing`),
    uintc: expectOneOf(o.uintc, UINTC_MODES, `${where}.uintc`),
    quantum: expectInt(o.quantum, `${where}.quantum`, 1),
  };
}

/** Checks one stored row: the experiment's fields, and a point id that matches them. */
function readStoredRow(exp: AnyExperiment, v: Json, where: string): StoredRow {
  const o = expectObject(v, where);
  const point = expectString(o.point, `${where}.point`);
  const host = readHost(o.host, `${where}.host`);
  const row = storeRow(exp, v, host.seconds, where);
  if (row.point !== point) throw new RvnError(`${where}: point '${point}' does not match the row's fields (${row.point})`);
  return row;
}

function readPart(reg: Registry, v: Json, where: string): ExperimentResults {
  const o = expectObject(v, where);
  const name = expectString(o.name, `${where}.name`);
  const exp = reg.experiments.find((x) => x.name === name);
  if (exp === undefined) throw new RvnError(`${where}.name: unknown experiment '${name}'`);
  const rows = expectArray(o.rows, `${where}.rows`).map((r, i) => readStoredRow(exp, r, `${where}.rows[${i}]`));
  const failures = expectArray(o.failures, `${where}.failures`).map((f, i): PointFailure => {
    const fo = expectObject(f, `${where}.failures[${i}]`);
    const point = expectString(fo.point, `${where}.failures[${i}].point`);
    const canonical = pointIdOf(exp, parsePointOrFileError(exp, point, `${where}.failures[${i}].point`));
    return { point: canonical, message: expectString(fo.message, `${where}.failures[${i}].message`), host: readHost(fo.host, `${where}.failures[${i}].host`) };
  });
  return sortPart(exp, { name, rows, failures, host: readHost(o.host, `${where}.host`) });
}

function parsePointOrFileError(exp: AnyExperiment, text: string, where: string): PointRecord {
  try {
    return parsePoint(exp, text);
  } catch (e) {
    if (e instanceof RvnError) throw new RvnError(`${where}: ${e.message.replace(/^--point /, 'point ')}`);
    throw e;
  }
}

/** Reads a results file (results.json or a --point file). Errors: one line naming the file and the bad field. */
export function readResults(reg: Registry, text: string, fileName: string): ResultsFile {
  const o = expectObject(parseJsonText(text, fileName), fileName);
  if (o.format !== RESULTS_FORMAT) throw new RvnError(`${fileName}: not an rvn experiment results file (format '${String(o.format)}', expected '${RESULTS_FORMAT}')`);
  const parts = expectArray(o.experiments, `${fileName}: experiments`).map((p, i) => readPart(reg, p, `${fileName}: experiments[${i}]`));
  const names = parts.map((p) => p.name);
  if (new Set(names).size !== names.length) throw new RvnError(`${fileName}: an experiment appears twice`);
  const order = (n: string): number => reg.experiments.findIndex((e) => e.name === n);
  return {
    format: RESULTS_FORMAT,
    emulator: readEmulator(o.emulator, `${fileName}: emulator`),
    sweep: expectOneOf(o.sweep, SWEEP_SIZES, `${fileName}: sweep`),
    experiments: parts.sort((a, b) => order(a.name) - order(b.name)),
    host: o.host === undefined ? {} : expectObject(o.host, `${fileName}: host`),
  };
}

/** results.csv of one experiment: point, the experiment's columns, host seconds. */
export function formatResultsCsv(exp: AnyExperiment, part: ExperimentResults): string {
  const rows = part.rows as readonly RowData[];
  const cols = exp.columns(rows);
  const header = ['point', ...cols.map((c) => c.name), 'host_seconds'];
  return formatCsv(header, part.rows.map((r) => [r.point, ...cols.map((c) => c.value(r)), r.host.seconds]));
}

/** Points of the sweep that have neither a row nor a failure in `part`. */
export function missingPoints(exp: AnyExperiment, sweep: SweepSize, part: ExperimentResults | undefined): string[] {
  const present = new Set([...(part?.rows.map((r) => r.point) ?? []), ...(part?.failures.map((f) => f.point) ?? [])]);
  return exp.points(sweep).map((p) => pointIdOf(exp, p)).filter((id) => !present.has(id));
}
