/**
 * True-LRU order of n slots as a doubly linked list in typed arrays: touch() and victim() are
 * O(1). After reset() the victim order is slot 0, 1, 2, … — so with slots only ever
 * invalidated all at once, "take the victim" means "the lowest-numbered invalid slot, else
 * the least recently used one". The arrays are public for the branch predictor's generated code,
 * which does touch() inline (PredictorCode, predictor.ts); nothing else may write them.
 */
/** Slots of LruOrder.ends. */
export const enum LruEnd {
  /** The most recently used slot. */
  Head = 0,
  /** The least recently used slot. */
  Tail = 1,
}

export class LruOrder {
  /** Per slot, its neighbour towards the head (more recently used; -1: none) and towards the tail. */
  readonly prev: Int32Array;
  readonly next: Int32Array;
  /** The most and least recently used slots (LruEnd: an Int32Array, for generated code). */
  readonly ends = new Int32Array(2);

  constructor(private readonly n: number) {
    this.prev = new Int32Array(Math.max(1, n));
    this.next = new Int32Array(Math.max(1, n));
    this.reset();
  }

  reset(): void {
    // tail = 0 ← 1 ← … ← n−1 = head
    for (let i = 0; i < this.n; i++) {
      this.next[i] = i - 1; // towards the tail
      this.prev[i] = i + 1 < this.n ? i + 1 : -1; // towards the head
    }
    this.ends[LruEnd.Head] = this.n - 1;
    this.ends[LruEnd.Tail] = 0;
  }

  /** Marks `i` most recently used. */
  touch(i: number): void {
    const ends = this.ends;
    const head = ends[LruEnd.Head];
    if (i === head) return;
    const p = this.prev[i];
    const nx = this.next[i];
    // unlink (i is not the head, so p ≥ 0)
    this.next[p] = nx;
    if (nx >= 0) this.prev[nx] = p;
    else ends[LruEnd.Tail] = p;
    // link at the head
    this.prev[i] = -1;
    this.next[i] = head;
    this.prev[head] = i;
    ends[LruEnd.Head] = i;
  }

  /** The least recently used slot. */
  victim(): number {
    return this.ends[LruEnd.Tail];
  }
}
