/**
 * CSR names the assembler accepts: every CSR of the emulator's CSR table (src/csr/table.ts),
 * plus a few standard names the hart does not implement but GNU as accepts (F-extension and
 * debug CSRs), so that such code still assembles. Any CSR can also be written by number.
 */
import { csrByName } from '../csr/table';

const EXTRA: ReadonlyMap<string, number> = new Map([
  ['fflags', 0x001], ['frm', 0x002], ['fcsr', 0x003],
  ['dcsr', 0x7b0], ['dpc', 0x7b1], ['dscratch0', 0x7b2], ['dscratch1', 0x7b3],
]);

/** The CSR number named by `name`, or undefined. */
export function csrNumber(name: string): number | undefined {
  const n = name.toLowerCase();
  return csrByName(n) ?? EXTRA.get(n);
}
