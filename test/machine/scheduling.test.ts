// Several harts are run in cycle order for everything they can see of each other (scheduler.ts,
// docs/cpu.md "Several harts"): how far the scheduler lets a hart run ahead is a host-side
// choice that must change nothing. Programs whose harts communicate through memory (plain
// loads and stores with flags, AMOs and LR/SC), through user interrupts and IPIs are run with
// --quantum 1 (a switch at almost every cycle), 37 and the default, in fast and reference
// mode, and must give identical exits, per-hart cycles and instret, memory and per-hart commit
// streams. Each program also checks its own result (values worked out by hand).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { DEFAULT_QUANTUM, Machine } from '../../src/machine/machine';
import type { Hart } from '../../src/cpu/hart';
import { idealProfile, rocketProfile } from '../../src/timing/profiles/index';
import { buildWorkload, workloadParams } from '../../src/bench/runner';
import { amo } from '../../src/bench/workloads/index';

const EXIT = `
pass:
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b
fail:
    li t0, 0x100000
    li t1, 0x13333
    sw t1, 0(t0)
1:  j 1b
`;

interface Outcome {
  reason: string;
  console: string;
  cycles: number[];
  instret: number[];
  ram: string;
  commits: string[][];
}

function fnv(bytes: Uint8Array): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return (h >>> 0).toString(16);
}

function run(image: Uint8Array, harts: number, quantum: number, timing: 'ideal' | 'rocket', fast: boolean, observe: boolean): Outcome {
  let out = '';
  const m = new Machine({ harts, quantum, timing: timing === 'ideal' ? idealProfile() : rocketProfile(), memBytes: 8 << 20, fast, translateAfter: 2 }, {
    console: (b) => (out += new TextDecoder().decode(b)),
  });
  m.load(image, 'p');
  const commits: string[][] = m.harts.map(() => []);
  if (observe) {
    for (const h of m.harts) {
      h.observer = {
        commit: (hart: Hart, c) => commits[hart.hartId].push(`${hart.cycle} ${c.pc.toString(16)} ${c.rd}=${c.rdLo}:${c.rdHi} ${c.memPaddr}`),
        trap: (hart: Hart, isInt, cause) => commits[hart.hartId].push(`${hart.cycle} trap ${isInt} ${cause}`),
      };
    }
  }
  const r = m.run({ maxCycles: 50_000_000 });
  return {
    reason: JSON.stringify(r.reason),
    console: out,
    cycles: m.harts.map((h) => h.cycle),
    instret: m.harts.map((h) => h.instret),
    ram: fnv(m.bus.readBytes(0x8000_0000, 256 * 1024)),
    commits,
  };
}

/** Every scheduling variant gives the outcome of the first; returns it. */
function sameUnderEveryQuantum(image: Uint8Array, harts: number, timing: 'ideal' | 'rocket', observe = false): Outcome {
  const ref = run(image, harts, 1, timing, false, observe);
  for (const quantum of [37, DEFAULT_QUANTUM]) {
    for (const fast of [false, true]) {
      expect(run(image, harts, quantum, timing, fast, observe), `quantum ${quantum}, fast ${fast}`).toEqual(ref);
    }
  }
  return ref;
}

const PASSED = JSON.stringify({ kind: 'exit', code: 0, source: 'test-device' });

/** The program passes under both timing models, identically under every variant (commit streams too). */
function passesUnderEveryQuantum(image: Uint8Array, harts: number): void {
  for (const timing of ['ideal', 'rocket'] as const) {
    expect(sameUnderEveryQuantum(image, harts, timing, true).reason).toBe(PASSED);
  }
}

describe('several harts: results do not depend on the scheduling quantum', () => {
  it('message passing through plain stores and flags (two harts)', () => {
    // Hart 1 produces 40 messages: it writes two words, then a sequence number to `seq`;
    // hart 0 waits for each sequence number, checks the words (i and 3i + 1) and acknowledges
    // through `ack`, which hart 1 waits for. Both harts also do private work between messages
    // (a loop of 5·i ALU instructions) so that they run at different speeds.
    const image = buildProgram([{ name: 'mp.S', text: `
    .globl _start
_start:
    la s0, seq
    la s1, ack
    la s2, words
    li s3, 1
    bnez a0, producer
consumer:
    li t0, 0                # expected sum of the first words
    li s4, 0
1:  ld t1, 0(s0)            # wait for message s3
    bne t1, s3, 1b
    ld t2, 0(s2)
    ld t3, 8(s2)
    add s4, s4, t2
    slli t4, t2, 1
    add t4, t4, t2
    addi t4, t4, 1
    bne t3, t4, fail        # second word = 3 * first + 1
    addi t5, s3, -1
    bne t2, t5, fail        # first word = message number - 1
    sd s3, 0(s1)            # ack
    mv t6, s3               # private work
2:  addi t6, t6, -1
    bnez t6, 2b
    addi s3, s3, 1
    li t0, 41
    bne s3, t0, 1b
    li t0, 780              # 0 + 1 + ... + 39
    bne s4, t0, fail
    j pass
producer:
    li t2, 0
3:  sd t2, 0(s2)
    slli t3, t2, 1
    add t3, t3, t2
    addi t3, t3, 1
    sd t3, 8(s2)
    sd s3, 0(s0)            # publish
    slli t6, s3, 2          # private work (4 * s3 iterations)
4:  addi t6, t6, -1
    bnez t6, 4b
5:  ld t1, 0(s1)            # wait for the ack
    bne t1, s3, 5b
    addi t2, t2, 1
    addi s3, s3, 1
    li t0, 41
    bne s3, t0, 3b
6:  wfi
    j 6b
${EXIT}
    .data
    .balign 64
seq: .dword 0
    .balign 64
ack: .dword 0
    .balign 64
words: .dword 0, 0
` }]);
    for (const timing of ['ideal', 'rocket'] as const) {
      expect(sameUnderEveryQuantum(image, 2, timing).reason).toBe(PASSED);
    }
    expect(sameUnderEveryQuantum(image, 2, 'rocket', true).commits[0].length).toBeGreaterThan(1000);
  });

  it('AMOs and LR/SC on shared counters (the amo workload, four harts)', () => {
    const image = buildWorkload(amo, workloadParams(amo, 'quick'));
    for (const timing of ['ideal', 'rocket'] as const) {
      expect(sameUnderEveryQuantum(image, 4, timing).reason).toBe(PASSED);
    }
  });

  it('at equal cycles the lower hart id goes first (four harts in lockstep taking tickets)', () => {
    // The four harts run the same instructions from the same cycle, so each of their eight
    // amoadd.d on one counter starts at the same cycle on every hart: by the rule (docs/cpu.md,
    // "Several harts": order of cycle, then hart id) hart h's k-th ticket is 4k + h, whatever
    // the scheduler's quantum. Each hart checks its own tickets; hart 0 then waits for all.
    const image = buildProgram([{ name: 'tickets.S', text: `
    .globl _start
_start:
    la s0, counter
    la s1, done
    li s2, 8                    # tickets to take
    li s3, 0                    # the next one's expected value: 4k + hart id
    add s3, s3, a0
    li t1, 1
1:  amoadd.d t0, t1, (s0)
    bne t0, s3, fail
    addi s3, s3, 4
    addi s2, s2, -1
    bnez s2, 1b
    amoadd.d zero, t1, (s1)
    bnez a0, park
    li t2, 4
2:  ld t0, 0(s1)
    bne t0, t2, 2b
    j pass
park:
    wfi
    j park
${EXIT}
    .data
    .balign 64
counter: .dword 0
    .balign 64
done: .dword 0
` }]);
    passesUnderEveryQuantum(image, 4);
  });

  it('harts spinning on a flag while another works and releases them (four harts)', () => {
    // Harts 1-3 wait for `go` in the loop OpenSBI's secondary harts use (the address is
    // recomputed in the loop, nops between the load and the branch); hart 3 enters the loop at
    // its load. Hart 0 meanwhile stores and loads 400 words next to the flag (same page), then
    // sets `go` to 1. Each released hart adds its id + 1 to `sum` with amoadd and spins
    // again until `go` is 2; hart 0 waits until sum = 2 + 3 + 4, sets `go` to 2 and waits for
    // `sum` = 9 + 3 (each hart adds 1 more) before checking its own loads (sum of 1..400).
    const image = buildProgram([{ name: 'spin.S', text: `
    .globl _start
_start:
    bnez a0, waiter
    la s0, words
    li s1, 400
    li s2, 0
1:  sd s1, 0(s0)
    ld t0, 0(s0)
    add s2, s2, t0
    addi s0, s0, 8
    addi s1, s1, -1
    bnez s1, 1b
    la s3, go
    li t0, 1
    sd t0, 0(s3)                # release the waiters
    la s4, sum
    li t1, 9
2:  ld t0, 0(s4)
    bne t0, t1, 2b
    li t0, 2
    sd t0, 0(s3)                # second release
    li t1, 12
3:  ld t0, 0(s4)
    bne t0, t1, 3b
    li t0, 80200                # 1 + ... + 400
    bne s2, t0, fail
    j pass
waiter:
    li t2, 3
    bne a0, t2, head
    la t1, go                   # hart 3 enters the loop at its load, t0 not yet 1
    li t0, 5
    j enter
head:
    li t0, 1
    la t1, go
enter:
    ld t1, 0(t1)
    nop
    nop
    bne t0, t1, head
    la t3, sum
    addi t4, a0, 1
    amoadd.d zero, t4, (t3)
    la t3, go
    li t5, 2
4:  ld t6, 0(t3)
    bne t6, t5, 4b
    la t3, sum
    li t4, 1
    amoadd.d zero, t4, (t3)
5:  wfi
    j 5b
${EXIT}
    .data
    .balign 64
go: .dword 0
sum: .dword 0
words: .zero 3200
` }]);
    passesUnderEveryQuantum(image, 4);
  });

  it('a hart idling in a jump to itself, woken by IPIs and its timer (two harts)', () => {
    // Hart 1 enables its machine software and timer interrupts, arms its timer 300 ticks
    // ahead and idles in `j .`; its handler counts timer ticks (and disarms the timer) or
    // counts an IPI in `ack`, then returns to the idle loop. Hart 0 sends 20 IPIs; before
    // IPI r it stores the values 3r, 3r - 1, ..., 1 to its own buffer and loads them back
    // (in all, the sum over r of 3r(3r + 1)/2 = 13230), and after it waits until `ack` = r.
    // At the end it waits for the tick and checks the sum.
    const image = buildProgram([{ name: 'idle.S', text: `
    .equ CLINT_MSIP, 0x02000000
    .equ CLINT_MTIMECMP, 0x02004000
    .equ CLINT_MTIME, 0x0200bff8
    .globl _start
_start:
    bnez a0, idler
    li s2, 0                    # sum of everything loaded back
    li s4, 0                    # round
round:
    addi s4, s4, 1
    la s0, buf
    slli s1, s4, 1
    add s1, s1, s4              # 3r words
1:  sd s1, 0(s0)
    ld t0, 0(s0)
    add s2, s2, t0
    addi s0, s0, 8
    addi s1, s1, -1
    bnez s1, 1b
    li t0, CLINT_MSIP + 4
    li t1, 1
    sw t1, 0(t0)                # IPI to hart 1
    la s3, ack
2:  ld t0, 0(s3)
    bne t0, s4, 2b
    li t0, 20
    bne s4, t0, round
    la s3, tick
3:  ld t0, 0(s3)
    beqz t0, 3b
    li t0, 13230                # sum over r = 1..20 of 3r(3r+1)/2
    bne s2, t0, fail
    j pass
idler:
    la t0, handler
    csrw mtvec, t0
    li t0, CLINT_MTIME
    ld t1, 0(t0)
    addi t1, t1, 300
    li t0, CLINT_MTIMECMP + 8
    sd t1, 0(t0)                # a timer interrupt 300 ticks from now
    li t0, (1 << 3) | (1 << 7)
    csrw mie, t0                # MSIE, MTIE
    csrsi mstatus, 8            # MIE
idle:
    j idle
    .balign 4
handler:
    csrr t0, mcause
    slli t0, t0, 1
    srli t0, t0, 1
    li t1, 7
    beq t0, t1, timer
    li t0, CLINT_MSIP + 4
    sw zero, 0(t0)              # clear the IPI
    la t0, ack
    ld t1, 0(t0)
    addi t1, t1, 1
    sd t1, 0(t0)
    mret
timer:
    li t0, CLINT_MTIMECMP + 8
    li t1, -1
    sd t1, 0(t0)                # disarm
    la t0, tick
    li t1, 1
    sd t1, 0(t0)
    mret
${EXIT}
    .data
    .balign 64
ack: .dword 0
    .balign 64
tick: .dword 0
    .balign 4096
buf: .zero 512
` }]);
    passesUnderEveryQuantum(image, 2);
  });

  it('a busy hart interrupted by its own timer while the other hart idles or spins (two harts)', () => {
    // The scheduler lets the busy hart run before an idle or spinning hart that is behind it
    // (docs/cpu.md, "Which harts another hart waits for"), but never past a pending event: hart
    // 0 counts in a tight loop with its timer armed 12-27 ticks ahead; each timer interrupt
    // stores the count at which it arrived (so every arrival cycle is in memory and in the
    // commit stream) and re-arms. Hart 1 first spins on a flag, then idles in `j .`. After
    // 24 interrupts hart 0 checks the counts and releases hart 1's flag.
    const image = buildProgram([{ name: 'busy.S', text: `
    .equ CLINT_MTIMECMP, 0x02004000
    .equ CLINT_MTIME, 0x0200bff8
    .globl _start
_start:
    bnez a0, quiet
    la t0, handler
    csrw mtvec, t0
    la s0, counts
    li s2, 0                    # interrupts taken
    li s1, 0                    # the count
    li s4, 24
    call arm
    li t0, 1 << 7
    csrw mie, t0                # MTIE
    csrsi mstatus, 8            # MIE
1:  addi s1, s1, 1              # (only s registers here: the handler uses t0-t2)
    bne s2, s4, 1b
    csrci mstatus, 8
    la s0, counts               # the counts never decrease, and the last is not 0
    ld t0, 184(s0)
    beqz t0, fail
    li t2, 23
2:  ld t0, 0(s0)
    ld t1, 8(s0)
    bltu t1, t0, fail
    addi s0, s0, 8
    addi t2, t2, -1
    bnez t2, 2b
    la t0, flag
    li t1, 1
    sd t1, 0(t0)                # release hart 1
    la t0, flag2
3:  ld t1, 0(t0)                # and wait until it is idle
    beqz t1, 3b
    j pass
arm:                            # mtimecmp = mtime + 12 + 5 * (interrupts taken mod 4)
    li t0, CLINT_MTIME
    ld t1, 0(t0)
    andi t2, s2, 3
    add t1, t1, t2
    slli t2, t2, 2
    add t1, t1, t2
    addi t1, t1, 12
    li t0, CLINT_MTIMECMP
    sd t1, 0(t0)
    ret
    .balign 4
handler:
    slli t0, s2, 3
    add t0, t0, s0
    sd s1, 0(t0)
    addi s2, s2, 1
    li t0, 24
    beq s2, t0, 4f
    mv s3, ra
    call arm
    mv ra, s3
    mret
4:  li t0, CLINT_MTIMECMP
    li t1, -1
    sd t1, 0(t0)                # disarm
    mret
quiet:
    la t0, flag
5:  ld t1, 0(t0)                # spin until hart 0 is done
    beqz t1, 5b
    la t0, flag2
    sd t1, 0(t0)
idle:
    j idle
${EXIT}
    .data
    .balign 64
flag: .dword 0
    .balign 64
flag2: .dword 0
    .balign 64
counts: .zero 192
` }]);
    passesUnderEveryQuantum(image, 2);
  });

  it('an idle hart does not hold the others back (fewer hart switches)', () => {
    // Default quantum. While hart 1 idles in `j .` (interruptible, never interrupted) it can
    // do nothing hart 0 sees before an event interrupts it, so hart 0's loads and stores need
    // not wait for it, and it catches up with hart 0 in one slice: the harts switch about twice
    // per quantum (10 000 cycles) instead of at every ordered access (a few cycles).
    const image = buildProgram([{ name: 'idle2.S', text: `
    .globl _start
_start:
    bnez a0, idler
    la s0, buf
    li s1, 4000
1:  sd s1, 0(s0)
    ld t0, 0(s0)
    addi s1, s1, -1
    bnez s1, 1b
    j pass
idler:
    li t0, 1 << 3
    csrw mie, t0                # MSIE: hart 0 could interrupt it, but does not
    csrsi mstatus, 8
idle:
    j idle
${EXIT}
    .data
buf: .dword 0
` }]);
    const m = new Machine({ harts: 2, timing: rocketProfile(), memBytes: 8 << 20, translateAfter: 2 }, { console: () => undefined });
    m.load(image, 'idle2');
    expect(JSON.stringify(m.run({ maxCycles: 10_000_000 }).reason)).toBe(PASSED);
    const cycles = m.harts[0].cycle;
    expect(cycles).toBeGreaterThan(16_000); // 4000 iterations of 4 instructions
    expect(m.schedulerSlices).toBeLessThan(2 * cycles / DEFAULT_QUANTUM + 20);
  });

  it('user interrupts across two harts (examples/uintr-pingpong)', () => {
    const image = buildProgram([{ name: 'pingpong.S', text: readFileSync('examples/uintr-pingpong/pingpong.S', 'utf8') }]);
    const r = sameUnderEveryQuantum(image, 2, 'rocket', true);
    expect(r.console).toMatch(/round trips: 100, average cycles per round trip: \d+/);
  });
});
