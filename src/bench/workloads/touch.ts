/**
 * RAM touch: writes every 64-byte line of guest RAM from the end of the image to 64 KiB below
 * the top of the default 128 MiB (the device tree lives at the very top), storing each line's
 * own address, then reads back one word per line. It exists to measure host memory (RSS) with
 * the whole guest RAM in use, and store throughput.
 */
import type { AsmWorkload } from '../workload';

export const touch: AsmWorkload = {
  name: 'touch',
  description: 'store to every 64-byte line of 128 MiB guest RAM, then read back',
  harts: 1,
  sizes: { full: { RAM_END: 0x88000000 - 0x10000, STRIDE: 64 }, quick: { RAM_END: 0x80100000, STRIDE: 64 } },
  body: `
    .text
    .globl _start
_start:
    la s0, heap
    li s1, RAM_END
    mv t0, s0
1:  sd t0, 0(t0)
    addi t0, t0, STRIDE
    bltu t0, s1, 1b
    mv t0, s0
2:  ld t1, 0(t0)
    li a0, 1
    bne t1, t0, fail
    addi t0, t0, STRIDE
    bltu t0, s1, 2b
    j pass

    .bss
    .balign 4096
heap:
`,
};
