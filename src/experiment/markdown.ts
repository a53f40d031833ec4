/** Markdown helpers for report.md. */

/** A Markdown table; cells are escaped so a '|' in a label cannot break a row. */
export function mdTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const esc = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const line = (cells: readonly string[]): string => `| ${cells.map(esc).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n') + '\n';
}

/** A number for tables: integers as they are, others with up to 4 significant digits. */
export function cell(x: number | undefined | null, digits = 4): string {
  if (x === undefined || x === null || !Number.isFinite(x)) return '—';
  if (Number.isInteger(x)) return String(x);
  const a = Math.abs(x);
  if (a >= 10 ** digits) return x.toFixed(0);
  return String(Number(x.toPrecision(digits)));
}
