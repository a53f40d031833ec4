/**
 * The big kernel lock, as in seL4's SMP kernel: one ticket lock taken on every kernel entry (by
 * entry.S, the same code as lock() below, so that the fast path starts with the message still
 * in registers) and released just before returning to user mode or before an idle hart waits.
 * Only one hart is in the kernel at a time, so kernel objects need no finer locking.
 */
import { Arr, amoadd_w, fence, load32, store32, u64, zeroed } from '../../gtsc/guest';

/** Word 0: the next ticket; word 1: the ticket now served (16 bits each). */
export const kernel_lock = zeroed<Arr<u64, 1>>();

export function lock(): void {
  const mine = amoadd_w(kernel_lock, 1) & 0xffff;
  while ((load32(kernel_lock + 4) & 0xffff) !== mine) {}
  fence();
}

export function unlock(): void {
  fence();
  store32(kernel_lock + 4, (load32(kernel_lock + 4) + 1) & 0xffff);
}
