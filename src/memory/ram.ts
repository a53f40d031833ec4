/**
 * Guest RAM, allocated lazily: the RAM is cut into chunks of up to 2 GiB, each a zero-filled
 * ArrayBuffer created the first time a byte of it is written (reads of a chunk never written
 * return zeros without creating it). A zero-filled ArrayBuffer is itself backed by host pages
 * that the OS commits only when they are touched, so a 16 GiB guest that uses 10 MiB costs
 * about 10 MiB of host memory. The per-page metadata (code marks, generations and code granule
 * bits, 13 bytes per 4 KiB page) lives in single zero-filled arrays with the same lazy
 * commitment.
 *
 * Chunk 0 (the first 2 GiB of RAM, which holds every address below 4 GiB) is created with the
 * Ram, so that the hart's hot paths can use its views directly (`bytes`, `u16`, `i32`).
 *
 * Multi-byte views alias the bytes; the host is little-endian like RISC-V (every JS engine on
 * x86/ARM hosts), so aligned accesses use them directly.
 */
import { RvnError } from '../errors';

/**
 * The chunk size: 2 GiB (2^31), so that chunk offsets and their `>>> 2` stay below 2^31. A
 * const enum: every bus load and store compares against BYTES, and as a module's top-level
 * const (bundled as a `var`, and 2^31 is no small integer but a heap number) it was a load,
 * a check and an unboxing at each use.
 */
export const enum ChunkSize {
  BYTES = 0x8000_0000,
}

/** One allocated chunk: its byte, halfword and word views. */
export interface RamChunk {
  readonly bytes: Uint8Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
}

export class Ram {
  /** Chunks by index (offset / ChunkSize.BYTES); undefined until first written. */
  private readonly chunks: (RamChunk | undefined)[];
  /** Bytes of each chunk (the last one may be shorter). */
  readonly chunkBytes: number;
  /** Views of chunk 0: RAM offsets [0, chunkBytes), allocated with the Ram. */
  readonly bytes: Uint8Array;
  readonly u16: Uint16Array;
  readonly i32: Int32Array;
  /** One byte per 4 KiB page: set when the page holds predecoded instructions (see Bus). */
  readonly codeMark: Uint8Array;
  /** Per-page generation, bumped when a marked page is written (invalidates decoded code). */
  readonly codeGen: Uint32Array;
  /**
   * Per page, two words of bits: bit g set when the 64-byte granule g of the page holds (part
   * of) an instruction some hart decoded. A store to a code page that touches none of them
   * (data sharing a page with code) leaves the decoded code valid.
   */
  readonly codeBits: Uint32Array;

  constructor(
    readonly base: number,
    readonly size: number,
  ) {
    if (!Number.isSafeInteger(size) || size <= 0 || size % 4096 !== 0) {
      throw new RvnError(`RAM size must be a positive multiple of 4 KiB (got ${size})`);
    }
    if (!Number.isInteger(base) || base < 0 || base % 4096 !== 0) {
      throw new RvnError(`RAM base must be 4 KiB aligned (got ${base})`);
    }
    this.chunkBytes = Math.min(size, ChunkSize.BYTES);
    this.chunks = new Array<RamChunk | undefined>(Math.ceil(size / ChunkSize.BYTES)).fill(undefined);
    const first = this.chunk(0);
    this.bytes = first.bytes;
    this.u16 = first.u16;
    this.i32 = first.i32;
    this.codeMark = new Uint8Array(size / 4096);
    this.codeGen = new Uint32Array(size / 4096);
    this.codeBits = new Uint32Array((size / 4096) * 2);
  }

  /** Chunk `index`, created (zero-filled) if it does not exist yet. */
  chunk(index: number): RamChunk {
    let c = this.chunks[index];
    if (c === undefined) {
      const len = Math.min(ChunkSize.BYTES, this.size - index * ChunkSize.BYTES);
      const buf = new ArrayBuffer(len);
      c = { bytes: new Uint8Array(buf), u16: new Uint16Array(buf), i32: new Int32Array(buf) };
      this.chunks[index] = c;
    }
    return c;
  }

  /** Chunk `index` if it exists (undefined: never written, all zeros). */
  chunkIfAllocated(index: number): RamChunk | undefined {
    return this.chunks[index];
  }

  /** Number of chunks created so far (tests, memory reports). */
  get allocatedChunks(): number {
    let n = 0;
    for (const c of this.chunks) if (c !== undefined) n++;
    return n;
  }

  /** Copies `dst.length` bytes at RAM offset `off` into dst (zeros where nothing was written). */
  read(off: number, dst: Uint8Array): void {
    let done = 0;
    while (done < dst.length) {
      const o = off + done;
      const index = Math.floor(o / ChunkSize.BYTES);
      const inChunk = o - index * ChunkSize.BYTES;
      const n = Math.min(dst.length - done, ChunkSize.BYTES - inChunk);
      const c = this.chunks[index];
      if (c === undefined) dst.fill(0, done, done + n);
      else dst.set(c.bytes.subarray(inChunk, inChunk + n), done);
      done += n;
    }
  }

  /** Writes src at RAM offset `off` (creating the chunks it touches). */
  write(off: number, src: Uint8Array): void {
    let done = 0;
    while (done < src.length) {
      const o = off + done;
      const index = Math.floor(o / ChunkSize.BYTES);
      const inChunk = o - index * ChunkSize.BYTES;
      const n = Math.min(src.length - done, ChunkSize.BYTES - inChunk);
      this.chunk(index).bytes.set(src.subarray(done, done + n), inChunk);
      done += n;
    }
  }
}

/** A read-only, fetchable region (the boot ROM). */
export class Rom {
  constructor(
    readonly base: number,
    readonly bytes: Uint8Array,
  ) {}
}
