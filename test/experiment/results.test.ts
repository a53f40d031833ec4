// results.json (reading, checking, canonical form), CSV, merging result files.
import { describe, expect, it } from 'vitest';
import { RvnError } from '../../src/errors';
import type { StoredRow } from '../../src/experiment/contract';
import { formatCsv } from '../../src/experiment/csv';
import { REGISTRY, RESULTS_FORMAT, formatJson, formatResults, mergeResults, planOutputs, readResults, withoutHost } from '../../src/experiment/index';
import type { EmulatorInfo, ResultsFile } from '../../src/experiment/index';
import { makeNwpRow } from '../../src/experiment/nwp/schema';

const EMU: EmulatorInfo = { name: 'rvn', version: '0.1.0', timing: 'rocket', uintc: 'rocket', quantum: 10 };

function demoRow(stride: number, wsKiB: number, cycles: number, seconds = 1): StoredRow {
  return {
    point: `stride=${stride},ws=${wsKiB}`, stride, wsKiB, accesses: 1000, cycles, instructions: 1250, dcacheMisses: 0,
    cyclesPerAccess: cycles / 1000, missesPerAccess: 0, host: { seconds },
  } as StoredRow;
}

function file(rows: StoredRow[], failures: { point: string; message: string }[] = [], sweep: 'quick' | 'full' = 'quick', emulator = EMU): ResultsFile {
  return {
    format: RESULTS_FORMAT, emulator, sweep,
    experiments: [{ name: 'demo', rows, failures: failures.map((f) => ({ ...f, host: { seconds: 0.5 } })), host: { seconds: 3 } }],
    host: { seconds: 3 },
  };
}

function roundTrip(f: ResultsFile, name = 'r.json'): ResultsFile {
  return readResults(REGISTRY, formatResults(f), name);
}

function oneLineError(f: () => unknown, why: RegExp): void {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RvnError);
    expect((e as RvnError).message).not.toMatch(/\n/);
    expect((e as RvnError).message).toMatch(why);
    return;
  }
  throw new Error('expected an RvnError');
}

describe('results.json', () => {
  it('sorts rows by point (parameter order, numbers numerically) whatever order they came in', () => {
    const f = roundTrip(file([demoRow(64, 4, 2000), demoRow(8, 64, 7000), demoRow(8, 4, 2100)]));
    expect(f.experiments[0].rows.map((r) => r.point)).toEqual(['stride=8,ws=4', 'stride=8,ws=64', 'stride=64,ws=4']);
  });

  it('keeps host time only under "host" keys: equal measurements give equal bytes once they are removed', () => {
    const a = formatResults(roundTrip(file([demoRow(8, 4, 2100, 1.5)])));
    const b = formatResults(roundTrip({ ...file([demoRow(8, 4, 2100, 9.25)]), host: { seconds: 77, node: 'x' } }));
    expect(a).not.toBe(b);
    expect(formatJson(withoutHost(JSON.parse(a)))).toBe(formatJson(withoutHost(JSON.parse(b))));
    const c = formatResults(roundTrip(file([demoRow(8, 4, 2101, 1.5)])));
    expect(formatJson(withoutHost(JSON.parse(a)))).not.toBe(formatJson(withoutHost(JSON.parse(c))));
  });

  it('writes arrays of numbers on one line and objects one key per line', () => {
    expect(formatJson({ a: [1, 2.5, 3], b: { c: 'x' } })).toBe('{\n  "a": [1, 2.5, 3],\n  "b": {\n    "c": "x"\n  }\n}\n');
  });

  it('rejects bad files with one line naming the file and the field', () => {
    oneLineError(() => readResults(REGISTRY, '{', 'a.json'), /^a\.json: not valid JSON/);
    oneLineError(() => readResults(REGISTRY, '{"format":"rvn-bench/1"}', 'a.json'), /not an rvn experiment results file/);
    const good = JSON.parse(formatResults(file([demoRow(8, 4, 2100)])));
    const bad1 = structuredClone(good);
    bad1.experiments[0].rows[0].cycles = 'many';
    oneLineError(() => readResults(REGISTRY, JSON.stringify(bad1), 'b.json'), /^b\.json: experiments\[0\]\.rows\[0\]\.cycles: expected a finite number/);
    const bad2 = structuredClone(good);
    bad2.experiments[0].rows[0].point = 'stride=8,ws=8';
    oneLineError(() => readResults(REGISTRY, JSON.stringify(bad2), 'c.json'), /point 'stride=8,ws=8' does not match the row's fields \(stride=8,ws=4\)/);
    const bad3 = structuredClone(good);
    bad3.experiments[0].name = 'fft';
    oneLineError(() => readResults(REGISTRY, JSON.stringify(bad3), 'd.json'), /unknown experiment 'fft'/);
    const bad4 = structuredClone(good);
    bad4.emulator.timing = 'fast';
    oneLineError(() => readResults(REGISTRY, JSON.stringify(bad4), 'e.json'), /emulator\.timing: 'fast' is not one of rocket, ideal/);
    const bad6 = structuredClone(good);
    bad6.experiments[0].rows[0].wsKiB = 99999;
    bad6.experiments[0].rows[0].point = 'stride=8,ws=99999';
    oneLineError(() => readResults(REGISTRY, JSON.stringify(bad6), 'g.json'), /^g\.json: experiments\[0\]\.rows\[0\]: point 'stride=8,ws=99999': ws must be a whole number from 1 to 16384/);
    const bad5 = structuredClone(good);
    bad5.experiments[0].failures = [{ point: 'stride=3', message: 'x', host: { seconds: 1 } }];
    oneLineError(() => readResults(REGISTRY, JSON.stringify(bad5), 'f.json'), /^f\.json: experiments\[0\]\.failures\[0\]\.point: point 'stride=3'/);
  });

  it('survives mutated files: every corruption is a one-line RvnError or a valid file (fuzz)', () => {
    const text = formatResults(file([demoRow(8, 4, 2100), demoRow(64, 64, 41000)], [{ point: 'stride=8,ws=64', message: 'boom' }]));
    let seed = 7;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) % n);
    const junk = ['"', '{', '}', '[', ']', ',', ':', '-1', '1e999', 'null', 'true', '"x"', '0', ''];
    for (let i = 0; i < 1500; i++) {
      const at = rand(text.length);
      const cut = rand(6);
      const mutated = text.slice(0, at) + junk[rand(junk.length)] + text.slice(at + cut);
      try {
        const f = readResults(REGISTRY, mutated, 'm.json');
        expect(readResults(REGISTRY, formatResults(f), 'm2.json')).toEqual(f);
      } catch (e) {
        expect(e).toBeInstanceOf(RvnError);
        expect((e as RvnError).message).not.toMatch(/\n/);
      }
    }
  });

  it('the CSV has the point, the experiment\'s columns and host seconds, quoted as RFC 4180 says', () => {
    const out = planOutputs(REGISTRY, roundTrip(file([demoRow(8, 4, 2100, 1.5)])));
    const csv = out.find((o) => o.path === 'results.csv');
    expect(csv?.kind === 'text' && csv.text).toBe(
      'point,stride,ws_kib,accesses,cycles,instructions,dcache_misses,cycles_per_access,misses_per_access,host_seconds\n' +
        '"stride=8,ws=4",8,4,1000,2100,1250,0,2.1,0,1.5\n',
    );
    expect(formatCsv(['a', 'b'], [['x"y', null], ['line\nbreak', 3]])).toBe('a,b\n"x""y",\n"line\nbreak",3\n');
  });

  it('an NWP row gets its latency average and population variance from the samples', () => {
    const r = makeNwpRow({ variant: 'up-async', test: 'call', connections: 2 }, 4, 0.5, [1, 2, 3, 6]);
    expect(r.throughput).toBe(8);
    expect(r.latencyAvgMs).toBe(3);
    expect(r.latencyVarMs2).toBe(3.5); // ((1-3)² + (2-3)² + 0 + (6-3)²) / 4 = 14 / 4
    const w = makeNwpRow({ variant: 'up-async', test: 'write', connections: 2 }, 4, 0.5, []);
    expect([w.latencyAvgMs, w.latencyVarMs2]).toEqual([null, null]);
  });
});

describe('merge', () => {
  const a = roundTrip(file([demoRow(8, 4, 2100, 1)]), 'a.json');
  const b = roundTrip(file([demoRow(64, 4, 2100, 2)]), 'b.json');

  it('combines points from several files, in point order, whatever the order of the files', () => {
    const ab = mergeResults(REGISTRY, [{ name: 'a.json', file: a }, { name: 'b.json', file: b }]);
    const ba = mergeResults(REGISTRY, [{ name: 'b.json', file: b }, { name: 'a.json', file: a }]);
    expect(ab.file!.experiments[0].rows.map((r) => r.point)).toEqual(['stride=8,ws=4', 'stride=64,ws=4']);
    expect(formatJson(withoutHost(JSON.parse(formatResults(ab.file!))))).toBe(formatJson(withoutHost(JSON.parse(formatResults(ba.file!)))));
    expect(ab.conflicts).toEqual([]);
    expect(ab.file!.host.mergedFrom).toEqual(['a.json', 'b.json']);
  });

  it('reports a duplicate (same rows, other host time) and keeps it once', () => {
    const again = roundTrip(file([demoRow(8, 4, 2100, 5)]));
    const m = mergeResults(REGISTRY, [{ name: 'a.json', file: a }, { name: 'again.json', file: again }]);
    expect(m.file!.experiments[0].rows.length).toBe(1);
    expect(m.notes).toEqual(['duplicate: demo stride=8,ws=4 in a.json and again.json (identical; kept once)']);
  });

  it('stops at a conflict, naming both files and the field, unless a side is chosen', () => {
    const other = roundTrip(file([demoRow(8, 4, 2500)]));
    const m = mergeResults(REGISTRY, [{ name: 'a.json', file: a }, { name: 'other.json', file: other }]);
    expect(m.file).toBeUndefined();
    expect(m.conflicts).toEqual(['conflict: demo stride=8,ws=4: a.json and other.json differ (cycles 2100 vs 2500)']);
    const last = mergeResults(REGISTRY, [{ name: 'a.json', file: a }, { name: 'other.json', file: other }], 'last');
    expect(last.file!.experiments[0].rows[0].cycles).toBe(2500);
    expect(last.conflicts[0]).toMatch(/kept other\.json \(--prefer last\)$/);
    const first = mergeResults(REGISTRY, [{ name: 'a.json', file: a }, { name: 'other.json', file: other }], 'first');
    expect(first.file!.experiments[0].rows[0].cycles).toBe(2100);
  });

  it('a measurement supersedes a failure of the same point, and says so', () => {
    const failed = roundTrip(file([], [{ point: 'stride=8,ws=4', message: 'timed out' }]));
    const m = mergeResults(REGISTRY, [{ name: 'f.json', file: failed }, { name: 'a.json', file: a }]);
    expect(m.file!.experiments[0].failures).toEqual([]);
    expect(m.file!.experiments[0].rows.length).toBe(1);
    expect(m.notes).toEqual(['demo stride=8,ws=4: failed in f.json, measured in a.json: kept the measurement']);
  });

  it('refuses to merge results of different settings or sweep sizes', () => {
    const ideal = roundTrip(file([demoRow(64, 4, 2100)], [], 'quick', { ...EMU, timing: 'ideal' }));
    oneLineError(() => mergeResults(REGISTRY, [{ name: 'a.json', file: a }, { name: 'i.json', file: ideal }]), /cannot merge a\.json and i\.json: .*"timing":"rocket".*"timing":"ideal"/);
    const full = roundTrip(file([demoRow(64, 4, 2100)], [], 'full'));
    oneLineError(() => mergeResults(REGISTRY, [{ name: 'a.json', file: a }, { name: 'full.json', file: full }]), /sweep quick vs full/);
  });
});
