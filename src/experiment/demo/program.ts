/**
 * The demo's guest program (GNU-as syntax, built by rvn's own assembler and linker): a pointer
 * chase around a ring of nodes STRIDE bytes apart filling a working set of WS_BYTES. After one
 * warm-up lap it times ACCESSES dependent loads with rdcycle/rdinstret and counts D$ misses on
 * hardware event counter 3 (event 2, dcache_miss: docs/timing.md), stores the three deltas and
 * the final pointer at `result`, and exits through the test device. Harts other than 0 park.
 */
export const DEMO_UNROLL = 8;

export interface DemoProgramParams {
  readonly wsBytes: number;
  readonly stride: number;
  /** A multiple of DEMO_UNROLL. */
  readonly accesses: number;
}

export function demoProgramSource(p: DemoProgramParams): string {
  const nodes = p.wsBytes / p.stride;
  const chase = Array.from({ length: DEMO_UNROLL }, () => '    ld a0, 0(a0)').join('\n');
  return `# rvn experiment demo: pointer chase, ${p.wsBytes} bytes, stride ${p.stride}
    .equ WS_BYTES, ${p.wsBytes}
    .equ STRIDE, ${p.stride}
    .equ NODES, ${nodes}
    .equ ROUNDS, ${p.accesses / DEMO_UNROLL}
    .text
    .globl _start
_start:
    csrr t0, mhartid
    bnez t0, park
    la s0, buf
    li t3, STRIDE
    li t1, NODES - 1
    mv t2, s0
1:  beqz t1, 2f              # node i points to node i + 1 ...
    add t4, t2, t3
    sd t4, 0(t2)
    mv t2, t4
    addi t1, t1, -1
    j 1b
2:  sd s0, 0(t2)             # ... and the last one to the first
    mv a0, s0                # one warm-up lap
    li t1, NODES
3:  ld a0, 0(a0)
    addi t1, t1, -1
    bnez t1, 3b
    li t0, 2                 # hardware event 2: D$ misses
    csrw mhpmevent3, t0
    li t1, ROUNDS
    csrr s2, mhpmcounter3
    rdinstret s3
    rdcycle s1
4:
${chase}
    addi t1, t1, -1
    bnez t1, 4b
    rdcycle s4
    rdinstret s5
    csrr s6, mhpmcounter3
    la t0, result
    sub s4, s4, s1
    sd s4, 0(t0)
    sub s5, s5, s3
    sd s5, 8(t0)
    sub s6, s6, s2
    sd s6, 16(t0)
    sd a0, 24(t0)
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
5:  j 5b
park:
    wfi
    j park

    .data
    .balign 64
    .globl result
result:
    .dword 0, 0, 0, 0

    .bss
    .balign 64
buf:
    .zero WS_BYTES
`;
}
