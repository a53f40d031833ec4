/**
 * What the hart tells the timing model about each retired instruction (architecture.md §4:
 * semantics separate from timing). The hart fills one reusable RetireRecord per instruction
 * (no allocation) and the model answers with the cycles that instruction took.
 *
 * The model observes; it never changes architectural state.
 */
import type { TimingCode } from './timing-code';
import { InsnClass } from '../isa/classes';

export { InsnClass, InsnClassCount } from '../isa/classes';

/** One retired instruction, as seen by the timing model. Reused: copy what you keep. */
export interface RetireRecord {
  /** Virtual pc of the instruction (a JS number; Sv39 addresses are sign-extended). */
  pc: number;
  /** Physical address the instruction was fetched from (for the I$ model). */
  fetchPaddr: number;
  /** 2 (compressed) or 4. */
  insnLen: number;
  cls: InsnClass;
  /** Destination register (0 when none or x0) and source registers (0 when unused). */
  rd: number;
  rs1: number;
  rs2: number;
  /** Data access: physical address (-1 when none), width in bytes, sign-extending load. */
  memPaddr: number;
  /** Virtual address of the data access (for the D-TLB model); meaningful when memPaddr >= 0. */
  memVaddr: number;
  memWidth: number;
  loadSigned: boolean;
  /** The data access went to a device (uncached MMIO) rather than RAM. */
  memIsMmio: boolean;
  /** Control flow: for Branch whether taken; for every instruction the next pc. */
  taken: boolean;
  nextPc: number;
  /** For Csr: the CSR number and whether the instruction wrote it. */
  csr: number;
  csrWritten: boolean;
  /**
   * For Mul/Div classes: the source operands as 32-bit halves (early-out depends on the
   * magnitudes of the operands).
   */
  aLo: number;
  aHi: number;
  bLo: number;
  bHi: number;
  /**
   * For Mul/MulW/Div/DivW: funct3 of the M-extension instruction (0 MUL, 1 MULH, 2 MULHSU,
   * 3 MULHU, 4 DIV, 5 DIVU, 6 REM, 7 REMU). MULH* never stop early and the divider's sign
   * steps depend on it. The hart sets it for every M-extension instruction; when absent (a
   * host feeding records by hand), Mul means MUL and Div means DIV.
   */
  mulDivFunct3?: number;
}

/** Services the timing model may ask of its hart (it has no access to memory otherwise). */
export interface TimingHost {
  /**
   * The physical addresses of the page-table entries a hardware walk of `vaddr` reads under
   * the current satp (root first), written into `out`; returns how many (0 in Bare mode).
   */
  walkPtes(vaddr: number, isFetch: boolean, out: Float64Array): number;
}

/** Why the pipeline was redirected to a trap handler. */
export const enum TrapKind {
  Exception = 0,
  Interrupt = 1, // local interrupt (timer, software, user software)
  ExternalInterrupt = 2, // through the PLIC
  UserInterrupt = 3, // delivered to U-mode through utvec
}

/** The per-hart timing model. One instance per hart; its caches and predictors are private. */
export interface TimingModel {
  /** Profile name, e.g. "rocket" or "ideal". */
  readonly name: string;
  /** Cycles taken by this retired instruction (at least 1 for the ideal model). */
  retire(r: RetireRecord): number;
  /**
   * The model's cost of each instruction class as code (timing-code.ts), which the hart places
   * after every instruction, in its interpreter and in translated blocks; retire() is made from
   * the same code.
   */
  readonly code: TimingCode;
  /** Extra cycles to redirect to a trap handler (charged in addition to the faulting insn). */
  trap(kind: TrapKind, cause: number): number;
  /** Model event counters, for mhpmcounter3.. (index → count); see docs/timing.md. */
  readonly events: Float64Array;
  /** Clears caches/predictors/TLBs (fence.i does part of this itself). */
  reset(): void;
  /**
   * The hart this model times, asked for page-table walks (a hart attaches itself when it is
   * given the model). A model without a host takes every translation as Bare.
   */
  attach(host: TimingHost): void;
}

/** The host of a model that has none: every translation is Bare. */
export const BARE_HOST: TimingHost = { walkPtes: () => 0 };

/** Slots of PackedRetireRecord's Float64Array. */
const enum RecSlot { Pc, FetchPaddr, MemPaddr, MemVaddr, NextPc, Count }

/**
 * A RetireRecord whose double fields live in a Float64Array: the hart fills one per
 * instruction, and a double stored into an object field allocates a heap number in V8.
 */
export class PackedRetireRecord implements RetireRecord {
  private readonly f = new Float64Array(RecSlot.Count);
  get pc(): number { return this.f[RecSlot.Pc]; }
  set pc(v: number) { this.f[RecSlot.Pc] = v; }
  get fetchPaddr(): number { return this.f[RecSlot.FetchPaddr]; }
  set fetchPaddr(v: number) { this.f[RecSlot.FetchPaddr] = v; }
  get memPaddr(): number { return this.f[RecSlot.MemPaddr]; }
  set memPaddr(v: number) { this.f[RecSlot.MemPaddr] = v; }
  get memVaddr(): number { return this.f[RecSlot.MemVaddr]; }
  set memVaddr(v: number) { this.f[RecSlot.MemVaddr] = v; }
  get nextPc(): number { return this.f[RecSlot.NextPc]; }
  set nextPc(v: number) { this.f[RecSlot.NextPc] = v; }
  insnLen = 4;
  cls: InsnClass = 0;
  rd = 0;
  rs1 = 0;
  rs2 = 0;
  memWidth = 0;
  loadSigned = false;
  memIsMmio = false;
  taken = false;
  csr = 0;
  csrWritten = false;
  aLo = 0;
  aHi = 0;
  bLo = 0;
  bHi = 0;
  mulDivFunct3 = 0;

  constructor() {
    this.memPaddr = -1;
  }
}
