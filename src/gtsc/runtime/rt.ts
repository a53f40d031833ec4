/**
 * Minimal guest runtime for bare-metal programs: console output on the 16550 UART at
 * 0x10000000 and exit through the test device at 0x100000 (QEMU virt's sifive_test).
 */
import { cstr, fence, i64, load8, store32, store8, u64, u8 } from '../guest';

const UART = 0x10000000;
const UART_LSR = 5;
const LSR_THR_EMPTY = 0x20;
const TEST_DEVICE = 0x100000;

export function putchar(c: u8): void {
  while ((load8(UART + UART_LSR) & LSR_THR_EMPTY) === 0) {}
  store8(UART, c);
}

/** Print a NUL-terminated string. */
export function print(s: string): void {
  let p = cstr(s);
  let c = load8(p);
  while (c !== 0) {
    putchar(c);
    p++;
    c = load8(p);
  }
}

export function println(s: string): void {
  print(s);
  putchar(10);
}

/** Print an unsigned number in decimal. */
export function printU(n: u64): void {
  let buf: u64 = 0;
  let digits = 0;
  let x = n;
  // digits are collected in reverse, 4 bits each (at most 20 decimal digits: two words)
  let hi: u64 = 0;
  do {
    const d = x % 10;
    x = x / 10;
    if (digits < 16) buf = buf | (d << (digits * 4));
    else hi = hi | (d << ((digits - 16) * 4));
    digits++;
  } while (x !== 0);
  while (digits > 0) {
    digits--;
    const d = digits < 16 ? (buf >>> (digits * 4)) & 15 : (hi >>> ((digits - 16) * 4)) & 15;
    putchar(48 + d);
  }
}

/** Print a signed number in decimal. */
export function printI(n: i64): void {
  if (n < 0) {
    putchar(45);
    printU(0 - n);
  } else {
    printU(n);
  }
}

/** Print a number as 0x followed by 16 hex digits. */
export function printHex(n: u64): void {
  print('0x');
  for (let k = 60; k >= 0; k -= 4) {
    const d = (n >>> k) & 15;
    putchar(d < 10 ? 48 + d : 87 + d);
  }
}

/** Stop the machine with an exit code (0 = pass). */
export function exit(code: u64): void {
  if (code === 0) store32(TEST_DEVICE, 0x5555);
  else store32(TEST_DEVICE, (code << 16) | 0x3333);
  while (true) {}
}

/**
 * Instructions retired by main (minstret after minus before), set by rt_finish. Hosts read it
 * through the ELF symbol after the run, so the program's console output stays clean.
 */
export let rt_main_instret: u64 = 0;

/** Called by crt0 after main returns: record instructions retired, then exit. */
export function rt_finish(code: u64, instret: u64): void {
  rt_main_instret = instret;
  fence();
  exit(i64(code));
}
