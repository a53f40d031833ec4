// Fast mode (translated blocks, src/cpu/blocks.ts) against the reference interpreter
// (hart.fast = false): every program must give identical cycles, instret, registers, pc, memory
// and observer commit streams, and the timing model's event counters, under both profiles. The expectation is the reference
// path itself (an equivalence test); each program also checks its own result against values
// worked out by hand and exits through the test device with 0x5555 only when they hold.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import type { Hart } from '../../src/cpu/hart';
import { idealProfile, rocketProfile } from '../../src/timing/profiles/index';
import { buildWorkload, prepareRun, workloadParams } from '../../src/bench/runner';
import { WORKLOADS } from '../../src/bench/workloads/index';
import { isAsmWorkload } from '../../src/bench/workload';
import { TimingEvent } from '../../src/timing/events';

const EXIT = `
pass:
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b
fail:
    li t0, 0x100000
    li t1, 0x13333          # exit code 1
    sw t1, 0(t0)
1:  j 1b
`;

interface Snapshot {
  reason: string;
  cycles: number[];
  instret: number[];
  pcs: number[];
  regs: number[][];
  ram: string;
  events: number[][];
  commits: string[];
}

const RAM_CHECKED = 256 * 1024; // program, data and page tables live in the first 256 KiB

function fnv(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16);
}

function runOnce(source: string, profile: 'ideal' | 'rocket', fast: boolean, harts: number, observe: boolean): Snapshot & { blocks: number } {
  const m = new Machine({ harts, timing: profile === 'ideal' ? idealProfile() : rocketProfile(), memBytes: 8 << 20, translateAfter: 2 }, { console: () => undefined });
  m.load(buildProgram([{ name: 'p.S', text: source }]), 'p.S');
  const commits: string[] = [];
  for (const h of m.harts) {
    h.fast = fast;
    if (observe) {
      h.observer = {
        commit: (hart: Hart, c) => commits.push(`${hart.hartId} ${c.priv} ${c.pc} ${c.word} ${c.rd}=${c.rdLo}:${c.rdHi} ${c.memPaddr} ${c.isStore ? `${c.storeLo}:${c.storeHi}` : ''}`),
        trap: (hart: Hart, isInt, cause, epc) => commits.push(`${hart.hartId} trap ${isInt} ${cause} ${epc}`),
      };
    }
  }
  const r = m.run({ maxInsns: 3_000_000 });
  return {
    blocks: m.harts.reduce((n, h) => n + h.blocksTranslated, 0),
    reason: JSON.stringify(r.reason),
    cycles: m.harts.map((h) => h.cycle),
    instret: m.harts.map((h) => h.instret),
    pcs: m.harts.map((h) => h.pc),
    regs: m.harts.map((h) => Array.from({ length: 32 }, (_, i) => h.getX(i))),
    ram: fnv(m.bus.readBytes(0x8000_0000, RAM_CHECKED)),
    events: m.harts.map((h) => Array.from(h.timing.events)),
    commits,
  };
}

export function compare(source: string, harts = 1): void {
  for (const profile of ['ideal', 'rocket'] as const) {
    const ref = runOnce(source, profile, false, harts, false);
    expect(ref.reason, `${profile}: the program's own checks`).toBe(JSON.stringify({ kind: 'exit', code: 0, source: 'test-device' }));
    const fast = runOnce(source, profile, true, harts, false);
    expect(ref.blocks, 'the reference path translates nothing').toBe(0);
    expect(fast.blocks, 'fast mode translated blocks').toBeGreaterThan(0);
    expect({ ...fast, blocks: 0 }, profile).toEqual(ref);
    // With an observer both modes use the observed loop; the streams must still agree.
    const refObs = runOnce(source, profile, false, harts, true);
    const fastObs = runOnce(source, profile, true, harts, true);
    expect(fastObs.commits.length).toBeGreaterThan(0);
    expect(fastObs, `${profile} observed`).toEqual(refObs);
    expect({ ...refObs, commits: [] }, `${profile} observer changes nothing`).toEqual({ ...ref, commits: [] });
  }
}

/**
 * Sv39 set-up for a program entered in M-mode: root[2] maps 0x8000_0000 as a 1 GiB identity
 * superpage (RWX, A, D); root[0] -> l1 -> l0 maps the 4 KiB pages at 0x0040_0000 + 4 KiB·i
 * to `pages[i]` (a data label, with its leaf PTE flags); mtvec = handler; then satp and an
 * mret into S-mode at \`smode\`. The program ends with SV39_TABLES and its own pages.
 */
/** The page tables sv39Setup fills (opens the .data section). */
const SV39_TABLES = `
    .data
    .balign 4096
root: .space 4096
l1: .space 4096
l0: .space 4096`;

/** From M-mode to S-mode at the label `smode`. */
const TO_SMODE = `
    li t0, 0x1800
    csrc mstatus, t0
    li t0, 0x800
    csrs mstatus, t0        # MPP = S
    la t0, smode
    csrw mepc, t0
    mret`;

function sv39Setup(pages: { label: string; flags: number }[]): string {
  const leaves = pages.map(({ label, flags }, i) => `
    la t3, ${label}
    srli t3, t3, 12
    slli t3, t3, 10
    ori t3, t3, ${flags}
    sd t3, ${8 * i}(t2)       # l0[${i}]`).join('');
  return `
    la t0, root
    li t1, (0x80000000 >> 12) << 10 | 0xcf
    sd t1, 16(t0)           # root[2]: 1 GiB identity superpage (RWX, A, D)
    la t1, l1
    srli t1, t1, 12
    slli t1, t1, 10
    ori t1, t1, 1
    sd t1, 0(t0)            # root[0] -> l1
    la t2, l0
    srli t3, t2, 12
    slli t3, t3, 10
    ori t3, t3, 1
    la t1, l1
    sd t3, 16(t1)           # l1[2] -> l0: 0x0040_0000..${leaves}
    la t0, handler
    csrw mtvec, t0
    la t0, root
    srli t0, t0, 12
    li t1, 8 << 60
    or t0, t0, t1
    csrw satp, t0
    sfence.vma${TO_SMODE}`;
}

describe('fast mode gives exactly the reference results', () => {
  it('ALU loop (add/sub/shifts/compares, W ops, lui/auipc, fence)', () => {
    compare(`
    .globl _start
_start:
    li s0, 2000
    li s1, 0
    li s2, 0x12345678
1:  addi s1, s1, 3
    xor t2, s1, s0
    add t3, t2, s1
    sub t4, t3, s2
    slli t5, t4, 13
    srai t6, t5, 7
    srli a2, t6, 33
    sll a3, s2, s0
    srl a4, s2, s0
    sra a5, t4, s0
    slt a6, t4, s2
    sltu a7, t4, s2
    slti s3, t4, -5
    sltiu s4, t4, 100
    addw s5, s2, t3
    subw s6, s2, t3
    sllw s7, s2, s0
    srlw s8, s2, s0
    sraw s9, t4, s0
    addiw s10, s5, -1
    slliw s11, s5, 3
    srliw t0, s5, 2
    sraiw t1, s5, 2
    lui a0, 0x80000
    auipc a1, 1
    andi a0, a0, 0x7f0
    ori a0, a0, 3
    xori a0, a0, -1
    and a1, a1, s2
    or a1, a1, t4
    fence
    addi s0, s0, -1
    bnez s0, 1b
    li t0, 6000
    bne s1, t0, fail
    j pass
${EXIT}`);
  });

  it('memory: every width, misaligned, data sharing a page with code', () => {
    compare(`
    .globl _start
_start:
    la s0, buf
    li s1, 500
    li s2, 0
1:  sd s1, 0(s0)
    sw s1, 8(s0)
    sh s1, 12(s0)
    sb s1, 14(s0)
    ld a0, 0(s0)
    lw a1, 8(s0)
    lwu a2, 8(s0)
    lh a3, 12(s0)
    lhu a4, 12(s0)
    lb a5, 14(s0)
    lbu a6, 14(s0)
    sd a0, 17(s0)          # misaligned
    ld a7, 17(s0)
    la t1, local
    sw s1, 0(t1)
    lw t0, 0(t1)
    add s2, s2, t0
    addi s1, s1, -1
    bnez s1, 1b
    li t0, 125250          # 500 + 499 + ... + 1
    bne s2, t0, fail
    j pass
local: .word 0
${EXIT}
    .data
    .balign 8
buf: .space 64`);
  });

  it('branches of every kind, calls and returns, compressed code', () => {
    compare(`
    .globl _start
_start:
    li s0, 300
    li s1, 0
1:  mv a0, s0
    call f
    add s1, s1, a0
    c.addi s0, -1
    c.bnez s0, 1b
    # the same sum computed without calls: n = 300..1, (n odd ? 2n : n) + 1
    li t1, 0
    li t2, 300
2:  andi t3, t2, 1
    mv t4, t2
    beqz t3, 3f
    slli t4, t2, 1
3:  addi t4, t4, 1
    add t1, t1, t4
    addi t2, t2, -1
    bnez t2, 2b
    bne s1, t1, fail
    j pass
f:  andi t0, a0, 1
    beq t0, zero, 4f
    c.slli a0, 1
4:  blt a0, zero, fail
    bge zero, a0, fail
    bltu a0, zero, fail
    bgeu zero, a0, fail
    c.addi a0, 1
    c.jr ra
${EXIT}`);
  });

  it('a thrashed BTB: more branch and jump sites than entries, pcs sharing BTB buckets, calls deeper than the RAS', () => {
    // Rocket's BTB has 28 entries and finds a pc through buckets of pc mod 8 KiB; its RAS has 6.
    // 32 functions g0..g31, g(2j+1) exactly 8 KiB after g(2j) (every pc of the pair in one
    // bucket), each called from its own site every round: ~96 branch and jump pcs, so BTB
    // lookups miss, inserts evict keys whose bucket holds another live key, and returns are
    // predicted from a RAS that a recursion 10 deep overflows and its returns empty (a return
    // then predicted from the BTB). Blocks and the model's predictRecord(r) (reference mode)
    // place the same predictor code (src/timing/predictor.ts, PredictorCode), each with its own
    // pc and operands (constants, or read from the record), and must time the run alike.
    const FUNCS = 32;
    const ROUNDS = 40;
    const DEPTH = 10;
    // g_k(a0): s1 += (a0 & (k + 1)) !== 0 ? k + 1 : 1; the recursion adds DEPTH per round.
    // Each round calls g0..g31, then g1 and g0 again.
    let expected = 0;
    const g = (i: number, k: number): number => ((i & (k + 1)) !== 0 ? k + 1 : 1);
    for (let i = 0; i < ROUNDS; i++) {
      for (let k = 0; k < FUNCS; k++) expected += g(i, k);
      expected += DEPTH + g(i, 1) + g(i, 0);
    }
    const calls = Array.from({ length: FUNCS }, (_, k) => `    mv a0, s0\n    call g${k}`).join('\n');
    const func = (k: number): string => `
g${k}:
    andi t0, a0, ${k + 1}
    beqz t0, 1f
    addi s1, s1, ${k}
1:  addi s1, s1, 1
    ret`;
    const half = (odd: number): string => Array.from({ length: FUNCS / 2 }, (_, j) => `    .balign 64${func(2 * j + odd)}`).join('\n');
    const source = `
    .globl _start
_start:
    la sp, stack_top
    li s0, 0
    li s1, 0
    li s2, ${ROUNDS}
1:
${calls}
    li a0, ${DEPTH}
    call rec
    add s1, s1, a0
    mv a0, s0               # g0 again after g1, whose pcs share g0's BTB buckets: the
    call g1                 # lookups of g0's pcs find the hint on g1's
    mv a0, s0
    call g0
    li t2, 2                # twice: a return with the RAS emptied by the recursion's returns,
3:  la ra, 4f               # predicted from the BTB the second time
    j leaf
4:  addi t2, t2, -1
    bnez t2, 3b
    addi s0, s0, 1
    bne s0, s2, 1b
    li t1, ${expected}
    bne s1, t1, fail
    j pass
rec:                        # a0 = n: returns n (n calls deep)
    beqz a0, 2f
    addi sp, sp, -16
    sd ra, 8(sp)
    addi a0, a0, -1
    call rec
    addi a0, a0, 1
    ld ra, 8(sp)
    addi sp, sp, 16
2:  ret
leaf:
    ret
${EXIT}
    .balign 8192
funcs:
${half(0)}
    .balign 8192
${half(1)}
    .data
    .balign 16
stack: .space 1024
stack_top:
`;
    compare(source);
    // The run does thrash the BTB (JAL misses) and overflow the RAS (returns mispredicted).
    const events = runOnce(source, 'rocket', true, 1, false).events[0];
    expect(events[TimingEvent.BtbMissBubble]).toBeGreaterThan(ROUNDS * FUNCS);
    expect(events[TimingEvent.JumpMispredict]).toBeGreaterThan(ROUNDS);
  });

  it('MUL/DIV with varied operands', () => {
    compare(`
    .globl _start
_start:
    li s0, 400
    li s1, 0
    li s2, 0x7654321
1:  mul t0, s0, s2
    mulh t1, s2, s0
    mulhu t2, t0, s2
    mulhsu t3, t0, s0
    mulw t4, s0, s2
    div t5, t0, s0
    divu t6, t0, s0
    rem a0, t0, s0
    remu a1, s2, s0
    divw a2, s2, s0
    remw a3, s2, s0
    divuw a4, s2, s0
    remuw a5, s2, s0
    divu a6, s2, zero      # division by zero: all ones
    rem a7, s2, zero       # remainder by zero: the dividend
    li s3, -1
    slli s4, s3, 63
    div s5, s4, s3         # overflow: the most negative value
    mulh s6, s4, s3
    bne a7, s2, fail
    bne s5, s4, fail
    bne t5, s2, fail       # (s0 * s2) / s0 = s2
    bnez a0, fail
    add s1, s1, a1
    addi s0, s0, -1
    bnez s0, 1b
    j pass
${EXIT}`);
  });

  it('traps (ecall, a load access fault) and timer interrupts', () => {
    compare(`
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    li s0, 0                # ecalls handled
    li s1, 0                # timer interrupts
    li s2, 0                # faults
    # mtimecmp[0] = 200 ticks from now
    li t0, 0x0200bff8
    ld t1, 0(t0)
    addi t1, t1, 200
    li t0, 0x02004000
    sd t1, 0(t0)
    li t0, 0x80
    csrs mie, t0
    csrsi mstatus, 8
    li s3, 3000
1:  andi t0, s3, 63
    bnez t0, 2f
    ecall
    li t1, 0x10
    ld t2, 0(t1)            # nothing there: load access fault
2:  addi s3, s3, -1
    bnez s3, 1b
    csrci mstatus, 8
    li t0, 46
    bne s0, t0, fail        # s3 = 64, 128, ..., 2944: 46 ecalls and 46 faults
    bne s2, t0, fail
    beqz s1, fail
    j pass
    .balign 4
handler:
    csrr t4, mcause
    bltz t4, 3f
    csrr t5, mepc
    addi t5, t5, 4
    csrw mepc, t5
    li t6, 11
    bne t4, t6, 4f
    addi s0, s0, 1
    mret
4:  addi s2, s2, 1
    mret
3:  addi s1, s1, 1
    li t5, 0x02004000
    ld t6, 0(t5)
    addi t6, t6, 150
    sd t6, 0(t5)
    mret
${EXIT}`);
  });

  it('a load, a store and a wild jump that trap inside a block keep the registers the block wrote before them', () => {
    // Each trap leaves the block through its trap exit, which writes back the registers the
    // block holds in locals (blocks.ts, accessTrap): s4 is added to before every trap, in the
    // same block. 200 rounds of 1 + 2 + 4 = 1400; without the write-back it would fall short.
    compare(`
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    li s0, 0                # load faults
    li s2, 0                # store faults
    li s3, 0                # wild-jump faults
    li s4, 0                # added to before each trap
    li t1, 0x10             # nothing there: access faults
    li s7, 1
    slli s7, s7, 60         # 2^60: a jump target beyond 2^53
    la s8, 3f
    li s1, 200
1:  addi s4, s4, 1
    ld t2, 0(t1)            # load access fault (5)
    addi s4, s4, 2
    sd s1, 0(t1)            # store access fault (7)
    addi s4, s4, 4
    jalr ra, 0(s7)          # retires (ra = 3f), then an instruction access fault (1) at 2^60
3:  addi s1, s1, -1
    bnez s1, 1b
    li t0, 200
    bne s0, t0, fail
    bne s2, t0, fail
    bne s3, t0, fail
    li t0, 1400
    bne s4, t0, fail
    bne ra, s8, fail
    j pass
    .balign 4
handler:
    csrr t4, mcause
    li t5, 1
    beq t4, t5, 6f
    csrr t5, mepc
    addi t5, t5, 4
    csrw mepc, t5
    li t5, 5
    bne t4, t5, 5f
    addi s0, s0, 1
    mret
5:  li t5, 7
    bne t4, t5, fail
    addi s2, s2, 1
    mret
6:  csrw mepc, s8
    addi s3, s3, 1
    mret
${EXIT}`);
  });

  it('Sv39 in S-mode (4 KiB pages and a superpage), with a page fault', () => {
    compare(`
    .globl _start
_start:
${sv39Setup([{ label: 'vdata', flags: 0xc7 }])}   # 0x0040_1000 unmapped
smode:
    li s0, 0x400000
    li s1, 700
    li s2, 0
1:  sd s1, 8(s0)
    ld t0, 8(s0)
    add s2, s2, t0
    sw s2, 16(s0)
    addi s1, s1, -1
    bnez s1, 1b
    li t0, 0x401000
    ld t1, 0(t0)            # page fault (13), handler skips it
    ecall                   # back to M
    .balign 4
handler:
    csrr t4, mcause
    li t5, 13
    bne t4, t5, 2f
    csrr t5, mepc
    addi t5, t5, 4
    csrw mepc, t5
    li s3, 1
    mret
2:  li t5, 9
    bne t4, t5, fail
    li t0, 245350           # 700 * 701 / 2
    bne s2, t0, fail
    beqz s3, fail
    j pass
${EXIT}
${SV39_TABLES}
vdata: .space 4096`);
  });

  it('Sv39: blocks forget remembered data pages on sfence.vma; a read-only page still faults on a store', () => {
    // 0x0040_0000 maps page p1, then (PTE rewritten + sfence.vma) page p2; 0x0040_1000 maps
    // p3 read-only. Loops make the accesses hot, so translated blocks take them.
    compare(`
    .globl _start
_start:
${sv39Setup([{ label: 'p1', flags: 0xc7 }, { label: 'p3', flags: 0x43 }])}   # p1 RW, p3 read-only (R, A)
smode:
    li s0, 0x400000
    li s1, 300
    li s2, 0
1:  sd s1, 0(s0)            # p1 through the remembered page
    ld t0, 0(s0)
    add s2, s2, t0
    addi s1, s1, -1
    bnez s1, 1b
    li t0, 45150            # 300 * 301 / 2
    bne s2, t0, fail
    call sum100             # p1 holds 1: 100 (and sum100's block is hot now)
    li t0, 100
    bne a0, t0, fail
    # Point 0x0040_0000 at p2 and flush: the same translated code must now see p2.
    la t2, l0
    la t3, p2
    srli t3, t3, 12
    slli t3, t3, 10
    ori t3, t3, 0xc7
    sd t3, 0(t2)
    sfence.vma
    call sum100             # p2 holds 7
    li t0, 700
    bne a0, t0, fail
    # Read-only p3: loads through the remembered page, then a store that must fault (15).
    li s5, 0x401000
    li s1, 100
    li s2, 0
3:  ld t0, 0(s5)            # p3 holds 3
    add s2, s2, t0
    addi s1, s1, -1
    bnez s1, 3b
    li t0, 300
    bne s2, t0, fail
    li s1, 60
4:  sd s1, 0(s5)            # store page fault every time; the handler counts and skips
    addi s1, s1, -1
    bnez s1, 4b
    ecall                   # back to M
sum100:                     # a0 = 100 loads of 0(s0), summed
    li t1, 100
    li a0, 0
6:  ld t0, 0(s0)
    add a0, a0, t0
    addi t1, t1, -1
    bnez t1, 6b
    ret
    .balign 4
handler:
    csrr t4, mcause
    li t5, 15
    bne t4, t5, 5f
    csrr t5, mepc
    addi t5, t5, 4
    csrw mepc, t5
    addi s3, s3, 1
    mret
5:  li t5, 9
    bne t4, t5, fail
    li t0, 60
    bne s3, t0, fail
    la t0, p3
    ld t1, 0(t0)
    li t0, 3
    bne t1, t0, fail        # the faulting stores changed nothing
    j pass
${EXIT}
${SV39_TABLES}
p1: .space 4096
p2: .dword 7
    .space 4088
p3: .dword 3
    .space 4088`);
  });

  it('every AMO, LR/SC success and failure, a misaligned AMO (trap)', () => {
    // Expected values worked out by hand from the A extension's definitions.
    const check = (reg: string, value: number): string => `    li t0, ${value}\n    bne ${reg}, t0, fail\n`;
    compare(`
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    la s0, cells
    addi s2, s0, 8
    li s1, 50               # hot enough for translated blocks
1:  li t0, -5
    sd t0, 0(s0)
    li t1, 3
    li a1, -7
    amoswap.d t2, t1, (s0)  # -5; cell 3
    amoadd.d t3, t1, (s0)   # 3; cell 6
    amoxor.d t4, t1, (s0)   # 6; cell 5
    amoand.d t5, t1, (s0)   # 5; cell 1
    amoor.d t6, t1, (s0)    # 1; cell 3
    amomin.d a2, a1, (s0)   # 3; cell -7
    amomax.d a3, t1, (s0)   # -7; cell 3
    amominu.d a4, a1, (s0)  # 3; cell 3 (2^64 - 7 is larger)
    amomaxu.d a5, a1, (s0)  # 3; cell -7
    li t0, 0x7fffffff
    sw t0, 0(s2)
    li t1, 1
    amoadd.w a6, t1, (s2)   # 0x7fffffff; cell 0x8000_0000
    amominu.w a7, t1, (s2)  # -2^31 (sign-extended); cell 1
    lr.d s4, (s0)           # -7
    li t1, 3
    sc.d s3, t1, (s0)       # 0: success, cell 3
    sc.d s5, t1, (s0)       # 1: the reservation is gone
${check('t2', -5)}${check('t3', 3)}${check('t4', 6)}${check('t5', 5)}${check('t6', 1)}${check('a2', 3)}${check('a3', -7)}${check('a4', 3)}${check('a5', 3)}${check('a6', 0x7fffffff)}${check('a7', -2147483648)}${check('s4', -7)}${check('s3', 0)}${check('s5', 1)}
    ld t1, 0(s0)
${check('t1', 3)}
    lw t1, 0(s2)
${check('t1', 1)}
    addi s1, s1, -1
    bnez s1, 1b
    addi t2, s0, 4
    li t1, 1
    amoadd.d zero, t1, (t2) # misaligned: store/AMO address misaligned (6), skipped
    beqz s6, fail
    j pass
    .balign 4
handler:
    csrr t4, mcause
    li t5, 6
    bne t4, t5, fail
    csrr t5, mepc
    addi t5, t5, 4
    csrw mepc, t5
    li s6, 1
    mret
${EXIT}
    .data
    .balign 64
cells: .space 64`);
  });

  it('word AMOs and LR/SC.w in hot loops: sign extension, signed and unsigned order', () => {
    // Expected values worked out by hand (A extension: the old word, sign-extended, goes to rd;
    // min/max compare signed or unsigned 32-bit words). Translated blocks do these inline.
    const check = (reg: string, value: number): string => `    li t0, ${value}\n    bne ${reg}, t0, fail\n`;
    compare(`
    .globl _start
_start:
    la s0, cells
    li s1, 50               # hot enough for translated blocks
1:  li t0, -2
    sw t0, 0(s0)            # cell 0xffff_fffe
    li t1, 5
    amoswap.w t2, t1, (s0)  # -2; cell 5
    li t1, 0x7ffffffd
    amoadd.w t3, t1, (s0)   # 5; cell 0x8000_0002
    li t1, 3
    amoxor.w t4, t1, (s0)   # -2^31 + 2; cell 0x8000_0001
    amoand.w t5, t1, (s0)   # -2^31 + 1; cell 1
    li t1, 0x80000000
    amoor.w t6, t1, (s0)    # 1; cell 0x8000_0001
    li t1, 7
    amomin.w a2, t1, (s0)   # -2^31 + 1; cell stays 0x8000_0001 (negative)
    amomax.w a3, t1, (s0)   # -2^31 + 1; cell 7
    li t1, -1
    amominu.w a4, t1, (s0)  # 7; cell 7 (0xffff_ffff is larger)
    amomaxu.w a5, t1, (s0)  # 7; cell 0xffff_ffff
    lr.w a6, (s0)           # -1
    li t1, 9
    sc.w a7, t1, (s0)       # 0: success, cell 9
    sc.w s2, t1, (s0)       # 1: the reservation is gone
${check('t2', -2)}${check('t3', 5)}${check('t4', -2147483646)}${check('t5', -2147483647)}${check('t6', 1)}${check('a2', -2147483647)}${check('a3', -2147483647)}${check('a4', 7)}${check('a5', 7)}${check('a6', -1)}${check('a7', 0)}${check('s2', 1)}
    ld t1, 0(s0)            # the word above the cell is untouched
${check('t1', 9)}
    addi s1, s1, -1
    bnez s1, 1b
    j pass
${EXIT}
    .data
    .balign 64
cells: .space 64`);
  });

  it('CSR reads of the counters and CSR writes inside hot loops (cycle, instret, mcycle, mscratch, mie)', () => {
    // The counters must read the same cycle and instruction counts as the interpreter's; a
    // write of mcycle/minstret moves them; mie writes flush the (Rocket) pipeline.
    compare(`
    .globl _start
_start:
    li s1, 200
    li s2, 0
    li s3, 0
1:  rdcycle t0
    rdinstret t1
    addi t2, t1, 5
    csrw mscratch, t2
    csrr t3, mscratch
    bne t3, t2, fail
    rdcycle t4
    sub t4, t4, t0
    add s2, s2, t4          # cycles between two reads
    rdinstret t5
    sub t5, t5, t1
    add s3, s3, t5          # retired between the two reads: rdinstret t1 ... add, 8
    csrw mie, zero
    addi s1, s1, -1
    bnez s1, 1b
    li t0, 1600
    bne s3, t0, fail
    csrw mcycle, zero
    rdcycle t0
    li t1, 100
    bgeu t0, t1, fail       # mcycle restarted from 0 a few cycles ago
    csrw minstret, zero
    rdinstret t0
    bnez t0, fail           # the writing csrw does not count itself (priv. spec 3.1.11)
    j pass
${EXIT}`);
  });

  it('plain CSRs in hot blocks (every CSR form, write masks, 64-bit values, rd = x0) and one below its privilege', () => {
    // Blocks do plain CSRs (scratch, epc, ...) inline while the privilege allows; in S-mode an
    // access to mscratch must still be illegal (the M handler counts and skips it).
    compare(`
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    li s1, 200
    li s2, 0
1:  csrw mscratch, s1
    csrrs t0, mscratch, zero    # a read: no write
    bne t0, s1, fail
    li t1, 0xf0
    csrrs t2, mscratch, t1      # t2 = s1, mscratch = s1 | 0xf0
    csrrc t3, mscratch, t1      # t3 = s1 | 0xf0, mscratch = s1 & ~0xf0
    or t4, s1, t1
    bne t3, t4, fail
    csrrwi t5, sscratch, 21
    csrrsi t5, sscratch, 10     # t5 = 21, sscratch = 31
    csrrci t6, sscratch, 3      # t6 = 31, sscratch = 28
    csrr a1, sscratch
    li a0, 28
    bne a1, a0, fail
    li a2, 31
    bne t6, a2, fail
    li a2, 21
    bne t5, a2, fail
    csrw sepc, s1               # bit 0 of an epc is always 0 (IALIGN = 16)
    csrr a3, sepc
    andi a4, s1, -2
    bne a3, a4, fail
    csrrw zero, mscratch, s1    # rd = x0
    csrr t0, mscratch
    bne t0, s1, fail
    add s2, s2, a3
    addi s1, s1, -1
    bnez s1, 1b
    li t0, 20000                # sum of s1 & ~1 for s1 = 1..200
    bne s2, t0, fail
    li t1, -3
    slli t1, t1, 40
    csrw mscratch, t1
    csrr t2, mscratch
    bne t1, t2, fail            # all 64 bits
    li s3, 0${TO_SMODE}
smode:
    li s1, 100
2:  csrw sscratch, s1
    csrr t0, sscratch
    bne t0, s1, fail
    csrr t1, mscratch           # illegal in S-mode
    addi s1, s1, -1
    bnez s1, 2b
    ecall
    .balign 4
handler:
    csrr t4, mcause
    li t5, 2
    bne t4, t5, 3f
    addi s3, s3, 1
    csrr t5, mepc
    addi t5, t5, 4
    csrw mepc, t5
    mret
3:  li t5, 9
    bne t4, t5, fail
    li t0, 100
    bne s3, t0, fail
    j pass
${EXIT}`);
  });

  it('two harts: AMOs and LR/SC on shared counters', () => {
    compare(`
    .globl _start
_start:
    la s0, counter
    addi s3, s0, 8
    addi s4, s0, 16
    addi s5, s0, 20
    addi s6, s0, 24
    li s1, 1000
1:  li t0, 1
    amoadd.d zero, t0, (s0)
2:  lr.d t1, (s3)
    addi t1, t1, 2
    sc.d t2, t1, (s3)
    bnez t2, 2b
    amoor.w zero, t0, (s4)
    amomax.w zero, s1, (s5)
    addi s1, s1, -1
    bnez s1, 1b
    li t0, 1
    amoadd.d zero, t0, (s6)
    bnez a0, 4f             # hart 1 parks
3:  ld t0, 24(s0)
    li t1, 2
    bne t0, t1, 3b
    ld t0, 0(s0)
    li t1, 2000
    bne t0, t1, fail
    ld t0, 8(s0)
    li t1, 4000
    bne t0, t1, fail
    j pass
4:  j 4b
${EXIT}
    .data
    .balign 64
counter: .space 64`, 2);
  });

  it('self-modifying code with fence.i', () => {
    compare(`
    .globl _start
_start:
    li s0, 200
    li s1, 0
    la s2, patch
    lw s3, 0(s2)            # addi a0, zero, 0
1:  slli t0, s0, 20         # imm = s0 in bits 31:20
    or t0, t0, s3
    sw t0, 0(s2)
    fence.i
    li t1, 8                # a hot inner loop, so that the patched code is translated
    .balign 4
patch:
    .word 0x00000513        # addi a0, zero, 0 (uncompressed, so that imm[11:0] is bits 31:20)
    add s1, s1, a0
    addi t1, t1, -1
    bnez t1, patch
    addi s0, s0, -1
    bnez s0, 1b
    li t0, 160800           # 8 * (200 * 201 / 2)
    bne s1, t0, fail
    j pass
${EXIT}`);
  });

  it('a store that rewrites a later instruction of the running block (one hart, no fence.i)', () => {
    // The first 7 inner iterations store to a data word, so the block from 3: is translated;
    // the 8th stores into patch, the very next instruction, which must then execute the new
    // value (a hart sees its own stores to code at once, docs/cpu.md). a0 per outer round
    // s0 = 20..1: 7 times the previous round's value (0 in the first round), then s0, so
    // s1 = 7 * (2 + ... + 20) + (1 + ... + 20) = 7 * 209 + 210 = 1673.
    compare(`
    .globl _start
_start:
    li s0, 20
    li s1, 0
    la s2, patch
    la s4, scratch
    lw s3, 0(s2)
1:  slli t0, s0, 20
    or t0, t0, s3
    li t1, 8
2:  mv t2, s4
    addi t3, t1, -1
    bnez t3, 3f
    mv t2, s2
3:  sw t0, 0(t2)
patch:
    .word 0x00000513        # addi a0, zero, 0
    add s1, s1, a0
    addi t1, t1, -1
    bnez t1, 2b
    addi s0, s0, -1
    bnez s0, 1b
    li t0, 1673
    bne s1, t0, fail
    j pass
${EXIT}
    .data
scratch: .word 0`);
  });
});

describe('fast mode on the benchmark workloads (quick sizes)', () => {
  // Larger programs than the ones above: the I$, D$, BTB and BHT see conflicts and
  // replacement, Sv39 (syscall) and four harts (amo) are exercised.
  // (The boot-image workloads, kipc and kipc2, have their own fast-vs-reference test: test/bench/kipc.test.ts.)
  for (const w of WORKLOADS.filter(isAsmWorkload)) {
    it(`${w.name}: identical instret, cycles and model events under both profiles`, () => {
      const image = buildWorkload(w, workloadParams(w, 'quick'));
      for (const timing of ['ideal', 'rocket'] as const) {
        const outcome = (fast: boolean): { passed: boolean; cycles: number[]; instret: number[]; events: number[][]; blocks: number } => {
          const run = prepareRun(w, image, timing, { memBytes: 8 << 20, translateAfter: 2 });
          for (const h of run.machine.harts) h.fast = fast;
          const o = run.run();
          const hs = run.machine.harts;
          return {
            passed: o.passed,
            cycles: hs.map((h) => h.cycle),
            instret: hs.map((h) => h.instret),
            events: hs.map((h) => Array.from(h.timing.events)),
            blocks: hs.reduce((n, h) => n + h.blocksTranslated, 0),
          };
        };
        const ref = outcome(false);
        const fast = outcome(true);
        expect(ref.passed, `${w.name} ${timing}: the workload's own checks`).toBe(true);
        expect(fast.blocks, 'fast mode translated blocks').toBeGreaterThan(0);
        expect({ ...fast, blocks: 0 }, `${w.name} ${timing}`).toEqual({ ...ref, blocks: 0 });
      }
    });
  }
});
