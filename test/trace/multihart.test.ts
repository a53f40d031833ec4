/**
 * Four harts: determinism of the trace and timeline (byte-identical across runs), IPIs on the
 * timeline, and observation leaving the run itself unchanged.
 */
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import { rocketProfile } from '../../src/timing/profiles/index';
import { attachObservers } from '../../src/trace/attach';
import { EXIT, runTraced } from './helpers';
import { checkTraceJson } from './tracejson';

// Hart 0 raises msip of harts 1-3 (CLINT msip words at 0x2000000 + 4·hart), then spins and
// exits; harts 1-3 sleep in WFI, take the machine software interrupt, clear msip and sleep again.
const IPIS = `
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    li t0, 8
    csrs mie, t0
    csrsi mstatus, 8
    bnez a0, wait
    li t0, 0x2000004
    li t1, 1
    sw t1, 0(t0)
    sw t1, 4(t0)
    sw t1, 8(t0)
    li t2, 300
1:  addi t2, t2, -1
    bnez t2, 1b
    j exit
wait:
    wfi
    j wait
    .balign 4
handler:
    csrr t0, mhartid
    slli t0, t0, 2
    li t1, 0x2000000
    add t1, t1, t0
    sw zero, 0(t1)
    mret
${EXIT}`;

const ALL = { trace: 'commits', timeline: 't.json', profileFolded: 'f' } as const;

describe('four harts', () => {
  it('give byte-identical traces, timelines and profiles on two runs', () => {
    const a = runTraced(IPIS, ALL, { maxInsns: 20_000 }, { harts: 4, timing: rocketProfile() });
    const b = runTraced(IPIS, ALL, { maxInsns: 20_000 }, { harts: 4, timing: rocketProfile() });
    expect(a.result.reason.kind).toBe('exit');
    for (const key of ['stderr', 't.json', 'f']) {
      expect(a.out.files.get(key)?.length ?? 0).toBeGreaterThan(0);
      expect(a.out.files.get(key)).toBe(b.out.files.get(key));
    }
    const trace = a.out.files.get('stderr') ?? '';
    for (const id of [0, 1, 2, 3]) expect(trace).toContain(`core   ${id}: 3 `);
  });

  it('shows the IPIs sent by hart 0 and taken by harts 1-3', () => {
    const { out } = runTraced(IPIS, { timeline: 't.json' }, { maxInsns: 20_000 }, { harts: 4 });
    const events = checkTraceJson(out.files.get('t.json'));
    expect(events.filter((e) => e.name === 'thread_name').map((e) => e.args?.name)).toEqual(['hart 0', 'hart 1', 'hart 2', 'hart 3']);
    const sends = events.filter((e) => e.name === 'ipi.send');
    expect(sends.map((e) => [e.tid, e.args?.to])).toEqual([[0, 1], [0, 2], [0, 3]]);
    const taken = events.filter((e) => e.cat === 'ipi' && e.ph === 'i' && e.name === 'machine_software');
    expect(taken.map((e) => e.tid).sort()).toEqual([1, 2, 3]);
    // Every receiving hart slept in WFI before its IPI.
    for (const tid of [1, 2, 3]) expect(events.some((e) => e.name === 'wfi' && e.tid === tid)).toBe(true);
  });

  it('observing changes nothing in the run; no options attach no observer', () => {
    const image = buildProgram([{ name: 'ipis.S', text: IPIS }]);
    const run = (observe: boolean): Machine => {
      const m = new Machine({ harts: 4, timing: rocketProfile() }, { console: () => {} });
      const img = m.load(image, 'ipis.S');
      const obs = attachObservers(m, [img], observe ? { ...ALL, trace: 'insns', profile: true } : {}, { write: () => {} });
      if (!observe) for (const h of m.harts) expect(h.observer).toBeUndefined();
      m.run({ maxInsns: 20_000 });
      obs.finish();
      return m;
    };
    const plain = run(false);
    const observed = run(true);
    for (let i = 0; i < 4; i++) {
      const p = plain.harts[i];
      const o = observed.harts[i];
      expect([o.cycle, o.instret, o.pc]).toEqual([p.cycle, p.instret, p.pc]);
      expect(Array.from(o.xl)).toEqual(Array.from(p.xl));
      expect(Array.from(o.xh)).toEqual(Array.from(p.xh));
      expect(o.observer).toBeUndefined();
    }
  });
});
