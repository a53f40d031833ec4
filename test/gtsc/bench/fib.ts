// Recursion: the doubly recursive Fibonacci (calls, returns, the early-return path).
import { i64, u64 } from '../../../src/gtsc/guest';

export let n: i64 = 22;

function fib(k: i64): i64 {
  return k < 2 ? k : fib(k - 1) + fib(k - 2);
}

export function main(): u64 {
  return fib(n);
}
