// The cost of a coroutine switch on the user runtime's executor (src/os/runtime/executor.ts),
// bare metal: two coroutines hand the hart to each other `ROUNDS` times each, by waking
// themselves and parking (await suspend()), or through a child coroutine (await yieldNow()).
// Prints cycles per switch: (rdcycle after − before) / switches, the loop included.
import { Arr, rdcycle, suspend, u64, u8, zeroed } from '../../../src/gtsc/guest';
import { print, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { Executor, IDLE_YIELD, currentCid, executorInit, run, spawn, thisExecutor, wake, yieldNow } from '../../../src/os/runtime/executor';

const ROUNDS = 1000;
const ex = zeroed<Executor>();
const arena = zeroed<Arr<u8, 65536>>();

async function parker(n: u64): Promise<void> {
  for (let i = 0; i < n; i++) {
    wake(thisExecutor(), currentCid());
    await suspend();
  }
}

async function yielder(n: u64): Promise<void> {
  for (let i = 0; i < n; i++) await yieldNow();
}

function measure(what: string, child: u64): void {
  executorInit(ex, arena, 65536, 0, IDLE_YIELD);
  for (let k = 0; k < 2; k++) spawn(ex, child !== 0 ? yielder(ROUNDS) : parker(ROUNDS), 1);
  const start = rdcycle();
  run(ex);
  const cycles = rdcycle() - start;
  print(what);
  printU(ex.switches);
  print(' switches, cycles per switch ');
  printU(cycles / ex.switches);
  putchar(10);
}

export function main(): u64 {
  measure('suspend: ', 0);
  measure('yieldNow: ', 1);
  return 0;
}
