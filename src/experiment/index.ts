/** The experiment framework: public API (a library: no files, no clock, no process). */
export type { AnyExperiment, Column, EmulatorSettings, Experiment, HostTiming, PointContext, PointFailure, RowData, RowValue, StoredRow, SweepSize, TimingName } from './contract';
export { DEFAULT_EMULATOR, SWEEP_SIZES, TIMING_NAMES, UINTC_MODES } from './contract';
export type { Claim, ClaimOutcome, ClaimReport, ReferenceRows, Verdict } from './claims';
export { VERDICTS, evaluateClaims } from './claims';
export type { FigureSpec } from './figures';
export { formatJson, parseJsonText, withoutHost } from './json';
export type { Json } from './json';
export { mergeResults } from './merge';
export type { MergeInput, MergeOutcome, Prefer } from './merge';
export { planOutputs, RESULTS_JSON } from './outputs';
export type { OutputFile } from './outputs';
export { describeParams, formatPointId, parsePointId } from './params';
export type { ParamSpec, PointRecord } from './params';
export { ALL_EXPERIMENTS, REGISTRY } from './registry';
export {
  RESULTS_FORMAT, findExperiment, formatResults, missingPoints, parsePoint, pointIdOf, readResults, sortPart, storeRow,
} from './results';
export type { EmulatorInfo, ExperimentResults, Registry, ResultsFile } from './results';
