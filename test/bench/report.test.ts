// The results format: median, rates, the JSON check and the comparison lines.
import { describe, expect, it } from 'vitest';
import { formatComparison, makeRow, median, parseBenchFile } from '../../src/bench/report';
import type { BenchFile } from '../../src/bench/report';
import { RvnError } from '../../src/errors';

describe('bench report', () => {
  it('median of odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('MIPS and cycles per second at the median host time', () => {
    const r = makeRow('alu', 'ideal', 50_000_000, 100_000_000, [2, 1, 3], 100, true);
    expect(r.medianSeconds).toBe(2);
    expect(r.mips).toBe(25);
    expect(r.mcps).toBe(50);
  });

  it('compares against an older file by workload and timing', () => {
    const old: BenchFile = { format: 'rvn-bench/1', date: '', host: {}, size: 'full', runs: 1, rows: [makeRow('alu', 'ideal', 10e6, 10e6, [1], 0, true)] };
    const lines = formatComparison(old, [makeRow('alu', 'ideal', 10e6, 10e6, [0.5], 0, true), makeRow('sort', 'ideal', 1e6, 1e6, [1], 0, true)]);
    expect(lines[1]).toMatch(/alu\s+ideal\s+10\.0\s+20\.0\s+\+100\.0%/);
    expect(lines[2]).toMatch(/sort\s+ideal\s+-\s+1\.0\s+new/);
  });

  it('rejects a file that is not a results file', () => {
    expect(() => parseBenchFile('{"a":1}', 'x.json')).toThrow(RvnError);
    expect(() => parseBenchFile('nope', 'x.json')).toThrow(RvnError);
  });
});
