/**
 * `parseTimingProfile`: turns a user's JSON profile (`--timing FILE`) into a TimingProfile,
 * or throws an RvnError naming the offending field.
 */
import { RvnError } from '../errors';
import { PROFILE_FIELDS, type ProfileField, type TimingProfile } from './profile';
import { idealProfile, rocketProfile } from './profiles/index';

const isPow2 = (v: number): boolean => v > 0 && (v & (v - 1)) === 0;

function checkInt(key: string, v: unknown, f: ProfileField): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) {
    throw new RvnError(`timing profile: field "${key}" must be an integer`);
  }
  if ((f.min !== undefined && v < f.min) || (f.max !== undefined && v > f.max)) {
    throw new RvnError(`timing profile: field "${key}" = ${v} is out of range [${f.min}, ${f.max}]`);
  }
  if (f.pow2 && !isPow2(v)) throw new RvnError(`timing profile: field "${key}" = ${v} must be a power of two`);
  return v;
}

function checkField(key: string, v: unknown, f: ProfileField): unknown {
  switch (f.type) {
    case 'string':
      if (typeof v !== 'string' || v.length === 0) throw new RvnError(`timing profile: field "${key}" must be a non-empty string`);
      return v;
    case 'model':
      if (v !== 'rocket' && v !== 'ideal') throw new RvnError(`timing profile: field "${key}" must be "rocket" or "ideal"`);
      return v;
    case 'bool':
      if (typeof v !== 'boolean') throw new RvnError(`timing profile: field "${key}" must be true or false`);
      return v;
    case 'int':
      return checkInt(key, v, f);
    case 'intList':
      if (!Array.isArray(v)) throw new RvnError(`timing profile: field "${key}" must be an array of integers`);
      return v.map((x, i) => checkInt(`${key}[${i}]`, x, f));
  }
}

/** Cross-field rules the per-field schema cannot express. */
function checkConsistency(p: TimingProfile): void {
  const geometry = (prefix: 'icache' | 'dcache', bytes: number, ways: number, line: number): void => {
    if (bytes < ways * line) {
      throw new RvnError(`timing profile: field "${prefix}Bytes" = ${bytes} is smaller than ${prefix}Ways × ${prefix}LineBytes`);
    }
  };
  geometry('icache', p.icacheBytes, p.icacheWays, p.icacheLineBytes);
  geometry('dcache', p.dcacheBytes, p.dcacheWays, p.dcacheLineBytes);
  if (p.bhtHistoryHashBits > p.bhtHistoryLength) {
    throw new RvnError('timing profile: field "bhtHistoryHashBits" must not exceed bhtHistoryLength');
  }
  if (1 << p.bhtHistoryHashBits > p.bhtEntries) {
    throw new RvnError('timing profile: field "bhtHistoryHashBits" needs 2^bits ≤ bhtEntries');
  }
}

/**
 * Validates a user-supplied profile (already parsed from JSON). Every field of TimingProfile
 * is required, except that `"extends": "rocket"` or `"extends": "ideal"` takes missing fields
 * from that built-in profile. Unknown, missing or ill-typed fields throw an RvnError naming
 * the field.
 */
export function parseTimingProfile(json: unknown): TimingProfile {
  const builtins: Readonly<Record<string, TimingProfile>> = { rocket: rocketProfile(), ideal: idealProfile() };
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new RvnError('timing profile: expected a JSON object');
  }
  const src = json as Record<string, unknown>;
  let base: TimingProfile | undefined;
  if ('extends' in src) {
    const b = src.extends;
    if (typeof b !== 'string' || !Object.prototype.hasOwnProperty.call(builtins, b)) {
      throw new RvnError(`timing profile: field "extends" must name a built-in profile (${Object.keys(builtins).join(', ')})`);
    }
    base = builtins[b];
  }
  for (const key of Object.keys(src)) {
    if (key !== 'extends' && !Object.prototype.hasOwnProperty.call(PROFILE_FIELDS, key)) {
      throw new RvnError(`timing profile: unknown field "${key}"`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(PROFILE_FIELDS) as (keyof TimingProfile)[]) {
    if (Object.prototype.hasOwnProperty.call(src, key)) {
      out[key] = checkField(key, src[key], PROFILE_FIELDS[key]);
    } else if (base) {
      const v = base[key];
      out[key] = Array.isArray(v) ? [...v] : v;
    } else {
      throw new RvnError(`timing profile: missing field "${key}"`);
    }
  }
  const p = out as unknown as TimingProfile;
  checkConsistency(p);
  return p;
}
