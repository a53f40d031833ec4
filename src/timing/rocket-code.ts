/**
 * The Rocket model's cost of every instruction class, as code (contract: timing-code.ts). The
 * model's time is `now`, the cycle at which the next instruction could issue, kept in a local
 * of the generated function and written back by sync(); per register, rdy[r] is the cycle from
 * which a consumer can issue. An instruction
 *
 *   issue   u = now + fetch penalty;  s = max(u, rdy[rs1], rdy[rs2])   (stall cycles: st)
 *   finish  rdy[rd] = s + mem + latency;  now = s + 1 + mem + ctl
 *
 * where `mem` is the D-side penalty (D-TLB walk, D$ miss, dirty write-back, MMIO: it blocks the
 * pipeline and delays the loaded value) and `ctl` the control penalty (mispredict, BTB-miss
 * bubble, flush, xRET). docs/timing.md gives every rule and its source.
 *
 * The same code serves the interpreter (fields are variables), translated blocks (fields are
 * constants) and the model's retire(record). In a block what is static is decided once:
 *   - fetch: skipped without a test when the instruction before it in the block was fetched from
 *     the same I$ line; otherwise skipped when this fetch site fetched since the I$ last changed
 *     (the model's fetchEpoch: with Bare fetch, a line fetched and not evicted since is a hit
 *     that changes no state; a new block's site whose line is held counts as fetched) or when
 *     the model's last fetch was this very line; else a call;
 *   - interlocks: no test for a register last written in the block by an ALU instruction or a
 *     JAL (ready at its issue + 1, never later than the next issue);
 *   - the latency constants of the profile are written in.
 * Elsewhere the fetch is skipped when the model's last fetch was the same line (a hit that
 * changes nothing), and every interlock is tested.
 *
 * What is dynamic stays a call into the model, but only on its slow path: the D-TLB entry used
 * last, the D$ slot the line's set found last (CacheModel.mru) and the D$ line touched before
 * the last one are tested inline (a hit there changes nothing but the dirty bit: the D$
 * replaces at random, it keeps no LRU state), another line of RAM calls dataLine(), anything
 * else dataOf() (in a block through blockDataOf(); retire(record) does
 * the same for an access the record gives as not MMIO, below 4 GiB); in a block the
 * predictor's work for a branch or jump is its rules' code (PredictorCode, predictor.ts) over
 * its typed arrays, calling the BTB's table only when a lookup must scan or an insert must
 * repair a bucket's hint (in retire(record), a call of predictRecord(r), made from the same
 * code); the multiplier/divider latency is a call per M-extension operation, and each system
 * class (CSR write, fence.i, sfence.vma, xRET, wfi) a call.
 */
import { TimingEvent } from './events';
import { InsnClass, type RetireRecord } from './record';
import { HartSlot, type TimingCode, type TimingSite, type TimingWriter } from './timing-code';
import type { TimingProfile } from './profile';
import { Csr } from '../csr/table';
import { PcKey, PredictorCode, type BranchPredictor, type PredictorPc } from './predictor';

const isPow2 = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/** Page-table levels a walk may read at most (the model's PTE buffer). */
const MAX_WALK_READS = 8;

/**
 * An upper bound of the cycles one instruction can take: fetch penalty (I-TLB walk, I$ miss),
 * interlock on a source (at most the longest memory penalty plus the longest latency any
 * instruction publishes, the divider's included), the D-side penalty, the control penalty and
 * one cycle.
 */
export function rocketMaxInsnCycles(p: TimingProfile): number {
  const mem = p.memoryLatency + p.dirtyWritebackCycles;
  const walk = p.tlbMissCycles + MAX_WALK_READS * (Math.max(p.ptwAccessCycles, 0) + mem + p.pteCacheHitCycles);
  const fetch = walk + p.memoryLatency;
  const data = walk + Math.max(mem, p.mmioLatency);
  const mulDiv = 64 / p.mulBitsPerCycle + 70; // mulLatency ≤ 64/u + 1, divLatency ≤ 68, + 1 each
  const lat = Math.max(p.loadWordLatency, p.loadSubwordLatency, p.scLatency, p.csrReadLatency, p.jalrLinkLatency, 1, mulDiv);
  const ctl = Math.max(p.mispredictCycles, p.btbMissJumpCycles, p.flushCycles, p.csrWriteFlushCycles, p.xretCycles);
  return Math.ceil(fetch + data + lat + data + ctl + 1);
}

/**
 * Slots of the model's `tf` array: its doubles that generated code reads and writes (kept in a
 * Float64Array for the reason of HartSlot).
 */
export const enum RocketSlot {
  /** The cycle at which the next instruction could issue if nothing stalled it. */
  Now = 0,
  /** Virtual pc and physical fetch address that fetchAt() counts from. */
  BasePc = 1,
  BasePa = 2,
  /** The I$ line fetched last (NaN when forgotten), and the fetch epoch (see RocketTimingModel). */
  LastFetchV = 3,
  LastFetchP = 4,
  FetchEpoch = 5,
  /** The cycle from which the multiplier/divider accepts a new operation. */
  MulFree = 6,
  Count = 7,
}

/** The model state generated code reads through bindings (fixed for the model's life). */
export interface RocketCodeState {
  readonly tf: Float64Array;
  readonly ready: Float64Array;
  readonly events: Float64Array;
  readonly dcache: { readonly dirty: Uint8Array; readonly tags: Float64Array; readonly mru: Int32Array; readonly setMask: number };
  readonly dtlb: { readonly lastF64: Float64Array };
  readonly bp: BranchPredictor;
  /** dataOf() of a block's access (RocketTimingModel.blockDataOf()). */
  blockDataOf(r: RetireRecord, ma: number, ramBase: number, lo: number, hi: number, write: boolean): number;
  /** The fetch epoch if fetching physical address `pa` now changes no state, else NaN (RocketTimingModel). */
  heldFetchEpoch(pa: number): number;
  /** A write to CSR `num` flushes the pipeline (the profile does not list it as a no-flush CSR). */
  flushesOnWrite(num: number): boolean;
}

export class RocketTimingCode implements TimingCode {
  readonly maxInsnCycles: number;
  /** Measured: 24 against 48 is ~30 % faster on sort and chase, the same on dhry. */
  readonly maxBlock = 24;
  /**
   * A Rocket block's inline timing makes it several times the code of an ideal one; V8's
   * optimising compiler takes ~10-20 ms for one, the time of tens of thousands of interpreted
   * instructions. OpenSBI's boot (docs/performance-log.md) is slower with a lower entry count. A
   * loop's head is translated after 64 rounds: once the run loop no longer deoptimised itself
   * (2026-12-06), OpenSBI's boot was no slower with it, and short benchmark loops much faster.
   */
  readonly translateAfter = 8192;
  readonly loopTranslateAfter = 64;
  constructor(private readonly p: TimingProfile, private readonly model: RocketCodeState) {
    this.maxInsnCycles = rocketMaxInsnCycles(p);
  }

  writer(ramBase: number, pagePa = NaN): TimingWriter {
    return new RocketWriter(this.p, ramBase, this.model, pagePa);
  }

  /** The body and bindings of the model's predictRecord(r) (RocketWriter.recordPredictorBody). */
  recordPredictor(): { body: string; bindings: Record<string, unknown> } {
    const w = new RocketWriter(this.p, 0, this.model, NaN);
    return { body: w.recordPredictorBody(), bindings: w.bindings() };
  }
}

class RocketWriter implements TimingWriter {
  private readonly iLine: number;
  /** D$ line of RAM offset ma is (ma >>> dShift) + dBase; dShift < 0: always call dataOf(). */
  private readonly dShift: number;
  private readonly dBase: number;
  /** Page-relative I$ line of the previous instruction of a block (-1: none yet). */
  private prevLine = -1;
  /** Page offsets of the I$ lines of the fetch sites so far (a block's epoch array `fe` has one slot per site). */
  private readonly siteLines: number[] = [];
  /** Registers whose ready time cannot exceed the next issue (blocks; see the file comment). */
  private readonly settled = new Set<number>();
  /** Block sites written so far (a block's code counts pcs from its first instruction). */
  private blockSites = 0;
  /** The predictor's rules as code. */
  private readonly predictor: PredictorCode;
  /** Some site does the predictor's work inline (its code reads the pc key base kb). */
  private inlinePredictor = false;

  constructor(private readonly p: TimingProfile, private readonly ramBase: number, private readonly model: RocketCodeState, private readonly pagePa: number) {
    this.iLine = isPow2(p.icacheLineBytes) && p.icacheLineBytes <= 4096 ? p.icacheLineBytes : 0;
    const d = p.dcacheLineBytes;
    this.dShift = isPow2(d) && ramBase % d === 0 ? Math.log2(d) : -1;
    this.dBase = this.dShift >= 0 ? ramBase / d : 0;
    this.predictor = new PredictorCode(model.bp);
  }

  prologue(): string {
    // A block's fetches count from its first instruction (pc0, fp0).
    const base = this.blockSites > 0 ? `tf[${RocketSlot.BasePc}] = pc0; tf[${RocketSlot.BasePa}] = fp0;\n` : '';
    // The predictor code's locals and the block start's pc key.
    const predictor = this.inlinePredictor
      ? `${PredictorCode.LOCALS}${this.blockSites > 0 ? ` const kb = pc0 - ${PcKey.BIAS};` : ''}\n`
      : '';
    return base + predictor + `let now = tf[${RocketSlot.Now}]; const cb = hs[${HartSlot.Cycle}] - now, lim = limit - cb;\n` +
      'let st = 0, s = 0, u = 0, q = 0, mem = 0, ctl = 0, ds = 0;';
  }

  bindings(): Record<string, unknown> {
    const m = this.model;
    // A site whose line the I$ holds now (with Bare fetch) starts as having fetched at this
    // epoch: its first fetch would be a hit that changes nothing, and the line stays held until
    // the epoch changes, as for a site that fetched. Besides sparing that call, this keeps the
    // refresh path of such sites from running only on a block's first calls, which run before
    // V8 has allocated the block's feedback vector (lazy feedback allocation): the optimised
    // code then has no feedback for the path, and when the next machine sharing the code
    // (FunctionCache, the bench's next run of a row) enters it with a new block's `fe`, it
    // takes the path and deoptimises ("Insufficient type feedback for binary operation"), and
    // V8 compiles the block again (docs/performance-log.md, "The bench's second run").
    const fe = new Float64Array(this.siteLines.length);
    for (let k = 0; k < fe.length; k++) fe[k] = m.heldFetchEpoch(this.pagePa + this.siteLines[k]);
    return {
      fe, tf: m.tf, rdy: m.ready, ev: m.events, dc: m.dcache, dcd: m.dcache.dirty, dtg: m.dcache.tags, dmr: m.dcache.mru, dtf: m.dtlb.lastF64,
      ...this.predictor.bindings(),
    };
  }

  cycleNow(): string {
    return '(cb + now)';
  }

  overLimit(): string {
    return 'now >= lim';
  }

  hasRoom(cycles: number): string {
    return `now + ${cycles} <= lim`;
  }

  sync(): string {
    return `tf[${RocketSlot.Now}] = now; hs[${HartSlot.Cycle}] = cb + now; ev[${TimingEvent.OperandStall}] += st; st = 0;`;
  }

  resync(): string {
    return `now = tf[${RocketSlot.Now}];`;
  }

  insn(i: TimingSite): string {
    return this.issue(i) + this.charge(i);
  }

  charge(i: TimingSite): string {
    if (i.at !== undefined) this.blockSites++;
    let code = '';
    const p = this.p;
    const setRd = (value: string): string => {
      if (i.rd === 0) return '';
      return i.rdMayBeZero ? `if (${i.rd} !== 0) rdy[${i.rd}] = ${value}; ` : `rdy[${i.rd}] = ${value}; `;
    };
    switch (i.cls) {
      case InsnClass.Alu:
      case InsnClass.Fence: // costs nothing beyond its cycle
      case InsnClass.Ecall: // the redirect is charged by trap()
      case InsnClass.Ebreak:
        code += `${setRd('s + 1')}now = s + 1;`;
        break;
      case InsnClass.Load: {
        const lat = typeof i.memWidth === 'number'
          ? String(i.memWidth >= 4 ? p.loadWordLatency : p.loadSubwordLatency)
          : `(${i.memWidth} >= 4 ? ${p.loadWordLatency} : ${p.loadSubwordLatency})`;
        code += this.data(false, i) + `${setRd(`s + mem + ${lat}`)}now = s + 1 + mem;`;
        break;
      }
      case InsnClass.Store:
        code += this.data(true, i) + 'now = s + 1 + mem;';
        break;
      case InsnClass.Branch:
        code += `${this.predictorCode(i)}now = s + 1 + ctl;`;
        break;
      case InsnClass.Jal:
        code += `${this.predictorCode(i)}${setRd('s + 1')}now = s + 1 + ctl;`;
        break;
      case InsnClass.Jalr:
        code += `${this.predictorCode(i)}${setRd(`s + ${p.jalrLinkLatency}`)}now = s + 1 + ctl;`;
        break;
      case InsnClass.Csr:
        code += `${this.csrCtl(i)}${setRd(`s + ${p.csrReadLatency}`)}now = s + 1 + ctl;`;
        break;
      case InsnClass.Amo:
      case InsnClass.Lr:
      case InsnClass.Sc:
      case InsnClass.Uipi: {
        // The access is timed as a load's or store's: in a block, one done inline left its RAM
        // offset in ma (and address in lo:hi), one done by the hart ma = -1 and the access in
        // the record (uipi: none, its table read is not timed).
        const lat = i.cls === InsnClass.Sc ? p.scLatency : p.loadWordLatency;
        const write = i.cls === InsnClass.Amo || i.cls === InsnClass.Sc;
        const data = i.cls === InsnClass.Uipi ? `mem = tm.dataOf(r, ${write}); ` : this.data(write, i);
        code += `${data}${setRd(`s + mem + ${lat}`)}now = s + 1 + mem;`;
        break;
      }
      case InsnClass.Mul:
      case InsnClass.MulW:
      case InsnClass.Div:
      case InsnClass.DivW:
        // One unit, one operation at a time; the latency depends on the operands and funct3.
        code += `if (tf[${RocketSlot.MulFree}] > s) { ev[${TimingEvent.MulDivBusyStall}] += tf[${RocketSlot.MulFree}] - s; s = tf[${RocketSlot.MulFree}]; } `;
        code += `q = tm.mulDivLatency(${i.funct3}, ${i.cls === InsnClass.MulW || i.cls === InsnClass.DivW}, ${i.cls === InsnClass.Mul || i.cls === InsnClass.MulW}, a, ah, b, bh) + 1; `;
        code += `tf[${RocketSlot.MulFree}] = s + q; ${setRd('s + q')}now = s + 1;`;
        break;
      case InsnClass.FenceI:
        code += 'now = s + 1 + tm.fenceICtl();';
        break;
      case InsnClass.SfenceVma:
        code += 'now = s + 1 + tm.sfenceVmaCtl();';
        break;
      case InsnClass.Xret:
        code += 'now = s + 1 + tm.xretCtl();';
        break;
      case InsnClass.Wfi:
        code += 'now = s + 1 + tm.wfiCtl();';
        break;
      default:
        throw new Error(`rocket timing: class ${i.cls} is never charged`);
    }
    if (i.at !== undefined && typeof i.rd === 'number' && i.rd !== 0) {
      // Only an ALU result (or a JAL link) is ready by the next issue.
      if (i.cls === InsnClass.Alu || i.cls === InsnClass.Jal) this.settled.add(i.rd);
      else this.settled.delete(i.rd);
    }
    return code;
  }

  // --- the predictor (branches and jumps) ------------------------------------------------------

  /**
   * ctl of the branch or jump at site `i`: the predictor's code (PredictorCode) inline in a
   * block; in retire(record) a call of the model's predictRecord(r), which has the same code for
   * every branch and jump (recordPredictorBody). With the code inline, retire() took more and
   * longer V8 compiles (the paths a run reaches late deoptimise it, and each recompile is of the
   * whole function): the NWP quick points took 5 % more host instructions, though syscall
   * --no-fast took 6 % fewer.
   */
  private predictorCode(i: TimingSite): string {
    if (i.at === undefined && !this.recordPredictor) return 'ctl = tm.predictRecord.call(undefined, r); ';
    this.inlinePredictor = true;
    const at = this.predictorPc(i);
    switch (i.cls) {
      case InsnClass.Branch:
        return this.predictor.branch(at, `pk + ${i.imm}`);
      case InsnClass.Jal:
        return this.predictor.jal(at, i.rd, i.len, `pk + ${i.imm}`);
      default:
        return this.predictor.jalr(at, i.rd, i.rs1, i.len, `${i.target} - ${PcKey.BIAS}`);
    }
  }

  /** Set while recordPredictorBody() writes the predictor's code for records. */
  private recordPredictor = false;

  /**
   * The body of the model's predictRecord(r): the control cycles of the branch or jump the
   * record describes, as the code of blocks with the pc and operands from the record.
   */
  recordPredictorBody(): string {
    this.recordPredictor = true;
    const site = (cls: InsnClass): TimingSite => ({
      cls, rd: 'r.rd', rs1: 'r.rs1', rs2: 'r.rs2', len: 'r.insnLen', imm: '(r.nextPc - r.pc)', memWidth: 'r.memWidth',
      funct3: '0', rdMayBeZero: true, pc: 'r.pc', fetchPa: 'r.fetchPaddr', target: 'r.nextPc',
    });
    const cases = [InsnClass.Branch, InsnClass.Jal, InsnClass.Jalr].map((cls) => `case ${cls}: { ${this.predictorCode(site(cls))}break; }`);
    this.recordPredictor = false;
    return [
      'const tk = r.taken; let ctl = 0;',
      PredictorCode.LOCALS,
      'switch (r.cls) {', ...cases, '}',
      'return ctl;',
    ].join('\n');
  }

  /**
   * The pc of a branch or jump for the predictor's code: in a block from the block's start
   * (constants), in retire(record) from the record.
   */
  private predictorPc(i: TimingSite): PredictorPc {
    if (i.at !== undefined) {
      const offset = i.at.offset;
      return { key: `kb + ${offset}`, pc: `pc0 + ${offset}`, linkKey: (len) => (typeof len === 'number' ? `kb + ${offset + len}` : `kb + ${offset} + ${len}`) };
    }
    return { key: `${i.pc} - ${PcKey.BIAS}`, pc: i.pc, linkKey: (len) => `pk + ${len}` };
  }

  /**
   * ctl of a CSR instruction: the model's csrCtl(r), written out when the CSR is known (a block)
   * and is not satp (whose write also forgets translations): a write flushes unless the profile
   * lists the CSR as a no-flush one.
   */
  private csrCtl(i: TimingSite): string {
    if (i.csr === undefined || i.csr === Csr.satp) return 'ctl = tm.csrCtl(r); ';
    if (!this.model.flushesOnWrite(i.csr)) return 'ctl = 0; ';
    return `ctl = 0; if (r.csrWritten) { ctl = ${this.p.csrWriteFlushCycles}; ev[${TimingEvent.PipelineFlush}]++; } `;
  }

  /** s = max(u = now + fetch penalty, rdy[rs1], rdy[rs2]); stall cycles counted in st. */
  issue(i: TimingSite): string {
    let code = 'u = now; ';
    const L = this.iLine;
    if (i.at === undefined) {
      // Dynamic: skip only a fetch from the line the model fetched last (a hit, no state change).
      const line = (x: string): string => (L > 0 ? `(${x} - (${x} & ${L - 1}))` : 'NaN');
      code += `if (${line(i.pc)} !== tf[${RocketSlot.LastFetchV}] || ${line(i.fetchPa)} !== tf[${RocketSlot.LastFetchP}]) { tf[${RocketSlot.BasePc}] = ${i.pc}; tf[${RocketSlot.BasePa}] = ${i.fetchPa}; u += tm.fetchAt(0); } `;
    } else {
      const line = L > 0 ? Math.floor(i.at.pageOffset / L) : -1;
      const sameLine = line >= 0 && line === this.prevLine;
      this.prevLine = line;
      if (!sameLine) {
        if (L > 0) {
          const site = this.siteLines.length;
          this.siteLines.push(i.at.pageOffset - (i.at.pageOffset % L));
          const lineStart = i.at.offset - (i.at.pageOffset % L); // of this instruction's line, from pc0
          code += `if (fe[${site}] !== tf[${RocketSlot.FetchEpoch}]) { `;
          code += `if (pc0 + ${lineStart} !== tf[${RocketSlot.LastFetchV}] || fp0 + ${lineStart} !== tf[${RocketSlot.LastFetchP}]) u += tm.fetchAt(${i.at.offset}); `;
          code += `fe[${site}] = tf[${RocketSlot.FetchEpoch}]; } `;
        } else {
          code += `u += tm.fetchAt(${i.at.offset}); `;
        }
      }
    }
    code += 's = u; ';
    let tests = 0;
    for (const rs of [i.rs1, i.rs2]) {
      if (rs === 0 || (typeof rs === 'number' && i.at !== undefined && this.settled.has(rs))) continue;
      code += `q = rdy[${rs}]; if (q > s) s = q; `;
      tests++;
    }
    if (tests > 0) code += 'st += s - u; ';
    return code;
  }

  /**
   * mem = the D-side cycles of the access (see the file comment). Block code keeps the
   * access's RAM offset (ma); retire(record) reads the access from the record.
   */
  private data(write: boolean, i: TimingSite): string {
    const hit = (slot: string): string => (write ? `{ mem = 0; dcd[${slot}] = 1; }` : 'mem = 0;');
    // D$ line q: a hit in the slot its set found last (CacheModel.mru: it holds the line touched
    // last) or in the line touched before it (two lines of one set used in turn: Dhrystone
    // makes 7.7 M such accesses), else a call. A read hit changes nothing, a write one the dirty bit.
    const dline = `ds = dmr[q & ${this.model.dcache.setMask}]; if (dtg[ds] === q) ${hit('ds')} ` +
      `else if (q === dc.prevLine) ${hit('dc.prevSlot')} else mem = tm.dataLine(q, ${write}); `;
    if (i.at === undefined) {
      // retire(record): the same inline tests on the record's access, when it is not MMIO and
      // its physical address fits 32 bits (so that >>> gives the D$ line, as lineOf() does).
      if (this.dShift < 0) return `mem = tm.dataOf(r, ${write}); `;
      const recordNoWalk = '(tm.bareData || ((q = r.memVaddr - dtf[0]) >= 0 && q < dtf[1]))';
      return `q = r.memPaddr; if (q >= 0 && q < 4294967296 && !r.memIsMmio && ${recordNoWalk}) { q = r.memPaddr >>> ${this.dShift}; ` +
        `${dline}} else mem = tm.dataOf(r, ${write}); `;
    }
    // The rest is one call (the record's fields written there, not in each load's and store's
    // code: a block's V8 compile takes time in proportion to its code).
    const slow = `mem = tm.blockDataOf(r, ma, ${this.ramBase}, lo, hi, ${write});`;
    if (this.dShift < 0) return `${slow} `;
    // Translation costs nothing when Bare, or inside the D-TLB entry used last (a lookup there
    // changes no state); the D$ part then as for Bare.
    const noWalk = '(tm.bareData || ((q = hi * 4294967296 + (lo >>> 0) - dtf[0]) >= 0 && q < dtf[1]))';
    return `if (ma >= 0 && ${noWalk}) { q = (ma >>> ${this.dShift}) + ${this.dBase}; ${dline}} else ${slow} `;
  }
}
