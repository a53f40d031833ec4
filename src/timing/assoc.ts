/**
 * A small fully associative table with true-LRU replacement, keyed by address ranges
 * [base, base + size): TLB entries (page or superpage), PTE-cache entries (one PTE) and BTB
 * entries (one pc). Invalid entries are filled first, lowest index first; otherwise the least
 * recently used entry is replaced. Deterministic by construction.
 */
import { LruOrder } from './lru';
export class AssocTable {
  readonly base: Float64Array;
  /** Range size; 0 marks an invalid entry. */
  readonly size: Float64Array;
  /**
   * True LRU as last-use stamps (a touch is one store; the victim, needed only on a miss, is
   * found by a scan): invalid entries keep the stamps reset() gave them, below every use and
   * increasing with the index, so the victim is the lowest invalid entry, else the least
   * recently used one, as LruOrder's. Slot `entries` holds the clock.
   */
  private readonly stamp: Float64Array;
  /** The entry found or inserted last: always the most recently used one (-1: none). */
  private last = -1;
  /**
   * The entry that was `last` before it (-1: none): the second most recently used one. Two
   * entries used in turn (a trap handler's page and the interrupted code's, after every trap
   * and xRET) are then found without a scan. Only used while no two entries overlap, so that
   * it finds the entry the scan would find.
   */
  private prev = -1;
  /** Some valid entries may overlap (a superpage inserted over a page): lookups scan. */
  private overlap = false;
  /** Valid entries: none (a TLB under Bare translation) makes every lookup a miss without a scan. */
  private used = 0;
  /**
   * Its range as [base, size] (size 0: none). A lookup inside it changes nothing (the entry is
   * already the most recently used), so generated block code tests it inline (rocket-code.ts).
   * A Float64Array: storing a double into an object field allocates in V8.
   */
  readonly lastF64 = new Float64Array(2);

  constructor(readonly entries: number) {
    this.base = new Float64Array(entries);
    this.size = new Float64Array(entries);
    this.stamp = new Float64Array(entries + 1);
    this.resetStamps();
  }

  private resetStamps(): void {
    for (let i = 0; i < this.entries; i++) this.stamp[i] = i - this.entries;
    this.stamp[this.entries] = 0;
  }

  /**
   * Writes the stamps of the two most recently used entries (`prev`, then `last`): lookups that
   * only trade their places leave them stale (an I-TLB after every trap and xRET). They are the
   * two most recent uses, so stamping them anew, in that order, keeps the LRU order exact.
   */
  private settle(): void {
    if (this.prev >= 0) this.touch(this.prev);
    if (this.last >= 0) this.touch(this.last);
  }

  private touch(i: number): void {
    const clock = this.stamp[this.entries] + 1;
    this.stamp[this.entries] = clock;
    this.stamp[i] = clock;
  }

  private setLast(i: number): void {
    if (i !== this.last) this.prev = this.last;
    this.last = i;
    this.lastF64[0] = this.base[i];
    this.lastF64[1] = this.size[i];
  }

  /** Index of the entry covering `addr` (and marks it most recently used), or -1. */
  lookup(addr: number): number {
    const last = this.last;
    if (last >= 0) {
      const d = addr - this.base[last];
      // Already the most recently used: nothing to mark.
      if (d >= 0 && d < this.size[last]) return last;
    }
    if (this.used === 0) return -1;
    const prev = this.prev;
    if (prev >= 0 && !this.overlap) {
      const d = addr - this.base[prev];
      if (d >= 0 && d < this.size[prev]) {
        // The two most recently used entries trade places; their stamps are written when
        // something else needs them (settle()).
        this.prev = last;
        this.last = prev;
        const f = this.lastF64;
        f[0] = this.base[prev];
        f[1] = this.size[prev];
        return prev;
      }
    }
    for (let i = 0; i < this.entries; i++) {
      const d = addr - this.base[i];
      if (d >= 0 && d < this.size[i]) {
        this.settle();
        this.touch(i);
        this.setLast(i);
        return i;
      }
    }
    return -1;
  }

  /** Inserts [base, base + size) into the first invalid or the least recently used entry. */
  insert(base: number, size: number): number {
    this.settle();
    const victim = this.victim();
    if (this.size[victim] === 0) this.used++;
    for (let i = 0; i < this.entries && !this.overlap; i++) {
      if (i !== victim && this.size[i] > 0 && base < this.base[i] + this.size[i] && this.base[i] < base + size) this.overlap = true;
    }
    this.base[victim] = base;
    this.size[victim] = size;
    this.touch(victim);
    this.setLast(victim);
    return victim;
  }

  /** The entry with the lowest stamp: the lowest invalid one, else the least recently used. */
  private victim(): number {
    let v = 0;
    for (let i = 1; i < this.entries; i++) if (this.stamp[i] < this.stamp[v]) v = i;
    return v;
  }

  clear(): void {
    this.size.fill(0);
    this.used = 0;
    this.resetStamps();
    this.last = -1;
    this.prev = -1;
    this.overlap = false;
    this.lastF64[1] = 0;
  }
}

/**
 * Buckets of ExactAssocTable's index (a power of two, many times the entries of a BTB); a const
 * enum so that the bundle has the number written in (see Ms, src/csr/csrfile.ts).
 */
export const enum Index { BUCKETS = 4096 }

/**
 * The same fully associative true-LRU table for exact keys (BTB: one pc key per entry), with a
 * bucket index in front so that a lookup never scans the entries in the common case: bucket
 * b = (key >> 1) mod BUCKETS (instructions are 2-byte aligned) counts its live keys, and
 * hint[b] is the slot of one of them whenever the count is non-zero. A count of 0 is a sure
 * miss, a hint holding the key a hit, a count of 1 with another key at the hint a sure miss;
 * only two live keys in one bucket (rare: code 8 KiB apart) make a lookup scan. Replacement
 * is identical to AssocTable's. Its arrays are public for the branch predictor's generated code,
 * which does a lookup that finds its key at the hint, and an insert that keeps the victim's
 * bucket's hint valid, inline (PredictorCode, predictor.ts), and calls lookup() and insert()
 * for the rest; nothing else may write them.
 */
export class ExactAssocTable {
  /** Keys by slot; NaN in an invalid slot (no key equals it), so a lookup need not read `valid`. */
  readonly key: Float64Array;
  /** 1 for a valid slot. */
  readonly valid: Uint8Array;
  readonly lru: LruOrder;
  /** Per bucket, the slot of one of its live keys (when it has any), and how many it has. */
  readonly hint = new Int32Array(Index.BUCKETS);
  readonly count = new Uint16Array(Index.BUCKETS);

  constructor(readonly entries: number) {
    this.key = new Float64Array(entries).fill(NaN);
    this.valid = new Uint8Array(entries);
    this.lru = new LruOrder(entries);
  }

  /** Slot holding `k` (and marks it most recently used), or -1. */
  lookup(k: number): number {
    // (bucketOf written out: a module function's call checks the function it finds first.)
    const b = ((k | 0) >> 1) & (Index.BUCKETS - 1);
    const n = this.count[b];
    if (n === 0) return -1;
    let i = this.hint[b];
    if (this.key[i] !== k) {
      if (n === 1) return -1;
      i = this.scan(k);
      if (i < 0) return -1;
      this.hint[b] = i;
    }
    this.lru.touch(i);
    return i;
  }

  private scan(k: number): number {
    for (let j = 0; j < this.entries; j++) if (this.valid[j] === 1 && this.key[j] === k) return j;
    return -1;
  }

  /** Inserts `k` (not present) into the first invalid or the least recently used entry. */
  insert(k: number): number {
    const victim = this.lru.victim();
    if (this.valid[victim] === 1) {
      this.valid[victim] = 0;
      const old = bucketOf(this.key[victim]);
      // Keep the hint on a live key of the old bucket, if it still has one.
      if (--this.count[old] > 0 && this.hint[old] === victim) {
        for (let j = 0; j < this.entries; j++) {
          if (this.valid[j] === 1 && bucketOf(this.key[j]) === old) {
            this.hint[old] = j;
            break;
          }
        }
      }
    }
    const b = bucketOf(k);
    this.key[victim] = k;
    this.valid[victim] = 1;
    this.lru.touch(victim);
    this.count[b]++;
    this.hint[b] = victim;
    return victim;
  }

  clear(): void {
    this.valid.fill(0);
    this.key.fill(NaN);
    this.lru.reset();
    this.count.fill(0);
  }
}

/** `| 0` keeps the low 32 bits of any key (also negative or beyond 2^32): enough for a bucket. */
function bucketOf(k: number): number {
  return ((k | 0) >> 1) & (Index.BUCKETS - 1);
}
