// The BTB's exact-key table against the range table used for TLBs: with ranges of size 1 the
// two are the same fully associative true-LRU structure, so every lookup and insert must pick
// the same slot. AssocTable is a plain scan, ExactAssocTable a hash index with backward-shift
// deletion: this drives the index through collisions, wrap-around and evictions.
import { describe, expect, it } from 'vitest';
import { AssocTable, ExactAssocTable } from '../../src/timing/assoc';
import { LruOrder } from '../../src/timing/lru';

describe('ExactAssocTable', () => {
  it('chooses the same slots as a scanned table, over random lookups, inserts and clears', () => {
    for (const entries of [1, 4, 28, 32]) {
      const exact = new ExactAssocTable(entries);
      const scan = new AssocTable(entries);
      let x = 0x1234567;
      const rnd = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
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
      let x = 0x2468ace ^ n;
      const rnd = (): number => (x = (Math.imul(x, 1103515245) + 12345) >>> 0);
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
