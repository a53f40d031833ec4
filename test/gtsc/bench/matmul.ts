// Arrays and multiplication: 20x20 i64 matrix product, twice.
import { Arr, Ptr, i64, u64, zeroed } from '../../../src/gtsc/guest';

const N = 20;
const a = zeroed<Arr<i64, 400>>();
const b = zeroed<Arr<i64, 400>>();
const c = zeroed<Arr<i64, 400>>();

function matmul(x: Ptr<i64>, y: Ptr<i64>, z: Ptr<i64>, n: i64): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += x[i * n + k] * y[k * n + j];
      z[i * n + j] = s;
    }
  }
}

export function main(): u64 {
  for (let i = 0; i < N * N; i++) {
    a[i] = (i * 7) % 19 - 9;
    b[i] = (i * 5) % 23 - 11;
  }
  matmul(a, b, c, N);
  matmul(c, a, b, N);
  let sum: u64 = 0;
  for (let i = 0; i < N * N; i++) sum = sum * 3 + b[i];
  return sum;
}
