// Outside input never escapes as a JavaScript error: mutated sources (preprocessor directives,
// macros, conditionals, directives, instructions) and linker scripts either build or fail with
// an RvnError. Deterministic: a fixed seed.
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler';
import { RvnError } from '../../src/errors';
import { parseLinkerScript } from '../../src/link/script';
import { buildImage } from '../../src/link/build';

const SEED_SOURCE = `#include "h.h"
#define F(a, ...) addi a, a, __VA_ARGS__
#if defined(X) || 1 + 2 * 3 > 4
  .macro m p=1, q:vararg
  F(a0, \\p)
  .ifc \\q,
  .word \\@
  .endif
  .endm
#endif
_start:
  m 5, x y
  .rept 2
  .irp r, a1, a2
  li \\r, 'c + (1 << 3)
  .endr
  .endr
mid:
  .if mid - _start >= 0
  .uleb128 300
  .endif
  .section .d, "aw", @progbits
  .fill 2, 3, 0x1234
  .org 0x10
end: .size _start, mid - _start
  la a0, end; call _start; .string "x\\"y"
`;

const SEED_SCRIPT = `ENTRY(_start)
MEMORY { ram (rwx) : ORIGIN = 0x80000000, LENGTH = 1M }
SECTIONS { . = 0x80000000; .text : { *(.text*) KEEP(*(SORT(.init*))) } > ram
  .data ALIGN(16) : AT(ADDR(.text) + SIZEOF(.text)) { PROVIDE(d = .); *(.data) LONG(1) }
  /DISCARD/ : { *(.comment) } _end = . ; }`;

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

const PIECES = ['\\', '#', '##', '"', "'", '(', ')', ',', ';', ':', '.endm', '.endr', '.endif', '.else', '#endif', '#if', '\n', ' ', '%hi(', '{', '}', '=', '0x', '-', '*', '/', '.', 'a0', '\\@', '...', '#define', '.macro', '/*', '*/'];

function mutate(src: string, r: () => number): string {
  let s = src;
  const n = 1 + Math.floor(r() * 4);
  for (let i = 0; i < n; i++) {
    const at = Math.floor(r() * (s.length + 1));
    const k = Math.floor(r() * 3);
    if (k === 0) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(r() * 5));
    else if (k === 1) s = s.slice(0, at) + PIECES[Math.floor(r() * PIECES.length)] + s.slice(at);
    else s = s.slice(0, at) + String.fromCharCode(Math.floor(r() * 128)) + s.slice(at);
  }
  return s;
}

describe('fuzzed input gives RvnErrors only', () => {
  const header = (p: string): string | undefined => (p === 'h.h' ? '#define X 1\n' : undefined);
  it('the unmutated source builds', () => {
    expect(assemble(SEED_SOURCE, 'f.S', { readFile: header }).sections.map((s) => s.name)).toEqual(['.text', '.d']);
  });
  it('assembler with preprocessor and macros (250 mutations)', () => {
    const r = rng(20240521);
    for (let i = 0; i < 250; i++) {
      const src = mutate(SEED_SOURCE, r);
      try {
        assemble(src, 'f.S', { readFile: header });
      } catch (e) {
        expect(e, src).toBeInstanceOf(RvnError);
      }
    }
  });
  it('linker scripts (400 mutations), parsed and used', () => {
    const r = rng(77);
    for (let i = 0; i < 400; i++) {
      const text = mutate(SEED_SCRIPT, r);
      try {
        parseLinkerScript(text, 'f.ld');
        buildImage([{ name: 'a.s', text: '_start: nop\n  .data\n  .word 1\n' }], { script: { name: 'f.ld', text } });
      } catch (e) {
        expect(e, text).toBeInstanceOf(RvnError);
      }
    }
  });
});
