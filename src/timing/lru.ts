/**
 * True-LRU order of n slots, kept as a last-use stamp per slot: touch() is one store, victim()
 * a scan for the oldest stamp. Lookups (every TLB and BTB hit) touch; only an insert (a miss,
 * which also walks page tables or refills) asks for a victim. After reset() the stamps rise
 * with the slot number, so the victim order is slot 0, 1, 2, … — with slots only ever
 * invalidated all at once, "take the victim" means "the lowest-numbered invalid slot, else
 * the least recently used one".
 */
export class LruOrder {
  /** Per slot, when it was last used (larger: more recent, all distinct); slot n holds the clock. */
  private readonly stamp: Float64Array;

  constructor(private readonly n: number) {
    this.stamp = new Float64Array(n + 1);
    this.reset();
  }

  reset(): void {
    const s = this.stamp;
    for (let i = 0; i < this.n; i++) s[i] = i - this.n;
    s[this.n] = 0;
  }

  /** Marks `i` most recently used. */
  touch(i: number): void {
    const s = this.stamp;
    const now = s[this.n] + 1;
    s[this.n] = now;
    s[i] = now;
  }

  /** The least recently used slot (slot 0 when there are none). */
  victim(): number {
    const s = this.stamp;
    let v = 0;
    for (let i = 1; i < this.n; i++) if (s[i] < s[v]) v = i;
    return v;
  }
}
