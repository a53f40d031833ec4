import type { TimingProfile } from '../profile';
import { profileValues, type SourcedProfile } from './sourced';
import { rocketSourced } from './rocket';
import { idealSourced } from './ideal';

export { rocketSourced, idealSourced, profileValues, type SourcedProfile };

/** The built-in profiles, by name, with their sources (for docs and `--timing NAME`). */
export const BUILTIN_PROFILES: Readonly<Record<string, SourcedProfile>> = { rocket: rocketSourced, ideal: idealSourced };

/** A fresh copy of a built-in profile. */
export function builtinProfile(name: 'rocket' | 'ideal'): TimingProfile {
  return profileValues(BUILTIN_PROFILES[name]);
}

export const rocketProfile = (): TimingProfile => profileValues(rocketSourced);
export const idealProfile = (): TimingProfile => profileValues(idealSourced);

/** Same as parseTimingProfile (kept for callers that import it from here). */
export { parseTimingProfile as parseUserProfile } from '../parse';
