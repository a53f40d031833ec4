// Integer semantics and number formatting: truncating division, shifts, widths, wrap-around.
import { print, printHex, printI, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { i16, i32, i64, i8, u16, u32, u64, u8 } from '../../../src/gtsc/guest';

function show(label: string, v: i64): void {
  print(label);
  putchar(61);
  printI(v);
  putchar(10);
}

/** Right-aligned decimal in a field of `width` characters, padded with `pad`. */
function printPadded(v: u64, width: i64, pad: u8): void {
  let digits = 1;
  for (let x = v; x >= 10; x = x / 10) digits++;
  for (let k = digits; k < width; k++) putchar(pad);
  printU(v);
}

export function main(): u64 {
  let a: i64 = -7;
  let b: i64 = 2;
  show('div', a / b);
  show('rem', a % b);
  show('div8', a / 8);
  show('rem8', a % 8);
  show('negdiv4', -1000 / 4 + a / 4);
  show('sra', a >> 1);
  let u: u64 = 0 - 16;
  printHex(u >>> 60); putchar(10);
  printHex(u >> 60); putchar(10);
  printU(u / 16); putchar(10);
  show('u8', u8(300));
  show('i8', i8(200));
  show('u16', u16(-1));
  show('i16', i16(40000));
  show('u32', u32(-1));
  show('i32', i32(0x80000000));
  let w: u8 = 250;
  w += 10;
  show('wrap', w);
  let x: i32 = 0x7fffffff;
  x++;
  show('i32wrap', x);
  show('cmp', (a < b ? 1 : 0) + (u < 5 ? 10 : 0) + (a === -7 ? 100 : 0) + (b !== 2 ? 1000 : 0));
  show('logic', (a < 0 && b > 0 ? 1 : 0) + (a > 0 || b > 1 ? 2 : 0) + (!(a > 0) ? 4 : 0));
  show('bits', (0xf0 & 0x3c) | (1 << 10) ^ 0x401);
  show('not', ~5);
  show('mul', 123456789 * 1000 + b * 7 * 3);
  let m: i64 = 12345;
  show('mulk', m * 10 + m * 16 - m * 3);
  show('divk', m / 10 + m % 10 + m / 1024);
  printPadded(42, 6, 46); putchar(10);
  printPadded(1234567, 4, 32); putchar(10);
  printI(-9223372036854775807 - 1); putchar(10);
  return 0;
}
