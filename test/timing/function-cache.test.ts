// FunctionCache: one factory per distinct source, one closure per call, each seeing the bindings
// it was made with — also in a cache for several machines, which makes a throwaway closure of
// each new shared function (timing-code.ts).
import { describe, expect, it } from 'vitest';
import { FunctionCache } from '../../src/timing/timing-code';

describe('FunctionCache', () => {
  for (const severalMachines of [false, true]) {
    for (const acrossMachines of [false, true]) {
      it(`closures see their own bindings (severalMachines ${severalMachines}, acrossMachines ${acrossMachines})`, () => {
        const cache = new FunctionCache({ severalMachines });
        const made: { n: number }[] = [];
        const make = (a: Float64Array) => {
          const counter = { n: 0 };
          made.push(counter);
          return cache.make<(x: number) => number>('f', 'x', 'counter.n++; a[0] += x; return a[0];', { a, counter }, acrossMachines);
        };
        const a1 = new Float64Array(1);
        const a2 = new Float64Array(1).fill(100);
        const f1 = make(a1);
        const f2 = make(a2);
        expect(f1).not.toBe(f2);
        expect(f1(2)).toBe(2);
        expect(f2(3)).toBe(103);
        expect(f1(5)).toBe(7);
        expect([a1[0], a2[0]]).toEqual([7, 103]);
        expect(made.map((c) => c.n)).toEqual([2, 1]); // the throwaway closure never runs
      });
    }
  }
});
