/**
 * The Rocket cycle model (spec/timing.md, docs/timing.md): its state (time, register ready
 * times, caches, TLBs, predictor, multiplier) and the services its generated code calls on
 * the slow paths. The cost of each instruction class is written once, as code, in
 * rocket-code.ts; the hart places it after every instruction (interpreter and translated
 * blocks), and this model's retire(record) is made from the same code.
 */
import { CacheModel, CacheResult } from './cache';
import { AssocTable } from './assoc';
import { BranchPredictor } from './predictor';
import { divLatency, mulLatency } from './muldiv';
import { lfsrSeed } from './lfsr';
import { TIMING_EVENT_COUNT, TimingEvent } from './events';
import type { TimingProfile } from './profile';
import { BARE_HOST, TrapKind, type RetireRecord, type TimingHost, type TimingModel } from './record';
import { RocketSlot, RocketTimingCode } from './rocket-code';
import { Csr } from '../csr/table';
import { recordRetire } from './retire-record';
import { FunctionCache } from './timing-code';

const PTE_BYTES = 8;
/** Sv39: three levels; a walk that stops early maps a 2 MiB or 1 GiB superpage. */
const SV39_LEVELS = 3;

export class RocketTimingModel implements TimingModel {
  readonly name: string;
  readonly events = new Float64Array(TIMING_EVENT_COUNT);

  // Public state below is read and written by the generated code (rocket-code.ts); everything
  // else is private to the model.

  /** The model's doubles that generated code reads and writes (RocketSlot); accessors below. */
  readonly tf = new Float64Array(RocketSlot.Count);
  /** The cycle at which the next instruction could issue if nothing stalled it. */
  get now(): number { return this.tf[RocketSlot.Now]; }
  set now(v: number) { this.tf[RocketSlot.Now] = v; }
  /** Per register, the cycle from which a consumer can issue (ready[0] stays 0; 32: x0's scratch slot). */
  readonly ready = new Float64Array(33);
  /**
   * Virtual and physical start of the I$ line fetched last (NaN when forgotten): fetching
   * from it again is a guaranteed hit that changes no cache, TLB or LFSR state, so generated
   * code skips fetchAt() for it.
   */
  get lastFetchV(): number { return this.tf[RocketSlot.LastFetchV]; }
  set lastFetchV(v: number) { this.tf[RocketSlot.LastFetchV] = v; }
  get lastFetchP(): number { return this.tf[RocketSlot.LastFetchP]; }
  set lastFetchP(v: number) { this.tf[RocketSlot.LastFetchP] = v; }
  /**
   * Changes whenever a line the I$ holds may have left it (a fill that evicts, an invalidation) and is NaN
   * while fetches are translated: with Bare fetch, a line fetched since the epoch last changed
   * is still in the I$, and fetching it again is a hit that changes no state (the I$ has no
   * LRU). Generated block code remembers per fetch site the epoch it last fetched at.
   */
  get fetchEpoch(): number { return this.tf[RocketSlot.FetchEpoch]; }
  set fetchEpoch(v: number) { this.tf[RocketSlot.FetchEpoch] = v; }
  private epochCounter = 0;
  /** Virtual pc and physical fetch address that fetchAt() counts from. */
  get basePc(): number { return this.tf[RocketSlot.BasePc]; }
  set basePc(v: number) { this.tf[RocketSlot.BasePc] = v; }
  get basePa(): number { return this.tf[RocketSlot.BasePa]; }
  set basePa(v: number) { this.tf[RocketSlot.BasePa] = v; }
  /** Set when the host reported Bare data translation (generated code then skips the D-TLB). */
  bareData = false;
  readonly dcache: CacheModel;
  private readonly fetchLineMask: number;
  /** The cycle from which the multiplier/divider accepts a new operation. */
  get mulFree(): number { return this.tf[RocketSlot.MulFree]; }
  set mulFree(v: number) { this.tf[RocketSlot.MulFree] = v; }
  private readonly icache: CacheModel;
  private readonly itlb: AssocTable;
  /** The D-TLB (generated code tests its last entry inline). */
  readonly dtlb: AssocTable;
  private readonly pteCache: AssocTable;
  /** The branch predictor (generated code places its rules' code: rocket-code.ts, predictor.ts). */
  readonly bp: BranchPredictor;
  private readonly noFlush = new Uint8Array(4096);
  private readonly ptes = new Float64Array(8);
  /** Set when the host reported Bare fetch translation; cleared on anything that may change it. */
  private bareFetch = false;
  /** The hart asked for page-table walks (TimingModel.attach). */
  private host: TimingHost = BARE_HOST;

  // Profile numbers copied into fields (read on every slow path).
  private readonly memLat: number;
  private readonly wbLat: number;
  private readonly mmioLat: number;
  private readonly flush: number;
  private readonly csrFlush: number;
  private readonly sfenceFlush: number;
  private readonly xret: number;
  readonly code: RocketTimingCode;
  /** Control cycles of the branch or jump a record describes (made from `code`; retire() calls it). */
  readonly predictRecord: (r: RetireRecord) => number;
  /** Cycles of one retired instruction described by a record (made from `code`). */
  readonly retire: (r: RetireRecord) => number;

  constructor(private readonly p: TimingProfile, hartId: number, cache?: FunctionCache) {
    this.name = p.name;
    this.tf.fill(0);
    this.lastFetchV = NaN;
    this.lastFetchP = NaN;
    this.fetchEpoch = NaN;
    this.basePc = 0.5;
    this.basePa = 0.5;
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
    this.flush = p.flushCycles;
    this.csrFlush = p.csrWriteFlushCycles;
    this.sfenceFlush = p.sfenceVmaFlushes ? p.flushCycles : 0;
    this.xret = p.xretCycles;
    this.code = new RocketTimingCode(p, this);
    const predictor = this.code.recordPredictor();
    this.predictRecord = (cache ?? new FunctionCache()).make('predictRecord', 'r', predictor.body, predictor.bindings);
    this.retire = recordRetire(this, this.code, cache);
  }

  attach(host: TimingHost): void {
    this.host = host;
    // Learn now whether fetch translation is Bare, as the first fetch would (the same state
    // after it: an I-TLB lookup that misses changes nothing). A run's first fetch then takes no
    // path that later fetches never take: fetchAt(), optimised once per process, would
    // deoptimise at the next machine's first fetch (the bench's runs). (Not for data: a host
    // may count the walks it is asked for, as the timing tests' hosts do.)
    if (!this.bareFetch && host.walkPtes(0, true, this.ptes) <= 0) {
      this.bareFetch = true;
      this.newFetchEpoch();
    }
  }

  // --- fetch -----------------------------------------------------------------------------------

  /**
   * I-TLB and I$ cycles of fetching the instruction at basePc/basePa + offset (offsets keep the
   * argument a small integer, which crosses a call V8 does not inline without being boxed).
   */
  fetchAt(offset: number): number {
    const pc = this.basePc + offset;
    const pa = this.basePa + offset;
    let c = 0;
    if (!this.bareFetch && this.itlb.lookup(pc) < 0) c += this.tlbMiss(pc, true);
    if (this.icache.access(this.icache.lineOf(pa), false) !== CacheResult.Hit) {
      this.events[TimingEvent.IcacheMiss]++;
      c += this.memLat;
      // Only a fill that replaced a line can make a held line leave (a fill of an invalid way
      // leaves every fetch site's line where it was).
      if (this.icache.evicted) this.newFetchEpoch();
    }
    // `& mask` of a double keeps its low bits (also for negative, sign-extended pcs).
    this.lastFetchV = pc - (pc & this.fetchLineMask);
    this.lastFetchP = pa - (pa & this.fetchLineMask);
    return c;
  }

  /**
   * The fetch epoch if fetching physical address `pa` now is a hit that changes no state (Bare
   * fetch and its line held by the I$), else NaN: a new block's fetch site whose line this is
   * may start as having fetched at this epoch (rocket-code.ts). Changes nothing.
   */
  heldFetchEpoch(pa: number): number {
    return this.bareFetch && this.icache.holds(this.icache.lineOf(pa)) ? this.fetchEpoch : NaN;
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

  // --- data ------------------------------------------------------------------------------------

  /**
   * dataOf() of a RAM access (not MMIO) whose translation costs nothing (Bare, or the D-TLB
   * entry used last), to D$ line number `line`.
   */
  dataLine(line: number, write: boolean): number {
    return this.dcacheResult(this.dcache.access(line, write));
  }

  /**
   * dataOf() of an access of translated block code: `ma` ≥ 0, the RAM offset of an access the
   * block made inline (ramBase its RAM's start, lo:hi its virtual address), which the record
   * does not describe yet; ma < 0, an access the hart made, which it left in the record. (A
   * call rather than the record's fields written in the block: the block's code is smaller.)
   */
  blockDataOf(r: RetireRecord, ma: number, ramBase: number, lo: number, hi: number, write: boolean): number {
    if (ma >= 0) {
      r.memPaddr = ma + ramBase;
      r.memVaddr = hi * 4294967296 + (lo >>> 0);
      r.memIsMmio = false;
    }
    return this.dataOf(r, write);
  }

  /**
   * Extra cycles of the data access in the record's memory fields: D-TLB, then MMIO or the D$
   * (write-back, write-allocate). No access (memPaddr < 0): 0.
   */
  dataOf(r: RetireRecord, write: boolean): number {
    if (r.memPaddr < 0) return 0;
    let c = 0;
    if (!this.bareData && this.dtlb.lookup(r.memVaddr) < 0) c = this.tlbMiss(r.memVaddr, false);
    if (r.memIsMmio) {
      this.events[TimingEvent.MmioAccess]++;
      return c + this.mmioLat;
    }
    c += this.dcacheResult(this.dcache.access(this.dcache.lineOf(r.memPaddr), write));
    return c;
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
   * TLB model, after a lookup missed (a hit costs nothing): asks the host which PTEs a walk
   * reads and charges tlbMissCycles plus, per PTE, a PTE-cache hit (non-leaf levels only) or a
   * walker read through the D$. Bare translation (the host returns 0) costs nothing.
   */
  private tlbMiss(vaddr: number, isFetch: boolean): number {
    // (The lookup is at the call sites: on a hit, the common case, no address (a double,
    // boxed when passed) crosses a call.)
    const tlb = isFetch ? this.itlb : this.dtlb;
    const n = this.host.walkPtes(vaddr, isFetch, this.ptes);
    if (n <= 0) {
      if (isFetch) {
        this.bareFetch = true;
        this.newFetchEpoch();
      } else this.bareData = true;
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
      c += p.ptwAccessCycles + this.dcacheResult(this.dcache.access(this.dcache.lineOf(pa), false));
      if (!leaf && usePteCache) this.pteCache.insert(pa, PTE_BYTES);
    }
    const size = n <= SV39_LEVELS ? 2 ** (12 + 9 * (SV39_LEVELS - n)) : 4096;
    tlb.insert(Math.floor(vaddr / size) * size, size);
    return c;
  }

  // --- control ---------------------------------------------------------------------------------

  /**
   * Latency of an M-extension operation (funct3 0 MUL … 7 REMU; `word`: a W op) on operands
   * aLo:aHi, bLo:bHi.
   */
  mulDivLatency(funct3: number, word: boolean, isMul: boolean, aLo: number, aHi: number, bLo: number, bHi: number): number {
    const p = this.p;
    if (isMul) return mulLatency(funct3, word, aLo, aHi, p.mulBitsPerCycle, p.mulEarlyOut);
    return divLatency(funct3, word, aLo, aHi, bLo, bHi, p.divEarlyOut);
  }

  /**
   * Control cycles of a CSR instruction (r.csr, r.csrWritten): a write flushes the pipeline
   * unless the CSR is one of the profile's no-flush ones; a satp write forgets translations.
   */
  csrCtl(r: RetireRecord): number {
    if (!r.csrWritten) return 0;
    let ctl = 0;
    if (this.flushesOnWrite(r.csr)) {
      ctl = this.csrFlush;
      this.events[TimingEvent.PipelineFlush]++;
    }
    if (r.csr === Csr.satp) this.forgetTranslation();
    return ctl;
  }

  /** A write to CSR `num` flushes the pipeline (the profile does not list it as a no-flush CSR). */
  flushesOnWrite(num: number): boolean {
    return this.noFlush[num & 0xfff] === 0;
  }

  /** fence.i: the whole I$ is invalidated, the pipeline flushed. */
  fenceICtl(): number {
    this.icache.invalidateAll();
    this.forgetFetch();
    return this.flushed(this.flush);
  }

  /** sfence.vma: both TLBs and the PTE cache are emptied. */
  sfenceVmaCtl(): number {
    this.itlb.clear();
    this.dtlb.clear();
    this.pteCache.clear();
    this.forgetTranslation();
    return this.flushed(this.sfenceFlush);
  }

  /** xRET: translation may change with the privilege; a flush. */
  xretCtl(): number {
    this.forgetTranslation();
    return this.flushed(this.xret);
  }

  /** wfi: a flush (the sleeping itself is the hart's). */
  wfiCtl(): number {
    return this.flushed(this.flush);
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
