/** Tracing, timeline and profiler: public API. */
export { attachObservers } from './attach';
export type { AttachedObservers, ObservedMachine, SymbolSource, TraceHost, TraceOptions } from './attach';
export { CommitLogger, type CommitLogOptions } from './commitlog';
export { Profiler, type FunctionProfile, type HartProfileReport } from './profile';
export { formatFolded, formatProfileJson, formatProfileTable } from './profile-format';
export { Timeline, type MsipWindow } from './timeline';
export { FanOut, combine } from './fanout';
export { Symbolizer } from './symbols';
export { TextBuffer } from './buffer';
