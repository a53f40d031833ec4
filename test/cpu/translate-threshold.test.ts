// When fast mode translates (src/cpu/hart.ts runBlocks): a slot gets a block after the timing
// model's TimingCode.translateAfter entries, or after loopTranslateAfter rounds of a loop it
// heads whose whole body the interpreter ran. Counted on hand-written programs with known trip
// counts; the results must equal the reference interpreter's either way.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine, MIN_FAST_QUANTUM } from '../../src/machine/machine';
import { idealProfile, rocketProfile } from '../../src/timing/profiles/index';

/** A loop of `rounds` rounds (5 instructions each) whose body is one straight run. */
function loop(rounds: number): string {
  return `
    .text
    .globl _start
_start:
    li t0, ${rounds}
    li t1, 0
1:  addi t1, t1, 3
    xori t2, t1, 5
    add t3, t3, t2
    addi t0, t0, -1
    bnez t0, 1b
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
2:  j 2b
`;
}

/**
 * The same count of rounds, but each round calls a function: the slot after the call is
 * entered once a round from the function's return, never by a loop's own back edge.
 */
function calls(rounds: number): string {
  return `
    .text
    .globl _start
_start:
    li s0, ${rounds}
1:  call f
    addi s0, s0, -1
    bnez s0, 1b
    li t0, 0x100000
    li t1, 0x5555
    sw t1, 0(t0)
2:  j 2b
f:  addi t1, t1, 3
    ret
`;
}

function run(source: string, timing: 'ideal' | 'rocket', fast: boolean): { blocks: number; cycles: number; instret: number; t3: number } {
  const m = new Machine({ timing: timing === 'ideal' ? idealProfile() : rocketProfile(), memBytes: 4 << 20, fast }, { console: () => undefined });
  m.load(buildProgram([{ name: 'p.S', text: source }]), 'p.S');
  const r = m.run({ maxInsns: 10_000_000 });
  expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
  const h = m.harts[0];
  return { blocks: h.blocksTranslated, cycles: h.cycle, instret: h.instret, t3: h.getX(28) };
}

describe('translation thresholds', () => {
  const cases = [
    // timing, loopTranslateAfter, translateAfter (src/timing/ideal.ts, rocket-code.ts)
    ['ideal', 16, 2048],
    ['rocket', 64, 8192],
  ] as const;
  for (const [timing, loopAfter, entriesAfter] of cases) {
    it(`${timing}: a loop is translated after ${loopAfter} rounds, not before; results as the reference`, () => {
      const below = run(loop(loopAfter - 2), timing, true);
      expect(below.blocks).toBe(0);
      const above = run(loop(loopAfter + 2), timing, true);
      expect(above.blocks).toBeGreaterThan(0);
      const ref = run(loop(loopAfter + 2), timing, false);
      expect(ref.blocks).toBe(0);
      expect({ ...above, blocks: 0 }).toEqual(ref);
    });

    it(`${timing}: code entered from a return waits for ${entriesAfter} entries`, () => {
      // More rounds than a loop needs, fewer than the entry count: nothing translated.
      expect(entriesAfter - 16).toBeGreaterThan(loopAfter);
      expect(run(calls(entriesAfter - 16), timing, true).blocks).toBe(0);
      expect(run(calls(entriesAfter + 8), timing, true).blocks).toBeGreaterThan(0);
    });
  }
});

// Harts taking turns every few cycles (src/cpu/hart.ts MIN_FAST_QUANTUM; a slice runs up to the
// other hart's cycle + the quantum, so 10-20 cycles here): a slice shorter than MIN_FAST_QUANTUM cycles runs in the interpreter as in reference mode, so no slot gains heat and
// nothing is translated, however often the loop runs; longer slices translate it as above.
describe('short slices', () => {
  /** Both harts run a long loop; the run stops after 8000 instructions (about 800 rounds each). */
  function runTwoHarts(quantum: number, fast: boolean): { blocks: number; harts: { cycles: number; instret: number; t3: number }[] } {
    const m = new Machine({ harts: 2, quantum, timing: idealProfile(), memBytes: 4 << 20, fast }, { console: () => undefined });
    m.load(buildProgram([{ name: 'p.S', text: loop(100_000) }]), 'p.S');
    const r = m.run({ maxInsns: 8000 });
    expect(r.reason.kind).toBe('limit');
    return {
      blocks: m.harts.reduce((n, h) => n + h.blocksTranslated, 0),
      harts: m.harts.map((h) => ({ cycles: h.cycle, instret: h.instret, t3: h.getX(28) })),
    };
  }

  it('about 800 rounds of a loop per hart (50 times ideal loopTranslateAfter = 16) with a quantum of 10 cycles: no block', () => {
    expect(MIN_FAST_QUANTUM).toBeGreaterThan(10);
    const short = runTwoHarts(10, true);
    for (const h of short.harts) expect(h.instret).toBeGreaterThan(3000);
    expect(short.blocks).toBe(0);
    expect(short.harts).toEqual(runTwoHarts(10, false).harts);
  });

  it('the same loop with a quantum of 1000 cycles is translated', () => {
    expect(MIN_FAST_QUANTUM).toBeLessThanOrEqual(1000);
    const long = runTwoHarts(1000, true);
    expect(long.blocks).toBeGreaterThan(0);
    expect(long.harts).toEqual(runTwoHarts(1000, false).harts);
  });
});
