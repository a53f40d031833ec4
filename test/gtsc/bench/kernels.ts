// Benchmark kernels for instruction-count comparison with the same C code (kernels.c, gcc -O2).
import { Arr, Ptr, i64, u32, u64, u8, zeroed } from '../../../src/gtsc/guest';

const data = zeroed<Arr<u32, 256>>();
const mat = zeroed<Arr<i64, 256>>();
const out = zeroed<Arr<i64, 256>>();
const bytes = zeroed<Arr<u8, 1024>>();

interface Node { next: Ptr<Node>; value: u64 }
const nodes = zeroed<Arr<Node, 128>>();

function fib(n: i64): i64 {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
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

function matmul(a: Ptr<i64>, b: Ptr<i64>, c: Ptr<i64>, n: i64): void {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
      c[i * n + j] = s;
    }
  }
}

function fnv(p: Ptr<u8>, n: u64): u64 {
  let h: u64 = 0xcbf29ce484222325;
  for (let i: u64 = 0; i < n; i++) h = (h ^ p[i]) * 0x100000001b3;
  return h;
}

function listSum(head: Ptr<Node>): u64 {
  let s: u64 = 0;
  for (let p = head; p !== 0; p = p.next) s += p.value;
  return s;
}

export function main(): u64 {
  let seed: u64 = 1;
  for (let i = 0; i < 256; i++) {
    seed = seed * 1103515245 + 12345;
    data[i] = (seed >>> 16) & 0xffff;
    mat[i] = i & 15;
  }
  for (let i = 0; i < 1024; i++) bytes[i] = i * 7;
  for (let i = 0; i < 127; i++) { nodes[i].next = nodes[i + 1]; nodes[i].value = i; }
  let r: u64 = fib(18);
  isort(data, 256);
  matmul(mat, mat, out, 16);
  r += fnv(bytes, 1024);
  r += listSum(nodes);
  return (r + data[100] + out[17]) & 0xff;
}
