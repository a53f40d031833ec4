/** Register, CSR and fence-set names as objdump prints them. Tables built once, never mutated. */
import { CSR_NAMES_1P11_OVERRIDES, CSR_NAMES_1P12, CSR_NAMES_RVN } from './csr-names';

export const ABI_NAMES: readonly string[] = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

/** fence pred/succ sets; objdump prints an empty set as "unknown". */
export function fenceSet(bits: number): string {
  if (bits === 0) return 'unknown';
  return (bits & 8 ? 'i' : '') + (bits & 4 ? 'o' : '') + (bits & 2 ? 'r' : '') + (bits & 1 ? 'w' : '');
}

export type PrivSpec = '1.11' | '1.12';

function csrTable(spec: PrivSpec, rvn: boolean): readonly (string | undefined)[] {
  const t: (string | undefined)[] = new Array(4096).fill(undefined);
  for (const [n, name] of CSR_NAMES_1P12) t[n] = name;
  if (spec === '1.11') for (const [n, name] of CSR_NAMES_1P11_OVERRIDES) t[n] = name ?? undefined;
  if (rvn) for (const [n, name] of CSR_NAMES_RVN) t[n] = name;
  return Object.freeze(t);
}

const TABLES = {
  '1.12': csrTable('1.12', false),
  '1.11': csrTable('1.11', false),
  '1.12rvn': csrTable('1.12', true),
  '1.11rvn': csrTable('1.11', true),
} as const;

/** The CSR name for a number, or its hex spelling as objdump prints unnamed CSRs. */
export function csrName(csr: number, spec: PrivSpec, rvn: boolean): string {
  const name = TABLES[`${spec}${rvn ? 'rvn' : ''}` as keyof typeof TABLES][csr];
  return name ?? '0x' + csr.toString(16);
}
