// Where errors are reported: file:line:col of the faulty text, with the expansions that led there
// (GNU as macros, .rept/.irp, C macros, included files), several per run. Positions are counted
// by hand from the sources below (columns are 1-based characters).
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler';
import { MAX_ERRORS, SourceError, type Diagnostic } from '../../src/asm/diagnostics';
import { buildImage } from '../../src/link/build';

function diagnostics(text: string, name = 't.S', files: Record<string, string> = {}): Diagnostic[] {
  try {
    assemble(text, name, { includeDirs: ['inc'], readFile: (p) => files[p] });
  } catch (e) {
    expect(e).toBeInstanceOf(SourceError);
    return [...(e as SourceError).diagnostics];
  }
  throw new Error('no error');
}

const where = (d: Diagnostic): string => `${d.at.file}:${d.at.line}:${d.at.col}`;
const brief = (d: Diagnostic): string[] => [`${where(d)} ${d.message}`, ...d.notes.map((n) => `${n.at.file}:${n.at.line}:${n.at.col} ${n.message}`)];

describe('errors inside GNU as macros', () => {
  const src = [
    '  .macro twice op, reg', //      1
    '  \\op \\reg, \\reg, 1', //        2
    '  .endm', //                     3
    '  .macro four op', //            4
    '    twice \\op, a0', //           5
    '    twice \\op, a1', //           6
    '  .endm', //                     7
    '_start:', //                     8
    '  four frob', //                 9
  ].join('\n');
  it('name the line in the macro body and every invocation, innermost first', () => {
    const ds = diagnostics(src);
    expect(ds.length).toBe(2); // `twice` is expanded twice
    expect(brief(ds[0])).toEqual([
      "t.S:2:3 unknown instruction 'frob'",
      "t.S:5:5 in expansion of macro 'twice'",
      "t.S:9:3 in expansion of macro 'four'",
    ]);
    expect(brief(ds[1])).toEqual([
      "t.S:2:3 unknown instruction 'frob'",
      "t.S:6:5 in expansion of macro 'twice'",
      "t.S:9:3 in expansion of macro 'four'",
    ]);
  });
  it('and in .rept / .irp blocks', () => {
    const ds = diagnostics('  .irp r, a0, q9\n  addi \\r, \\r, 1\n  .endr\n');
    expect(ds.map(brief)).toEqual([["t.S:2:3 addi: expected a register, got 'q9'", 't.S:1:3 in .irp block']]);
  });
  it('a bad argument list is reported at the invocation', () => {
    expect(diagnostics('  .macro m a\n  nop\n  .endm\n  m 1, 2\n').map(brief)).toEqual([["t.S:4:3 too many positional arguments for macro 'm'"]]);
  });
  it('an unterminated .macro names its start', () => {
    expect(diagnostics('nop\n  .macro m\n  nop\n').map(brief)).toEqual([["t.S:2:3 unexpected end of file in macro 'm' definition (missing .endm)"]]);
  });
});

describe('errors in included files and C macros', () => {
  const files = {
    'inc/defs.h': '#define LOADIMM(r, v) li r, v\n#define BAD  frob a0\n  .macro m\n  addi a0, a0, 4096\n  .endm\n',
  };
  const src = '#include "defs.h"\n_start:\n  LOADIMM(a0, nothing)\n  BAD\n  m\n';
  const ds = diagnostics(src, 't.S', files);
  it('an argument of a C macro is reported where it is written', () => {
    expect(brief(ds[0])).toEqual([
      "t.S:3:15 li: 'nothing' is not a constant (use la/lla for addresses)",
      "t.S:3:15 in expansion of macro 'LOADIMM'",
    ]);
  });
  it('text from a C macro body is reported in the header, with the invocation', () => {
    expect(brief(ds[1])).toEqual([
      "inc/defs.h:2:14 unknown instruction 'frob'",
      "t.S:4:3 in expansion of macro 'BAD'",
    ]);
  });
  it('a GNU as macro defined in a header: its body line there, the invocation in the .S', () => {
    expect(brief(ds[2])).toEqual([
      'inc/defs.h:4:3 immediate 4096 out of range (-2048..2047)',
      "t.S:5:3 in expansion of macro 'm'",
    ]);
  });
  it('all three in one run', () => expect(ds.length).toBe(3));
});

describe('several errors per run', () => {
  it('go on after an error, each with its own place, in order', () => {
    const ds = diagnostics('  frob\n  addi a0, a0\n  .frob\n  li a0, x\n  nop\n  beq a0\n');
    expect(ds.map(where)).toEqual(['t.S:1:3', 't.S:2:3', 't.S:3:3', 't.S:4:10', 't.S:6:3']);
  });
  it(`stop after ${MAX_ERRORS} and say so`, () => {
    let message = '';
    try {
      assemble('  frob\n'.repeat(50), 't.S');
    } catch (e) {
      message = (e as Error).message;
    }
    const lines = message.split('\n');
    expect(lines.length).toBe(MAX_ERRORS + 1);
    expect(lines[0]).toBe("t.S:1:3: unknown instruction 'frob'");
    expect(lines[MAX_ERRORS]).toBe(`too many errors; stopped after ${MAX_ERRORS}`);
  });
  it('linker errors are collected too', () => {
    let message = '';
    try {
      buildImage([{ name: 'a.S', text: '_start:\n  call one\n  call two\n' }]);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message.split('\n')).toEqual(["a.S:2:3: undefined symbol 'one'", "a.S:3:3: undefined symbol 'two'"]);
  });
});
