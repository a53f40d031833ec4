// Recursion: Fibonacci, Ackermann, Towers of Hanoi move count, GCD, mutual recursion.
import { printI, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { i64, u64 } from '../../../src/gtsc/guest';

function fib(n: i64): i64 {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

function ack(m: u64, n: u64): u64 {
  if (m === 0) return n + 1;
  if (n === 0) return ack(m - 1, 1);
  return ack(m - 1, ack(m, n - 1));
}

let moves: u64 = 0;
function hanoi(n: u64, from: u64, to: u64, via: u64): void {
  if (n === 0) return;
  hanoi(n - 1, from, via, to);
  moves++;
  hanoi(n - 1, via, to, from);
}

function gcd(a: u64, b: u64): u64 {
  return b === 0 ? a : gcd(b, a % b);
}

function isEven(n: u64): boolean {
  return n === 0 ? true : isOdd(n - 1);
}
function isOdd(n: u64): boolean {
  return n === 0 ? false : isEven(n - 1);
}

function sumArgs(a: i64, b: i64, c: i64, d: i64, e: i64, f: i64, g: i64, h: i64): i64 {
  return a - b + c - d + e - f + g - h * 2;
}

export function main(): u64 {
  printI(fib(20)); putchar(10);
  printU(ack(2, 3)); putchar(10);
  hanoi(10, 1, 3, 2);
  printU(moves); putchar(10);
  printU(gcd(1071, 462)); putchar(10);
  printU(isEven(17) ? 1 : 0); printU(isOdd(17) ? 1 : 0); putchar(10);
  printI(sumArgs(1, 2, 3, 4, 5, 6, 7, 8)); putchar(10);
  return 0;
}
