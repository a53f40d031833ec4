/**
 * The cycle model (spec/timing.md, docs/timing.md): profiles, their validation, and the
 * per-hart TimingModel the hart feeds with RetireRecords.
 */
import type { TimingProfile } from './profile';
import type { TimingModel } from './record';
import { RocketTimingModel } from './rocket';
import { IdealTimingModel } from './ideal';
import type { FunctionCache } from './timing-code';

export { type TimingProfile, type TimingModelKind, type ProfileField, PROFILE_FIELDS } from './profile';
export { parseTimingProfile } from './parse';
export { InsnClass, InsnClassCount, TrapKind, type RetireRecord, type TimingHost, type TimingModel } from './record';
export { TimingEvent, TIMING_EVENTS, TIMING_EVENT_COUNT } from './events';
export { FunctionCache } from './timing-code';
export { BUILTIN_PROFILES, builtinProfile, rocketProfile, idealProfile, type SourcedProfile } from './profiles/index';

/**
 * A timing model for one hart. `hartId` seeds the cache-replacement LFSRs so that harts differ
 * deterministically. The hart the model is given to attaches itself as the model's TimingHost
 * (TimingModel.attach); until then translation is taken as Bare.
 */
export function createTimingModel(profile: TimingProfile, hartId = 0, cache?: FunctionCache): TimingModel {
  if (profile.model === 'ideal') return new IdealTimingModel(profile.name);
  return new RocketTimingModel(profile, hartId, cache);
}
