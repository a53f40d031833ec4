/**
 * RV64I and M instructions. Expected values: the unprivileged ISA manual (ch. 2, 5, 13) and hand
 * computation (128-bit products and quotients cross-checked with Python integers).
 */
import { describe, expect, test } from 'vitest';
import { enc, hex, machine, R, RAM, setHex } from './asm';

const { a0, a1, a2 } = R;

/** Runs `insns` once with a0/a1 preset (hex strings); returns a2 as hex. */
function op2(name: string, x: string, y: string): string {
  const m = machine();
  m.words(RAM, [enc(name, a2, a0, a1)]);
  setHex(m.hart, a0, x);
  setHex(m.hart, a1, y);
  expect(m.run(1)).toBe(1);
  return hex(m.hart, a2);
}

function opI(name: string, x: string, imm: number): string {
  const m = machine();
  m.words(RAM, [enc(name, a2, a0, imm)]);
  setHex(m.hart, a0, x);
  m.run(1);
  return hex(m.hart, a2);
}

describe('encodings from the table match GNU as', () => {
  test('add a0,a1,a2 / nop / csrrs a0,mstatus,zero', () => {
    expect(enc('add', a0, a1, a2)).toBe(0x00c58533);
    expect(enc('addi', 0, 0, 0)).toBe(0x00000013);
    expect(enc('csrrs', a0, 0x300, 0)).toBe(0x30002573);
  });
});

describe('RV64I', () => {
  test('shifts by 63 and shift amounts use 6 bits', () => {
    expect(opI('slli', '0000000000000001', 63)).toBe('8000000000000000');
    expect(opI('srli', '8000000000000000', 63)).toBe('0000000000000001');
    expect(opI('srai', '8000000000000000', 63)).toBe('ffffffffffffffff');
    expect(opI('srai', '8000000000000000', 32)).toBe('ffffffff80000000');
    expect(opI('srli', 'f0000000f0000000', 4)).toBe('0f0000000f000000');
    expect(op2('sll', '0000000000000003', '0000000000000041')).toBe('0000000000000006'); // 65 & 63 = 1
    expect(op2('srl', '8000000000000000', '000000000000003f')).toBe('0000000000000001');
    expect(op2('sra', '8000000000000000', '0000000000000000')).toBe('8000000000000000');
    expect(op2('sll', '00000000ffffffff', '0000000000000020')).toBe('ffffffff00000000');
  });
  test('W operations sign-extend their 32-bit results', () => {
    expect(op2('addw', '000000007fffffff', '0000000000000001')).toBe('ffffffff80000000');
    expect(opI('addiw', '0000000100000005', 0)).toBe('0000000000000005');
    expect(opI('addiw', '0000000000000000', -1)).toBe('ffffffffffffffff');
    expect(op2('subw', '0000000000000000', '0000000000000001')).toBe('ffffffffffffffff');
    expect(opI('sraiw', '0000000080000000', 31)).toBe('ffffffffffffffff');
    expect(opI('srliw', '0000000080000000', 31)).toBe('0000000000000001');
    expect(opI('srliw', '0000000080000000', 0)).toBe('ffffffff80000000');
    expect(opI('slliw', '0000000000000001', 31)).toBe('ffffffff80000000');
    expect(op2('sllw', '0000000000000001', '000000000000003f')).toBe('ffffffff80000000'); // 63 & 31 = 31
    expect(op2('srlw', 'ffffffff80000000', '0000000000000020')).toBe('ffffffff80000000'); // shift 0
    expect(op2('sraw', '0000000080000000', '0000000000000004')).toBe('fffffffff8000000');
  });
  test('compares, logic, add/sub carry across halves', () => {
    expect(op2('slt', 'ffffffffffffffff', '0000000000000001')).toBe('0000000000000001');
    expect(op2('sltu', 'ffffffffffffffff', '0000000000000001')).toBe('0000000000000000');
    expect(opI('sltiu', '0000000000000005', -1)).toBe('0000000000000001'); // -1 is 2^64-1 unsigned
    expect(opI('slti', '8000000000000000', 0)).toBe('0000000000000001');
    expect(op2('add', '00000000ffffffff', '0000000000000001')).toBe('0000000100000000');
    expect(op2('sub', '0000000100000000', '0000000000000001')).toBe('00000000ffffffff');
    expect(opI('addi', 'ffffffffffffffff', 1)).toBe('0000000000000000');
    expect(opI('xori', '00000000000000ff', -1)).toBe('ffffffffffffff00');
    expect(opI('andi', '123456789abcdef0', -16)).toBe('123456789abcdef0');
    expect(opI('ori', '1200000000000000', 0x7ff)).toBe('12000000000007ff');
  });
  test('lui sign-extends; auipc adds to pc; x0 stays zero', () => {
    const m = machine();
    m.words(RAM, [enc('lui', a0, 0x80000 << 12), enc('auipc', a1, 0x1000), enc('addi', 0, 0, 5), enc('add', a2, 0, 0)]);
    m.run(4);
    expect(hex(m.hart, a0)).toBe('ffffffff80000000');
    expect(hex(m.hart, a1)).toBe('0000000080001004');
    expect(hex(m.hart, 0)).toBe('0000000000000000');
    expect(hex(m.hart, a2)).toBe('0000000000000000');
  });
  test('jal/jalr link and jalr clears bit 0', () => {
    const m = machine();
    m.words(RAM, [enc('jal', R.ra, 8), 0, enc('addi', a0, 0, 0x101), enc('jalr', a1, 0, a0)]);
    setHex(m.hart, a0, '0000000080000010');
    m.run(1);
    expect(m.hart.pc).toBe(RAM + 8);
    expect(hex(m.hart, R.ra)).toBe('0000000080000004');
    m.hart.setX(a0, RAM + 0x21);
    m.hart.pc = RAM + 12;
    m.run(1);
    expect(m.hart.pc).toBe(RAM + 0x20);
    expect(hex(m.hart, a1)).toBe('0000000080000010');
  });
  test('branches: signed and unsigned', () => {
    const cases: [string, string, string, boolean][] = [
      ['blt', 'ffffffffffffffff', '0000000000000000', true],
      ['bltu', 'ffffffffffffffff', '0000000000000000', false],
      ['bge', '0000000000000000', 'ffffffffffffffff', true],
      ['bgeu', '0000000000000000', 'ffffffffffffffff', false],
      ['beq', '0000000100000000', '0000000000000000', false],
      ['bne', '0000000100000000', '0000000000000000', true],
    ];
    for (const [name, x, y, taken] of cases) {
      const m = machine();
      m.words(RAM, [enc(name, a0, a1, 16)]);
      setHex(m.hart, a0, x);
      setHex(m.hart, a1, y);
      m.run(1);
      expect(m.hart.pc, name).toBe(RAM + (taken ? 16 : 4));
    }
  });
});

describe('M extension', () => {
  test('MUL and the high halves with negative operands', () => {
    expect(op2('mul', 'fffffffffffffffd', '0000000000000005')).toBe('fffffffffffffff1');
    expect(op2('mulh', 'ffffffffffffffff', 'ffffffffffffffff')).toBe('0000000000000000');
    expect(op2('mulhu', 'ffffffffffffffff', 'ffffffffffffffff')).toBe('fffffffffffffffe');
    expect(op2('mulhsu', 'ffffffffffffffff', 'ffffffffffffffff')).toBe('ffffffffffffffff');
    expect(op2('mulh', '8000000000000000', '8000000000000000')).toBe('4000000000000000');
    expect(op2('mulh', '8000000000000000', '0000000000000001')).toBe('ffffffffffffffff');
    expect(op2('mulhu', '8000000000000000', '0000000000000002')).toBe('0000000000000001');
    expect(op2('mulhu', '123456789abcdef0', '0fedcba987654321')).toBe('0121fa00ad77d742');
    expect(op2('mulh', 'fedcba9876543210', '0fedcba987654321')).toBe('ffede05ff528828b');
    expect(op2('mulhsu', 'fedcba9876543210', '0fedcba987654321')).toBe('ffede05ff528828b');
    expect(op2('mul', 'fedcba9876543210', '0fedcba987654321')).toBe('cdeec6cd7a44a410');
    expect(op2('mulw', '0000000080000000', '0000000000000002')).toBe('0000000000000000');
    expect(op2('mulw', '000000007fffffff', '0000000000000002')).toBe('fffffffffffffffe');
  });
  test('division by zero: all ones / dividend', () => {
    expect(op2('div', '0000000000000007', '0000000000000000')).toBe('ffffffffffffffff');
    expect(op2('divu', '0000000000000007', '0000000000000000')).toBe('ffffffffffffffff');
    expect(op2('rem', 'fffffffffffffff9', '0000000000000000')).toBe('fffffffffffffff9');
    expect(op2('remu', '8000000000000007', '0000000000000000')).toBe('8000000000000007');
    expect(op2('divw', '0000000000000007', '0000000000000000')).toBe('ffffffffffffffff');
    expect(op2('divuw', '0000000000000007', '0000000000000000')).toBe('ffffffffffffffff');
    expect(op2('remw', '00000000fffffff9', '0000000000000000')).toBe('fffffffffffffff9');
    expect(op2('remuw', '0000000080000000', '0000000000000000')).toBe('ffffffff80000000');
  });
  test('signed overflow: -2^63 / -1', () => {
    expect(op2('div', '8000000000000000', 'ffffffffffffffff')).toBe('8000000000000000');
    expect(op2('rem', '8000000000000000', 'ffffffffffffffff')).toBe('0000000000000000');
    expect(op2('divw', '0000000080000000', 'ffffffffffffffff')).toBe('ffffffff80000000');
    expect(op2('remw', '0000000080000000', 'ffffffffffffffff')).toBe('0000000000000000');
  });
  test('rounding toward zero and large operands', () => {
    expect(op2('div', 'fffffffffffffff9', '0000000000000002')).toBe('fffffffffffffffd'); // -7/2 = -3
    expect(op2('rem', 'fffffffffffffff9', '0000000000000002')).toBe('ffffffffffffffff'); // -1
    expect(op2('divu', 'ffffffffffffffff', '0000000000000003')).toBe('5555555555555555');
    expect(op2('div', '8000000000000001', '0000000000000010')).toBe('f800000000000001');
    expect(op2('rem', '8000000000000001', '0000000000000010')).toBe('fffffffffffffff1');
    expect(op2('divu', '8000000000000001', '0000000000000010')).toBe('0800000000000000');
    expect(op2('div', 'fedcba9876543210', '0000000123456789')).toBe('ffffffffff000000');
    expect(op2('rem', 'fedcba9876543210', '0000000123456789')).toBe('ffffffffff543210');
    expect(op2('divu', 'fedcba9876543210', '0000000123456789')).toBe('00000000e0000000');
    expect(op2('remu', 'fedcba9876543210', '0000000123456789')).toBe('0000000096543210');
    expect(op2('divu', 'fedcba9876543210', '0fedcba987654321')).toBe('0000000000000010');
    expect(op2('divuw', '00000000fffffffe', '0000000000000001')).toBe('fffffffffffffffe');
    expect(op2('divw', '00000000fffffff9', '0000000000000002')).toBe('fffffffffffffffd');
  });
});
