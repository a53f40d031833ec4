// Point ids and sweeps: the syntax, its one-line errors, and the exact points issues 15 and 17 ask for.
import { describe, expect, it } from 'vitest';
import { RvnError } from '../../src/errors';
import { REGISTRY, findExperiment, parsePoint, pointIdOf } from '../../src/experiment/index';
import { ipcPoints, IPC_SWEEP } from '../../src/experiment/ipc/schema';
import { nwpPoints, NWP_SWEEP } from '../../src/experiment/nwp/schema';

const ipc = findExperiment(REGISTRY, 'ipc');
const nwp = findExperiment(REGISTRY, 'nwp');

function usageError(f: () => unknown): RvnError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RvnError);
    const err = e as RvnError;
    expect(err.exitCode).toBe(2);
    expect(err.message).not.toMatch(/\n/);
    return err;
  }
  throw new Error('expected a usage error');
}

describe('point ids', () => {
  it('parses the issue\'s example and prints it back canonically', () => {
    expect(parsePoint(ipc, 'series=async-smp,c=8,load=0')).toEqual({ series: 'async-smp', concurrency: 8, load: 0 });
    expect(pointIdOf(ipc, parsePoint(ipc, 'load=2,concurrency=32,s=async-up'))).toBe('series=async-up,c=32,load=2');
    expect(pointIdOf(ipc, parsePoint(ipc, 'series=sync-smp,c=1'))).toBe('series=sync-smp,c=1,load=0');
    expect(pointIdOf(nwp, parsePoint(nwp, 'k=4,test=call,variant=up-async'))).toBe('variant=up-async,test=call,k=4');
  });

  it('every sweep point round-trips through its id', () => {
    for (const e of REGISTRY.experiments) {
      for (const size of ['full', 'quick'] as const) {
        for (const p of e.points(size)) expect(e.checkPoint(parsePoint(e, pointIdOf(e, p)))).toEqual(p);
      }
    }
  });

  const bad: [string, RegExp][] = [
    ['', /empty point/],
    ['series=async-smp,c=8,load=0,', /'' is not key=value/],
    ['series', /'series' is not key=value/],
    ['series=async-smp,x=1,c=8', /unknown key 'x' \(keys: series, c, load\)/],
    ['series=async-smp,c=8,concurrency=4', /c is given twice \('c' and 'concurrency'\)/],
    ['series=async-smp', /c is missing/],
    ['series=async-fast,c=8', /series must be one of sync-up-fast, sync-up-slow, sync-smp, async-up, async-smp, not 'async-fast'/],
    ['series=async-up,c=0', /c must be a whole number from 1 to 2048, not '0'/],
    ['series=async-up,c=8,load=4', /load must be a whole number from 0 to 3/],
    ['series=async-up,c=1e3', /not '1e3'/],
    ['series=async-up,c=-1', /not '-1'/],
    ['series=sync-up-fast,c=8', /one call in flight: c must be 1/],
  ];
  for (const [text, why] of bad) {
    it(`rejects '${text}' with one line`, () => {
      const err = usageError(() => parsePoint(ipc, text));
      expect(err.message).toMatch(why);
    });
  }

  it('errors show a valid example of the experiment', () => {
    expect(usageError(() => parsePoint(nwp, 'k=99')).message).toMatch(/nwp points look like variant=up-sync,test=read,k=1/);
  });

  it('never throws anything but a usage error on random text (fuzz)', () => {
    let seed = 12345;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const alphabet = 'series=async-smpupc,load0123456789 \t=,k=test=readvariant=\u00e9\u0000-+.e';
    for (let i = 0; i < 3000; i++) {
      const len = rand(40);
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[rand(alphabet.length)];
      for (const e of [ipc, nwp]) {
        try {
          const p = parsePoint(e, s);
          expect(parsePoint(e, pointIdOf(e, p))).toEqual(p);
        } catch (err) {
          expect(err).toBeInstanceOf(RvnError);
          expect((err as RvnError).message).not.toMatch(/\n/);
        }
      }
    }
  });
});

describe('sweeps', () => {
  const ids = (pts: readonly object[], e = ipc): string[] => pts.map((p) => pointIdOf(e, p as never));

  it('IPC full: async-up/smp × c ∈ 1..128 at load 0, loads 1–3 at c ∈ {1, 8, 32}, sync fast/slow/smp at c=1 for loads 0–3', () => {
    const full = ids(ipcPoints('full'));
    const expected: string[] = [];
    for (const s of ['async-up', 'async-smp']) {
      for (const c of [1, 2, 4, 8, 16, 32, 64, 128]) expected.push(`series=${s},c=${c},load=0`);
      for (const l of [1, 2, 3]) for (const c of [1, 8, 32]) expected.push(`series=${s},c=${c},load=${l}`);
    }
    for (const s of ['sync-up-fast', 'sync-up-slow', 'sync-smp']) for (const l of [0, 1, 2, 3]) expected.push(`series=${s},c=1,load=${l}`);
    expect([...full].sort()).toEqual([...expected].sort());
    expect(full.length).toBe(46);
    expect(new Set(full).size).toBe(full.length);
    expect(full[0]).toBe('series=sync-up-fast,c=1,load=0');
    expect(IPC_SWEEP.calls.full).toBe(20480);
  });

  it('IPC quick: fewer points (c ∈ {1, 4, 32}, load 0, the three sync series) and fewer calls', () => {
    expect([...ids(ipcPoints('quick'))].sort()).toEqual([
      'series=async-smp,c=1,load=0', 'series=async-smp,c=32,load=0', 'series=async-smp,c=4,load=0',
      'series=async-up,c=1,load=0', 'series=async-up,c=32,load=0', 'series=async-up,c=4,load=0',
      'series=sync-smp,c=1,load=0', 'series=sync-up-fast,c=1,load=0', 'series=sync-up-slow,c=1,load=0',
    ]);
    expect(IPC_SWEEP.calls.quick).toBeLessThan(IPC_SWEEP.calls.full);
  });

  it('NWP full: K ∈ {1,2,4,8,16,32} × {read, write, call} × four variants, 2048 requests', () => {
    const full = ids(nwpPoints('full'), nwp);
    expect(full.length).toBe(6 * 3 * 4);
    expect(new Set(full).size).toBe(72);
    for (const v of ['up-sync', 'smp-sync', 'up-async', 'smp-async']) for (const t of ['read', 'write', 'call']) for (const k of [1, 2, 4, 8, 16, 32]) expect(full).toContain(`variant=${v},test=${t},k=${k}`);
    expect(NWP_SWEEP.requests.full).toBe(2048);
  });

  it('NWP quick: K ∈ {1, 4, 32}, every variant and test, fewer requests (a multiple of 32)', () => {
    const quick = ids(nwpPoints('quick'), nwp);
    expect(quick.length).toBe(3 * 3 * 4);
    expect(new Set(nwpPoints('quick').map((p) => p.connections))).toEqual(new Set([1, 4, 32]));
    expect(NWP_SWEEP.requests.quick % 32).toBe(0);
    expect(NWP_SWEEP.requests.quick).toBeLessThan(NWP_SWEEP.requests.full);
  });
});
