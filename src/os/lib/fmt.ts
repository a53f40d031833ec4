/**
 * Number and string formatting for guest code that has a character sink (the firmware's UART,
 * the kernel's SBI console, a user program's debug console): each function takes the sink.
 */
import { i64, load8, u64, u8 } from '../../gtsc/guest';

/** Writes one character somewhere. */
export type PutChar = (c: u8) => void;

/** Writes the NUL-terminated string at s. */
export function putStr(out: PutChar, s: u64): void {
  let p = s;
  let c = load8(p);
  while (c !== 0) {
    out(c);
    p++;
    c = load8(p);
  }
}

/** Writes n in decimal. */
export function putDec(out: PutChar, n: u64): void {
  if (n >= 10) putDec(out, n / 10);
  out(48 + (n % 10));
}

/** Writes a signed number in decimal. */
export function putSigned(out: PutChar, n: i64): void {
  if (n < 0) {
    out(45);
    putDec(out, 0 - n);
  } else putDec(out, n);
}

/** Writes n as 0x and at least one hex digit (no leading zeros). */
export function putHex(out: PutChar, n: u64): void {
  out(48);
  out(120);
  let started = 0;
  for (let k = 60; k >= 0; k -= 4) {
    const d = (n >>> k) & 15;
    if (d !== 0 || started !== 0 || k === 0) {
      out(d < 10 ? 48 + d : 87 + d);
      started = 1;
    }
  }
}
