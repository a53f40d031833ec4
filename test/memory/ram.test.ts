// Lazily allocated RAM (src/memory/ram.ts): a large guest RAM costs host memory only where it
// is written. Expectations: bytes read back equal bytes written (little-endian, as RISC-V), never
// written memory reads as zero (priv. spec: RAM contents at reset are unspecified; rvn
// documents zeros), and a program placed above the first 2 GiB chunk computes the same
// hand-derived result as anywhere else, in fast and reference mode.
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine } from '../../src/machine/machine';
import { Bus } from '../../src/memory/bus';
import { ChunkSize, Ram } from '../../src/memory/ram';
import { idealProfile } from '../../src/timing/profiles/index';

const GiB = 2 ** 30;
const BASE = 0x8000_0000;

describe('lazily allocated RAM', () => {
  it('creates only the chunks that are written', () => {
    const ram = new Ram(BASE, 16 * GiB);
    expect(ram.allocatedChunks).toBe(1); // chunk 0, which the hot paths use directly
    const out = new Uint8Array(16);
    ram.read(9 * GiB, out);
    expect(Array.from(out)).toEqual(new Array(16).fill(0));
    expect(ram.allocatedChunks).toBe(1); // reading never-written memory creates nothing
    ram.write(9 * GiB + 5, Uint8Array.of(1, 2, 3));
    expect(ram.allocatedChunks).toBe(2);
    ram.read(9 * GiB + 4, out.subarray(0, 5));
    expect(Array.from(out.subarray(0, 5))).toEqual([0, 1, 2, 3, 0]);
  });

  it('moves data across a chunk boundary, through the bus as a hart would', () => {
    const bus = new Bus({ ramSize: 4 * GiB });
    const edge = BASE + ChunkSize.BYTES; // first byte of chunk 1
    // An 8-byte store straddling the boundary: 4 bytes in each chunk.
    expect(bus.store(edge - 4, 8, 0x44332211, 0x88776655 | 0)).toBe(true);
    expect(Array.from(bus.readBytes(edge - 4, 8))).toEqual([0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x88]);
    const t = new Int32Array(2);
    expect(bus.load(edge - 2, 4, t)).toBe(true);
    expect(t[0] >>> 0).toBe(0x66554433);
    expect(bus.load(edge + 4, 8, t)).toBe(true); // never written
    expect([t[0], t[1]]).toEqual([0, 0]);
    expect(bus.load(BASE + 4 * GiB - 8, 8, t)).toBe(true); // last word of RAM
    expect(bus.load(BASE + 4 * GiB - 4, 8, t)).toBe(false); // runs past the end: access fault
  });

  it.each([true, false])('runs a program whose code and data lie above the first chunk (fast=%s)', (fast) => {
    // Code at 0x1_8000_0000 (RAM offset 4 GiB, chunk 2), data right after it: sum 1..100 with
    // loads and stores through the data word, then exit through the test device.
    const text = 0x1_8000_0000;
    const elf = buildProgram([{ name: 'hi.S', text: `
    .globl _start
_start:
    la s0, word
    li s1, 100
1:  ld t0, 0(s0)
    add t0, t0, s1
    sd t0, 0(s0)
    addi s1, s1, -1
    bnez s1, 1b
    ld t0, 0(s0)
    li t1, 5050
    li t2, 0x100000
    li t3, 0x5555
    beq t0, t1, 2f
    li t3, 0x13333
2:  sw t3, 0(t2)
3:  j 3b
    .data
    .balign 8
word: .dword 0
` }], { text });
    const m = new Machine({ timing: idealProfile(), memBytes: 6 * GiB, fast, translateAfter: 2 }, { console: () => undefined });
    m.load(elf, 'hi.S');
    const r = m.run({ maxInsns: 100_000 });
    expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
    // Chunk 0 (always), chunk 2 (the program, RAM offsets 4..6 GiB, which also holds the
    // device tree at the top of RAM) and nothing else.
    expect(m.bus.ram.allocatedChunks).toBe(2);
  });
});
