// Guest program suite: compiled by gtsc, assembled and linked by rvn's toolchain, run on rvn
// (ideal timing). Expected outputs are hand-computed (expected.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { PROGRAMS } from './expected';
import { program, runGuest } from './harness';

describe('guest programs (gtsc + rvn assembler/linker + rvn)', () => {
  // Every program, optimised and at -O0: both must give the hand-computed output.
  for (const p of PROGRAMS) {
    for (const optimize of [true, false]) {
      test(`${p.files.join(' + ')}${optimize ? '' : ' (-O0)'}`, () => {
        const r = runGuest(program(...p.files), { compile: { optimize } });
        expect(r.stdout).toBe(p.stdout);
        expect(r.exitCode).toBe(p.exitCode ?? 0);
      });
    }
  }

  test('switch fall-through (inline source: the project tsconfig forbids fall-through)', () => {
    const text = [
      "import { printI, putchar } from '../../../src/gtsc/runtime/rt';",
      "import { i64, u64 } from '../../../src/gtsc/guest';",
      'function f(x: i64): i64 {',
      '  let r = 0;',
      '  switch (x) { case 1: r += 1; case 2: r += 10; break; case 3: r += 100; default: r += 1000; }',
      '  return r;',
      '}',
      'export function main(): u64 { for (let x = 0; x < 5; x++) { printI(f(x)); putchar(32); } return 0; }',
    ].join('\n');
    const r = runGuest([{ name: 'test/gtsc/programs/fall.ts', text }]);
    expect(r.stdout).toBe('1000 11 10 1100 1000 ');
  });

  test('a function too large for conditional-branch offsets', () => {
    // 400 if-statements make a body far over 4 KiB, so branches use the inverted-branch + j form.
    const ifs = Array.from({ length: 400 }, (_, k) => `  if (x > ${k}) s += ${k % 7}; else s ^= ${k};`).join('\n');
    const text = [
      "import { printU, putchar } from '../../../src/gtsc/runtime/rt';",
      "import { u64 } from '../../../src/gtsc/guest';",
      `function big(x: u64): u64 {\n  let s: u64 = 0;\n${ifs}\n  return s;\n}`,
      'export function main(): u64 { printU(big(1000)); putchar(32); printU(big(3)); putchar(10); return 0; }',
    ].join('\n');
    let sFull = 0;
    for (let k = 0; k < 400; k++) sFull += k % 7;
    let sSmall = 0;
    for (let k = 0; k < 400; k++) sSmall = 3 > k ? sSmall + (k % 7) : sSmall ^ k;
    const r = runGuest([{ name: 'test/gtsc/programs/big.ts', text }]);
    expect(r.stdout).toBe(`${sFull} ${sSmall}\n`);
  });

  test('mixed TypeScript and assembly', () => {
    const asmText = readFileSync(join(__dirname, 'programs', 'mixed.S'), 'utf8');
    const r = runGuest(program('mixed.ts'), { asm: [{ name: 'mixed_asm.s', text: asmText }] });
    expect(r.stdout).toBe('321\n3628800\n81\n40 46\n');
    expect(r.exitCode).toBe(0);
  });
});

describe('the runtime', () => {
  // crt0 reads minstret, calls main (one `jal`: guest builds relax `call` as GNU ld does), reads
  // minstret again; a CSR read of minstret excludes the reading instruction itself (priv spec
  // "Hardware Performance Monitor"), so the difference counts csrr + jal + main's body.
  const run = (body: string): ReturnType<typeof runGuest> =>
    runGuest([], { asm: [{ name: 'main.s', text: `\t.text\n\t.globl main\nmain:\n${body}` }] });

  test('rt_main_instret holds the instructions retired by main; nothing extra is printed', () => {
    const r = run('\tli a0, 0\n\tret\n');
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(0);
    expect(r.instret).toBe(2 + 2);
  });

  test('a loop of 100 iterations and a non-zero exit code', () => {
    const r = run('\tli t0, 100\n1:\taddi t0, t0, -1\n\tbnez t0, 1b\n\tli a0, 9\n\tret\n');
    expect(r.stdout).toBe('');
    expect(r.exitCode).toBe(9);
    expect(r.instret).toBe(2 + 1 + 2 * 100 + 2);
  });

  test('a program that never exits fails with a clear message', () => {
    expect(() => runGuest([], { asm: [{ name: 'spin.s', text: '\t.text\n\t.globl main\nmain:\n1:\tj 1b\n' }], maxInsns: 10_000 }))
      .toThrow(/did not exit on rvn: hit the instructions limit \(10000 instructions\)/);
  });
});
