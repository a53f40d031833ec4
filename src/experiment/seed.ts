/**
 * The seed's reference data: the numbers of the original runs (a QEMU fork with UINTR, and a
 * 4-core Rocket FPGA at 100 MHz), transcribed from the seed's README ("Reference data"), which
 * takes them from the test report 000_4ef113414a36f854 and its spreadsheets. Data only: the
 * IPC and NWP modules turn these tables into reference rows for the figures and the claims.
 */

export const SEED_SOURCE =
  "seed test report 000_4ef113414a36f854 (ReL4 on a UINTR QEMU fork and a Rocket FPGA); numbers transcribed from the seed README's 'Reference data'";

/** A series of values by concurrency / connection count. */
export type Curve = Readonly<Record<number, number>>;

export interface SeedIpcCycles {
  readonly label: string;
  readonly note: string;
  /** Cycles per call at server load 0, by concurrency (sync series at concurrency 1). */
  readonly cycles: Readonly<Record<string, Curve>>;
}

/**
 * QEMU run, load 0. The original read a 10 MHz timer, so these may be timer ticks rather than
 * cycles. Its sync-up figure does not name the path; the same-hart Call with the server waiting
 * takes the fast path, so it is listed as sync-up-fast.
 */
export const SEED_IPC_QEMU: SeedIpcCycles = {
  label: 'seed QEMU',
  note: 'QEMU fork, server load 0; "cycles" read from a 10 MHz timer (possibly timer ticks)',
  cycles: {
    'async-up': { 1: 1326, 2: 793, 4: 524, 8: 387, 16: 318, 32: 283, 64: 262, 128: 251 },
    'async-smp': { 1: 1248, 2: 642, 4: 434, 8: 344, 16: 315, 32: 307, 64: 298, 128: 298 },
    'sync-up-fast': { 1: 535 },
    'sync-smp': { 1: 1813 },
  },
};

/** Rocket FPGA (100 MHz, real cycles), load 0, the later published sheet (concurrency 1..32). */
export const SEED_IPC_FPGA: SeedIpcCycles = {
  label: 'seed FPGA',
  note: 'Rocket FPGA, 100 MHz, 16 KiB L1s, no L2; server load 0; published sheet',
  cycles: {
    'async-up': { 1: 10559, 2: 5988, 4: 3473, 8: 2520, 16: 1977, 32: 1722 },
    'async-smp': { 1: 10359, 2: 4570, 4: 2288, 8: 1863, 16: 1567, 32: 1477 },
    'sync-up-slow': { 1: 8077 },
    'sync-up-fast': { 1: 3027 },
    'sync-smp': { 1: 19430 },
  },
};

/** The earlier FPGA sheet (load 0): only the end points are in the README. */
export const SEED_IPC_FPGA_EARLY: SeedIpcCycles = {
  label: 'seed FPGA (earlier sheet)',
  note: 'Rocket FPGA, earlier sheet, load 0: concurrency 1 and 128 only',
  cycles: {
    'async-up': { 1: 6648, 128: 1238 },
    'async-smp': { 1: 5663, 128: 1288 },
    'sync-up-slow': { 1: 3129 },
    'sync-up-fast': { 1: 2141 },
    'sync-smp': { 1: 6283 },
  },
};

/** User interrupts per call (QEMU, load 0), concurrency 1..32. */
export const SEED_IPC_UINTR_QEMU: Readonly<Record<'async-up' | 'async-smp', { readonly server: Curve; readonly client: Curve }>> = {
  'async-up': {
    server: { 1: 1, 2: 0.5, 4: 0.25, 8: 0.126, 16: 0.063, 32: 0.032 },
    client: { 1: 1, 2: 0.501, 4: 0.25, 8: 0.126, 16: 0.063, 32: 0.032 },
  },
  'async-smp': {
    server: { 1: 1, 2: 0.502, 4: 0.497, 8: 0.442, 16: 0.426, 32: 0.422 },
    client: { 1: 1, 2: 0.501, 4: 0.31, 8: 0.132, 16: 0.103, 32: 0.107 },
  },
};

/** One phase of an async call on the FPGA, in the order the seed lists them. */
export interface SeedPhase {
  /** The key our rows' `phases` map uses for the same phase. */
  readonly key: string;
  readonly label: string;
  readonly cycles: number;
}

/**
 * Per-phase cost of one async call on the FPGA (cycles). The seed gives the total as 2815;
 * the listed phases add up to 2539 (the README does not say where the rest goes).
 */
export const SEED_PHASES_FPGA: readonly SeedPhase[] = [
  { key: 'client.fetch-task', label: 'client: fetch task', cycles: 208 },
  { key: 'client.fill-send', label: 'client: fill & send (407 without the user interrupt)', cycles: 1009 },
  { key: 'server.get-request', label: 'server: get request', cycles: 78 },
  { key: 'server.write-reply', label: 'server: write reply', cycles: 81 },
  { key: 'client.get-reply', label: 'client: get reply', cycles: 78 },
  { key: 'client.wake-task', label: 'client: wake task', cycles: 216 },
  { key: 'client.fetch-woken-task', label: 'client: fetch (woken) task', cycles: 208 },
  { key: 'client.task-get-reply', label: 'client: task gets reply', cycles: 661 },
];
export const SEED_PHASES_FPGA_TOTAL = 2815;
export const SEED_FILL_SEND_WITHOUT_UINTR = 407;

/** The NWP variants in the seed's row order (单核同步, 多核同步, 单核异步, 多核异步). */
export const SEED_NWP_VARIANTS = ['up-sync', 'smp-sync', 'up-async', 'smp-async'] as const;
export const SEED_NWP_CONNECTIONS = [1, 2, 4, 8, 16, 32] as const;

type ByVariant = Readonly<Record<(typeof SEED_NWP_VARIANTS)[number], readonly number[]>>;

/** QEMU NWP: requests per second of wall time, and call delay average (ms) and variance (ms²). */
export const SEED_NWP_QEMU: {
  readonly label: string;
  readonly note: string;
  readonly read: ByVariant;
  readonly write: ByVariant;
  readonly call: ByVariant;
  readonly callDelayAvgMs: ByVariant;
  readonly callDelayVarMs2: ByVariant;
} = {
  label: 'seed QEMU',
  note: 'QEMU fork, 1-byte packets, requests per second of wall time',
  read: {
    'up-sync': [3320, 3959, 4564, 3641, 2880, 2968],
    'smp-sync': [3842, 4695, 4789, 3715, 3009, 2930],
    'up-async': [6340, 7901, 12235, 7266, 5109, 5327],
    'smp-async': [6889, 10404, 15780, 8149, 5934, 5203],
  },
  write: {
    'up-sync': [392, 814, 726, 757, 713, 637],
    'smp-sync': [865, 827, 889, 884, 798, 744],
    'up-async': [863, 920, 949, 802, 783, 751],
    'smp-async': [953, 1068, 1082, 1057, 973, 834],
  },
  call: {
    'up-sync': [233, 394, 371, 362, 350, 329],
    'smp-sync': [463, 404, 406, 397, 390, 362],
    'up-async': [478, 428, 414, 373, 372, 349],
    'smp-async': [485, 449, 461, 463, 449, 419],
  },
  callDelayAvgMs: {
    'up-sync': [4.17, 5.06, 10.76, 22.07, 45.64, 97.15],
    'smp-sync': [2.15, 4.94, 9.83, 20.11, 41.02, 88.22],
    'up-async': [2.08, 4.66, 9.64, 21.37, 42.87, 91.55],
    'smp-async': [2.05, 4.45, 8.66, 17.24, 35.59, 76.06],
  },
  callDelayVarMs2: {
    'up-sync': [23.2, 2.39, 10.58, 22.14, 48.37, 126.99],
    'smp-sync': [0.059, 4.32, 8.86, 19.41, 49.35, 104.28],
    'up-async': [0.04, 2.4, 18.11, 543.13, 1270.47, 5444.34],
    'smp-async': [0.09, 0.48, 1.13, 2.78, 2.78, 11.22],
  },
};

/**
 * Rocket FPGA NWP call test with 64-byte packets: the README gives only the first and the last
 * value of each series ("527…577"); they are taken to be 1 and 32 connections, the ends of the
 * seed's sweep.
 */
export const SEED_NWP_FPGA_CALL: {
  readonly label: string;
  readonly note: string;
  readonly connections: readonly number[];
  readonly throughput: ByVariant;
  readonly delayAvgMs: ByVariant;
} = {
  label: 'seed FPGA',
  note: 'Rocket FPGA, call test, 64-byte packets; first and last value only (taken as 1 and 32 connections)',
  connections: [1, 32],
  throughput: {
    'up-sync': [527, 577],
    'smp-sync': [760, 539],
    'up-async': [1021, 1272],
    'smp-async': [1416, 1421],
  },
  delayAvgMs: {
    'up-sync': [1.89, 54.61],
    'smp-sync': [1.31, 58.63],
    'up-async': [0.97, 23.84],
    'smp-async': [0.7, 22.2],
  },
};
