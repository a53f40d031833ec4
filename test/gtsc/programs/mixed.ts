// TypeScript and assembly together: TS calls asm functions (asm_sum3, asm_fact), asm calls back
// into TS (ts_square via asm_apply_twice), plus inline asm() templates.
import { printU, putchar } from '../../../src/gtsc/runtime/rt';
import { asm, u64 } from '../../../src/gtsc/guest';

declare function asm_sum3(a: u64, b: u64, c: u64): u64;
declare function asm_fact(n: u64): u64;
declare function asm_apply_twice(f: (x: u64) => u64, x: u64): u64;

export function ts_square(x: u64): u64 {
  return x * x;
}

export function main(): u64 {
  printU(asm_sum3(1, 20, 300)); putchar(10);
  printU(asm_fact(10)); putchar(10);
  printU(asm_apply_twice(ts_square, 3)); putchar(10);
  const x: u64 = 5;
  const y = asm('slli {d}, {0}, 3', x);
  const z = asm('add {d}, {0}, {1}\naddi {d}, {d}, 1', y, x);
  printU(y); putchar(32); printU(z); putchar(10);
  return 0;
}
