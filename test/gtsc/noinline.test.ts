// `@noinline` in a function's doc comment keeps every call of it a call (docs/gtsc.md,
// "Optimiser"): the small function below is otherwise inlined at each call.
import { describe, expect, test } from 'vitest';
import { compileGuest } from '../../src/gtsc/index';

const body = (tag: string): string => `import { u64 } from './guest';
${tag}
function twice(x: u64): u64 { return x + x; }
export function f(a: u64, b: u64): u64 { return twice(a) + twice(b); }
`;

const calls = (asm: string): number => asm.split('\n').filter((l) => /^\s*(call|jal)\s+(ra,\s*)?twice\b/.test(l)).length;

describe('@noinline', () => {
  test('a small function is inlined at every call without the tag, called with it', () => {
    expect(calls(compileGuest([{ name: 'm.ts', text: body('') }]).asm[0]!.text)).toBe(0);
    expect(calls(compileGuest([{ name: 'm.ts', text: body('/** Doubles x. @noinline */') }]).asm[0]!.text)).toBe(2);
    expect(calls(compileGuest([{ name: 'm.ts', text: body('/**\n * Doubles x.\n * @noinline\n */') }]).asm[0]!.text)).toBe(2);
  });
});
