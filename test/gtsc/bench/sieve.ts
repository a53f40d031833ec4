// Byte arrays and nested loops: the sieve of Eratosthenes up to 30000, three times.
import { Arr, u64, u8, zeroed } from '../../../src/gtsc/guest';

const N = 30000;
const composite = zeroed<Arr<u8, 30000>>();

function sieve(): u64 {
  for (let i = 0; i < N; i++) composite[i] = 0;
  let count: u64 = 0;
  for (let i = 2; i < N; i++) {
    if (composite[i] === 0) {
      count++;
      for (let j = i * i; j < N; j += i) composite[j] = 1;
    }
  }
  return count;
}

export function main(): u64 {
  let sum: u64 = 0;
  for (let r = 0; r < 3; r++) sum = sum * 100000 + sieve();
  return sum;
}
