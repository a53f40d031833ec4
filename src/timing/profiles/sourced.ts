import type { TimingProfile } from '../profile';

/** A profile written as data: every field's value next to where the number comes from. */
export type SourcedProfile = { readonly [K in keyof TimingProfile]: { readonly value: TimingProfile[K]; readonly source: string } };

/** The plain TimingProfile of a sourced one (a fresh copy: callers may keep it). */
export function profileValues(s: SourcedProfile): TimingProfile {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s)) out[k] = Array.isArray(v.value) ? [...v.value] : v.value;
  return out as unknown as TimingProfile;
}
