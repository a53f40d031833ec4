/**
 * Rocket's branch predictor as seen from retired instructions: a fully associative BTB (pc →
 * target, LRU), a BHT of saturating counters indexed by pc and hashed global history, and a
 * return address stack. Each predict* method returns the extra cycles of the control-flow
 * instruction and trains the structures with the actual outcome.
 *
 * A conditional branch is predicted taken only when it hits in the BTB and its BHT counter is
 * in the upper half (a BTB miss predicts fall-through, as the Rocket frontend does); the BTB
 * learns a branch when it is first taken.
 */
import { ExactAssocTable } from './assoc';
import type { TimingProfile } from './profile';

/** Outcome of the last prediction, for the event counters. */
export const enum PredictOutcome {
  Correct = 0,
  Mispredict = 1,
  BtbMissBubble = 2,
}

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

/** The link registers of the return-address hints; a const enum, as PcKey. */
const enum LinkReg { RA = 1, T0 = 5 }
const isLink = (r: number): boolean => r === LinkReg.RA || r === LinkReg.T0;

/** Slots of BranchPredictor.rasState. */
export const enum RasSlot {
  /** The slot of the RAS's top entry. */
  Pos = 0,
  /** Valid entries (at most rasEntries). */
  Count = 1,
}

/**
 * The state is kept in typed arrays, public for the Rocket model's generated code, which does
 * the common cases of the three methods inline (rocket-code.ts); nothing else may write them.
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
  private readonly mispredict: number;
  private readonly bubble: number;
  outcome: PredictOutcome = PredictOutcome.Correct;

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
    // tabulate (see bhtIndex()); longer ones compute it per branch.
    this.histIndex = new Int32Array(p.bhtHistoryLength <= 16 ? 1 << p.bhtHistoryLength : 0);
    for (let h = 0; h < this.histIndex.length; h++) this.histIndex[h] = this.histPart(h);
    this.ras = new Float64Array(Math.max(1, p.rasEntries));
    this.mispredict = p.mispredictCycles;
    this.bubble = p.btbMissJumpCycles;
    this.rasSize = p.rasEntries;
  }

  readonly rasSize: number;

  /**
   * BHT index (Rocket BHT.index): with hi = pc >> 2 (4-byte fetch packets),
   *   addrHash = hi[n-1:0] ^ hi[n+1:n]            (n = log2 bhtEntries)
   *   histHash = (hashMul · history)[L-1 : L-h]   (L = history length, h = hash bits)
   *   index    = addrHash ^ (histHash << (n − h))
   * When h = L the history is used unhashed.
   */
  bhtIndex(pc: number): number {
    return this.indexOfKey(pc - PcKey.BIAS);
  }

  private indexOfKey(key: number): number {
    const hi = (key + PcKey.BIAS) >>> 2;
    const addrHash = (hi & this.bhtMask) ^ ((hi >>> this.idxBits) & 3);
    const history = this.history[0];
    const hist = this.histIndex.length > 0 ? this.histIndex[history] : this.histPart(history);
    return (addrHash ^ hist) & this.bhtMask;
  }

  /** histHash << (n − h) for history value `h` (see bhtIndex()). */
  private histPart(history: number): number {
    let histHash = history;
    if (this.hashBits !== this.histLen) {
      histHash = (Math.imul(this.hashMul, history) >>> (this.histLen - this.hashBits)) & ((1 << this.hashBits) - 1);
    }
    return histHash << (this.idxBits - this.hashBits);
  }

  /** A conditional branch (pc and target as keys); returns its extra cycles. */
  branch(pc: number, takenArg: boolean, target: number): number {
    // (Compared once: a parameter's truthiness is V8's generic ToBoolean at each use, see
    // Hart.enterTrap.)
    const taken = takenArg === true;
    const idx = this.indexOfKey(pc);
    const hit = this.btb.lookup(pc) >= 0;
    const c = this.bht[idx];
    const predictedTaken = hit && c >= this.takenThreshold;
    if (taken) {
      if (c < this.counterMax) this.bht[idx] = c + 1;
      if (!hit) this.btbTarget[this.btb.insert(pc)] = target;
    } else if (c > 0) {
      this.bht[idx] = c - 1;
    }
    // Rocket shifts the newest outcome in at the top of the history register.
    if (this.histLen > 0) this.history[0] = ((this.history[0] >>> 1) | ((taken ? 1 : 0) << (this.histLen - 1))) & this.histMask;
    this.outcome = predictedTaken === taken ? PredictOutcome.Correct : PredictOutcome.Mispredict;
    return predictedTaken === taken ? 0 : this.mispredict;
  }

  /** JAL (addresses as keys): a BTB hit is free, a miss costs a frontend bubble (predecode redirect). */
  jal(pc: number, rd: number, linkPc: number, target: number): number {
    if (isLink(rd)) this.push(linkPc);
    return this.jalBtb(pc, target);
  }

  /** The BTB part of jal() (after the link push): a hit is free, a miss costs a bubble. */
  jalBtb(pc: number, target: number): number {
    if (this.btb.lookup(pc) >= 0) {
      this.outcome = PredictOutcome.Correct;
      return 0;
    }
    this.btbTarget[this.btb.insert(pc)] = target;
    this.outcome = PredictOutcome.BtbMissBubble;
    return this.bubble;
  }

  /**
   * JALR (addresses as keys), classified by the RISC-V hint convention (unprivileged spec, Table "Return-address
   * stack prediction hints"): rs1 ∈ {ra, t0} and rd not a link register → return (pop);
   * rd a link register → call (push), and when rs1 is a different link register also pop first.
   * A return is predicted from the RAS (or the BTB target when the RAS is empty); other JALRs
   * from the BTB target.
   */
  jalr(pc: number, rd: number, rs1: number, linkPc: number, target: number): number {
    const slot = this.btb.lookup(pc);
    const isReturn = isLink(rs1) && (!isLink(rd) || rd !== rs1);
    let predicted = slot >= 0 ? this.btbTarget[slot] : NaN;
    if (isReturn) {
      const top = this.pop();
      if (!Number.isNaN(top)) predicted = top;
    }
    if (isLink(rd)) this.push(linkPc);
    if (slot < 0) this.btbTarget[this.btb.insert(pc)] = target;
    else this.btbTarget[slot] = target;
    if (predicted !== target) {
      this.outcome = PredictOutcome.Mispredict;
      return this.mispredict;
    }
    // A return whose target the RAS knew but whose pc missed the BTB: one bubble.
    this.outcome = slot < 0 ? PredictOutcome.BtbMissBubble : PredictOutcome.Correct;
    return slot < 0 ? this.bubble : 0;
  }

  private push(addr: number): void {
    if (this.rasSize === 0) return;
    const st = this.rasState;
    const pos = st[RasSlot.Pos] + 1 === this.rasSize ? 0 : st[RasSlot.Pos] + 1; // no `%`: a division
    st[RasSlot.Pos] = pos;
    this.ras[pos] = addr;
    if (st[RasSlot.Count] < this.rasSize) st[RasSlot.Count]++;
  }

  /** Pops the RAS; NaN when empty (Rocket then falls back to the BTB target). */
  private pop(): number {
    const st = this.rasState;
    if (st[RasSlot.Count] === 0) return NaN;
    const pos = st[RasSlot.Pos];
    st[RasSlot.Count]--;
    st[RasSlot.Pos] = pos === 0 ? this.rasSize - 1 : pos - 1;
    const v = this.ras[pos];
    return v;
  }

  reset(): void {
    this.btb.clear();
    this.btbTarget.fill(0);
    this.bht.fill(0);
    this.history[0] = 0;
    this.ras.fill(0);
    this.rasState.fill(0);
    this.outcome = PredictOutcome.Correct;
  }
}
