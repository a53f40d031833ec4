/**
 * The CSR table: every CSR the hart implements, as data. The CSR file (csrfile.ts) reads it
 * for access checks; the assembler and disassembler read it for names.
 *
 * `priv` is the lowest privilege that may access the CSR (0 U, 1 S, 3 M); for the standard
 * space it is csr[9:8], except the N extension's user CSRs (uintr.md §1). `readOnly` is
 * csr[11:10] == 3. `counter` marks cycle/time/instret/hpmcounterN, which are additionally
 * gated by mcounteren/scounteren (bit = counter index). `n` marks CSRs that exist only when
 * misa.N is set.
 *
 * The debug trigger CSRs tselect/tdata1-3 exist so that software can discover that there are
 * no triggers: they read 0 (tdata1.type = 0: no trigger) and ignore writes.
 */

export interface CsrDef {
  readonly num: number;
  readonly name: string;
  readonly priv: 0 | 1 | 3;
  readonly readOnly: boolean;
  /** Counter index 0..31 for the user-level counter CSRs (0xC00..0xC1F), else -1. */
  readonly counter: number;
  /** Exists only with the N extension (user-level traps and UINTR). */
  readonly n: boolean;
}

function def(num: number, name: string, n = false): CsrDef {
  const priv = ((num >>> 8) & 3) as 0 | 1 | 3;
  const counter = num >= 0xc00 && num <= 0xc1f ? num - 0xc00 : -1;
  return { num, name, priv, readOnly: (num >>> 10) === 3, counter, n };
}

/**
 * Named CSR numbers used by the hart and the tests. An enum rather than an object: esbuild
 * writes each `Csr.x` into the bundle as its number, where an object's field would be a load
 * and a map check at every use (the CSR file's read/write switches compare against dozens).
 * Being a (non-const) enum it also exists at run time, for the table below.
 */
export enum Csr {
  ustatus = 0x000, uie = 0x004, utvec = 0x005, uscratch = 0x040, uepc = 0x041, ucause = 0x042,
  utval = 0x043, uip = 0x044,
  cycle = 0xc00, time = 0xc01, instret = 0xc02,
  sstatus = 0x100, sedeleg = 0x102, sideleg = 0x103, sie = 0x104, stvec = 0x105, scounteren = 0x106,
  senvcfg = 0x10a, sscratch = 0x140, sepc = 0x141, scause = 0x142, stval = 0x143, sip = 0x144,
  satp = 0x180, suist = 0x1b0, suirs = 0x1b1, suicfg = 0x1b2,
  mstatus = 0x300, misa = 0x301, medeleg = 0x302, mideleg = 0x303, mie = 0x304, mtvec = 0x305,
  mcounteren = 0x306, menvcfg = 0x30a, mcountinhibit = 0x320, mscratch = 0x340, mepc = 0x341,
  mcause = 0x342, mtval = 0x343, mip = 0x344,
  pmpcfg0 = 0x3a0, pmpaddr0 = 0x3b0,
  mcycle = 0xb00, minstret = 0xb02, mhpmcounter3 = 0xb03, mhpmevent3 = 0x323,
  tselect = 0x7a0, tdata1 = 0x7a1, tdata2 = 0x7a2, tdata3 = 0x7a3,
  mvendorid = 0xf11, marchid = 0xf12, mimpid = 0xf13, mhartid = 0xf14, mconfigptr = 0xf15,
}

function buildTable(): CsrDef[] {
  const t: CsrDef[] = [];
  for (const [name, num] of Object.entries(Csr)) {
    if (typeof num !== 'number') continue; // a numeric enum also maps each number back to its name
    if (name === 'pmpcfg0' || name === 'pmpaddr0' || name === 'mhpmcounter3' || name === 'mhpmevent3') continue;
    const isN = num < 0x100 || name === 'sedeleg' || name === 'sideleg' || (num >= 0x1b0 && num <= 0x1b2);
    t.push(def(num, name, isN));
  }
  for (let i = 3; i < 32; i++) {
    t.push(def(0xc00 + i, `hpmcounter${i}`));
    t.push(def(0xb00 + i, `mhpmcounter${i}`));
    t.push(def(0x320 + i, `mhpmevent${i}`));
  }
  // RV64: only even-numbered pmpcfg registers exist.
  for (let i = 0; i < 16; i += 2) t.push(def(0x3a0 + i, `pmpcfg${i}`));
  for (let i = 0; i < 16; i++) t.push(def(0x3b0 + i, `pmpaddr${i}`));
  return t.sort((a, b) => a.num - b.num);
}

/** Every implemented CSR, sorted by number. */
export const CsrTable: readonly CsrDef[] = buildTable();

/** CSR number → definition (undefined: not implemented → illegal instruction). */
export function csrDefs(): (CsrDef | undefined)[] {
  const out: (CsrDef | undefined)[] = new Array(4096).fill(undefined);
  for (const d of CsrTable) out[d.num] = d;
  return out;
}

/** Name → number, for the assembler. */
export function csrByName(name: string): number | undefined {
  return CsrTable.find((d) => d.name === name)?.num;
}

/** Number → name (for the disassembler), or undefined. */
export function csrName(num: number): string | undefined {
  return CsrTable.find((d) => d.num === num)?.name;
}

/**
 * CSRs whose accesses are ordered among harts (docs/cpu.md, "Several harts"): the pending
 * bits other harts and devices raise, the time, and the interrupt enables that decide whether
 * this hart can be interrupted by another.
 */
export const ORDERED_CSRS: readonly number[] = [Csr.mip, Csr.sip, Csr.uip, Csr.time, Csr.mie, Csr.sie, Csr.uie];

/** Writes that change whether another hart or a device can interrupt this hart. */
export const INTERRUPT_ENABLE_CSRS: readonly number[] = [Csr.mie, Csr.sie, Csr.uie];

/** Writes that can change translation or permissions (with the interrupt enables they hold). */
export const MODE_CSRS: readonly number[] = [Csr.mstatus, Csr.sstatus, Csr.ustatus];

/** Writes that can make an interrupt pending-and-enabled (or wake a hart from WFI). */
export const INTERRUPT_CSRS: readonly number[] = [Csr.mie, Csr.sie, Csr.uie, Csr.mip, Csr.sip, Csr.uip, Csr.mideleg, Csr.sideleg];
