// Register pressure: more live values than registers, across calls (spills, callee-saved).
import { printU, putchar } from '../../../src/gtsc/runtime/rt';
import { Arr, u64, u8, zeroed } from '../../../src/gtsc/guest';

function id(x: u64): u64 {
  return x;
}

function pressure(seed: u64): u64 {
  const v0 = id(seed + 0); const v1 = id(seed + 1); const v2 = id(seed + 2); const v3 = id(seed + 3);
  const v4 = id(seed + 4); const v5 = id(seed + 5); const v6 = id(seed + 6); const v7 = id(seed + 7);
  const v8 = id(seed + 8); const v9 = id(seed + 9); const v10 = id(seed + 10); const v11 = id(seed + 11);
  const v12 = id(seed + 12); const v13 = id(seed + 13); const v14 = id(seed + 14); const v15 = id(seed + 15);
  const v16 = id(seed + 16); const v17 = id(seed + 17);
  let s: u64 = 0;
  s = s * 3 + v0; s = s * 3 + v1; s = s * 3 + v2; s = s * 3 + v3; s = s * 3 + v4; s = s * 3 + v5;
  s = s * 3 + v6; s = s * 3 + v7; s = s * 3 + v8; s = s * 3 + v9; s = s * 3 + v10; s = s * 3 + v11;
  s = s * 3 + v12; s = s * 3 + v13; s = s * 3 + v14; s = s * 3 + v15; s = s * 3 + v16; s = s * 3 + v17;
  return s;
}

function leafPressure(a: u64, b: u64): u64 {
  const x0 = a * 1; const x1 = a * 2 + b; const x2 = a * 3 + b; const x3 = a * 4 + b; const x4 = a * 5 + b;
  const x5 = a * 6 + b; const x6 = a * 7 + b; const x7 = a * 8 + b; const x8 = a * 9 + b; const x9 = a * 10 + b;
  const x10 = a * 11 + b; const x11 = a * 12 + b; const x12 = a * 13 + b; const x13 = a * 14 + b; const x14 = a * 15 + b;
  const x15 = a * 16 + b; const x16 = a * 17 + b; const x17 = a * 18 + b; const x18 = a * 19 + b; const x19 = a * 20 + b;
  const x20 = a * 21 + b; const x21 = a * 22 + b; const x22 = a * 23 + b; const x23 = a * 24 + b; const x24 = a * 25 + b;
  const x25 = a * 26 + b; const x26 = a * 27 + b; const x27 = a * 28 + b; const x28 = a * 29 + b; const x29 = a * 30 + b;
  return x0 ^ x1 ^ x2 ^ x3 ^ x4 ^ x5 ^ x6 ^ x7 ^ x8 ^ x9 ^ x10 ^ x11 ^ x12 ^ x13 ^ x14 ^ x15 ^ x16 ^ x17 ^ x18 ^ x19 ^
    x20 ^ x21 ^ x22 ^ x23 ^ x24 ^ x25 ^ x26 ^ x27 ^ x28 ^ (x29 + x0 + x1 + x2 + x3);
}

function stackBuffers(n: u64): u64 {
  const small = zeroed<Arr<u8, 24>>();
  const big = zeroed<Arr<u64, 100>>();
  for (let i: u64 = 0; i < n; i++) { small[i % 24] += 1; big[i % 100] += i; }
  let s: u64 = 0;
  for (let i = 0; i < 24; i++) s += small[i];
  for (let i = 0; i < 100; i++) s += big[i];
  return s + id(big[99]);
}

export function main(): u64 {
  printU(pressure(5)); putchar(10);
  printU(leafPressure(1000, 7)); putchar(10);
  printU(stackBuffers(250)); putchar(32); printU(stackBuffers(10)); putchar(10);
  return 0;
}
