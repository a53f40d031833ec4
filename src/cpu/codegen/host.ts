/**
 * What generated code (the interpreter and translated blocks, src/cpu/codegen) may use of its
 * hart: the typed view through which every `h.` in generated code goes. The Hart implements it;
 * nothing else of the hart is named in generated code (test/cpu/codegen.test.ts checks).
 *
 * Hart calls return a HartResult: Done, Trapped (the instruction does not retire; the hart has
 * entered the trap and set pc) or Wait (nothing happened: another hart must run first, see
 * docs/cpu.md on ordering).
 */
import type { DecodedPage } from '../decoded';
import type { FunctionCache } from '../../timing/timing-code';

export const enum HartResult {
  Trapped = 0,
  Done = 1,
  Wait = 2,
}

export interface CodeHost {
  /**
   * The pc (of the next instruction at an exit), the counters, the fetch cache's page bases and
   * the run's limits, as slots of a Float64Array (HartSlot, src/timing/timing-code.ts). With
   * several harts, an access to shared state at a cycle at or beyond hs[HartSlot.SyncLimit]
   * must wait (the hart is not the one furthest behind); Infinity when the hart is alone.
   */
  readonly hs: Float64Array;
  /** Set when the generated code stopped before an instruction that must wait (HartResult.Wait). */
  waiting: boolean;
  /** Set when the run loop must look at interrupts, a stop request, or sleep. */
  readonly attention: boolean;
  /** The privilege level (the observed interpreter reports it). */
  readonly priv: number;
  /** The fetch cache's decoded page (its bases are in hs). */
  readonly fetchPage: DecodedPage;
  /** Points the fetch cache at the page holding pc (Trapped after a fetch trap; Wait before an ordered page walk). */
  fetchMiss(): HartResult;
  /**
   * Info of slot idx of page dp that is not yet decoded or is a 32-bit instruction crossing
   * the page (decoded through the bus into the scratch page, which slotPage then names); -1
   * after a fetch trap.
   */
  slotInfo(dp: DecodedPage, idx: number, pc: number, off: number): number;
  readonly slotPage: DecodedPage;
  /** Data accesses bypass translation; else the pages last translated for loads and stores. */
  readonly dataBare: boolean;
  readonly loadPageHi: number;
  readonly loadPageLo: number;
  readonly loadPageOff: number;
  readonly storePageHi: number;
  readonly storePageLo: number;
  readonly storePageOff: number;
  /** Loads `size` bytes at virtual hi:lo into t[0..1] (false after trapping). */
  load(lo: number, hi: number, size: number): boolean;
  store(lo: number, hi: number, size: number, vlo: number, vhi: number): boolean;
  /** A store into chunk 0 of RAM touched a page holding code, or there are reservations. */
  storedToCode(off: number, size: number): void;
  /** The last store's value (the observed interpreter reports it). */
  lastWasStore: boolean;
  lastStoreLo: number;
  lastStoreHi: number;
  /** A jump whose target hi:lo is beyond 2^53 has retired: fault at the target. */
  wildJump(lo: number, hi: number): void;
  /** Target of the last xRET (JUMP64 reads it). */
  readonly targetLo: number;
  readonly targetHi: number;
  ecall(): HartResult;
  ebreak(): HartResult;
  illegal(word: number): HartResult;
  fenceI(): HartResult;
  execAmo(op: number, rd: number, a: number, ah: number, b: number, bh: number): HartResult;
  /** The hart's number (its LR/SC reservation in the bus). */
  readonly hartId: number;
  /** The load of an LR or AMO at physical pa, naturally aligned, into t[0]:t[1] (false: an access fault). */
  amoLoad(pa: number, size: number): boolean;
  /** The store of an SC or AMO at physical pa, naturally aligned (false: an access fault). */
  amoStore(pa: number, size: number, lo: number, hi: number): boolean;
  execCsr(op: number, rd: number, rs1: number, imm: number, word: number): HartResult;
  execXret(op: number, word: number): HartResult;
  execWfi(word: number): HartResult;
  execSfenceVma(word: number): HartResult;
  execUipi(op: number, rd: number, a: number, ah: number): HartResult;
}

/** The members of CodeHost by name (the codegen test checks generated code against it). */
export const CODE_HOST_MEMBERS: readonly (keyof CodeHost)[] = [
  'hs', 'waiting', 'attention', 'priv', 'fetchPage', 'fetchMiss', 'slotInfo', 'slotPage', 'dataBare', 'loadPageHi', 'loadPageLo', 'loadPageOff', 'storePageHi',
  'storePageLo', 'storePageOff', 'load', 'store', 'storedToCode', 'lastWasStore', 'lastStoreLo', 'lastStoreHi', 'wildJump',
  'targetLo', 'targetHi', 'ecall', 'ebreak', 'illegal', 'fenceI', 'execAmo', 'hartId', 'amoLoad', 'amoStore', 'execCsr', 'execXret', 'execWfi',
  'execSfenceVma', 'execUipi',
];

/**
 * What generated code works on, fixed for its hart's life and bound into each function when it
 * is made (a call then passes nothing): the hart's view, register halves, RetireRecord, timing
 * model and scratch arrays, and the RAM chunk 0 views, code marks and bus for the inline RAM
 * path of loads and stores.
 */
export interface CodeContext {
  readonly h: CodeHost;
  readonly xl: Int32Array;
  readonly xh: Int32Array;
  readonly r: object;
  readonly tm: object;
  readonly t: Int32Array;
  readonly t2: Int32Array;
  readonly m8: Uint8Array;
  readonly m16: Uint16Array;
  readonly m32: Int32Array;
  readonly codeMark: Uint8Array;
  /** RAM's code granules: bit g of word 2p + (g >>> 5) is set when 64-byte granule g of page p holds decoded code. */
  readonly codeBits: Uint32Array;
  /** The bus: its LR/SC reservations (the count tells inline stores to call the hart). */
  readonly bus: {
    readonly reservationCount: number;
    reserve(hartId: number, paddr: number): void;
    takeReservation(hartId: number, paddr: number): boolean;
  };
  /** RAM base and the bytes of chunk 0 (the inline RAM path). */
  readonly ramBase: number;
  readonly ram0Size: number;
  /** The hart shares memory with others: ordered accesses test the sync limit. */
  readonly shared: boolean;
  /** Compiled functions shared with the other harts of the machine. */
  readonly cache: FunctionCache;
  /** The hart's CSR words and which CSRs are plain (blocks access those inline: blocks.ts). */
  readonly csr: PlainCsrs;
}

/**
 * The plain CSRs of a CSR file (CsrFile: a slot of `w`, a write mask of the low word, a lowest
 * privilege; no side effects): fixed for the file's life.
 */
export interface PlainCsrs {
  readonly w: Int32Array;
  readonly plainSlot: Int16Array;
  readonly plainMaskLo: Int32Array;
  readonly plainPriv: Uint8Array;
}
