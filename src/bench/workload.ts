/**
 * A benchmark workload, one of two kinds:
 *
 * - an assembly workload (AsmWorkload): a self-checking bare-metal program in GNU-as syntax
 *   (RV64IMAC, entered in M-mode at `_start` with a0 = hart id), sized by named parameters that
 *   become `.equ` lines in front of the source. It ends through the test device at 0x100000:
 *   0x5555 when every check passed, `(code << 16) | 0x3333` naming the check that failed.
 * - a boot-image workload (ImageWorkload): a system image of src/os/systems (firmware, kernel
 *   and user programs) booted with boot arguments made from the parameters; it passes when it
 *   powers off with code 0 and its console output passes the workload's check.
 *
 * Both are sized the same way and built outside the timed region: the assembly by
 * buildWorkload (runner.ts), the image by the host, which reads and caches system images.
 */
import { RvnError } from '../errors';
import type { UintcMode } from '../uintc/uintc';

export type WorkloadParams = Readonly<Record<string, number>>;

interface WorkloadCommon {
  readonly name: string;
  readonly description: string;
  /** Harts the board needs (the workload parks any extra ones). */
  readonly harts: number;
  /** Full size (~20–50 M instructions) and the quick size used by tests and `--quick`. */
  readonly sizes: { readonly full: WorkloadParams; readonly quick: WorkloadParams };
}

export interface AsmWorkload extends WorkloadCommon {
  /** Absent or 'asm': the workloads written in assembly are the default kind. */
  readonly kind?: 'asm';
  /** Assembly source body; the parameters are defined as `.equ` symbols before it. */
  readonly body: string;
  /**
   * Extra `.equ` values derived from the parameters (expected results that the guest
   * compares against, computed by a reference model in TypeScript).
   */
  readonly derive?: (params: WorkloadParams) => Readonly<Record<string, bigint | number>>;
}

export interface ImageWorkload extends WorkloadCommon {
  readonly kind: 'image';
  /** The system it boots: src/os/systems/NAME.ts, built as `rvn images NAME` builds it. */
  readonly image: string;
  /** The kernel command line for the given parameters. */
  readonly bootargs: (params: WorkloadParams) => string;
  /**
   * Checks what the guest printed on its console: undefined when the run did what the
   * parameters asked, else a sentence saying what is wrong.
   */
  readonly check: (consoleText: string, params: WorkloadParams) => string | undefined;
  /** Machine settings the image runs with where they differ from the board's defaults. */
  readonly machine?: { readonly quantum?: number; readonly uintc?: UintcMode };
}

export type Workload = AsmWorkload | ImageWorkload;

export function isImageWorkload(w: Workload): w is ImageWorkload {
  return w.kind === 'image';
}

export function isAsmWorkload(w: Workload): w is AsmWorkload {
  return w.kind !== 'image';
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
export function workloadSource(w: AsmWorkload, params: WorkloadParams): string {
  let head = `# rvn benchmark workload '${w.name}'\n`;
  for (const [k, v] of Object.entries(params)) head += equ(k, v);
  if (w.derive !== undefined) for (const [k, v] of Object.entries(w.derive(params))) head += equ(k, v);
  return head + w.body + EXIT_ROUTINES;
}
