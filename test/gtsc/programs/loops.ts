// Array loops in many shapes (exercises induction-variable strength reduction and hoisting).
import { printI, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { Arr, Ptr, i64, u16, u64, zeroed } from '../../../src/gtsc/guest';

const a = zeroed<Arr<i64, 64>>();
const h = zeroed<Arr<u16, 64>>();
const grid = zeroed<Arr<i64, 100>>();

function fill(): void {
  for (let i = 0; i < 64; i++) {
    a[i] = i * 3 - 50;
    h[i] = i * 1000;
  }
}

function sumStep(step: i64): i64 {
  let s = 0;
  for (let i = 0; i < 64; i += step) s += a[i];
  return s;
}

function sumBackward(): i64 {
  let s = 0;
  let i = 63;
  while (i >= 0) {
    s = s * 3 + a[i];
    i -= 2;
  }
  return s;
}

function skipOdd(): i64 {
  let s = 0;
  for (let i = 0; i < 64; i++) {
    if ((i & 1) !== 0) continue;
    s += a[i] * i;
  }
  return s;
}

function twoUpdates(): i64 {
  let s = 0;
  let i = 0;
  while (i < 60) {
    s += a[i];
    if (a[i] > 0) i += 3;
    else i++;
    s += a[i + 1];
  }
  return s + i;
}

function irregular(): i64 {
  let s = 0;
  let i = 1;
  while (i < 64) {
    s += a[i];
    i = i * 2;
  }
  return s;
}

function grid2d(n: i64): i64 {
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) grid[r * n + c] = r * 10 + c;
  let diag = 0;
  for (let k = 0; k < n; k++) diag += grid[k * n + k] + grid[(n - 1 - k) * n + k];
  return diag;
}

function halves(p: Ptr<u16>, n: i64): u64 {
  let s: u64 = 0;
  for (let i = 0; i < n; i++) s += p[i] + p[n - 1 - i];
  return s;
}

export function main(): u64 {
  fill();
  printI(sumStep(1)); putchar(32); printI(sumStep(5)); putchar(10);
  printI(sumBackward()); putchar(10);
  printI(skipOdd()); putchar(10);
  printI(twoUpdates()); putchar(10);
  printI(irregular()); putchar(10);
  printI(grid2d(10)); putchar(10);
  printU(halves(h, 64)); putchar(10);
  return 0;
}
