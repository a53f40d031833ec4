/**
 * JSON as the results files use it: a value type without `any`, and a canonical writer
 * (objects indented one key per line, arrays of numbers or strings on one line) so that equal
 * data gives equal bytes and long sample arrays stay readable.
 */
import { RvnError } from '../errors';

export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

function isFlat(a: readonly Json[]): boolean {
  return a.every((v) => v === null || typeof v !== 'object');
}

function scalar(v: null | boolean | number | string): string {
  if (typeof v === 'number' && !Number.isFinite(v)) throw new RvnError(`results: ${v} is not a finite number`);
  return JSON.stringify(v);
}

function write(v: Json, indent: string): string {
  if (v === null || typeof v !== 'object') return scalar(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    const a = v as readonly Json[];
    if (a.length === 0) return '[]';
    if (isFlat(a)) return '[' + a.map((x) => scalar(x as null | boolean | number | string)).join(', ') + ']';
    return '[\n' + a.map((x) => inner + write(x, inner)).join(',\n') + '\n' + indent + ']';
  }
  const entries = Object.entries(v as { readonly [key: string]: Json });
  if (entries.length === 0) return '{}';
  return '{\n' + entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${write(x, inner)}`).join(',\n') + '\n' + indent + '}';
}

/** Canonical text of `v` (key order as given), ending with a newline. */
export function formatJson(v: Json): string {
  return write(v, '') + '\n';
}

/** Parses JSON text from a file the user named, as a one-line RvnError when it is not JSON. */
export function parseJsonText(text: string, where: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (e) {
    throw new RvnError(`${where}: not valid JSON (${(e as Error).message.split('\n')[0]})`);
  }
}

/** `v` with every key named `host` removed at every depth: what stays equal between runs. */
export function withoutHost(v: Json): Json {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return (v as readonly Json[]).map(withoutHost);
  const out: { [key: string]: Json } = {};
  for (const [k, x] of Object.entries(v as { readonly [key: string]: Json })) if (k !== 'host') out[k] = withoutHost(x);
  return out;
}

// --- Reading untrusted JSON: small checkers that name the path of a bad value. -------------

export type JsonObject = { readonly [key: string]: Json };

export function isObject(v: Json | undefined): v is JsonObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

export function expectObject(v: Json | undefined, where: string): JsonObject {
  if (!isObject(v)) throw new RvnError(`${where}: expected an object`);
  return v;
}

export function expectArray(v: Json | undefined, where: string): readonly Json[] {
  if (!Array.isArray(v)) throw new RvnError(`${where}: expected an array`);
  return v as readonly Json[];
}

export function expectString(v: Json | undefined, where: string): string {
  if (typeof v !== 'string') throw new RvnError(`${where}: expected a string`);
  return v;
}

export function expectNumber(v: Json | undefined, where: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RvnError(`${where}: expected a finite number`);
  return v;
}

export function expectNumberOrNull(v: Json | undefined, where: string): number | null {
  return v === null ? null : expectNumber(v, where);
}

export function expectInt(v: Json | undefined, where: string, min = 0): number {
  const n = expectNumber(v, where);
  if (!Number.isSafeInteger(n) || n < min) throw new RvnError(`${where}: expected a whole number ≥ ${min}`);
  return n;
}

export function expectOneOf<T extends string>(v: Json | undefined, values: readonly T[], where: string): T {
  const s = expectString(v, where);
  if (!(values as readonly string[]).includes(s)) throw new RvnError(`${where}: '${s}' is not one of ${values.join(', ')}`);
  return s as T;
}

export function expectNumberArray(v: Json | undefined, where: string): number[] {
  return expectArray(v, where).map((x, i) => expectNumber(x, `${where}[${i}]`));
}

export function expectNumberMap(v: Json | undefined, where: string): Record<string, number> {
  const o = expectObject(v, where);
  const out: Record<string, number> = {};
  for (const k of Object.keys(o).sort()) out[k] = expectNumber(o[k], `${where}.${k}`);
  return out;
}
