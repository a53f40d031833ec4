// Division and remainder by constants (magic-number multiplication) on edge values.
import { printI, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { Arr, i64, u64, zeroed } from '../../../src/gtsc/guest';

const vals = zeroed<Arr<u64, 8>>();

export function main(): u64 {
  vals[0] = 0; vals[1] = 1; vals[2] = 9; vals[3] = 0xffffffffffffffff;
  vals[4] = 0x8000000000000000; vals[5] = 0x7fffffffffffffff; vals[6] = 123456789012345; vals[7] = 0xfffffffffffffff9;
  for (let k = 0; k < 8; k++) {
    const u: u64 = vals[k];
    const s: i64 = vals[k];
    printU(u / 3); putchar(32); printU(u % 7); putchar(32); printU(u / 10); putchar(32); printU(u / 1000000007); putchar(32);
    printI(s / 7); putchar(32); printI(s % 10); putchar(32); printI(s / -3); putchar(32); printI(s % 1000); putchar(10);
  }
  return 0;
}
