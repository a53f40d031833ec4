/**
 * The block folder (src/cpu/codegen/fold.ts) against hand-computed values and against
 * JavaScript itself: folded code must compute exactly what the original computes.
 */
import { describe, expect, it } from 'vitest';
import { foldBlock, foldStatements } from '../../src/cpu/codegen/fold';
import { ADD_IMM, SHL64, SRA64, SHR64 } from '../../src/isa/semantics';

/** Runs `text` with xl/xh (Int32Array(8)) and p, q in scope; returns xl, xh and the result array. */
function run(text: string, p: unknown = 0, q: unknown = 0): { xl: number[]; xh: number[]; r: unknown[] } {
  const xl = new Int32Array(8);
  const xh = new Int32Array(8);
  const r: unknown[] = [];
  const fn = new Function('xl', 'xh', 'r', 'p', 'q', `let a = 0, ah = 0, b = 0, bh = 0, lo = 0, hi = 0, v = 0, sh = 0, tk = false;\n${text}`);
  fn(xl, xh, r, p, q);
  return { xl: [...xl], xh: [...xh], r };
}

describe('foldStatements: hand-computed values', () => {
  it('folds addi x5, x0-held 0xffffffff, +1 into the carried halves 0 and 1', () => {
    const body = `a = -1; ah = 0; ${ADD_IMM.replace(/IMM/g, '(1)')} xl[5] = lo; xh[5] = hi;`;
    const folded = foldStatements(body);
    // 0x00000000_ffffffff + 1 = 0x00000001_00000000.
    expect(folded).toContain('xl[5] = 0; xh[5] = 1;');
    expect(folded).not.toMatch(/[<>?]/);
    expect(run(folded).xl[5]).toBe(0);
    expect(run(folded).xh[5]).toBe(1);
  });

  it('folds a negative immediate: -2^31 + (-1) borrows from the high word', () => {
    const body = `a = -2147483648; ah = 0; ${ADD_IMM.replace(/IMM/g, '(-1)')} xl[1] = lo; xh[1] = hi;`;
    // 0x00000000_80000000 - 1 = 0x00000000_7fffffff: the high half stays 0 (carry in, -1 added).
    expect(foldStatements(body)).toContain('xl[1] = 2147483647; xh[1] = 0;');
  });

  it.each([
    [0, 0x12345678, -0x10000000], [31, 0, 0x091a2b3c], [32, 0x12345678, 0], [63, 0, 0],
  ])('decides the shift tests of slli by %i (a:ah = 0xf0000000_12345678)', (sh, lo, hi) => {
    const body = `a = 0x12345678; ah = -0x10000000; sh = ${sh}; ${SHL64} xl[2] = lo; xh[2] = hi;`;
    const folded = foldStatements(body);
    expect(folded).not.toContain('if');
    // 0xf0000000_12345678 << sh, by hand: 31 → 0x091a2b3c_00000000; 32 → 0x12345678_00000000; 63 → 0.
    const want = sh === 31 ? [0, 0x091a2b3c] : sh === 32 ? [0, 0x12345678] : sh === 63 ? [0, 0] : [lo, hi];
    expect(run(folded).xl[2]).toBe(want[0]);
    expect(run(folded).xh[2]).toBe(want[1]);
  });

  it('keeps a shift whose operand is unknown but decides its tests', () => {
    const folded = foldStatements(`a = p; ah = q; sh = 40; ${SRA64} xl[3] = lo; xh[3] = hi;`);
    expect(folded).not.toContain('if');
    expect(run(folded, 0, -0x80000000).xl[3]).toBe(-0x80000000 >> 8);
    expect(run(folded, 0, -0x80000000).xh[3]).toBe(-1);
  });

  it('passes text it does not understand through unchanged', () => {
    for (const text of ['v = typeof a;', 'for (;;) { a = 1; }', 'x = "s" + 1;', 'a = 1 ** 2;', 'a = (1, 2);', 'let z = 1 + 2;']) {
      expect(foldStatements(text)).toBe(text);
    }
  });

  it('does not fold a local assigned in one branch only', () => {
    const folded = foldStatements('a = 1; if (p) { a = 2; } xl[0] = a + 1;');
    expect(folded).toContain('a + 1');
    expect(run(folded, true).xl[0]).toBe(3);
    expect(run(folded, false).xl[0]).toBe(2);
  });

  it('keeps what both branches agree on', () => {
    expect(foldStatements('if (p) { a = 2; } else { a = 2; } xl[0] = a + 1;')).toContain('xl[0] = 3;');
  });

  it('forgets a copy when its source changes', () => {
    const folded = foldStatements('a = p; p = 7; xl[0] = a;');
    expect(run(folded, 5).xl[0]).toBe(5);
  });

  it('keeps the effects of a condition it drops', () => {
    expect(foldStatements('if (f(a)) { }')).toBe('f(a);');
    expect(foldStatements('a = 0 && f(1); b = 1 || f(2); v = f(3) && true;')).toBe('a = 0; b = 1; v = f(3) && true;');
  });
});

describe('foldBlock: dead stores and the loop', () => {
  const head = 'let a = 0, b = 0, x = 0; let n = 0;';

  it('removes a store nothing reads, keeps one the next pass reads', () => {
    const lines = ['n = n + 1; if (n > 3) break body;', 'x = a + 1;', 'a = 5; b = 6;'];
    const out = foldBlock({ head, lines, tail: 'return x;' });
    expect(out[2]).toBe('a = 5;'); // b is read nowhere; a by line 1 of the next pass
    expect(out[1]).toBe('x = a + 1;'); // a is not known at the loop's start
  });

  it('keeps a store the tail reads, and one before a continue', () => {
    const lines = ['n = n + 1; if (n > 3) break body;', 'b = 2; if (p) continue body;', 'b = 3;'];
    const out = foldBlock({ head, lines, tail: 'return b;' });
    expect(out[1]).toBe('b = 2; if (p) { continue body; }');
  });

  it('treats a line it cannot parse as reading everything', () => {
    const lines = ['n = n + 1; if (n > 3) break body;', 'a = 1;', 'r.push(typeof a);'];
    const out = foldBlock({ head, lines, tail: 'return 0;' });
    expect(out[1]).toBe('a = 1;');
    expect(out[2]).toBe('r.push(typeof a);');
  });
});

/** A small deterministic generator (xorshift32). */
function rng(seed: number): () => number {
  let s = seed | 0 || 1;
  return () => {
    s ^= s << 13; s ^= s >>> 17; s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const EDGE = ['-2147483648', '2147483647', '4294967295', '0', '1', '31', '32', '63', '4294967296', '9007199254740991', '-1', '0.5', 'true', 'false'];
const BIN = ['+', '-', '*', '/', '%', '|', '&', '^', '<<', '>>', '>>>', '<', '>', '<=', '>=', '===', '!==', '==', '&&', '||'];

function genExpr(r: () => number, depth: number, names: readonly string[]): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  if (depth === 0 || r() < 0.25) return r() < 0.5 ? pick(EDGE) : pick(names);
  const k = r();
  if (k < 0.1) return `${pick(['-', '~', '!', '+'])}(${genExpr(r, depth - 1, names)})`;
  if (k < 0.2) return `(${genExpr(r, depth - 1, names)} ? ${genExpr(r, depth - 1, names)} : ${genExpr(r, depth - 1, names)})`;
  return `(${genExpr(r, depth - 1, names)} ${pick(BIN)} ${genExpr(r, depth - 1, names)})`;
}

function genLine(r: () => number, names: readonly string[]): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const e = (): string => genExpr(r, 3, names);
  const k = r();
  if (k < 0.45) return `${pick(['a', 'b', 'x'])} = ${e()};`;
  if (k < 0.55) return `${pick(['a', 'b', 'x'])} ${pick(['+=', '|=', '&=', '>>>='])} ${e()};`;
  if (k < 0.7) return `if (${e()}) { ${pick(['a', 'b'])} = ${e()}; } else { x = ${e()}; }`;
  if (k < 0.78) return `if (${e()}) continue body;`;
  if (k < 0.84) return `if (${e()}) break body;`;
  if (k < 0.88) return `if (${e()}) return ${e()};`;
  return `out.push(${e()}, ${pick(names)});`;
}

describe('folded code computes what the original computes (random code, edge values)', () => {
  it('agrees on 3000 random blocks', () => {
    const r = rng(0x5eed);
    const names = ['a', 'b', 'x', 'p', 'q'];
    const head = 'let a = 0, b = 0, x = 0; let n = 0;';
    const tail = 'out.push(a, b, x); return n;';
    let folds = 0;
    for (let t = 0; t < 3000; t++) {
      const lines = ['n = n + 1; if (n > 4) break body;', ...Array.from({ length: 2 + Math.floor(r() * 5) }, () => genLine(r, names))];
      const folded = foldBlock({ head, lines, tail });
      if (folded.join('\n') !== lines.join('\n')) folds++;
      const make = (ls: readonly string[]): ((p: unknown, q: unknown, out: unknown[]) => unknown) =>
        new Function('p', 'q', 'out', `${head}\nbody: for (;;) {\n${ls.join('\n')}\n}\n${tail}`) as (p: unknown, q: unknown, out: unknown[]) => unknown;
      const f0 = make(lines);
      const f1 = make(folded);
      for (const [p, q] of [[0, 1], [-2147483648, 4294967295], [-0, true], [0.5, 32], [63, -1]] as const) {
        const outs: unknown[][] = [[], []];
        const want = [f0(p, q, outs[0]), ...outs[0]];
        const got = [f1(p, q, outs[1]), ...outs[1]];
        expect({ lines, folded, got }).toEqual({ lines, folded, got: want });
        // toEqual does not tell 0 from -0.
        expect(got.map((v) => Object.is(v, -0))).toEqual(want.map((v) => Object.is(v, -0)));
      }
    }
    // The generator gives the folder something to do.
    expect(folds).toBeGreaterThan(2500);
  });
});

describe('the semantic forms fold as they run', () => {
  it.each([['SHL64', SHL64], ['SHR64', SHR64], ['SRA64', SRA64]])('%s with every shift count and edge operands', (_n, form) => {
    for (const sh of [0, 1, 31, 32, 33, 63]) {
      for (const [a, ah] of [[-2147483648, -1], [-1, 2147483647], [0x12345678, -0x10000000], [0, 0]]) {
        const text = `a = ${a}; ah = ${ah}; sh = ${sh}; ${form} xl[1] = lo; xh[1] = hi;`;
        const folded = foldStatements(text);
        expect(folded).not.toContain('if');
        expect(run(folded)).toEqual(run(text));
      }
    }
  });
});
