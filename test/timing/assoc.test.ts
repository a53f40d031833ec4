// The BTB's exact-key table against the range table used for TLBs: with ranges of size 1 the
// two are the same fully associative true-LRU structure, so every lookup and insert must pick
// the same slot. AssocTable is a plain scan, ExactAssocTable a hash index with backward-shift
// deletion: this drives the index through collisions, wrap-around and evictions.
import { describe, expect, it } from 'vitest';
import { AssocTable, ExactAssocTable } from '../../src/timing/assoc';
import { LruOrder } from '../../src/timing/lru';

/** A deterministic pseudo-random sequence (a 32-bit linear congruential generator). */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
}

describe('ExactAssocTable', () => {
  it('chooses the same slots as a scanned table, over random lookups, inserts and clears', () => {
    for (const entries of [1, 4, 28, 32]) {
      const exact = new ExactAssocTable(entries);
      const scan = new AssocTable(entries);
      const rnd = lcg(0x1234567);
      // Keys from a small pool (many hits), with colliding low bits and negative and large values.
      const pool = Array.from({ length: entries * 3 }, (_, i) => (i % 3 === 0 ? i * 4096 : i % 3 === 1 ? -2147483648 - i * 2 : 2 ** 40 + i * 64));
      for (let step = 0; step < 20000; step++) {
        const k = pool[rnd() % pool.length];
        const a = exact.lookup(k);
        const b = scan.lookup(k);
        expect(a, `lookup ${k} at step ${step} (${entries} entries)`).toBe(b);
        if (a < 0) expect(exact.insert(k)).toBe(scan.insert(k, 1));
        if (rnd() % 5000 === 0) {
          exact.clear();
          scan.clear();
        }
      }
    }
  });
});

describe('AssocTable against a reference table', () => {
  // The reference: the entry used last if it covers the address, else the lowest-numbered entry
  // that covers it; inserts go to the lowest invalid entry, else the least recently used one (a
  // recency list). Ranges of 1, 4 and 16 overlap (a superpage inserted over a page), and a few
  // hot ranges are used in turn, as a trap handler's page and the interrupted code's are: the
  // table's shortcut for the second most recently used entry must find what the scan finds.
  it('finds and replaces the same entries, with overlapping ranges', () => {
    for (const n of [1, 2, 4, 8, 32]) {
      const t = new AssocTable(n);
      const base: number[] = new Array<number>(n).fill(0);
      const size: number[] = new Array<number>(n).fill(0);
      let order = Array.from({ length: n }, (_, i) => i);
      let last = -1;
      const use = (i: number): void => {
        order = [...order.filter((j) => j !== i), i];
        last = i;
      };
      const covers = (i: number, a: number): boolean => a >= base[i] && a < base[i] + size[i];
      const rnd = lcg(0x13579b ^ n);
      for (let step = 0; step < 20000; step++) {
        const r = rnd();
        if (r % 2003 === 0) {
          t.clear();
          size.fill(0);
          order = Array.from({ length: n }, (_, i) => i);
          last = -1;
          continue;
        }
        const a = r % 3 !== 0 ? 64 + ((r >>> 4) % 2) * 32 + ((r >>> 8) % 3) : (r >>> 8) % 128;
        let want = last >= 0 && covers(last, a) ? last : -1;
        for (let i = 0; want < 0 && i < n; i++) if (covers(i, a)) want = i;
        expect(t.lookup(a), `lookup ${a} at step ${step} (${n} entries)`).toBe(want);
        if (want >= 0) {
          use(want);
          continue;
        }
        const sz = [1, 4, 16][(r >>> 12) % 3];
        const inv = size.indexOf(0);
        const victim = inv >= 0 ? inv : order[0];
        expect(t.insert(a - (a % sz), sz), `insert at step ${step}`).toBe(victim);
        base[victim] = a - (a % sz);
        size[victim] = sz;
        use(victim);
      }
    }
  });
});

describe('LruOrder', () => {
  it('victims in slot order after reset, then least recently used', () => {
    const l = new LruOrder(4);
    expect(l.victim()).toBe(0);
    l.touch(0);
    expect(l.victim()).toBe(1);
    l.touch(1);
    l.touch(2);
    l.touch(3);
    expect(l.victim()).toBe(0);
    l.touch(0);
    expect(l.victim()).toBe(1);
    l.reset();
    expect(l.victim()).toBe(0);
    l.touch(0);
    l.touch(1);
    expect(l.victim()).toBe(2);
  });
});

describe('LruOrder against a recency list', () => {
  // True LRU by definition: a list of slots from least to most recently used, initially 0 … n−1;
  // a touch moves the slot to the end, the victim is the front.
  it('picks the least recently used slot after any sequence of touches and resets', () => {
    for (const n of [1, 2, 8, 28, 32]) {
      const l = new LruOrder(n);
      let order = Array.from({ length: n }, (_, i) => i);
      const rnd = lcg(0x2468ace ^ n);
      for (let step = 0; step < 5000; step++) {
        const r = rnd();
        if (r % 997 === 0) {
          l.reset();
          order = Array.from({ length: n }, (_, i) => i);
        } else {
          // Mostly a few hot slots (like alternating TLB pages), sometimes any slot.
          const i = r % 4 === 0 ? (r >>> 8) % n : (r >>> 8) % Math.min(n, 3);
          l.touch(i);
          order = [...order.filter((j) => j !== i), i];
        }
        expect(l.victim(), `step ${step}, ${n} slots`).toBe(order[0]);
      }
    }
  });
});
