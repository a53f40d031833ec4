/**
 * Timing generated into translated blocks (src/cpu/blocks.ts). The block translator writes the
 * semantics of a run of instructions as one JavaScript function; a timing model that offers a
 * BlockTiming writes, after each instruction, the code that charges that instruction's cycles
 * exactly as its retire() would. The model owns its state and the code that reads it: the
 * translator knows nothing of caches or predictors, and the model nothing of registers or RAM.
 *
 * The names the generated timing code may use (defined by the translator):
 *   h, tm, r        the hart, its timing model, its RetireRecord
 *   pc0, fp0        virtual pc and physical fetch address of the block's first instruction
 *   limit           the cycle at which the run must stop (h.runLimit)
 *   tk              (branches) true when the branch was taken; h.pc holds the next pc
 *   ma, lo          (loads, stores) the RAM offset of the access when it took the translator's
 *                   inline RAM path (Bare translation, aligned, in RAM; lo = the low word of
 *                   the address, whose high word is 0), or ma = -1 when the hart's load() or
 *                   store() made the access (the record's memPaddr, memVaddr, memIsMmio are set)
 * and the locals it declares in prologue(), which must not clash with the translator's: a, ah,
 * b, bh, lo, hi, v, vh, ma, tk, sx, bare, K, i0, it, room (see blocks.ts). The block may loop back to its
 * start: the code for its first instruction must not assume what came before it.
 *
 * Cycle bookkeeping: the block does not add to h.cycle per instruction. sync() makes h.cycle
 * (and whatever the model keeps) current; the translator emits it before every call into the
 * hart that may trap or read the clock, and at the block's exit. resync() follows such a call.
 */
import type { InsnClass } from './record';

/** One instruction of a block, as its timing code needs it. */
export interface BlockInsn {
  /** Byte offset from the block's first instruction (negative after a backward jump). */
  readonly offset: number;
  /** Byte offset in its 4 KiB page. */
  readonly pageOffset: number;
  readonly len: number;
  readonly cls: InsnClass;
  /** Destination (0 when none or x0) and sources (0 when unused), as in the RetireRecord. */
  readonly rd: number;
  readonly rs1: number;
  readonly rs2: number;
  readonly imm: number;
  /** Loads and stores: the access width in bytes. */
  readonly memWidth: number;
}

/** Writes the timing code of one block; a fresh writer per block (it tracks fetch lines, etc.). */
export interface BlockTimingWriter {
  /** Statements at block entry (after pc0, fp0, limit are defined). */
  prologue(): string;
  /**
   * Values the block's code refers to by name, per block (e.g. state the model keeps per
   * site of the block); asked for after the last retire().
   */
  bindings?(): Record<string, unknown>;
  /** Statements charging `insn`, which has just retired (its architectural effects done). */
  retire(insn: BlockInsn): string;
  /**
   * An expression, true when the cycle limit is reached after `retired` (an expression)
   * instructions of the block: the run must stop there. Only the checked variant of a block
   * tests it after every instruction (see BlockTiming.maxInsnCycles).
   */
  overLimit(retired: string): string;
  /** An expression, true when the cycle count after `retired` instructions plus `cycles` is at most the limit. */
  hasRoom(cycles: number, retired: string): string;
  /** Statements making h.cycle current after `retired` (an expression) instructions of the block. */
  sync(retired: string): string;
  /** Statements after a hart call that may have charged cycles (a trap). */
  resync(): string;
}

/** What a timing model offers the translator. */
export interface BlockTiming {
  /**
   * An upper bound of the cycles a translated instruction can take, whatever the model's
   * state. A block of n instructions entered at least n × this below the cycle limit cannot
   * reach it before its end, so it runs without a limit test per instruction; nearer the
   * limit the hart runs the block's checked variant.
   */
  readonly maxInsnCycles: number;
  /**
   * The longest block worth translating for this model, in instructions (the translator caps
   * it at MAX_BLOCK): with a lot of timing code per instruction, long superblocks mostly add
   * code behind side exits that are usually taken, and V8 optimises large functions worse.
   */
  readonly maxBlock: number;
  /** A writer for a block whose RAM inline path covers [ramBase, ramBase + ramSize). */
  writer(ramBase: number): BlockTimingWriter;
}
