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
