/**
 * Block translation: a run of decoded instructions inside one physical page is turned into one
 * JavaScript function with `new Function`. The run starts at a hot slot and stops before any
 * instruction not translated here (listed in BODY, LOADS, STORES, BRANCHES below, plus AUIPC,
 * JAL, JALR; everything else is interpreted), at the page end, or at its length limit.
 * With the unit-cost model it is a superblock: conditional branches are side exits (taken:
 * leave; not taken: continue), JALs whose target is in the same page are followed, a JALR
 * ends it (MAX_BLOCK). With a per-instruction model it is a basic block ending at the first
 * branch or jump (MAX_TIMED_BLOCK). The function does
 * exactly what the interpreter (Hart.runSteps) does for the same instructions, with the
 * decoding, the dispatch switch and the operand-field extraction done once, at translation.
 *
 * The interpreter stays the reference: HartConfig.fast = false never uses blocks, and
 * test/cpu/fast-vs-reference.test.ts requires identical cycles, instret, registers, memory,
 * model events and commit streams in both modes.
 *
 * Generated function: (h, xl, xh, r, tm, t, m8, m16, m32, codeMark, bus) => steps
 *   h      the Hart (the block reads pc0 = h.pc, the virtual pc of its first instruction, and
 *          from the fetch cache fp0, its physical address, so the code does not depend on where
 *          the page is mapped; and h.runLimit, the cycle limit). Only objects are passed: a
 *          double argument (pc ≥ 2^30) would be boxed on every call.
 *   r      the hart's RetireRecord, tm its TimingModel, t its 64-bit temporaries (load results)
 *   m8, m16, m32, codeMark, bus: the RAM views, code marks and bus, for the inline RAM path
 *          of loads and stores (Bare translation, naturally aligned, inside RAM: the same
 *          accesses Hart.load/store make; anything else calls them)
 *   returns the steps done (instructions retired, plus 1 if the last one trapped), having set
 *   h.pc to the next instruction. 0 means "nothing done: interpret one instruction" (a JALR to
 *   an unrepresentable target, which the interpreter handles).
 *
 * Two timing flavours, fixed at translation time (a hart's model never changes):
 *   unit cost (the ideal model): no RetireRecord at all; every instruction costs 1 cycle, so
 *     cycle and instret are added in one statement before each memory access (which may trap
 *     and must see exact counters) and at each exit. The caller only enters a block when
 *     budget and cycle limit leave room for all of it.
 *   per-instruction model (rocket): the record fields the model reads are stored as constants
 *     and the model is called after each instruction — retire(r), or the class-specific
 *     retireLoad/retireStore/retireBranch(r), or retireAlu(offset, rd, rs1, rs2) after
 *     blockBase(pc0, fp0) for plain ALU ops (no record) when the model offers them — and the
 *     cycle limit is checked after each one (an instruction may take any number of cycles).
 *     With a model offering the inline interface (TimingModel.now/ready/fetchAt, the Rocket
 *     model), plain ALU timing is generated here, the I$ is asked once per fetch line the
 *     block enters, and the other classes call retire*At with the instruction fields as
 *     constants (see inlineAlu() and docs/cpu.md).
 * Exits are taken after any instruction that may need the run loop: after a load or store if
 * `attention` is set (a device raised an interrupt, a trap), after a store that invalidated the
 * fetch cache (it may have written this very block: self-modifying code), and on a trap.
 */
import { Op } from '../isa/opcodes';
import { InsnClass } from '../timing/record';
import { TimingEvent } from '../timing/events';
import { CROSSING, UNDECODED } from './decoded';
import type { DecodedPage } from './decoded';

/** Longest block, in instructions (bounds the generated code and the budget granularity). */
export const MAX_BLOCK = 48;
/**
 * With a per-instruction model, blocks stay basic blocks (a branch ends them, JAL is not
 * followed) and short: every instruction calls into the model, and V8 inlines those calls only
 * while the function stays within its inlining budget (measured: superblocks made the rocket
 * flavour up to ~1.5x slower on branchy code).
 */
export const MAX_TIMED_BLOCK = 24;

export type BlockFn = (
  h: unknown, xl: Int32Array, xh: Int32Array, r: unknown, tm: unknown, t: Int32Array,
  m8: Uint8Array, m16: Uint16Array, m32: Int32Array, codeMark: Uint8Array, bus: { reservationCount: number },
) => number;

/** A translated block and its length in instructions. */
export class Block {
  constructor(readonly fn: BlockFn, readonly len: number) {}
}

/** Decodes slot `idx` of a page if needed; returns its packed info (UNDECODED/CROSSING if not decodable here). */
export type SlotDecoder = (dp: DecodedPage, idx: number) => number;

// --- per-op bodies -------------------------------------------------------------------------
// Each body mirrors one case of Hart.runSteps' switch. Available names: a, ah (rs1), b, bh
// (rs2), lo, hi, v, vh (temporaries), xl, xh, h; RD and IMM are replaced by constants.
const ADD64 = (x: string, y: string): string =>
  `lo = (a + ${x}) | 0; hi = (ah + ${y} + ((a >>> 0) + (${x} >>> 0) > 0xffffffff ? 1 : 0)) | 0;`;

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

/** Ops a block may contain (the rest end the block before them). */
function translatable(op: number): boolean {
  return op in BODY || op in LOADS || op in STORES || op in BRANCHES || op === Op.AUIPC || op === Op.JAL || op === Op.JALR;
}

/** Conditional branches are side exits; jumps end the block unless followed (JAL in the page). */
function endsBlock(op: number): boolean {
  return op === Op.JAL || op === Op.JALR;
}

/** Which class-specific TimingModel entry points the hart's model has (record.ts). */
export interface ModelShortcuts {
  alu: boolean;
  load: boolean;
  store: boolean;
  branch: boolean;
  /** The model has the inline-ALU interface (now, ready, fetchAt): ALU timing is generated. */
  inlineAlu: boolean;
  /** Its I$ line size (same-line fetches need no fetchAt); 0 if unknown. */
  fetchLineBytes: number;
  /** The model has retireBranchAt (branches without the record). */
  branchAt: boolean;
  /** The model has retireJumpAt (JAL/JALR: only nextPc goes through the record). */
  jumpAt: boolean;
  /** The model has retireLoadAt/retireStoreAt (instruction fields as arguments). */
  memAt: boolean;
}

/**
 * Emits the code of one block. `cls` maps op → timing class; `unit` selects the unit-cost
 * flavour, `sc` the model's shortcuts; ramBase/ramSize bound the inline RAM path. Returns
 * undefined when the first instruction is not translatable.
 */

export function translateBlock(
  dp: DecodedPage, startIdx: number, decode: SlotDecoder, cls: Uint8Array, unit: boolean, sc: ModelShortcuts,
  ramBase: number, ramSize: number,
): Block | undefined {
  const out: string[] = [];
  let idx = startIdx;
  let k = 0; // instructions emitted so far
  let pending = 0; // unit flavour: retired instructions not yet added to h.cycle / h.instret
  const add = (n: number): string => (n === 0 ? '' : `h.cycle += ${n}; h.instret += ${n}; `);
  /** Adds the pending count (unconditionally reached code only). */
  const flush = (): string => {
    const s = add(pending);
    pending = 0;
    return s;
  };
  const lineBytes = sc.fetchLineBytes;
  const lineKnown = lineBytes > 0 && lineBytes <= 4096 && (lineBytes & (lineBytes - 1)) === 0;
  let prevLine = -1; // page-relative fetch line of the previous instruction of the block
  // Registers whose ready time is known to be ≤ now here: last written in this block by an
  // inline ALU op (ready = its issue + 1 ≤ the next issue), so they cannot interlock.
  const settled = new Set<number>();
  while (k < (unit ? MAX_BLOCK : MAX_TIMED_BLOCK) && idx < 2048) {
    const info = decode(dp, idx);
    const op = info & 255;
    if (op === UNDECODED || op === CROSSING || !translatable(op)) break;
    const rd = (info >>> 8) & 63;
    const rs1 = (info >>> 14) & 31;
    const rs2 = (info >>> 19) & 31;
    const len = (info >>> 24) & 7;
    const imm = dp.imm[idx];
    const o = idx * 2 - startIdx * 2; // byte offset of this instruction in the block
    const pcE = `(pc0 + ${o})`;
    const nextE = `(pc0 + ${o + len})`;
    const c = cls[op];
    const recFields = unit
      ? ''
      : `r.pc = ${pcE}; r.fetchPaddr = fp0 + ${o}; r.insnLen = ${len}; r.cls = ${c}; r.rd = ${rd === 32 ? 0 : rd}; r.rs1 = ${rs1}; r.rs2 = ${rs2}; `;
    // Fetch line (page-relative: a page holds whole lines) and whether the previous
    // instruction of the block was fetched from it.
    const line = lineKnown ? Math.floor((idx * 2) / lineBytes) : -2 - k;
    const sameLine = k > 0 && line === prevLine;
    prevLine = line;
    const rdN = rd === 32 ? 0 : rd;
    // After retiring: charge the model and stop at the cycle limit (per-instruction flavour).
    const entry = c === InsnClass.Load && sc.load ? 'retireLoad' : c === InsnClass.Store && sc.store ? 'retireStore' : 'retire';
    const memAt = sc.memAt && (c === InsnClass.Load || c === InsnClass.Store);
    const call = memAt
      ? `tm.${c === InsnClass.Load ? 'retireLoadAt' : 'retireStoreAt'}(${o}, ${sameLine}, ${rdN}, ${rs1}, ${rs2}, r)`
      : `tm.${entry}(r)`;
    const retire = unit
      ? ''
      : `h.cycle += ${call}; h.instret++; if (h.cycle >= limit) { h.pc = ${nextE}; return ${k + 1}; } `;
    const jump = (isJalr: boolean): string =>
      sc.jumpAt ? `tm.retireJumpAt(${o}, ${sameLine}, ${rdN}, ${rs1}, ${rs2}, ${len}, ${isJalr}, r)` : 'tm.retire(r)';
    const operands = `a = xl[${rs1}]; ah = xh[${rs1}]; b = xl[${rs2}]; bh = xh[${rs2}]; `;
    // Plain ALU instructions under a model with retireAlu: no record at all.
    const aluRetire = `h.cycle += tm.retireAlu(${o}, ${rd === 32 ? 0 : rd}, ${rs1}, ${rs2}); h.instret++; if (h.cycle >= limit) { h.pc = ${nextE}; return ${k + 1}; } `;
    const plain = sc.alu && c === InsnClass.Alu;
    const inline = !unit && sc.inlineAlu && c === InsnClass.Alu;
    const aluInline = inline ? inlineAlu(o, rdN, rs1, rs2, sameLine, settled) + `h.instret++; if (h.cycle >= limit) { h.pc = ${nextE}; return ${k + 1}; } ` : '';
    if (rdN !== 0) {
      if (inline) settled.add(rdN);
      else settled.delete(rdN);
    }
    out.push(`// ${k}: op ${op} at +${o}`);
    let s = operands;
    if (op in BODY) {
      s += BODY[op].replace(/RD/g, String(rd)).replace(/IMM/g, `(${imm})`);
      s += unit ? '' : inline ? aluInline : plain ? aluRetire : recFields + retire;
      if (unit) pending++;
    } else if (op === Op.AUIPC) {
      s += `v = ${pcE} + (${imm}); xl[${rd}] = v | 0; xh[${rd}] = Math.floor(v / 4294967296) | 0; `;
      s += unit ? '' : inline ? aluInline : plain ? aluRetire : recFields + retire;
      if (unit) pending++;
    } else if (op in LOADS) {
      const L = LOADS[op];
      s += ADD64(`(${imm})`, `(${imm} >> 31)`);
      s += ` h.pc = ${pcE}; ${flush()}`;
      s += unit ? '' : `${memAt ? '' : recFields}r.memPaddr = -1; r.memIsMmio = false; r.loadSigned = ${L.signed || op === Op.LW}; `;
      s += `${ramTest(L.size, ramBase, ramSize)} { ${unit ? '' : ramRec(L.size, ramBase)}${ramRead(L.size)} } `;
      s += `else { if (!h.load(lo, hi, ${L.size})) return ${k + 1}; v = t[0]; vh = t[1]; } ${L.ext} xl[${rd}] = v; xh[${rd}] = vh; `;
      if (unit) {
        pending = 1;
        s += `if (h.attention) { h.pc = ${nextE}; ${add(1)}return ${k + 1}; } `;
      } else {
        s += retire + `if (h.attention) { h.pc = ${nextE}; return ${k + 1}; } `;
      }
    } else if (op in STORES) {
      s += ADD64(`(${imm})`, `(${imm} >> 31)`);
      s += ` h.pc = ${pcE}; ${flush()}`;
      s += unit ? '' : `${memAt ? '' : recFields}r.memPaddr = -1; r.memIsMmio = false; `;
      const size = STORES[op];
      s += `${ramTest(size, ramBase, ramSize)} { ${unit ? '' : ramRec(size, ramBase)}${ramWrite(size)} `;
      s += `if ((codeMark[v >>> 12] | bus.reservationCount) !== 0) h.storedToCode(v, ${size}); } `;
      s += `else if (!h.store(lo, hi, ${size}, b, bh)) return ${k + 1}; `;
      // A store to a page holding decoded code (maybe this block) drops the fetch cache.
      const leave = `if (h.attention || h.fetchVBase !== h.fetchVBase) { h.pc = ${nextE}; `;
      if (unit) {
        pending = 1;
        s += `${leave}${add(1)}return ${k + 1}; } `;
      } else {
        s += `${retire}${leave}return ${k + 1}; } `;
      }
    } else if (op in BRANCHES) {
      // Taken: leave the block (side exit). Not taken: carry on with the fall-through path.
      if (unit) {
        s += `if (${BRANCHES[op]}) { h.pc = ${pcE} + (${imm}); ${add(pending + 1)}return ${k + 1}; } `;
        pending++;
      } else if (sc.branchAt) {
        s += `tk = ${BRANCHES[op]}; h.pc = tk ? ${pcE} + (${imm}) : ${nextE}; `;
        s += `h.cycle += tm.retireBranchAt(${o}, ${sameLine}, ${rdN}, ${rs1}, ${rs2}, tk, ${imm}, ${len}); h.instret++; if (tk || h.cycle >= limit) return ${k + 1}; `;
      } else {
        s += `if (${BRANCHES[op]}) { h.pc = ${pcE} + (${imm}); r.taken = true; } else { h.pc = ${nextE}; r.taken = false; } `;
        s += `${recFields}r.nextPc = h.pc; h.cycle += tm.${sc.branch ? 'retireBranch' : 'retire'}(r); h.instret++; if (r.taken || h.cycle >= limit) return ${k + 1}; `;
      }
    } else if (op === Op.JAL) {
      s += `v = ${nextE}; xl[${rd}] = v | 0; xh[${rd}] = Math.floor(v / 4294967296) | 0; h.pc = ${pcE} + (${imm}); `;
      if (unit) pending++;
      else s += `${sc.jumpAt ? '' : recFields}r.nextPc = h.pc; h.cycle += ${jump(false)}; h.instret++; if (h.cycle >= limit) return ${k + 1}; `;
    } else {
      // JALR: a target beyond 2^53 is left to the interpreter (it retires, then faults).
      s += `lo = ((a + (${imm})) | 0) & ~1; hi = (ah + (${imm} >> 31) + ((a >>> 0) + (${imm} >>> 0) > 0xffffffff ? 1 : 0)) | 0; `;
      s += `if (!(hi >= -0x200000 && hi < 0x200000)) { h.pc = ${pcE}; ${add(pending)}return ${k}; } `;
      s += `v = ${nextE}; xl[${rd}] = v | 0; xh[${rd}] = Math.floor(v / 4294967296) | 0; h.pc = hi * 4294967296 + (lo >>> 0); `;
      if (unit) pending++;
      else s += `${sc.jumpAt ? '' : recFields}r.nextPc = h.pc; h.cycle += ${jump(true)}; h.instret++; `;
    }
    out.push(s);
    k++;
    idx += len >>> 1;
    if (op === Op.JAL) {
      // A direct jump within the page: the block continues at its target (offsets stay
      // page-relative, so pc0 + offset is still the right pc).
      const target = (idx - (len >>> 1)) * 2 + imm;
      if (unit && target >= 0 && target < 4096 && k < MAX_BLOCK) {
        idx = target >>> 1;
        continue;
      }
    }
    if (endsBlock(op) || (!unit && op in BRANCHES)) {
      out.push(`${flush()}return ${k};`);
      return compile(out, k, unit, sc);
    }
  }
  if (k === 0) return undefined;
  // Fell off the end (page end, length limit, or an op left to the interpreter).
  const nextO = idx * 2 - startIdx * 2;
  out.push(`h.pc = pc0 + ${nextO}; ${flush()}return ${k};`);
  return compile(out, k, unit, sc);
}

/**
 * The inline RAM path of a load/store (Hart.load/store's first case): Bare translation, the
 * address's high word 0, naturally aligned, inside RAM. Leaves the RAM offset in v.
 */
function ramTest(size: number, ramBase: number, ramSize: number): string {
  return `v = (lo >>> 0) - ${ramBase}; if (h.dataBare && hi === 0 && v >= 0 && v <= ${ramSize - size} && (v & ${size - 1}) === 0)`;
}

/** The record fields Hart.load/store set for a RAM access (per-instruction timing only). */
function ramRec(size: number, ramBase: number): string {
  return `r.memPaddr = v + ${ramBase}; r.memVaddr = lo >>> 0; r.memWidth = ${size}; `;
}

function ramRead(size: number): string {
  switch (size) {
    case 8: return 'vh = m32[(v >>> 2) + 1]; v = m32[v >>> 2];';
    case 4: return 'v = m32[v >>> 2]; vh = 0;';
    case 2: return 'v = m16[v >>> 1]; vh = 0;';
    default: return 'v = m8[v]; vh = 0;';
  }
}

function ramWrite(size: number): string {
  switch (size) {
    case 8: return 'm32[v >>> 2] = b; m32[(v >>> 2) + 1] = bh;';
    case 4: return 'm32[v >>> 2] = b;';
    case 2: return 'm16[v >>> 1] = b;';
    default: return 'm8[v] = b;';
  }
}

/**
 * The Alu-class timing of RocketTimingModel.retire(), generated (see TimingModel.now):
 * issue at s = max(now + fetch penalty, ready[rs1], ready[rs2]); ready[rd] = s + 1; now = s + 1.
 * The fetch penalty is 0 without a call when the previous instruction of the block was fetched
 * from the same line; settled registers need no interlock test. Leaves the cycles in h.cycle.
 */
function inlineAlu(o: number, rd: number, rs1: number, rs2: number, sameLine: boolean, settled: Set<number>): string {
  let s = `n = tm.now; u = n${sameLine ? '' : ` + tm.fetchAt(${o})`}; s = u; `;
  let tests = 0;
  for (const rs of [rs1, rs2]) {
    if (rs === 0 || settled.has(rs)) continue;
    s += `q = rdy[${rs}]; if (q > s) s = q; `;
    tests++;
  }
  if (tests > 0) s += `ev[${TimingEvent.OperandStall}] += s - u; `;
  if (rd !== 0) s += `rdy[${rd}] = s + 1; `;
  return `${s}tm.now = s + 1; h.cycle += s + 1 - n; `;
}

function compile(lines: string[], len: number, unit: boolean, sc: ModelShortcuts): Block {
  let head = unit ? 'const pc0 = h.pc;' : 'const pc0 = h.pc, fp0 = h.fetchPBase + (pc0 - h.fetchVBase), limit = h.runLimit;';
  if (!unit && (sc.alu || sc.inlineAlu || sc.branchAt || sc.memAt)) head += ' tm.blockBase(pc0, fp0);';
  if (!unit && sc.inlineAlu) head += ' const rdy = tm.ready, ev = tm.events;';
  const body = `${head}\nlet a = 0, ah = 0, b = 0, bh = 0, lo = 0, hi = 0, v = 0, vh = 0, n = 0, u = 0, s = 0, q = 0, tk = false;\n${lines.join('\n')}`;
  // eslint-disable-next-line @typescript-eslint/no-implied-eval
  const fn = new Function('h', 'xl', 'xh', 'r', 'tm', 't', 'm8', 'm16', 'm32', 'codeMark', 'bus', body) as BlockFn;
  return new Block(fn, len);
}
