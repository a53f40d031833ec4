// Sorting: insertion sort of 400 u32 from an LCG; the result is a position-weighted checksum.
import { Arr, Ptr, i64, u32, u64, zeroed } from '../../../src/gtsc/guest';

const N = 400;
const data = zeroed<Arr<u32, 400>>();
export let seed: u64 = 7;

function rand(): u64 {
  seed = seed * 6364136223846793005 + 1442695040888963407;
  return seed >>> 33;
}

function isort(a: Ptr<u32>, n: i64): void {
  for (let i = 1; i < n; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > x) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

export function main(): u64 {
  for (let i = 0; i < N; i++) data[i] = rand();
  isort(data, N);
  let sum: u64 = 0;
  for (let i = 0; i < N; i++) sum += data[i] * (i + 1);
  return sum;
}
