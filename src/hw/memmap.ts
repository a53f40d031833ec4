/**
 * The fixed memory regions of the rvn board (platform.md), mirroring QEMU's `virt` machine:
 * the boot ROM at 0x1000 (a0 = mhartid, a1 = DTB, jump to the entry) and RAM at 0x8000_0000.
 * The devices between them are the board's device list (src/machine/board.ts).
 */
export const MemoryMap = {
  bootRom: { base: 0x0000_1000, size: 0x1000 },
  ram: {
    base: 0x8000_0000,
    defaultSize: 128 * 1024 * 1024,
    /** The largest RAM a machine may have (256 GiB): allocated lazily, so only touched memory costs host memory. */
    maxSize: 256 * 1024 * 1024 * 1024,
  },
} as const;

/** Emulated clocks (platform.md): mtime at 10 MHz, core at 100 MHz, both settable. */
export const DefaultClocks = {
  timebaseHz: 10_000_000,
  coreHz: 100_000_000,
} as const;
