// .file/.loc in rvn's assembler: malformed directives are errors with a place, never crashes.
// (The tables themselves are compared with GNU as + ld in dwarf.external.test.ts.)
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler';
import { RvnError } from '../../src/errors';

describe('.file and .loc', () => {
  it('report malformed operands and unknown file numbers at their line', () => {
    const cases: [string, RegExp][] = [
      ['\t.loc 1 10\n\tnop\n', /t\.s:1:.*\.loc: file number 1 has no \.file/],
      ['\t.file 1 "a.ts"\n\t.loc x 10\n', /t\.s:2:.*\.loc takes a file number and a line number/],
      ['\t.file 1 "a.ts"\n\t.loc 1\n', /t\.s:2:.*\.loc takes a file number and a line number/],
      ['\t.file one "a.ts"\n', /t\.s:1:.*\.file takes/],
      ['\t.file 1 "a.ts" "b" "c"\n', /t\.s:1:.*\.file takes/],
    ];
    for (const [src, message] of cases) {
      let error: unknown;
      try {
        assemble(src, 't.s');
      } catch (e) {
        error = e;
      }
      expect(error, src).toBeInstanceOf(RvnError);
      expect((error as Error).message, src).toMatch(message);
    }
  });

  it('make three debug sections (not loaded) only when there is a .loc', () => {
    const withLoc = assemble('\t.file 1 "a.ts"\n\t.loc 1 3\n\tnop\n\t.loc 1 4\n\tnop\n', 't.s');
    const debug = withLoc.sections.filter((s) => s.name.startsWith('.debug_'));
    expect(debug.map((s) => s.name).sort()).toEqual(['.debug_abbrev', '.debug_info', '.debug_line']);
    expect(debug.every((s) => !s.alloc)).toBe(true);
    // .debug_line: unit_length counts every byte after its own 4 (DWARF 4 §6.2.4).
    const line = debug.find((s) => s.name === '.debug_line')!;
    const len = line.bytes[0] | (line.bytes[1] << 8) | (line.bytes[2] << 16) | (line.bytes[3] << 24);
    expect(len + 4).toBe(line.size);
    expect(line.bytes[4] | (line.bytes[5] << 8)).toBe(4);
    const plain = assemble('\t.file "a.ts"\n\tnop\n', 't.s');
    expect(plain.sections.some((s) => s.name.startsWith('.debug_'))).toBe(false);
  });
});
