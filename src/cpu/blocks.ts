/**
 * Block translation: a run of decoded instructions inside one physical page is turned into one
 * JavaScript function with `new Function`. The run starts at a hot slot and stops before any
 * instruction not translated here (listed in BODY, LOADS, STORES, BRANCHES, MULDIV below, plus
 * AUIPC, JAL, JALR; everything else is interpreted), at a JALR, at the page end, or at its length
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

/** Longest block, in instructions (bounds the generated code and the budget granularity). */
export const MAX_BLOCK = 48;
export type BlockFn = () => number;

/**
 * What a block's code works on, fixed for its hart's life and bound into the function when it
 * is made (a call then passes nothing): the hart, its register halves, RetireRecord, timing
 * model and 64-bit temporaries (load results), and the RAM views, code marks and bus for the
 * inline RAM path of loads and stores.
 */
export interface BlockContext {
  readonly h: object;
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

/** M-extension ops: done by Hart.execMulDiv on operands in the record (MULW inline). */
const MULDIV = new Set<number>([
  Op.MUL, Op.MULH, Op.MULHSU, Op.MULHU, Op.DIV, Op.DIVU, Op.REM, Op.REMU, Op.MULW, Op.DIVW, Op.DIVUW, Op.REMW, Op.REMUW,
]);

/** Ops a block may contain (the rest end the block before them). */
function translatable(op: number): boolean {
  return op in BODY || op in LOADS || op in STORES || op in BRANCHES || MULDIV.has(op) || op === Op.AUIPC || op === Op.JAL || op === Op.JALR;
}

/** Decoded fields of one slot. */
interface SlotFields {
  op: number;
  /** Destination as decoded: x0 is 32 (a scratch slot), so writes need no test. */
  rd: number;
  rs1: number;
  rs2: number;
  len: number;
  imm: number;
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
  const tw = timing.writer(ramBase);
  const out: string[] = [];
  let idx = startIdx;
  let k = 0; // instructions emitted so far
  /** Leaves the block with `n` instructions retired and the next pc `pc`. */
  const exit = (pc: string, n: number): string => `{ h.pc = ${pc}; K = it + ${n}; break body; }`;
  const limitCheck = (pc: string, n: number): string => (checked ? `if (${tw.overLimit(`it + ${n}`)}) ${exit(pc, n)} ` : '');
  const passCycles = MAX_BLOCK * timing.maxInsnCycles;
  /** Counters up to date before a hart call that may trap (the trapping insn does not retire). */
  const syncBefore = (pc: string, n: number): string => `h.pc = ${pc}; h.instret = i0 + it + ${n}; ${tw.sync(`it + ${n}`)} `;
  /** Calls followed into their callee (innermost last): link register, slot after the call. */
  const returns: { link: number; slot: number }[] = [];
  while (k < MAX_BLOCK && idx < 2048) {
    const info = decode(dp, idx);
    const op = info & 255;
    if (op === UNDECODED || op === CROSSING || !translatable(op)) break;
    const f: SlotFields = { op, rd: (info >>> 8) & 63, rs1: (info >>> 14) & 31, rs2: (info >>> 19) & 31, len: (info >>> 24) & 7, imm: dp.imm[idx] };
    const o = idx * 2 - startIdx * 2; // byte offset of this instruction from pc0
    const pcE = `(pc0 + ${o})`;
    const nextE = `(pc0 + ${o + f.len})`;
    const insn: BlockInsn = {
      offset: o, pageOffset: idx * 2, len: f.len, cls: cls[op], rd: f.rd === 32 ? 0 : f.rd, rs1: f.rs1, rs2: f.rs2,
      imm: f.imm, memWidth: op in LOADS ? LOADS[op].size : (STORES[op] ?? 0),
    };
    const { rd, imm } = f;
    let s = '';
    let next = -1; // slot the block continues at after a followed JAL
    let ends = false;
    if (MULDIV.has(op)) {
      s += `r.aLo = a; r.aHi = ah; r.bLo = b; r.bHi = bh; h.execMulDiv(${op}, ${rd}); `;
      s += tw.retire(insn) + limitCheck(nextE, k + 1);
    } else if (op in BODY || op === Op.AUIPC) {
      s += op === Op.AUIPC
        ? `v = ${pcE} + (${imm}); xl[${rd}] = v | 0; xh[${rd}] = Math.floor(v / 4294967296) | 0; `
        : BODY[op].replace(/RD/g, String(rd)).replace(/IMM/g, `(${imm})`) + ' ';
      s += tw.retire(insn) + limitCheck(nextE, k + 1);
    } else if (op in LOADS) {
      const L = LOADS[op];
      s += `${ADD64(`(${imm})`, `(${imm} >> 31)`)} ${ramTest(L.size, ramBase, ramSize, false)} { ${ramRead(L.size)} } `;
      s += `else { ${syncBefore(pcE, k)}r.memPaddr = -1; r.memIsMmio = false; if (!h.load(lo, hi, ${L.size})) return it + ${k + 1}; ${tw.resync()} ma = -1; v = t[0]; vh = t[1]; } `;
      s += `${L.ext} xl[${rd}] = v; xh[${rd}] = vh; `;
      // Only a device access (the hart's load()) can have raised an interrupt.
      s += tw.retire(insn) + limitCheck(nextE, k + 1) + `if (ma < 0 && h.attention) ${exit(nextE, k + 1)}`;
    } else if (op in STORES) {
      const size = STORES[op];
      s += `${ADD64(`(${imm})`, `(${imm} >> 31)`)} ${ramTest(size, ramBase, ramSize, true)} { ${ramWrite(size)} `;
      s += `if ((codeMark[ma >>> 12] | bus.reservationCount) !== 0) { h.storedToCode(ma, ${size}); sx = true; } } `;
      s += `else { ${syncBefore(pcE, k)}r.memPaddr = -1; r.memIsMmio = false; if (!h.store(lo, hi, ${size}, b, bh)) return it + ${k + 1}; ${tw.resync()} ma = -1; sx = true; } `;
      // Only a device access or a store to a watched or code page (sx) can have raised an
      // interrupt, stopped the run (HTIF tohost) or dropped the fetch cache (maybe this block).
      s += tw.retire(insn) + limitCheck(nextE, k + 1) + `if (sx) { sx = false; if (h.attention || h.fetchVBase !== h.fetchVBase) ${exit(nextE, k + 1)} } `;
    } else if (op in BRANCHES) {
      // Taken: leave the block (side exit). Not taken: carry on with the fall-through path.
      const taken = `${pcE} + (${imm})`;
      let onTaken = exit(taken, k + 1);
      if (idx * 2 + imm === startIdx * 2) {
        // A loop back to the block's start: go round again while the room allows a whole pass.
        const room = checked ? `!(${tw.overLimit(`it + ${k + 1}`)})` : tw.hasRoom(passCycles, `it + ${k + 1}`);
        onTaken = `{ if (it + ${k + 1 + MAX_BLOCK} <= room && ${room}) { it += ${k + 1}; continue body; } ${exit(taken, k + 1)} }`;
      }
      s += `tk = ${BRANCHES[op]}; ${tw.retire(insn)}if (tk) ${onTaken}${limitCheck(nextE, k + 1)}`;
    } else if (op === Op.JAL) {
      s += `v = ${nextE}; xl[${rd}] = v | 0; xh[${rd}] = Math.floor(v / 4294967296) | 0; ${tw.retire(insn)}`;
      // A direct jump within the page: the block continues at its target (offsets stay
      // page-relative, so pc0 + offset is still the right pc).
      const target = idx * 2 + imm;
      if (target >= 0 && target < 4096 && k + 1 < MAX_BLOCK) {
        next = target >>> 1;
        s += limitCheck(`${pcE} + (${imm})`, k + 1);
        // A call: its return will most likely come back right after it.
        if (rd === 1 || rd === 5) returns.push({ link: rd, slot: idx + (f.len >>> 1) });
      } else {
        s += exit(`${pcE} + (${imm})`, k + 1);
        ends = true;
      }
    } else {
      // JALR: a target beyond 2^53 is left to the interpreter (it retires, then faults).
      s += `v = (a + (${imm})) | 0; hi = (ah + (${imm} >> 31) + (v >>> 0 < a >>> 0 ? 1 : 0)) | 0; lo = v & ~1; `;
      s += `if (!(hi >= -0x200000 && hi < 0x200000)) ${exit(pcE, k)} `;
      s += `v = ${nextE}; xl[${rd}] = v | 0; xh[${rd}] = Math.floor(v / 4294967296) | 0; h.pc = hi * 4294967296 + (lo >>> 0); `;
      s += tw.retire(insn);
      // A return from a call the block followed: carry on after the call when it goes back
      // there (a guard on the target), else leave.
      const call = returns.length > 0 ? returns[returns.length - 1] : undefined;
      if (call !== undefined && rd === 32 && f.rs1 === call.link && imm === 0 && k + 1 < MAX_BLOCK) {
        returns.pop();
        next = call.slot;
        s += `if (h.pc !== pc0 + ${call.slot * 2 - startIdx * 2}) { K = it + ${k + 1}; break body; } `;
        s += limitCheck('h.pc', k + 1);
      } else {
        s += `K = it + ${k + 1}; break body;`;
        ends = true;
      }
    }
    out.push(`// ${k}: op ${op} at +${o}`, operands(s, f.rs1, f.rs2) + s);
    k++;
    if (ends) return compile(out, k, tw, timing, ctx);
    idx = next >= 0 ? next : idx + (f.len >>> 1);
  }
  if (k === 0) return undefined;
  // Fell off the end (page end, length limit, or an op left to the interpreter).
  out.push(exit(`pc0 + ${idx * 2 - startIdx * 2}`, k));
  return compile(out, k, tw, timing, ctx);
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
