/**
 * Claims as code: each of the seed's claims is a function of the rows that returns a verdict
 * and the numbers behind it. The criterion text sits next to the function and is what
 * report.md, claims.json and docs/experiments.md print, so the words and the code are one.
 */

export type Verdict = 'reproduced' | 'not reproduced' | 'not measured';
export const VERDICTS: readonly Verdict[] = ['reproduced', 'not reproduced', 'not measured'];

export interface ClaimOutcome {
  readonly verdict: Verdict;
  /** Why, in one or two sentences: what held, what failed, or which rows are missing. */
  readonly reason: string;
  /** The numbers the verdict was computed from, by name (insertion order is kept). */
  readonly numbers: Readonly<Record<string, number>>;
}

/** A claim over rows of type F (F: the fields the claim reads, a subset of a row). */
export interface Claim<F> {
  readonly id: string;
  /** The seed's claim, as README.md words it. */
  readonly statement: string;
  /** The precise criterion this code applies, thresholds included. */
  readonly criterion: string;
  evaluate(rows: readonly F[]): ClaimOutcome;
}

/** Rows of the seed's own runs, to show what each criterion says about the original data. */
export interface ReferenceRows<F> {
  readonly label: string;
  readonly rows: readonly F[];
}

export interface ClaimReport {
  readonly id: string;
  readonly statement: string;
  readonly criterion: string;
  readonly verdict: Verdict;
  readonly reason: string;
  readonly numbers: Readonly<Record<string, number>>;
  /** The same criterion applied to the seed's reference data, by reference label. */
  readonly reference: Readonly<Record<string, { readonly verdict: Verdict; readonly reason: string }>>;
}

/** Evaluates every claim on `rows` and on each reference data set. */
export function evaluateClaims<F>(claims: readonly Claim<F>[], rows: readonly F[], references: readonly ReferenceRows<F>[]): ClaimReport[] {
  return claims.map((c) => {
    const o = c.evaluate(rows);
    const reference: Record<string, { verdict: Verdict; reason: string }> = {};
    for (const r of references) {
      const ro = c.evaluate(r.rows);
      reference[r.label] = { verdict: ro.verdict, reason: ro.reason };
    }
    return { id: c.id, statement: c.statement, criterion: c.criterion, verdict: o.verdict, reason: o.reason, numbers: o.numbers, reference };
  });
}

/** Builds an outcome from a list of failed conditions (empty: reproduced). */
export function judge(failures: readonly string[], numbers: Record<string, number>, holds: string): ClaimOutcome {
  if (failures.length === 0) return { verdict: 'reproduced', reason: holds, numbers };
  return { verdict: 'not reproduced', reason: failures.join('; '), numbers };
}

export function notMeasured(missing: readonly string[], numbers: Record<string, number> = {}): ClaimOutcome {
  return { verdict: 'not measured', reason: `missing rows: ${missing.join('; ')}`, numbers };
}

/** A ratio as a signed percentage with one decimal ("+77.5%"). */
export function pct(x: number): string {
  const p = x * 100;
  return `${p >= 0 ? '+' : ''}${p.toFixed(1)}%`;
}

/** A number for reasons: up to 4 significant digits, no exponent for ordinary sizes. */
export function num(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 1000) return x.toFixed(0);
  if (a >= 1) return String(Number(x.toPrecision(4)));
  return String(Number(x.toPrecision(3)));
}
