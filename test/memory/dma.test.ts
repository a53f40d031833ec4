// Device DMA (src/hw/dma.ts) has every effect of a hart store: an LR/SC reservation on the
// written bytes is broken (so the hart's SC fails, unprivileged ISA manual §13.2: "an SC may
// fail if another store to the reservation set occurs"), and code the hart already ran and
// translated is re-fetched after DMA rewrites it and the hart executes FENCE.I (as for any
// other agent's store, instruction fetch need not see it before). Both in fast (translated blocks) and
// reference mode (RunLimits.maxInsns counts from the machine's start). Expectations are the programs' own pass/fail exits, decided by hand-written
// conditions.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import { readElf, findSymbol } from '../../src/elf/reader';
import { rocketProfile } from '../../src/timing/profiles/index';

const EXIT = `
pass: li t0, 0x100000
      li t1, 0x5555
      sw t1, 0(t0)
1:    j 1b
fail: li t0, 0x100000
      li t1, 0x13333
      sw t1, 0(t0)
1:    j 1b
`;

function boot(source: string, fast: boolean): { m: Machine; sym: (n: string) => number } {
  const elf = buildProgram([{ name: 'p.S', text: source }]);
  const m = new Machine({ timing: rocketProfile(), memBytes: 4 << 20, fast, translateAfter: 2 }, { console: () => undefined });
  m.load(elf, 'p.S');
  const image = readElf(elf);
  return { m, sym: (n) => findSymbol(image, n)!.value };
}

const le32 = (v: number): Uint8Array => Uint8Array.of(v, v >>> 8, v >>> 16, v >>> 24);

describe.each([true, false])('DMA (fast=%s)', (fast) => {
  it('a DMA write into a reserved granule makes the pending SC fail', () => {
    const { m, sym } = boot(`
      .globl _start
_start:
      la s0, word
      la s1, flag
      lr.d t0, (s0)
1:    lw t1, 0(s1)          # spin until the host sets flag (a different granule)
      beqz t1, 1b
      li t2, 7
      sc.d t3, t2, (s0)
      bnez t3, pass          # SC failed: the DMA write broke the reservation
      j fail
${EXIT}
      .data
      .align 4
word: .dword 0
      .align 4
flag: .dword 0
`, fast);
    expect(m.run({ maxInsns: 200 }).reason.kind).toBe('limit');
    expect(m.bus.dmaWrite(sym('word'), le32(42))).toBe(true);
    expect(m.bus.dmaWrite(sym('flag'), le32(1))).toBe(true);
    expect(m.run({ maxInsns: m.instret + 10_000 }).reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
    expect(Array.from(m.bus.readBytes(sym('word'), 4))).toEqual([42, 0, 0, 0]);
  });

  it('without the DMA write to the granule the SC succeeds (control)', () => {
    const { m, sym } = boot(`
      .globl _start
_start:
      la s0, word
      la s1, flag
      lr.d t0, (s0)
1:    lw t1, 0(s1)
      beqz t1, 1b
      li t2, 7
      sc.d t3, t2, (s0)
      beqz t3, pass
      j fail
${EXIT}
      .data
      .align 4
word: .dword 0
      .align 4
flag: .dword 0
`, fast);
    m.run({ maxInsns: 200 });
    m.bus.dmaWrite(sym('flag'), le32(1));
    expect(m.run({ maxInsns: m.instret + 10_000 }).reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
  });

  it('code rewritten by DMA after it ran is executed as rewritten', () => {
    const { m, sym } = boot(`
      .globl _start
_start:
      li s1, 2
1:    fence.i                # makes stores by others visible to fetch (ISA manual, Zifencei)
      call f
      beq a0, s1, pass       # f returns 2 only once DMA has rewritten it
      j 1b
${EXIT}
      .globl f
f:    li a0, 1
      ret
`, fast);
    expect(m.run({ maxInsns: 5_000 }).reason.kind).toBe('limit'); // f ran (and was translated) many times
    // addi a0, zero, 2 = imm 2, rs1 0, funct3 0, rd 10, opcode 0x13 (ISA manual, I-type)
    const addi = (2 << 20) | (10 << 7) | 0x13;
    // li a0,1 may have been emitted compressed (c.li a0,1 = 0x4505); write a 4-byte addi only
    // if f starts with a 4-byte instruction, else c.li a0,2 (0x4509).
    const first = m.bus.readBytes(sym('f'), 2);
    const bytes = (first[0] & 3) === 3 ? le32(addi) : Uint8Array.of(0x09, 0x45);
    expect(m.bus.dmaWrite(sym('f'), bytes)).toBe(true);
    expect(m.run({ maxInsns: m.instret + 5_000 }).reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
  });

  it('refuses ranges outside RAM, reading or writing nothing', () => {
    const { m } = boot(`.globl _start\n_start: j pass\n${EXIT}`, fast);
    const top = 0x8000_0000 + (4 << 20);
    expect(m.bus.dmaWrite(top - 2, Uint8Array.of(1, 2, 3, 4))).toBe(false);
    expect(Array.from(m.bus.readBytes(top - 2, 2))).toEqual([0, 0]);
    expect(m.bus.dmaRead(0x1000_0000, new Uint8Array(4))).toBe(false);
    const dst = Uint8Array.of(9, 9);
    expect(m.bus.dmaRead(top - 1, dst)).toBe(false);
    expect(Array.from(dst)).toEqual([9, 9]);
  });
});
