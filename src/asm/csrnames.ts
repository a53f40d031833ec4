/**
 * CSR names the assembler accepts: every CSR of the emulator's CSR table (src/csr/table.ts),
 * plus a few standard names the hart does not implement but GNU as accepts (F-extension,
 * debug, and the RV32 high halves), so that such code still assembles. Any CSR can also be written by number.
 */
import { csrByName } from '../csr/table';

function extraNames(): ReadonlyMap<string, number> {
  const m = new Map<string, number>([
    ['fflags', 0x001], ['frm', 0x002], ['fcsr', 0x003],
    ['dcsr', 0x7b0], ['dpc', 0x7b1], ['dscratch0', 0x7b2], ['dscratch1', 0x7b3],
    // Debug triggers beyond tselect/tdata1-3 (the hart does not implement them).
    ['tinfo', 0x7a4], ['tcontrol', 0x7a5], ['mcontext', 0x7a8], ['scontext', 0x5a8],
    // RV32-only high halves: GNU as accepts the names for RV64 too.
    ['cycleh', 0xc80], ['timeh', 0xc81], ['instreth', 0xc82], ['mcycleh', 0xb80], ['minstreth', 0xb82],
    ['mstatush', 0x310], ['menvcfgh', 0x31a],
  ]);
  for (let i = 3; i < 32; i++) {
    m.set(`hpmcounter${i}h`, 0xc80 + i);
    m.set(`mhpmcounter${i}h`, 0xb80 + i);
  }
  return m;
}

const EXTRA = extraNames();

/** The CSR number named by `name`, or undefined. */
export function csrNumber(name: string): number | undefined {
  const n = name.toLowerCase();
  return csrByName(n) ?? EXTRA.get(n);
}
