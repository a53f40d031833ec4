// Guest program suite: compiled by gtsc, assembled/linked by GNU binutils, run on QEMU virt.
// Expected outputs were worked out by hand (with Python as a calculator for the hashes).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { program, runC, runGuest } from './harness';

const PROGRAMS: { files: string[]; stdout: string; exitCode?: number }[] = [
  { files: ['hello.ts'], stdout: 'hello, guest\n-1234567 18446744073709551615 0x00000000deadbeef\n' },
  { files: ['sort.ts'], stdout: 'sorted\nsum kept\n8 994\n' },
  {
    files: ['hash.ts'],
    stdout: '0xcbf29ce484222325\n0xa430d84680aabd0b\n894552257\n0x00000000cbf43926\ndone\n',
  },
  { files: ['recursion.ts'], stdout: '6765\n9\n1023\n21\n01\n-12\n' },
  {
    files: ['structs.ts'],
    stdout: '50,40,30,20,10\n10,20,30,40,50\n44\n16 4 40\n600\n4464 66\n-32768 0\n-2048\nok\n',
  },
  { files: ['matmul.ts'], stdout: '0\n-28 -1008 420\n' },
  {
    files: ['format.ts'],
    stdout: [
      'div=-3', 'rem=-1', 'div8=0', 'rem8=-7', 'negdiv4=-251', 'sra=-4',
      '0x000000000000000f', '0xffffffffffffffff', '1152921504606846975',
      'u8=44', 'i8=-56', 'u16=65535', 'i16=-25536', 'u32=4294967295', 'i32=-2147483648',
      'wrap=4', 'i32wrap=-2147483648', 'cmp=101', 'logic=7', 'bits=49', 'not=-6',
      'mul=123456789042', 'mulk=283935', 'divk=1251', '....42', '1234567', '-9223372036854775808', '',
    ].join('\n'),
  },
  { files: ['fnptr.ts'], stdout: '10 4 21 7 \n-20\n2\n55 3628800 3\n41\n42\nsame address\n' },
  { files: ['control.ts'], stdout: '-1 100 200 200 313 304 -1 \n111\n147\n1 1 7\n577 6\n3 103 16 1\n56\n', exitCode: 3 },
  {
    files: ['divconst.ts'],
    stdout:
      '0 0 0 0 0 0 0 0\n' +
      '0 1 0 0 0 1 0 1\n' +
      '3 2 0 0 1 9 -3 9\n' +
      '6148914691236517205 1 1844674407370955161 18446743944 0 -1 0 -1\n' +
      '3074457345618258602 1 922337203685477580 9223371972 -1317624576693539401 -8 3074457345618258602 -808\n' +
      '3074457345618258602 0 922337203685477580 9223371972 1317624576693539401 7 -3074457345618258602 807\n' +
      '41152263004115 5 12345678901234 123456 17636684144620 5 -41152263004115 345\n' +
      '6148914691236517203 2 1844674407370955160 18446743944 -1 -7 2 -7\n' +
      '',
  },
  {
    files: ['system.ts'],
    stdout: '1234\n0x00000000000f04d0\n984272 7\n0\n40 42\n0 99\n0x00000000000000ff\n42 100\n0x0000000000000000\n99 100\ninstret counts\n',
  },
  {
    files: ['tables.ts'],
    stdout: '4294967336\n7531\ndouble=14\nsquare=49\nnegate=18446744073709551609\n42\n30 255 A\n0 2 8 16\n1\n',
  },
  { files: ['spill.ts'], stdout: '1065406333\n61044\n31673 55\n' },
  {
    files: ['loops.ts'],
    stdout: '2848 520\n126005372841925216\n75392\n1380\n-111\n990\n4032000\n',
  },
  {
    files: ['modules/config.ts', 'modules/table.ts', 'modules/main.ts'],
    stdout: '14 14\n14 34\n80\nmodules ok\n',
  },
];

describe('guest programs (gtsc + GNU as + QEMU)', () => {
  for (const p of PROGRAMS) {
    test(p.files.join(' + '), async () => {
      const r = await runGuest(program(...p.files));
      expect(r.stdout).toBe(p.stdout);
      expect(r.exitCode).toBe(p.exitCode ?? 0);
    });
  }

  test('switch fall-through (inline source: the project tsconfig forbids fall-through)', async () => {
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
    const r = await runGuest([{ name: 'test/gtsc/programs/fall.ts', text }]);
    expect(r.stdout).toBe('1000 11 10 1100 1000 ');
  });

  test('a function too large for conditional-branch offsets', async () => {
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
    const r = await runGuest([{ name: 'test/gtsc/programs/big.ts', text }]);
    expect(r.stdout).toBe(`${sFull} ${sSmall}\n`);
  });

  test('mixed TypeScript and assembly', async () => {
    const asmText = readFileSync(join(__dirname, 'programs', 'mixed.S'), 'utf8');
    const r = await runGuest(program('mixed.ts'), { asm: [{ name: 'mixed_asm.s', text: asmText }] });
    expect(r.stdout).toBe('321\n3628800\n81\n40 46\n');
    expect(r.exitCode).toBe(0);
  });
});

describe('code quality against gcc -O2', () => {
  test('the benchmark kernels retire at most 1.5x the instructions of the same C', async () => {
    const ts = await runGuest([{ name: 'test/gtsc/bench/kernels.ts', text: readFileSync(join(__dirname, 'bench', 'kernels.ts'), 'utf8') }]);
    const c = runC(readFileSync(join(__dirname, 'bench', 'kernels.c'), 'utf8'));
    expect(ts.exitCode).toBe(c.exitCode);
    expect(ts.instret).toBeDefined();
    expect(c.instret).toBeDefined();
    expect(ts.instret! / c.instret!).toBeLessThan(1.5);
  });
});
