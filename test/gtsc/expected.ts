// The guest program suite (test/gtsc/programs/) with its expected console output and exit code.
// Expected outputs were worked out by hand (with Python as a calculator for the hashes).

export interface ProgramCase {
  files: string[];
  stdout: string;
  exitCode?: number;
}

export const PROGRAMS: readonly ProgramCase[] = [
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
