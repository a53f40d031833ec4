// The executor's frame pool (src/os/runtime/executor.ts) at its size classes' edges: prints the
// address offset of each allocation from the arena, or 0 when there is none.
import { Arr, u64, u8, zeroed } from '../../../src/gtsc/guest';
import { print, printU, putchar } from '../../../src/gtsc/runtime/rt';
import { Executor, IDLE_YIELD, __async_frame_alloc, __async_frame_free, executorInit } from '../../../src/os/runtime/executor';

const ex = zeroed<Executor>();
const arena = zeroed<Arr<u8, 16384>>();

function show(bytes: u64): u64 {
  const f = __async_frame_alloc(bytes);
  printU(bytes);
  print(':');
  printU(f === 0 ? 0 : f - arena);
  putchar(32);
  return f;
}

export function main(): u64 {
  executorInit(ex, arena, 16384, 0, IDLE_YIELD);
  show(1);
  const f = show(33);
  __async_frame_free(f);
  show(64); // the freed 64-byte frame again
  show(4096);
  show(4097);
  show(8192);
  show(8192 - 16); // would fit the arena's rest, but no class holds it
  putchar(10);
  return 0;
}
