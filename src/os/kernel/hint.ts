/**
 * Observability hints: the kernel tells an attached observer (rvn's profiler and timeline,
 * src/trace/kernel.ts) what it is doing with `slti x0, rs1, 0x7e0 + kind` — a RISC-V HINT
 * (SLTI with rd = x0 is "designated for custom use", unprivileged spec §2.9), architecturally a
 * no-op on every core, so the kernel runs unchanged on QEMU and under OpenSBI; rvn with no
 * observer attached pays nothing. rs1 carries the value. The kinds (docs/tracing.md):
 *
 *   0x7e0 thread     value = address of a {u64 id; u64 name} record (name: a NUL-terminated
 *                    string): names the thread with that id
 *   0x7e1 switch     value = id of the thread the hart runs from now on (0 = idle)
 *   0x7e2 syscall    value = the system call number the kernel is handling
 *   0x7e3 ipc-path   value = the IPC path taken (PATH_*)
 *   0x7e4 fault      value = id of the thread stopped by a fault
 *   0x7e5 irq        value = the device interrupt claimed
 *   0x7e6 ipi        value = the harts (a bit mask) the kernel sends IPIs to
 *
 * Each hint is one instruction written inline at its call site (asm('slti x0, {0}, 0x7e3', v)),
 * so the paths being measured carry no call for it; this file is their table.
 */

/** Values of the ipc-path hint. */
export const PATH_FAST_CALL = 1;
export const PATH_FAST_REPLY_RECV = 2;
export const PATH_SLOW_CALL = 3;
export const PATH_SLOW_REPLY_RECV = 4;
export const PATH_CROSS_CALL = 5;
export const PATH_CROSS_REPLY_RECV = 6;
