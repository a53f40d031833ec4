/**
 * The machine-wide queue of timed events (architecture.md §3): timer compares, device
 * completions, frames arriving on the host wire, IPI and UINTC delivery. Emulated time is a
 * cycle count (a JS number: exact to 2^53 cycles, 2.8 years at 100 MHz).
 *
 * Handlers are registered once and referred to by index, and an event is three numbers, so
 * the queue is plain data that can be snapshotted. Events at the same time fire in the order
 * they were scheduled (a sequence number breaks ties), which keeps runs deterministic.
 */

export interface TimedHandler {
  /** Called when an event scheduled with this handler's id falls due. */
  onEvent(tag: number, time: number): void;
}

export class EventQueue {
  private readonly handlers: TimedHandler[] = [];
  // A binary min-heap of events, stored as parallel arrays ordered by (time, seq).
  private times: number[] = [];
  private seqs: number[] = [];
  private ids: number[] = [];
  private tags: number[] = [];
  private nextSeq = 0;

  /**
   * @param onNewEarliest called when a newly scheduled event becomes the earliest pending one
   *   (the machine uses it to stop a hart that would otherwise run past the event).
   */
  constructor(private readonly onNewEarliest?: (time: number) => void) {}

  /** Registers a handler and returns the id to schedule its events with. */
  register(handler: TimedHandler): number {
    this.handlers.push(handler);
    return this.handlers.length - 1;
  }

  get size(): number {
    return this.times.length;
  }

  /**
   * Time of the earliest pending event, or Infinity when there is none. A field kept up to date
   * by every change of the heap's top, not a getter: the scheduler reads it several times per
   * slice, and V8 did not always inline the getter (kcall2 rocket: a call per read). Written
   * only by this class.
   */
  nextTime = Infinity;

  schedule(time: number, handlerId: number, tag: number): void {
    let i = this.times.length;
    this.times.push(time);
    this.seqs.push(this.nextSeq++);
    this.ids.push(handlerId);
    this.tags.push(tag);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
    if (i === 0) {
      this.nextTime = time;
      this.onNewEarliest?.(time);
    }
  }

  /** Removes every pending event of `handlerId` with tag `tag`. */
  cancel(handlerId: number, tag: number): void {
    for (let i = this.times.length - 1; i >= 0; i--) {
      if (this.ids[i] === handlerId && this.tags[i] === tag) this.removeAt(i);
    }
  }

  /** Fires, in (time, scheduling order), every event due at or before `time`. */
  runUntil(time: number): void {
    while (this.times.length > 0 && this.times[0] <= time) {
      const t = this.times[0];
      const id = this.ids[0];
      const tag = this.tags[0];
      this.removeAt(0);
      this.handlers[id].onEvent(tag, t);
    }
  }

  private before(a: number, b: number): boolean {
    const ta = this.times[a];
    const tb = this.times[b];
    return ta < tb || (ta === tb && this.seqs[a] < this.seqs[b]);
  }

  /** Swaps two events (written out per array: a loop over a new array of the four allocated). */
  private swap(a: number, b: number): void {
    const times = this.times;
    const seqs = this.seqs;
    const ids = this.ids;
    const tags = this.tags;
    const t = times[a];
    times[a] = times[b];
    times[b] = t;
    const s = seqs[a];
    seqs[a] = seqs[b];
    seqs[b] = s;
    const d = ids[a];
    ids[a] = ids[b];
    ids[b] = d;
    const g = tags[a];
    tags[a] = tags[b];
    tags[b] = g;
  }

  private removeAt(i: number): void {
    this.removeFromHeap(i);
    this.nextTime = this.times.length > 0 ? this.times[0] : Infinity;
  }

  /** removeAt() without the update of nextTime. */
  private removeFromHeap(i: number): void {
    const last = this.times.length - 1;
    if (i !== last) this.swap(i, last);
    this.times.pop();
    this.seqs.pop();
    this.ids.pop();
    this.tags.pop();
    if (i >= this.times.length) return;
    // Restore the heap property in both directions.
    let j = i;
    while (j > 0) {
      const parent = (j - 1) >> 1;
      if (!this.before(j, parent)) break;
      this.swap(j, parent);
      j = parent;
    }
    for (;;) {
      const l = 2 * j + 1;
      const r = l + 1;
      let m = j;
      if (l < this.times.length && this.before(l, m)) m = l;
      if (r < this.times.length && this.before(r, m)) m = r;
      if (m === j) break;
      this.swap(j, m);
      j = m;
    }
  }
}
