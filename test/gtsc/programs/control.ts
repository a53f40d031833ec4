// Control flow: switch with fall-through and default, break/continue, do-while, infinite loops,
// pre/post increment values, compound assignment through pointers.
import { printI, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { Arr, i64, u64, zeroed } from '../../../src/gtsc/guest';

const counts = zeroed<Arr<u64, 4>>();

function classify(x: i64): i64 {
  switch (x) {
    case 0:
      return 100;
    case 1:
    case 2:
      return 200;
    case 3:
      x += 10;
      return 300 + x;
    case 4:
      return 300 + x;
    default:
      return -1;
  }
}

function collatz(n: u64): u64 {
  let steps: u64 = 0;
  while (true) {
    if (n === 1) break;
    n = n % 2 === 0 ? n / 2 : 3 * n + 1;
    steps++;
  }
  return steps;
}

function sumSkipping(n: i64): i64 {
  let s = 0;
  for (let i = 0; i < n; i++) {
    if (i % 3 === 0) continue;
    if (i > 20) break;
    s += i;
  }
  return s;
}

function digits(n: u64): u64 {
  let d: u64 = 0;
  do {
    d++;
    n = n / 10;
  } while (n > 0);
  return d;
}

export function main(): u64 {
  for (let x = -1; x <= 5; x++) {
    printI(classify(x));
    putchar(32);
  }
  putchar(10);
  printU(collatz(27)); putchar(10);
  printI(sumSkipping(100)); putchar(10);
  printU(digits(0)); putchar(32); printU(digits(9)); putchar(32); printU(digits(1000000)); putchar(10);
  let i = 5;
  const a = i++;
  const b = ++i;
  const c = i--;
  printI(a * 100 + b * 10 + c); putchar(32); printI(i); putchar(10);
  for (let k = 0; k < 10; k++) counts[k & 3]++;
  counts[1] += 100;
  counts[2] <<= 3;
  counts[3] -= 1;
  printU(counts[0]); putchar(32); printU(counts[1]); putchar(32); printU(counts[2]); putchar(32); printU(counts[3]); putchar(10);
  let n = 0;
  for (;;) {
    n += 7;
    if (n > 50) break;
  }
  printI(n); putchar(10);
  return 3;
}
