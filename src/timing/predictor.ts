/**
 * Rocket's branch predictor as seen from retired instructions: a fully associative BTB (pc →
 * target, LRU), a BHT of saturating counters indexed by pc and hashed global history, and a
 * return address stack. The cost of a branch or jump is its extra cycles, and each one trains
 * the structures with its actual outcome.
 *
 * A conditional branch is predicted taken only when it hits in the BTB and its BHT counter is
 * in the upper half (a BTB miss predicts fall-through, as the Rocket frontend does); the BTB
 * learns a branch when it is first taken.
 *
 * The rules are written once, as code (PredictorCode below): the Rocket model places that code
 * in translated blocks and in its predictRecord(r) (rocket-code.ts), and this class's branch(),
 * jal(), jalr() and bhtIndex() are functions made from the same code, with the pc and operands
 * as parameters. The state is plain data in typed arrays, which that code reads and writes.
 */
import { ExactAssocTable, Index } from './assoc';
import { TIMING_EVENT_COUNT, TimingEvent } from './events';
import { LruEnd } from './lru';
import type { TimingProfile } from './profile';
import { FunctionCache } from './timing-code';

/**
 * The predictor works on pc keys, key = pc − 2^31, and so do its tables: for code in the usual
 * RAM window (0x8000_0000 onwards) a key is a small integer, which crosses a call V8 does not
 * inline without being boxed into a heap number (a pc there would be, on every branch).
 */
export const enum PcKey {
  /** 2^31; a const enum member so that the bundle has the number written in (see Ms, src/csr/csrfile.ts). */
  BIAS = 0x80000000,
}
export const pcKey = (pc: number): number => pc - PcKey.BIAS;

/** Slots of BranchPredictor.rasState. */
export const enum RasSlot {
  /** The slot of the RAS's top entry. */
  Pos = 0,
  /** Valid entries (at most rasEntries). */
  Count = 1,
}

/**
 * The state is kept in typed arrays, public for the code PredictorCode writes (placed by the
 * Rocket model's generated code, rocket-code.ts); nothing else may write them.
 */
export class BranchPredictor {
  readonly btb: ExactAssocTable;
  readonly btbTarget: Float64Array;
  readonly bht: Uint8Array;
  readonly bhtMask: number;
  readonly idxBits: number;
  readonly counterMax: number;
  readonly takenThreshold: number;
  readonly histLen: number;
  readonly histMask: number;
  private readonly hashBits: number;
  private readonly hashMul: number;
  /** The global history register, in slot 0 (an Int32Array: generated code updates it). */
  readonly history = new Int32Array(1);
  /** The history's part of the BHT index per history value (empty when the history is too long to tabulate). */
  readonly histIndex: Int32Array;
  readonly ras: Float64Array;
  /** RasSlot.Pos and RasSlot.Count. */
  readonly rasState = new Int32Array(2);
  readonly rasSize: number;
  /** Extra cycles of a mispredicted branch or jump, and of a jump that misses the BTB (a bubble). */
  readonly mispredictCycles: number;
  readonly btbMissJumpCycles: number;
  /**
   * The events (TimingEvent) of the calls of branch(), jal() and jalr(); the Rocket model's
   * generated code counts into the model's own array instead.
   */
  readonly events = new Float64Array(TIMING_EVENT_COUNT);
  /** histPart() as a function value, for generated code (histories too long to tabulate). */
  readonly histPartOf = (history: number): number => this.histPart(history);
  /** branch(), jal(), jalr() and bhtIndex(), made from PredictorCode when first called. */
  private direct: DirectCalls | undefined;

  constructor(p: TimingProfile) {
    this.btb = new ExactAssocTable(p.btbEntries);
    this.btbTarget = new Float64Array(p.btbEntries);
    this.bht = new Uint8Array(p.bhtEntries);
    this.bhtMask = p.bhtEntries - 1;
    this.idxBits = Math.log2(p.bhtEntries);
    this.counterMax = (1 << p.bhtCounterBits) - 1;
    this.takenThreshold = 1 << (p.bhtCounterBits - 1);
    this.histLen = p.bhtHistoryLength;
    this.histMask = (1 << p.bhtHistoryLength) - 1;
    this.hashBits = p.bhtHistoryHashBits;
    // Rocket: floor(sqrt(3)/2 · 2^historyLength), a multiplicative hash of the history.
    this.hashMul = Math.floor((Math.sqrt(3) / 2) * 2 ** p.bhtHistoryLength);
    // The history's part of the index per history value, for histories short enough to
    // tabulate (see PredictorCode.bhtIndex()); longer ones compute it per branch.
    this.histIndex = new Int32Array(p.bhtHistoryLength <= 16 ? 1 << p.bhtHistoryLength : 0);
    for (let h = 0; h < this.histIndex.length; h++) this.histIndex[h] = this.histPart(h);
    this.ras = new Float64Array(Math.max(1, p.rasEntries));
    this.rasSize = p.rasEntries;
    this.mispredictCycles = p.mispredictCycles;
    this.btbMissJumpCycles = p.btbMissJumpCycles;
  }

  /**
   * The history's part of the BHT index (Rocket BHT.index) for history value `history`:
   *   histHash = (hashMul · history)[L-1 : L-h]   (L = history length, h = hash bits)
   *   part     = histHash << (n − h)              (n = log2 bhtEntries)
   * When h = L the history is used unhashed. (PredictorCode.bhtIndex() gives the whole index.)
   */
  histPart(history: number): number {
    let histHash = history;
    if (this.hashBits !== this.histLen) {
      histHash = (Math.imul(this.hashMul, history) >>> (this.histLen - this.hashBits)) & ((1 << this.hashBits) - 1);
    }
    return histHash << (this.idxBits - this.hashBits);
  }

  /** The BHT index of the branch at `pc` with the current history (PredictorCode.bhtIndex()). */
  bhtIndex(pc: number): number {
    return this.directCalls().bhtIndex(pc);
  }

  /** A conditional branch (pc and target as keys): returns its extra cycles (PredictorCode.branch()). */
  branch(pc: number, taken: boolean, target: number): number {
    return this.directCalls().branch(pc, taken, target);
  }

  /** A JAL (pc, link and target as keys; rd its destination): returns its extra cycles (PredictorCode.jal()). */
  jal(pc: number, rd: number, linkPc: number, target: number): number {
    return this.directCalls().jal(pc, rd, linkPc, target);
  }

  /** A JALR (pc, link and target as keys; rd, rs1 its registers): returns its extra cycles (PredictorCode.jalr()). */
  jalr(pc: number, rd: number, rs1: number, linkPc: number, target: number): number {
    return this.directCalls().jalr(pc, rd, rs1, linkPc, target);
  }

  private directCalls(): DirectCalls {
    if (this.direct === undefined) this.direct = makeDirectCalls(this);
    return this.direct;
  }

  reset(): void {
    this.btb.clear();
    this.btbTarget.fill(0);
    this.bht.fill(0);
    this.history[0] = 0;
    this.ras.fill(0);
    this.rasState.fill(0);
    this.events.fill(0);
  }
}

/** Where the predictor's code finds a branch's or jump's pc. */
export interface PredictorPc {
  /** The pc key (PcKey: pc − 2^31), an expression. */
  readonly key: string;
  /** The pc, an expression (read after the key, so it may use pk). */
  readonly pc: string;
  /** The key of the pc `len` bytes on (the link of a call), an expression (may use pk). */
  linkKey(len: number | string): string;
}

/**
 * The predictor's rules, as code over its typed arrays: a conditional branch, a JAL and a JALR
 * each leave their extra cycles in `ctl` and count their event in `ev` (TimingEvent), which the
 * surrounding function defines, together with the bindings() and the LOCALS. A branch's code
 * reads its outcome from the boolean `tk`.
 *
 * Only the BTB's rare cases call out, into the table's own operations (ExactAssocTable): a
 * lookup whose bucket holds two live keys, neither at its hint, scans (lookup()); an insert
 * whose victim is its old bucket's hint while that bucket keeps another live key must find a
 * new hint (insert()). Everything else is inline: a call from a translated block costs far more
 * than the work (V8 saves every live value around it; docs/performance-log.md, "wt/rdy").
 *
 * Locals: pk the pc key, pb its BTB bucket, ps the slot at the bucket's hint, then the pc's slot
 * (the BTB holds pk there when ph) or the slot an insert chose; pv and pi values of the moment
 * (the BHT counter and its index, a jump's predicted target), pw, pt and po scratch.
 */
export class PredictorCode {
  static readonly LOCALS = 'let pk = 0, pb = 0, ps = 0, ph = false, pv = 0, pi = 0, pw = 0, pt = 0, po = 0;';

  constructor(private readonly bp: BranchPredictor) {}

  /** The names the code refers to (besides `ev`, `tk` and the locals). */
  bindings(): Record<string, unknown> {
    const bp = this.bp;
    return {
      bt: bp.btb, btk: bp.btb.key, bth: bp.btb.hint, btc: bp.btb.count, btt: bp.btbTarget,
      btv: bp.btb.valid, lrp: bp.btb.lru.prev, lrn: bp.btb.lru.next, lre: bp.btb.lru.ends,
      bht: bp.bht, bhx: bp.histIndex, bhp: bp.histPartOf, bhs: bp.history, ras: bp.ras, rss: bp.rasState,
    };
  }

  /**
   * A conditional branch whose taken target's key is `targetKey` (an expression; may use pk).
   * Predicted taken: a BTB hit whose BHT counter is in the upper half. A taken branch counts
   * up and, on a BTB miss, enters the BTB with its target; a not-taken one counts down. The
   * outcome is shifted into the history at the top. Mispredicted: mispredictCycles.
   */
  branch(at: PredictorPc, targetKey: string): string {
    const bp = this.bp;
    // The BHT index from the history before this branch, its counter pv.
    let code = `${this.btbLookup(at)}${this.bhtIndex(at.pc)}pv = bht[pi]; `;
    code += `if (tk) { if (pv < ${bp.counterMax}) bht[pi] = pv + 1; if (!ph) { ${this.btbInsert()}btt[ps] = ${targetKey}; } } else if (pv > 0) bht[pi] = pv - 1; `;
    // The slot found (ph) or inserted (taken and not found) becomes the most recently used.
    code += `if (ph || tk) ${this.btbTouch()}`;
    // Rocket shifts the newest outcome in at the top of the history register.
    if (bp.histLen > 0) code += `bhs[0] = ((bhs[0] >>> 1) | (tk ? ${1 << (bp.histLen - 1)} : 0)) & ${bp.histMask}; `;
    code += `if ((ph && pv >= ${bp.takenThreshold}) !== tk) { ctl = ${bp.mispredictCycles}; ev[${TimingEvent.BranchMispredict}]++; } else ctl = 0; `;
    return code;
  }

  /**
   * A JAL with destination `rd` (a number or an expression), `len` bytes long, to `targetKey`:
   * the link pushed on the RAS when rd is a link register; a BTB hit is free, a miss enters the
   * BTB at the cost of a bubble (the predecoder's redirect).
   */
  jal(at: PredictorPc, rd: number | string, len: number | string, targetKey: string): string {
    const push = this.ifLink(rd, this.rasPush(at.linkKey(len)));
    return `${this.btbLookup(at)}${push}if (ph) ctl = 0; ` +
      `else { ${this.btbInsert()}btt[ps] = ${targetKey}; ctl = ${this.bp.btbMissJumpCycles}; ev[${TimingEvent.BtbMissBubble}]++; } ${this.btbTouch()}`;
  }

  /**
   * A JALR with registers `rd` and `rs1`, `len` bytes long, to `targetKey`, classified by the
   * RISC-V hint convention (unprivileged spec, Table "Return-address stack prediction hints"):
   * rs1 ∈ {ra, t0} and rd not the same register → return (pop); rd a link register → call
   * (push), after the pop of a return. A return is predicted from the RAS (or the BTB target
   * when the RAS is empty), other JALRs from the BTB target; the BTB learns the real target
   * (a miss enters the pc). Mispredicted: mispredictCycles; predicted right but missing the
   * BTB (a return the RAS knew): a bubble.
   */
  jalr(at: PredictorPc, rd: number | string, rs1: number | string, len: number | string, targetKey: string): string {
    const n = this.bp.rasSize;
    let code = `${this.btbLookup(at)}pv = ph ? btt[ps] : NaN; `;
    // A return pops the RAS: the predicted target, unless the RAS is empty.
    const pop = n > 0 ? `if (rss[${RasSlot.Count}] !== 0) { pw = rss[${RasSlot.Pos}]; rss[${RasSlot.Count}]--; rss[${RasSlot.Pos}] = pw === 0 ? ${n - 1} : pw - 1; pv = ras[pw]; } ` : '';
    if (typeof rs1 === 'number' && typeof rd === 'number') {
      if (isLink(rs1) && rd !== rs1) code += pop;
    } else if (pop !== '') code += `if ((${rs1} === ${LinkReg.RA} || ${rs1} === ${LinkReg.T0}) && ${rd} !== ${rs1}) { ${pop}} `;
    code += this.ifLink(rd, this.rasPush(at.linkKey(len)));
    code += `if (!ph) { ${this.btbInsert()}} ${this.btbTouch()}pw = ${targetKey}; btt[ps] = pw; `;
    code += `if (pv !== pw) { ctl = ${this.bp.mispredictCycles}; ev[${TimingEvent.JumpMispredict}]++; } `;
    code += `else if (!ph) { ctl = ${this.bp.btbMissJumpCycles}; ev[${TimingEvent.BtbMissBubble}]++; } else ctl = 0; `;
    return code;
  }

  /**
   * pi = the BHT index of the branch at `pc` (an expression) with the current history (Rocket
   * BHT.index; uses pv): with hi = pc >> 2 (4-byte fetch packets) and n = log2 bhtEntries,
   *   index = hi[n-1:0] ^ hi[n+1:n] ^ BranchPredictor.histPart(history)
   */
  bhtIndex(pc: string): string {
    const bp = this.bp;
    const mask = bp.bhtMask;
    const hist = bp.histIndex.length > 0 ? 'bhx[bhs[0]]' : 'bhp(bhs[0])';
    return `pv = (${pc}) >>> 2; pi = ((pv & ${mask}) ^ ((pv >>> ${bp.idxBits}) & 3) ^ ${hist}) & ${mask}; `;
  }

  /**
   * pk, pb, ps and ph of the pc `at` (ExactAssocTable.lookup()): a key at its bucket's hint is
   * a hit, a bucket with no other live key a miss, else the table scans. A hit found at the
   * hint is not yet marked most recently used: the caller's code does that once, after its
   * insert if it makes one (btbTouch(): the code for both paths written once, which makes a
   * block's code smaller). Nothing reads the LRU order in between but an insert, which is
   * made only on a miss.
   */
  private btbLookup(at: PredictorPc): string {
    return `pk = ${at.key}; pb = ${bucketOf('pk')}; ps = bth[pb]; ` +
      'if (btk[ps] === pk) ph = true; else if (btc[pb] > 1) { ps = bt.lookup(pk); ph = ps >= 0; } else ph = false; ';
  }

  /**
   * Marks BTB slot ps most recently used (LruOrder.touch(); uses pt and pw). A slot the table's
   * own lookup() or insert() returned is already the most recently used: nothing to do.
   */
  private btbTouch(): string {
    const H = LruEnd.Head;
    return `if (ps !== lre[${H}]) { pt = lrp[ps]; pw = lrn[ps]; lrn[pt] = pw; if (pw >= 0) lrp[pw] = pt; else lre[${LruEnd.Tail}] = pt; ` +
      `lrp[ps] = -1; lrn[ps] = lre[${H}]; lrp[lre[${H}]] = ps; lre[${H}] = ps; } `;
  }

  /**
   * Inserts pk (not present) into the BTB, its slot left in ps (ExactAssocTable.insert()), to
   * be marked most recently used by the caller's btbTouch(). The victim pw is the least
   * recently used slot and po its old bucket; when that bucket keeps another live key and the
   * victim was its hint, the table finds it a new hint.
   */
  private btbInsert(): string {
    return `pw = lre[${LruEnd.Tail}]; po = ${bucketOf('btk[pw]')}; if (btv[pw] === 1 && btc[po] > 1 && bth[po] === pw) ps = bt.insert(pk); ` +
      'else { ps = pw; if (btv[ps] === 1) btc[po]--; btk[ps] = pk; btv[ps] = 1; btc[pb]++; bth[pb] = ps; } ';
  }

  /** Pushes `key` (an expression) on the RAS (uses pw). */
  private rasPush(key: string): string {
    const n = this.bp.rasSize;
    if (n === 0) return '';
    const P = RasSlot.Pos;
    const C = RasSlot.Count;
    // (No `%`: a division.)
    return `pw = rss[${P}] + 1 === ${n} ? 0 : rss[${P}] + 1; rss[${P}] = pw; ras[pw] = ${key}; if (rss[${C}] < ${n}) rss[${C}]++; `;
  }

  /** `code` when register `rd` is a link register (x1, x5): none, the code, or a test when rd is an expression. */
  private ifLink(rd: number | string, code: string): string {
    if (code === '') return '';
    if (typeof rd === 'number') return isLink(rd) ? code : '';
    return `if (${rd} === ${LinkReg.RA} || ${rd} === ${LinkReg.T0}) { ${code}} `;
  }
}

/** The link registers of the return-address hints; a const enum, as PcKey. */
const enum LinkReg { RA = 1, T0 = 5 }
const isLink = (r: number): boolean => r === LinkReg.RA || r === LinkReg.T0;

/** The BTB bucket of key `k`, an expression (ExactAssocTable's bucketOf()). */
const bucketOf = (k: string): string => `((${k} | 0) >> 1) & ${Index.BUCKETS - 1}`;

interface DirectCalls {
  bhtIndex(pc: number): number;
  branch(key: number, taken: boolean, target: number): number;
  jal(key: number, rd: number, link: number, target: number): number;
  jalr(key: number, rd: number, rs1: number, link: number, target: number): number;
}

/** Functions by source, shared by the predictors of one profile. */
const directCache = new FunctionCache();

/** BranchPredictor's methods, made from PredictorCode with the pc, operands and targets as parameters. */
function makeDirectCalls(bp: BranchPredictor): DirectCalls {
  const code = new PredictorCode(bp);
  const bound = { ...code.bindings(), ev: bp.events };
  const at: PredictorPc = { key: 'key', pc: `pk + ${PcKey.BIAS}`, linkKey: () => 'link' };
  const make = <F>(name: string, params: string, body: string): F =>
    directCache.make<F>(name, params, `${PredictorCode.LOCALS} let ctl = 0;\n${body}\nreturn ctl;`, bound);
  return {
    bhtIndex: directCache.make('bhtIndex', 'pc', `let pv = 0, pi = 0; ${code.bhtIndex('pc')}return pi;`, bound),
    // (Compared once: a parameter's truthiness is V8's generic ToBoolean at each use, see Hart.enterTrap.)
    branch: make('branch', 'key, taken, target', `const tk = taken === true; ${code.branch(at, 'target')}`),
    jal: make('jal', 'key, rd, link, target', code.jal(at, 'rd', 0, 'target')),
    jalr: make('jalr', 'key, rd, rs1, link, target', code.jalr(at, 'rd', 'rs1', 0, 'target')),
  };
}
