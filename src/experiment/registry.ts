/** The experiments `rvn experiment` knows, in report order. */
import { demoExperiment } from './demo/experiment';
import { ipcExperiment } from './ipc/experiment';
import { nwpExperiment } from './nwp/experiment';
import type { Registry } from './results';

export const REGISTRY: Registry = {
  experiments: [ipcExperiment, nwpExperiment, demoExperiment],
};

/** `rvn experiment all`: the seed's reproduction. */
export const ALL_EXPERIMENTS: readonly string[] = ['ipc', 'nwp'];
