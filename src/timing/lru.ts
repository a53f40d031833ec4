/**
 * True-LRU order of n slots, as a use stamp per slot: touch() is one store, victim() a scan for
 * the smallest stamp (it is only asked on a miss). After reset() the victim order is slot 0, 1,
 * 2, … (untouched slots keep stamps below every touched one, ordered by index) — so with slots
 * only ever invalidated all at once, "take the victim" means "the lowest-numbered invalid slot,
 * else the least recently used one".
 */
export class LruOrder {
  private readonly stamp: Float64Array;
  /** The last stamp given; stamps only grow (2^53 touches are out of reach). */
  private clock = 0;

  constructor(private readonly n: number) {
    this.stamp = new Float64Array(Math.max(1, n));
    this.reset();
  }

  reset(): void {
    // Below every stamp touch() has given or will give, in slot order.
    for (let i = 0; i < this.n; i++) this.stamp[i] = i - this.n - this.clock;
  }

  /** Marks `i` most recently used. */
  touch(i: number): void {
    this.stamp[i] = ++this.clock;
  }

  /** The least recently used slot. */
  victim(): number {
    const st = this.stamp;
    let v = 0;
    for (let i = 1; i < this.n; i++) if (st[i] < st[v]) v = i;
    return v;
  }
}
