// The user runtime's in-guest test suite (src/os/programs/runtime-tests) on one and two harts:
// the executor (run to completion, priority order, MAX_COROUTINES and frame reuse, a coroutine
// woken by another thread's uipi SEND through the kernel and the runtime's entry) and the
// channel (16-word messages from three coroutines). Every test must report ok; from outside, the
// hardware counter confirms the one user interrupt of uintr_wake's send.
import { describe, expect, test } from 'vitest';
import { HartEvent } from '../../src/cpu/hart';
import { run, system } from '../os/harness';

const TESTS = ['run', 'priorities', 'capacity', 'uintr_wake', 'channel'];

describe('runtime-tests', () => {
  const built = system('runtime-tests');
  for (const harts of [1, 2]) {
    test(`${harts} hart(s): every test passes`, () => {
      const r = run([built.image], { harts, fast: false });
      for (const name of TESTS) expect(r.stdout, r.stdout).toContain(`test ${name}: ok\n`);
      expect(r.stdout).toContain(`runtime-tests: ${TESTS.length} passed, 0 failed`);
      expect(r.result.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
      // the tester (hart 0) takes user interrupts only from the kicker (one) and the channel's replies
      expect(r.machine.harts[0]!.hpmEventCount(HartEvent.UserInterrupt)).toBeGreaterThanOrEqual(2);
    });
  }
});
