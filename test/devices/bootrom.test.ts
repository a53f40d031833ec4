import { describe, expect, it } from 'vitest';
import { buildBootRom, dtbAddress, NextMode } from '../../src/bootrom/bootrom';

// Words from `riscv64-unknown-elf-as -march=rv64i_zicsr` + objdump of
//   auipc t0,0; addi a2,t0,40; csrr a0,mhartid; ld a1,32(t0); ld t0,24(t0); jr t0
const RESET_VECTOR = [0x00000297, 0x02828613, 0xf1402573, 0x0202b583, 0x0182b283, 0x00028067];

describe('boot ROM', () => {
  it('holds the QEMU virt reset vector, entry and DTB address (little-endian)', () => {
    const rom = buildBootRom(0x8000_0000, 0x87e0_0000);
    expect(rom.length).toBe(0x1000);
    const v = new DataView(rom.buffer);
    expect(RESET_VECTOR.map((_, i) => v.getUint32(4 * i, true))).toEqual(RESET_VECTOR);
    expect(Array.from(rom.subarray(24, 40))).toEqual([0, 0, 0, 0x80, 0, 0, 0, 0, 0, 0, 0xe0, 0x87, 0, 0, 0, 0]);
    expect(rom.subarray(40).every((b) => b === 0)).toBe(true);
  });

  it('takes 64-bit addresses', () => {
    const v = new DataView(buildBootRom(0x1_0000_0004, 0x2_0000_0000).buffer);
    expect([v.getUint32(24, true), v.getUint32(28, true), v.getUint32(32, true), v.getUint32(36, true)]).toEqual([
      4, 1, 0, 2,
    ]);
  });

  it('appends fw_dynamic_info at +40 when asked', () => {
    const rom = buildBootRom(0x8000_0000, 0x87e0_0000, { nextAddr: 0x8020_0000, nextMode: NextMode.supervisor });
    const v = new DataView(rom.buffer);
    const u64 = (off: number) => v.getUint32(off + 4, true) * 2 ** 32 + v.getUint32(off, true);
    // magic "OSBI", version 2, next_addr, next_mode S = 1, options 0, boot_hart 0
    expect([40, 48, 56, 64, 72, 80].map(u64)).toEqual([0x4942534f, 2, 0x8020_0000, 1, 0, 0]);
  });

  it('rejects invalid addresses with RvnError', () => {
    expect(() => buildBootRom(-1, 0)).toThrow(/entry/);
    expect(() => buildBootRom(0, 2 ** 64)).toThrow(/DTB/);
  });
});

describe('dtbAddress', () => {
  it('puts the DTB 2 MiB-aligned below the end of RAM (riscv_compute_fdt_addr, RV64)', () => {
    // 0x8000_0000 + 128 MiB = 0x8800_0000; minus 0x1800 → 0x87ff_e800 → aligned 0x87e0_0000.
    expect(dtbAddress(0x8000_0000, 128 * 1024 * 1024, 0x1800)).toBe(0x87e0_0000);
    // Exactly 2 MiB fits in the last 2 MiB window.
    expect(dtbAddress(0x8000_0000, 128 * 1024 * 1024, 0x20_0000)).toBe(0x87e0_0000);
    // One byte more moves it down a window.
    expect(dtbAddress(0x8000_0000, 128 * 1024 * 1024, 0x20_0001)).toBe(0x87c0_0000);
    expect(() => dtbAddress(0x8000_0000, 0x1000, 0x2000)).toThrow(/does not fit/);
  });
});
