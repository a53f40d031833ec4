// Hashing: FNV-1a (64-bit) and djb2 (32-bit) over string literals, CRC-32 bitwise.
import { println, printHex, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { cstr, load8, u32, u64, u8 } from '../../../src/gtsc/guest';

function fnv1a(s: string): u64 {
  let h: u64 = 0xcbf29ce484222325;
  let p = cstr(s);
  for (let c = load8(p); c !== 0; c = load8(p)) {
    h = (h ^ c) * 0x100000001b3;
    p++;
  }
  return h;
}

function djb2(s: string): u32 {
  let h: u32 = 5381;
  let p = cstr(s);
  while (p[0] !== 0) {
    h = h * 33 + p[0];
    p++;
  }
  return h;
}

function crc32(s: string): u32 {
  let crc: u32 = 0xffffffff;
  let p = cstr(s);
  while (true) {
    const c: u8 = load8(p);
    if (c === 0) break;
    crc ^= c;
    for (let k = 0; k < 8; k++) {
      if (crc & 1) crc = (crc >>> 1) ^ 0xedb88320;
      else crc = crc >>> 1;
    }
    p++;
  }
  return crc ^ 0xffffffff;
}

export function main(): u64 {
  printHex(fnv1a('')); putchar(10);
  printHex(fnv1a('hello')); putchar(10);
  printU(djb2('hello world')); putchar(10);
  printHex(crc32('123456789')); putchar(10);
  println('done');
  return 0;
}
