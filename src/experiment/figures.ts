/**
 * Figure specifications: Vega-Lite specs (plain JSON) with our series and the seed's reference
 * series side by side, one panel per data source (this run, seed QEMU, seed FPGA), each panel
 * with its own y scale where the sources measure in different units. The host renders them to
 * SVG (vega) and PNG (resvg); the specs are also written next to the images (`*.vl.json`) so
 * they can be opened in the Vega editor or re-styled.
 */
import type { Json } from './json';

export interface FigureSpec {
  /** File name without extension, after the seed's figure (e.g. async_call_cpu_cycle). */
  readonly name: string;
  readonly title: string;
  /** One sentence for report.md: what is drawn, from which rows. */
  readonly caption: string;
  readonly spec: Json;
}

/** The label of our own data in every figure and table. */
export const OURS = 'rvn (this run)';

export interface FigurePoint {
  readonly source: string;
  readonly series: string;
  readonly x: number;
  readonly y: number;
}

export interface LineFigureOptions {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly xTitle: string;
  readonly yTitle: string;
  /** Powers of two on the x axis (concurrency, connections), drawn on a log2 scale. */
  readonly xTicks: readonly number[];
  readonly yLog?: boolean;
  readonly points: readonly FigurePoint[];
  /** Every series name, in legend order (fixes the colours across panels). */
  readonly series: readonly string[];
  /** Panels, in order; a source without points has no panel. */
  readonly sources: readonly string[];
  /** Separate y scales per panel (sources in different units). */
  readonly independentY: boolean;
}

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
const PANEL = { width: 280, height: 220 };
/** A font every renderer here has (resvg loads the system's DejaVu fonts). */
const CONFIG: Json = { font: 'DejaVu Sans', background: 'white' };

function values(points: readonly FigurePoint[]): Json {
  return points.map((p) => ({ source: p.source, series: p.series, x: p.x, y: p.y }));
}

function presentSources(points: readonly FigurePoint[], sources: readonly string[]): string[] {
  return sources.filter((s) => points.some((p) => p.source === s));
}

/** One panel per source, side by side, each drawn with `mark` and `encoding`. */
function facetedFigure(o: { name: string; title: string; caption: string; points: readonly FigurePoint[]; sources: readonly string[] }, mark: Json, encoding: Json, resolve: Json): FigureSpec {
  const spec: Json = {
    $schema: SCHEMA,
    title: o.title,
    data: { values: values(o.points) },
    facet: { column: { field: 'source', type: 'nominal', title: null, sort: presentSources(o.points, o.sources) } },
    spec: { ...PANEL, mark, encoding },
    resolve: { scale: resolve },
    config: CONFIG,
  };
  return { name: o.name, title: o.title, caption: o.caption, spec };
}

export function lineFigure(o: LineFigureOptions): FigureSpec {
  return facetedFigure(
    o,
    { type: 'line', point: true },
    {
      x: { field: 'x', type: 'quantitative', title: o.xTitle, scale: { type: 'log', base: 2 }, axis: { values: [...o.xTicks], format: 'd' } },
      y: { field: 'y', type: 'quantitative', title: o.yTitle, scale: o.yLog ? { type: 'log' } : { zero: true } },
      color: { field: 'series', type: 'nominal', title: null, scale: { domain: [...o.series] } },
    },
    { y: o.independentY ? 'independent' : 'shared' },
  );
}

export interface BarFigureOptions {
  readonly name: string;
  readonly title: string;
  readonly caption: string;
  readonly yTitle: string;
  /** `series` holds the bar's label; `x` is not used. */
  readonly points: readonly FigurePoint[];
  readonly bars: readonly string[];
  readonly sources: readonly string[];
}

export function barFigure(o: BarFigureOptions): FigureSpec {
  return facetedFigure(
    o,
    { type: 'bar' },
    {
      x: { field: 'series', type: 'nominal', title: null, sort: [...o.bars], axis: { labelAngle: -40 } },
      y: { field: 'y', type: 'quantitative', title: o.yTitle },
    },
    { y: 'independent', x: 'independent' },
  );
}
