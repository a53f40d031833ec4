/**
 * The big kernel lock, as in seL4's SMP kernel: one ticket lock taken on every kernel entry and
 * released just before returning to user mode (or before an idle hart waits). Only one hart is
 * in the kernel at a time, so kernel objects need no finer locking.
 */
import { Arr, amoadd_w, fence, load32, store32, u64, zeroed } from '../../gtsc/guest';

/** [0] next ticket, [1] ticket now served. */
const ticket = zeroed<Arr<u64, 1>>();

export function lock(): void {
  const mine = amoadd_w(ticket, 1) & 0xffff;
  while ((load32(ticket + 4) & 0xffff) !== mine) {}
  fence();
}

export function unlock(): void {
  fence();
  store32(ticket + 4, (load32(ticket + 4) + 1) & 0xffff);
}
