// The boot-image rows kipc and kipc2 (src/bench/workloads/kipc.ts): they boot the real
// ipc-bench system and pass only when its report line says the asked-for calls were made
// with no wrong reply; their instructions and cycles are the same on every run and in fast
// and reference mode.
import { beforeAll, describe, expect, it } from 'vitest';
import { BENCH_TIMINGS, prepareRun, selectWorkloads } from '../../src/bench/runner';
import type { ImageWorkload } from '../../src/bench/workload';
import { checkIpcBenchReport, kipc, kipc2 } from '../../src/bench/workloads/kipc';
import { imageProvider } from '../../src/cli/experiment/images';
import { HartEvent } from '../../src/cpu/hart';

/** The system image, found or built as `rvn bench` does it. */
let image: Uint8Array;
beforeAll(async () => {
  image = await imageProvider().image('ipc-bench');
}, 120_000);

const QUICK = { CALLS: 200 };

function run(w: ImageWorkload, timing: 'ideal' | 'rocket', opts: { fast?: boolean; translateAfter?: number } = {}) {
  const p = prepareRun(w, image, timing, { params: QUICK, maxInsns: 5e6, ...opts });
  const o = p.run();
  const harts = p.machine.harts;
  return {
    ...o,
    harts: harts.map((h) => ({ instret: h.instret, cycle: h.cycle, userInterrupts: h.hpmEventCount(HartEvent.UserInterrupt) })),
    blocksTranslated: harts.reduce((n, h) => n + h.blocksTranslated, 0),
  };
}

describe('the console check of an ipc-bench run', () => {
  // Report lines as src/os/programs/ipc-bench/bench.ts prints them (its header comment).
  const line = (args: string, errors: number): string =>
    `kernel: booted\nipc-bench: ${args} cycles=136000 start=5000 end=141000 errors=${errors} switches=0 idles=0\n`;

  it('passes a report of the 200 calls asked for with no wrong reply', () => {
    expect(checkIpcBenchReport(line('series=sync-up-fast c=1 load=0 n=200', 0), 200)).toBeUndefined();
  });

  it('fails a report that counts wrong replies', () => {
    expect(checkIpcBenchReport(line('series=async-smp c=8 load=0 n=200', 3), 200)).toBe('ipc-bench: 3 of 200 replies were wrong');
  });

  it('fails a report of another number of calls, or of the default number', () => {
    expect(checkIpcBenchReport(line('series=sync-up-fast c=1 load=0 n=199', 0), 200)).toBe('ipc-bench made 199 calls, not 200');
    expect(checkIpcBenchReport(line('series=sync-up-fast c=1 load=0 n=2000', 0), 200)).toBe('ipc-bench made 2000 calls, not 200');
    expect(checkIpcBenchReport(line('series=sync-up-fast c=1 load=0', 0), 200)).toMatch(/default number of calls, not 200/);
  });

  it('fails when there is no report line', () => {
    expect(checkIpcBenchReport('kernel: booted\n', 200)).toBe('ipc-bench printed no report line');
    expect(checkIpcBenchReport('', 200)).toBe('ipc-bench printed no report line');
  });
});

describe('kipc and kipc2 on the ipc-bench image (quick size)', () => {
  // Fast mode translates blocks after 20 visits here (the default threshold leaves a quick
  // run a dozen blocks); the reference mode translates none.
  for (const w of [kipc, kipc2]) {
    for (const t of BENCH_TIMINGS) {
      it(`${w.name} under ${t} timing: passes${t === 'rocket' ? ', with the same counts in reference mode and on a second run' : ''}`, () => {
        const fast = run(w, t, { fast: true, translateAfter: 20 });
        expect(fast.result.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
        expect(fast.failure).toBeUndefined();
        expect(fast.passed).toBe(true);
        // kipc2: two harts with a quantum of 10 cycles run in reference mode (MIN_FAST_QUANTUM).
        if (w === kipc2) expect(fast.blocksTranslated).toBe(0);
        else expect(fast.blocksTranslated).toBeGreaterThan(0);
        if (t === 'ideal') return; // (the counts: under the detailed model only, to keep the test short)
        const reference = run(w, t, { fast: false });
        expect(reference.blocksTranslated).toBe(0);
        expect(reference.harts).toEqual(fast.harts);
        expect([reference.instret, reference.cycles]).toEqual([fast.instret, fast.cycles]);
        expect(run(w, t, { fast: true, translateAfter: 20 }).harts).toEqual(fast.harts);
        // kipc: a one-hart board; kipc2: two harts, each taking user interrupts.
        expect(fast.harts).toHaveLength(w.harts);
        if (w === kipc2) for (const h of fast.harts) expect(h.userInterrupts).toBeGreaterThan(0);
      });
    }
  }

  it('fails a run that makes another number of calls than its check expects', () => {
    // The guest is told 199 calls, the check expects the parameters' 200.
    const short: ImageWorkload = { ...kipc, bootargs: (p) => kipc.bootargs({ CALLS: p.CALLS - 1 }) };
    const o = run(short, 'ideal');
    expect(o.result.reason.kind).toBe('exit');
    expect(o.passed).toBe(false);
    expect(o.failure).toBe('ipc-bench made 199 calls, not 200');
  });

  it('a run cut short before the report fails', () => {
    const p = prepareRun(kipc, image, 'ideal', { params: QUICK, maxInsns: 100_000 });
    const o = p.run();
    expect(o.passed).toBe(false);
    expect(o.exitCode).toBe(-1);
    expect(o.failure).toBe('the run stopped without exiting (limit)');
  });
});

describe('--filter with the kipc rows', () => {
  it('kipc selects kipc and kipc2; the existing filters select what they did before', () => {
    expect(selectWorkloads('kipc').map((w) => w.name)).toEqual(['kipc', 'kipc2']);
    expect(selectWorkloads('ipc').map((w) => w.name)).toEqual(['kipc', 'kipc2']);
    expect(selectWorkloads('kcall').map((w) => w.name)).toEqual(['kcall', 'kcall2']);
    for (const f of ['uintr', 'amo', 'syscall']) expect(selectWorkloads(f).map((w) => w.name)).toEqual([f]);
  });
});
