/**
 * Caches, TLBs and the page-table walker of the Rocket profile, with hand-derived counts
 * (docs/timing.md §Caches, §TLBs). D$ line = 64 B, 64 sets × 4 ways; a miss costs 40
 * (memoryLatency), a dirty victim 8 more; a D-TLB miss costs 3 + per PTE (3 + D$ penalty)
 * or 1 for a non-leaf PTE found in the PTE cache.
 */
import { describe, expect, it } from 'vitest';
import { createTimingModel, parseTimingProfile, rocketProfile, InsnClass, TrapKind, TimingEvent } from '../../src/timing';
import type { TimingHost } from '../../src/timing/record';
import { alu, bareHost, modelOn, load, rec, run, store } from './helpers';

const rocket = () => modelOn(rocketProfile(), bareHost);

describe('D$', () => {
  // ld x5,0(x5) × 8: each node in its own line and set (stride 64 + 8·k bytes inside).
  const nodes = Array.from({ length: 8 }, (_, k) => 0x8000_0000 + 64 * k);
  const chase = () => nodes.map((a, k) => load(4 * k, 5, 5, a, 8));
  it('a pointer chase that misses: 40 per node, plus the load-use bubble', () => {
    // first load: I$ 40, issue 40, D$ miss → ends 81, result at 82
    // each next: waits for 82, 124, …: 1 + 40 + 1 bubble = 42 each
    // 81 + 7 × 42 = 375  (= 40 + 8 × 41 + 7)
    const m = rocket();
    expect(run(m, chase())).toBe(375);
    expect(m.events[TimingEvent.DcacheMiss]).toBe(8);
    // the same chase again hits: 8 × (1 + 1 bubble) = 16
    expect(run(m, chase())).toBe(16);
    expect(m.events[TimingEvent.DcacheMiss]).toBe(8);
  });
  it('stores allocate (write-allocate) and dirty victims are written back', () => {
    // direct-mapped 16 KiB D$ (1 way, 256 sets): 0x1000 and 0x1000 + 16 KiB share a set.
    const dm = modelOn(parseTimingProfile({ extends: 'rocket', dcacheWays: 1 }), bareHost);
    // sd @0x1000: miss, allocate (dirty): 40 + 1 + 40 = 81
    // ld @0x5000: miss, victim dirty: 1 + 40 + 8 = 49
    // ld @0x1000: miss, victim clean: 1 + 40 = 41
    // ld @0x1008: hit: 1
    const prog = [store(0, 10, 5, 0x1000), load(4, 6, 11, 0x5000, 8), load(8, 7, 12, 0x1000, 8), load(12, 8, 12, 0x1008, 8)];
    expect(run(dm, prog)).toBe(81 + 49 + 41 + 1);
    expect(dm.events[TimingEvent.DcacheWriteback]).toBe(1);
    expect(dm.events[TimingEvent.DcacheMiss]).toBe(3);
  });
  it('a store that hits one of the two lines touched last marks it dirty (written back on eviction)', () => {
    // retire() tests the two D$ lines touched last inline; a store hit there must still set the
    // line's dirty bit. Direct-mapped 16 KiB D$: 0x1000 and 0x5000 share a set, 0x2000 does not.
    const dm = () => modelOn(parseTimingProfile({ extends: 'rocket', dcacheWays: 1 }), bareHost);
    // ld @0x1000: I$ 40, miss: 40 + 1 + 40 = 81; sd @0x1008: hit on the last line: 1;
    // ld @0x5000: miss, victim dirty: 1 + 40 + 8 = 49
    const last = dm();
    expect(run(last, [load(0, 6, 11, 0x1000, 8), store(4, 13, 14, 0x1008), load(8, 8, 15, 0x5000, 8)])).toBe(81 + 1 + 49);
    expect(last.events[TimingEvent.DcacheWriteback]).toBe(1);
    // ld @0x1000: 81; ld @0x2000: miss, 41; sd @0x1010: hit on the line before the last: 1;
    // ld @0x5000: miss, victim dirty: 49
    const prev = dm();
    const prog = [load(0, 6, 11, 0x1000, 8), load(4, 7, 12, 0x2000, 8), store(8, 13, 14, 0x1010), load(12, 8, 15, 0x5000, 8)];
    expect(run(prev, prog)).toBe(81 + 41 + 1 + 49);
    expect(prev.events[TimingEvent.DcacheWriteback]).toBe(1);
  });
  it('AMO, LR and SC go through the D$', () => {
    // amoadd.d x5 @0x2000: miss 1 + 40 (+ I$ 40); lr.d x6 same line: hit, 1; sc.d x7: hit 1;
    // addi x8,x7: SC result 3 cycles → 2 bubbles: 3.  = 81 + 1 + 1 + 3 = 86
    const mem = (pc: number, cls: InsnClass, rd: number) => rec({ pc, cls, rd, rs1: 10, memPaddr: 0x2000, memVaddr: 0x2000, memWidth: 8 });
    const m = rocket();
    expect(run(m, [mem(0, InsnClass.Amo, 5), mem(4, InsnClass.Lr, 6), mem(8, InsnClass.Sc, 7), alu(12, 8, 7)])).toBe(86);
    expect(m.events[TimingEvent.DcacheMiss]).toBe(1);
  });
});

describe('TLBs and the page-table walker', () => {
  // Sv39 page table: root 0x10000, level-1 table 0x11100, level-0 table 0x12200 (fake
  // addresses; only the PTE addresses matter to the model). Data at vaddr 0x4000_0000 +
  // k·0x1000 + 64·(k+1) maps to paddr 0x8000_0000 + same offset. Fetches are Bare.
  const walks: number[] = [];
  const host: TimingHost = {
    walkPtes(vaddr, isFetch, out) {
      if (isFetch) return 0;
      walks.push(vaddr);
      const vpn0 = Math.floor(vaddr / 4096) % 512;
      out[0] = 0x10000 + 8 * 1; // vpn2 = 1
      out[1] = 0x11100 + 8 * 0; // vpn1 = 0
      out[2] = 0x12200 + 8 * vpn0;
      return 3;
    },
  };
  const va = (k: number) => 0x4000_0000 + k * 0x1000 + 64 * (k + 1);
  const chase = () => [0, 1, 2].map((k) => ({ ...load(4 * k, 5, 5, va(k) + 0x4000_0000, 8), memVaddr: va(k) }));
  it('a pointer chase that misses the TLB', () => {
    // PTE lines: 0x10008 (set 0), 0x11100 (set 4), 0x12200.. (set 8); data lines in sets
    // 1, 2, 3: no D$ conflicts.
    // ld 1: walk 3 + (3+40) + (3+40) + (3+40) = 132, data miss 40 → mem 172;
    //       issue 40 (I$), ends 40+1+172 = 213, result 214
    // ld 2: walk 3 + 1 + 1 (PTE cache) + 3 (leaf, same D$ line) = 8, data 40 → 48;
    //       issue 214, ends 263, result 264
    // ld 3: the same: issue 264, ends 313
    walks.length = 0;
    const m = modelOn(rocketProfile(), host);
    expect(run(m, chase())).toBe(313);
    expect(m.events[TimingEvent.DtlbMiss]).toBe(3);
    expect(m.events[TimingEvent.PtwMemRead]).toBe(5);
    expect(walks.length).toBe(3);
    // again: TLB and D$ hits, 3 × (1 + 1 bubble) = 6
    expect(run(m, chase())).toBe(6);
    // sfence.vma (+5) empties the TLBs and the PTE cache; all PTE lines are still in the D$:
    // sfence 1 + 5 = 6
    // ld 1: walk 3 + 3 × 3 (PTE-cache misses, D$ hits) = 12, data hit → 1 + 12 = 13
    // ld 2: 1 bubble + 1 + walk 3 + 1 + 1 (PTE cache refilled by ld 1) + 3 = 10; ld 3: 10
    // 6 + 13 + 10 + 10 = 39
    expect(run(m, [rec({ pc: 12, cls: InsnClass.SfenceVma }), ...chase()])).toBe(39);
  });
  it('a superpage walk (2 PTEs) maps 2 MiB', () => {
    let n = 0;
    const megaHost: TimingHost = {
      walkPtes(_v, isFetch, out) {
        if (isFetch) return 0;
        n++;
        out[0] = 0x10008;
        out[1] = 0x11100;
        return 2;
      },
    };
    const m = modelOn(rocketProfile(), megaHost);
    // 4 loads in different 4 KiB pages of one 2 MiB page: one walk
    run(m, [0, 1, 2, 3].map((k) => ({ ...load(4 * k, 6, 10, 0x9000_0000 + k * 0x1000, 8), memVaddr: 0x4000_0000 + k * 0x1000 })));
    expect(n).toBe(1);
    expect(m.events[TimingEvent.DtlbMiss]).toBe(1);
  });
  it('32 entries: touching 33 pages round-robin misses every time (LRU)', () => {
    walks.length = 0;
    const m = modelOn(rocketProfile(), host);
    const prog = [];
    for (let round = 0; round < 2; round++) for (let k = 0; k < 33; k++) prog.push({ ...load(0, 6, 10, 0x1000, 8), memVaddr: 0x4000_0000 + k * 0x1000 });
    run(m, prog);
    expect(walks.length).toBe(66);
    // 32 pages fit: the second round hits
    walks.length = 0;
    const m2 = modelOn(rocketProfile(), host);
    run(m2, prog.filter((r) => r.memVaddr < 0x4000_0000 + 32 * 0x1000));
    expect(walks.length).toBe(32);
  });
  it('Bare translation costs nothing and is asked once until satp/trap/xret/sfence', () => {
    let calls = 0;
    const counting: TimingHost = { walkPtes: () => (calls++, 0) };
    const m = modelOn(rocketProfile(), counting);
    run(m, [0, 4, 8].map((pc) => load(pc, 5, 10, 0x1000, 8)));
    expect(calls).toBe(2); // one fetch, one data
    m.trap(TrapKind.Exception, 2);
    run(m, [load(0x10, 5, 10, 0x1000, 8)]);
    expect(calls).toBe(4);
  });
});

describe('determinism', () => {
  it('two identical runs give identical counts and events', () => {
    // A pseudo-random program (fixed LCG) with loads over 64 KiB (> D$: random replacement
    // matters), branches and multiplies.
    const program = () => {
      let x = 12345;
      const rnd = () => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 2 ** 32;
      const out = [];
      for (let i = 0; i < 5000; i++) {
        const pc = (i % 1024) * 4;
        const r = rnd();
        if (r < 0.3) out.push(load(pc, 5 + (i % 3), 5, 0x8000_0000 + Math.floor(rnd() * 65536) * 8, 8));
        else if (r < 0.4) out.push(store(pc, 6, 7, 0x8000_0000 + Math.floor(rnd() * 65536) * 8));
        else if (r < 0.5) out.push(rec({ pc, cls: InsnClass.Branch, rs1: 5, taken: rnd() < 0.5, nextPc: pc + 4 }));
        else if (r < 0.55) out.push(rec({ pc, cls: InsnClass.Mul, rd: 8, rs1: 5, aLo: Math.floor(rnd() * 2 ** 32) }));
        else out.push(alu(pc, 9, 5, 8));
      }
      return out;
    };
    const a = modelOn(rocketProfile(), bareHost);
    const b = modelOn(rocketProfile(), bareHost);
    const ca = run(a, program());
    expect(run(b, program())).toBe(ca);
    expect(Array.from(b.events)).toEqual(Array.from(a.events));
    // reset() returns a model to its power-on state
    a.reset();
    expect(run(a, program())).toBe(ca);
    // the hart reuses one record object: the model must copy what it keeps
    const c = modelOn(rocketProfile(), bareHost);
    const one = rec({});
    let cc = 0;
    for (const r of program()) cc += c.retire(Object.assign(one, r));
    expect(cc).toBe(ca);
  });
});
