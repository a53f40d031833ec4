/**
 * A benchmark workload: a self-checking bare-metal program in GNU-as syntax (RV64IMAC,
 * entered in M-mode at `_start` with a0 = hart id), sized by named parameters that become
 * `.equ` lines in front of the source. It ends through the test device at 0x100000:
 * 0x5555 when every check passed, `(code << 16) | 0x3333` naming the check that failed.
 */
import { RvnError } from '../errors';

export type WorkloadParams = Readonly<Record<string, number>>;

export interface Workload {
  readonly name: string;
  readonly description: string;
  /** Harts the board needs (the workload parks any extra ones). */
  readonly harts: number;
  /** Full size (~20–50 M instructions) and the quick size used by tests and `--quick`. */
  readonly sizes: { readonly full: WorkloadParams; readonly quick: WorkloadParams };
  /** Assembly source body; the parameters are defined as `.equ` symbols before it. */
  readonly body: string;
  /**
   * Extra `.equ` values derived from the parameters (expected results that the guest
   * compares against, computed by a reference model in TypeScript).
   */
  readonly derive?: (params: WorkloadParams) => Readonly<Record<string, bigint | number>>;
}

/** The common exit routines: `pass`, and `fail` with the check number in a0. */
export const EXIT_ROUTINES = `
    .text
    .balign 4
pass:
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b
fail:
    li t0, 0x100000
    slli a0, a0, 16
    li t1, 0x3333
    or t1, t1, a0
    sw t1, 0(t0)
1:  j 1b
`;

/** Largest magnitude an `.equ` value may have: the assembler evaluates `.equ` as a JS number. */
const EQU_LIMIT = 2n ** 53n;

function equ(name: string, value: bigint | number): string {
  const v = BigInt.asIntN(64, BigInt(value));
  if (v >= EQU_LIMIT || v <= -EQU_LIMIT) throw new RvnError(`workload parameter ${name} = ${v} does not fit an .equ (|v| < 2^53); pass it as 32-bit halves`);
  return `    .equ ${name}, ${v}\n`;
}

/** The complete assembly source of `w` for the given parameters. */
export function workloadSource(w: Workload, params: WorkloadParams): string {
  let head = `# rvn benchmark workload '${w.name}'\n`;
  for (const [k, v] of Object.entries(params)) head += equ(k, v);
  if (w.derive !== undefined) for (const [k, v] of Object.entries(w.derive(params))) head += equ(k, v);
  return head + w.body + EXIT_ROUTINES;
}
