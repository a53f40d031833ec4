// Integer matrix multiply: C = A x B for 8x8 matrices of i32 stored row-major in statics.
import { printI, putchar } from '../../../src/gtsc/runtime/rt';
import { Arr, Ptr, i32, i64, u64, zeroed } from '../../../src/gtsc/guest';

const N = 8;
const A = zeroed<Arr<i32, 64>>();
const B = zeroed<Arr<i32, 64>>();
const C = zeroed<Arr<i32, 64>>();

function matmul(a: Ptr<i32>, b: Ptr<i32>, c: Ptr<i32>, n: i64): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
      c[i * n + j] = s;
    }
  }
}

export function main(): u64 {
  for (let i = 0; i < N; i++) {
    for (let j = 0; j < N; j++) {
      A[i * N + j] = i - j;
      B[i * N + j] = i * j + 1;
    }
  }
  matmul(A, B, C, N);
  let trace = 0;
  for (let i = 0; i < N; i++) trace += C[i * N + i];
  printI(trace); putchar(10);
  printI(C[0]); putchar(32); printI(C[7]); putchar(32); printI(C[63]); putchar(10);
  return 0;
}
