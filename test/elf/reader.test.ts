import { describe, expect, it } from 'vitest';
import { readElf, indexSymbols, findSymbol } from '../../src/elf/reader';
import { RvnError } from '../../src/errors';
import { gccProgBase64 } from './fixture/gcc-prog.data';

/**
 * A minimal ELF64 RISC-V executable, hand-laid-out from the gABI: header (64 bytes), one
 * program header at 64 (56 bytes), 8 bytes of code at 120 (nop; j .), no sections.
 */
function tinyElf(): Uint8Array {
  const b = new Uint8Array(128);
  const v = new DataView(b.buffer);
  b.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
  v.setUint16(16, 2, true); // ET_EXEC
  v.setUint16(18, 243, true); // EM_RISCV
  v.setUint32(20, 1, true); // EV_CURRENT
  v.setBigUint64(24, 0x80000000n, true); // e_entry
  v.setBigUint64(32, 64n, true); // e_phoff
  v.setUint16(52, 64, true); // e_ehsize
  v.setUint16(54, 56, true); // e_phentsize
  v.setUint16(56, 1, true); // e_phnum
  v.setUint16(58, 64, true); // e_shentsize
  const p = 64;
  v.setUint32(p, 1, true); // PT_LOAD
  v.setUint32(p + 4, 5, true); // R+X
  v.setBigUint64(p + 8, 120n, true); // p_offset
  v.setBigUint64(p + 16, 0x80000000n, true); // p_vaddr
  v.setBigUint64(p + 24, 0x80000000n, true); // p_paddr
  v.setBigUint64(p + 32, 8n, true); // p_filesz
  v.setBigUint64(p + 40, 16n, true); // p_memsz
  v.setBigUint64(p + 48, 4n, true); // p_align
  b.set([0x13, 0, 0, 0, 0x6f, 0, 0, 0], 120);
  return b;
}

function edit(f: (b: Uint8Array, v: DataView) => void): Uint8Array {
  const b = tinyElf();
  f(b, new DataView(b.buffer));
  return b;
}

function errorOf(bytes: Uint8Array): string {
  try {
    readElf(bytes);
  } catch (e) {
    if (e instanceof RvnError) return e.message;
    throw e;
  }
  return 'no error';
}

describe('readElf on a hand-made executable', () => {
  it('reads the segment, entry and (absent) sections', () => {
    const img = readElf(tinyElf());
    expect(img.entry).toBe(0x80000000);
    expect(img.sections).toEqual([]);
    expect(img.symbols).toEqual([]);
    expect(img.segments).toHaveLength(1);
    const s = img.segments[0];
    expect([s.paddr, s.vaddr, s.filesz, s.memsz, s.flags, s.offset]).toEqual([0x80000000, 0x80000000, 8, 16, 5, 120]);
    expect([...s.bytes]).toEqual([0x13, 0, 0, 0, 0x6f, 0, 0, 0]);
  });

  it.each([
    [0, 'ELF: file is empty'],
    [3, 'ELF: file is truncated: 3 bytes, shorter than the 64-byte ELF64 header'],
    [16, 'ELF: file is truncated: 16 bytes, shorter than the 64-byte ELF64 header'],
    [63, 'ELF: file is truncated: 63 bytes, shorter than the 64-byte ELF64 header'],
    [64, 'ELF: program header table (1 entries at offset 0x40) extends beyond the end of the file (64 bytes)'],
    [119, 'ELF: program header table (1 entries at offset 0x40) extends beyond the end of the file (119 bytes)'],
    [120, 'ELF: segment 0 (PT_LOAD) file range 0x78+0x8 extends beyond the end of the file (120 bytes)'],
    [127, 'ELF: segment 0 (PT_LOAD) file range 0x78+0x8 extends beyond the end of the file (127 bytes)'],
  ])('truncated to %i bytes', (len, message) => {
    expect(errorOf(tinyElf().subarray(0, len))).toBe(message);
  });

  it.each([
    ['bad magic', edit((b) => (b[1] = 0x46)), 'ELF: not an ELF file (bad magic number)'],
    ['32-bit class', edit((b) => (b[4] = 1)), 'ELF: 32-bit ELF (ELFCLASS32); rvn runs RV64 and needs ELF64'],
    ['invalid class', edit((b) => (b[4] = 7)), 'ELF: invalid ELF class 7'],
    ['big-endian', edit((b) => (b[5] = 2)), 'ELF: big-endian ELF (ELFDATA2MSB); RISC-V images are little-endian'],
    ['x86-64 machine', edit((_, v) => v.setUint16(18, 62, true)), 'ELF: machine is x86-64 (e_machine 62), not RISC-V (243)'],
    ['unknown machine', edit((_, v) => v.setUint16(18, 999, true)), 'ELF: machine is 999 (e_machine 999), not RISC-V (243)'],
    ['relocatable', edit((_, v) => v.setUint16(16, 1, true)), 'ELF: type is REL (relocatable object), not a static executable (EXEC)'],
    ['shared object', edit((_, v) => v.setUint16(16, 3, true)), 'ELF: type is DYN (shared object or PIE), not a static executable (EXEC)'],
    ['no program headers', edit((_, v) => v.setUint16(56, 0, true)), 'ELF: no program headers (nothing to load)'],
    ['odd phentsize', edit((_, v) => v.setUint16(54, 32, true)), 'ELF: program header entry size is 32, expected 56'],
    ['phoff beyond EOF', edit((_, v) => v.setBigUint64(32, 0x1000n, true)), 'ELF: program header table (1 entries at offset 0x1000) extends beyond the end of the file (128 bytes)'],
    ['phoff at 2^63', edit((_, v) => v.setBigUint64(32, 1n << 63n, true)), 'ELF: program header table (1 entries at offset >= 2^53) extends beyond the end of the file (128 bytes)'],
    ['segment beyond EOF', edit((_, v) => v.setBigUint64(64 + 8, 0x200n, true)), 'ELF: segment 0 (PT_LOAD) file range 0x200+0x8 extends beyond the end of the file (128 bytes)'],
    ['filesz > memsz', edit((_, v) => v.setBigUint64(64 + 40, 4n, true)), 'ELF: segment 0 (PT_LOAD) has p_filesz 0x8 larger than p_memsz 0x4'],
    ['absurd memsz', edit((_, v) => v.setBigUint64(64 + 40, 1n << 52n, true)), 'ELF: segment 0 (PT_LOAD) has an absurd size p_memsz 0x10000000000000'],
    ['huge memsz', edit((_, v) => v.setBigUint64(64 + 40, ~0n & ((1n << 64n) - 1n), true)), 'ELF: segment 0 (PT_LOAD) has p_memsz at or above 2^53'],
    ['no PT_LOAD', edit((_, v) => v.setUint32(64, 4, true)), 'ELF: no PT_LOAD segment (nothing to load)'],
    ['section table beyond EOF', edit((_, v) => { v.setBigUint64(40, 0x100n, true); v.setUint16(60, 3, true); }), 'ELF: section header table (3 entries at offset 0x100) extends beyond the end of the file (128 bytes)'],
    ['odd shentsize', edit((_, v) => { v.setUint16(60, 1, true); v.setUint16(58, 40, true); }), 'ELF: section header entry size is 40, expected 64'],
  ])('%s', (_, bytes, message) => {
    expect(errorOf(bytes)).toBe(message);
  });

  it('rejects two segments loading into the same bytes', () => {
    const b = new Uint8Array(184);
    b.set(tinyElf().subarray(0, 120));
    const v = new DataView(b.buffer);
    v.setUint16(56, 2, true);
    b.copyWithin(120, 64, 120); // a second, identical program header at 120
    v.setBigUint64(64 + 8, 176n, true);
    v.setBigUint64(120 + 8, 176n, true);
    v.setBigUint64(120 + 24, 0x8000000cn, true); // paddr inside the first segment's 16 bytes
    expect(errorOf(b)).toBe('ELF: segments 0 and 1 overlap at physical address 0x8000000c');
  });
});

function gccProg(): Uint8Array {
  return new Uint8Array(Buffer.from(gccProgBase64, 'base64'));
}

// Expected values below are from `riscv64-unknown-elf-readelf -hlSs -A` on the fixture.
describe('readElf on a GCC-built executable', () => {
  const img = readElf(gccProg());

  it('reads header, loadable segments and sections', () => {
    expect(img.entry).toBe(0x80000000);
    expect(img.flags).toBe(1); // RVC, soft-float
    expect(img.segments.map((s) => [s.index, s.flags, s.offset, s.vaddr, s.paddr, s.filesz, s.memsz])).toEqual([
      [1, 5, 0x1000, 0x80000000, 0x80000000, 0x116, 0x116],
      [2, 6, 0x2000, 0x80001000, 0x80001000, 0x98, 0xe0],
    ]);
    expect([...img.segments[0].bytes.subarray(0, 4)]).toEqual([0x97, 0x21, 0x00, 0x00]); // auipc gp,0x2
    expect(img.sections.map((s) => s.name)).toEqual([
      '', '.text', '.tohost', '.rodata', '.data', '.bss', '.riscv.attributes', '.symtab', '.strtab', '.shstrtab',
    ]);
    const bss = img.sections[5];
    expect([bss.type, bss.addr, bss.size, bss.bytes.length]).toEqual([8, 0x80001098, 0x48, 0]);
  });

  it('reads the symbol table', () => {
    expect(img.symbols).toHaveLength(25);
    const pick = (name: string) => {
      const s = img.symbols.find((x) => x.name === name);
      return s && [s.value, s.size, s.type, s.bind];
    };
    expect(pick('main')).toEqual([0x800000a8, 110, 'FUNC', 'GLOBAL']);
    expect(pick('fib')).toEqual([0x8000002e, 72, 'FUNC', 'LOCAL']);
    expect(pick('counter')).toEqual([0x800010d8, 8, 'OBJECT', 'LOCAL']);
    expect(pick('table')).toEqual([0x80001058, 64, 'OBJECT', 'GLOBAL']);
    expect(pick('tohost')).toEqual([0x80001000, 0, 'NOTYPE', 'GLOBAL']);
    expect(pick('prog.c')).toEqual([0, 0, 'FILE', 'LOCAL']);
  });

  it('reads the RISC-V attributes', () => {
    expect(img.attributes).toEqual({ arch: 'rv64i2p1_m2p0_a2p1_c2p0_zicsr2p0_zmmul1p0', privSpec: [1, 11, 0] });
  });

  it('finds symbols by name and functions by address', () => {
    const idx = indexSymbols(img);
    expect(idx.byName('tohost')?.value).toBe(0x80001000);
    expect(idx.byName('fromhost')?.value).toBe(0x80001040);
    expect(findSymbol(img, '__global_pointer$')?.value).toBe(0x80001898);
    expect(idx.byName('nope')).toBeUndefined();
    const at = (a: number) => idx.functionAt(a)?.name;
    expect(at(0x80000000)).toBe('_start'); // not the $x mapping symbol at the same address
    expect(at(0x80000026)).toBe('_start');
    expect(at(0x80000028)).toBe('park'); // an untyped asm label in .text
    expect(at(0x8000002e)).toBe('fib');
    expect(at(0x8000002e + 71)).toBe('fib');
    expect(at(0x80000076)).toBe('sum');
    expect(at(0x80000098 + 15)).toBe('copy');
    expect(at(0x800000a8 + 109)).toBe('main');
    expect(at(0x800000a8 + 110)).toBeUndefined(); // past the end of main and of .text
    expect(at(0x80001000)).toBeUndefined(); // data
    expect(at(0x7fffffff)).toBeUndefined();
  });

  it('never throws anything but RvnError on a truncated or corrupted file', () => {
    const good = gccProg();
    for (let len = 0; len < good.length; len += 7) {
      try {
        readElf(good.subarray(0, len));
      } catch (e) {
        expect(e).toBeInstanceOf(RvnError);
      }
    }
    // Deterministic corruption of the header, program and section header tables.
    let seed = 12345;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const shoff = 9288;
    for (let i = 0; i < 3000; i++) {
      const b = good.slice();
      const region = rand() < 0.5 ? Math.floor(rand() * 232) : shoff + Math.floor(rand() * 640);
      b[region] = Math.floor(rand() * 256);
      try {
        readElf(b);
      } catch (e) {
        expect(e).toBeInstanceOf(RvnError);
      }
    }
  });
});
