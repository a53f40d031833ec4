// How a loop closed by a conditional branch back to its block's start leaves the block
// (src/cpu/codegen/blocks.ts, loopEnd; src/cpu/hart.ts, blockStep's entry budgets). A loop that
// has run LONG_LOOP instructions in one entry leaves when it ends, so the code after it runs as
// a block of its own; a short loop goes on into the code after it inside the same block. Either
// way, and across the entry budgets (a block's first entries, ENTRY_BUDGET), results equal the
// reference interpreter's and the hand-computed counts.
import { describe, expect, it } from 'vitest';
import { readElf, findSymbol } from '../../src/elf/reader';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import { idealProfile, rocketProfile } from '../../src/timing/profiles/index';
import { ENTRY_BUDGET, FIRST_ENTRY_BUDGET } from '../../src/cpu/codegen/blocks';

/** `outer` rounds of an inner loop of `inner` passes (3 instructions each); `after` follows it. */
const NESTED = (outer: number, inner: number): string => `
    .text
    .globl _start, after
_start:
    li s0, ${outer}
1:  li t0, ${inner}
2:  addi s2, s2, 1
    addi t0, t0, -1
    bnez t0, 2b
after:
    addi s3, s3, 1
    addi s0, s0, -1
    bnez s0, 1b
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
3:  j 3b
`;

interface Outcome { cycles: number; instret: number; s2: number; s3: number; afterHasBlock: boolean }

function run(source: string, timing: 'ideal' | 'rocket', fast: boolean, translateAfter?: number): Outcome {
  const image = buildProgram([{ name: 'p.S', text: source }]);
  const m = new Machine({ timing: timing === 'ideal' ? idealProfile() : rocketProfile(), memBytes: 4 << 20, fast, translateAfter }, { console: () => undefined });
  m.load(image, 'p.S');
  const r = m.run({ maxInsns: 20_000_000 });
  expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
  const h = m.harts[0];
  const after = findSymbol(readElf(image), 'after')?.value ?? NaN;
  const blocks = h.fetchPage.blocks ?? [];
  return {
    cycles: h.cycle, instret: h.instret, s2: h.getX(18), s3: h.getX(19),
    afterHasBlock: blocks[(after % 4096) / 2] != null,
  };
}

describe('a loop closed by a branch to its block\'s start', () => {
  for (const timing of ['ideal', 'rocket'] as const) {
    it(`${timing}: a long loop leaves its block when it ends; a short one goes on in it`, () => {
      // 2000 passes of 3 instructions: past LONG_LOOP (4096) in one entry. 40 rounds: the code
      // after the loop is entered more often than the lowered threshold (16) asks for a block.
      const long = run(NESTED(40, 2000), timing, true, 16);
      expect(long.afterHasBlock).toBe(true);
      expect([long.s2, long.s3]).toEqual([40 * 2000, 40]);
      expect({ ...long, afterHasBlock: false }).toEqual({ ...run(NESTED(40, 2000), timing, false, 16), afterHasBlock: false });
      // 10 passes: the code after the loop runs inside the loop's block, never entered itself.
      const short = run(NESTED(40, 10), timing, true, 16);
      expect(short.afterHasBlock).toBe(false);
      expect([short.s2, short.s3]).toEqual([400, 40]);
      expect({ ...short, afterHasBlock: false }).toEqual({ ...run(NESTED(40, 10), timing, false, 16), afterHasBlock: false });
    });
  }

  it('a loop longer than a block entry may run (ENTRY_BUDGET) and the first entries\' budget', () => {
    // One loop of 3-instruction passes running past ENTRY_BUDGET instructions, its first
    // entries bounded to FIRST_ENTRY_BUDGET: the default thresholds, ideal timing.
    const passes = Math.ceil((ENTRY_BUDGET + 3 * FIRST_ENTRY_BUDGET) / 3) + 7;
    const fast = run(NESTED(1, passes), 'ideal', true);
    expect([fast.s2, fast.s3]).toEqual([passes, 1]);
    expect({ ...fast, afterHasBlock: false }).toEqual({ ...run(NESTED(1, passes), 'ideal', false), afterHasBlock: false });
  });
});

// BEQ/BNE compare both halves of the 64-bit registers (one test of both in the instruction
// table). The loop's counter moves in the high half only: the low halves are always equal,
// so a compare of the low halves alone would end it after one pass.
const HIGH_HALF = `
    .text
    .globl _start
_start:
    li t2, 1
    slli t2, t2, 32         # t2 = 2^32
    li t1, 3000
    slli t1, t1, 32         # t1 = 3000 * 2^32
    li t0, 0
1:  add t0, t0, t2
    addi s2, s2, 1
    bne t0, t1, 1b
    li t0, 0
2:  add t0, t0, t2
    addi s3, s3, 1
    beq t0, t2, 2b          # taken once: t0 = 2^32 after the first pass only
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
3:  j 3b
    .globl after
after:
`;

describe('BEQ/BNE on registers whose low halves are equal', () => {
  for (const timing of ['ideal', 'rocket'] as const) {
    it(`${timing}: decided by the high halves, in blocks as in the reference`, () => {
      const fast = run(HIGH_HALF, timing, true, 16);
      expect([fast.s2, fast.s3]).toEqual([3000, 2]);
      expect(fast).toEqual(run(HIGH_HALF, timing, false, 16));
    });
  }
});
