/**
 * The Rocket cycle model (spec/timing.md, docs/timing.md). Time is kept as the cycle at which
 * the next instruction could issue (enter EX) if nothing stalled it (`now`), plus, per
 * register, the cycle from which a consumer can issue (`ready`). An instruction issues at
 *   s = max(now + fetch penalties, ready[rs1], ready[rs2], [mul/div unit free]),
 * charges (s + 1 + penalties) − now, and publishes ready[rd] = s + memory penalty + latency.
 */
import { CacheModel, CacheResult } from './cache';
import { AssocTable } from './assoc';
import { BranchPredictor, PC_KEY_BIAS, PredictOutcome } from './predictor';
import { divLatency, mulLatency } from './muldiv';
import { lfsrSeed } from './lfsr';
import { TIMING_EVENT_COUNT, TimingEvent } from './events';
import type { TimingProfile } from './profile';
import { BARE_HOST, InsnClass, TrapKind, type RetireRecord, type TimingHost, type TimingModel } from './record';
import type { BlockTiming } from './block-timing';
import { RocketBlockTiming } from './rocket-blocks';

const SATP = 0x180;
const PTE_BYTES = 8;
/** Sv39: three levels; a walk that stops early maps a 2 MiB or 1 GiB superpage. */
const SV39_LEVELS = 3;

export class RocketTimingModel implements TimingModel {
  readonly name: string;
  readonly events = new Float64Array(TIMING_EVENT_COUNT);

  // Public state below is read and written by the code RocketBlockTiming generates into
  // translated blocks (rocket-blocks.ts); everything else is private to the model.

  /** The cycle at which the next instruction could issue if nothing stalled it. */
  now = 0;
  /** Per register, the cycle from which a consumer can issue (ready[0] stays 0). */
  readonly ready = new Float64Array(32);
  /**
   * Virtual and physical start of the I$ line fetched last (NaN when forgotten): fetching
   * from it again is a guaranteed hit that changes no cache, TLB or LFSR state, so generated
   * code skips fetchAt() for it.
   */
  lastFetchV = NaN;
  lastFetchP = NaN;
  /**
   * Changes whenever a line the I$ holds may have left it (a fill, an invalidation) and is NaN
   * while fetches are translated: with Bare fetch, a line fetched since the epoch last changed
   * is still in the I$, and fetching it again is a hit that changes no state (the I$ has no
   * LRU). Generated code remembers per fetch site the epoch it last fetched at.
   */
  fetchEpoch = NaN;
  private epochCounter = 0;
  /** Virtual pc and physical fetch address of the running block's first instruction. */
  basePc = 0.5;
  basePa = 0.5;
  /** Set when the host reported Bare data translation (generated code then skips the D-TLB). */
  bareData = false;
  readonly dcache: CacheModel;
  /** pc and physical fetch address of the instruction being retired (see issue()). */
  private fetchPc = 0.5;
  private fetchPa = 0.5;
  private readonly fetchLineMask: number;
  /** The cycle from which the multiplier/divider accepts a new operation. */
  mulFree = 0;
  private readonly icache: CacheModel;
  private readonly itlb: AssocTable;
  /** The D-TLB (generated block code tests its last entry inline). */
  readonly dtlb: AssocTable;
  private readonly pteCache: AssocTable;
  private readonly bp: BranchPredictor;
  private readonly noFlush = new Uint8Array(4096);
  private readonly ptes = new Float64Array(8);
  /** Set when the host reported Bare fetch translation; cleared on anything that may change it. */
  private bareFetch = false;

  // Profile numbers copied into fields (read on every instruction).
  private readonly memLat: number;
  private readonly wbLat: number;
  private readonly mmioLat: number;
  private readonly loadWord: number;
  private readonly loadSub: number;
  private readonly scLat: number;
  private readonly csrRead: number;
  private readonly jalrLink: number;
  private readonly flush: number;
  private readonly csrFlush: number;
  private readonly sfenceFlush: number;
  private readonly xret: number;
  readonly blockTiming: BlockTiming;

  /** The hart asked for page-table walks (TimingModel.attach). */
  private host: TimingHost = BARE_HOST;

  constructor(private readonly p: TimingProfile, hartId: number) {
    this.name = p.name;
    this.fetchLineMask = p.icacheLineBytes - 1;
    this.icache = new CacheModel(p.icacheBytes, p.icacheWays, p.icacheLineBytes, lfsrSeed(p.lfsrSeed, hartId, 0));
    this.dcache = new CacheModel(p.dcacheBytes, p.dcacheWays, p.dcacheLineBytes, lfsrSeed(p.lfsrSeed, hartId, 0x5a5a));
    this.itlb = new AssocTable(p.itlbEntries);
    this.dtlb = new AssocTable(p.dtlbEntries);
    this.pteCache = new AssocTable(p.pteCacheEntries);
    this.bp = new BranchPredictor(p);
    for (const c of p.csrNoFlush) this.noFlush[c & 0xfff] = 1;
    this.memLat = p.memoryLatency;
    this.wbLat = p.dirtyWritebackCycles;
    this.mmioLat = p.mmioLatency;
    this.loadWord = p.loadWordLatency;
    this.loadSub = p.loadSubwordLatency;
    this.scLat = p.scLatency;
    this.csrRead = p.csrReadLatency;
    this.jalrLink = p.jalrLinkLatency;
    this.flush = p.flushCycles;
    this.csrFlush = p.csrWriteFlushCycles;
    this.sfenceFlush = p.sfenceVmaFlushes ? p.flushCycles : 0;
    this.xret = p.xretCycles;
    this.blockTiming = new RocketBlockTiming(p, this);
  }

  /**
   * The cycle an instruction issues: `now` plus fetch penalties (I-TLB and I$ misses delay
   * its arrival), then operand interlocks (ready[0] stays 0; unused sources are 0).
   */
  private issueAt(pc: number, fetchPaddr: number, rs1: number, rs2: number): number {
    this.fetchPc = pc;
    this.fetchPa = fetchPaddr;
    return this.issue(rs1, rs2);
  }

  /**
   * issueAt() for the instruction at fetchPc/fetchPa. Addresses travel through these fields
   * rather than as arguments: a double (≥ 2^30) passed to a call V8 does not inline is boxed,
   * which would allocate per instruction.
   */
  private issue(rs1: number, rs2: number): number {
    const t = this.now + this.fetchPenalty();
    let s = t;
    const ready = this.ready;
    if (ready[rs1] > s) s = ready[rs1];
    if (ready[rs2] > s) s = ready[rs2];
    this.events[TimingEvent.OperandStall] += s - t;
    return s;
  }

  /** I-TLB and I$ cycles of the fetch at fetchPc/fetchPa (in this order: the I-TLB first). */
  private fetchPenalty(): number {
    let c = 0;
    if (!this.bareFetch) c += this.translate(this.fetchPc, true);
    const pa = this.fetchPa;
    if (this.icache.access(this.icache.lineOf(pa), false) !== CacheResult.Hit) {
      this.events[TimingEvent.IcacheMiss]++;
      c += this.memLat;
      this.newFetchEpoch();
    }
    // `& mask` of a double keeps its low bits (also for negative, sign-extended pcs).
    this.lastFetchV = this.fetchPc - (this.fetchPc & this.fetchLineMask);
    this.lastFetchP = pa - (pa & this.fetchLineMask);
    return c;
  }

  /** Forgets the last fetch line: the next fetch must consult the I-TLB and I$ again. */
  private forgetFetch(): void {
    this.bareFetch = false;
    this.lastFetchV = NaN;
    this.lastFetchP = NaN;
    this.fetchEpoch = NaN;
  }

  private newFetchEpoch(): void {
    this.fetchEpoch = this.bareFetch ? ++this.epochCounter : NaN;
  }

  // Entry points for generated block code (rocket-blocks.ts). Offsets are relative to
  // basePc/basePa: small integers, so no double is boxed crossing the call.

  /** I-TLB and I$ cycles of fetching the instruction at base + offset. */
  fetchAt(offset: number): number {
    this.fetchPc = this.basePc + offset;
    this.fetchPa = this.basePa + offset;
    return this.fetchPenalty();
  }

  /**
   * dataOf() of a RAM access (not MMIO) under Bare translation, already known to the model
   * (bareData), to D$ line number `line`.
   */
  dataLine(line: number, write: boolean): number {
    return this.dcacheResult(this.dcache.access(line, write));
  }

  /**
   * Control cycles of a CSR instruction (r.csr, r.csrWritten): a write flushes the pipeline
   * unless the CSR is one of the profile's no-flush ones; a satp write forgets translations.
   */
  csrCtl(r: RetireRecord): number {
    if (!r.csrWritten) return 0;
    let ctl = 0;
    if (this.noFlush[r.csr & 0xfff] === 0) {
      ctl = this.csrFlush;
      this.events[TimingEvent.PipelineFlush]++;
    }
    if (r.csr === SATP) this.forgetTranslation();
    return ctl;
  }

  /** Control cycles of the conditional branch at base + offset; next pc = pc + delta. */
  branchAt(offset: number, taken: boolean, delta: number): number {
    const key = this.basePc + offset - PC_KEY_BIAS;
    const ctl = this.bp.branch(key, taken, key + delta);
    if (this.bp.outcome === PredictOutcome.Mispredict) this.events[TimingEvent.BranchMispredict]++;
    return ctl;
  }

  /** Control cycles of the JAL at base + offset (target pc + imm). */
  jalAt(offset: number, rd: number, len: number, imm: number): number {
    const key = this.basePc + offset - PC_KEY_BIAS;
    const ctl = this.bp.jal(key, rd, key + len, key + imm);
    if (this.bp.outcome === PredictOutcome.BtbMissBubble) this.events[TimingEvent.BtbMissBubble]++;
    return ctl;
  }

  /** Control cycles of the JALR at base + offset; its target is r.nextPc. */
  jalrAt(offset: number, rd: number, rs1: number, len: number, r: RetireRecord): number {
    const key = this.basePc + offset - PC_KEY_BIAS;
    const ctl = this.bp.jalr(key, rd, rs1, key + len, r.nextPc - PC_KEY_BIAS);
    if (this.bp.outcome === PredictOutcome.Mispredict) this.events[TimingEvent.JumpMispredict]++;
    else if (this.bp.outcome === PredictOutcome.BtbMissBubble) this.events[TimingEvent.BtbMissBubble]++;
    return ctl;
  }

  /** Publishes rd's ready time and advances `now`; returns the instruction's cycles. */
  private finish(s: number, rd: number, mem: number, ctl: number, lat: number): number {
    if (rd !== 0) this.ready[rd] = s + mem + lat;
    const end = s + 1 + mem + ctl;
    const cycles = end - this.now;
    this.now = end;
    return cycles;
  }

  retire(r: RetireRecord): number {
    const ev = this.events;
    let s = this.issueAt(r.pc, r.fetchPaddr, r.rs1, r.rs2);

    let mem = 0; // D-side penalty: delays the pipeline and the load result
    let ctl = 0; // control penalty: delays the next instruction only
    let lat = 1;
    switch (r.cls) {
      case InsnClass.Alu:
      case InsnClass.Fence:
      case InsnClass.Ecall: // the redirect is charged by trap()
      case InsnClass.Ebreak:
        break;
      case InsnClass.Load:
        mem = this.dataOf(r, false);
        lat = r.memWidth >= 4 ? this.loadWord : this.loadSub;
        break;
      case InsnClass.Store:
        mem = this.dataOf(r, true);
        break;
      case InsnClass.Branch:
        ctl = this.bp.branch(r.pc - PC_KEY_BIAS, r.taken, r.nextPc - PC_KEY_BIAS);
        if (this.bp.outcome === PredictOutcome.Mispredict) ev[TimingEvent.BranchMispredict]++;
        break;
      case InsnClass.Jal:
        ctl = this.bp.jal(r.pc - PC_KEY_BIAS, r.rd, r.pc + r.insnLen - PC_KEY_BIAS, r.nextPc - PC_KEY_BIAS);
        if (this.bp.outcome === PredictOutcome.BtbMissBubble) ev[TimingEvent.BtbMissBubble]++;
        break;
      case InsnClass.Jalr:
        ctl = this.bp.jalr(r.pc - PC_KEY_BIAS, r.rd, r.rs1, r.pc + r.insnLen - PC_KEY_BIAS, r.nextPc - PC_KEY_BIAS);
        if (this.bp.outcome === PredictOutcome.Mispredict) ev[TimingEvent.JumpMispredict]++;
        else if (this.bp.outcome === PredictOutcome.BtbMissBubble) ev[TimingEvent.BtbMissBubble]++;
        lat = this.jalrLink;
        break;
      case InsnClass.Mul:
      case InsnClass.MulW:
      case InsnClass.Div:
      case InsnClass.DivW: {
        if (this.mulFree > s) {
          ev[TimingEvent.MulDivBusyStall] += this.mulFree - s;
          s = this.mulFree;
        }
        lat = this.mulDivLatency(r, r.cls) + 1;
        this.mulFree = s + lat;
        break;
      }
      case InsnClass.Csr:
        lat = this.csrRead;
        ctl = this.csrCtl(r);
        break;
      case InsnClass.Amo:
        mem = this.dataOf(r, true);
        lat = this.loadWord;
        break;
      case InsnClass.Lr:
        mem = this.dataOf(r, false);
        lat = this.loadWord;
        break;
      case InsnClass.Sc:
        mem = this.dataOf(r, true);
        lat = this.scLat;
        break;
      case InsnClass.FenceI:
        this.icache.invalidateAll();
        this.forgetFetch();
        ctl = this.flushed(this.flush);
        break;
      case InsnClass.SfenceVma:
        this.itlb.clear();
        this.dtlb.clear();
        this.pteCache.clear();
        this.forgetTranslation();
        ctl = this.flushed(this.sfenceFlush);
        break;
      case InsnClass.Xret:
        this.forgetTranslation();
        ctl = this.flushed(this.xret);
        break;
      case InsnClass.Wfi:
        ctl = this.flushed(this.flush);
        break;
      case InsnClass.Uipi:
        mem = this.dataOf(r, false);
        lat = this.loadWord;
        break;
    }
    return this.finish(s, r.rd, mem, ctl, lat);
  }

  /** Translation may have changed (trap, xRET, satp, sfence.vma): ask the host again. */
  private forgetTranslation(): void {
    this.forgetFetch();
    this.bareData = false;
  }

  private flushed(cycles: number): number {
    if (cycles > 0) this.events[TimingEvent.PipelineFlush]++;
    return cycles;
  }

  /** Latency of the M-extension op of class `cls` whose operands and funct3 are in `r`. */
  mulDivLatency(r: RetireRecord, cls: InsnClass): number {
    const p = this.p;
    const word = cls === InsnClass.MulW || cls === InsnClass.DivW;
    if (cls === InsnClass.Mul || cls === InsnClass.MulW) {
      return mulLatency(r.mulDivFunct3 ?? 0, word, r.aLo, r.aHi, p.mulBitsPerCycle, p.mulEarlyOut);
    }
    return divLatency(r.mulDivFunct3 ?? 4, word, r.aLo, r.aHi, r.bLo, r.bHi, p.divEarlyOut);
  }

  /**
   * Extra cycles of the data access in the record's memory fields: D-TLB, then MMIO or the D$
   * (write-back, write-allocate). Also called by generated block code.
   */
  dataOf(r: RetireRecord, write: boolean): number {
    if (r.memPaddr < 0) return 0;
    let c = this.bareData ? 0 : this.translate(r.memVaddr, false);
    if (r.memIsMmio) {
      this.events[TimingEvent.MmioAccess]++;
      return c + this.mmioLat;
    }
    c += this.dcacheAccess(r.memPaddr, write);
    return c;
  }

  private dcacheAccess(paddr: number, write: boolean): number {
    return this.dcacheResult(this.dcache.access(this.dcache.lineOf(paddr), write));
  }

  /** The cycles (and events) of a D$ access with result `res`. */
  private dcacheResult(res: CacheResult): number {
    if (res === CacheResult.Hit) return 0;
    this.events[TimingEvent.DcacheMiss]++;
    if (res === CacheResult.MissDirty) {
      this.events[TimingEvent.DcacheWriteback]++;
      return this.memLat + this.wbLat;
    }
    return this.memLat;
  }

  /**
   * TLB model: a hit costs nothing; a miss asks the host which PTEs a walk reads and charges
   * tlbMissCycles plus, per PTE, a PTE-cache hit (non-leaf levels only) or a walker read
   * through the D$. Bare translation (the host returns 0) costs nothing.
   */
  private translate(vaddr: number, isFetch: boolean): number {
    const tlb = isFetch ? this.itlb : this.dtlb;
    if (tlb.lookup(vaddr) >= 0) return 0;
    const n = this.host.walkPtes(vaddr, isFetch, this.ptes);
    if (n <= 0) {
      if (isFetch) {
        this.bareFetch = true;
        this.newFetchEpoch();
      }
      else this.bareData = true;
      return 0;
    }
    const p = this.p;
    this.events[isFetch ? TimingEvent.ItlbMiss : TimingEvent.DtlbMiss]++;
    let c = p.tlbMissCycles;
    const usePteCache = p.pteCacheEntries > 0;
    for (let k = 0; k < n; k++) {
      const pa = this.ptes[k];
      const leaf = k === n - 1;
      if (!leaf && usePteCache && this.pteCache.lookup(pa) >= 0) {
        c += p.pteCacheHitCycles;
        continue;
      }
      this.events[TimingEvent.PtwMemRead]++;
      c += p.ptwAccessCycles + this.dcacheAccess(pa, false);
      if (!leaf && usePteCache) this.pteCache.insert(pa, PTE_BYTES);
    }
    const size = n <= SV39_LEVELS ? 2 ** (12 + 9 * (SV39_LEVELS - n)) : 4096;
    tlb.insert(Math.floor(vaddr / size) * size, size);
    return c;
  }

  trap(kind: TrapKind, _cause: number): number {
    const p = this.p;
    let c: number;
    switch (kind) {
      case TrapKind.Exception:
        c = p.trapEntryCycles;
        this.events[TimingEvent.Exception]++;
        break;
      case TrapKind.Interrupt:
        c = p.interruptEntryCycles;
        this.events[TimingEvent.Interrupt]++;
        break;
      case TrapKind.ExternalInterrupt:
        c = p.interruptEntryCycles + p.plicExtraCycles;
        this.events[TimingEvent.Interrupt]++;
        break;
      default: // UserInterrupt: counted by the hart (event 15)
        c = p.userInterruptEntryCycles;
        break;
    }
    this.forgetTranslation();
    this.now += c;
    return c;
  }

  attach(host: TimingHost): void {
    this.host = host;
  }

  reset(): void {
    this.now = 0;
    this.ready.fill(0);
    this.mulFree = 0;
    this.icache.reset();
    this.dcache.reset();
    this.itlb.clear();
    this.dtlb.clear();
    this.pteCache.clear();
    this.bp.reset();
    this.forgetTranslation();
    this.events.fill(0);
  }
}
