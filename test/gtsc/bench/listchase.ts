// Pointer chasing: 512 list nodes linked in a shuffled order (Fisher-Yates), walked 16 times.
import { Arr, Ptr, ptr, u64, zeroed } from '../../../src/gtsc/guest';

interface Node { next: Ptr<Node>; value: u64 }
const N = 512;
const nodes = zeroed<Arr<Node, 512>>();
const order = zeroed<Arr<u64, 512>>();
export let seed: u64 = 42;

function rand(): u64 {
  seed = seed * 6364136223846793005 + 1442695040888963407;
  return seed >>> 33;
}

function walk(head: Ptr<Node>): u64 {
  let s: u64 = 0;
  for (let p = head; p !== 0; p = p.next) s = s + p.value;
  return s;
}

export function main(): u64 {
  for (let i = 0; i < N; i++) order[i] = i;
  for (let i = N - 1; i > 0; i--) {
    const j = rand() % (i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  for (let i = 0; i < N; i++) {
    const n = nodes[order[i]];
    n.value = i * 3 + 1;
    n.next = i + 1 < N ? nodes[order[i + 1]] : ptr<Node>(0);
  }
  let sum: u64 = 0;
  for (let r = 0; r < 16; r++) sum += walk(nodes[order[r]]) * (r + 1);
  return sum;
}
