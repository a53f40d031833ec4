/** Profiles: the Rocket numbers of spec/timing.md, sources, and JSON validation. */
import { describe, expect, it } from 'vitest';
import { BUILTIN_PROFILES, PROFILE_FIELDS, parseTimingProfile, rocketProfile, idealProfile, TIMING_EVENTS, TIMING_EVENT_COUNT } from '../../src/timing';
import { RvnError } from '../../src/errors';

describe('built-in profiles', () => {
  it('rocket carries the numbers of spec/timing.md', () => {
    const p = rocketProfile();
    expect([p.btbEntries, p.bhtEntries, p.bhtHistoryLength, p.rasEntries, p.mispredictCycles]).toEqual([28, 512, 8, 6, 3]);
    expect([p.loadWordLatency, p.loadSubwordLatency, p.scLatency, p.csrReadLatency, p.jalrLinkLatency]).toEqual([2, 3, 3, 3, 2]);
    expect([p.csrWriteFlushCycles, p.trapEntryCycles, p.xretCycles, p.interruptEntryCycles, p.plicExtraCycles]).toEqual([5, 5, 5, 4, 3]);
    expect([p.icacheBytes, p.icacheWays, p.icacheLineBytes, p.dcacheBytes, p.dcacheWays, p.dcacheLineBytes]).toEqual([16384, 4, 64, 16384, 4, 64]);
    expect([p.memoryLatency, p.mmioLatency, p.itlbEntries, p.dtlbEntries, p.pteCacheEntries]).toEqual([40, 20, 32, 32, 8]);
    expect([p.lrReservationCycles, p.uintcSendToInterruptCycles, p.clintIpiLatency, p.mulBitsPerCycle]).toEqual([80, 10, 20, 8]);
    expect([p.clockHz, p.timebaseHz]).toEqual([100e6, 10e6]);
    expect(p.csrNoFlush.sort((a, b) => a - b)).toEqual([0x040, 0x041, 0x042, 0x043, 0x140, 0x141, 0x142, 0x143, 0x340, 0x341, 0x342, 0x343]);
  });
  it('every field of every built-in profile has a source and passes validation', () => {
    for (const [name, sourced] of Object.entries(BUILTIN_PROFILES)) {
      for (const key of Object.keys(PROFILE_FIELDS)) {
        const entry = (sourced as unknown as Record<string, { source: string }>)[key];
        expect(entry?.source.length, `${name}.${key}`).toBeGreaterThan(0);
      }
    }
    const rt = JSON.parse(JSON.stringify(rocketProfile()));
    expect(parseTimingProfile(rt)).toEqual(rocketProfile());
    expect(parseTimingProfile(JSON.parse(JSON.stringify(idealProfile())))).toEqual(idealProfile());
  });
  it('profiles are fresh copies', () => {
    const a = rocketProfile();
    a.csrNoFlush.push(0x100);
    expect(rocketProfile().csrNoFlush).toHaveLength(12);
  });
});

describe('parseTimingProfile', () => {
  const msg = (json: unknown): string => {
    try {
      parseTimingProfile(json);
    } catch (e) {
      expect(e).toBeInstanceOf(RvnError);
      return (e as Error).message;
    }
    throw new Error('expected an RvnError');
  };
  it('names a missing field', () => {
    const p: Record<string, unknown> = { ...rocketProfile() };
    delete p.memoryLatency;
    expect(msg(p)).toMatch(/missing field "memoryLatency"/);
  });
  it('names an unknown field', () => {
    expect(msg({ extends: 'rocket', memLatency: 3 })).toMatch(/unknown field "memLatency"/);
  });
  it('names ill-typed and out-of-range fields', () => {
    expect(msg({ extends: 'rocket', memoryLatency: '40' })).toMatch(/"memoryLatency" must be an integer/);
    expect(msg({ extends: 'rocket', memoryLatency: 2.5 })).toMatch(/"memoryLatency" must be an integer/);
    expect(msg({ extends: 'rocket', mispredictCycles: -1 })).toMatch(/"mispredictCycles" = -1 is out of range/);
    expect(msg({ extends: 'rocket', mulEarlyOut: 1 })).toMatch(/"mulEarlyOut" must be true or false/);
    expect(msg({ extends: 'rocket', model: 'boom' })).toMatch(/"model" must be "rocket" or "ideal"/);
    expect(msg({ extends: 'rocket', icacheWays: 3 })).toMatch(/"icacheWays" = 3 must be a power of two/);
    expect(msg({ extends: 'rocket', csrNoFlush: [0x340, 'x'] })).toMatch(/"csrNoFlush\[1\]" must be an integer/);
    expect(msg({ extends: 'rocket', icacheBytes: 64 })).toMatch(/icacheBytes/);
    expect(msg({ extends: 'spike' })).toMatch(/"extends"/);
    expect(msg([1, 2])).toMatch(/JSON object/);
    expect(msg(null)).toMatch(/JSON object/);
  });
  it('extends fills in the rest', () => {
    const p = parseTimingProfile({ extends: 'rocket', name: 'slow-dram', memoryLatency: 120 });
    expect(p.name).toBe('slow-dram');
    expect(p.memoryLatency).toBe(120);
    expect(p.btbEntries).toBe(28);
  });
});

describe('event table', () => {
  it('ids are unique, in range, and include the hart-counted events', () => {
    const ids = TIMING_EVENTS.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toBeGreaterThan(0), expect(id).toBeLessThan(TIMING_EVENT_COUNT);
    const names = TIMING_EVENTS.map((e) => e.name);
    for (const n of ['icache_miss', 'dcache_miss', 'itlb_miss', 'dtlb_miss', 'branch_mispredict', 'user_interrupt', 'uipi_send']) {
      expect(names).toContain(n);
    }
  });
});
