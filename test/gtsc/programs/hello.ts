import { println, printI, printU, printHex, putchar } from '../../../src/gtsc/runtime/rt';
import { u64 } from '../../../src/gtsc/guest';

export function main(): u64 {
  println('hello, guest');
  printI(-1234567);
  putchar(32);
  printU(18446744073709551615);
  putchar(32);
  printHex(0xdeadbeef);
  putchar(10);
  return 0;
}
