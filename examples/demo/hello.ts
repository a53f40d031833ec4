// The rvn demo in guest TypeScript (compiled by gtsc; start-up in crt0.S beside it): every
// hart (up to 8) says hello over the UART, taking turns with an atomic ticket, and hart 0
// then reports how many harts spoke and the instructions and cycles it counted.
import { print, printU } from '../../src/gtsc/runtime/rt';
import { Arr, amoadd_w, load32, rdcycle, rdinstret, u32, u64, wfi, zeroed } from '../../src/gtsc/guest';

/** The number of harts that have spoken: hart n speaks when it reads n. */
const ticket = zeroed<Arr<u32, 1>>();

/** Hart 0 decides everyone has spoken once the ticket has stood still this long. */
const QUIET_CYCLES = 5000;

function sayHello(hart: u64): void {
  while (load32(ticket) !== hart) {}
  print('Hello from rvn, hart ');
  printU(hart);
  print('\n');
  amoadd_w(ticket, 1); // pass the turn on
}

/** Waits until the ticket has not moved for QUIET_CYCLES; returns its value. */
function waitForQuiet(): u64 {
  let seen = load32(ticket);
  let since = rdcycle();
  while (rdcycle() - since < QUIET_CYCLES) {
    const now = load32(ticket);
    if (now !== seen) {
      seen = now;
      since = rdcycle();
    }
  }
  return seen;
}

/** Called by crt0 on every hart; hart 0 returns 0 (crt0 then exits through the runtime). */
export function main(hart: u64): u64 {
  sayHello(hart);
  if (hart !== 0) {
    while (true) wfi();
  }
  const spoke = waitForQuiet();
  const insns = rdinstret();
  const cycles = rdcycle();
  printU(spoke);
  print(' harts said hello; hart 0 counted ');
  printU(insns);
  print(' instructions and ');
  printU(cycles);
  print(' cycles\n');
  return 0;
}
