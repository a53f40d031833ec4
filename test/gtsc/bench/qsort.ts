// Sorting and recursion: quicksort (Hoare partition) of 1500 i64 from an LCG.
import { Arr, Ptr, i64, u64, zeroed } from '../../../src/gtsc/guest';

const N = 1500;
const data = zeroed<Arr<i64, 1500>>();
export let seed: u64 = 2024;

function rand(): u64 {
  seed = seed * 6364136223846793005 + 1442695040888963407;
  return seed >>> 33;
}

function quicksort(a: Ptr<i64>, lo: i64, hi: i64): void {
  if (lo >= hi) return;
  const pivot = a[(lo + hi) >> 1];
  let i = lo;
  let j = hi;
  while (i <= j) {
    while (a[i] < pivot) i++;
    while (a[j] > pivot) j--;
    if (i <= j) {
      const t = a[i];
      a[i] = a[j];
      a[j] = t;
      i++;
      j--;
    }
  }
  quicksort(a, lo, j);
  quicksort(a, i, hi);
}

export function main(): u64 {
  for (let i = 0; i < N; i++) data[i] = i64(rand() % 100000) - 50000;
  quicksort(data, 0, N - 1);
  let sum: u64 = 0;
  for (let i = 0; i < N; i++) sum = sum * 7 + data[i];
  return sum;
}
