/**
 * Names for trap causes and privilege levels, as data. Exception names follow Spike's
 * trap classes (riscv/trap.h: "trap_user_ecall", ...) without the "trap_" prefix; interrupt
 * names follow the privileged spec's mip bit names (N extension: bits 0, 4, 8).
 */

const EXCEPTIONS: readonly (string | undefined)[] = [
  'instruction_address_misaligned', 'instruction_access_fault', 'illegal_instruction', 'breakpoint',
  'load_address_misaligned', 'load_access_fault', 'store_address_misaligned', 'store_access_fault',
  'user_ecall', 'supervisor_ecall', 'virtual_supervisor_ecall', 'machine_ecall',
  'instruction_page_fault', 'load_page_fault', undefined, 'store_page_fault',
];

const INTERRUPTS: readonly (string | undefined)[] = [
  'user_software', 'supervisor_software', undefined, 'machine_software',
  'user_timer', 'supervisor_timer', undefined, 'machine_timer',
  'user_external', 'supervisor_external', undefined, 'machine_external',
];

/** "user_ecall", "machine_timer", or "exception_24" / "interrupt_13" for unnamed causes. */
export function causeName(isInterrupt: boolean, cause: number): string {
  const name = (isInterrupt ? INTERRUPTS : EXCEPTIONS)[cause];
  return name ?? `${isInterrupt ? 'interrupt' : 'exception'}_${cause}`;
}

/** Interrupt cause 3: a machine software interrupt, i.e. an IPI through the CLINT's msip. */
export const MSIP_CAUSE = 3;

export const PRIV_NAMES: readonly string[] = ['U', 'S', '?', 'M'];

export function privName(p: number): string {
  return PRIV_NAMES[p & 3];
}
