/**
 * The optimiser: whole-program inlining, then per function the clean-ups, loop-invariant code
 * motion, induction-variable strength reduction, memory forwarding, extension removal, the
 * prologue placement (shrink-wrapping) and instruction scheduling for the target core.
 * `-O0` (CompileOptions.optimize false) skips all of it.
 */
import type { IrFunction } from '../ir';
import type { TimingProfile } from '../../timing/profile';
import { removeExtensions } from './bits';
import { buildCfg, ensurePreheaders, findLoops, simplifyCfg } from './cfg';
import { inlineProgram, type InlineContext } from './inline';
import { hoistInvariants } from './licm';
import { reduceInductionVariables } from './ivsr';
import { coalesceMoves, foldKnownConstants, globalCse, localCse, propagateCopies, removeDeadCode } from './local';
import { forwardMemory, markDeviceAccesses } from './memory';
import { promoteScalars } from './promote';
import { isFlat, latenciesOf, scheduleFunction } from './schedule';
import { placePrologue } from './shrinkwrap';

export interface OptimizeOptions extends InlineContext {
  /** The timing profile code is scheduled for (undefined: no scheduling). */
  target: TimingProfile | undefined;
}

function cleanUp(fn: IrFunction): void {
  foldKnownConstants(fn);
  propagateCopies(fn);
  localCse(fn);
  globalCse(fn);
  removeDeadCode(fn);
  coalesceMoves(fn);
}

/** Optimises every function; returns the functions to emit (some may be inlined away). */
export function optimizeProgram(fns: IrFunction[], options: OptimizeOptions): IrFunction[] {
  // Light clean-up first: the inliner's size estimates should not count lowering's copies.
  for (const fn of fns) { simplifyCfg(fn); propagateCopies(fn); removeDeadCode(fn); }
  const kept = inlineProgram(fns, options);
  for (const fn of kept) optimizeFunction(fn, options.target);
  return kept;
}

function optimizeFunction(fn: IrFunction, target: TimingProfile | undefined): void {
  simplifyCfg(fn);
  foldKnownConstants(fn);
  propagateCopies(fn);
  localCse(fn);
  markDeviceAccesses(fn);
  ensurePreheaders(fn);
  hoistInvariants(fn, findLoops(fn, buildCfg(fn)));
  promoteScalars(fn);
  cleanUp(fn);
  reduceInductionVariables(fn, findLoops(fn, buildCfg(fn)));
  forwardMemory(fn);
  removeExtensions(fn);
  cleanUp(fn);
  simplifyCfg(fn);
  if (target && !isFlat(target)) scheduleFunction(fn, latenciesOf(target));
  placePrologue(fn);
}
