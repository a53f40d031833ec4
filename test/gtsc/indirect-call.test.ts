// An indirect call jumps through the register that holds the function's address when placing
// the arguments leaves that register alone, and copies the address to t6 first only when an
// argument goes to it (RISC-V psABI: a0..a7 carry the arguments). Not tail calls (`return
// f(x)`): those restore the saved registers first and keep jumping through t6.
import { describe, expect, test } from 'vitest';
import { compileGuest } from '../../src/gtsc/index';
import { body } from './asm-lines';

const source = `import { u64 } from './guest';
type F = (x: u64) => u64;
export function argFirst(x: u64, f: F): u64 { return f(x) + 1; }
export function fnFirst(f: F, x: u64): u64 { return f(x) + 1; }
`;

describe('indirect calls', () => {
  const asm = compileGuest([{ name: 'm.ts', text: source }]).asm[0]!.text;

  test('the address in a1, the argument in a0: jalr a1, no copy', () => {
    const lines = body(asm, 'argFirst');
    expect(lines).toContain('jalr a1');
    expect(lines.some((l) => l.startsWith('mv t6'))).toBe(false);
  });

  test('the address in a0, where the argument must go: copied to t6 before a0 is overwritten', () => {
    const lines = body(asm, 'fnFirst');
    const copy = lines.indexOf('mv t6, a0');
    expect(copy).toBeGreaterThanOrEqual(0);
    expect(lines.indexOf('mv a0, a1')).toBeGreaterThan(copy);
    expect(lines).toContain('jalr t6');
  });
});
