/**
 * The plug-in contract: what an experiment gives the framework, and what the framework gives
 * each point it runs.
 *
 * An experiment is a parameter table (the point-id syntax), its sweeps (`points('full' |
 * 'quick')`), and `runPoint(point, ctx)`: a host-side function that builds or fetches its
 * images through `ctx.image(name)`, boots a `Machine` with `ctx.machineOptions()` plus its own
 * harts and boot arguments, runs it and returns the measured row(s). Everything else (sweeping
 * in parallel workers, progress, point files, merging, CSV/JSON, claims, figures, report) is
 * the framework's. runPoint reads no host clock: the framework times each point and keeps host
 * time in separate `host` fields, so rows are deterministic.
 *
 * A point that cannot run throws an RvnError with a one-line message; the sweep records it as
 * a failed point and carries on with the others.
 */
import type { MachineOptions, UintcMode } from '../machine/machine';
import type { ClaimReport } from './claims';
import type { FigureSpec } from './figures';
import type { Json } from './json';
import type { ParamSpec, PointRecord } from './params';

export type SweepSize = 'full' | 'quick';
export const SWEEP_SIZES: readonly SweepSize[] = ['full', 'quick'];

export type TimingName = 'rocket' | 'ideal';
export const TIMING_NAMES: readonly TimingName[] = ['rocket', 'ideal'];
export const UINTC_MODES: readonly UintcMode[] = ['rocket', 'qemu'];

/** The emulator options every point of a sweep shares; recorded in results.json. */
export interface EmulatorSettings {
  readonly timing: TimingName;
  readonly uintc: UintcMode;
  readonly quantum: number;
}

export const DEFAULT_EMULATOR: EmulatorSettings = { timing: 'rocket', uintc: 'rocket', quantum: 10 };

/** What the framework hands to runPoint. */
export interface PointContext {
  readonly size: SweepSize;
  readonly emulator: EmulatorSettings;
  /** Fresh `new Machine` options for the shared settings (timing profile, UINTC mode, quantum). */
  machineOptions(): MachineOptions;
  /**
   * A boot image by name (e.g. a kernel image with its benchmark programs), built by the host
   * once per worker and cached. Unknown names are a one-line RvnError.
   */
  image(name: string): Promise<Uint8Array>;
}

/** A row value: numbers, labels, missing numbers, sample arrays and name → number maps. */
export type RowValue = number | string | null | readonly number[] | Readonly<Record<string, number>>;
export type RowData = Readonly<Record<string, RowValue>>;

/** One CSV column. */
export interface Column<M> {
  readonly name: string;
  value(row: M): number | string | null;
}

/** A point's outcome as the framework stores it: the point id, the measurements, host time. */
export type StoredRow<M extends RowData = RowData> = { readonly point: string } & M & { readonly host: HostTiming };

export interface HostTiming {
  /** Wall-clock seconds the point took on the host (not deterministic: kept apart). */
  readonly seconds: number;
}

export interface PointFailure {
  readonly point: string;
  readonly message: string;
  readonly host: HostTiming;
}

export interface Experiment<P extends PointRecord = PointRecord, M extends RowData = RowData> {
  readonly name: string;
  readonly title: string;
  /** One line for the help text. */
  readonly description: string;
  readonly params: readonly ParamSpec[];
  /** The sweep's points, in report order. */
  points(size: SweepSize): readonly P[];
  /** Cross-parameter checks on a parsed point id (one-line usage RvnError when invalid). */
  checkPoint(point: PointRecord): P;
  /** Runs one point on a fresh machine. */
  runPoint(point: P, ctx: PointContext): Promise<readonly M[]>;
  /** Checks a row (from runPoint or from a results file) and returns it with its fields in canonical order. */
  readRow(raw: Json, where: string): M;
  /** The point a row belongs to. */
  pointOf(row: M): P;
  columns(rows: readonly M[]): readonly Column<M>[];
  /** One line describing a row, for progress output. */
  summarize(row: M): string;
  claims(rows: readonly M[]): readonly ClaimReport[];
  figures(rows: readonly M[]): readonly FigureSpec[];
  /** Experiment-specific Markdown (tables beside the seed's), for report.md. */
  reportTables(rows: readonly M[]): string;
}

/** An experiment of unknown point and row types, as registries and hosts hold them. */
export type AnyExperiment = Experiment<PointRecord, RowData>;
