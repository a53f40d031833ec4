/**
 * Point ids: a point of a sweep written as `key=value` pairs joined by commas, e.g.
 * `series=async-smp,c=8,load=0`. Each experiment describes its parameters in a table
 * (ParamSpec); parsing checks every key and value against it and fails with one line naming
 * the problem. The canonical id lists every parameter, in table order, under its main key.
 */
import { RvnError } from '../errors';

export type ParamValue = string | number;

/** A point as a record of parameter fields (an experiment's point type is one of these). */
export type PointRecord = Readonly<Record<string, ParamValue>>;

interface ParamBase {
  /** The key used in canonical ids. */
  readonly key: string;
  /** Other accepted spellings of the key. */
  readonly aliases: readonly string[];
  /** The point field this parameter sets. */
  readonly field: string;
  readonly help: string;
}

export interface EnumParam extends ParamBase {
  readonly kind: 'enum';
  readonly values: readonly string[];
  readonly default?: string;
}

export interface IntParam extends ParamBase {
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
  readonly default?: number;
}

export type ParamSpec = EnumParam | IntParam;

/** Which experiment a point id belongs to, for error messages. */
export interface PointIdContext {
  readonly experiment: string;
  /** A valid id, shown in errors (computed only when there is one). */
  example(): string;
}

function usage(ctx: PointIdContext, text: string, why: string): RvnError {
  return new RvnError(`--point '${text}': ${why} (${ctx.experiment} points look like ${ctx.example()})`, 2);
}

function parseValue(spec: ParamSpec, raw: string, ctx: PointIdContext, text: string): ParamValue {
  if (spec.kind === 'enum') {
    if (!spec.values.includes(raw)) throw usage(ctx, text, `${spec.key} must be one of ${spec.values.join(', ')}, not '${raw}'`);
    return raw;
  }
  const n = /^\d{1,9}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < spec.min || n > spec.max) {
    throw usage(ctx, text, `${spec.key} must be a whole number from ${spec.min} to ${spec.max}, not '${raw}'`);
  }
  return n;
}

/** Parses a point id against `params`. Errors: one-line usage RvnError (exit status 2). */
export function parsePointId(params: readonly ParamSpec[], text: string, ctx: PointIdContext): PointRecord {
  if (text.trim() === '') throw usage(ctx, text, 'empty point');
  const byKey = new Map<string, ParamSpec>();
  for (const p of params) for (const k of [p.key, ...p.aliases]) byKey.set(k, p);
  const seen = new Map<ParamSpec, string>();
  const out: Record<string, ParamValue> = {};
  for (const pair of text.split(',')) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw usage(ctx, text, `'${pair}' is not key=value`);
    const key = pair.slice(0, eq).trim();
    const raw = pair.slice(eq + 1).trim();
    const spec = byKey.get(key);
    if (spec === undefined) throw usage(ctx, text, `unknown key '${key}' (keys: ${params.map((p) => p.key).join(', ')})`);
    if (seen.has(spec)) throw usage(ctx, text, `${spec.key} is given twice ('${seen.get(spec)}' and '${key}')`);
    seen.set(spec, key);
    out[spec.field] = parseValue(spec, raw, ctx, text);
  }
  for (const p of params) {
    if (p.field in out) continue;
    if (p.default === undefined) throw usage(ctx, text, `${p.key} is missing`);
    out[p.field] = p.default;
  }
  return out;
}

/** The canonical id of a point: every parameter, in table order, under its main key. */
export function formatPointId(params: readonly ParamSpec[], point: PointRecord): string {
  return params.map((p) => `${p.key}=${point[p.field]}`).join(',');
}

/** Orders points by their parameters in table order (enums by their position in the table). */
export function comparePoints(params: readonly ParamSpec[], a: PointRecord, b: PointRecord): number {
  for (const p of params) {
    const x = a[p.field];
    const y = b[p.field];
    const d = p.kind === 'enum' ? p.values.indexOf(String(x)) - p.values.indexOf(String(y)) : Number(x) - Number(y);
    if (d !== 0) return d;
  }
  return 0;
}

/** One line per parameter, for help texts and docs. */
export function describeParams(params: readonly ParamSpec[]): string[] {
  return params.map((p) => {
    const keys = [p.key, ...p.aliases].join('|');
    const dom = p.kind === 'enum' ? p.values.join('|') : `${p.min}..${p.max}`;
    const def = p.default !== undefined ? ` (default ${p.default})` : '';
    return `${keys}=${dom}${def}: ${p.help}`;
  });
}
