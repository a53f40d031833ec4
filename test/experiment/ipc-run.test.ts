// The IPC point runner on the real ipc-bench system (src/experiment/ipc/run.ts): the user
// interrupts it reports are the harts' hardware counters over the calls (read here by a plain
// observer at the benchmark's marks, with no thread attribution), the notify-or-suppress rule
// suppresses on one hart, and the profile's stacks stay bounded across kernel thread switches.
import { describe, expect, test } from 'vitest';
import { HartEvent } from '../../src/cpu/hart';
import type { CommitInfo, Hart, HartObserver } from '../../src/cpu/hart';
import type { PointContext } from '../../src/experiment/contract';
import { MARK_END, MARK_START } from '../../src/experiment/ipc/observe';
import { bootArgs, runIpcPoint } from '../../src/experiment/ipc/run';
import type { IpcPoint } from '../../src/experiment/ipc/schema';
import { Machine } from '../../src/machine/machine';
import { rocketProfile } from '../../src/timing/profiles/index';
import { Profiler } from '../../src/trace/profile';
import { Symbolizer } from '../../src/trace/symbols';
import { HintKind, ThreadNames, hintKind, hintValue } from '../../src/trace/kernel';
import { SYSCALLS } from '../../src/os/system/syscalls';
import { system } from '../os/harness';

const SYSCALL_WAIT = SYSCALLS.find((s) => s.name === 'Wait')!.number;

const CALLS = 512;
const built = system('ipc-bench');

const ctx: PointContext = {
  size: 'quick',
  emulator: { timing: 'rocket', uintc: 'rocket', quantum: 10 },
  machineOptions: () => ({ timing: rocketProfile(), uintc: 'rocket', quantum: 10 }),
  image: () => Promise.resolve(built.image),
};

/** Each hart's user-interrupt counter (event 15) at the benchmark's two marks, nothing else. */
function countersAtMarks(p: IpcPoint): { start: number[]; end: number[] } {
  const m = new Machine({ ...ctx.machineOptions(), harts: 2, bootargs: bootArgs(p, CALLS), fast: false }, { console: () => {} });
  m.load(built.image, 'ipc-bench');
  const at: { start: number[]; end: number[] } = { start: [], end: [] };
  const read = (): number[] => m.harts.map((h) => h.hpmEventCount(HartEvent.UserInterrupt));
  const obs: HartObserver = {
    commit(_h: Hart, c: Readonly<CommitInfo>) {
      if (c.word === MARK_START) at.start = read();
      if (c.word === MARK_END) at.end = read();
    },
  };
  for (const h of m.harts) h.observer = obs;
  const r = m.run({ maxCycles: 50_000_000 });
  expect(r.reason.kind).toBe('exit');
  return at;
}

describe('IPC point runner', () => {
  for (const p of [{ series: 'async-up', concurrency: 32, load: 0 }, { series: 'async-smp', concurrency: 8, load: 0 }] as IpcPoint[]) {
    test(`${p.series} c=${p.concurrency}: the user interrupts reported are the hardware counters' over the calls`, async () => {
      const [row] = await runIpcPoint(p, ctx, { calls: CALLS, profile: false });
      const hw = countersAtMarks(p);
      const counted = hw.end.reduce((a, n, h) => a + n - hw.start[h]!, 0);
      expect(counted).toBeGreaterThan(0);
      expect(Math.round((row!.serverUintrPerCall + row!.clientUintrPerCall) * CALLS)).toBe(counted);
      if (p.series === 'async-up') {
        // one hart, 32 calls in flight: a parked receiver is sent one interrupt for a batch
        expect(row!.serverUintrPerCall).toBeLessThan(0.1);
        expect(row!.clientUintrPerCall).toBeLessThan(0.1);
      }
    }, 120_000);
  }

  test('async-up c=128: each turn of the client ends in a Wait or a time-slice preemption, one client user interrupt each', async () => {
    // A batch of 128 calls (about 128 000 cycles) outlasts the kernel's 1 ms slice (100 000
    // cycles at 100 MHz): the tick preempts the client while the server, woken by the batch's
    // first request, is ready. The Waits are counted here from the kernel's system-call hints,
    // apart from the runner's preemption count.
    const p: IpcPoint = { series: 'async-up', concurrency: 128, load: 0 };
    const calls = 2048;
    const [row] = await runIpcPoint(p, ctx, { calls, profile: false });
    const m = new Machine({ ...ctx.machineOptions(), harts: 2, bootargs: bootArgs(p, calls), fast: false }, { console: () => {} });
    m.load(built.image, 'ipc-bench');
    const names = new ThreadNames();
    let current = -1;
    let inWindow = false;
    let clientWaits = 0;
    const obs: HartObserver = {
      commit(h: Hart, c: Readonly<CommitInfo>) {
        if (c.word === MARK_START) inWindow = true;
        if (c.word === MARK_END) inWindow = false;
        const k = hintKind(c.word);
        if (k === HintKind.Thread) names.learn(h, hintValue(h, c.word));
        if (k === HintKind.Switch && h.hartId === 0) current = hintValue(h, c.word);
        if (k === HintKind.Syscall && inWindow && h.hartId === 0 && names.name(current) === 'client_up' && hintValue(h, c.word) === SYSCALL_WAIT) clientWaits++;
      },
    };
    for (const h of m.harts) h.observer = obs;
    expect(m.run({ maxCycles: 50_000_000 }).reason.kind).toBe('exit');
    const preemptions = Math.round(row!.clientPreemptionsPerCall * calls);
    expect(preemptions).toBeGreaterThan(0);
    // The client ends each turn by a Wait or a preemption, and the server's first reply then
    // finds its reply dispatcher parked: one client interrupt per turn (but for a preemption
    // that catches the dispatcher itself draining). The server is interrupted at most once per
    // client turn (it can run only between two), and less when it was preempted mid-batch itself.
    const client = Math.round(row!.clientUintrPerCall * calls);
    expect(Math.abs(client - (clientWaits + preemptions))).toBeLessThanOrEqual(2);
    expect(Math.round(row!.serverUintrPerCall * calls)).toBeLessThanOrEqual(clientWaits + preemptions + 1);
  }, 120_000);

  test('sync-smp: the per-thread profile stays shallow over many kernel switches (idle starts anew)', () => {
    const m = new Machine({ ...ctx.machineOptions(), harts: 2, bootargs: bootArgs({ series: 'sync-smp', concurrency: 1, load: 0 }, 128), fast: false }, { console: () => {} });
    const loaded = m.load(built.image, 'ipc-bench');
    const profiler = new Profiler(new Symbolizer([loaded]), { threads: true });
    for (const h of m.harts) { profiler.attach(h); h.observer = profiler; }
    expect(m.run({ maxCycles: 50_000_000 }).reason.kind).toBe('exit');
    const stacks = profiler.report(m.harts).flatMap((r) => r.stacks.map(([path]) => path.split(';')));
    // deepest: thread, program, Call, trap entry, interrupt handling, SBI call, firmware (about 11)
    expect(Math.max(...stacks.map((f) => f.length))).toBeLessThan(16);
    expect(stacks.some((f) => f[0] === '[thread idle]')).toBe(true);
    expect(stacks.some((f) => f[0] === '[thread client_smp]' && f.includes('Call'))).toBe(true);
  }, 120_000);
});
