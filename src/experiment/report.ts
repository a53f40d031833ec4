/**
 * report.md and claims.json, computed from a results file and nothing else: the run's
 * settings, each claim's verdict with its criterion and numbers (and what the same criterion
 * says about the seed's own data), the figures, the experiments' tables, and the points that
 * failed or are missing.
 */
import type { AnyExperiment, RowData } from './contract';
import type { ClaimReport, Verdict } from './claims';
import { num } from './claims';
import type { FigureSpec } from './figures';
import type { Json } from './json';
import { formatJson } from './json';
import { mdTable } from './markdown';
import { SEED_SOURCE } from './seed';
import type { ExperimentResults, Registry, ResultsFile } from './results';
import { findExperiment, missingPoints } from './results';

export interface ExperimentClaims {
  readonly experiment: AnyExperiment;
  readonly part: ExperimentResults;
  readonly claims: readonly ClaimReport[];
}

export function claimsOf(reg: Registry, file: ResultsFile): ExperimentClaims[] {
  return file.experiments.map((part) => {
    const experiment = findExperiment(reg, part.name);
    return { experiment, part, claims: experiment.claims(part.rows as readonly RowData[]) };
  });
}

function counts(all: readonly ClaimReport[]): Record<Verdict, number> {
  const c = { reproduced: 0, 'not reproduced': 0, 'not measured': 0 } as Record<Verdict, number>;
  for (const x of all) c[x.verdict]++;
  return c;
}

export function formatClaimsJson(file: ResultsFile, ec: readonly ExperimentClaims[]): string {
  const all = ec.flatMap((e) => e.claims);
  const json: Json = {
    format: 'rvn-experiment-claims/1',
    emulator: { ...file.emulator },
    sweep: file.sweep,
    summary: counts(all),
    claims: ec.flatMap((e) =>
      e.claims.map((c) => ({
        id: c.id, experiment: e.experiment.name, statement: c.statement, criterion: c.criterion,
        verdict: c.verdict, reason: c.reason, numbers: { ...c.numbers },
        reference: Object.fromEntries(Object.entries(c.reference).map(([k, v]) => [k, { verdict: v.verdict, reason: v.reason }])),
      })),
    ),
  };
  return formatJson(json);
}

function hostLine(file: ResultsFile): string {
  const parts = file.experiments.map((p) => `${p.name} ${p.host.seconds.toFixed(1)} s (${p.rows.length} rows, ${p.failures.length} failed points)`);
  const h = file.host;
  const extra = ['jobs', 'node', 'cpu', 'finished'].filter((k) => h[k] !== undefined).map((k) => `${k} ${String(h[k])}`);
  const merged = Array.isArray(h.mergedFrom) ? [`merged from ${(h.mergedFrom as readonly Json[]).length} files`] : [];
  return [...parts, ...extra, ...merged].join('; ');
}

function verdictCell(v: Verdict): string {
  return v === 'reproduced' ? '**reproduced**' : v === 'not reproduced' ? '**not reproduced**' : 'not measured';
}

function claimSummary(ec: readonly ExperimentClaims[]): string {
  const refLabels = [...new Set(ec.flatMap((e) => e.claims.flatMap((c) => Object.keys(c.reference))))];
  const body = ec.flatMap((e) => e.claims.map((c) => [c.id, c.statement, verdictCell(c.verdict), ...refLabels.map((l) => c.reference[l]?.verdict ?? '—')]));
  return mdTable(['claim', "seed's statement", 'this run', ...refLabels.map((l) => `criterion on ${l}`)], body);
}

function claimDetail(c: ClaimReport): string {
  const nums = Object.entries(c.numbers);
  const table = nums.length > 0 ? '\n' + mdTable(['number', 'value'], nums.map(([k, v]) => [k, num(v)])) : '';
  const refs = Object.entries(c.reference).map(([l, r]) => `- the same criterion on the ${l} data: ${r.verdict} (${r.reason})`).join('\n');
  return [`### ${c.id}: ${c.statement}\n`, `Criterion: ${c.criterion}\n`, `Verdict: ${verdictCell(c.verdict)}: ${c.reason}`, table, refs ? refs + '\n' : ''].join('\n');
}

function figureBlock(f: FigureSpec, dir: string): string {
  return `![${f.title}](${dir}${f.name}.svg)\n\n*${f.caption}* ([PNG](${dir}${f.name}.png), [Vega-Lite spec](${dir}${f.name}.vl.json))\n`;
}

function pointsNotMeasured(e: ExperimentClaims, file: ResultsFile): string {
  const lines: string[] = [];
  for (const f of e.part.failures) lines.push(`- \`${f.point}\`: failed: ${f.message}`);
  const missing = missingPoints(e.experiment, file.sweep, e.part);
  if (missing.length > 0) lines.push(`- ${missing.length} point(s) of the ${file.sweep} sweep are not in these results: ${missing.map((m) => `\`${m}\``).join(', ')}`);
  return lines.length === 0 ? `Every point of the ${file.sweep} sweep was measured.\n` : lines.join('\n') + '\n';
}

/** report.md. `figureDir(name)`: where an experiment's figures are, relative to the report. */
export function formatReport(file: ResultsFile, ec: readonly ExperimentClaims[], figureDir: (experiment: string) => string): string {
  const e = file.emulator;
  const out: string[] = [];
  const all = ec.flatMap((x) => x.claims);
  const hasReferences = all.some((c) => Object.keys(c.reference).length > 0);
  out.push(`# rvn experiments: ${ec.map((x) => x.experiment.title).join('; ')}\n`);
  out.push('Generated by `rvn experiment` from `results.json`: every verdict, number, table and figure below is computed from its rows by code.\n');
  out.push('## Run\n');
  out.push(
    mdTable(['', ''], [
      ['emulator', `${e.name} ${e.version}`],
      ['options', `--timing ${e.timing} --uintc ${e.uintc} --quantum ${e.quantum}`],
      ['sweep', file.sweep],
      ['host time', hostLine(file)],
      ...(hasReferences ? [['seed data', SEED_SOURCE]] : []),
    ]),
  );
  const n = counts(all);
  out.push('\n## Claims\n');
  const refNote = hasReferences
    ? " The last columns apply the same criterion to the seed's own data: where the seed's data fails a criterion, the claim goes beyond what that run shows."
    : '';
  out.push(`${n.reproduced} reproduced, ${n['not reproduced']} not reproduced, ${n['not measured']} not measured.${refNote}\n`);
  out.push(claimSummary(ec));
  for (const x of all) out.push('\n' + claimDetail(x));
  for (const x of ec) {
    const rows = x.part.rows as readonly RowData[];
    out.push(`\n## ${x.experiment.title}\n`);
    out.push('### Figures\n');
    for (const f of x.experiment.figures(rows)) out.push(figureBlock(f, figureDir(x.experiment.name)));
    out.push('\n' + x.experiment.reportTables(rows));
    out.push('\n### Points not measured\n');
    out.push(pointsNotMeasured(x, file));
  }
  return out.join('\n');
}
