// gtsc's async functions and await (docs/gtsc.md, "async and await"): the state machines run
// on rvn with hand-computed results (test/async/programs/coroutines.ts), the frame layout the
// executor relies on, and every construct outside the subset is an error with file:line:col.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { FRAME_HEADER, FRAME_RESULT, FRAME_RESUME, FRAME_STATE } from '../../src/gtsc/async/frame';
import { runGuest } from '../gtsc/harness';
import { moduleAsm, moduleError } from '../gtsc/one-module';

const HERE = join(import.meta.dirname, 'programs');
const source = (name: string): { name: string; text: string } => ({ name: `test/async/programs/${name}`, text: readFileSync(join(HERE, name), 'utf8') });

const G = "import { u8, u64, Ptr, Arr, zeroed, suspend, frameOf } from './guest';\n";

const compileErrors = (src: string): string => moduleError(G + src);
const asmOf = (src: string): string => moduleAsm(G + src);

describe('async functions on rvn', () => {
  test('results, suspensions, live values, frame objects, recursion, interleaving, frames freed', () => {
    const r = runGuest([source('coroutines.ts'), source('pool.ts')]);
    // sum(10) = Σ (i + 1) over i < 10 = 55, ten awaited add()s that each park once → 11 resumes;
    // narrow(300) as u8 = 44; fib(10) = 55 (177 calls, none parks); squares = 0 + 1 + 4 + 109;
    // branches(10): v = 110, 110 + 1 > 111 fails → 1110 after two parks; branches(3): no await;
    // mixed(5, 6) = 15 + 7 × (261 mod 256); three coroutines of 3, 2, 4 letters in turn;
    // frames: 11 + 1 + 177 + 1 + 3 + 1 + 3 + 3 made, all given back.
    expect(r.stdout).toBe([
      'sum 55 polls 11', 'narrow 44 polls 2', 'fib 55 polls 1', 'squares 114 polls 3', 'branches10 1110 polls 3',
      'branches3 1003 polls 1', 'mixed 50 polls 3', 'abcabcacc', 'frames made 200 live 0', '',
    ].join('\n'));
  });

  test('the constructor fills the frame header the executor reads', () => {
    const text = asmOf('export async function f(a: u64, b: u64): Promise<u64> { await suspend(); return a + b; }');
    const ctor = text.slice(text.indexOf('\nf:\n'), text.indexOf('f.resume:'));
    expect(ctor).toContain('call __async_frame_alloc');
    expect(ctor).toContain('la t0, f.resume');
    expect(ctor).toMatch(new RegExp(`sd t0, ${FRAME_RESUME}\\(a0\\)`));
    expect(ctor).toMatch(new RegExp(`sd zero, ${FRAME_STATE}\\(a0\\)`));
    expect(ctor).toMatch(new RegExp(`sd s\\d+, ${FRAME_HEADER}\\(a0\\)`));
    expect(ctor).toMatch(new RegExp(`sd s\\d+, ${FRAME_HEADER + 8}\\(a0\\)`));
    expect(text).toContain('\t.globl f.resume');
    // the resume function stores the result at +16 and returns 1; parking returns 0
    const resume = text.slice(text.indexOf('f.resume:'));
    expect(resume).toMatch(new RegExp(`sd t\\d, ${FRAME_RESULT}\\(a0\\)`));
    expect(resume).toContain('mv a0, zero');
  });

  test('a parameter the body never assigns is not stored again when parking', () => {
    const text = asmOf('export async function f(a: u64): Promise<u64> { await suspend(); return a; }');
    const resume = text.slice(text.indexOf('f.resume:'));
    expect(resume.match(new RegExp(`sd [ast]\\d+, ${FRAME_HEADER}\\(`, 'g'))).toBeNull();
  });
});

describe('async and await outside the subset are errors with file:line:col', () => {
  const cases: [string, string][] = [
    ['async function f() { return 1; }', 'm.ts:2:16: an async function must declare its result as Promise<T> (Promise<void> when it returns nothing)'],
    ['async function f(): u64 { return 1; }', 'm.ts:2:16: an async function must declare its result as Promise<T> (Promise<void> when it returns nothing)'],
    ['async function f(): Promise<u64> { await 5; return 1; }', 'm.ts:2:42: await takes a call of an async function: await f(...)'],
    ['function g(): u64 { return 1; }\nasync function f(): Promise<u64> { return await g(); }', "m.ts:3:49: 'g' is not an async function of the program: only the call of one can be awaited"],
    ['async function g(): Promise<u64> { return 1; }\nasync function f(): Promise<u64> { const p = g; return await p(); }', 'm.ts:3:62: await needs an async function called by its name (not through a function pointer or a method)'],
    ['async function f(): Promise<void> { suspend(); }', 'm.ts:2:37: suspend() must be awaited in an async function: await suspend()'],
    ['async function f(): Promise<void> { await suspend(1); }', 'm.ts:2:43: suspend() takes no arguments'],
    ['async function g(): Promise<u64> { return 1; }\nfunction f(): u64 { return await g(); }', "m.ts:3:28: 'await' is only allowed in an async function"],
    ['async function* f(): AsyncGenerator<u64> { }', 'm.ts:2:1: generator functions are not supported in guest code'],
    ['async function f(x: u64): Promise<void> { for await (const y of x) { } }', 'm.ts:2:43: for-of is not supported in guest code'],
    ['function f(): void { const g = async (): Promise<void> => { }; }', 'm.ts:2:32: an arrow function is not supported in guest code'],
    ['function declare(p: Promise<u64, u64>): void { }', 'm.ts:2:21: Promise<T> needs one type argument'],
  ];
  for (const [src, message] of cases) {
    test(message.replace(/^m\.ts:\d+:\d+: /, ''), () => {
      expect(compileErrors(src)).toBe(message);
    });
  }
});
