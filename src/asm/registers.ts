/** Integer register names: numeric (x0..x31), ABI names (psABI) and `fp` (= s0). */

const ABI = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
] as const;

function buildRegisterMap(): ReadonlyMap<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < 32; i++) {
    m.set(`x${i}`, i);
    m.set(ABI[i], i);
  }
  m.set('fp', 8);
  return m;
}

const REGISTERS = buildRegisterMap();

/** The register number named by `name`, or undefined. */
export function registerNumber(name: string): number | undefined {
  return REGISTERS.get(name.trim().toLowerCase());
}

/** ABI name of register `r` (for messages). */
export function abiName(r: number): string {
  return ABI[r] ?? `x${r}`;
}

/** Whether `r` is one of x8..x15, the registers a 3-bit compressed field can name. */
export function isPrimeReg(r: number): boolean {
  return r >= 8 && r <= 15;
}
