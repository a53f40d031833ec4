// Random integer programs against a BigInt reference interpreter (random-programs.ts), run on
// rvn. A handful of seeds here keeps the normal test run short; random.external.test.ts runs
// many more.
import { describe, expect, test } from 'vitest';
import { genProgram } from './random-programs';
import { runGuest } from './harness';

const NORMAL_SEEDS = 12;

describe('random programs agree with a reference interpreter', () => {
  for (let seed = 1; seed <= NORMAL_SEEDS; seed++) {
    test(`seed ${seed}`, () => {
      const p = genProgram(seed * 7919);
      const r = runGuest([{ name: `test/gtsc/programs/random${seed}.ts`, text: p.text }]);
      expect(r.stdout, p.text).toBe(p.expected);
    });
  }
});
