/** Tracing, timeline and profiler: public API. */
export { addTraceOptions, attachObservers, TRACE_OPTIONS } from './options';
export type { AttachedObservers, TraceHost, TraceOptionDef, TraceOptions } from './options';
export { CommitLogger, type CommitLogOptions } from './commitlog';
export { Profiler, type FunctionProfile, type HartProfileReport } from './profile';
export { formatFolded, formatProfileJson, formatProfileTable } from './profile-format';
export { Timeline } from './timeline';
export { FanOut, combine } from './fanout';
export { Symbolizer } from './symbols';
export { TextBuffer } from './buffer';
