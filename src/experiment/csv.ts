/** CSV (RFC 4180): a header line, one line per row, CRLF-free (\n) line ends. */

export type CsvValue = number | string | null;

function field(v: CsvValue): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function formatCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return [header, ...rows].map((r) => r.map(field).join(',')).join('\n') + '\n';
}
