// The long run of the random-program test (random-programs.ts): 150 seeds beyond those of
// random.test.ts, on rvn, each optimised and at -O0. External only for its run time (it needs nothing outside npm).
import { describe, expect, test } from 'vitest';
import { genProgram } from './random-programs';
import { runGuest } from './harness';

const FIRST = 13;
const COUNT = 150;

describe('random programs agree with a reference interpreter (long run)', () => {
  for (let seed = FIRST; seed < FIRST + COUNT; seed++) {
    test(`seed ${seed}`, () => {
      const p = genProgram(seed * 7919);
      for (const optimize of [true, false]) {
        const r = runGuest([{ name: `test/gtsc/programs/random${seed}.ts`, text: p.text }], { compile: { optimize } });
        expect(r.stdout, `${optimize ? '' : '-O0:\n'}${p.text}`).toBe(p.expected);
      }
    });
  }
});
