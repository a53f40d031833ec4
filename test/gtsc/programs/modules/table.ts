// A module with private state and an exported API.
import { Arr, Ptr, u64, zeroed } from '../../../../src/gtsc/guest';
import { Counter, TABLE_SIZE } from './config';

const slots = zeroed<Arr<u64, 16>>();
export const stats = zeroed<Counter>();
let inserted: u64 = 0;

function slotOf(key: u64): u64 {
  return key % TABLE_SIZE;
}

export function insert(key: u64): void {
  slots[slotOf(key)] = key;
  inserted++;
}

export function lookup(key: u64): u64 {
  const hit = slots[slotOf(key)] === key;
  if (hit) stats.hits++;
  else stats.misses++;
  return hit ? 1 : 0;
}

export function count(): u64 {
  return inserted;
}

export function counters(): Ptr<Counter> {
  return stats;
}
