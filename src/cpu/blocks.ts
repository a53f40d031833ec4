/**
 * Block translation: a run of decoded instructions inside one physical page is turned into one
 * JavaScript function with `new Function`. The run starts at a hot slot and stops before any
 * instruction not translated here (listed in BODY, LOADS, STORES, BRANCHES, MULDIV below, plus
 * LR/SC/AMOs, CSR ops, AUIPC, JAL, JALR; everything else is interpreted), at a JALR, at the page end, or at its length
 * limit. It is a superblock: a conditional branch is a side exit (taken: leave; not taken: go
 * on), and a JAL whose target is in the same page is followed. The function does exactly what
 * the interpreter (Hart.runSteps) does for the same instructions, with the decoding, the
 * dispatch switch and the operand-field extraction done once, at translation.
 *
 * Semantics and timing are written by different parties: this file writes the semantics, and
 * the hart's timing model writes, after each instruction, the code that charges its cycles
 * (src/timing/block-timing.ts: the ideal model's is nearly empty, the Rocket model's is its
 * retire() specialised to the instruction). A model without block timing is never translated.
 *
 * The interpreter stays the reference: HartConfig.fast = false never uses blocks, and
 * test/cpu/fast-vs-reference.test.ts requires identical cycles, instret, registers, memory,
 * model events and commit streams in both modes.
 *
 * Generated function: () => steps, with the hart's BlockContext bound in (blocks live in the
 * hart's own decoded pages, so they can; a call then passes no arguments):
 *   h      the Hart (the block reads pc0 = h.pc, the virtual pc of its first instruction, and
 *          from the fetch cache fp0, its physical address, so the code does not depend on where
 *          the page is mapped; h.runLimit, the cycle limit; h.runBudget, the instructions left)
 *   r      the hart's RetireRecord, tm its TimingModel, t its 64-bit temporaries (load results)
 *   m8, m16, m32, codeMark, bus: the RAM views, code marks and bus, for the inline RAM path
 *          of loads and stores (Bare translation, naturally aligned, inside RAM: the same
 *          accesses Hart.load/store make; anything else calls them)
 *   returns the steps done (instructions retired, plus 1 if the last one trapped), having set
 *   h.pc to the next instruction. 0 means "nothing done: interpret one instruction" (a JALR to
 *   an unrepresentable target, which the interpreter handles).
 *
 * The body is one labelled statement: every exit sets h.pc and K (instructions retired) and
 * breaks out of it to a single epilogue that updates h.instret and lets the timing code bring
 * h.cycle up to date. Exits are taken after any instruction that may need the run loop: after
 * a load or store that went through the hart (a device access) or touched a watched or code
 * page, if `attention` is set (an interrupt was raised, HTIF asked to stop) or the fetch cache
 * was dropped (the store may have written this very block: self-modifying code); in the
 * checked variant when the cycle limit is reached; and on a trap (which returns at once:
 * counters are brought up to date before every call into the hart that may trap).
 */
import { Op } from '../isa/opcodes';
import type { BlockInsn, BlockTiming, BlockTimingWriter } from '../timing/block-timing';
import { CROSSING, UNDECODED } from './decoded';
import type { DecodedPage } from './decoded';

/**
 * Longest block, in instructions, whatever the timing model asks for (BlockTiming.maxBlock):
 * it bounds the generated code and the budget granularity.
 */
export const MAX_BLOCK = 48;
export type BlockFn = () => number;

/**
 * What a block's code works on, fixed for its hart's life and bound into the function when it
 * is made (a call then passes nothing): the hart, its register halves, RetireRecord, timing
 * model and 64-bit temporaries (load results), and the RAM views, code marks and bus for the
 * inline RAM path of loads and stores.
 */
/**
 * What generated block code may use of its hart: the typed view through which the code reaches
 * the hart (the hart implements it; nothing else of the hart is named in generated code).
 */
export interface BlockHost {
  /** pc (of the next instruction at exit), counters, the run's cycle limit and instruction budget. */
  pc: number;
  cycle: number;
  instret: number;
  readonly runLimit: number;
  readonly runBudget: number;
  /** Set when the run loop must look at interrupts, a stop request, or sleep. */
  readonly attention: boolean;
  /** The fetch cache: virtual page base (NaN = dropped) and its physical base. */
  readonly fetchVBase: number;
  readonly fetchPBase: number;
  /** Data accesses bypass translation; else the pages last translated for loads and stores. */
  readonly dataBare: boolean;
  readonly loadPageHi: number;
  readonly loadPageLo: number;
  readonly loadPageOff: number;
  readonly storePageHi: number;
  readonly storePageLo: number;
  readonly storePageOff: number;
  load(lo: number, hi: number, size: number): boolean;
  store(lo: number, hi: number, size: number, vlo: number, vhi: number): boolean;
  storedToCode(off: number, size: number): void;
  execMulDiv(op: number, rd: number): void;
  execAmo(op: number, rd: number, a: number, ah: number, b: number, bh: number): boolean;
  execCsr(op: number, rd: number, rs1: number, imm: number, word: number): boolean;
  sll(rd: number, a: number, ah: number, s: number): void;
  srl(rd: number, a: number, ah: number, s: number): void;
  sra(rd: number, a: number, ah: number, s: number): void;
}

export interface BlockContext {
  readonly h: BlockHost;
  readonly xl: Int32Array;
  readonly xh: Int32Array;
  readonly r: object;
  readonly tm: object;
  readonly t: Int32Array;
  readonly m8: Uint8Array;
  readonly m16: Uint16Array;
  readonly m32: Int32Array;
  readonly codeMark: Uint8Array;
  readonly bus: { reservationCount: number };
}
const CONTEXT_NAMES = ['h', 'xl', 'xh', 'r', 'tm', 't', 'm8', 'm16', 'm32', 'codeMark', 'bus'] as const;

/**
 * A translated block: its function, its length in instructions (of one pass), an upper bound
 * of the cycles one pass takes, and, made when first needed, its checked variant (a cycle
 * limit test after every instruction) for entries closer than maxCycles to the limit.
 */
export class Block {
  checked: BlockFn | undefined = undefined;
  constructor(readonly fn: BlockFn, readonly len: number, readonly maxCycles: number) {}
}

/** Decodes slot `idx` of a page if needed; returns its packed info (UNDECODED/CROSSING if not decodable here). */
export type SlotDecoder = (dp: DecodedPage, idx: number) => number;

// --- per-op bodies -------------------------------------------------------------------------
// Each body mirrors one case of Hart.runSteps' switch. Available names: a, ah (rs1), b, bh
// (rs2), lo, hi, v, vh (temporaries), xl, xh, h; RD and IMM are replaced by constants.
const ADD64 = (x: string, y: string): string =>
  `lo = (a + ${x}) | 0; hi = (ah + ${y} + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;`;

const BODY: Record<number, string> = {
  [Op.LUI]: 'xl[RD] = IMM; xh[RD] = IMM >> 31;',
  [Op.ADDI]: `${ADD64('IMM', '(IMM >> 31)')} xh[RD] = hi; xl[RD] = lo;`,
  [Op.SLTI]: 'xl[RD] = ah < (IMM >> 31) || (ah === (IMM >> 31) && a >>> 0 < IMM >>> 0) ? 1 : 0; xh[RD] = 0;',
  [Op.SLTIU]: 'xl[RD] = ah >>> 0 < (IMM >> 31) >>> 0 || (ah === (IMM >> 31) && a >>> 0 < IMM >>> 0) ? 1 : 0; xh[RD] = 0;',
  [Op.XORI]: 'xl[RD] = a ^ IMM; xh[RD] = ah ^ (IMM >> 31);',
  [Op.ORI]: 'xl[RD] = a | IMM; xh[RD] = ah | (IMM >> 31);',
  [Op.ANDI]: 'xl[RD] = a & IMM; xh[RD] = ah & (IMM >> 31);',
  [Op.SLLI]: 'h.sll(RD, a, ah, IMM);',
  [Op.SRLI]: 'h.srl(RD, a, ah, IMM);',
  [Op.SRAI]: 'h.sra(RD, a, ah, IMM);',
  [Op.ADD]: `${ADD64('b', 'bh')} xh[RD] = hi; xl[RD] = lo;`,
  [Op.SUB]: 'lo = (a - b) | 0; xh[RD] = (ah - bh - (a >>> 0 < b >>> 0 ? 1 : 0)) | 0; xl[RD] = lo;',
  [Op.SLL]: 'h.sll(RD, a, ah, b & 63);',
  [Op.SLT]: 'xl[RD] = ah < bh || (ah === bh && a >>> 0 < b >>> 0) ? 1 : 0; xh[RD] = 0;',
  [Op.SLTU]: 'xl[RD] = ah >>> 0 < bh >>> 0 || (ah === bh && a >>> 0 < b >>> 0) ? 1 : 0; xh[RD] = 0;',
  [Op.XOR]: 'xl[RD] = a ^ b; xh[RD] = ah ^ bh;',
  [Op.SRL]: 'h.srl(RD, a, ah, b & 63);',
  [Op.SRA]: 'h.sra(RD, a, ah, b & 63);',
  [Op.OR]: 'xl[RD] = a | b; xh[RD] = ah | bh;',
  [Op.AND]: 'xl[RD] = a & b; xh[RD] = ah & bh;',
  [Op.ADDIW]: 'v = (a + IMM) | 0; xl[RD] = v; xh[RD] = v >> 31;',
  [Op.SLLIW]: 'v = a << IMM; xl[RD] = v; xh[RD] = v >> 31;',
  [Op.SRLIW]: 'v = (a >>> IMM) | 0; xl[RD] = v; xh[RD] = v >> 31;',
  [Op.SRAIW]: 'v = a >> IMM; xl[RD] = v; xh[RD] = v >> 31;',
  [Op.ADDW]: 'v = (a + b) | 0; xl[RD] = v; xh[RD] = v >> 31;',
  [Op.SUBW]: 'v = (a - b) | 0; xl[RD] = v; xh[RD] = v >> 31;',
  [Op.SLLW]: 'v = a << (b & 31); xl[RD] = v; xh[RD] = v >> 31;',
  [Op.SRLW]: 'v = (a >>> (b & 31)) | 0; xl[RD] = v; xh[RD] = v >> 31;',
  [Op.SRAW]: 'v = a >> (b & 31); xl[RD] = v; xh[RD] = v >> 31;',
  [Op.FENCE]: '',
};

/** Load ops: size and sign extension (as in runSteps). */
const LOADS: Record<number, { size: number; ext: string; signed: boolean }> = {
  [Op.LB]: { size: 1, ext: 'v = (v << 24) >> 24; vh = v >> 31;', signed: true },
  [Op.LH]: { size: 2, ext: 'v = (v << 16) >> 16; vh = v >> 31;', signed: true },
  [Op.LW]: { size: 4, ext: 'vh = v >> 31;', signed: true },
  [Op.LD]: { size: 8, ext: '', signed: false },
  [Op.LBU]: { size: 1, ext: '', signed: false },
  [Op.LHU]: { size: 2, ext: '', signed: false },
  [Op.LWU]: { size: 4, ext: '', signed: false },
};
const STORES: Record<number, number> = { [Op.SB]: 1, [Op.SH]: 2, [Op.SW]: 4, [Op.SD]: 8 };
const BRANCHES: Record<number, string> = {
  [Op.BEQ]: 'a === b && ah === bh',
  [Op.BNE]: 'a !== b || ah !== bh',
  [Op.BLT]: 'ah < bh || (ah === bh && a >>> 0 < b >>> 0)',
  [Op.BGE]: '!(ah < bh || (ah === bh && a >>> 0 < b >>> 0))',
  [Op.BLTU]: 'ah >>> 0 < bh >>> 0 || (ah === bh && a >>> 0 < b >>> 0)',
  [Op.BGEU]: '!(ah >>> 0 < bh >>> 0 || (ah === bh && a >>> 0 < b >>> 0))',
};

/** M-extension ops: done by Hart.execMulDiv on operands left in the record. */
const MULDIV = new Set<number>([
  Op.MUL, Op.MULH, Op.MULHSU, Op.MULHU, Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.MULW, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW,
]);

/** A-extension ops (LR, SC, AMOs): done by Hart.execAmo, which may trap. */
const isAtomic = (op: number): boolean => op >= Op.LR_W && op <= Op.AMOMAXU_D;

/** Zicsr ops: done by Hart.execCsr (privilege checks, side effects of writes, traps). */
const isCsr = (op: number): boolean => op >= Op.CSRRW && op <= Op.CSRRCI;

/** Ops a block may contain (the rest end the block before them). */
export function translatable(op: number): boolean {
  return op in BODY || op in LOADS || op in STORES || op in BRANCHES || MULDIV.has(op) || isAtomic(op) || isCsr(op) ||
    op === Op.AUIPC || op === Op.JAL || op === Op.JALR;
}

/** One decoded instruction of the block being written, with its place in the block. */
interface Slot {
  op: number;
  /** Destination as decoded: x0 is 32 (a scratch slot), so writes need no test. */
  rd: number;
  rs1: number;
  rs2: number;
  len: number;
  imm: number;
  /** The instruction word (for the hart's illegal-instruction trap). */
  word: number;
  /** Slot index in the page, and instructions of the block before this one. */
  idx: number;
  k: number;
  /** `pc0 + offset` expressions of this instruction and of the next one in memory. */
  pcE: string;
  nextE: string;
  /** What the timing writer is told about it. */
  insn: BlockInsn;
}

/** The code of one instruction, and where the block goes on after it. */
interface Emitted {
  code: string;
  /** The slot the block continues at: the next one in memory, a jump target, or -1: it ends. */
  next: number;
}

/**
 * Emits the code of one block starting at slot `startIdx`. `cls` maps op → timing class;
 * ramBase/ramSize bound the inline RAM path; `checked` makes the variant that tests the cycle
 * limit after every instruction (Block.checked). Returns undefined when the first instruction
 * is not translatable.
 */
export function translateBlock(
  dp: DecodedPage, startIdx: number, decode: SlotDecoder, cls: Uint8Array, timing: BlockTiming,
  ramBase: number, ramSize: number, ctx: BlockContext, checked = false,
): Block | undefined {
  const w = new BlockWriter(startIdx, timing, ramBase, ramSize, checked);
  const out: string[] = [];
  let idx = startIdx;
  let k = 0; // instructions emitted so far
  while (k < w.maxBlock && idx >= 0 && idx < 2048) {
    const info = decode(dp, idx);
    const op = info & 255;
    if (op === UNDECODED || op === CROSSING || !translatable(op)) break;
    const rd = (info >>> 8) & 63;
    const rs1 = (info >>> 14) & 31;
    const rs2 = (info >>> 19) & 31;
    const len = (info >>> 24) & 7;
    const imm = dp.imm[idx];
    const o = idx * 2 - startIdx * 2; // byte offset of this instruction from pc0
    const insn: BlockInsn = {
      offset: o, pageOffset: idx * 2, len, cls: cls[op], rd: rd === 32 ? 0 : rd, rs1, rs2, imm,
      memWidth: op in LOADS ? LOADS[op].size : (STORES[op] ?? 0),
    };
    const slot: Slot = { op, rd, rs1, rs2, len, imm, word: dp.word[idx], idx, k, pcE: `(pc0 + ${o})`, nextE: `(pc0 + ${o + len})`, insn };
    const e = w.instruction(slot);
    out.push(`// ${k}: op ${op} at +${o}`, operands(e.code, rs1, rs2) + e.code);
    k++;
    if (e.next < 0) return compile(out, k, w.timingWriter, timing, ctx);
    idx = e.next;
  }
  if (k === 0) return undefined;
  // Fell off the end (page end, length limit, or an op left to the interpreter).
  out.push(w.exit(`pc0 + ${idx * 2 - startIdx * 2}`, k));
  return compile(out, k, w.timingWriter, timing, ctx);
}

/**
 * Writes the code of the instructions of one block, one kind of instruction per method; keeps
 * what spans instructions (the timing writer, calls followed into their callees).
 */
class BlockWriter {
  readonly timingWriter: BlockTimingWriter;
  /** Calls followed into their callee (innermost last): link register, slot after the call. */
  private readonly returns: { link: number; slot: number }[] = [];
  /** Cycles one pass of the block can take at most (loops go round only with this much room). */
  private readonly passCycles: number;
  /** Longest block in instructions (the timing model's choice, at most MAX_BLOCK). */
  readonly maxBlock: number;

  constructor(
    private readonly startIdx: number, timing: BlockTiming, private readonly ramBase: number,
    private readonly ramSize: number, private readonly checked: boolean,
  ) {
    this.timingWriter = timing.writer(ramBase);
    this.maxBlock = Math.max(1, Math.min(MAX_BLOCK, timing.maxBlock));
    this.passCycles = this.maxBlock * timing.maxInsnCycles;
  }

  instruction(i: Slot): Emitted {
    const op = i.op;
    if (MULDIV.has(op)) return this.mulDiv(i);
    if (isAtomic(op)) return this.atomic(i);
    if (isCsr(op)) return this.csr(i);
    if (op in BODY || op === Op.AUIPC) return this.alu(i);
    if (op in LOADS) return this.load(i);
    if (op in STORES) return this.store(i);
    if (op in BRANCHES) return this.branch(i);
    if (op === Op.JAL) return this.jal(i);
    return this.jalr(i);
  }

  /** Leaves the block with `n` instructions retired (in this pass) and the next pc `pc`. */
  exit(pc: string, n: number): string {
    return `{ h.pc = ${pc}; K = it + ${n}; break body; }`;
  }

  /** The cycle-limit exit after instruction n (checked variant only). */
  private limitCheck(pc: string, n: number): string {
    return this.checked ? `if (${this.timingWriter.overLimit(`it + ${n}`)}) ${this.exit(pc, n)} ` : '';
  }

  /** Counters up to date before a hart call that may trap (the trapping insn does not retire). */
  private syncBefore(pc: string, n: number): string {
    return `h.pc = ${pc}; h.instret = i0 + it + ${n}; ${this.timingWriter.sync(`it + ${n}`)} `;
  }

  /** The timing of instruction i and the limit check after it. */
  private retire(i: Slot): string {
    return this.timingWriter.retire(i.insn) + this.limitCheck(i.nextE, i.k + 1);
  }

  private following(i: Slot): number {
    return i.idx + (i.len >>> 1);
  }

  private mulDiv(i: Slot): Emitted {
    const code = `r.aLo = a; r.aHi = ah; r.bLo = b; r.bHi = bh; h.execMulDiv(${i.op}, ${i.rd}); `;
    return { code: code + this.retire(i), next: this.following(i) };
  }

  /**
   * LR/SC/AMO through the hart (reservations, the bus, traps). A successful SC or an AMO on a
   * device may have raised an interrupt or dropped the fetch cache: check, as after a store.
   */
  private atomic(i: Slot): Emitted {
    let code = `${this.syncBefore(i.pcE, i.k)}r.memPaddr = -1; r.memIsMmio = false; `;
    code += `if (!h.execAmo(${i.op}, ${i.rd}, a, ah, b, bh)) return it + ${i.k + 1}; ${this.timingWriter.resync()} `;
    code += this.retire(i) + `if (h.attention || h.fetchVBase !== h.fetchVBase) ${this.exit(i.nextE, i.k + 1)}`;
    return { code, next: this.following(i) };
  }

  /**
   * A CSR instruction through the hart, with the counters current (it may read cycle or
   * instret). A write may change the privilege view, translation or pending interrupts: the
   * hart then sets `attention`, and the block leaves.
   */
  private csr(i: Slot): Emitted {
    let code = `${this.syncBefore(i.pcE, i.k)}r.csrWritten = false; `;
    code += `if (!h.execCsr(${i.op}, ${i.rd}, ${i.rs1}, ${i.imm}, ${i.word})) return it + ${i.k + 1}; r.csr = ${i.imm & 0xfff}; ${this.timingWriter.resync()} `;
    code += this.retire(i) + `if (h.attention) ${this.exit(i.nextE, i.k + 1)}`;
    return { code, next: this.following(i) };
  }

  private alu(i: Slot): Emitted {
    const code = i.op === Op.AUIPC
      ? `v = ${i.pcE} + (${i.imm}); xl[${i.rd}] = v | 0; xh[${i.rd}] = Math.floor(v / 4294967296) | 0; `
      : BODY[i.op].replace(/RD/g, String(i.rd)).replace(/IMM/g, `(${i.imm})`) + ' ';
    return { code: code + this.retire(i), next: this.following(i) };
  }

  private load(i: Slot): Emitted {
    const L = LOADS[i.op];
    let code = `${ADD64(`(${i.imm})`, `(${i.imm} >> 31)`)} ${ramTest(L.size, this.ramBase, this.ramSize, false)} { ${ramRead(L.size)} } `;
    code += `else { ${this.syncBefore(i.pcE, i.k)}r.memPaddr = -1; r.memIsMmio = false; `;
    code += `if (!h.load(lo, hi, ${L.size})) return it + ${i.k + 1}; ${this.timingWriter.resync()} ma = -1; v = t[0]; vh = t[1]; } `;
    code += `${L.ext} xl[${i.rd}] = v; xh[${i.rd}] = vh; `;
    // Only a device access (the hart's load()) can have raised an interrupt.
    code += this.retire(i) + `if (ma < 0 && h.attention) ${this.exit(i.nextE, i.k + 1)}`;
    return { code, next: this.following(i) };
  }

  private store(i: Slot): Emitted {
    const size = STORES[i.op];
    let code = `${ADD64(`(${i.imm})`, `(${i.imm} >> 31)`)} ${ramTest(size, this.ramBase, this.ramSize, true)} { ${ramWrite(size)} `;
    code += `if ((codeMark[ma >>> 12] | bus.reservationCount) !== 0) { h.storedToCode(ma, ${size}); sx = true; } } `;
    code += `else { ${this.syncBefore(i.pcE, i.k)}r.memPaddr = -1; r.memIsMmio = false; `;
    code += `if (!h.store(lo, hi, ${size}, b, bh)) return it + ${i.k + 1}; ${this.timingWriter.resync()} ma = -1; sx = true; } `;
    // Only a device access or a store to a watched or code page (sx) can have raised an
    // interrupt, stopped the run (HTIF tohost) or dropped the fetch cache (maybe this block).
    code += this.retire(i) + `if (sx) { sx = false; if (h.attention || h.fetchVBase !== h.fetchVBase) ${this.exit(i.nextE, i.k + 1)} } `;
    return { code, next: this.following(i) };
  }

  /** Taken: leave the block (a side exit), or go round again when it loops to the start. */
  private branch(i: Slot): Emitted {
    const n = i.k + 1;
    const taken = `${i.pcE} + (${i.imm})`;
    let onTaken = this.exit(taken, n);
    if (i.idx * 2 + i.imm === this.startIdx * 2) {
      // A whole further pass must fit the budget and (unchecked variant) the cycle limit.
      const tw = this.timingWriter;
      const room = this.checked ? `!(${tw.overLimit(`it + ${n}`)})` : tw.hasRoom(this.passCycles, `it + ${n}`);
      onTaken = `{ if (it + ${n + this.maxBlock} <= room && ${room}) { it += ${n}; continue body; } ${this.exit(taken, n)} }`;
    }
    const code = `tk = ${BRANCHES[i.op]}; ${this.timingWriter.retire(i.insn)}if (tk) ${onTaken}${this.limitCheck(i.nextE, n)}`;
    return { code, next: this.following(i) };
  }

  /**
   * A JAL within the page is followed (offsets stay page-relative, so pc0 + offset is still
   * the right pc); a call's return address is remembered for jalr().
   */
  private jal(i: Slot): Emitted {
    const n = i.k + 1;
    const target = `${i.pcE} + (${i.imm})`;
    let code = `v = ${i.nextE}; xl[${i.rd}] = v | 0; xh[${i.rd}] = Math.floor(v / 4294967296) | 0; ${this.timingWriter.retire(i.insn)}`;
    const t = i.idx * 2 + i.imm;
    if (t < 0 || t >= 4096 || n >= this.maxBlock) return { code: code + this.exit(target, n), next: -1 };
    if (i.rd === 1 || i.rd === 5) this.returns.push({ link: i.rd, slot: this.following(i) });
    code += this.limitCheck(target, n);
    return { code, next: t >>> 1 };
  }

  /**
   * JALR ends the block, except the return of a call the block followed: it carries on after
   * the call when the return goes there (a guard on the target). A target beyond 2^53 is left
   * to the interpreter (it retires, then faults).
   */
  private jalr(i: Slot): Emitted {
    const n = i.k + 1;
    let code = `v = (a + (${i.imm})) | 0; hi = (ah + (${i.imm} >> 31) + (v >>> 0 < a >>> 0 ? 1 : 0)) | 0; lo = v & ~1; `;
    code += `if (!(hi >= -0x200000 && hi < 0x200000)) ${this.exit(i.pcE, i.k)} `;
    code += `v = ${i.nextE}; xl[${i.rd}] = v | 0; xh[${i.rd}] = Math.floor(v / 4294967296) | 0; h.pc = hi * 4294967296 + (lo >>> 0); `;
    code += this.timingWriter.retire(i.insn);
    const call = this.returns.length > 0 ? this.returns[this.returns.length - 1] : undefined;
    if (call === undefined || i.rd !== 32 || i.rs1 !== call.link || i.imm !== 0 || n >= this.maxBlock) {
      return { code: code + `K = it + ${n}; break body;`, next: -1 };
    }
    this.returns.pop();
    code += `if (h.pc !== pc0 + ${call.slot * 2 - this.startIdx * 2}) { K = it + ${n}; break body; } `;
    code += this.limitCheck('h.pc', n);
    return { code, next: call.slot };
  }
}

/** Reads of the source operands the instruction's code uses (and no others). */
function operands(code: string, rs1: number, rs2: number): string {
  let s = '';
  if (/\ba\b/.test(code)) s += `a = xl[${rs1}]; `;
  if (/\bah\b/.test(code)) s += `ah = xh[${rs1}]; `;
  if (/\bb\b/.test(code)) s += `b = xl[${rs2}]; `;
  if (/\bbh\b/.test(code)) s += `bh = xh[${rs2}]; `;
  return s;
}

/**
 * The inline RAM path of a load/store (Hart.load/store's first case): naturally aligned and
 * inside RAM, with Bare translation (the address's high word 0) or under Sv39 in the page the
 * hart last translated for this kind of access (Hart.loadPageHi etc.). Leaves the RAM
 * offset in ma (negative when the access is not on the inline path).
 */
function ramTest(size: number, ramBase: number, ramSize: number, store: boolean): string {
  const page = store ? 'storePage' : 'loadPage';
  return `ma = bare ? (hi === 0 ? (lo >>> 0) - ${ramBase} : -1) : (hi === h.${page}Hi && (lo & -4096) === h.${page}Lo ? h.${page}Off + (lo & 4095) : -1); ` +
    `if (ma >= 0 && ma <= ${ramSize - size} && (ma & ${size - 1}) === 0)`;
}

function ramRead(size: number): string {
  switch (size) {
    case 8: return 'vh = m32[(ma >>> 2) + 1]; v = m32[ma >>> 2];';
    case 4: return 'v = m32[ma >>> 2]; vh = 0;';
    case 2: return 'v = m16[ma >>> 1]; vh = 0;';
    default: return 'v = m8[ma]; vh = 0;';
  }
}

function ramWrite(size: number): string {
  switch (size) {
    case 8: return 'm32[ma >>> 2] = b; m32[(ma >>> 2) + 1] = bh;';
    case 4: return 'm32[ma >>> 2] = b;';
    case 2: return 'm16[ma >>> 1] = b;';
    default: return 'm8[ma] = b;';
  }
}

/**
 * The function around the body. `room`: how many instructions the block may retire in all (the
 * run's budget), which bounds loops back to the start; `it`: instructions retired by earlier
 * passes of such a loop.
 */
function compile(lines: string[], len: number, tw: BlockTimingWriter, timing: BlockTiming, ctx: BlockContext): Block {
  const body = [
    'const pc0 = h.pc, fp0 = h.fetchPBase + (pc0 - h.fetchVBase), limit = h.runLimit, i0 = h.instret, room = h.runBudget;',
    // Data translation cannot change inside a block (only traps, xRET and CSR writes change it).
    'const bare = h.dataBare;',
    'let a = 0, ah = 0, b = 0, bh = 0, lo = 0, hi = 0, v = 0, vh = 0, ma = 0, tk = false, sx = false, K = 0, it = 0;',
    tw.prologue(),
    'body: for (;;) {',
    ...lines,
    '}',
    `h.instret = i0 + K; ${tw.sync('K')}`,
    'return K;',
  ].join('\n');
  const bound: Record<string, unknown> = { ...tw.bindings?.() };
  for (const n of CONTEXT_NAMES) bound[n] = ctx[n];
  const names = Object.keys(bound);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const make = new Function(...names, `return function block() {\n${body}\n};`);
  const fn = make(...names.map((n) => bound[n])) as BlockFn;
  return new Block(fn, len, len * timing.maxInsnCycles);
}
