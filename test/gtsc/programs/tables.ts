// Initialised static tables (integers, functions, strings) and offsetof.
import { print, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { i16, offsetof, ptr, table, u16, u32, u64, u8 } from '../../../src/gtsc/guest';

type Op = (x: u64) => u64;

interface Frame {
  tag: u8;
  len: u16;
  sp: u64;
  regs: u32;
}

function double(x: u64): u64 { return x * 2; }
function square(x: u64): u64 { return x * x; }
function negate(x: u64): u64 { return 0 - x; }

const primes = table<u32>([2, 3, 5, 7, 11, 13, 0xffffffff]);
const small = table<i16>([-1, 300, -32768]);
let ops = table<Op>([double, square, negate]);
const names = table<string>(['double', 'square', 'negate']);
const LIMIT = 3;
const bytes = table<u8>([LIMIT * 10, 255, 0x41]);

export function main(): u64 {
  let sum: u64 = 0;
  for (let i = 0; i < 7; i++) sum += primes[i];
  printU(sum); putchar(10);
  printU(small[0] + small[1] + small[2] + 40000); putchar(10);
  for (let i = 0; i < LIMIT; i++) {
    print(names[i]);
    putchar(61);
    printU(ops[i](7));
    putchar(10);
  }
  ops[2] = double;
  printU(ops[2](21)); putchar(10);
  printU(bytes[0]); putchar(32); printU(bytes[1]); putchar(32); putchar(bytes[2]); putchar(10);
  printU(offsetof<Frame>('tag')); putchar(32); printU(offsetof<Frame>('len')); putchar(32);
  printU(offsetof<Frame>('sp')); putchar(32); printU(offsetof<Frame>('regs')); putchar(10);
  const f = ptr<Frame>(primes);
  printU(f.sp === primes[2] + primes[3] * 4294967296 ? 1 : 0); putchar(10);
  return 0;
}
