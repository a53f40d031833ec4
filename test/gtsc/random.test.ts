// Random integer programs against a BigInt reference interpreter (random-programs.ts), run on
// rvn, each optimised and at -O0. A handful of seeds here keeps the normal test run short;
// random.external.test.ts runs many more.
import { describe, expect, test } from 'vitest';
import { genProgram } from './random-programs';
import { runGuest } from './harness';

const NORMAL_SEEDS = 12;

describe('random programs agree with a reference interpreter', () => {
  for (let seed = 1; seed <= NORMAL_SEEDS; seed++) {
    test(`seed ${seed}`, () => {
      const p = genProgram(seed * 7919);
      for (const optimize of [true, false]) {
        const r = runGuest([{ name: `test/gtsc/programs/random${seed}.ts`, text: p.text }], { compile: { optimize } });
        expect(r.stdout, `${optimize ? '' : '-O0:\n'}${p.text}`).toBe(p.expected);
      }
    });
  }
});
