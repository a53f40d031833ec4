/**
 * Which files a results file turns into (the host writes them; figures it renders to SVG and
 * PNG). One experiment: everything in the output directory. Several (`rvn experiment all`, or
 * a merge of both): the combined results.json, claims.json and report.md at the top, and each
 * experiment's complete set in a subdirectory named after it (the same files `rvn experiment
 * NAME` writes).
 */
import type { RowData } from './contract';
import type { FigureSpec } from './figures';
import { claimsOf, formatClaimsJson, formatReport } from './report';
import type { Registry, ResultsFile } from './results';
import { findExperiment, formatResults, formatResultsCsv } from './results';

export type OutputFile =
  | { readonly kind: 'text'; readonly path: string; readonly text: string }
  /** `path` without extension: the host writes path.svg, path.png and path.vl.json. */
  | { readonly kind: 'figure'; readonly path: string; readonly figure: FigureSpec };

export const RESULTS_JSON = 'results.json';

function single(reg: Registry, file: ResultsFile, dir: string): OutputFile[] {
  const part = file.experiments[0];
  const exp = findExperiment(reg, part.name);
  const ec = claimsOf(reg, file);
  return [
    { kind: 'text', path: dir + RESULTS_JSON, text: formatResults(file) },
    { kind: 'text', path: dir + 'results.csv', text: formatResultsCsv(exp, part) },
    { kind: 'text', path: dir + 'claims.json', text: formatClaimsJson(file, ec) },
    { kind: 'text', path: dir + 'report.md', text: formatReport(file, ec, () => '') },
    ...exp.figures(part.rows as readonly RowData[]).map((f): OutputFile => ({ kind: 'figure', path: dir + f.name, figure: f })),
  ];
}

/** Every output file of `file`, with paths relative to the output directory. */
export function planOutputs(reg: Registry, file: ResultsFile): OutputFile[] {
  if (file.experiments.length <= 1) {
    if (file.experiments.length === 0) return [{ kind: 'text', path: RESULTS_JSON, text: formatResults(file) }];
    return single(reg, file, '');
  }
  const ec = claimsOf(reg, file);
  const out: OutputFile[] = [
    { kind: 'text', path: RESULTS_JSON, text: formatResults(file) },
    { kind: 'text', path: 'claims.json', text: formatClaimsJson(file, ec) },
    { kind: 'text', path: 'report.md', text: formatReport(file, ec, (name) => `${name}/`) },
  ];
  for (const part of file.experiments) out.push(...single(reg, { ...file, experiments: [part] }, `${part.name}/`));
  return out;
}
