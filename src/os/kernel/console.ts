/**
 * The kernel console: characters go out through the SBI (legacy console_putchar), so the
 * same kernel prints on rvn-fw and on OpenSBI. kprint* take the big kernel lock's protection
 * for granted (lines from different harts do not interleave).
 */
import { cstr, u64, u8 } from '../../gtsc/guest';
import { putDec, putHex, putStr } from '../lib/fmt';
import { sbiPutchar, sbiShutdown } from '../lib/sbi';

export function kputc(c: u8): void {
  sbiPutchar(c);
}

export function kputs(s: u64): void {
  putStr(kputc, s);
}

export function kdec(n: u64): void {
  putDec(kputc, n);
}

export function khex(n: u64): void {
  putHex(kputc, n);
}

/** An invariant broke: say which (a named panic) and stop the machine with a failure. */
export function panic(what: u64): void {
  kputs(cstr('kernel panic: '));
  kputs(what);
  kputc(10);
  sbiShutdown(1);
  while (true) {}
}
