// gtsc against riscv64-unknown-elf-gcc -O2 on the benchmark programs (test/gtsc/bench/NAME.ts and
// NAME.c), both run on rvn with Rocket timing: the same results, and gtsc's cycles within 1.15x
// of gcc's in geometric mean and within 1.4x on every program (issue 19). Prints the table
// that docs/gtsc.md shows (`npm run gtsc:compare` prints the same).
import { describe, expect, test } from 'vitest';
import { compareAll, formatTable, geomean } from './bench/compare';

describe('gtsc against gcc -O2 (Rocket cycles on rvn)', () => {
  test('same results; cycles within 1.15x in geometric mean, 1.4x on every program', () => {
    const rows = compareAll();
    console.log(formatTable(rows));
    for (const r of rows) {
      expect(r.gtsc.result, r.name).toBe(r.gcc.result);
      expect(r.gtscO0.result, `${r.name} -O0`).toBe(r.gcc.result);
      expect(r.gtsc.cycles / r.gcc.cycles, r.name).toBeLessThanOrEqual(1.4);
    }
    expect(geomean(rows.map((r) => r.gtsc.cycles / r.gcc.cycles))).toBeLessThanOrEqual(1.15);
  });
});
