// The optimiser's effects on generated code (docs/gtsc.md, "Optimisations"), each checked on
// a small function whose best code is known by hand, against -O0 or against what must not
// change (volatile accesses, aliasing stores, calls). Run results of optimised and -O0 builds
// are compared in programs.test.ts, random.test.ts and bench.test.ts.
import { describe, expect, test } from 'vitest';
import { body } from './asm-lines';
import { moduleAsm } from './one-module';
import { compileGuest, type CompileOptions } from '../../src/gtsc/index';
import { idealProfile } from '../../src/timing/profiles/index';

const G = "import { u8, u32, u64, i64, Ptr, Arr, ptr, zeroed, load8, load32, store32, cstr } from './guest';\n";

const asm = (src: string, options: CompileOptions = {}): string => moduleAsm(G + src, options);


/** The instructions of the loop ending with the last backward branch (its label to the branch). */
function loop(lines: string[]): string[] {
  const k = lines.map((l, j) => [l, j] as const).filter(([l]) => /^b\w+ .*\.L\w+$/.test(l)).map(([, j]) => j)
    .find((j) => { const target = lines[j]!.split(', ').pop()!; return lines.indexOf(`${target}:`) < j && lines.indexOf(`${target}:`) >= 0; });
  expect(k, lines.join('\n')).toBeDefined();
  const target = lines[k!]!.split(', ').pop()!;
  return lines.slice(lines.indexOf(`${target}:`) + 1, k! + 1).filter((l) => !l.endsWith(':'));
}

describe('inlining', () => {
  const src = 'function sq(x: u64): u64 { return x * x; }\nexport function f(a: u64): u64 { return sq(a) + sq(a + 1); }';

  test('a small function is inlined and, when nothing else needs it, dropped', () => {
    const t = asm(src);
    expect(body(t, 'f').some((l) => l.startsWith('call') || l.startsWith('tail'))).toBe(false);
    expect(t).not.toContain('sq:');
    const o0 = asm(src, { optimize: false });
    expect(body(o0, 'f').filter((l) => l === 'call sq')).toHaveLength(2);
  });

  test('an exported function is inlined and kept', () => {
    const t = asm(src.replace('function sq', 'export function sq'));
    expect(body(t, 'f').some((l) => /^(call|tail) /.test(l))).toBe(false);
    expect(t).toContain('sq:');
  });

  test('a recursive function is not inlined into itself or its callers', () => {
    const t = asm('function fib(n: i64): i64 { return n < 2 ? n : fib(n - 1) + fib(n - 2); }\nexport function f(): i64 { return fib(20); }');
    expect(body(t, 'fib').filter((l) => l === 'call fib')).toHaveLength(2);
    expect(body(t, 'f')).toContain('tail fib');
  });

  test('a larger function called from two places stays a call (size budget)', () => {
    const big = Array.from({ length: 20 }, (_, k) => `  s = s * ${k + 3} + (s >>> ${k + 1});`).join('\n');
    const t = asm(`function mix(s: u64): u64 {\n${big}\n  return s;\n}\nexport function f(a: u64): u64 { return mix(a) + mix(a + 1); }`);
    expect(body(t, 'f').filter((l) => /^(call|tail) mix$/.test(l))).toHaveLength(2);
  });

  test('a function called once is inlined even when it is large', () => {
    const big = Array.from({ length: 20 }, (_, k) => `  s = s * ${k + 3} + (s >>> ${k + 1});`).join('\n');
    const t = asm(`function mix(s: u64): u64 {\n${big}\n  return s;\n}\nexport function f(a: u64): u64 { return mix(a) + 1; }`);
    expect(body(t, 'f').some((l) => /^(call|tail) /.test(l))).toBe(false);
    expect(t).not.toContain('mix:');
  });

  test('across modules, with the string literals the callee uses', () => {
    const out = compileGuest([
      { name: 'a.ts', text: "import { u64, cstr, load8 } from './guest';\nexport function first(): u64 { return load8(cstr('xyz')); }" },
      { name: 'b.ts', text: "import { u64 } from './guest';\nimport { first } from './a';\nexport function f(): u64 { return first() + 1; }" },
    ]).asm;
    const b = out[1]!.text;
    expect(body(b, 'f').some((l) => /^(call|tail) /.test(l))).toBe(false);
    expect(b).toMatch(/\.Lb_str0:\n\t\.asciz "xyz"/);
  });

  test('a function that uses a symbol private to its module is not inlined into another module', () => {
    const out = compileGuest([
      { name: 'a.ts', text: "import { u64 } from './guest';\nlet hidden: u64 = 5;\nexport function get(): u64 { return hidden; }" },
      { name: 'b.ts', text: "import { u64 } from './guest';\nimport { get } from './a';\nexport function f(): u64 { return get() + 1; }" },
    ]).asm;
    expect(body(out[1]!.text, 'f')).toContain('call get');
  });
});

describe('memory', () => {
  test('a volatile load in a polling loop stays in the loop', () => {
    const b = body(asm('export function wait(): void { while ((load8(0x10000005) & 0x20) === 0) {} }'), 'wait');
    expect(loop(b).some((l) => l.startsWith('lbu'))).toBe(true);
  });

  test('a device register reached through a pointer at a constant address is read every time', () => {
    const src = 'interface Uart { thr: u8; pad: u32; lsr: u8 }\nexport function wait(): void { const u = ptr<Uart>(0x10000000); while ((u.lsr & 0x20) === 0) {} }';
    expect(loop(body(asm(src), 'wait')).some((l) => l.startsWith('lbu'))).toBe(true);
  });

  test('volatile stores are all kept, in order', () => {
    const b = body(asm('export function f(): void { store32(0x100000, 1); store32(0x100000, 2); store32(0x100000, 1); }'), 'f');
    expect(b.filter((l) => l.startsWith('sw'))).toHaveLength(3);
  });

  test('a load of a loop-invariant address moves out of the loop', () => {
    const src = 'let k: u64 = 3;\nconst a = zeroed<Arr<u64, 64>>();\nexport function f(): void { for (let i = 0; i < 64; i++) a[i] = k; }';
    expect(loop(body(asm(src), 'f')).some((l) => l.startsWith('ld'))).toBe(false);
    expect(loop(body(asm(src, { optimize: false }), 'f')).some((l) => l.startsWith('ld'))).toBe(true);
  });

  test('... but not past a store that may overlap it, nor past a call', () => {
    const viaPointer = 'let k: u64 = 3;\nexport function f(p: Ptr<u64>): void { for (let i = 0; i < 64; i++) p[i] = k; }';
    expect(loop(body(asm(viaPointer), 'f')).some((l) => l.startsWith('ld'))).toBe(true);
    const withCall = 'declare function g(): void;\nlet k: u64 = 3;\nconst a = zeroed<Arr<u64, 64>>();\nexport function f(): void { for (let i = 0; i < 64; i++) { a[i] = k; g(); } }';
    expect(loop(body(asm(withCall), 'f')).some((l) => l.startsWith('ld'))).toBe(true);
  });

  test('a stored value is forwarded to a later load of the same bytes', () => {
    const b = body(asm('interface S { a: u64; b: u64 }\nexport function f(p: Ptr<S>, x: u64): u64 { p.a = x; p.b = 1; return p.a + 1; }'), 'f');
    expect(b.filter((l) => l.startsWith('ld'))).toHaveLength(0);
  });

  test('... unless a store through another pointer may have changed it', () => {
    const b = body(asm('interface S { a: u64; b: u64 }\nexport function f(p: Ptr<S>, q: Ptr<u64>, x: u64): u64 { p.a = x; q[0] = 7; return p.a + 1; }'), 'f');
    expect(b.filter((l) => l.startsWith('ld'))).toHaveLength(1);
  });

  test('a module-level variable updated in a loop lives in a register until the loop ends', () => {
    const b = body(asm('let seed: u64 = 1;\nexport function f(): void { for (let i = 0; i < 100; i++) seed = seed * 5 + 1; }'), 'f');
    expect(loop(b).some((l) => /^(ld|sd) /.test(l))).toBe(false);
    expect(b.filter((l) => l.startsWith('sd '))).toHaveLength(1);
  });
});

describe('loops', () => {
  test('a counter used only by the loop test becomes a pointer compare', () => {
    const b = loop(body(asm('const a = zeroed<Arr<u32, 100>>();\nexport function f(): void { for (let i = 0; i < 100; i++) a[i] = 7; }'), 'f'));
    expect(b).toHaveLength(3); // sw, addi pointer, bltu pointer, end
    expect(b[2]).toMatch(/^bltu /);
  });

  test('no zero-extension where the value already fits (u32 CRC step)', () => {
    const src = 'const t = zeroed<Arr<u32, 256>>();\nexport function crc(p: Ptr<u8>, n: u64): u32 {\n  let c: u32 = 0xffffffff;\n  for (let i: u64 = 0; i < n; i++) c = t[(c ^ p[i]) & 255] ^ (c >>> 8);\n  return c;\n}';
    const shifts = (o: CompileOptions): number => loop(body(asm(src, o), 'crc')).filter((l) => /^s(ll|rl)i \w+, \w+, 32$/.test(l)).length;
    expect(shifts({})).toBe(0);
    expect(shifts({ optimize: false })).toBe(2);
  });
});

describe('scheduling and frames', () => {
  const twoLoads = 'export function f(p: Ptr<u64>, q: Ptr<u64>): u64 { return (p[0] + 1) * (q[0] + 2); }';
  const usesPrevious = (lines: string[]): boolean => lines.some((l, k) => {
    const m = /^l[bhwd]u? (\w+),/.exec(lines[k - 1] ?? '');
    return !!m && l.split(/[ ,()]+/).slice(2).includes(m[1]!);
  });

  test('a loaded value is not used by the next instruction when other work can go between', () => {
    expect(usesPrevious(body(asm(twoLoads), 'f'))).toBe(false);
  });

  test('code for ideal timing is not scheduled', () => {
    expect(usesPrevious(body(asm(twoLoads, { target: idealProfile() }), 'f'))).toBe(true);
  });

  test('a multiply by a small constant puts the constant first (Rocket multiplier early-out)', () => {
    const b = body(asm('export function f(x: u64, y: u64): u64 { return x * 1000 + y; }'), 'f');
    const [, , rs1, rs2] = b.find((l) => l.startsWith('mul '))!.split(/[ ,]+/);
    expect(b).toContain(`li ${rs1}, 1000`);
    expect(rs2).toBe('a0');
  });

  test('shrink-wrapping: the early return of a recursive function runs without a frame', () => {
    const b = body(asm('export function fib(n: i64): i64 { return n < 2 ? n : fib(n - 1) + fib(n - 2); }'), 'fib');
    expect(b[0]).not.toMatch(/^addi sp/);
    expect(b.indexOf('ret')).toBeLessThan(b.findIndex((l) => l.startsWith('addi sp, sp, -')));
    const o0 = body(asm('export function fib(n: i64): i64 { return n < 2 ? n : fib(n - 1) + fib(n - 2); }', { optimize: false }), 'fib');
    expect(o0[0]).toMatch(/^addi sp, sp, -/);
  });
});

describe('diagnostics', () => {
  test('a syntax error is reported alone (no follow-on errors about what the parser skipped)', () => {
    let msg = '';
    try {
      compileGuest([{ name: 'm.ts', text: 'export function main(): number { let x = 1 +; return x; }' }]);
    } catch (e) {
      msg = (e as Error).message;
    }
    expect(msg).toBe('m.ts:1:45: Expression expected.');
  });
});
