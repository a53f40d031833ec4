// A frame pool for the async test programs (the executor's is in src/os/runtime/executor.ts):
// first-fit bump allocation with a free list per size, counting frames made and live.
import { Arr, ptr, u64, u8, zeroed } from '../../../src/gtsc/guest';

const arena = zeroed<Arr<u8, 262144>>();
let top: u64 = 0;
const free = zeroed<Arr<u64, 64>>(); // by size / 16
export let framesMade: u64 = 0;
export let framesLive: u64 = 0;

export function __async_frame_alloc(bytes: u64): u64 {
  const k = (bytes + 15) / 16;
  framesMade++;
  framesLive++;
  const head = free[k];
  if (head !== 0) {
    free[k] = ptr<u64>(head)[0];
    return head;
  }
  const p = arena + top + 16;
  ptr<u64>(p - 8)[0] = k;
  top += 16 + k * 16;
  return p;
}

export function __async_frame_free(frame: u64): void {
  const k = ptr<u64>(frame - 8)[0];
  ptr<u64>(frame)[0] = free[k];
  free[k] = frame;
  framesLive--;
}
