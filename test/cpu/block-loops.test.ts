// A loop closed by a jump (`j`, JAL with rd = x0) back into a translated block: the block goes
// round inside its function (src/cpu/codegen/blocks.ts, jal()), it is not unrolled into copies
// up to the length limit. Results must equal the reference interpreter's.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import { idealProfile, rocketProfile } from '../../src/timing/profiles/index';

/** `rounds` rounds of a 3-instruction loop whose back edge is `j`. */
const SOURCE = (rounds: number): string => `
    .text
    .globl _start
_start:
    li t0, ${rounds}
1:  addi t2, t2, 7
    addi t0, t0, -1
    beqz t0, 2f
    j 1b
2:  li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
3:  j 3b
`;

function run(timing: 'ideal' | 'rocket', fast: boolean): { cycles: number; instret: number; t2: number; lens: number[] } {
  const m = new Machine({ timing: timing === 'ideal' ? idealProfile() : rocketProfile(), memBytes: 4 << 20, fast }, { console: () => undefined });
  m.load(buildProgram([{ name: 'p.S', text: SOURCE(5000) }]), 'p.S');
  const r = m.run({ maxInsns: 10_000_000 });
  expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
  const h = m.harts[0];
  const lens = (h.fetchPage.blocks ?? []).flatMap((b) => (b ? [b.len] : []));
  return { cycles: h.cycle, instret: h.instret, t2: h.getX(7), lens };
}

describe('loops closed by a jump in translated blocks', () => {
  for (const timing of ['ideal', 'rocket'] as const) {
    it(`${timing}: the loop's block is its 3 instructions, and results equal the reference`, () => {
      const fast = run(timing, true);
      // The loop was translated: one block of addi, addi, beqz, j (from the first addi: 4)
      // or from a later slot of the loop; none of them holds copies of the loop.
      expect(fast.lens.length).toBeGreaterThan(0);
      expect(Math.max(...fast.lens)).toBeLessThanOrEqual(4);
      expect(fast.t2).toBe(5000 * 7);
      const ref = run(timing, false);
      expect({ ...fast, lens: [] }).toEqual({ ...ref, lens: [] });
    });
  }
});

// A loop entered in its middle again and again: after each trap, the handler's xRET returns to
// the instruction after the ecall, whose block runs to the loop's backward branch. The taken
// branch is followed into the loop's head (src/cpu/codegen/blocks.ts, followsTaken), so that
// block runs on to the next ecall: a round trip is two block entries, not three. A loop longer
// than a block is traced without following (else every pass would start a block at a new
// phase of the loop). `pad` nops stand in the loop before the ecall.
const TRAP_LOOP = (rounds: number, pad: number): string => `
    .text
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    li s0, ${rounds}
1:  addi s2, s2, 3
    .rept ${pad}
    addi s3, s3, 1
    .endr
    ecall
    addi s0, s0, -1
    bnez s0, 1b
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
3:  j 3b
    .balign 4
handler:
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    nop
    mret
`;

function runTrapLoop(timing: 'ideal' | 'rocket', fast: boolean, pad: number): { cycles: number; instret: number; s2: number; s3: number; lens: number[] } {
  const m = new Machine({ timing: timing === 'ideal' ? idealProfile() : rocketProfile(), memBytes: 4 << 20, fast }, { console: () => undefined });
  m.load(buildProgram([{ name: 'p.S', text: TRAP_LOOP(20_000, pad) }]), 'p.S');
  const r = m.run({ maxInsns: 10_000_000 });
  expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
  const h = m.harts[0];
  const lens = (h.fetchPage.blocks ?? []).flatMap((b) => (b ? [b.len] : [])).sort((x, y) => x - y);
  return { cycles: h.cycle, instret: h.instret, s2: h.getX(18), s3: h.getX(19), lens };
}

describe('a loop re-entered after its ecall returns', () => {
  for (const timing of ['ideal', 'rocket'] as const) {
    it(`${timing}: the return site's block runs through the taken branch to the next ecall`, () => {
      const fast = runTrapLoop(timing, true, 0);
      // The handler (5 instructions) and addi, bnez, addi, ecall; not addi, bnez and addi, ecall.
      expect(fast.lens).toEqual([4, 5]);
      expect(fast.s2).toBe(20_000 * 3);
      const ref = runTrapLoop(timing, false, 0);
      expect({ ...fast, lens: [] }).toEqual({ ...ref, lens: [] });
    });

    it(`${timing}: a loop longer than a block is not followed into`, () => {
      const pad = 60; // the loop: 64 instructions, more than either model's longest block
      const fast = runTrapLoop(timing, true, pad);
      // The handler; the return site's block traced without following (addi, bnez, then the
      // not-taken path: li, li, sw, j: 7); the loop from its head, cut by the length limit into
      // a fixed number of pieces. Following the branch would start a new piece at another
      // phase of the loop at every pass.
      expect(fast.lens).toContain(7);
      expect(fast.lens.length).toBeLessThanOrEqual(6);
      expect(fast.s3).toBe(20_000 * pad);
      const ref = runTrapLoop(timing, false, pad);
      expect({ ...fast, lens: [] }).toEqual({ ...ref, lens: [] });
    });
  }
});

// A trap vector and the return site of an xRET are entered once per trap: they get blocks as
// soon as a loop's head would (loopTranslateAfter entries), not after translateAfter entries
// (src/cpu/hart.ts, blockStep). 300 round trips are fewer than either model's translateAfter
// (2048 ideal, 8192 Rocket) and more than its loopTranslateAfter (16, 64).
describe('trap vectors and return sites', () => {
  for (const timing of ['ideal', 'rocket'] as const) {
    it(`${timing}: get blocks after as many traps as a loop's head needs rounds`, () => {
      const m = new Machine({ timing: timing === 'ideal' ? idealProfile() : rocketProfile(), memBytes: 4 << 20 }, { console: () => undefined });
      m.load(buildProgram([{ name: 'p.S', text: TRAP_LOOP(300, 0) }]), 'p.S');
      expect(m.run({ maxInsns: 1_000_000 }).reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
      const blocks = m.harts[0].fetchPage.blocks ?? [];
      expect(blocks.flatMap((b) => (b ? [b.len] : [])).sort((x, y) => x - y)).toEqual([4, 5]);
    });
  }
});
