/**
 * A timing model's cost of each instruction class, written once as code and placed by the
 * hart's code generators (src/cpu/codegen) into the interpreter after each instruction's
 * semantics and into translated blocks, where the instruction's fields are constants and the
 * model may specialise (skip a fetch known to hit, drop an interlock test for a register known
 * ready). The model's own `retire(record)` is made from the same code, with the fields read from
 * a RetireRecord: there is one definition of each class's timing.
 *
 * The generated code runs in a function that defines, for the timing code to read:
 *   h, tm, r        the hart's typed view, the model, the hart's RetireRecord
 *   hs              the hart's state array (HartSlot: hs[HartSlot.Cycle] is the cycle count)
 *   limit           the cycle at which the run must stop
 *   tk              (branches) true when taken
 *   ma, lo, hi      (loads, stores) the RAM offset of the access when it took the inline RAM
 *                   path (lo:hi the address), or ma = -1 when the hart made the access (the
 *                   record's memPaddr, memVaddr and memIsMmio are then set)
 *   a, ah, b, bh    (mul/div) the operands
 * and the locals the model declares in prologue(), which must not clash with the generators':
 * a, ah, b, bh, lo, hi, v, vh, sh, tk, ma, sx, jl, jh, k, K, i0, it, n, budget, room, pc, npc, fpa, dp,
 * idx, info, op, rd, rs1, rs2, imm, len (see src/cpu/codegen). A block may loop back to its
 * start: the code for its first instruction must not assume what came before it.
 *
 * Cycle bookkeeping: the code does not add to the cycle count per instruction. sync() makes it
 * (and whatever the model keeps) current; the generators emit it before every call into the
 * hart that may trap or read the clock, and at every exit. resync() follows such a call.
 */
import type { InsnClass } from './record';

/**
 * The slots of `hs`, the Float64Array in which a hart keeps its pc, counters and run limits for
 * generated code (a double stored into an object field allocates a heap number in V8; a store
 * into a Float64Array never does). Timing code reads and writes the cycle count as
 * hs[HartSlot.Cycle].
 */
export const enum HartSlot {
  Pc = 0,
  Cycle = 1,
  Instret = 2,
  FetchVBase = 3,
  FetchPBase = 4,
  /** The current run's cycle limit. */
  RunLimit = 5,
  /** Instructions the running block may retire at most. */
  RunBudget = 6,
  /** Ordered accesses at or beyond this cycle must wait (several harts). */
  SyncLimit = 7,
  /** Ordered operations that write no memory (plain loads, CSRs, fence.i, WFI, uipi) wait from here (at most SyncLimit). */
  ReadSyncLimit = 8,
  /** 1 when the run stopped (waiting) before an ordered operation that is not a plain load (Hart.waitSpinless). */
  WaitSpinless = 9,
  Count = 10,
}

/** One instruction as its timing code sees it: constants (blocks) or expressions (interpreter, records). */
export interface TimingSite {
  readonly cls: InsnClass;
  /** Destination (the scratch slot 32 stands for x0 in the interpreter; 0 in records) and sources. */
  readonly rd: number | string;
  readonly rs1: number | string;
  readonly rs2: number | string;
  readonly len: number | string;
  readonly imm: number | string;
  /** Loads and stores: the access width in bytes (mul/div: unused). */
  readonly memWidth: number | string;
  /** Mul/div: funct3 (0 MUL … 7 REMU). */
  readonly funct3: number | string;
  /** True when rd may be 0 and must not be written (records); the generators map x0 to 32. */
  readonly rdMayBeZero: boolean;
  /** Expressions for this instruction's virtual pc and physical fetch address. */
  readonly pc: string;
  readonly fetchPa: string;
  /** Expression for the next pc of a taken jump (Jal, Jalr, Xret): a JS number. */
  readonly target: string;
  /**
   * CSR instructions in a translated block: the CSR's number (the record then holds it after
   * the instruction; whether it wrote stays in the record).
   */
  readonly csr?: number;
  /** In a translated block: the byte offset from the block's first instruction and in the page. */
  readonly at?: { readonly offset: number; readonly pageOffset: number };
}

/** Writes the timing code of one function (a block, the interpreter, a model's retire()). */
export interface TimingWriter {
  /** Statements at entry (after h, tm, r and limit are defined); asked for after the last insn(). */
  prologue(): string;
  /** Values the code refers to by name (asked for after the last insn()). */
  bindings(): Record<string, unknown>;
  /**
   * Statements charging the instruction at `site`, which has just retired (or, for ECALL and
   * EBREAK, is about to trap): issue(site) followed by charge(site).
   */
  insn(site: TimingSite): string;
  /** The part of insn() common to every class (the instruction's issue: fetch, operands). */
  issue(site: TimingSite): string;
  /** The part of insn() particular to the site's class. */
  charge(site: TimingSite): string;
  /** An expression: the cycle count now, after `retired` (an expression) instructions of this function. */
  cycleNow(retired: string): string;
  /** An expression, true when the cycle limit is reached after `retired` instructions. */
  overLimit(retired: string): string;
  /** An expression, true when the cycle count after `retired` instructions plus `cycles` is at most the limit. */
  hasRoom(cycles: number, retired: string): string;
  /** Statements making the cycle count (and the model's state) current after `retired` instructions. */
  sync(retired: string): string;
  /** Statements after a hart call that may have charged cycles (a trap). */
  resync(): string;
}

/** What a timing model offers the code generators. */
export interface TimingCode {
  /**
   * An upper bound of the cycles one instruction can take, whatever the model's state. A block
   * of n instructions entered at least n × this below the cycle limit cannot reach it before
   * its end, so it runs without a limit test per instruction; nearer the limit the hart runs
   * the block's checked variant.
   */
  readonly maxInsnCycles: number;
  /**
   * The longest block worth translating for this model, in instructions: with a lot of timing
   * code per instruction, long superblocks mostly add code behind side exits that are usually
   * taken, and V8 optimises large functions worse.
   */
  readonly maxBlock: number;
  /**
   * When fast mode translates a slot (src/cpu/hart.ts): after control reached it `translateAfter`
   * times, or, when it heads a loop whose whole body the interpreter ran, after
   * `loopTranslateAfter` rounds. A new block's function costs V8 compilation in proportion to
   * its code, repaid only after it has run many instructions: the heavier the model's code per
   * instruction, the later.
   */
  readonly translateAfter: number;
  readonly loopTranslateAfter: number;
  /**
   * A writer for one function whose inline RAM path covers RAM from `ramBase`; `pagePa`: for a
   * translated block of a RAM page, the page's physical address (NaN otherwise).
   */
  writer(ramBase: number, pagePa?: number): TimingWriter;
}

/**
 * Generated functions by source: harts of one machine that run the same code (the interpreter,
 * blocks of the same code page, the models' retire()) get closures of one compiled function,
 * so V8 optimises it once for all of them instead of once per hart. Owned by a Machine, or
 * given to several machines that run one after another (MachineOptions.codeCache); never used
 * by two at once.
 */
export class FunctionCache {
  private readonly factories = new Map<string, (...args: unknown[]) => unknown>();
  /**
   * The closure made last from each factory shared across machines (several machines only).
   * V8 keeps a function's optimised code in the feedback vector its closures share, but only
   * weakly: once the closures that ran it are garbage (the previous machine's, between two
   * experiment points), a major GC frees the code, and the next machine's closure starts again
   * unoptimised and is compiled again (the interpreter: ~250 ms per point, OSR and regular).
   * Holding the latest closure keeps the code, at the cost of keeping that closure's bound
   * objects (one machine's) until the next machine's closure replaces it.
   */
  private readonly latest = new Map<string, unknown>();
  /** The cache serves several machines in turn (see the constructor). */
  readonly severalMachines: boolean;

  /**
   * `severalMachines`: the cache will serve several machines in turn (the bench's runs of a
   * row). While a function has a single closure, V8 specialises its optimised code to that
   * closure's context (the bound arrays and objects become constants), and such code is not
   * shared: a later machine's closure runs unoptimised until V8 has compiled the function a
   * second time, unspecialised (the bench's second run: every block again). So for a function
   * made `acrossMachines` (translated blocks, the interpreter and its rare ops' function), a
   * cache for several machines makes a throwaway second closure at once, and the first machine
   * already gets the code all will share. Not in a cache for one machine: unspecialised code
   * takes V8 longer to compile (dhry's blocks: 1.3-2x), which a single run would pay for
   * nothing. Not for the models' retire(): it deoptimises at the next machine's first
   * instructions anyway (the boot ROM's CSR read, a path no later instruction takes), so
   * sharing it would only cost the first run (docs/performance-log.md, "The bench's second
   * run", "The bench's second run without recompiles").
   */
  constructor(opts: { readonly severalMachines?: boolean } = {}) {
    this.severalMachines = opts.severalMachines ?? false;
  }

  /**
   * A function `name(params) { body }` with `bound` names in scope: a closure of a factory
   * made once per distinct source. `acrossMachines`: worth sharing with later machines (see
   * the constructor).
   */
  make<F>(name: string, params: string, body: string, bound: Record<string, unknown>, acrossMachines = false): F {
    const names = Object.keys(bound);
    const key = `${names.join(',')}\n${name}(${params})\n${body}`;
    let factory = this.factories.get(key);
    if (factory === undefined) {
      factory = new Function(...names, `return function ${name}(${params}) {\n${body}\n};`) as (...args: unknown[]) => unknown;
      this.factories.set(key, factory);
      if (this.severalMachines && acrossMachines) factory(...names.map((n) => bound[n]));
    }
    const fn = factory(...names.map((n) => bound[n])) as F;
    if (this.severalMachines && acrossMachines) this.latest.set(key, fn);
    return fn;
  }
}
