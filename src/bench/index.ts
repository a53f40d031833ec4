/** The benchmark suite: workloads, the runner and the report format. */
export * from './workload';
export * from './runner';
export * from './report';
export { WORKLOADS } from './workloads/index';
export { checkIpcBenchReport } from './workloads/kipc';
