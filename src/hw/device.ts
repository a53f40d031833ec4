/**
 * The contracts between the machine and the devices on its bus.
 *
 * Values cross the bus as two 32-bit halves (`lo`, `hi`) so that no BigInt is needed anywhere
 * on a memory path. Devices are plain objects whose state is plain data (numbers, typed
 * arrays) so that a machine can be snapshotted later.
 */

/** A memory-mapped device occupying `size` bytes of the physical address space. */
export interface MmioDevice {
  /** Short name for diagnostics and the device tree (e.g. "clint", "uart0"). */
  readonly name: string;
  /** Size in bytes of the register window. */
  readonly size: number;
  /**
   * Reads `size` bytes (1, 2, 4 or 8) at `offset` within the window. The value, zero-extended
   * to 64 bits, goes to out[0] (low 32 bits) and out[1] (high 32 bits). Returns false when the
   * access is not supported (the hart then raises a load access fault).
   */
  read(offset: number, size: number, out: Int32Array): boolean;
  /** Writes the low `size` bytes of the 64-bit value hi:lo at `offset`. False = access fault. */
  write(offset: number, size: number, lo: number, hi: number): boolean;
}

/**
 * The machine's notion of "now" for devices: the cycle count of the hart that is performing
 * the current access, or the time of the event being delivered. Devices read it; only the
 * scheduler writes it.
 */
export interface MachineClock {
  readonly now: number;
}

/** Interrupt inputs of the harts that devices drive (CLINT, PLIC, UINTC). */
export interface HartIrqLines {
  /**
   * Drives the hardware-controlled pending bit `bit` (an mip bit number: 0 USIP line from the
   * UINTC, 3 MSIP, 7 MTIP, 9 SEIP, 11 MEIP) of hart `hartId` to `level`. Level-sensitive.
   */
  setHartIrq(hartId: number, bit: number, level: boolean): void;
}

/** An interrupt controller input (the PLIC's sources). */
export interface IrqSink {
  /** Drives interrupt source `source` (1..) to `level`. Level-sensitive. */
  setIrq(source: number, level: boolean): void;
}

/** The board's timer as the harts' `time` CSR sees it (the CLINT's mtime). */
export interface MtimeSource {
  /** mtime, in timebase ticks, at core cycle `cycle`. */
  mtimeAt(cycle: number): number;
}

/** A device that takes bytes from the host console (the UART's receiver). */
export interface ConsoleInput {
  /** Bytes typed or piped by the host, for the guest to read. */
  receive(bytes: ArrayLike<number>): void;
  /** Bytes received that the guest has not read yet. */
  readonly pendingInput: number;
}
