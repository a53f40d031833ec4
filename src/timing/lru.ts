/**
 * True-LRU order of n slots as a doubly linked list in typed arrays: touch() and victim() are
 * O(1). After reset() the victim order is slot 0, 1, 2, … — so with slots only ever
 * invalidated all at once, "take the victim" means "the lowest-numbered invalid slot, else
 * the least recently used one".
 */
export class LruOrder {
  private readonly prev: Int32Array;
  private readonly next: Int32Array;
  /** Most and least recently used slots. */
  private head = 0;
  private tail = 0;

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
    this.head = this.n - 1;
    this.tail = 0;
  }

  /** Marks `i` most recently used. */
  touch(i: number): void {
    if (i === this.head) return;
    const p = this.prev[i];
    const nx = this.next[i];
    // unlink (i is not the head, so p ≥ 0)
    this.next[p] = nx;
    if (nx >= 0) this.prev[nx] = p;
    else this.tail = p;
    // link at the head
    this.prev[i] = -1;
    this.next[i] = this.head;
    this.prev[this.head] = i;
    this.head = i;
  }

  /** The least recently used slot. */
  victim(): number {
    return this.tail;
  }
}
