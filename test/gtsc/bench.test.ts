// The benchmark programs (test/gtsc/bench): the optimised build and the -O0 build of each give
// the same result (their C versions built by gcc are compared in bench.external.test.ts).
import { describe, expect, test } from 'vitest';
import { idealProfile } from '../../src/timing/profiles/index';
import { benchNames, buildBenchTs, runBench } from './bench/measure';

describe('benchmark programs: optimised and -O0 agree', () => {
  for (const name of benchNames()) {
    test(name, () => {
      const optimised = runBench(buildBenchTs(name), name, idealProfile());
      const o0 = runBench(buildBenchTs(name, { optimize: false }), `${name} -O0`, idealProfile());
      expect(optimised.result).toBe(o0.result);
      expect(optimised.instret).toBeLessThan(o0.instret);
    });
  }
});
