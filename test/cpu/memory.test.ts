/**
 * Loads/stores (sign extension, misaligned accesses handled in hardware), LR/SC, every AMO, and
 * RV64C. Expected values: unprivileged ISA manual ch. 2, 14 and 16; compressed parcels are the
 * encodings GNU as (riscv64-unknown-elf-as -march=rv64imac) produces for the quoted source.
 */
import { describe, expect, test } from 'vitest';
import { Cause } from '../../src/cpu/hart';
import { Csr } from '../../src/csr/table';
import { enc, hex, machine, R, RAM, setHex } from './asm';

const { a0, a1, a2, a3, a4, a5, sp } = R;
const DATA = RAM + 0x1000;

function mcause(m: ReturnType<typeof machine>): number {
  return (m.hart.readCsr(Csr.mcause) as [number, number])[0];
}

describe('loads and stores', () => {
  test('sign and zero extension of every load width', () => {
    const m = machine();
    m.bus.writeBytes(DATA, Uint8Array.from([0x80, 0xff, 0x7f, 0x80, 0x01, 0x02, 0x03, 0xf4]));
    m.words(RAM, [
      enc('lb', 1, 0, a0), enc('lbu', 2, 0, a0), enc('lh', 3, 0, a0), enc('lhu', 4, 0, a0),
      enc('lw', 5, 0, a0), enc('lwu', 6, 0, a0), enc('ld', 7, 0, a0),
    ]);
    m.hart.setX(a0, DATA);
    m.run(7);
    expect(hex(m.hart, 1)).toBe('ffffffffffffff80');
    expect(hex(m.hart, 2)).toBe('0000000000000080');
    expect(hex(m.hart, 3)).toBe('ffffffffffffff80');
    expect(hex(m.hart, 4)).toBe('000000000000ff80');
    expect(hex(m.hart, 5)).toBe('ffffffff807fff80');
    expect(hex(m.hart, 6)).toBe('00000000807fff80');
    expect(hex(m.hart, 7)).toBe('f4030201807fff80');
  });
  test('stores of each width, negative offsets', () => {
    const m = machine();
    m.words(RAM, [enc('sd', a1, 8, a0), enc('sw', a1, 16, a0), enc('sh', a1, -2, a0), enc('sb', a1, 20, a0)]);
    m.hart.setX(a0, DATA + 8);
    setHex(m.hart, a1, '1122334455667788');
    m.run(4);
    expect([...m.bus.readBytes(DATA + 6, 2)]).toEqual([0x88, 0x77]);
    expect([...m.bus.readBytes(DATA + 16, 8)]).toEqual([0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11]);
    expect([...m.bus.readBytes(DATA + 24, 5)]).toEqual([0x88, 0x77, 0x66, 0x55, 0x88]);
  });
  test('misaligned loads and stores are handled in hardware', () => {
    const m = machine();
    m.words(RAM, [enc('sd', a1, 3, a0), enc('ld', a2, 3, a0), enc('lw', a3, 5, a0), enc('lh', a4, 0x7ff, a5)]);
    m.hart.setX(a0, DATA);
    m.hart.setX(a5, DATA + 0x800);
    setHex(m.hart, a1, '8877665544332211');
    m.bus.writeBytes(DATA + 0xfff, Uint8Array.from([0x34, 0x92]));
    expect(m.run(4)).toBe(4);
    expect([...m.bus.readBytes(DATA + 3, 8)]).toEqual([0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]);
    expect(hex(m.hart, a2)).toBe('8877665544332211');
    expect(hex(m.hart, a3)).toBe('0000000066554433');
    expect(hex(m.hart, a4)).toBe('ffffffffffff9234');
  });
  test('unmapped addresses raise access faults with the address in mtval', () => {
    const m = machine();
    m.words(RAM, [enc('ld', a1, 0, a0)]);
    m.hart.setX(a0, 0x4000_0000);
    m.run(1);
    expect(mcause(m)).toBe(Cause.LoadAccess);
    expect(m.hart.readCsr(Csr.mtval)).toEqual([0x4000_0000, 0]);
    expect(m.hart.readCsr(Csr.mepc)).toEqual([RAM | 0, 0]);
    const s = machine();
    s.words(RAM, [enc('sw', a1, 0, a0)]);
    setHex(s.hart, a0, 'ffffffff00000000');
    s.run(1);
    expect(mcause(s)).toBe(Cause.StoreAccess);
    expect(s.hart.readCsr(Csr.mtval)).toEqual([0, -1]);
  });
});

describe('A extension', () => {
  test('LR/SC: success, then failure without a reservation', () => {
    const m = machine();
    m.words(RAM, [enc('lr.d', a1, a0), enc('sc.d', a2, a3, a0), enc('sc.d', a4, a3, a0)]);
    m.hart.setX(a0, DATA);
    m.bus.writeBytes(DATA, Uint8Array.from([5, 0, 0, 0, 0, 0, 0, 0]));
    m.hart.setX(a3, 9);
    m.run(3);
    expect(hex(m.hart, a1)).toBe('0000000000000005');
    expect(hex(m.hart, a2)).toBe('0000000000000000');
    expect(hex(m.hart, a4)).toBe('0000000000000001');
    expect(m.bus.readBytes(DATA, 1)[0]).toBe(9);
  });
  test("another agent's store to the reserved granule makes SC fail", () => {
    const m = machine();
    m.words(RAM, [enc('lr.w', a1, a0), enc('sc.w', a2, a3, a0)]);
    m.hart.setX(a0, DATA);
    m.run(1);
    expect(m.bus.store(DATA + 4, 4, 1, 0)).toBe(true); // same 8-byte granule
    m.run(1);
    expect(hex(m.hart, a2)).toBe('0000000000000001');
  });
  test('lr.w sign-extends', () => {
    const m = machine();
    m.words(RAM, [enc('lr.w', a1, a0)]);
    m.hart.setX(a0, DATA);
    m.bus.writeBytes(DATA, Uint8Array.from([0, 0, 0, 0x80]));
    m.run(1);
    expect(hex(m.hart, a1)).toBe('ffffffff80000000');
  });
  const amo: [string, string, string, string][] = [
    // name, memory before, rs2, memory after (rd gets the memory before)
    ['amoswap.d', '0000000000000005', 'ffffffffffffffff', 'ffffffffffffffff'],
    ['amoadd.d', '00000000ffffffff', '0000000000000001', '0000000100000000'],
    ['amoxor.d', 'ff00ff00ff00ff00', '0ff00ff00ff00ff0', 'f0f0f0f0f0f0f0f0'],
    ['amoand.d', 'ff00ff00ff00ff00', '0ff00ff00ff00ff0', '0f000f000f000f00'],
    ['amoor.d', 'ff00ff00ff00ff00', '0ff00ff00ff00ff0', 'fff0fff0fff0fff0'],
    ['amomin.d', 'ffffffffffffffff', '0000000000000001', 'ffffffffffffffff'],
    ['amomax.d', 'ffffffffffffffff', '0000000000000001', '0000000000000001'],
    ['amominu.d', 'ffffffffffffffff', '0000000000000001', '0000000000000001'],
    ['amomaxu.d', 'ffffffffffffffff', '0000000000000001', 'ffffffffffffffff'],
  ];
  for (const [name, before, src, after] of amo) {
    test(`${name} and ${name.replace('.d', '.w')}`, () => {
      const m = machine();
      m.words(RAM, [enc(name, a1, a2, a0)]);
      m.hart.setX(a0, DATA);
      setHex(m.hart, a2, src);
      const b = BigInt('0x' + before);
      const bytes = new Uint8Array(8);
      new DataView(bytes.buffer).setBigUint64(0, b, true);
      m.bus.writeBytes(DATA, bytes);
      m.run(1);
      expect(hex(m.hart, a1)).toBe(before);
      const got = new DataView(m.bus.readBytes(DATA, 8).buffer).getBigUint64(0, true);
      expect(got.toString(16).padStart(16, '0')).toBe(after);
      // The .w form on the low word: operands are the sign-extended low halves.
      const w = machine();
      const wname = name.replace('.d', '.w');
      w.words(RAM, [enc(wname, a1, a2, a0)]);
      w.hart.setX(a0, DATA);
      setHex(w.hart, a2, src);
      w.bus.writeBytes(DATA, bytes);
      w.run(1);
      const lo = before.slice(8);
      expect(hex(w.hart, a1)).toBe((parseInt(lo, 16) >= 0x80000000 ? 'ffffffff' : '00000000') + lo);
      const s = (x: string): bigint => BigInt.asIntN(32, BigInt('0x' + x.slice(8)));
      const ops: Record<string, (x: bigint, y: bigint) => bigint> = {
        'amoswap.w': (_x, y) => y, 'amoadd.w': (x, y) => x + y, 'amoxor.w': (x, y) => x ^ y,
        'amoand.w': (x, y) => x & y, 'amoor.w': (x, y) => x | y,
        'amomin.w': (x, y) => (x < y ? x : y), 'amomax.w': (x, y) => (x > y ? x : y),
        'amominu.w': (x, y) => (BigInt.asUintN(32, x) < BigInt.asUintN(32, y) ? x : y),
        'amomaxu.w': (x, y) => (BigInt.asUintN(32, x) > BigInt.asUintN(32, y) ? x : y),
      };
      const expectLo = BigInt.asUintN(32, ops[wname](s(before), s(src)));
      const gotW = new DataView(w.bus.readBytes(DATA, 8).buffer);
      expect(gotW.getUint32(0, true)).toBe(Number(expectLo));
      expect(gotW.getUint32(4, true)).toBe(parseInt(before.slice(0, 8), 16)); // high word untouched
    });
  }
  test('misaligned AMO and SC raise store/AMO misaligned; LR raises load misaligned', () => {
    for (const [name, cause] of [['amoadd.w', 6], ['sc.d', 6], ['lr.d', 4]] as const) {
      const m = machine();
      m.words(RAM, [name.startsWith('lr') ? enc(name, a1, a0) : enc(name, a1, a2, a0)]);
      m.hart.setX(a0, DATA + 2);
      m.run(1);
      expect(mcause(m), name).toBe(cause);
      expect(m.hart.readCsr(Csr.mtval)).toEqual([DATA + 2 - 2 ** 32, 0]);
    }
  });
});

describe('RV64C', () => {
  test('quadrant 1/2 arithmetic expands to the base ops', () => {
    const m = machine();
    m.halves(RAM, [
      0x556d, // c.li a0,-5
      0x050d, // c.addi a0,3      → -2
      0x357d, // c.addiw a0,-1    → -3
      0x7585, // c.lui a1,0xfffe1 → 0xffffffff_fffe1000
      0x86aa, // c.mv a3,a0
      0x96aa, // c.add a3,a0      → -6
      0x7139, // c.addi16sp sp,-64
      0x0810, // c.addi4spn a2,sp,16
    ]);
    m.hart.setX(sp, DATA + 0x100);
    expect(m.run(8)).toBe(8);
    expect(hex(m.hart, a0)).toBe('fffffffffffffffd');
    expect(hex(m.hart, a1)).toBe('fffffffffffe1000');
    expect(hex(m.hart, a3)).toBe('fffffffffffffffa');
    expect(m.hart.getX(sp)).toBe(DATA + 0x100 - 64);
    expect(m.hart.getX(a2)).toBe(DATA + 0x100 - 64 + 16);
    expect(m.hart.pc).toBe(RAM + 16);
  });
  test('shifts and register-register ops', () => {
    const m = machine();
    m.halves(RAM, [
      0x157e, // c.slli a0,63
      0x8205, // c.srli a2,1
      0x967d, // c.srai a2,63
      0x9a79, // c.andi a2,-2
      0x9e35, // c.addw a2,a3
      0x8e15, // c.sub a2,a3
      0x9e15, // c.subw a2,a3
    ]);
    m.hart.setX(a0, 1);
    setHex(m.hart, a2, '8000000000000000');
    m.hart.setX(a3, 0x7fffffff);
    m.run(3);
    expect(hex(m.hart, a0)).toBe('8000000000000000');
    expect(hex(m.hart, a2)).toBe('0000000000000000'); // 0x4000.. >> 63 (arith) = 0
    setHex(m.hart, a2, 'ffffffffffffffff');
    m.run(1);
    expect(hex(m.hart, a2)).toBe('fffffffffffffffe');
    m.run(1); // addw: -2 + 0x7fffffff = 0x7ffffffd
    expect(hex(m.hart, a2)).toBe('000000007ffffffd');
    m.run(1); // sub: 0x7ffffffd - 0x7fffffff = -2
    expect(hex(m.hart, a2)).toBe('fffffffffffffffe');
    m.run(1); // subw: -2 - 0x7fffffff = 0x7fffffff (32-bit wrap)
    expect(hex(m.hart, a2)).toBe('000000007fffffff');
  });
  test('loads, stores and stack-relative forms', () => {
    const m = machine();
    m.halves(RAM, [
      0xe690, // c.sd a2,8(a3)
      0x6698, // c.ld a4,8(a3)
      0xc2d0, // c.sw a2,4(a3)
      0x42dc, // c.lw a5,4(a3)
      0xe832, // c.sdsp a2,16(sp)
      0x6742, // c.ldsp a4,16(sp)
      0xc232, // c.swsp a2,4(sp)
      0x4712, // c.lwsp a4,4(sp)
    ]);
    setHex(m.hart, a2, '89abcdef01234567');
    m.hart.setX(a3, DATA);
    m.hart.setX(sp, DATA + 0x40);
    m.run(2);
    expect(hex(m.hart, a4)).toBe('89abcdef01234567');
    setHex(m.hart, a2, '0000000080000001');
    m.run(2);
    expect(hex(m.hart, a5)).toBe('ffffffff80000001');
    setHex(m.hart, a2, '1111111122222222');
    m.run(2);
    expect(hex(m.hart, a4)).toBe('1111111122222222');
    m.run(2);
    expect(hex(m.hart, a4)).toBe('0000000022222222');
  });
  test('jumps and branches', () => {
    const m = machine();
    m.halves(RAM, [
      0xa019, // 0: c.j .+6
      0x0001, // 2: c.nop
      0x0001, // 4: c.nop
      0xc211, // 6: c.beqz a2,.+4 (taken when a2 = 0)
      0xe211, // 8: c.bnez a2,.+4
      0x8502, // a: c.jr a0
      0x9502, // c: c.jalr a0
    ]);
    m.run(2);
    expect(m.hart.pc).toBe(RAM + 10);
    m.hart.setX(a0, RAM + 12);
    m.run(1); // c.jr a0
    expect(m.hart.pc).toBe(RAM + 12);
    m.hart.setX(a0, RAM + 2);
    m.run(1); // c.jalr a0: ra = pc + 2
    expect(m.hart.pc).toBe(RAM + 2);
    expect(m.hart.getX(R.ra)).toBe(RAM + 14);
  });
  test('reserved and illegal parcels trap with the 16-bit parcel in mtval', () => {
    for (const parcel of [0x0000, 0x4002 /* c.lwsp x0 */, 0x8002 /* c.jr x0 */, 0x6101 /* c.addi16sp 0 */]) {
      const m = machine();
      m.halves(RAM, [parcel]);
      m.run(1);
      expect(mcause(m)).toBe(Cause.Illegal);
      expect(m.hart.readCsr(Csr.mtval)).toEqual([parcel, 0]);
    }
    const e = machine();
    e.halves(RAM, [0x9002]); // c.ebreak
    e.run(1);
    expect(mcause(e)).toBe(Cause.Breakpoint);
  });
  test('a 32-bit instruction straddling a page boundary', () => {
    const m = machine();
    m.words(RAM + 0xffc, [0x0001_0001]); // c.nop; c.nop
    const w = enc('addi', a0, 0, 77);
    m.halves(RAM + 0xffe + 2, [w >>> 16]);
    m.halves(RAM + 0xffe, [w & 0xffff]);
    m.hart.pc = RAM + 0xffc;
    m.run(2);
    expect(m.hart.getX(a0)).toBe(77);
    expect(m.hart.pc).toBe(RAM + 0x1002);
  });
  test('an already-decoded instruction on the executing page is re-decoded after a store', () => {
    const m = machine();
    // 0: addi a2,a2,1   4: sw a1,0(a0)   8: jal x0,-8 (back to 0)
    m.words(RAM, [enc('addi', a2, a2, 1), enc('sw', a1, 0, a0), enc('jal', 0, -8)]);
    m.hart.setX(a0, RAM);
    m.hart.setX(a1, enc('addi', a2, a2, 16));
    m.run(4); // addi (+1), sw (rewrites 0), jal, new addi (+16)
    expect(m.hart.getX(a2)).toBe(17);
  });
  test('self-modifying code is seen after a store (decoded pages are invalidated)', () => {
    const m = machine();
    m.words(RAM, [enc('sw', a1, 8, a0), enc('fence.i'), enc('addi', a2, 0, 1)]);
    m.hart.setX(a0, RAM);
    m.hart.setX(a1, enc('addi', a2, 0, 2));
    m.run(1);
    m.run(2);
    expect(m.hart.getX(a2)).toBe(2);
  });
});

describe('two harts on one bus', () => {
  test("an AMO by hart 1 breaks hart 0's reservation; hart 1's own LR/SC then succeeds", () => {
    const h0 = machine();
    const h1 = machine({ bus: h0.bus, hartId: 1 });
    h0.words(RAM, [enc('lr.d', a1, a0), enc('sc.d', a2, a3, a0)]);
    h1.words(RAM + 0x100, [enc('amoadd.d', a1, a3, a0), enc('lr.d', a1, a0), enc('sc.d', a2, a3, a0)]);
    for (const m of [h0, h1]) {
      m.hart.setX(a0, DATA);
      m.hart.setX(a3, 1);
    }
    h1.hart.pc = RAM + 0x100;
    h0.run(1); // hart 0: lr.d
    h1.run(1); // hart 1: amoadd.d to the same granule
    h0.run(1); // hart 0: sc.d fails
    expect(h0.hart.getX(a2)).toBe(1);
    h1.run(2); // hart 1: lr.d; sc.d succeeds
    expect(h1.hart.getX(a2)).toBe(0);
    expect(m64(h0, DATA)).toBe(1n);
  });
});

function m64(m: ReturnType<typeof machine>, at: number): bigint {
  return new DataView(m.bus.readBytes(at, 8).buffer).getBigUint64(0, true);
}
