// Hashing with structs: an open-addressing table (linear probing) of 1024 slots; 700 inserts,
// then 1400 lookups of which half miss.
import { Arr, u64, zeroed } from '../../../src/gtsc/guest';

interface Slot { key: u64; value: u64 }
const MASK = 1023;
const slots = zeroed<Arr<Slot, 1024>>();
const keys = zeroed<Arr<u64, 700>>();
export let seed: u64 = 99;

function rand(): u64 {
  seed = seed * 6364136223846793005 + 1442695040888963407;
  return seed >>> 33;
}

function hash(k: u64): u64 {
  return (k * 0x9e3779b97f4a7c15) >>> 54;
}

function insert(k: u64, v: u64): void {
  let i = hash(k);
  while (true) {
    const s = slots[i];
    if (s.key === 0 || s.key === k) {
      s.key = k;
      s.value = v;
      return;
    }
    i = (i + 1) & MASK;
  }
}

function lookup(k: u64): u64 {
  let i = hash(k);
  while (true) {
    const s = slots[i];
    if (s.key === k) return s.value;
    if (s.key === 0) return 0;
    i = (i + 1) & MASK;
  }
}

export function main(): u64 {
  for (let i = 0; i < 700; i++) {
    const k = rand() | 1;
    keys[i] = k;
    insert(k, i + 1);
  }
  let sum: u64 = 0;
  for (let i = 0; i < 700; i++) {
    sum += lookup(keys[i]);
    sum += lookup(rand() << 1);
  }
  return sum;
}
