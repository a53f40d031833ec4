// Entry module: imports functions, constants, a struct type and a string constant.
import { println, printU, putchar } from '../../../../src/gtsc/runtime/rt';
import { u64 } from '../../../../src/gtsc/guest';
import { banner, SCALE, TABLE_SIZE } from './config';
import { count, counters, insert, lookup } from './table';

export function main(): u64 {
  for (let k: u64 = 1; k <= 40; k += 3) insert(k);
  let found: u64 = 0;
  for (let k: u64 = 0; k < 48; k++) found += lookup(k);
  printU(count()); putchar(32); printU(found); putchar(10);
  const c = counters();
  printU(c.hits); putchar(32); printU(c.misses); putchar(10);
  printU(SCALE + TABLE_SIZE); putchar(10);
  println(banner);
  return 0;
}
