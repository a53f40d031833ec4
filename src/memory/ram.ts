/**
 * Guest RAM: one plain typed array at a physical base. A zero-filled ArrayBuffer is backed by
 * lazily committed host pages, so a 128 MiB guest that touches little memory costs little RSS.
 *
 * Multi-byte views (Int32Array / Uint16Array) alias the bytes; the host is little-endian like
 * RISC-V (every JS engine on x86/ARM hosts), so aligned accesses use them directly.
 */
import { RvnError } from '../errors';

export class Ram {
  readonly bytes: Uint8Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  /** One byte per 4 KiB page: set when the page holds predecoded instructions (see Bus). */
  readonly codeMark: Uint8Array;
  /** Per-page generation, bumped when a marked page is written (invalidates decoded code). */
  readonly codeGen: Uint32Array;

  constructor(
    readonly base: number,
    readonly size: number,
  ) {
    if (!Number.isInteger(size) || size <= 0 || size % 4096 !== 0) {
      throw new RvnError(`RAM size must be a positive multiple of 4 KiB (got ${size})`);
    }
    if (!Number.isInteger(base) || base < 0 || base % 4096 !== 0) {
      throw new RvnError(`RAM base must be 4 KiB aligned (got ${base})`);
    }
    const buf = new ArrayBuffer(size);
    this.bytes = new Uint8Array(buf);
    this.u16 = new Uint16Array(buf);
    this.i32 = new Int32Array(buf);
    this.codeMark = new Uint8Array(size >>> 12);
    this.codeGen = new Uint32Array(size >>> 12);
  }
}

/** A read-only, fetchable region (the boot ROM). */
export class Rom {
  constructor(
    readonly base: number,
    readonly bytes: Uint8Array,
  ) {}
}
