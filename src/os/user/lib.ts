/**
 * The user library: messages, the boot-info page, user-interrupt set-up, and printing through
 * the kernel's debug console. (System call stubs: sys.gen.ts, generated from the syscall table.)
 */
import { Arr, Ptr, cstr, csr_set, csr_write, fnaddr, i64, load8, ptr, u64, u8 } from '../../gtsc/guest';
import { USER_INFO_MAGIC, UserBootInfo } from '../lib/userinfo';
import { DebugWrite, MSG_LABEL_SHIFT, MSG_LENGTH_MASK } from './sys.gen';

/** The message-info word: a label and a length in words. */
export function msgInfo(label: u64, length: u64): u64 {
  return (label << MSG_LABEL_SHIFT) | (length & MSG_LENGTH_MASK);
}

export function msgLabel(info: u64): u64 {
  return info >>> MSG_LABEL_SHIFT;
}

export function msgLength(info: u64): u64 {
  return info & MSG_LENGTH_MASK;
}

export function bootInfo(a1: u64): Ptr<UserBootInfo> {
  const b = ptr<UserBootInfo>(a1);
  return b.magic === USER_INFO_MAGIC ? b : ptr<UserBootInfo>(0);
}

/**
 * Where the value of `key` (a NUL-terminated "name=", e.g. cstr('calls=')) starts in the boot
 * arguments, or -1 when no word starts with it.
 */
export function bootArgument(b: Ptr<UserBootInfo>, key: u64): i64 {
  let n = 0;
  while (load8(key + n) !== 0) n++;
  for (let i = 0; i + n <= b.bootargsLength; i++) {
    let k = 0;
    while (k < n && b.bootargs[i + k] === load8(key + k)) k++;
    if (k === n && (i === 0 || b.bootargs[i - 1] === 32)) return i + n;
  }
  return -1;
}

/** The decimal number at position `at` of the boot arguments (0 when there is none). */
export function bootNumber(b: Ptr<UserBootInfo>, at: u64): u64 {
  let n = 0;
  for (let j = at; j < b.bootargsLength && b.bootargs[j] >= 48 && b.bootargs[j] <= 57; j++) n = n * 10 + b.bootargs[j] - 48;
  return n;
}

// ---- user interrupts
declare function uintr_entry(): void;
/** The function uintr-entry.S calls with the pending bits (0: none). */
export let uintr_handler: u64 = 0;

/** Points utvec at the runtime's entry, installs handler(bits) and enables user interrupts. */
export function uintrEnable(handler: (bits: u64) => void): void {
  uintr_handler = fnaddr(handler);
  csr_write('utvec', fnaddr(uintr_entry));
  csr_set('uie', 1); // USIE
  csr_set('ustatus', 1); // UIE
}

// ---- printing: a line is built in a buffer on the caller's stack and written in one call
export interface Line {
  len: u64;
  bytes: Arr<u8, 248>;
}

export function newLine(l: Ptr<Line>): Ptr<Line> {
  l.len = 0;
  return l;
}

export function lineChar(l: Ptr<Line>, c: u64): void {
  if (l.len < 248) {
    l.bytes[l.len] = c;
    l.len++;
  }
}

export function lineStr(l: Ptr<Line>, s: u64): void {
  let p = s;
  while (load8(p) !== 0) {
    lineChar(l, load8(p));
    p++;
  }
}

export function lineDec(l: Ptr<Line>, n: u64): void {
  if (n >= 10) lineDec(l, n / 10);
  lineChar(l, 48 + (n % 10));
}

export function lineSigned(l: Ptr<Line>, n: i64): void {
  if (n < 0) {
    lineChar(l, 45);
    lineDec(l, 0 - n);
  } else lineDec(l, n);
}

export function lineHex(l: Ptr<Line>, n: u64): void {
  lineStr(l, cstr('0x'));
  let started = 0;
  for (let k = 60; k >= 0; k -= 4) {
    const d = (n >>> k) & 15;
    if (d !== 0 || started !== 0 || k === 0) {
      lineChar(l, d < 10 ? 48 + d : 87 + d);
      started = 1;
    }
  }
}

export function lineWrite(l: Ptr<Line>): void {
  DebugWrite(l.bytes, l.len);
  l.len = 0;
}

/** Prints a NUL-terminated string. */
export function print(s: u64): void {
  let n = 0;
  while (load8(s + n) !== 0) n++;
  DebugWrite(s, n);
}

// ---- boot arguments: "key=value" words separated by spaces (rvn run --bootargs)

/** The decimal number after `key` ("n="), or `otherwise` when absent or not a number. */
export function bootArgNumber(b: Ptr<UserBootInfo>, key: u64, otherwise: u64): u64 {
  const at = bootArgument(b, key);
  if (at < 0 || at >= b.bootargsLength || b.bootargs[at] < 48 || b.bootargs[at] > 57) return otherwise;
  let n = 0;
  for (let j = at; j < b.bootargsLength && b.bootargs[j] >= 48 && b.bootargs[j] <= 57; j++) n = n * 10 + b.bootargs[j] - 48;
  return n;
}

/** 1 when the value after `key` is exactly `value` (a NUL-terminated string). */
export function bootArgIs(b: Ptr<UserBootInfo>, key: u64, value: u64): u64 {
  const at = bootArgument(b, key);
  if (at < 0) return 0;
  let k = 0;
  while (load8(value + k) !== 0) {
    if (at + k >= b.bootargsLength || b.bootargs[at + k] !== load8(value + k)) return 0;
    k++;
  }
  return at + k === b.bootargsLength || b.bootargs[at + k] === 32 ? 1 : 0;
}
