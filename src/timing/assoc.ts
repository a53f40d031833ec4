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
  private readonly lru: LruOrder;
  private last = -1;

  constructor(readonly entries: number) {
    this.base = new Float64Array(entries);
    this.size = new Float64Array(entries);
    this.lru = new LruOrder(entries);
  }

  /** Index of the entry covering `addr` (and marks it most recently used), or -1. */
  lookup(addr: number): number {
    const last = this.last;
    if (last >= 0) {
      const d = addr - this.base[last];
      if (d >= 0 && d < this.size[last]) {
        this.lru.touch(last);
        return last;
      }
    }
    for (let i = 0; i < this.entries; i++) {
      const d = addr - this.base[i];
      if (d >= 0 && d < this.size[i]) {
        this.lru.touch(i);
        this.last = i;
        return i;
      }
    }
    return -1;
  }

  /** Inserts [base, base + size) into the first invalid or the least recently used entry. */
  insert(base: number, size: number): number {
    const victim = this.lru.victim();
    this.base[victim] = base;
    this.size[victim] = size;
    this.lru.touch(victim);
    this.last = victim;
    return victim;
  }

  clear(): void {
    this.size.fill(0);
    this.lru.reset();
    this.last = -1;
  }
}

/**
 * The same fully associative true-LRU table for exact keys (BTB: one pc key per entry), with
 * a small open-addressing hash index (linear probing, key → slot) in front so that a lookup
 * is a probe or two, never a scan of the entries. Replacement is identical to AssocTable's.
 */
export class ExactAssocTable {
  readonly key: Float64Array;
  private readonly valid: Uint8Array;
  private readonly lru: LruOrder;
  /** Hash index: slot number, or -1 for an empty position; at most half full. */
  private readonly index: Int32Array;
  private readonly mask: number;
  private readonly shift: number;

  constructor(readonly entries: number) {
    this.key = new Float64Array(entries);
    this.valid = new Uint8Array(entries);
    this.lru = new LruOrder(entries);
    let bits = 4;
    while (1 << bits < 2 * entries) bits++;
    this.index = new Int32Array(1 << bits).fill(-1);
    this.mask = (1 << bits) - 1;
    this.shift = 32 - bits;
  }

  /** Home position of key k (Fibonacci hashing of its low 32 bits; probing resolves the rest). */
  private home(k: number): number {
    return Math.imul(k | 0, 0x9e3779b1) >>> this.shift;
  }

  /** Slot holding `k` (and marks it most recently used), or -1. */
  lookup(k: number): number {
    const index = this.index;
    for (let h = this.home(k); ; h = (h + 1) & this.mask) {
      const s = index[h];
      if (s < 0) return -1;
      if (this.key[s] === k) {
        this.lru.touch(s);
        return s;
      }
    }
  }

  /** Inserts `k` (not present) into the first invalid or the least recently used entry. */
  insert(k: number): number {
    const victim = this.lru.victim();
    if (this.valid[victim] === 1) this.unindex(this.key[victim]);
    this.key[victim] = k;
    this.valid[victim] = 1;
    this.lru.touch(victim);
    let h = this.home(k);
    while (this.index[h] >= 0) h = (h + 1) & this.mask;
    this.index[h] = victim;
    return victim;
  }

  /** Removes key k from the hash index (backward-shift deletion keeps probe chains intact). */
  private unindex(k: number): void {
    const index = this.index;
    const mask = this.mask;
    let i = this.home(k);
    while (this.key[index[i]] !== k) i = (i + 1) & mask;
    for (let j = (i + 1) & mask; index[j] >= 0; j = (j + 1) & mask) {
      const hj = this.home(this.key[index[j]]);
      // Move entry j back to the hole at i unless its home lies cyclically in (i, j].
      const homeInRange = i <= j ? hj > i && hj <= j : hj > i || hj <= j;
      if (!homeInRange) {
        index[i] = index[j];
        i = j;
      }
    }
    index[i] = -1;
  }

  clear(): void {
    this.valid.fill(0);
    this.lru.reset();
    this.index.fill(-1);
  }
}
