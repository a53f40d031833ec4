// A ring buffer: a 64-entry queue behind small push/pop/count functions, driven by a
// pseudo-random producer/consumer pattern; the result sums what came out, weighted by order.
import { Arr, Ptr, u32, u64, zeroed } from '../../../src/gtsc/guest';

interface Ring { head: u32; tail: u32; buf: Arr<u64, 64> }
const ring = zeroed<Ring>();
export let seed: u64 = 5;

function rand(): u64 {
  seed = seed * 6364136223846793005 + 1442695040888963407;
  return seed >>> 33;
}

function count(r: Ptr<Ring>): u64 {
  return r.head - r.tail;
}

function push(r: Ptr<Ring>, v: u64): void {
  r.buf[r.head & 63] = v;
  r.head = r.head + 1;
}

function pop(r: Ptr<Ring>): u64 {
  const v = r.buf[r.tail & 63];
  r.tail = r.tail + 1;
  return v;
}

export function main(): u64 {
  let sum: u64 = 0;
  let produced: u64 = 0;
  let consumed: u64 = 0;
  for (let round = 0; round < 3000; round++) {
    const k = rand() & 7;
    for (let i: u64 = 0; i < k; i++) {
      if (count(ring) < 64) { push(ring, produced * 13 + 1); produced++; }
    }
    const m = rand() & 7;
    for (let i: u64 = 0; i < m; i++) {
      if (count(ring) > 0) { consumed++; sum += pop(ring) * consumed; }
    }
  }
  return sum + produced * 1000003 + consumed;
}
