// Sorting: insertion sort and recursive quicksort over static arrays filled by an LCG.
import { println, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { Arr, u32, u64, i64, zeroed } from '../../../src/gtsc/guest';

const N = 200;
const a = zeroed<Arr<u32, 200>>();
const b = zeroed<Arr<i64, 200>>();
let seed: u64 = 12345;

function rand(): u64 {
  seed = seed * 6364136223846793005 + 1442695040888963407;
  return seed >>> 33;
}

function insertionSort(n: i64): void {
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

function quicksort(lo: i64, hi: i64): void {
  if (lo >= hi) return;
  const pivot = b[(lo + hi) >> 1];
  let i = lo;
  let j = hi;
  while (i <= j) {
    while (b[i] < pivot) i++;
    while (b[j] > pivot) j--;
    if (i <= j) {
      const t = b[i];
      b[i] = b[j];
      b[j] = t;
      i++;
      j--;
    }
  }
  quicksort(lo, j);
  quicksort(i, hi);
}

function checkSorted(): u64 {
  for (let i = 1; i < N; i++) {
    if (a[i - 1] > a[i]) return 0;
    if (b[i - 1] > b[i]) return 0;
  }
  return 1;
}

export function main(): u64 {
  let sumA: u64 = 0;
  for (let i = 0; i < N; i++) {
    a[i] = rand() % 1000;
    b[i] = (rand() % 2001) - 1000;
    sumA += a[i];
  }
  insertionSort(N);
  quicksort(0, N - 1);
  println(checkSorted() ? 'sorted' : 'NOT sorted');
  let sumAfter: u64 = 0;
  for (let i = 0; i < N; i++) sumAfter += a[i];
  println(sumA === sumAfter ? 'sum kept' : 'sum changed');
  printU(a[0]); putchar(32); printU(a[N - 1]); putchar(10);
  return 0;
}
