// Pure compiler tests: errors with positions, folding, strength reduction, code shape.
import { describe, expect, test } from 'vitest';
import { body } from './asm-lines';
import { moduleAsm, moduleError } from './one-module';
import { compileGuest } from '../../src/gtsc/index';

const G = "import { u8, u16, u32, u64, i32, i64, Ptr, Arr, zeroed, csr_read, csr_write, uipi_read, uipi_send, load32, store8, asm, ecall } from './guest';\n";

const asm = (src: string): string => moduleAsm(G + src);
const errorOf = (src: string): string => moduleError(G + src);


describe('errors outside the subset', () => {
  const cases: [string, string][] = [
    ['export function f(): u64 { return 1.5; }', 'm.ts:2:35: a floating-point number is not supported in guest code'],
    ['export function f(): u64 { const g = (x: u64) => x; return 0; }', 'm.ts:2:38: an arrow function is not supported in guest code'],
    ['class A { m(): void {} }', 'm.ts:2:1: a class is not supported in guest code'],
    ['export function f(x: any): u64 { return 0; }', 'm.ts:2:22: the `any` type is not supported in guest code'],
    ['export function f(): u64 { const o = { a: 1 }; return 0; }', 'm.ts:2:38: an object literal is not supported in guest code'],
    ['export function f(): void { throw 1; }', 'm.ts:2:29: an exception (throw) is not supported in guest code'],
    ['export function f(): void { try { } finally { } }', 'm.ts:2:29: an exception (try) is not supported in guest code'],
    ['export function f(): u64 { return `x${1}`; }', 'm.ts:2:35: a template string is not supported in guest code'],
    ['export function f(): u64 { return nope; }', "m.ts:2:35: unknown name 'nope'"],
  ];
  for (const [src, msg] of cases) {
    test(msg, () => expect(errorOf(src)).toBe(msg));
  }

  test('every error is reported, one per line', () => {
    const msg = errorOf('export function f(): u64 { return 1.5; }\nexport function g(): u64 { return 2.5; }');
    expect(msg.split('\n')).toEqual([
      'm.ts:2:35: a floating-point number is not supported in guest code',
      'm.ts:3:35: a floating-point number is not supported in guest code',
    ]);
  });

  test('string concatenation', () => {
    expect(errorOf("export function f(): u64 { return 'a' + 'b'; }")).toBe('m.ts:2:35: string concatenation is not supported in guest code');
  });

  test('a field that does not exist', () => {
    expect(errorOf('interface S { a: u32 }\nexport function f(p: Ptr<S>): u64 { return p.b; }'))
      .toBe("m.ts:3:46: struct S has no field 'b'");
  });

  test('module-level problems', () => {
    expect(errorOf("import { x } from './nowhere';")).toBe("m.ts:2:19: cannot find guest module './nowhere'");
    expect(errorOf('export function f(p: Ptr<Missing>): void {}')).toBe("m.ts:2:26: unknown type 'Missing'");
    // A declared type used without its import: the message names the import (tsc's fix too).
    expect(moduleError('export function main(): u64 { return 7; }')).toBe(
      "m.ts:1:25: unknown type 'u64' (import it: import { u64 } from 'rvn/guest')");
    expect(errorOf('export function f(): void { for (const x of [1]) {} }')).toBe('m.ts:2:29: for-of is not supported in guest code');
    const msg = (() => {
      try {
        compileGuest([
          { name: 'a.ts', text: "import { u64 } from './guest';\nfunction hidden(): u64 { return 1; }" },
          { name: 'b.ts', text: "import { hidden } from './a';\nexport function f(): void { hidden(); }" },
        ]);
      } catch (e) {
        return (e as Error).message;
      }
      return '';
    })();
    expect(msg).toBe("b.ts:1:10: module 'a' does not export 'hidden'");
  });

  test('wrong argument count', () => {
    expect(errorOf('function g(a: u64): u64 { return a; }\nexport function f(): u64 { return g(1, 2); }'))
      .toBe('m.ts:3:35: expected 1 argument(s), got 2');
  });
});

describe('constant folding and strength reduction', () => {
  test('constants fold across const declarations', () => {
    expect(body(asm('const A = 3 * 4;\nconst B = A << 2;\nexport function f(): u64 { return B + A - 1; }'), 'f'))
      .toEqual(['li a0, 59', 'ret']);
  });

  test('multiply by a power of two is a shift', () => {
    expect(body(asm('export function f(x: u64): u64 { return x * 8; }'), 'f')).toEqual(['slli a0, a0, 3', 'ret']);
  });

  test('unsigned divide and remainder by powers of two', () => {
    expect(body(asm('export function f(x: u64): u64 { return x / 16; }'), 'f')).toEqual(['srli a0, a0, 4', 'ret']);
    expect(body(asm('export function f(x: u64): u64 { return x % 16; }'), 'f')).toEqual(['andi a0, a0, 15', 'ret']);
  });

  test('signed divide by a power of two rounds toward zero without a div', () => {
    const b = body(asm('export function f(x: i64): i64 { return x / 4; }'), 'f');
    expect(b.some((l) => l.startsWith('div'))).toBe(false);
    expect(b).toEqual(['srai t0, a0, 63', 'srli t0, t0, 62', 'add t0, a0, t0', 'srai a0, t0, 2', 'ret']);
  });

  test('division by other constants multiplies by a magic number (no div)', () => {
    const u = body(asm('export function f(x: u64): u64 { return x / 10; }'), 'f');
    expect(u).toEqual(['li t0, -3689348814741910323', 'mulhu t0, a0, t0', 'srli a0, t0, 3', 'ret']);
    const sg = body(asm('export function f(x: i64): i64 { return x / 7 + x % 7; }'), 'f');
    expect(sg.some((l) => /^(div|rem)/.test(l))).toBe(false);
    expect(sg.some((l) => l.startsWith('mulh '))).toBe(true);
  });

  test('comparison with a small constant uses slti', () => {
    expect(body(asm('export function f(x: i64): u64 { return x < 5 ? 1 : 0; }'), 'f')[0]).toBe('li t0, 5');
    expect(body(asm('export function f(x: i64): u64 { return x < 5; }'), 'f')).toEqual(['slti a0, a0, 5', 'ret']);
  });
});

describe('code shape', () => {
  test('leaf functions have no frame', () => {
    const b = body(asm('export function f(a: u64, b: u64): u64 { let s: u64 = 0; for (let i: u64 = 0; i < b; i++) s += a; return s; }'), 'f');
    expect(b.some((l) => l.includes('sp'))).toBe(false);
  });

  test('values live across calls are kept in callee-saved registers', () => {
    const b = body(asm('declare function g(x: u64): u64;\nexport function f(a: u64): u64 { const t = g(a); return t + g(a); }'), 'f');
    expect(b).toContain('sd ra, 24(sp)');
    expect(b.some((l) => /^sd s1, /.test(l))).toBe(true);
    expect(b).not.toContain('sd a0, 0(sp)');
  });

  test('array loops walk a pointer instead of recomputing base + i * size', () => {
    const b = body(asm('export function f(p: Ptr<u32>, n: i64): u64 { let s: u64 = 0; for (let i = 0; i < n; i++) s += p[i]; return s; }'), 'f');
    const loopStart = b.findIndex((l) => l.startsWith('lwu'));
    const loop = b.slice(loopStart, b.findIndex((l, k) => k > loopStart && /^b/.test(l)) + 1);
    expect(loop.some((l) => l.startsWith('slli'))).toBe(false);
    expect(loop).toHaveLength(5); // lwu, add, addi i, addi p, blt
  });

  test('loop-invariant constants are materialised before the loop', () => {
    const b = body(asm('export function f(n: u64): u64 { let h: u64 = 0; for (let i: u64 = 0; i < n; i++) h = h * 0x100000001b3 + i; return h; }'), 'f');
    const li = b.findIndex((l) => l.startsWith('li ') && l.endsWith('1099511628211'));
    const backBranch = b.filter((l) => /^b/.test(l)).pop()!;
    const loopHead = b.indexOf(`${backBranch.split(', ').pop()}:`);
    expect(li).toBeGreaterThanOrEqual(0);
    expect(loopHead).toBeGreaterThan(li);
    expect(b.filter((l) => l.endsWith('1099511628211'))).toHaveLength(1);
  });

  test('struct fields are addressed with their natural offsets', () => {
    const src = 'interface S { a: u8; b: u32; c: u16; d: u64 }\nexport function f(p: Ptr<S>): u64 { return p.a + p.b + p.c + p.d; }';
    const loads = body(asm(src), 'f').filter((l) => /^l[bhwd]/.test(l)).map((l) => l.replace(/ \w+, /, ' _, '));
    expect(loads).toEqual(['lbu _, 0(a0)', 'lwu _, 4(a0)', 'lhu _, 8(a0)', 'ld _, 16(a0)']);
  });

  test('narrow stores truncate through the store width only', () => {
    expect(body(asm('export function f(p: Ptr<u8>, v: u64): void { p[3] = v; }'), 'f')).toEqual(['sb a1, 3(a0)', 'ret']);
  });

  test('store8/load32 fold a constant offset into the instruction', () => {
    expect(body(asm('export function f(p: u64): u64 { store8(p + 5, 1); return load32(p + 8); }'), 'f'))
      .toEqual(['li t0, 1', 'sb t0, 5(a0)', 'lwu a0, 8(a0)', 'ret']);
  });

  test('module variables go to .data/.bss, strings to .rodata', () => {
    const t = asm("let a: u32 = 7;\nlet b: u64 = 0;\nconst buf = zeroed<Arr<u8, 32>>();\nexport const msg = 'hi\\n';\nexport function f(): u64 { return a + b + buf[0]; }");
    expect(t).toMatch(/\t\.data\n\t\.align 2\na:\n\t\.word 0x7/);
    expect(t).toMatch(/\t\.bss\n\t\.align 3\nb:\n\t\.zero 8\n\t\.align 0\nbuf:\n\t\.zero 32/);
    expect(t).toMatch(/\t\.globl msg\n\t\.align 0\nmsg:\n\t\.asciz "hi\\012"/);
  });

  test('CSR names become numbers; uipi uses .insn with funct3 6', () => {
    const b = body(asm('export function f(): u64 { csr_write("suirs", 5); uipi_send(3); return csr_read("mstatus") + uipi_read(); }'), 'f');
    expect(b).toContain('csrrwi zero, 0x1b1, 5');
    expect(b).toContain('csrrs t0, 0x300, zero');
    expect(b.some((l) => /^\.insn r 0x7B, 6, 0, x0, \w+, x0$/.test(l))).toBe(true);
    expect(b.some((l) => /^\.insn r 0x7B, 6, 1, \w+, x0, x0$/.test(l))).toBe(true);
  });

  test('ecall places the number in a7 and arguments in a0..', () => {
    expect(body(asm('export function f(c: u64): u64 { return ecall(1, c); }'), 'f'))
      .toEqual(['addi sp, sp, -16', 'sd ra, 8(sp)', 'li a7, 1', 'ecall', 'ld ra, 8(sp)', 'addi sp, sp, 16', 'ret']);
  });

  test('exported functions are global, others are local', () => {
    const t = asm('function g(): void {}\nexport function f(): void { g(); }');
    expect(t).toContain('\t.globl f\n');
    expect(t).not.toContain('\t.globl g\n');
  });

  test('a void function may return a void call (as TypeScript allows): a tail call; other values are refused', () => {
    // g is external: a body here would be inlined.
    const t = asm('declare function g(x: u64): void;\nexport function f(x: u64): void { if (x === 0) return g(8); store8(x, 2); }');
    expect(body(t, 'f')).toContain('tail g');
    expect(errorOf('export function f(): void { return 3; }')).toBe('m.ts:2:29: a void function cannot return a value');
  });

  test('imports resolve to the exporting module symbol and fold its constants', () => {
    const out = compileGuest([
      { name: 'a.ts', text: "import { u64 } from './guest';\nexport const K = 40;\nexport function h(x: u64): u64 { return x; }" },
      { name: 'b.ts', text: "import { u64 } from './guest';\nimport { h, K } from './a';\nexport function f(): u64 { return h(K + 2); }" },
    ]).asm;
    expect(out.map((a) => a.name)).toEqual(['a.s', 'b.s']);
    // h is small: inlined across modules.
    expect(body(out[1]!.text, 'f')).toEqual(['li a0, 42', 'ret']);
  });

  test('return f(...) is a tail call', () => {
    expect(body(asm('declare function h(x: u64): u64;\nexport function f(x: u64): u64 { return h(x + 1); }'), 'f'))
      .toEqual(['addi a0, a0, 1', 'tail h']);
  });
});
