/**
 * The physical memory map of the rvn board (platform.md), mirroring QEMU's `virt` machine so
 * that standard RISC-V software finds its devices where it expects them.
 *
 *   0x0000_1000  boot ROM          (a0 = mhartid, a1 = DTB, jump to entry)
 *   0x0010_0000  test/poweroff     (sifive_test)
 *   0x0200_0000  CLINT             (msip, mtimecmp, mtime)
 *   0x02F1_0000  UINTC             (uintr.md)
 *   0x0C00_0000  PLIC
 *   0x1000_0000  UART 16550A       IRQ 10
 *   0x1000_1000  virtio-mmio ×8    IRQ 1..8 (first device in the last slot)
 *   0x8000_0000  RAM
 */
export const MemoryMap = {
  bootRom: { base: 0x0000_1000, size: 0x1000 },
  testDevice: { base: 0x0010_0000, size: 0x1000 },
  clint: { base: 0x0200_0000, size: 0x10000 },
  uintc: { base: 0x02f1_0000, size: 0x4000 },
  plic: { base: 0x0c00_0000, size: 0x60_0000 },
  uart: { base: 0x1000_0000, size: 0x100, irq: 10 },
  virtio: { base: 0x1000_1000, stride: 0x1000, count: 8, firstIrq: 1 },
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
