// The C preprocessor for .S files. The expected outputs of the cases in cpp-cases.json are
// riscv64-unknown-elf-gcc 12.2's (`gcc -E -x assembler-with-cpp`, flags in each test name),
// recorded in cpp-expected.json by gen-cpp-expected.mjs on the development machine; they are
// compared token by token for each file and line (blanks between tokens do not matter to the
// assembler). test/asm/cpp.external.test.ts runs gcc live on the same cases.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler';
import { preprocess, type PreprocessOptions } from '../../src/asm/cpp/preprocess';
import { SourceError } from '../../src/asm/diagnostics';
import { gccArgs } from './gen-cpp-expected.mjs';
import { CPP_CASES, cppOptions, gccTokenLines, rvnTokenLines } from './cpp-cases';

const here = new URL('.', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(here, 'cpp-expected.json'), 'utf8')) as Record<string, string>;

describe('preprocessing matches gcc -E', () => {
  for (const c of CPP_CASES) {
    it(`${c.name} (gcc ${gccArgs(c).join(' ')})`, () => {
      expect(rvnTokenLines(c.main, c.files[c.main], cppOptions(c))).toEqual(gccTokenLines(expected[c.name]));
    });
  }
});

describe('a #define in a .S file is a definition, not a comment (issue 11)', () => {
  it('assembles `li a0, RESULT` with RESULT defined', () => {
    const o = assemble('#define RESULT 42\n  li a0, RESULT\n', 't.S', { rvc: false });
    // addi a0, zero, 42
    expect([...o.sections[0].bytes]).toEqual([0x13, 0x05, 0xa0, 0x02]);
  });
  it('a .s file is not preprocessed (the line is a comment there, as for GNU as)', () => {
    expect(() => assemble('#define RESULT 42\n  li a0, RESULT\n', 't.s')).toThrow("li: 'RESULT' is not a constant");
  });
});

describe('preprocessor errors name the place', () => {
  const error = (text: string, opts: PreprocessOptions = {}): string => {
    try {
      preprocess('e.S', text, opts);
    } catch (e) {
      expect(e).toBeInstanceOf(SourceError);
      return (e as Error).message;
    }
    throw new Error('no error');
  };
  it('#error with its text', () => expect(error('\n#error stop here\n')).toBe('e.S:2:1: #error stop here'));
  it('in an included file, at its line', () => {
    const read = (p: string): string | undefined => ({ 'h/x.h': 'ok\n\n  #error in header\n' } as Record<string, string>)[p];
    expect(error('#include "x.h"\n', { includeDirs: ['h'], readFile: read })).toBe('h/x.h:3:3: #error in header');
  });
  it('a missing include stops preprocessing', () => {
    expect(error('#include <nope.h>\n#error not reached\n')).toBe('e.S:1:1: nope.h: No such file or directory');
  });
  it('an unterminated #if', () => expect(error('#ifdef A\n#if 1\n#endif\n')).toBe('e.S:1:1: unterminated #ifdef'));
  it('several errors in one run', () => {
    expect(error('#if 1 +\n#endif\n#else\n#define 3 x\nF(\n#define F(a, a) a\n').split('\n')).toEqual([
      'e.S:1:1: #if expression ends too early',
      'e.S:3:1: #else without #if',
      'e.S:4:1: macro names must be identifiers',
      'e.S:6:1: duplicate macro parameter "a"',
    ]);
  });
  it('wrong argument count', () => {
    expect(error('#define F(a, b) a b\nF(1)\n')).toBe('e.S:2:1: macro "F" requires 2 arguments, but only 1 given');
    expect(error('#define F(a) a\n  F(1, 2)\n')).toBe('e.S:2:3: macro "F" passed 2 arguments, but takes just 1');
  });
  it('division by zero in a live #if branch', () => expect(error('#if 1 / 0\n#endif\n')).toBe('e.S:1:1: division by zero in #if'));
  it('#warning is a warning, not an error', () => {
    const r = preprocess('w.S', '#warning careful\nnop\n');
    expect(r.warnings.map((w) => w.message)).toEqual(['#warning careful']);
    expect(r.lines.map((l) => l.text.trim())).toEqual(['nop']);
  });
  it('a redefinition with a different body warns and names the previous one', () => {
    const r = preprocess('w.S', '#define A 1\n#define A 1\n#define A 2\n');
    expect(r.warnings.map((w) => [w.at.line, w.message, w.notes[0]?.at.line])).toEqual([[3, '"A" redefined', 2]]); // as gcc: the note names line 2
  });
  it('__DATE__ and __TIME__ do not read the clock (GCC\'s stand-ins)', () => {
    expect(preprocess('d.S', '__DATE__ __TIME__\n').lines[0].text).toBe('"??? ?? ????" "??:??:??"');
  });
});
