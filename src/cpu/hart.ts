/**
 * One RV64IMAC + Zicsr + Zifencei hart (privileged spec 1.12, M/S/U, Sv39) with the N
 * extension's user-level traps and the UINTR `uipi` instruction (uintr.md).
 *
 * Representation: integer registers are two Int32Arrays (xl = bits 31:0, xh = bits 63:32),
 * index 32 being a scratch register that decoded writes to x0 go to. The pc is a JS number
 * holding the signed 64-bit value (exact while |pc| < 2^53; jumps beyond that trap at once with
 * the exact target as epc/tval). Instructions are decoded once per physical page (decoded.ts).
 *
 * Timing: after each retired instruction the hart fills one reusable RetireRecord and adds
 * `timing.retire(rec)` to `cycle`; trap entry adds `timing.trap(kind, cause)`. ECALL and EBREAK
 * are passed to retire() (their classes exist for that) but, trapping, do not count in instret;
 * other faulting instructions are charged only through trap().
 */
import type { Bus } from '../memory/bus';
import { ChunkSize } from '../memory/ram';
import { RvnError } from '../errors';
import { createDecoder } from '../isa/decode';
import type { Decoder } from '../isa/decode';
import { Op } from '../isa/opcodes';
import type { Extension } from '../isa/opcodes';
import { TrapKind } from '../timing/record';
import { PackedRetireRecord, type RetireRecord, type TimingHost, type TimingModel } from '../timing/record';
import { FunctionCache, HartSlot, type TimingCode } from '../timing/timing-code';
import type { UintcPort } from '../hw/uintc-port';
import { CsrFile, Irq, Ms, Slot, csrModified } from '../csr/csrfile';
import type { CsrHost } from '../csr/csrfile';
import { Csr, INTERRUPT_CSRS, INTERRUPT_ENABLE_CSRS, MODE_CSRS, ORDERED_CSRS } from '../csr/table';
import { CROSSING, DecodedPage, SLOTS, UNDECODED, decodeInto } from './decoded';
import { Block, boundFirstEntries, translateBlock } from './codegen/blocks';
import type { BlockFn } from './codegen/blocks';
import { opInfos, type OpInfo } from './codegen/common';
import { HartResult, type CodeContext, type CodeHost } from './codegen/host';
import { makeInterpreter, type InterpFn } from './codegen/interp';
import { makeHartAmo, type HartAmoFn } from './codegen/amo';
import { makeSpinEval, registerOnly, type SpinStepFn, type SpinTakenFn } from './codegen/spin';
import { IdealTimingModel } from '../timing/ideal';
import { Access, Mmu, TranslateFault } from './mmu';
import { execUipi } from './uipi';
import { Pow2 } from './int64';

/** Exception cause codes (privileged spec table 3.6); a const enum, as Ms (src/csr/csrfile.ts). */
export const enum Cause {
  FetchMisaligned = 0, FetchAccess = 1, Illegal = 2, Breakpoint = 3, LoadMisaligned = 4, LoadAccess = 5,
  StoreMisaligned = 6, StoreAccess = 7, EcallU = 8, EcallS = 9, EcallM = 11, FetchPage = 12, LoadPage = 13,
  StorePage = 15,
}

const ExceptionNames = [
  'instruction address misaligned', 'instruction access fault', 'illegal instruction', 'breakpoint',
  'load address misaligned', 'load access fault', 'store address misaligned', 'store access fault',
  'ecall from U-mode', 'ecall from S-mode', 'reserved', 'ecall from M-mode', 'instruction page fault',
  'load page fault', 'reserved', 'store page fault',
];
const InterruptNames = ['user software', 'supervisor software', 'reserved', 'machine software', 'user timer',
  'supervisor timer', 'reserved', 'machine timer', 'user external', 'supervisor external', 'reserved', 'machine external'];

/** The privileged spec's name of a trap cause (table 3.6). */
export function causeName(isInterrupt: boolean, cause: number): string {
  const name = (isInterrupt ? InterruptNames : ExceptionNames)[cause];
  return name === undefined ? 'unknown' : isInterrupt ? `${name} interrupt` : name;
}

/** What a CSR write may change: nothing the hart caches, the interrupt state, or also translation. */
const enum CsrEffect {
  None = 0,
  Interrupts = 1,
  Mode = 2,
}

/** Privilege levels; a const enum, as Ms (src/csr/csrfile.ts). */
export const enum Priv { U = 0, S = 1, M = 3 }

/** Hart-counted events, readable by the integrator and through mhpmevent numbers 15, 16, 18. */
export const HartEvent = { UserInterrupt: 15, UipiSend: 16, Uret: 18 } as const;

export interface HartConfig {
  hartId: number;
  bus: Bus;
  /** The per-hart timing model (default: one cycle per instruction, free traps). */
  timing?: TimingModel;
  /** misa letters (default "IMACSUN"); I, C, S and U are required. */
  misaExtensions?: string;
  /** The `time` CSR (mtime, in timebase ticks). Default: always 0. */
  readTime?: () => number;
  /** The UINTC port the uipi instruction talks to (absent: every uipi op does nothing). */
  uintc?: UintcPort;
  /** Make uret illegal outside U-mode (the original QEMU fork's behaviour). */
  uretLegalOnlyInU?: boolean;
  /**
   * Fast mode (default true): hot code runs as translated blocks (src/cpu/codegen/blocks.ts).
   * false = the reference path, the interpreter alone. Both give identical architectural state,
   * cycles and observer streams (test/cpu/fast-vs-reference.test.ts).
   */
  fast?: boolean;
  /**
   * Fast mode: a block is translated at a slot after control reached it this many times, or
   * after this many rounds of a loop it heads (default: the timing model's
   * TimingCode.translateAfter and loopTranslateAfter; tests lower it to exercise translation
   * on short programs).
   */
  translateAfter?: number;
  /** The hart shares memory with other harts (its accesses are ordered among them: docs/cpu.md). */
  shared?: boolean;
  /** Compiled code shared with the machine's other harts (default: the hart's own). */
  codeCache?: FunctionCache;
}

/**
 * A hart that can make no progress: its last trap (cause, the pc it happened at, *tval) sent
 * it to a handler that cannot be fetched, so every trap traps again. Addresses are unsigned
 * 64-bit values as numbers (exact below 2^53).
 */
export interface FatalTrap {
  isInterrupt: boolean;
  cause: number;
  epc: number;
  tval: number;
  /** The handler's address and why it cannot be fetched (1 access fault, 12 page fault). */
  handler: number;
  handlerCause: number;
}

/** What an observer sees after each retired instruction (one reused object). */
export interface CommitInfo {
  priv: number;
  pc: number;
  /** Instruction word, unsigned (16-bit parcel for compressed instructions), and length in bytes. */
  word: number;
  len: number;
  /** Destination register (0 = none) and its new value. */
  rd: number;
  rdLo: number;
  rdHi: number;
  /** Data access (memPaddr < 0: none). */
  memVaddr: number;
  memPaddr: number;
  memWidth: number;
  isStore: boolean;
  storeLo: number;
  storeHi: number;
}

/**
 * A debugger's hook (src/gdb). With one set, run() interprets one instruction at a time (the
 * observed interpreter: identical results and cycles) so that it can stop at any instruction;
 * with none set nothing is checked. `before` sees the hart about to execute at `pc` (true:
 * stop without executing it: a breakpoint); `after` follows each instruction (retired, or it
 * trapped) and each interrupt entry (true: stop after it: a watchpoint, a finished step).
 */
export interface HartDebugHook {
  before(hart: Hart): boolean;
  after(hart: Hart, c: Readonly<CommitInfo>, retired: boolean): boolean;
}

/** Optional tracer/profiler hook; with none attached run() uses a loop that never checks. */
export interface HartObserver {
  commit(hart: Hart, c: Readonly<CommitInfo>): void;
  /** A trap was taken (after the hart state was updated). */
  trap?(hart: Hart, isInterrupt: boolean, cause: number, epc: number): void;
}

/** Decoded pages are kept in groups of this many RAM pages (128 MiB), created on first use. */
const enum PageGroup { PAGES = 32768 } // a const enum, as Ms (src/csr/csrfile.ts)
/** Interrupt priority (privileged spec 3.1.9, then the N extension's user interrupts). */
const IRQ_PRIORITY = [Irq.MEI, Irq.MSI, Irq.MTI, Irq.SEI, Irq.SSI, Irq.STI, Irq.UEI, Irq.USI, Irq.UTI];

function misaBits(letters: string): number {
  let m = 0;
  for (const ch of letters.toUpperCase()) {
    if (!'IMACSUN'.includes(ch)) throw new RvnError(`unsupported ISA extension letter '${ch}'`);
    m |= 1 << (ch.charCodeAt(0) - 65);
  }
  for (const req of 'ICSU') if ((m & (1 << (req.charCodeAt(0) - 65))) === 0) throw new RvnError(`ISA must include ${req}`);
  return m;
}

export class Hart implements CsrHost, TimingHost, CodeHost {
  readonly hartId: number;
  readonly bus: Bus;
  readonly timing: TimingModel;
  readonly csr: CsrFile;
  readonly mmu: Mmu;
  /** Registers x0..x31 (+ scratch 32): low and high 32-bit halves. */
  readonly xl = new Int32Array(33);
  readonly xh = new Int32Array(33);
  /**
   * pc, counters, fetch cache bases and run limits (HartSlot), the doubles generated code reads
   * and writes: in a Float64Array, since a double stored into an object field allocates a heap
   * number in V8. Accessors below.
   */
  readonly hs = new Float64Array(HartSlot.Count);
  get pc(): number { return this.hs[HartSlot.Pc]; }
  set pc(v: number) { this.hs[HartSlot.Pc] = v; }
  get cycle(): number { return this.hs[HartSlot.Cycle]; }
  set cycle(v: number) { this.hs[HartSlot.Cycle] = v; }
  get instret(): number { return this.hs[HartSlot.Instret]; }
  set instret(v: number) { this.hs[HartSlot.Instret] = v; }
  priv: number = Priv.M;
  /** Parked in WFI until an enabled interrupt is pending. */
  sleeping = false;
  /**
   * Several harts: set by the scheduler after a slice that left the hart spinning in a jump to
   * itself with no enabled interrupt pending (spinsIdle): until it takes an interrupt it does
   * nothing another hart can see (docs/cpu.md, "Several harts"). A change of any of its
   * interrupt inputs clears it.
   */
  idle = false;
  /**
   * Several harts: set by the scheduler after a slice that stopped this hart before the load of
   * a pure spin loop whose exit condition the location's current value keeps false
   * (spinGranule): until a store to that granule or an interrupt it stores nothing and raises
   * no line. Cleared like idle, and by a store to the granule (Bus.onSpinStore).
   */
  spinning = false;
  /** Hart-counted events (see HartEvent). */
  userInterruptsTaken = 0;
  uipiSends = 0;
  urets = 0;
  observer: HartObserver | undefined = undefined;
  /** A debugger's hook (see HartDebugHook); undefined when no debugger needs to look. */
  debug: HartDebugHook | undefined = undefined;
  /** Set when `debug` stopped the hart; the scheduler reads and clears it. */
  debugHalt = false;
  /** Held by a debugger that resumed other harts only: the scheduler does not run it. */
  debugParked = false;
  /**
   * Set when the hart can make no progress: a trap whose handler cannot even be fetched (for
   * example a guest that jumped into nothing with mtvec still 0). The hart stops; the machine
   * ends the run with this message instead of spinning forever.
   */
  fatal: string | undefined = undefined;
  /** The same as data, for a host to format (with symbols, registers): set with `fatal`. */
  fatalTrap: FatalTrap | undefined = undefined;
  /** pc installed by the last trap entry and instret at that moment (trap-loop detection). */
  private trapTarget = NaN;
  private instretAtTrap = -1;
  /**
   * The last trap that followed some progress (cause, kind, epc and tval as int32 halves, joined
   * only if it turns fatal: every trap stores them).
   */
  private lastTrapCause = 0;
  private lastTrapIsInt = false;
  private lastTrapEpcLo = 0;
  private lastTrapEpcHi = 0;
  private lastTrapTvalLo = 0;
  private lastTrapTvalHi = 0;

  readonly uintc: UintcPort | undefined;
  readonly uretOnlyInU: boolean;
  private readonly readTimeFn: () => number;
  private readonly decoder: Decoder;
  private readonly exts: Set<Extension>;
  private readonly rec: RetireRecord;
  private readonly ramBase: number;
  private readonly ramSize: number;
  /** Bytes of RAM chunk 0, the part the inline paths (here and in generated code) reach directly. */
  private readonly ram0Size: number;
  /** RAM chunk 0 views. */
  readonly ram8: Uint8Array;
  readonly ram16: Uint16Array;
  readonly ram32: Int32Array;
  private readonly codeGen: Uint32Array;
  readonly codeMark: Uint8Array;
  /** Decoded pages by RAM page number, in groups of PageGroup.PAGES created on first use. */
  private readonly pageGroups: ((DecodedPage | undefined)[] | undefined)[];
  private readonly scratchPage = new DecodedPage();
  /** Fetch cache: virtual page base (NaN = none), its decoded page and physical base. */
  get fetchVBase(): number { return this.hs[HartSlot.FetchVBase]; }
  set fetchVBase(v: number) { this.hs[HartSlot.FetchVBase] = v; }
  get fetchPBase(): number { return this.hs[HartSlot.FetchPBase]; }
  set fetchPBase(v: number) { this.hs[HartSlot.FetchPBase] = v; }
  fetchPage: DecodedPage = this.scratchPage;
  /** The page slotInfo() decoded the slot into (the scratch page for a crossing instruction). */
  slotPage: DecodedPage = this.scratchPage;
  /** The current run's cycle limit (read by translated blocks). */
  get runLimit(): number { return this.hs[HartSlot.RunLimit]; }
  set runLimit(v: number) { this.hs[HartSlot.RunLimit] = v; }
  /** Instructions the running translated block may retire at most (loops in it). */
  get runBudget(): number { return this.hs[HartSlot.RunBudget]; }
  set runBudget(v: number) { this.hs[HartSlot.RunBudget] = v; }
  /** Ordered accesses at or beyond this cycle must wait (several harts; Infinity when alone). */
  get syncLimit(): number { return this.hs[HartSlot.SyncLimit]; }
  set syncLimit(v: number) { this.hs[HartSlot.SyncLimit] = v; }
  /**
   * Ordered operations that write no memory (plain loads, CSR accesses, fence.i, WFI, uipi) at
   * or beyond this cycle must wait (at most syncLimit; docs/cpu.md, "Several harts").
   */
  get readSyncLimit(): number { return this.hs[HartSlot.ReadSyncLimit]; }
  set readSyncLimit(v: number) { this.hs[HartSlot.ReadSyncLimit] = v; }
  /** Set when the run stopped before an instruction that must wait for another hart. */
  waiting = false;
  /**
   * Set (by translated blocks, with `waiting`) when that instruction is not a plain load, so
   * the hart neither spins nor idles there; the scheduler reads and clears it after the slice
   * instead of looking at the instruction (spinGranule). Left false it changes nothing. (A slot
   * of hs: a store there costs the block less than one to a field of the hart.)
   */
  get waitSpinless(): boolean { return this.hs[HartSlot.WaitSpinless] !== 0; }
  set waitSpinless(v: boolean) { this.hs[HartSlot.WaitSpinless] = v ? 1 : 0; }
  /**
   * The last virtual page a load (and a store) was translated for under Sv39 and that lies in
   * RAM chunk 0: high word, page-aligned low word (NaN high word: none), and the RAM offset of
   * its physical page. Generated code accesses such pages without calling load()/store().
   * Dropped whenever translation or permissions may change (refreshMode, sfence.vma); in
   * between, keeping a translation is what any TLB may do.
   */
  loadPageHi = NaN;
  loadPageLo = 0;
  loadPageOff = 0;
  storePageHi = NaN;
  storePageLo = 0;
  storePageOff = 0;
  /** Loads/stores bypass translation (Bare or effective privilege M). */
  dataBare = true;
  private fetchBare = true;
  /** satp.MODE is Sv39 (set by refreshMode). */
  private satpSv39 = false;
  private dataPriv = 3;
  /**
   * Set when the run loop must look beyond the next instruction: interrupt state may have
   * changed, the hart went to sleep, or a stop was requested. One flag keeps the loop to a
   * single test per instruction.
   */
  attention = true;
  /** 64-bit temporaries (no allocation in the execute path). */
  readonly t = new Int32Array(4);
  private readonly t2 = new Int32Array(4);
  /** The last retired instruction's store (for the observer). */
  lastWasStore = false;
  lastStoreLo = 0;
  lastStoreHi = 0;
  /** Target of the last xRET, as halves. */
  targetLo = 0;
  targetHi = 0;
  private stopRequested = false;
  /** Blocks translated so far (fast mode; for profiling and tests). */
  blocksTranslated = 0;
  /** HartConfig.fast: translated blocks are used. */
  fast: boolean;
  private readonly translateAfter: number;
  /**
   * Heat a slot gains when the interpreter, started there, came back to it: the slot heads a
   * loop whose whole body the interpreter ran (a copy, fill or compute loop). Its block runs the
   * further rounds inside one call, so it is worth translating sooner than code entered from
   * elsewhere (a boot's straight-line code, calls), which waits for the full count.
   */
  private readonly loopHeat: number;
  /**
   * Fast mode: the slot the interpreter last ran from; when it comes back to the same slot,
   * that slot heads a loop whose whole body ran interpreted (loopHeat).
   */
  private loopDp: DecodedPage | undefined = undefined;
  private loopIdx = -1;
  /** The hart shares memory with other harts: ordered operations may have to wait (docs/cpu.md). */
  readonly shared: boolean;
  /** Per CSR number: 1 when its accesses are ordered among harts, 2 when a write also changes interruptibility. */
  private readonly csrOrder = new Uint8Array(4096);
  /** Per CSR number: what a write may change (CsrEffect). */
  private readonly csrEffect = new Uint8Array(4096);
  /** The model's cost of each instruction class, as code (placed by the generators). */
  private readonly code: TimingCode;
  private readonly ops: readonly OpInfo[] = opInfos();
  /** Per op number: 1 for a plain load (spinGranule's first test, made after every slice). */
  private readonly plainLoadOp = new Uint8Array(256);
  private readonly ctx: CodeContext;
  /** The interpreter (generated at start-up) and its observed variant (made when first needed). */
  private readonly interp: InterpFn;
  /** The steps of LR, SC and the AMOs once the address is translated (src/cpu/codegen/amo.ts). */
  private readonly amoSteps: HartAmoFn;
  private interpObserved: InterpFn | undefined = undefined;
  /** Decodes a slot of the current fetch page for the block translator. */
  private readonly slotDecoder = (dp: DecodedPage, idx: number): number => this.decodeSlot(dp, idx);
  /**
   * Per privilege (index U 0 … M 3), the last RAM page fetchMiss pointed the fetch cache at:
   * its virtual and physical base, decoded page, RAM page number and the MMU epoch of its
   * translation (-1: Bare). A trap and its xRET switch between two such pages; while the MMU
   * epoch is unchanged the TLB still holds the same entry (translate() would answer it
   * without a walk), so fetchMiss can take the page back without translating or looking it up.
   */
  private readonly fetchMemoV = new Float64Array(4).fill(NaN);
  private readonly fetchMemoP = new Float64Array(4);
  private readonly fetchMemoEpoch = new Float64Array(4);
  private readonly fetchMemoPageNo = new Int32Array(4);
  private readonly fetchMemoPage: DecodedPage[] = [this.scratchPage, this.scratchPage, this.scratchPage, this.scratchPage];

  constructor(config: HartConfig) {
    this.fetchVBase = NaN;
    this.syncLimit = Infinity;
    this.readSyncLimit = Infinity;
    this.hartId = config.hartId;
    this.bus = config.bus;
    this.timing = config.timing ?? new IdealTimingModel('ideal');
    this.readTimeFn = config.readTime ?? (() => 0);
    this.uintc = config.uintc;
    this.uretOnlyInU = config.uretLegalOnlyInU ?? false;
    this.timing.attach(this);
    this.code = this.timing.code;
    this.fast = config.fast ?? true;
    this.translateAfter = config.translateAfter ?? this.code.translateAfter;
    // Heat per round of a loop, so that translateAfter is reached after loopTranslateAfter rounds.
    this.loopHeat = config.translateAfter !== undefined ? 1 : Math.max(1, Math.floor(this.code.translateAfter / this.code.loopTranslateAfter));
    this.shared = config.shared ?? false;
    for (const c of ORDERED_CSRS) this.csrOrder[c] = 1;
    for (const c of INTERRUPT_ENABLE_CSRS) this.csrOrder[c] = 2;
    for (const c of INTERRUPT_CSRS) this.csrEffect[c] = CsrEffect.Interrupts;
    for (const c of [...MODE_CSRS, Csr.satp]) this.csrEffect[c] = CsrEffect.Mode;
    const misa = misaBits(config.misaExtensions ?? 'IMACSUN');
    this.exts = new Set<Extension>(['I', 'Zicsr', 'Zifencei', 'Priv']);
    const has = (c: string): boolean => (misa & (1 << (c.charCodeAt(0) - 65))) !== 0;
    if (has('M')) this.exts.add('M');
    if (has('A')) this.exts.add('A');
    if (has('C')) this.exts.add('C');
    if (has('N')) {
      this.exts.add('N');
      this.exts.add('Uintr');
    }
    this.csr = new CsrFile(this, misa);
    // The plain CSRs' short path (plainCsr) has no ordering and no after-write effect.
    this.csr.plainSlot.forEach((slot, num) => {
      if (slot >= 0 && (this.csrOrder[num] !== 0 || this.csrEffect[num] !== CsrEffect.None)) throw new Error(`internal: CSR ${num} is not plain`);
    });
    this.mmu = new Mmu(this.bus);
    this.decoder = createDecoder();
    const ram = this.bus.ram;
    this.ramBase = ram.base;
    this.ramSize = ram.size;
    this.ram0Size = ram.chunkBytes;
    this.ram8 = ram.bytes;
    this.ram16 = ram.u16;
    this.ram32 = ram.i32;
    this.codeGen = ram.codeGen;
    this.codeMark = ram.codeMark;
    this.pageGroups = new Array<(DecodedPage | undefined)[] | undefined>(Math.ceil(ram.size / 4096 / PageGroup.PAGES)).fill(undefined);
    this.rec = new PackedRetireRecord();
    this.ctx = {
      h: this, xl: this.xl, xh: this.xh, r: this.rec, tm: this.timing, t: this.t, t2: this.t2,
      m8: this.ram8, m16: this.ram16, m32: this.ram32, codeMark: this.codeMark, codeBits: ram.codeBits, bus: this.bus,
      ramBase: this.ramBase, ram0Size: this.ram0Size, shared: this.shared, cache: config.codeCache ?? new FunctionCache(), csr: this.csr,
    };
    this.interp = makeInterpreter(this.ctx, false);
    this.amoSteps = makeHartAmo(this.ctx);
    this.ops.forEach((o, op) => {
      if (op !== UNDECODED && op !== CROSSING && o?.shape.plainLoad) this.plainLoadOp[op] = 1;
    });
    this.reset(0);
    settleFields(this);
  }

  // --- public API ---------------------------------------------------------------------------

  /** Resets to M-mode at `pc` (registers and CSRs cleared; cycle/instret kept running). */
  reset(pc: number): void {
    this.xl.fill(0);
    this.xh.fill(0);
    this.pc = pc;
    this.priv = Priv.M;
    this.sleeping = false;
    this.csr.reset();
    this.mmu.flush();
    this.bus.dropReservation(this.hartId);
    this.refreshMode();
  }

  readTime(): number {
    return this.readTimeFn();
  }

  /** Same as hartId (for the machine's messages). */
  get id(): number {
    return this.hartId;
  }

  /** The pc as 16 hex digits (two's complement). */
  pcHex(): string {
    const pc = this.pc;
    const hi = Math.floor(pc / Pow2.TWO32) >>> 0;
    const lo = pc % Pow2.TWO32 >>> 0;
    return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
  }

  /** Makes the current (or next) run() return after the instruction in progress. */
  requestStop(): void {
    this.stopRequested = true;
    this.attention = true;
  }

  /** mhpmevent number → count (timing-model events, or hart-counted 15, 16, 18). */
  hpmEventCount(event: number): number {
    if (event === HartEvent.UserInterrupt) return this.userInterruptsTaken;
    if (event === HartEvent.UipiSend) return this.uipiSends;
    if (event === HartEvent.Uret) return this.urets;
    const ev = this.timing.events;
    return event > 0 && event < ev.length ? ev[event] : 0;
  }

  /** Drives a hardware pending bit (mip bit 0 UINTC, 3 MSIP, 7 MTIP, 9 SEIP, 11 MEIP). */
  setHartIrq(bit: number, level: boolean): void {
    if (bit !== 0 && bit !== 3 && bit !== 7 && bit !== 9 && bit !== 11) {
      throw new RvnError(`mip bit ${bit} is not driven by hardware`);
    }
    const m = 1 << bit;
    this.csr.mipHw = level ? this.csr.mipHw | m : this.csr.mipHw & ~m;
    this.attention = true;
    this.idle = false;
    this.spinning = false;
    if (this.sleeping && (this.csr.mip & this.csr.mie) !== 0) this.sleeping = false;
  }

  /**
   * Sets or clears a software-writable pending bit (mip bits 0 USIP, 1 SSIP, 4 UTIP, 5 STIP,
   * 8 UEIP, 9 SEIP) from outside the hart — e.g. the UINTC's QEMU mode latching USIP.
   */
  setSoftwareIrq(bit: number, level: boolean): void {
    if (((1 << bit) & 0x333) === 0 || bit > 9) throw new RvnError(`mip bit ${bit} is not software-writable`);
    const m = 1 << bit;
    this.csr.mipSw = level ? this.csr.mipSw | m : this.csr.mipSw & ~m;
    this.attention = true;
    this.idle = false;
    this.spinning = false;
    if (this.sleeping && (this.csr.mip & this.csr.mie) !== 0) this.sleeping = false;
  }

  /**
   * Whether the hart spins in a jump to itself (`j .`, decoded in its fetch page) with no
   * enabled interrupt pending: it can then only leave the loop by taking an interrupt.
   */
  spinsIdle(): boolean {
    const off = this.pc - this.fetchVBase;
    if (!(off >= 0 && off < 4096)) return false;
    const dp = this.fetchPage;
    const idx = off >>> 1;
    const info = dp.info[idx];
    return (info & 255) === Op.JAL && ((info >>> 8) & 63) === 32 && dp.imm[idx] === 0 && !this.sleeping && (this.csr.mip & this.csr.mie) === 0;
  }

  /**
   * The RAM offset of the 8-byte granule this hart spins on, or -1 (docs/cpu.md, "Several
   * harts"). It spins when it stopped before a plain, aligned load from RAM chunk 0
   * with Bare data translation, no enabled interrupt pending, and the load is in a loop of one
   * page: from a head h (at or before the load) straight-line register-only instructions, the
   * load, instructions that write only x0, and a conditional branch back to h that compares
   * the loaded register with another; every register the loop reads is either written earlier
   * in the same pass or not written in the loop at all (so every pass computes the same values
   * as long as the loaded value is the same), and with the location's current value the branch
   * goes back to h.
   */
  spinGranule(): number {
    // The scheduler asks after every slice, and most slices stop elsewhere than at a plain
    // load (before an AMO, a store, at a quantum's end): that test first, small enough to inline.
    const pageOff = this.pc - this.fetchVBase;
    if (!(pageOff >= 0 && pageOff < 4096) || this.plainLoadOp[this.fetchPage.info[pageOff >>> 1] & 255] === 0) return -1;
    return this.spinGranuleAt(pageOff);
  }

  /** spinGranule() for a hart stopped at a plain load at `pageOff` of its fetch page. */
  private spinGranuleAt(pageOff: number): number {
    if (this.sleeping || !this.dataBare || (this.csr.mip & this.csr.mie) !== 0 || this.fetchPage === this.scratchPage) return -1;
    const dp = this.fetchPage;
    const loadIdx = pageOff >>> 1;
    const loadInfo = dp.info[loadIdx];
    // A plain load (plainLoadOp), hence a decoded op.
    const load = this.ops[loadInfo & 255];
    const rd = (loadInfo >>> 8) & 63;
    const base = (loadInfo >>> 14) & 31;
    if (rd === 32) return -1;
    // After the load: x0 writers up to the branch.
    let idx = loadIdx + (((loadInfo >>> 24) & 7) >>> 1);
    let branchInfo = 0;
    for (let k = 0; ; k++) {
      if (k > 8 || idx >= SLOTS) return -1;
      const info = dp.info[idx];
      const o = this.opAt(info);
      if (o === undefined) return -1;
      if (o.shape.control === 'branch') {
        branchInfo = info;
        break;
      }
      if (!registerOnly(o) || ((info >>> 8) & 63) !== 32) return -1;
      idx += ((info >>> 24) & 7) >>> 1;
    }
    const head = idx + (dp.imm[idx] >> 1);
    if (head > loadIdx || head < 0 || loadIdx - head > 32) return -1;
    const b1 = (branchInfo >>> 14) & 31;
    const b2 = (branchInfo >>> 19) & 31;
    if ((b1 === rd) === (b2 === rd)) return -1;
    // Before the load: register-only instructions, none reading a register the loop writes
    // before this pass has written it; they are evaluated here from the current registers
    // (with their own semantics: makeSpinEval): the base and the other branch operand must
    // already hold the values every pass gives them (the hart may have entered the loop at the
    // load).
    let written = 1 << rd;
    for (let i = head; i < loadIdx;) {
      const info = dp.info[i];
      const o = this.opAt(info);
      if (o === undefined || !registerOnly(o)) return -1;
      const d = (info >>> 8) & 63;
      if (d !== 32) written |= 1 << d;
      i += ((info >>> 24) & 7) >>> 1;
      if (i > loadIdx) return -1;
    }
    // The pass's registers: those it wrote (`pass`) in rl/rh, the others still the hart's,
    // copied into rl/rh just before an instruction of the pass reads them.
    const rl = this.spinXl;
    const rh = this.spinXh;
    const spin = this.spinEval ??= makeSpinEval(this.ctx, this.ops, rl, rh);
    let pass = 0;
    for (let i = head; i < loadIdx;) {
      const info = dp.info[i];
      const o = this.opAt(info) as OpInfo;
      const r1 = (info >>> 14) & 31;
      const r2 = (info >>> 19) & 31;
      const reads = (o.shape.reads.a ? 1 << r1 : 0) | (o.shape.reads.b ? 1 << r2 : 0);
      if ((reads & written & ~pass & ~1) !== 0) return -1;
      if ((pass & (1 << r1)) === 0) { rl[r1] = this.xl[r1]; rh[r1] = this.xh[r1]; }
      if ((pass & (1 << r2)) === 0) { rl[r2] = this.xl[r2]; rh[r2] = this.xh[r2]; }
      const d = (info >>> 8) & 63;
      if (d !== 32) {
        spin.step(info & 255, d, r1, r2, dp.imm[i], this.fetchVBase + i * 2, 0, 0);
        pass |= 1 << d;
      }
      i += ((info >>> 24) & 7) >>> 1;
    }
    if (((1 << base) & written & ~pass & ~1) !== 0) return -1;
    const other = b1 === rd ? b2 : b1;
    if ((pass & (1 << base)) !== 0 && (rl[base] !== this.xl[base] || rh[base] !== this.xh[base])) return -1;
    if ((pass & (1 << other)) !== 0 && (rl[other] !== this.xl[other] || rh[other] !== this.xh[other])) return -1;
    // The location and its value now; does the branch go back?
    const imm = dp.imm[loadIdx];
    const lo = (this.xl[base] + imm) | 0;
    const hi = (this.xh[base] + (imm >> 31) + ((lo >>> 0) < (this.xl[base] >>> 0) ? 1 : 0)) | 0;
    const size = load.shape.loadSize;
    const off = (lo >>> 0) - this.ramBase;
    if (hi !== 0 || off < 0 || off + size > this.ram0Size || (off & (size - 1)) !== 0) return -1;
    // The value there now (zero-extended, as LOAD reads it), into the destination as the load
    // writes it; the branch on it and on the other operand's current value.
    const vlo = size === 8 || size === 4 ? this.ram32[off >>> 2] : size === 2 ? this.ram16[off >>> 1] : this.ram8[off];
    const vhi = size === 8 ? this.ram32[(off >>> 2) + 1] : 0;
    spin.step(loadInfo & 255, rd, base, 0, imm, this.fetchVBase + loadIdx * 2, vlo, vhi);
    rl[other] = this.xl[other];
    rh[other] = this.xh[other];
    return spin.taken(branchInfo & 255, b1, b2, dp.imm[idx], this.fetchVBase + idx * 2) ? off - (off & 7) : -1;
  }

  /** Scratch registers for spinGranule's evaluation. */
  private readonly spinXl = new Int32Array(33);
  private readonly spinXh = new Int32Array(33);
  /** Their evaluation of the pass's instructions (made at the first spin check). */
  private spinEval: { step: SpinStepFn; taken: SpinTakenFn } | undefined;

  /** The op of a decoded slot's info, undefined when not decoded here. */
  private opAt(info: number): OpInfo | undefined {
    const op = info & 255;
    return op === UNDECODED || op === CROSSING ? undefined : this.ops[op];
  }

  /** Register read helpers (tests, loader): x as a JS number (exact below 2^53) or halves. */
  getX(r: number): number {
    return this.xh[r] * Pow2.TWO32 + (this.xl[r] >>> 0);
  }
  getXLo(r: number): number {
    return this.xl[r];
  }
  getXHi(r: number): number {
    return this.xh[r];
  }
  /** Sets x[r] from a JS integer (two's complement for negatives) or from halves. */
  setX(r: number, v: number, hi?: number): void {
    if (r === 0) return;
    if (hi === undefined) {
      this.xl[r] = v % Pow2.TWO32 | 0;
      this.xh[r] = Math.floor(v / Pow2.TWO32) | 0;
    } else {
      this.xl[r] = v | 0;
      this.xh[r] = hi | 0;
    }
  }
  /** Reads CSR `num` bypassing privilege checks into [lo, hi]; undefined if unimplemented. */
  readCsr(num: number): [number, number] | undefined {
    if (!this.csr.allowed(num, Priv.M, false)) return undefined;
    this.csr.read(num, this.t2);
    return [this.t2[0], this.t2[1]];
  }
  /** Writes CSR `num` with M privilege (host side); false if unimplemented or read-only. */
  writeCsr(num: number, lo: number, hi = 0): boolean {
    if (!this.csr.allowed(num, Priv.M, true)) return false;
    const ms = this.csr.mstatus;
    this.csr.write(num, lo | 0, hi | 0, false);
    this.afterCsrWrite(num, ms);
    return true;
  }

  /** Host side: switches privilege (0 U, 1 S, 3 M) without a trap (tests, loaders). */
  setPrivilege(p: number): void {
    if (p !== Priv.U && p !== Priv.S && p !== Priv.M) throw new RvnError(`bad privilege level ${p}`);
    this.priv = p;
    this.refreshMode();
  }

  /** TimingHost: PTE addresses a walk of vaddr reads under the current satp. */
  walkPtes(vaddr: number, isFetch: boolean, out: Float64Array): number {
    const bare = isFetch ? this.fetchBare : this.dataBare;
    return bare ? 0 : this.mmu.walkPtes(vaddr, out);
  }

  /**
   * Runs until cycle >= cycleLimit, insnLimit instructions have been attempted, the hart sleeps
   * in WFI, or it must wait for another hart (`waiting`). Returns the number of instructions
   * retired.
   */
  run(cycleLimit: number, insnLimit: number): number {
    this.stopRequested = false;
    this.waiting = false;
    // The loop's first look (attention) only takes an interrupt: needed when one is pending.
    const pending = (this.csr.mip & this.csr.mie) !== 0;
    this.attention = pending;
    // (Boolean fields are tested with `=== true` on the per-slice path: a bare `if (field)` is
    // V8's generic truthiness test — false, '', undetectable, number, bigint — about ten host
    // instructions where a comparison with true is two.)
    if (this.sleeping === true) {
      if (!pending) return 0;
      this.sleeping = false;
    }
    const start = this.instret;
    const obs = this.observer;
    let steps = 0;
    while (this.cycle < cycleLimit && steps < insnLimit) {
      if (this.attention === true) {
        this.attention = false;
        if (this.stopRequested || this.sleeping) break;
        if (this.checkInterrupts()) {
          steps++;
          if (this.debug !== undefined && this.debug.after(this, this.debugSeen.info, false)) this.debugStop();
          continue;
        }
      }
      if (this.debug !== undefined) {
        if (!this.debugStep(cycleLimit)) break;
        steps++;
      } else if (obs !== undefined) {
        this.interpObserved ??= makeInterpreter(this.ctx, true);
        steps += this.interpObserved(cycleLimit, insnLimit - steps, false, obs);
      } else if (this.fast === true) {
        // Fast mode: runs translated blocks where the pc has one, else interprets up to the
        // next control transfer (blockStep); stops like the interpreter (budget, cycle limit,
        // attention, wait). A slot gets a block once control reached it translateAfter times,
        // so cold (boot) code is not translated. A block is only entered when the budget leaves
        // room for all of it, and in its unchecked variant only when the cycle limit does too
        // (Block.maxCycles); nearer the limit its checked variant tests the limit after every
        // instruction. Every stop is therefore exactly where the interpreter would stop.
        // This loop is run()'s own (it was a method of its own, runBlocks): a scheduler's
        // slice (several harts; 2-3 instructions in `amo`) then pays one call and one set of
        // limit tests fewer. Its body is a method (blockStep): a loop of a method entered once
        // per run runs only as on-stack-replaced code, compiled again for every machine (and
        // after every deopt); the step is called once per block entry and optimised once per
        // process. It reads the cycle limit from hs (runLimit): as an argument, a limit beyond
        // 2^30 cycles (a long run's) would be a new heap number at every call. The budget left
        // is a small integer when the scheduler calls (SLICE_BUDGET).
        this.runLimit = cycleLimit;
        this.loopDp = undefined;
        this.loopIdx = -1;
        do {
          steps += this.blockStep(insnLimit - steps);
        } while (this.attention === false && this.waiting === false && steps < insnLimit && this.cycle < cycleLimit);
      } else {
        steps += this.interp(cycleLimit, insnLimit - steps, false);
      }
      // (`!== false` for `=== true`: TypeScript still takes it for the false set above.)
      if (this.waiting !== false) break;
    }
    return this.instret - start;
  }

  /** What the debugger's step saw: the retired instruction (observer adapter), reused. */
  private readonly debugSeen = {
    info: undefined as unknown as Readonly<CommitInfo>,
    retired: false,
    observer: {
      commit: (h: Hart, c: Readonly<CommitInfo>) => {
        this.debugSeen.info = c;
        this.debugSeen.retired = true;
        this.observer?.commit(h, c);
      },
    } as HartObserver,
  };

  /**
   * One instruction under the debugger's hook: false when the run loop must stop (a
   * breakpoint before it, or it must wait for another hart).
   */
  private debugStep(cycleLimit: number): boolean {
    const dbg = this.debug as HartDebugHook;
    if (dbg.before(this)) {
      this.debugStop();
      return false;
    }
    this.interpObserved ??= makeInterpreter(this.ctx, true);
    this.debugSeen.retired = false;
    this.interpObserved(cycleLimit, 1, false, this.debugSeen.observer);
    if (this.waiting) return false;
    if (dbg.after(this, this.debugSeen.info, this.debugSeen.retired)) this.debugStop();
    return true;
  }

  private debugStop(): void {
    this.debugHalt = true;
    this.requestStop();
  }

  /**
   * One step of run()'s fast-mode loop with `left` of its budget: a fetch-page change, one
   * block, or the interpreter up to the next control transfer. Returns the steps done.
   */
  private blockStep(left: number): number {
    // The common case first, small enough for V8 to inline into run(): a translated block at
    // pc in the fetch page that the budget and the cycle limit leave room for. It does what
    // blockEntry does in that case, without the tests for the others (page change, heat,
    // translation, checked variant); anything else goes there from the start (nothing has
    // changed). Dhrystone ideal: 1.7 % fewer host instructions (docs/performance-log.md, wt/disp).
    const hs = this.hs;
    const off = hs[HartSlot.Pc] - hs[HartSlot.FetchVBase];
    if (off >= 0 && off < 4096) {
      const blocks = this.fetchPage.blocks;
      if (blocks !== undefined) {
        const blk = blocks[off >>> 1];
        if (blk !== undefined && blk !== null && blk.len <= left && hs[HartSlot.Cycle] + blk.maxCycles <= hs[HartSlot.RunLimit]) {
          hs[HartSlot.RunBudget] = left;
          this.loopIdx = -1;
          // (Through call(), as in blockEntry.)
          return blk.fn.call(undefined);
        }
      }
    }
    return this.blockEntry(left);
  }

  /** blockStep() in every case: a fetch-page change, a block (translated here if hot, or its checked variant), or the interpreter. */
  private blockEntry(left: number): number {
    const cycleLimit = this.runLimit;
    const pc = this.pc;
    let off = pc - this.fetchVBase;
    // Heat a slot gains from this entry (see loopHeat).
    let gain = 1;
    if (!(off >= 0 && off < 4096)) {
      // Right after a trap or an xRET (the fetch cache was dropped): a trap vector or a return
      // site, where every further such transfer comes back to; it is as hot as a loop's head.
      if (off !== off) gain = this.loopHeat;
      // A new fetch page (after a trap, an xRET, a jump out of the page): point the fetch
      // cache at it here, so that the code there runs as blocks rather than interpreted up to
      // its first control transfer. A fetch fault is a step, as in the interpreter.
      // fetchMiss()'s body written out: called as fetchMiss() here, syscall rocket took 0.8 %
      // more host instructions (cachegrind --single-threaded, 8.30 G -> 8.37 G).
      const k = this.fetchMemo() ? HartResult.Done : this.fetchTranslate();
      if (k === HartResult.Wait) return 0;
      if (k === HartResult.Trapped) return 1;
      off = pc - this.fetchVBase;
    }
    if (off >= 0 && off < 4096) {
      const dp = this.fetchPage;
      const idx = off >>> 1;
      let blocks = dp.blocks;
      if (blocks === undefined) blocks = this.blockSlots(dp);
      let blk = blocks[idx];
      if (blk === undefined) {
        const heat = dp.heat as Uint16Array;
        const h = heat[idx] + (idx === this.loopIdx && dp === this.loopDp ? this.loopHeat : gain);
        heat[idx] = h > 0xffff ? 0xffff : h;
        if (h >= this.translateAfter) blk = this.translateAt(dp, idx);
      }
      if (blk != null && blk.len <= left) {
        // Far enough from the cycle limit, a block cannot reach it before its end. Nearer, its
        // checked variant runs: a translation of its own, made by the same rule (after
        // translateAfter such entries; the interpreter runs there until then).
        let fn: BlockFn | undefined = blk.fn;
        if (this.cycle + blk.maxCycles > cycleLimit) {
          fn = blk.checked ?? (++blk.nearLimit >= this.translateAfter ? this.checkedVariant(blk, dp, idx) : undefined);
        }
        if (fn !== undefined) {
          this.runBudget = left;
          this.loopIdx = -1;
          // Through call(): V8 would otherwise inline the first blocks it saw here, and throw the
          // step's optimised code away when another block runs.
          return fn.call(undefined);
        }
      }
      this.loopDp = dp;
      this.loopIdx = idx;
    } else {
      this.loopIdx = -1;
    }
    return this.interp(cycleLimit, left, true);
  }

  /** A page's block slots, made on its first entry in fast mode. */
  private blockSlots(dp: DecodedPage): (Block | null | undefined)[] {
    // Filled, so that every page's array has the same elements kind (V8 map) from the start.
    const blocks = dp.blocks = new Array<Block | null | undefined>(SLOTS).fill(undefined);
    dp.heat = new Uint16Array(SLOTS);
    return blocks;
  }

  /** Translates the block at slot idx of dp (null: none can start there). */
  private translateAt(dp: DecodedPage, idx: number): Block | null {
    const blk = translateBlock(dp, idx, this.slotDecoder, this.ops, this.code, this.ctx) ?? null;
    if (blk !== null) {
      this.blocksTranslated++;
      boundFirstEntries(blk, this.hs);
    }
    // Translation may have decoded slots; the page object stays the same.
    (dp.blocks as (Block | null | undefined)[])[idx] = blk;
    return blk;
  }

  /** Makes the checked variant of the block at slot idx of dp (see Block). */
  private checkedVariant(blk: Block, dp: DecodedPage, idx: number): BlockFn {
    const c = translateBlock(dp, idx, this.slotDecoder, this.ops, this.code, this.ctx, true);
    if (c === undefined || c.len !== blk.len) throw new Error('internal: a block\'s checked variant differs from it');
    blk.checked = c.fn;
    return c.fn;
  }

  // --- mode bookkeeping ---------------------------------------------------------------------

  /** Recomputes cached translation state; called after CSR writes that may change it (and reset). */
  private refreshMode(): void {
    const csr = this.csr;
    const m = this.mmu;
    m.root = ((csr.hi(Slot.satp) & 0xfff) * Pow2.TWO32 + (csr.lo(Slot.satp) >>> 0)) * 4096;
    this.satpSv39 = csr.hi(Slot.satp) >>> 28 === 8;
    // (Not in refreshPrivilege: no trap or xRET changes SUM or MXR.)
    m.sum = (csr.mstatus & Ms.SUM) !== 0;
    m.mxr = (csr.mstatus & Ms.MXR) !== 0;
    this.refreshPrivilege();
  }

  /**
   * refreshMode() after a change of privilege or mstatus only (a trap, an xRET): satp, SUM and
   * MXR are the same.
   */
  private refreshPrivilege(): void {
    const csr = this.csr;
    const ms = csr.mstatus;
    const sv39 = this.satpSv39;
    this.dataPriv = (ms & Ms.MPRV) !== 0 && this.priv === Priv.M ? (ms & Ms.MPP) >>> 11 : this.priv;
    this.fetchBare = !sv39 || this.priv === Priv.M;
    this.dataBare = !sv39 || this.dataPriv === Priv.M;
    // A load that walks the page table may write a PTE (A/D bits): it waits like a store.
    if (!this.dataBare) this.readSyncLimit = this.syncLimit;
    this.forgetDataPages();
    this.fetchVBase = NaN;
    // The new privilege or enables can make a pending interrupt takeable; with none pending
    // and enabled, the run loop need not look (a pending bit set later sets attention).
    if ((csr.mip & csr.mie) !== 0) this.attention = true;
  }

  /** Drops the remembered load and store pages (translation or permissions may change). */
  private forgetDataPages(): void {
    this.loadPageHi = NaN;
    this.storePageHi = NaN;
  }

  /**
   * After a CSR write (mstatus was msBefore): translation state is recomputed only when it may
   * have changed (satp, a status write that changes MPRV, MPP, SUM or MXR), the run loop looks
   * at interrupts only when one may have become pending and enabled; other CSRs (epc, scratch,
   * cause, ...) and status writes that only change interrupt enables (a kernel's `csrsi
   * sstatus, 2`) leave the fetch cache and the running block alone.
   */
  private afterCsrWrite(num: number, msBefore: number): void {
    const effect = this.csrEffect[num];
    if (effect === CsrEffect.None) return;
    if (num === Csr.satp) this.mmu.flush();
    if (effect === CsrEffect.Mode && (num === Csr.satp || ((this.csr.mstatus ^ msBefore) & MS_TRANSLATION) !== 0)) this.refreshMode();
    else if ((this.csr.mip & this.csr.mie) !== 0) this.attention = true;
    if (this.sleeping && (this.csr.mip & this.csr.mie) !== 0) this.sleeping = false;
  }

  // --- interrupts and traps -----------------------------------------------------------------

  /** Takes the highest-priority enabled pending interrupt, if any (priority M > S > U). */
  private checkInterrupts(): boolean {
    const csr = this.csr;
    const pend = csr.mip & csr.mie;
    if (pend === 0) return false;
    const ms = csr.mstatus;
    const priv = this.priv;
    const m = pend & ~csr.mideleg;
    if (m !== 0 && (priv < Priv.M || (ms & Ms.MIE) !== 0)) return this.interrupt(m, Priv.M);
    const sideleg = csr.hasN ? csr.sideleg : 0;
    const s = pend & csr.mideleg & ~sideleg;
    if (s !== 0 && (priv < Priv.S || (priv === Priv.S && (ms & Ms.SIE) !== 0))) return this.interrupt(s, Priv.S);
    const u = pend & csr.mideleg & sideleg;
    if (u !== 0 && priv === Priv.U && (ms & Ms.UIE) !== 0) return this.interrupt(u, Priv.U);
    return false;
  }

  private interrupt(bits: number, target: number): boolean {
    let cause = 0;
    for (const b of IRQ_PRIORITY) {
      if ((bits & (1 << b)) !== 0) {
        cause = b;
        break;
      }
    }
    const pc = this.pc;
    this.enterTrap(true, cause, 0, 0, pc | 0, Math.floor(pc / Pow2.TWO32) | 0, target);
    return true;
  }

  /** Raises exception `cause` for the current instruction (epc = pc), tval = hi:lo. */
  exception(cause: number, tvalLo: number, tvalHi: number): void {
    const pc = this.pc;
    this.exceptionAt(cause, tvalLo, tvalHi, pc | 0, Math.floor(pc / Pow2.TWO32) | 0);
  }

  private exceptionAt(cause: number, tvalLo: number, tvalHi: number, epcLo: number, epcHi: number): void {
    const csr = this.csr;
    let target: number = Priv.M;
    const bit = 1 << cause;
    if (this.priv < Priv.M && (csr.medeleg & bit) !== 0) {
      target = Priv.S;
      if (this.priv === Priv.U && csr.hasN && (csr.sedeleg & bit) !== 0) target = Priv.U;
    }
    this.enterTrap(false, cause, tvalLo, tvalHi, epcLo, epcHi, target);
  }

  private enterTrap(interrupt: boolean, cause: number, tvalLo: number, tvalHi: number, epcLo: number, epcHi: number, target: number): void {
    // A parameter's truthiness is V8's generic ToBoolean in optimised code (its type is not
    // known there: tests for false, '', undetectable, 0, NaN, 0n at each use); compared once,
    // it is a plain boolean below.
    const isInt = interrupt === true;
    const csr = this.csr;
    if (!isInt && (cause === Cause.FetchAccess || cause === Cause.FetchPage) && this.instret === this.instretAtTrap &&
        epcHi * Pow2.TWO32 + (epcLo >>> 0) === this.trapTarget) {
      // (BigInt only here, for a negative, sign-extended pc in the message.)
      const lastEpc = this.lastTrapEpcHi * Pow2.TWO32 + (this.lastTrapEpcLo >>> 0);
      const epc = BigInt.asUintN(64, BigInt(lastEpc)).toString(16).padStart(16, '0');
      const first = `${this.lastTrapIsInt ? 'interrupt' : 'exception'} ${this.lastTrapCause} ` +
        `(${causeName(this.lastTrapIsInt, this.lastTrapCause)}) at pc 0x${epc}`;
      this.fatalTrap = {
        isInterrupt: this.lastTrapIsInt, cause: this.lastTrapCause, epc: lastEpc,
        tval: this.lastTrapTvalHi * Pow2.TWO32 + (this.lastTrapTvalLo >>> 0),
        handler: this.pc, handlerCause: cause,
      };
      this.fatal = `hart ${this.hartId}: ${first}; its handler at 0x${this.pcHex()} cannot be fetched ` +
        `(${cause === Cause.FetchAccess ? 'instruction access fault' : 'instruction page fault'}), so every trap traps again`;
      this.requestStop();
    } else if (this.instret !== this.instretAtTrap) {
      // Numbers only: this runs on every trap, the message is built only if it turns fatal.
      this.lastTrapCause = cause;
      this.lastTrapIsInt = isInt;
      this.lastTrapEpcLo = epcLo;
      this.lastTrapEpcHi = epcHi;
      this.lastTrapTvalLo = tvalLo;
      this.lastTrapTvalHi = tvalHi;
    }
    const causeHi = isInt ? 0x80000000 | 0 : 0;
    let tvec: Slot;
    let ms = csr.mstatus;
    if (target === Priv.M) {
      csr.set(Slot.mepc, epcLo, epcHi);
      csr.set(Slot.mcause, cause, causeHi);
      csr.set(Slot.mtval, tvalLo, tvalHi);
      ms = (ms & ~(Ms.MPIE | Ms.MIE | Ms.MPP)) | ((ms & Ms.MIE) !== 0 ? Ms.MPIE : 0) | (this.priv << 11);
      tvec = Slot.mtvec;
    } else if (target === Priv.S) {
      csr.set(Slot.sepc, epcLo, epcHi);
      csr.set(Slot.scause, cause, causeHi);
      csr.set(Slot.stval, tvalLo, tvalHi);
      ms = (ms & ~(Ms.SPIE | Ms.SIE | Ms.SPP)) | ((ms & Ms.SIE) !== 0 ? Ms.SPIE : 0) | (this.priv === Priv.S ? Ms.SPP : 0);
      tvec = Slot.stvec;
    } else {
      csr.set(Slot.uepc, epcLo, epcHi);
      csr.set(Slot.ucause, cause, causeHi);
      csr.set(Slot.utval, isInt ? 0 : tvalLo, isInt ? 0 : tvalHi);
      ms = (ms & ~(Ms.UPIE | Ms.UIE)) | ((ms & Ms.UIE) !== 0 ? Ms.UPIE : 0);
      tvec = Slot.utvec;
    }
    csr.mstatus = ms;
    this.priv = target;
    const vlo = csr.lo(tvec);
    let pc = csr.hi(tvec) * Pow2.TWO32 + ((vlo & ~3) >>> 0);
    if (isInt && (vlo & 3) === 1) pc += 4 * cause;
    this.pc = pc;
    this.trapTarget = pc;
    this.instretAtTrap = this.instret;
    this.sleeping = false;
    this.bus.dropReservation(this.hartId);
    this.refreshPrivilege();
    let kind = TrapKind.Exception;
    if (isInt) {
      if (target === Priv.U) {
        kind = TrapKind.UserInterrupt;
        this.userInterruptsTaken++;
      } else {
        kind = cause === Irq.MEI || cause === Irq.SEI || cause === Irq.UEI ? TrapKind.ExternalInterrupt : TrapKind.Interrupt;
      }
    }
    this.cycle += this.timing.trap(kind, cause);
    this.observer?.trap?.(this, isInt, cause, epcHi * Pow2.TWO32 + (epcLo >>> 0));
  }


  /** Sets pc to hi:lo; returns false (after trapping at the target) if it is not representable. */
  private jumpTo(lo: number, hi: number): boolean {
    if (hi >= -0x200000 && hi < 0x200000) {
      this.pc = hi * Pow2.TWO32 + (lo >>> 0);
      return true;
    }
    // Beyond 2^53: no memory or valid Sv39 address is there, so the fetch at the target faults.
    this.pc = 0;
    this.exceptionAt(this.fetchBare ? Cause.FetchAccess : Cause.FetchPage, lo, hi, lo, hi);
    return false;
  }

  // --- fetch ---------------------------------------------------------------------------------

  /**
   * Points the fetch cache at the page holding pc. Returns false (after trapping) on a fetch
   * fault. (Also called by the interpreter.)
   */
  fetchMiss(): HartResult {
    return this.fetchMemo() ? HartResult.Done : this.fetchTranslate();
  }

  /**
   * fetchMiss's first look, small enough to be inlined into the block dispatcher: the page
   * remembered for the current privilege, taken back when nothing it depends on changed.
   */
  private fetchMemo(): boolean {
    // (The pc is read here, not passed: a pc above 2^31 passed as an argument is boxed.)
    const pc = this.pc;
    const vbase = pc - (pc & 0xfff);
    const priv = this.priv;
    if (this.fetchMemoV[priv] !== vbase || this.fetchMemoEpoch[priv] !== (this.fetchBare ? -1 : this.mmu.epoch)) return false;
    const dp = this.fetchMemoPage[priv];
    const page = this.fetchMemoPageNo[priv];
    if (dp.gen !== this.codeGen[page] || (this.codeMark[page] & 1) === 0) return false;
    this.fetchPage = dp;
    this.fetchVBase = vbase;
    this.fetchPBase = this.fetchMemoP[priv];
    return true;
  }

  /** fetchMiss without a remembered page: translates the pc and finds (or makes) its decoded page. */
  private fetchTranslate(): HartResult {
    const pc = this.pc;
    const vbase = pc - (pc & 0xfff);
    const priv = this.priv;
    const lo = pc | 0;
    const hi = Math.floor(pc / Pow2.TWO32) | 0;
    let pa: number;
    if (this.fetchBare) {
      pa = pc;
    } else {
      // A page-table walk reads (and may write) memory: ordered among harts.
      if (this.shared && this.cycle >= this.syncLimit && !this.mmu.cached(lo, hi, Access.Fetch, this.priv)) {
        this.waiting = true;
        return HartResult.Wait;
      }
      pa = this.mmu.translate(lo, hi, Access.Fetch, this.priv);
      if (pa < 0) {
        this.exception(pa === TranslateFault.Access ? Cause.FetchAccess : Cause.FetchPage, lo, hi);
        return HartResult.Trapped;
      }
    }
    const pbase = pa - (pa & 0xfff);
    const off = pbase - this.ramBase;
    if (off >= 0 && off < this.ramSize) {
      // An integer (not a double) index: the page tables below are read on every fetch miss.
      const page = (off / 4096) | 0;
      let dp = this.decodedPage(page);
      if (dp === undefined) {
        const chunk = Math.floor(off / ChunkSize.BYTES);
        dp = new DecodedPage(this.bus.ram.chunk(chunk).u16, (off - chunk * ChunkSize.BYTES) / 2, off);
        this.setDecodedPage(page, dp);
        dp.gen = this.bus.markCode(page);
      } else if (dp.gen !== this.codeGen[page] || (this.codeMark[page] & 1) === 0) {
        dp.clear();
        dp.gen = this.bus.markCode(page);
      }
      this.fetchPage = dp;
      this.fetchVBase = vbase;
      this.fetchPBase = pbase;
      this.fetchMemoV[priv] = vbase;
      this.fetchMemoP[priv] = pbase;
      // (A walk above changed the epoch: read it again.)
      this.fetchMemoEpoch[priv] = this.fetchBare ? -1 : this.mmu.epoch;
      this.fetchMemoPageNo[priv] = page;
      this.fetchMemoPage[priv] = dp;
      return HartResult.Done;
    }
    // Not RAM (boot ROM, or nothing): decode this one instruction into the scratch page.
    if (!this.bus.isFetchable(pa, 2)) {
      this.exception(Cause.FetchAccess, lo, hi);
      return HartResult.Trapped;
    }
    this.scratchPage.clear();
    this.fetchPage = this.scratchPage;
    this.fetchVBase = NaN;
    this.fetchPBase = pbase;
    return this.decodeSlow(pc, pa, (pc & 0xfff) >>> 1) ? HartResult.Done : HartResult.Trapped;
  }

  /** Reads the parcel(s) of the instruction at pc (physical pa) through the bus and decodes. */
  private decodeSlow(pc: number, pa: number, idx: number): boolean {
    const t = this.t2;
    if (!this.bus.load(pa, 2, t)) {
      this.exception(Cause.FetchAccess, pc | 0, Math.floor(pc / Pow2.TWO32) | 0);
      return false;
    }
    const lo16 = t[0] & 0xffff;
    let hi16 = 0;
    if ((lo16 & 3) === 3) {
      const pc2 = pc + 2;
      let pa2 = pa + 2;
      if ((pc2 & 0xfff) === 0 && !this.fetchBare) {
        pa2 = this.mmu.translate(pc2 | 0, Math.floor(pc2 / Pow2.TWO32) | 0, Access.Fetch, this.priv);
        if (pa2 < 0) {
          this.exception(pa2 === TranslateFault.Access ? Cause.FetchAccess : Cause.FetchPage, pc2 | 0, Math.floor(pc2 / Pow2.TWO32) | 0);
          return false;
        }
      }
      if (!this.bus.load(pa2, 2, t)) {
        this.exception(Cause.FetchAccess, pc2 | 0, Math.floor(pc2 / Pow2.TWO32) | 0);
        return false;
      }
      hi16 = t[0] & 0xffff;
    }
    // Only the scratch slot changes: the fetch cache keeps pointing at the RAM page, whose
    // other instructions are still valid (the caller reads this one from the scratch page).
    decodeInto(this.decoder, this.exts, this.scratchPage, idx, lo16, hi16);
    return true;
  }

  // --- data access ----------------------------------------------------------------------------

  /** Translates a data address; returns the physical address or -1 after trapping. */
  private xlate(lo: number, hi: number, acc: Access): number {
    if (this.dataBare) {
      if (hi === 0) return lo >>> 0;
      if (hi > 0 && hi < 0x200000) return hi * Pow2.TWO32 + (lo >>> 0);
      this.exception(acc === Access.Store ? Cause.StoreAccess : Cause.LoadAccess, lo, hi);
      return -1;
    }
    const pa = this.mmu.translate(lo, hi, acc, this.dataPriv);
    if (pa >= 0) {
      const off = pa - this.ramBase;
      if (off >= 0 && off < this.ram0Size) {
        // Remember the page for translated blocks (their inline RAM path under Sv39).
        const pageLo = lo & ~0xfff;
        const pageOff = off - (off & 0xfff);
        if (acc === Access.Load) {
          this.loadPageHi = hi; this.loadPageLo = pageLo; this.loadPageOff = pageOff;
        } else {
          this.storePageHi = hi; this.storePageLo = pageLo; this.storePageOff = pageOff;
        }
      }
      return pa;
    }
    const st = acc === Access.Store;
    const cause = pa === TranslateFault.Access ? (st ? Cause.StoreAccess : Cause.LoadAccess) : st ? Cause.StorePage : Cause.LoadPage;
    this.exception(cause, lo, hi);
    return -1;
  }

  /** Loads `size` bytes at virtual hi:lo, zero-extended, into t[0..1]. False after trapping. */
  load(lo: number, hi: number, size: number): boolean {
    let pa: number;
    if (!this.dataBare && (lo & 0xfff) + size > 4096) return this.loadCross(lo, hi, size);
    pa = this.xlate(lo, hi, Access.Load);
    if (pa < 0) return false;
    const r = this.rec;
    r.memPaddr = pa;
    r.memVaddr = hi * Pow2.TWO32 + (lo >>> 0);
    r.memWidth = size;
    const off = pa - this.ramBase;
    const t = this.t;
    if (off >= 0 && off + size <= this.ramSize) {
      if ((off & (size - 1)) === 0 && off + size <= this.ram0Size) {
        if (size === 8) {
          t[0] = this.ram32[off >>> 2];
          t[1] = this.ram32[(off >>> 2) + 1];
        } else {
          t[0] = size === 4 ? this.ram32[off >>> 2] : size === 2 ? this.ram16[off >>> 1] : this.ram8[off];
          t[1] = 0;
        }
        return true;
      }
      return this.bus.load(pa, size, t);
    }
    r.memIsMmio = true;
    if (!this.bus.load(pa, size, t)) {
      this.exception(Cause.LoadAccess, lo, hi);
      return false;
    }
    return true;
  }

  /** A misaligned load that crosses a virtual page: translate both pages, then read bytes. */
  private loadCross(lo: number, hi: number, size: number): boolean {
    const first = 4096 - (lo & 0xfff);
    const pa0 = this.xlate(lo, hi, Access.Load);
    if (pa0 < 0) return false;
    const lo2 = (lo + first) | 0;
    const hi2 = (hi + ((lo >>> 0) + first > 0xffffffff ? 1 : 0)) | 0;
    const pa1 = this.xlate(lo2, hi2, Access.Load);
    if (pa1 < 0) return false;
    let vlo = 0;
    let vhi = 0;
    const t = this.t;
    for (let i = 0; i < size; i++) {
      const pa = i < first ? pa0 + i : pa1 + (i - first);
      if (!this.bus.load(pa, 1, t)) {
        this.exception(Cause.LoadAccess, lo, hi);
        return false;
      }
      if (i < 4) vlo |= (t[0] & 0xff) << (8 * i);
      else vhi |= (t[0] & 0xff) << (8 * (i - 4));
    }
    t[0] = vlo;
    t[1] = vhi;
    const r = this.rec;
    r.memPaddr = pa0;
    r.memVaddr = hi * Pow2.TWO32 + (lo >>> 0);
    r.memWidth = size;
    return true;
  }

  /** Stores the low `size` bytes of vhi:vlo at virtual hi:lo. False after trapping. */
  store(lo: number, hi: number, size: number, vlo: number, vhi: number): boolean {
    if (!this.dataBare && (lo & 0xfff) + size > 4096) return this.storeCross(lo, hi, size, vlo, vhi);
    const pa = this.xlate(lo, hi, Access.Store);
    if (pa < 0) return false;
    const r = this.rec;
    r.memPaddr = pa;
    r.memVaddr = hi * Pow2.TWO32 + (lo >>> 0);
    r.memWidth = size;
    this.lastStoreLo = vlo;
    this.lastStoreHi = vhi;
    this.lastWasStore = true;
    const off = pa - this.ramBase;
    if (off >= 0 && off + size <= this.ram0Size && (off & (size - 1)) === 0) {
      if (size === 8) {
        this.ram32[off >>> 2] = vlo;
        this.ram32[(off >>> 2) + 1] = vhi;
      } else if (size === 4) this.ram32[off >>> 2] = vlo;
      else if (size === 2) this.ram16[off >>> 1] = vlo;
      else this.ram8[off] = vlo;
      if ((this.codeMark[off >>> 12] | this.bus.reservationCount) !== 0) this.storedToCode(off, size);
      return true;
    }
    if (!(off >= 0 && off + size <= this.ramSize)) r.memIsMmio = true;
    if (!this.bus.store(pa, size, vlo, vhi)) {
      this.exception(Cause.StoreAccess, lo, hi);
      return false;
    }
    this.fetchVBase = NaN;
    return true;
  }

  /**
   * A store into RAM chunk 0 touched a page marked as code (or reservations exist): the bus
   * breaks reservations and, when the store wrote a granule holding decoded code, invalidates
   * the page for every hart; this hart then drops its fetch cache (the store may have rewritten
   * the very instructions it is running: self-modifying code). Data sharing a page with code
   * changes nothing.
   */
  storedToCode(off: number, size: number): void {
    if (this.bus.ramStored(off, size)) this.fetchVBase = NaN;
  }

  private storeCross(lo: number, hi: number, size: number, vlo: number, vhi: number): boolean {
    const first = 4096 - (lo & 0xfff);
    const pa0 = this.xlate(lo, hi, Access.Store);
    if (pa0 < 0) return false;
    const lo2 = (lo + first) | 0;
    const hi2 = (hi + ((lo >>> 0) + first > 0xffffffff ? 1 : 0)) | 0;
    const pa1 = this.xlate(lo2, hi2, Access.Store);
    if (pa1 < 0) return false;
    for (let i = 0; i < size; i++) {
      const pa = i < first ? pa0 + i : pa1 + (i - first);
      const b = i < 4 ? vlo >>> (8 * i) : vhi >>> (8 * (i - 4));
      if (!this.bus.store(pa, 1, b & 0xff, 0)) {
        this.exception(Cause.StoreAccess, lo, hi);
        return false;
      }
    }
    const r = this.rec;
    r.memPaddr = pa0;
    r.memVaddr = hi * Pow2.TWO32 + (lo >>> 0);
    r.memWidth = size;
    this.lastStoreLo = vlo;
    this.lastStoreHi = vhi;
    this.lastWasStore = true;
    this.fetchVBase = NaN;
    return true;
  }

  // --- instructions (called by generated code, src/cpu/codegen) ------------------------------

  /** Decodes slot idx of the current (RAM) fetch page if not yet decoded; returns its info. */
  private decodeSlot(dp: DecodedPage, idx: number): number {
    const info = dp.info[idx];
    if ((info & 255) !== UNDECODED || dp === this.scratchPage) return info;
    const u16 = dp.u16;
    const h0 = dp.u16Base + idx;
    const lo16 = u16[h0];
    if ((lo16 & 3) === 3 && idx === SLOTS - 1) {
      dp.info[idx] = CROSSING;
    } else {
      const len = decodeInto(this.decoder, this.exts, dp, idx, lo16, (lo16 & 3) === 3 ? u16[h0 + 1] : 0);
      this.bus.markCodeBytes(dp.ramOff + idx * 2, len);
    }
    return dp.info[idx];
  }

  /** The decoded copy of RAM page `page`, if this hart made one. */
  private decodedPage(page: number): DecodedPage | undefined {
    const g = this.pageGroups[(page / PageGroup.PAGES) | 0];
    return g === undefined ? undefined : g[page & (PageGroup.PAGES - 1)];
  }

  private setDecodedPage(page: number, dp: DecodedPage): void {
    const gi = Math.floor(page / PageGroup.PAGES);
    let g = this.pageGroups[gi];
    if (g === undefined) g = this.pageGroups[gi] = new Array<DecodedPage | undefined>(PageGroup.PAGES).fill(undefined);
    g[page % PageGroup.PAGES] = dp;
  }

  /**
   * CSRRW/S/C(I): the CSR is imm's low 12 bits; `word` is the instruction (for an illegal-
   * instruction trap).
   */
  execCsr(op: number, rd: number, rs1: number, imm: number, word: number): HartResult {
    const num = imm & 0xfff;
    const order = this.csrOrder[num];
    if (order !== 0 && this.shared === true && this.cycle >= this.readSyncLimit) {
      this.waiting = true;
      return HartResult.Wait;
    }
    const immForm = op >= Op.CSRRWI;
    const srcLo = immForm ? imm >>> 12 : this.xl[rs1];
    const srcHi = immForm ? 0 : this.xh[rs1];
    const src = immForm ? imm >>> 12 : rs1;
    const kind = immForm ? op - Op.CSRRWI : op - Op.CSRRW; // 0 write, 1 set, 2 clear
    const writes = kind === 0 || src !== 0;
    const csr = this.csr;
    const slot = csr.plainSlot[num];
    if (slot >= 0 && this.priv >= csr.plainPriv[num]) return this.plainCsr(num, slot, rd, kind, writes, srcLo, srcHi);
    if (!csr.allowed(num, this.priv, writes)) return this.illegal(word);
    const t = this.t2;
    csr.read(num, t);
    const oldLo = t[0];
    const oldHi = t[1];
    if (writes) {
      if (kind !== 0) csr.readForModify(num, t);
      const ms = csr.mstatus;
      csr.write(num, csrModified(kind, t[0], srcLo), csrModified(kind, t[1], srcHi));
      this.rec.csrWritten = true;
      this.afterCsrWrite(num, ms);
      // Another hart may now (or may no longer) be able to interrupt this one: the machine
      // recomputes how far this hart may run (docs/cpu.md).
      if (order === 2 && this.shared === true) this.requestStop();
    }
    this.rec.csr = num;
    this.xl[rd] = oldLo;
    this.xh[rd] = oldHi;
    return HartResult.Done;
  }

  /**
   * execCsr for a plain CSR (CsrFile.plainSlot: a slot, a write mask, no side effects) that
   * `priv` may access: the same reads, writes and record as the general path.
   */
  private plainCsr(num: number, slot: number, rd: number, kind: number, writes: boolean, srcLo: number, srcHi: number): HartResult {
    const w = this.csr.w;
    const oldLo = w[2 * slot];
    const oldHi = w[2 * slot + 1];
    if (writes) {
      w[2 * slot] = csrModified(kind, oldLo, srcLo) & this.csr.plainMaskLo[num];
      w[2 * slot + 1] = csrModified(kind, oldHi, srcHi);
      this.rec.csrWritten = true;
    }
    this.rec.csr = num;
    this.xl[rd] = oldLo;
    this.xh[rd] = oldHi;
    return HartResult.Done;
  }

  /**
   * MRET/SRET/URET: false (after trapping) when illegal; else the target is in
   * targetLo:targetHi (halves: a pc returned as a double would be boxed on every xRET).
   */
  private xret(op: number, word: number): boolean {
    const csr = this.csr;
    let ms = csr.mstatus;
    let epc: Slot;
    if (op === Op.MRET) {
      if (this.priv !== Priv.M) return this.xretIllegal(word);
      const mpp = (ms & Ms.MPP) >>> 11;
      ms = (ms & ~(Ms.MIE | Ms.MPP)) | ((ms & Ms.MPIE) !== 0 ? Ms.MIE : 0) | Ms.MPIE;
      if (mpp !== Priv.M) ms &= ~Ms.MPRV;
      this.priv = mpp;
      epc = Slot.mepc;
    } else if (op === Op.SRET) {
      if (this.priv < Priv.S || (this.priv === Priv.S && (ms & Ms.TSR) !== 0)) return this.xretIllegal(word);
      const spp = (ms & Ms.SPP) !== 0 ? Priv.S : Priv.U;
      ms = (ms & ~(Ms.SIE | Ms.SPP | Ms.MPRV)) | ((ms & Ms.SPIE) !== 0 ? Ms.SIE : 0) | Ms.SPIE;
      this.priv = spp;
      epc = Slot.sepc;
    } else {
      if (this.uretOnlyInU && this.priv !== Priv.U) return this.xretIllegal(word);
      ms = (ms & ~Ms.UIE) | ((ms & Ms.UPIE) !== 0 ? Ms.UIE : 0) | Ms.UPIE;
      epc = Slot.uepc;
      this.urets++;
    }
    csr.mstatus = ms;
    this.bus.dropReservation(this.hartId);
    this.refreshPrivilege();
    this.targetLo = csr.lo(epc);
    this.targetHi = csr.hi(epc);
    return true;
  }

  private xretIllegal(word: number): false {
    this.illegal(word);
    return false;
  }

  /** MRET/SRET/URET: the target in targetLo:targetHi. */
  execXret(op: number, word: number): HartResult {
    return this.xret(op, word) ? HartResult.Done : HartResult.Trapped;
  }

  /** LR, SC and the AMOs at address ah:a with operand bh:b (A extension). */
  execAmo(op: number, rd: number, a: number, ah: number, b: number, bh: number): HartResult {
    return this.amo(op, rd, a, ah, b, bh) ? HartResult.Done : HartResult.Trapped;
  }

  private amo(op: number, rd: number, a: number, ah: number, b: number, bh: number): boolean {
    const size = op >= Op.LR_D ? 8 : 4;
    const isLr = op === Op.LR_W || op === Op.LR_D;
    if ((a & (size - 1)) !== 0) {
      this.exception(isLr ? Cause.LoadMisaligned : Cause.StoreMisaligned, a, ah);
      return false;
    }
    const pa = this.xlate(a, ah, isLr ? Access.Load : Access.Store);
    if (pa < 0) return false;
    const r = this.rec;
    r.memPaddr = pa;
    r.memVaddr = ah * Pow2.TWO32 + (a >>> 0);
    r.memWidth = size;
    const off = pa - this.ramBase;
    r.memIsMmio = !(off >= 0 && off + size <= this.ram0Size) && !this.bus.isRam(pa, size);
    // The reservations, the load, the AMO's rule, the store and x[rd]: written once, for this
    // and for the inline path of the interpreter and blocks (src/cpu/codegen/amo.ts).
    if (this.amoSteps(op, rd, pa, b, bh)) return true;
    this.exception(isLr ? Cause.LoadAccess : Cause.StoreAccess, a, ah);
    return false;
  }

  /**
   * The load of an LR or AMO (naturally aligned) at physical pa into t[0]:t[1] (a word: t[0]).
   * False: an access fault.
   */
  amoLoad(pa: number, size: number): boolean {
    const off = pa - this.ramBase;
    if (off >= 0 && off + size <= this.ram0Size) {
      this.t[0] = this.ram32[off >>> 2];
      this.t[1] = size === 8 ? this.ram32[(off >>> 2) + 1] : 0;
      return true;
    }
    return this.bus.load(pa, size, this.t);
  }

  /**
   * The store of an SC or AMO (naturally aligned) at physical pa: in RAM chunk 0 the fetch
   * cache is dropped only when the store rewrote decoded code (storedToCode), so that a
   * translated block runs on after it (the multi-hart `amo` pattern); elsewhere, as any store
   * through the bus, it is dropped. False: an access fault.
   */
  amoStore(pa: number, size: number, lo: number, hi: number): boolean {
    const off = pa - this.ramBase;
    if (off >= 0 && off + size <= this.ram0Size) {
      if (size === 8) {
        this.ram32[off >>> 2] = lo;
        this.ram32[(off >>> 2) + 1] = hi;
      } else this.ram32[off >>> 2] = lo;
      if ((this.codeMark[off >>> 12] | this.bus.reservationCount) !== 0) this.storedToCode(off, size);
      return true;
    }
    if (!this.bus.store(pa, size, lo, hi)) return false;
    this.fetchVBase = NaN;
    return true;
  }

  /** Decodes slot idx of dp if needed (a crossing instruction through the bus); -1 after a fetch trap. */
  slotInfo(dp: DecodedPage, idx: number, pc: number, off: number): number {
    let info = dp.info[idx];
    if ((info & 255) === UNDECODED && dp !== this.scratchPage) info = this.decodeSlot(dp, idx);
    this.slotPage = dp;
    if ((info & 255) === CROSSING) {
      if (!this.decodeSlow(pc, this.fetchPBase + off, idx)) return -1;
      this.slotPage = this.scratchPage;
      info = this.scratchPage.info[idx];
    }
    return info;
  }

  /** ECALL: the exception of the current privilege (the instruction was charged, not retired). */
  ecall(): HartResult {
    this.exception(this.priv === Priv.U ? Cause.EcallU : this.priv === Priv.S ? Cause.EcallS : Cause.EcallM, 0, 0);
    return HartResult.Trapped;
  }

  /** EBREAK: a breakpoint exception with the pc in xtval. */
  ebreak(): HartResult {
    const pc = this.pc;
    this.exception(Cause.Breakpoint, pc | 0, Math.floor(pc / Pow2.TWO32) | 0);
    return HartResult.Trapped;
  }

  /** An illegal instruction (`word` in xtval). */
  illegal(word: number): HartResult {
    this.exception(Cause.Illegal, word, 0);
    return HartResult.Trapped;
  }

  /**
   * FENCE.I: stores invalidate decoded pages (Ram.codeGen); re-checking the fetch page makes
   * other harts' stores visible here too.
   */
  fenceI(): HartResult {
    this.fetchVBase = NaN;
    return HartResult.Done;
  }

  /** WFI: illegal in U, and in S with mstatus.TW; sleeps unless an enabled interrupt is pending. */
  execWfi(word: number): HartResult {
    if (this.priv === Priv.U || (this.priv === Priv.S && (this.csr.mstatus & Ms.TW) !== 0)) return this.illegal(word);
    if ((this.csr.mip & this.csr.mie) === 0) {
      this.sleeping = true;
      this.attention = true;
    }
    return HartResult.Done;
  }

  /** SFENCE.VMA (always a full flush): illegal in U, and in S with mstatus.TVM. */
  execSfenceVma(word: number): HartResult {
    if (this.priv === Priv.U || (this.priv === Priv.S && (this.csr.mstatus & Ms.TVM) !== 0)) return this.illegal(word);
    this.mmu.flush();
    this.forgetDataPages();
    this.fetchVBase = NaN;
    return HartResult.Done;
  }

  /** The uipi operations (uintr.md §2): never trap. */
  execUipi(op: number, rd: number, a: number, ah: number): HartResult {
    execUipi(this, op, rd, a, ah);
    return HartResult.Done;
  }

  /** A jump to hi:lo beyond 2^53 has retired: the fetch there faults (nothing can be there). */
  wildJump(lo: number, hi: number): void {
    this.jumpTo(lo, hi);
  }
}

/** The mstatus bits the hart's cached translation state depends on (refreshPrivilege). */
const MS_TRANSLATION = Ms.MPRV | Ms.MPP | Ms.SUM | Ms.MXR;

/**
 * Hart fields that come to hold numbers V8 cannot keep as small integers (addresses and values
 * beyond 2^30, counters, NaN), and flags the hart flips while it runs. V8 gives a field the
 * representation of the first value stored; the first wider value (or the first change of a
 * field it took as constant) then gives every hart a new map, and every function optimised for
 * the old one — the run loop, the interpreter, translated blocks — is deoptimised and compiled
 * again (docs/performance-log.md). Storing such a value once in the constructor settles the map
 * before anything runs.
 */
const DOUBLE_FIELDS = ['instretAtTrap', 'lastTrapEpcLo', 'lastTrapEpcHi', 'lastTrapTvalLo', 'lastTrapTvalHi', 'loadPageLo', 'loadPageOff', 'storePageLo', 'storePageOff',
  'lastStoreLo', 'lastStoreHi', 'targetLo', 'targetHi', 'trapTarget', 'lastTrapCause', 'blocksTranslated'] as const;
const FLAG_FIELDS = ['satpSv39', 'attention', 'waiting', 'idle', 'spinning', 'lastWasStore', 'lastTrapIsInt', 'debugHalt', 'debugParked', 'stopRequested'] as const;
const PAGE_FIELDS = ['fetchPage', 'slotPage'] as const;

function settleFields(h: Hart): void {
  const fields = h as unknown as Record<string, number | boolean>;
  for (const f of DOUBLE_FIELDS) {
    const v = fields[f];
    fields[f] = 0.5;
    fields[f] = v;
  }
  for (const f of FLAG_FIELDS) {
    const v = fields[f];
    fields[f] = !v;
    fields[f] = v;
  }
  const pages = h as unknown as Record<string, DecodedPage>;
  for (const f of PAGE_FIELDS) {
    const v = pages[f];
    pages[f] = new DecodedPage();
    pages[f] = v;
  }
}
