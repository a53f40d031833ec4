/**
 * Block translation: a run of decoded instructions inside one physical page is turned into one
 * JavaScript function with `new Function`. Each instruction's code is its op's semantics from
 * the instruction table (src/isa/insns) with the register numbers, immediate and pc offsets
 * written in as constants, followed by the timing model's code for its class (timing-code.ts);
 * the translator itself has no per-instruction code.
 *
 * The run starts at a hot slot and stops before an undecodable slot, after an instruction that
 * leaves the block (an indirect jump, a trap, a change of fetch state), at the page end, or at
 * the timing model's length limit. It is a superblock: a conditional branch is a side exit
 * (taken: leave; not taken: go on), a branch back to the block's first instruction loops inside
 * the function, and a JAL whose target is in the same page is followed (a call's return then
 * continues after the call when it really goes there, a guard on the target).
 *
 * The interpreter stays the reference: HartConfig.fast = false never uses blocks, and
 * test/cpu/fast-vs-reference.test.ts requires identical cycles, instret, registers, memory,
 * model events and commit streams in both modes.
 *
 * Generated function: () => steps, with the hart's CodeContext bound in. It reads pc0 = h.pc
 * (the virtual pc of its first instruction) and from the fetch cache fp0, its physical address,
 * so the code does not depend on where the page is mapped. It returns the steps done
 * (instructions retired, plus 1 when the last one trapped), having set h.pc to the next
 * instruction; 0 with h.waiting set when its first instruction must wait for another hart.
 *
 * The body is one labelled loop: every exit sets h.pc and K (instructions retired) and breaks out
 * of it to one epilogue that updates h.instret and lets the timing code bring h.cycle up to
 * date. Exits are taken after any instruction that may need the run loop (a device access or a
 * store to a watched or code page, when `attention` is set or the fetch cache was dropped; a
 * hart call after which attention is set), at an instruction that must wait, in the checked
 * variant when the cycle limit is reached, and on a trap (counters are brought up to date
 * before every call into the hart). A trap in a `HART` call returns at once (the registers were
 * written back before the call, which may read them); one in a load, store or wild jump, whose
 * hart calls read no register, breaks out of the body to the function's trap exit, which writes
 * them back for all such sites at once.
 */
import { HartSlot, type TimingCode, type TimingSite, type TimingWriter } from '../../timing/timing-code';
import { CROSSING, UNDECODED } from '../decoded';
import type { DecodedPage } from '../decoded';
import { ramAmoCode } from './amo';
import { addressCode, codeMarkCheck, contextBindings, makeFunction, operandReads, ramRead, ramTest, ramWrite, SEM_LOCALS, HS, syncLimitOf, type OpInfo } from './common';
import type { CodeContext } from './host';
import { splitArgs } from './interp';
import { expand } from './sem';
import { InsnClass } from '../../isa/classes';
import { csrModifiedCode } from '../../csr/csrfile';

/**
 * Longest block, in instructions, whatever the timing model asks for (TimingCode.maxBlock):
 * it bounds the generated code and the budget granularity.
 */
export const MAX_BLOCK = 48;
/**
 * Instructions one entry of a block may retire at most (its prologue bounds the run's budget).
 * A block that loops leaves to the dispatcher at least this often, so V8 runs it through its
 * regular optimised code from the next entry on, code that later machines sharing the block
 * (FunctionCache) enter at once; left running for a whole program, a loop is only optimised on
 * the stack (OSR), which the next machine must compile again. 2^20 instructions take about a
 * millisecond: the extra block entries cost nothing measurable.
 */
export const ENTRY_BUDGET = 1 << 20;
/**
 * The budget of each of a block's first BOUNDED_ENTRIES entries on a hart (boundFirstEntries):
 * a loop's block leaves through its budget exit before V8 optimises the loop while it runs, so
 * that its exit code has type feedback (BlockWriter.loopEnd). Several entries: V8 allocates a
 * function's feedback only after it has run a while, and its first read of the hart's counters
 * (a Float64Array) gives small integers where later reads in unoptimised code give heap
 * numbers; feedback from both keeps the optimised exit from deoptimising on either.
 */
export const FIRST_ENTRY_BUDGET = 512;
export const BOUNDED_ENTRIES = 4;
/** Instructions after which a loop in a block leaves when it ends (BlockWriter.loopEnd). */
const LONG_LOOP = 4096;
export type BlockFn = () => number;

/**
 * A translated block: its function, its length in instructions (of one pass), an upper bound
 * of the cycles one pass takes, and, made when often needed, its checked variant (a cycle
 * limit test after every instruction) for entries closer than maxCycles to the limit.
 */
export class Block {
  checked: BlockFn | undefined = undefined;
  /** Entries that needed the checked variant (it is made after the hart's translateAfter of them). */
  nearLimit = 0;
  constructor(public fn: BlockFn, readonly len: number, readonly maxCycles: number) {}
}

/**
 * Bounds the budget of the first BOUNDED_ENTRIES entries of `blk` on the hart whose counters
 * are `hs` (FIRST_ENTRY_BUDGET): its function is wrapped until then, so that the dispatcher's
 * path to every block stays as it is.
 */
export function boundFirstEntries(blk: Block, hs: Float64Array): void {
  const fn = blk.fn;
  let left = BOUNDED_ENTRIES;
  blk.fn = () => {
    if (--left === 0) blk.fn = fn;
    if (hs[HartSlot.RunBudget] > FIRST_ENTRY_BUDGET) hs[HartSlot.RunBudget] = FIRST_ENTRY_BUDGET;
    return fn();
  };
}

/**
 * Placeholders in an instruction's code for writing the register locals back, and reloading
 * one (a comment holding RL5 reloads x5) after a hart call: a call writes no register but its rd.
 */
const WRITE_BACK = '/*WB*/';
/**
 * The label around a block's body and normal exit; breaking out of it goes to the trap exit
 * (a load, store or wild jump trapped in instruction K: the registers are written back there).
 */
const TRAP_EXIT = 'trapped';
const reloadMark = (rd: number): string => `/*RL${rd}*/`;
const RELOAD_RE = /\/\*RL(\d+)\*\//g;

/** xl[n] / xh[n] in generated code, with `=` when it is assigned. */
const REG_RE = /\bx([lh])\[(\d+)\](\s*=(?!=))?/g;

/**
 * The guest registers a block uses live in locals ($l5 and $h5 for x5's halves): loaded at
 * entry, written back at every exit and before every call into the hart (which may read them or
 * trap); after a hart call only the instruction's rd is reloaded (a CSR access, an AMO or uipi
 * writes x[rd] and no other register: semantics.ts, HART; xRET and fences none). V8 keeps locals
 * in machine registers or stack slots; a typed-array element costs a bounds-checked load or
 * store at every use. x0 reads as 0; slot 32, where writes to x0 go, is kept like a register
 * (the interpreter leaves the last such value there too).
 */
function registerLocals(lines: readonly string[]): { declare: string; lines: string[]; writeBack: string } {
  const used = new Set<number>();
  const written = new Set<number>();
  for (const line of lines) {
    for (const m of line.matchAll(REG_RE)) {
      const n = Number(m[2]);
      if (n === 0 && m[3] !== undefined) throw new Error('block translator: a write to x0');
      if (n !== 0) used.add(n);
      if (m[3] !== undefined) written.add(n);
    }
  }
  const live = [...used].sort((x, y) => x - y);
  const stored = [...written].sort((x, y) => x - y);
  const loads = live.map((n) => `$l${n} = xl[${n}]; $h${n} = xh[${n}];`).join(' ');
  const writeBack = stored.map((n) => `xl[${n}] = $l${n}; xh[${n}] = $h${n};`).join(' ');
  const locals = live.map((n) => `$l${n} = 0, $h${n} = 0`);
  const declare = (locals.length > 0 ? `let ${locals.join(', ')}; ` : '') + loads;
  const out = lines.map((line) => line
    .replace(REG_RE, (_m, half: string, num: string, assign: string | undefined) => (num === '0' ? '0' : `$${half}${num}`) + (assign ?? ''))
    .split(WRITE_BACK).join(writeBack)
    .replace(RELOAD_RE, (_m, num: string) => (used.has(Number(num)) ? `$l${num} = xl[${num}]; $h${num} = xh[${num}];` : '')));
  return { declare, lines: out, writeBack };
}

/** Decodes slot `idx` of a page if needed; returns its packed info (UNDECODED/CROSSING if not decodable here). */
export type SlotDecoder = (dp: DecodedPage, idx: number) => number;

/** One decoded instruction of the block being written, with its place in the block. */
interface Slot {
  op: number;
  info: OpInfo;
  /** Destination as decoded: x0 is 32 (a scratch slot), so writes need no test. */
  rd: number;
  rs1: number;
  rs2: number;
  len: number;
  imm: number;
  word: number;
  /** Slot index in the page, and instructions of the block before this one. */
  idx: number;
  k: number;
  /** Byte offset from pc0; `pc0 + offset` expressions of this instruction and the next. */
  offset: number;
  pcE: string;
  nextE: string;
}

/** The code of one instruction, and where the block goes on after it. */
interface Emitted {
  code: string;
  /** The slot the block continues at: the next one in memory, a jump target, or -1: it ends. */
  next: number;
}

/**
 * Translates the block starting at slot `startIdx` of page `dp`. `checked` makes the variant
 * that tests the cycle limit after every instruction (Block.checked). Undefined when the first
 * slot cannot be decoded here.
 */
export function translateBlock(
  dp: DecodedPage, startIdx: number, decode: SlotDecoder, ops: readonly OpInfo[], code: TimingCode, ctx: CodeContext, checked = false,
): Block | undefined {
  let t = traceBlock(dp, startIdx, decode, ops, code, ctx, checked, true);
  // A followed branch pays only when the trace then comes to an end of its own (back at the
  // block's start, a trap, an xRET, an indirect jump). One cut by the length limit or the page
  // end would start the next block elsewhere in the loop at every pass (a long loop: a new
  // block per phase), so such a block is traced again without following.
  if (t !== undefined && t.w.followed && !t.complete) t = traceBlock(dp, startIdx, decode, ops, code, ctx, checked, false);
  return t?.w.compile(t.out, t.k);
}

/** The code of a block's instructions, not yet compiled; `complete`: it ended of its own. */
interface Trace {
  w: BlockWriter;
  out: string[];
  k: number;
  complete: boolean;
}

function traceBlock(
  dp: DecodedPage, startIdx: number, decode: SlotDecoder, ops: readonly OpInfo[], code: TimingCode, ctx: CodeContext, checked: boolean, follow: boolean,
): Trace | undefined {
  const w = new BlockWriter(startIdx, code, ctx, checked, dp.ramOff >= 0 ? ctx.ramBase + dp.ramOff : NaN, follow);
  const out: string[] = [];
  let idx = startIdx;
  let k = 0;
  while (k < w.maxBlock && idx >= 0 && idx < 2048) {
    if (w.has(idx)) {
      // Back at a slot of the block through a followed branch (BlockWriter.followsTaken).
      out.push(w.rejoin(idx, k));
      return { w, out, k, complete: true };
    }
    const info = decode(dp, idx);
    const op = info & 255;
    if (op === UNDECODED || op === CROSSING) break;
    const len = (info >>> 24) & 7;
    const offset = idx * 2 - startIdx * 2;
    const slot: Slot = {
      op, info: ops[op], rd: (info >>> 8) & 63, rs1: (info >>> 14) & 31, rs2: (info >>> 19) & 31, len, imm: dp.imm[idx], word: dp.word[idx],
      idx, k, offset, pcE: `(pc0 + ${offset})`, nextE: `(pc0 + ${offset + len})`,
    };
    const e = w.instruction(slot);
    out.push(`// ${k}: ${slot.info.name} at +${offset}`, e.code);
    k++;
    if (e.next < 0) return { w, out, k, complete: k < w.maxBlock };
    idx = e.next;
  }
  if (k === 0) return undefined;
  // Fell off the end (page end, length limit, or an undecodable slot).
  out.push(w.exit(`pc0 + ${idx * 2 - startIdx * 2}`, k));
  return { w, out, k, complete: false };
}

/**
 * Writes the code of one block; keeps what spans instructions (the timing writer, calls
 * followed into their callees).
 */
class BlockWriter {
  private readonly tw: TimingWriter;
  /** Calls followed into their callee (innermost last): link register, slot after the call. */
  private readonly returns: { link: number; slot: number }[] = [];
  /** The slots translated so far (a jump back to one is a loop: jal()). */
  private readonly slots = new Set<number>();
  /** Cycles one pass of the block can take at most (loops go round only with this much room). */
  private readonly passCycles: number;
  /** Longest block in instructions (the timing model's choice, at most MAX_BLOCK). */
  readonly maxBlock: number;

  /** A taken backward branch was followed (followsTaken). */
  followed = false;

  constructor(
    private readonly startIdx: number, private readonly code: TimingCode, private readonly ctx: CodeContext, private readonly checked: boolean, pagePa: number,
    /** Taken backward branches out of the block may be followed (followsTaken). */
    private readonly follow: boolean,
  ) {
    this.tw = code.writer(ctx.ramBase, pagePa);
    this.maxBlock = Math.max(1, Math.min(MAX_BLOCK, code.maxBlock));
    this.passCycles = this.maxBlock * code.maxInsnCycles;
  }

  /** Leaves the block with `n` instructions retired (in this pass) and the next pc `pc`. */
  exit(pc: string, n: number): string {
    return `{ ${HS.pc} = ${pc}; K = it + ${n}; break body; }`;
  }

  /** Counters up to date before a hart call that may trap (the instruction k does not retire). */
  private syncBefore(i: Slot): string {
    return `${HS.pc} = ${i.pcE}; ${HS.instret} = i0 + it + ${i.k}; ${this.tw.sync(`it + ${i.k}`)} ${WRITE_BACK} `;
  }

  /** The hart took a trap in instruction i: the steps done (it does not retire, the trap counts). */
  private trapped(i: Slot): string {
    return `{ ${this.tw.resync()} return it + ${i.k + 1}; }`;
  }

  /**
   * Counters up to date before the hart does a load or store that missed the inline RAM path
   * (the instruction k does not retire yet). Unlike syncBefore, the registers stay in their
   * locals: the hart's load and store read no register, and the one path on which the hart
   * needs them, a trap, leaves through the function's trap exit (accessTrapped), which writes
   * them back once for all the block's accesses. (Written back before every such call, a
   * kernel block of 24 accesses and 13 written registers had 24 copies of 26 stores, a quarter
   * of its source, and kipc's blocks then ran in V8's baseline code for much of the run:
   * docs/performance-log.md, "wt/tcost".)
   */
  private syncBeforeAccess(i: Slot): string {
    return `${HS.pc} = ${i.pcE}; ${HS.instret} = i0 + it + ${i.k}; ${this.tw.sync(`it + ${i.k}`)} r.memPaddr = -1; r.memIsMmio = false; `;
  }

  /** A load or store in instruction i trapped: to the trap exit (compile()), with K its index. */
  private accessTrapped(i: Slot): string {
    return `{ K = it + ${i.k}; break ${TRAP_EXIT}; }`;
  }

  /** The cycle-limit exit after instruction i (checked variant only). */
  private limitCheck(next: string, n: number): string {
    return this.checked ? `if (${this.tw.overLimit(`it + ${n}`)}) ${this.exit(next, n)} ` : '';
  }

  private site(i: Slot): TimingSite {
    const s = i.info.shape;
    return {
      cls: i.info.cls, rd: i.rd === 32 ? 0 : i.rd, rs1: i.rs1, rs2: i.rs2, len: i.len, imm: i.imm,
      memWidth: s.loadSize || s.storeSize, funct3: i.info.funct3, rdMayBeZero: false,
      pc: i.pcE, fetchPa: `(fp0 + ${i.offset})`, target: `${HS.pc}`, at: { offset: i.offset, pageOffset: i.idx * 2 },
      csr: i.info.cls === InsnClass.Csr ? i.imm & 0xfff : undefined,
    };
  }

  instruction(i: Slot): Emitted {
    this.slots.add(i.idx);
    const s = i.info.shape;
    let code = '';
    if (s.ordered && this.ctx.shared) {
      // (Only a plain load can be a spin loop's: the scheduler need not look at other ops.)
      const spinless = s.plainLoad ? '' : ` ${HS.waitSpinless} = 1;`;
      code += `if (${this.tw.cycleNow(`it + ${i.k}`)} >= ${syncLimitOf(i.info)}) { h.waiting = true;${spinless} ${this.exit(i.pcE, i.k)} } `;
    }
    code += operandReads(s, i.rs1, i.rs2);
    const fields = {
      RD: String(i.rd), RS1: String(i.rs1), RS2: String(i.rs2), IMM: `(${i.imm})`, LEN: String(i.len), PC: i.pcE, NPC: i.nextE,
      WORD: String(i.word), OP: String(i.op),
    };
    code += expand(i.info.body, fields, (name, arg) => this.effect(name, arg, i)) + ' ';
    if (s.hart === 'raise' || s.hart === 'fault') return { code, next: -1 };
    // The next pc of an indirect jump (the timing code reads it from h.pc; a target beyond 2^53
    // is timed as a fall-through, then faults: jalr()).
    if (s.control === 'jump64') code += `${HS.pc} = jh >= -0x200000 && jh < 0x200000 ? jh * 4294967296 + (jl >>> 0) : ${i.nextE}; `;
    code += this.tw.insn(this.site(i));
    const n = i.k + 1;
    const following = i.idx + (i.len >>> 1);
    switch (s.control) {
      case 'branch':
        if (this.followsTaken(i)) {
          const taken = `${i.pcE} + (${i.imm})`;
          return { code: code + `if (!tk) ${this.exit(i.nextE, n)}${this.limitCheck(taken, n)}`, next: (i.idx * 2 + i.imm) >>> 1 };
        }
        const taken = this.loopsToStart(i) ? this.loopEnd(i) : `if (tk) ${this.branchTaken(i)}`;
        return { code: code + `${taken}${this.limitCheck(i.nextE, n)}${this.after(i)}`, next: following };
      case 'jump':
        return this.jal(i, code);
      case 'jump64':
        return this.jalr(i, code);
      default:
        return { code: code + this.limitCheck(i.nextE, n) + this.after(i), next: s.end ? -1 : following };
    }
  }

  /** The tests after an instruction that falls through: attention, a dropped fetch cache, END. */
  private after(i: Slot): string {
    const s = i.info.shape;
    const n = i.k + 1;
    if (s.end) return this.exit(i.nextE, n);
    let code = '';
    // Only a device access (through the hart) or a store to a watched or code page (sx) can
    // have raised an interrupt, stopped the run (HTIF tohost) or dropped the fetch cache.
    // (`=== true`: a bare test of a hart's boolean field is V8's generic truthiness test, about
    // ten host instructions where a comparison with true is two: Hart.run.)
    if (s.loadSize > 0) code += `if (ma < 0 && h.attention === true) ${this.exit(i.nextE, n)} `;
    if (s.storeSize > 0) code += `if (sx) { sx = false; if (h.attention === true || ${HS.fetchVBase} !== ${HS.fetchVBase}) ${this.exit(i.nextE, n)} } `;
    if (s.hart === 'call') code += `if (h.attention === true || ${HS.fetchVBase} !== ${HS.fetchVBase}) ${this.exit(i.nextE, n)} `;
    return code;
  }

  private effect(name: string, arg: string | undefined, i: Slot): string {
    const tw = this.tw;
    switch (name) {
      case 'LOAD': {
        const n = Number(arg);
        return `${addressCode(`(${i.imm})`)} ${ramTest(n, false, this.ctx, 'bare')} { ${ramRead(n)} } ` +
          `else { ${this.syncBeforeAccess(i)}if (!h.load(lo, hi, ${n})) ${this.accessTrapped(i)} ${tw.resync()} ma = -1; v = t[0]; vh = t[1]; }`;
      }
      case 'STORE': {
        const n = Number(arg);
        return `${addressCode(`(${i.imm})`)} ${ramTest(n, true, this.ctx, 'bare')} { ${ramWrite(n)} ${codeMarkCheck(n)} } ` +
          `else { ${this.syncBeforeAccess(i)}if (!h.store(lo, hi, ${n}, b, bh)) ${this.accessTrapped(i)} ${tw.resync()} ma = -1; sx = true; }`;
      }
      case 'BRANCH':
        return `tk = ${arg};`;
      case 'JUMP':
        return ''; // PC + IMM: known here (jal())
      case 'JUMP64': {
        const [lo, hi] = splitArgs(arg);
        return `jl = ${lo}; jh = ${hi};`;
      }
      case 'HART': {
        const cls = i.info.cls;
        const amo = cls === InsnClass.Amo || cls === InsnClass.Lr || cls === InsnClass.Sc;
        // (An AMO done by the hart leaves its access in the record only: ma = -1 tells the
        // timing code, which reads ma after an inline one.)
        const call = `${this.syncBefore(i)}r.memPaddr = -1; r.memIsMmio = false; r.csrWritten = false; k = ${arg}; ` +
          `if (k !== 1) { if (k === 0) ${this.trapped(i)} h.waiting = true; ${this.exit(i.pcE, i.k)} } ${tw.resync()} ${reloadMark(i.rd)}${amo ? ' ma = -1;' : ''}`;
        const inline = cls === InsnClass.Csr ? this.plainCsr(i) : amo ? this.ramAmo(i) : undefined;
        return inline === undefined ? call : `if (${inline.test}) { ${inline.code} } else { ${call} }`;
      }
      case 'RAISE':
        // Charged like an instruction, not retired, then the trap.
        return `${tw.insn(this.site(i))} ${this.syncBefore(i)}${arg}; ${this.trapped(i)}`;
      case 'FAULT':
        return `${this.syncBefore(i)}${arg}; ${this.trapped(i)}`;
      case 'ORDERED': case 'ATTN': case 'END':
        return ''; // handled around the body (instruction(), after())
      default:
        throw new Error(`block translator: unknown effect ${name}`);
    }
  }

  /**
   * A CSR instruction on a plain CSR (CsrFile.plainSlot: a slot, a write mask, no side effects,
   * no ordering) done inline while the privilege allows it: what Hart.plainCsr does, without
   * the call and the registers' write-back and reload around it. Trap handlers read and write
   * their epc, scratch, cause and tval this way. Otherwise (another CSR, too low a privilege)
   * the hart does it. The access (op, CSR, source) is known here from the encoding: funct3 1-3
   * CSRRW/S/C with rs1, 5-7 the same with the immediate in imm's bits 12 and up.
   */
  private plainCsr(i: Slot): { test: string; code: string } | undefined {
    const plain = this.ctx.csr;
    const num = i.imm & 0xfff;
    const slot = plain.plainSlot[num];
    if (slot < 0) return undefined;
    const funct3 = i.info.funct3;
    const kind = (funct3 & 3) - 1; // 0 write, 1 set, 2 clear
    const immForm = funct3 >= 4;
    const src = immForm ? i.imm >>> 12 : i.rs1;
    const writes = kind === 0 || src !== 0;
    const [sl, sh] = immForm ? [String(src), '0'] : [`xl[${src}]`, `xh[${src}]`];
    const lo = 2 * slot;
    let code = `v = cw[${lo}]; vh = cw[${lo + 1}]; `;
    if (writes) {
      const newLo = csrModifiedCode(kind, 'v', sl);
      const newHi = csrModifiedCode(kind, 'vh', sh);
      code += `cw[${lo}] = (${newLo}) & ${plain.plainMaskLo[num]}; cw[${lo + 1}] = ${newHi}; `;
    }
    code += `r.csrWritten = ${writes}; r.csr = ${num}; xl[${i.rd}] = v; xh[${i.rd}] = vh;`;
    return { test: `h.priv >= ${plain.plainPriv[num]}`, code };
  }

  /**
   * An LR, SC or AMO on RAM chunk 0 with Bare data translation, done inline (ramAmoCode). With
   * several harts every iteration of a contended loop is such an access (bench `amo`). Before
   * the store's bookkeeping (reservations, code, watches: a tohost write may end the run at the
   * hart's cycle) the hart's pc, counters and cycle are made current, as before the call. No
   * observer runs blocks, so the hart's lastStore fields (for observers) are left alone.
   */
  private ramAmo(i: Slot): { test: string; code: string } {
    const sync = `${HS.pc} = ${i.pcE}; ${HS.instret} = i0 + it + ${i.k}; ${this.tw.sync(`it + ${i.k}`)}`;
    return ramAmoCode([i.op], String(i.rd), this.ctx, 'bare', sync, false);
  }

  /**
   * A backward branch to a slot of the page before the block (a loop whose block was entered
   * inside its body, e.g. after a trap returned to the instruction after an ecall) is followed
   * when taken, as a static predictor guesses: the not-taken path is the side exit. The trace
   * then runs into the loop's head; reaching the block's start again goes round inside the
   * function (translateBlock), so such a block is the loop, rotated.
   */
  private followsTaken(i: Slot): boolean {
    const t = i.idx * 2 + i.imm;
    if (!this.follow || !(i.imm < 0 && t >= 0 && !this.slots.has(t >>> 1) && i.k + 1 < this.maxBlock)) return false;
    this.followed = true;
    return true;
  }

  /** Whether slot idx is already in the block (translateBlock: a trace that came back to it). */
  has(idx: number): boolean {
    return this.slots.has(idx);
  }

  /**
   * The trace came back to slot idx of the block after n instructions: round again when it is
   * the start (a further pass is these n instructions again), else leave to it.
   */
  rejoin(idx: number, n: number): string {
    const target = `pc0 + ${idx * 2 - this.startIdx * 2}`;
    return idx === this.startIdx ? this.loopBack(target, n, n, n * this.code.maxInsnCycles) : this.exit(target, n);
  }

  /** A taken branch: leave the block (a side exit), or go round again when it loops to the start. */
  private branchTaken(i: Slot): string {
    const n = i.k + 1;
    const taken = `${i.pcE} + (${i.imm})`;
    if (!this.loopsToStart(i)) return this.exit(taken, n);
    // A further pass may go on past the branch: up to maxBlock instructions.
    return this.loopBack(taken, n, this.maxBlock, this.passCycles);
  }

  /** Whether branch i, taken, goes back to the block's start (it closes the block's loop). */
  private loopsToStart(i: Slot): boolean {
    return i.idx * 2 + i.imm === this.startIdx * 2;
  }

  /**
   * The branch closing the block's loop: taken, round again while a further pass fits the budget
   * and the cycle limit. A loop that has run LONG_LOOP instructions in this entry leaves when it
   * ends, rather than going on to the code after it: V8 has then probably optimised the loop
   * while it ran (on-stack replacement), and that code after it, first run in optimised code
   * without type feedback, would deoptimise, so that the next machine sharing the block pays
   * a new compile. Its way out is the budget exit's, which differs only in a constant: it has
   * feedback from the block's first entries (boundFirstEntries bounds them). A short loop goes on.
   */
  private loopEnd(i: Slot): string {
    const n = i.k + 1;
    return `if (tk && it + ${n + this.maxBlock} <= room && ${this.passRoom(n)}) { it += ${n}; continue body; } ` +
      `if (it >= ${LONG_LOOP} || tk) { ${HS.pc} = pc0 + (tk ? 0 : ${i.offset + i.len}); K = it + ${n}; break body; } `;
  }

  /**
   * Back to the block's start after n instructions when a whole further pass (at most passInsns
   * instructions, passCycles cycles) fits the budget and (unchecked variant) the cycle limit;
   * else leave to `target`.
   */
  private loopBack(target: string, n: number, passInsns: number, passCycles: number): string {
    return `{ if (it + ${n + passInsns} <= room && ${this.passRoom(n, passCycles)}) { it += ${n}; continue body; } ${this.exit(target, n)} }`;
  }

  /** The cycle limit allows a further pass of passCycles after n instructions (checked: not yet reached). */
  private passRoom(n: number, passCycles = this.passCycles): string {
    return this.checked ? `!(${this.tw.overLimit(`it + ${n}`)})` : this.tw.hasRoom(passCycles, `it + ${n}`);
  }

  /**
   * A JAL within the page is followed (offsets stay page-relative, so pc0 + offset is still
   * the right pc); a call's return address is remembered for jalr().
   */
  private jal(i: Slot, code: string): Emitted {
    const n = i.k + 1;
    const target = `${i.pcE} + (${i.imm})`;
    const t = i.idx * 2 + i.imm;
    if (t < 0 || t >= 4096 || n >= this.maxBlock) return { code: code + this.exit(target, n), next: -1 };
    // A jump (not a call) back into the block is a loop: it goes round inside the function like
    // a branch to the start, or ends the block, rather than being unrolled up to maxBlock. (An
    // unrolled idle loop `wfi; j` is a large function entered for one or two instructions at a
    // time; V8 then kept it in unoptimised code, which boxes every pc above 2^31.)
    if (i.rd === 32 && this.slots.has(t >>> 1)) {
      // To the start, the block ends here: a further pass is these n instructions again.
      const loop = t === this.startIdx * 2 ? this.loopBack(target, n, n, n * this.code.maxInsnCycles) : this.exit(target, n);
      return { code: code + loop, next: -1 };
    }
    if (i.rd === 1 || i.rd === 5) this.returns.push({ link: i.rd, slot: i.idx + (i.len >>> 1) });
    return { code: code + this.limitCheck(target, n), next: t >>> 1 };
  }

  /**
   * JALR (and xRET) end the block, except the return of a call the block followed: it carries
   * on after the call when the return goes there (a guard on the target). A target beyond 2^53
   * retires, then faults at the target.
   */
  private jalr(i: Slot, code: string): Emitted {
    const n = i.k + 1;
    // (The fault reads no register: the trap exit writes them back, returning K + 1 = it + n steps.)
    const wild = `{ ${HS.pc} = ${i.pcE}; ${HS.instret} = i0 + it + ${n}; ${this.tw.sync(`it + ${n}`)} h.wildJump(jl, jh); K = it + ${i.k}; break ${TRAP_EXIT}; }`;
    code += `if (!(jh >= -0x200000 && jh < 0x200000)) ${wild} `;
    const call = this.returns.length > 0 ? this.returns[this.returns.length - 1] : undefined;
    if (call === undefined || i.info.name !== 'jalr' || i.rd !== 32 || i.rs1 !== call.link || i.imm !== 0 || n >= this.maxBlock) {
      return { code: code + `K = it + ${n}; break body;`, next: -1 };
    }
    this.returns.pop();
    const guard = `if (${HS.pc} !== pc0 + ${call.slot * 2 - this.startIdx * 2}) { K = it + ${n}; break body; } `;
    return { code: code + guard + this.limitCheck(`${HS.pc}`, n), next: call.slot };
  }

  /**
   * The function around the body. `room`: how many instructions the block may retire in all (the
   * run's budget), which bounds loops back to the start; `it`: instructions retired by earlier
   * passes of such a loop.
   */
  compile(lines: string[], len: number): Block {
    const tw = this.tw;
    const regs = registerLocals(lines);
    const body = [
      `const pc0 = ${HS.pc}, fp0 = ${HS.fetchPBase} + (pc0 - ${HS.fetchVBase}), limit = ${HS.runLimit}, i0 = ${HS.instret}, budget = ${HS.runBudget};`,
      `const room = budget < ${ENTRY_BUDGET} ? budget : ${ENTRY_BUDGET};`,
      // Data translation cannot change inside a block (only traps, xRET and CSR writes change it,
      // and the block leaves after those). (A boolean local: every inline access tests it.)
      'const bare = h.dataBare === true;',
      `${SEM_LOCALS} let K = 0, it = 0;`,
      tw.prologue(),
      regs.declare,
      `${TRAP_EXIT}: {`,
      'body: for (;;) {',
      ...regs.lines,
      '}',
      `${HS.instret} = i0 + K; ${tw.sync('K')} ${regs.writeBack}`,
      'return K;',
      '}',
      // The trap exit: a load or store trapped in instruction K, or a wild jump retired as
      // instruction K and faulted (counters made current before the call): K + 1 steps.
      `${tw.resync()} ${regs.writeBack}`,
      'return K + 1;',
    ].join('\n');
    // Shared with later machines from the start when the cache serves several (FunctionCache).
    const fn = makeFunction<BlockFn>(this.ctx, 'block', '', body, contextBindings(this.ctx, tw.bindings()), true);
    return new Block(fn, len, len * this.code.maxInsnCycles);
  }
}
