/**
 * Device polling: a driver-style loop of uncached device accesses. Each iteration reads the
 * CLINT's mtime (checking it never goes backwards), sends a byte through the UART in loopback
 * mode (MCR.LOOP: what is written to THR arrives in the receive FIFO), polls LSR until the byte
 * is there and reads it back (checking it is the byte sent). Six device accesses and about
 * fifteen other instructions per iteration.
 */
import type { AsmWorkload } from '../workload';

export const mmio: AsmWorkload = {
  name: 'mmio',
  description: 'device polling: CLINT mtime reads and UART loopback bytes (LSR polling)',
  harts: 1,
  sizes: { full: { ITERS: 1_000_000 }, quick: { ITERS: 1000 } },
  body: `
    .equ UART, 0x10000000
    .equ MTIME, 0x0200bff8
    .text
    .globl _start
_start:
    li s0, UART
    li s1, MTIME
    li t0, 0x10
    sb t0, 4(s0)            # MCR: loopback
    li s2, ITERS
    li s3, 0                # checksum of the bytes received
    li s4, 0                # the previous mtime
    li s5, 0                # bytes expected in total (the same sum, computed apart)
1:  ld t0, 0(s1)            # mtime
    li a0, 1
    bltu t0, s4, fail
    mv s4, t0
    andi t1, s2, 0xff
    sb t1, 0(s0)            # THR
2:  lbu t2, 5(s0)           # LSR: data ready?
    andi t2, t2, 1
    beqz t2, 2b
    lbu t3, 0(s0)           # RBR
    li a0, 2
    bne t3, t1, fail
    add s3, s3, t3
    add s5, s5, t1
    addi s2, s2, -1
    bnez s2, 1b
    li a0, 3
    bne s3, s5, fail
    li a0, 4
    beqz s4, fail           # mtime advanced
    j pass
`,
};
