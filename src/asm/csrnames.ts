/**
 * CSR names the assembler accepts (src/csr exports no name table yet, so this is a small local
 * table). Numbers from the privileged spec 1.12 (table 2.2-2.5), the N-extension draft and
 * uintr.md. Any CSR can also be written by number.
 */
const CSR_TABLE: ReadonlyArray<readonly [string, number]> = [
  // User (N extension, uintr.md §1)
  ['ustatus', 0x000], ['uie', 0x004], ['utvec', 0x005], ['uscratch', 0x040], ['uepc', 0x041],
  ['ucause', 0x042], ['utval', 0x043], ['uip', 0x044],
  // User counters
  ['cycle', 0xc00], ['time', 0xc01], ['instret', 0xc02],
  // Supervisor
  ['sstatus', 0x100], ['sedeleg', 0x102], ['sideleg', 0x103], ['sie', 0x104], ['stvec', 0x105],
  ['scounteren', 0x106], ['senvcfg', 0x10a], ['sscratch', 0x140], ['sepc', 0x141], ['scause', 0x142],
  ['stval', 0x143], ['sip', 0x144], ['satp', 0x180],
  // UINTR supervisor CSRs (uintr.md §2)
  ['suist', 0x1b0], ['suirs', 0x1b1], ['suicfg', 0x1b2],
  // Machine
  ['mvendorid', 0xf11], ['marchid', 0xf12], ['mimpid', 0xf13], ['mhartid', 0xf14], ['mconfigptr', 0xf15],
  ['mstatus', 0x300], ['misa', 0x301], ['medeleg', 0x302], ['mideleg', 0x303], ['mie', 0x304],
  ['mtvec', 0x305], ['mcounteren', 0x306], ['menvcfg', 0x30a], ['mcountinhibit', 0x320],
  ['mscratch', 0x340], ['mepc', 0x341], ['mcause', 0x342], ['mtval', 0x343], ['mip', 0x344],
  ['pmpcfg0', 0x3a0], ['pmpcfg2', 0x3a2], ['pmpaddr0', 0x3b0], ['pmpaddr1', 0x3b1], ['pmpaddr2', 0x3b2],
  ['pmpaddr3', 0x3b3], ['mcycle', 0xb00], ['minstret', 0xb02],
  ['tselect', 0x7a0], ['tdata1', 0x7a1], ['tdata2', 0x7a2], ['dcsr', 0x7b0], ['dpc', 0x7b1],
];

const CSR_BY_NAME: ReadonlyMap<string, number> = new Map(CSR_TABLE);

/** The CSR number named by `name`, or undefined. */
export function csrNumber(name: string): number | undefined {
  return CSR_BY_NAME.get(name.toLowerCase());
}
