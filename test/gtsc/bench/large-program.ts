/**
 * A generated guest module of a given number of lines for measuring compile speed
 * (`npm run gtsc:compare -- --compile-speed`): functions of 12 lines with loops, struct and
 * array accesses, branches and a call of the previous function (each called once, so the
 * inliner has a long chain to work on).
 */
export function largeProgram(lines: number): { name: string; text: string } {
  const out = [
    "import { Arr, Ptr, u32, u64, zeroed } from '../../../src/gtsc/guest';",
    'interface Rec { a: u64; b: u32; next: Ptr<Rec> }',
    'const tbl = zeroed<Arr<u64, 256>>();',
    'function f0(p: Ptr<Rec>, n: u64): u64 { return p.a + n; }',
  ];
  let k = 1;
  while (out.length + 13 <= lines) {
    out.push(
      `function f${k}(p: Ptr<Rec>, n: u64): u64 {`,
      `  let s: u64 = ${k};`,
      '  for (let i: u64 = 0; i < n; i++) {',
      `    s = s * 31 + tbl[(i + ${k}) & 255];`,
      '    if (p.b > s) p.a = p.a + i;',
      '    else s ^= p.a >>> 3;',
      '  }',
      '  while (p !== 0 && s < 1000) {',
      '    s += p.b;',
      '    p = p.next;',
      '  }',
      `  return s + f${k - 1}(p, n - 1);`,
      '}',
    );
    k++;
  }
  out.push(`export function main(): u64 { return f${k - 1}(ptr0(), 3); }`, 'function ptr0(): Ptr<Rec> { return tbl as Ptr<Rec>; }');
  return { name: 'test/gtsc/bench/large.ts', text: out.join('\n') + '\n' };
}
