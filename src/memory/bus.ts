/**
 * The physical address space: RAM, fetchable ROM regions and MMIO devices. Physical addresses
 * are JS numbers (exact below 2^53); anything not mapped is an access fault (a `false` return).
 * Values cross as two int32 halves (lo, hi); nothing here allocates per access.
 *
 * The bus also owns what several harts share about memory:
 *  - LR/SC reservations (one per hart): any store or AMO to a reserved 8-byte granule clears
 *    the reservations held on it;
 *  - watched RAM words (HTIF tohost): a callback fires after a store touches the 8-byte word;
 *  - per-page code generations (Ram.codeMark/codeGen) so harts can cache decoded instructions.
 */
import { RvnError } from '../errors';
import type { MmioDevice } from '../hw/device';
import type { DmaPort } from '../hw/dma';
import { MemoryMap } from '../hw/memmap';
import { ChunkSize, Ram, Rom } from './ram';

export interface BusConfig {
  /** RAM base (default 0x8000_0000) and size in bytes (default 128 MiB). */
  ramBase?: number;
  ramSize?: number;
}

interface Mapping {
  base: number;
  end: number;
  device: MmioDevice;
}

interface Watch {
  word: number;
  callback: (paddr: number) => void;
}

/** codeMark bits (one byte per RAM page): decoded code, a watch, a spinning hart's granule. */
export const enum PageMark { Code = 1, Watched = 2, Spin = 4 } // a const enum, as Ms (src/csr/csrfile.ts)

export class Bus implements DmaPort {
  readonly ram: Ram;
  private readonly roms: Rom[] = [];
  private readonly devices: Mapping[] = [];
  private readonly watches: Watch[] = [];
  /** Reserved granule (paddr & ~7) per hart id, -1 when none. */
  private readonly reservations: number[] = [];
  /**
   * Per code page (by RAM page number), one bit per halfword holding part of a decoded
   * instruction: consulted only when a store hits a code granule (Ram.codeBits).
   */
  private readonly codeHalves = new Map<number, Uint32Array>();
  /** Number of harts currently holding a reservation (0 → stores skip the check). */
  reservationCount = 0;
  /**
   * Several harts: the RAM offset of the 8-byte granule each hart spins on (Hart.spinGranule;
   * -1 when none), and who is told when a store writes it (the machine: the hart no longer
   * spins, and the storing hart stops so that the scheduler looks again; docs/cpu.md).
   */
  private readonly spinGranules: number[] = [];
  onSpinStore: ((hartId: number) => void) | undefined = undefined;
  private readonly tmp = new Int32Array(2);
  /** Staging for accesses beyond RAM chunk 0 (Ram.read/write). */
  private readonly tmpBytes = new Uint8Array(8);

  constructor(config: BusConfig = {}) {
    this.ram = new Ram(config.ramBase ?? MemoryMap.ram.base, config.ramSize ?? MemoryMap.ram.defaultSize);
  }

  /** Maps a read-only, fetchable region (e.g. the boot ROM). */
  addRom(base: number, bytes: Uint8Array): void {
    this.checkFree(base, bytes.length, 'ROM');
    this.roms.push(new Rom(base, bytes.slice()));
  }

  /** Attaches an MMIO device at `base` (its window is device.size bytes). */
  attach(base: number, device: MmioDevice): void {
    this.checkFree(base, device.size, device.name);
    this.devices.push({ base, end: base + device.size, device });
  }

  private checkFree(base: number, size: number, what: string): void {
    const end = base + size;
    const overlaps = (b: number, e: number): boolean => base < e && b < end;
    const r = this.ram;
    if (
      overlaps(r.base, r.base + r.size) ||
      this.roms.some((m) => overlaps(m.base, m.base + m.bytes.length)) ||
      this.devices.some((m) => overlaps(m.base, m.end))
    ) {
      throw new RvnError(`${what} at 0x${base.toString(16)} overlaps another region`);
    }
  }

  /** The device mapped at `paddr`, or undefined. */
  deviceAt(paddr: number): MmioDevice | undefined {
    return this.findDevice(paddr)?.device;
  }

  private findDevice(paddr: number): Mapping | undefined {
    for (const m of this.devices) if (paddr >= m.base && paddr < m.end) return m;
    return undefined;
  }

  /** Whether [paddr, paddr+size) lies inside RAM. */
  isRam(paddr: number, size: number): boolean {
    const off = paddr - this.ram.base;
    return off >= 0 && off + size <= this.ram.size;
  }

  /** Whether paddr is in RAM or ROM (instructions may be fetched there). */
  isFetchable(paddr: number, size: number): boolean {
    if (this.isRam(paddr, size)) return true;
    return this.romAt(paddr, size) !== undefined;
  }

  private romAt(paddr: number, size: number): Rom | undefined {
    for (const r of this.roms) if (paddr >= r.base && paddr + size <= r.base + r.bytes.length) return r;
    return undefined;
  }

  /**
   * Loads `size` (1, 2, 4, 8) bytes at `paddr`, zero-extended, into out[0] (lo) / out[1] (hi).
   * Misaligned accesses are split into bytes. Returns false on an access fault.
   */
  load(paddr: number, size: number, out: Int32Array): boolean {
    const off = paddr - this.ram.base;
    if (off >= 0 && off + size <= this.ram.size) {
      if (off + size <= ChunkSize.BYTES) {
        readLe(this.ram.bytes, off, size, out);
      } else {
        this.ram.read(off, this.tmpBytes.subarray(0, size));
        readLe(this.tmpBytes, 0, size, out);
      }
      return true;
    }
    const rom = this.romAt(paddr, size);
    if (rom) {
      readLe(rom.bytes, paddr - rom.base, size, out);
      return true;
    }
    const m = this.findDevice(paddr);
    if (!m || paddr + size > m.end) return false;
    if ((paddr & (size - 1)) === 0) return m.device.read(paddr - m.base, size, out);
    // Misaligned device access: byte by byte.
    let lo = 0;
    let hi = 0;
    for (let i = 0; i < size; i++) {
      if (!m.device.read(paddr - m.base + i, 1, this.tmp)) return false;
      const b = this.tmp[0] & 0xff;
      if (i < 4) lo |= b << (8 * i);
      else hi |= b << (8 * (i - 4));
    }
    out[0] = lo;
    out[1] = hi;
    return true;
  }

  /** Stores the low `size` bytes of hi:lo at `paddr`. Returns false on an access fault. */
  store(paddr: number, size: number, lo: number, hi: number): boolean {
    const off = paddr - this.ram.base;
    if (off >= 0 && off + size <= this.ram.size) {
      if (off + size <= ChunkSize.BYTES) {
        writeLe(this.ram.bytes, off, size, lo, hi);
      } else {
        const b = this.tmpBytes.subarray(0, size);
        writeLe(b, 0, size, lo, hi);
        this.ram.write(off, b);
      }
      this.ramStored(off, size);
      return true;
    }
    const m = this.findDevice(paddr);
    if (!m || paddr + size > m.end) return false;
    if ((paddr & (size - 1)) === 0) return m.device.write(paddr - m.base, size, lo, hi);
    for (let i = 0; i < size; i++) {
      const b = i < 4 ? (lo >>> (8 * i)) & 0xff : (hi >>> (8 * (i - 4))) & 0xff;
      if (!m.device.write(paddr - m.base + i, 1, b, 0)) return false;
    }
    return true;
  }

  /**
   * Bookkeeping after a write to RAM offset `off` of `len` bytes (harts that write RAM directly
   * call this when `ram.codeMark[page] !== 0 || reservationCount !== 0`): reservations on the
   * bytes are broken, decoded code in the 64-byte granules written is invalidated (the whole
   * page's: its generation changes, every hart re-decodes it), watches fire. Returns true when
   * decoded code was invalidated.
   */
  ramStored(off: number, len: number): boolean {
    const ram = this.ram;
    const p0 = Math.floor(off / 4096);
    const p1 = Math.floor((off + len - 1) / 4096);
    const marks = ram.codeMark[p0] | ram.codeMark[p1];
    if (this.reservationCount !== 0) this.clearReservations(ram.base + off, len);
    if (marks === 0) return false;
    let invalidated = false;
    for (let p = p0; p <= p1; p++) {
      if ((ram.codeMark[p] & PageMark.Code) === 0) continue;
      const from = Math.max(off, p * 4096) - p * 4096;
      const to = Math.min(off + len, (p + 1) * 4096) - p * 4096; // exclusive, in the page
      if (touchesCode(ram.codeBits, p, from, to) && this.touchesInstruction(p, from, to)) {
        this.invalidateCode(p);
        invalidated = true;
      }
    }
    if ((marks & PageMark.Watched) !== 0) this.fireWatches(ram.base + off, len);
    if ((marks & PageMark.Spin) !== 0) this.spinStored(off, len);
    return invalidated;
  }

  /** Hart `hartId` spins on the granule at RAM offset `off` (-1: no longer); see spinGranules. */
  setSpinGranule(hartId: number, off: number): void {
    const g = this.spinGranules;
    while (g.length <= hartId) g.push(-1);
    const old = g[hartId];
    if (old === off) return;
    g[hartId] = off;
    if (old >= 0) this.markSpinPage(Math.floor(old / 4096));
    if (off >= 0) this.markSpinPage(Math.floor(off / 4096));
  }

  /** Sets or clears PageMark.Spin of a RAM page: whether a spinning hart's granule is in it. */
  private markSpinPage(page: number): void {
    let any = false;
    for (const o of this.spinGranules) if (o >= 0 && Math.floor(o / 4096) === page) any = true;
    const marks = this.ram.codeMark;
    marks[page] = any ? marks[page] | PageMark.Spin : marks[page] & ~PageMark.Spin;
  }

  private spinStored(off: number, len: number): void {
    const g = this.spinGranules;
    for (let h = 0; h < g.length; h++) {
      const o = g[h];
      if (o >= 0 && off < o + 8 && o < off + len) {
        this.setSpinGranule(h, -1);
        this.onSpinStore?.(h);
      }
    }
  }

  /** Whether bytes [from, to) of page p overlap a decoded instruction (its halfwords). */
  private touchesInstruction(p: number, from: number, to: number): boolean {
    const halves = this.codeHalves.get(p);
    if (halves === undefined) return false;
    for (let i = from >>> 1; i <= (to - 1) >>> 1; i++) if ((halves[i >>> 5] & (1 << (i & 31))) !== 0) return true;
    return false;
  }

  /** Forgets the decoded code of RAM page p: every hart re-decodes it when it next enters it. */
  private invalidateCode(p: number): void {
    const ram = this.ram;
    ram.codeMark[p] &= ~PageMark.Code;
    ram.codeBits[2 * p] = 0;
    ram.codeBits[2 * p + 1] = 0;
    this.codeHalves.delete(p);
    ram.codeGen[p]++;
  }

  /** Records that RAM offsets [off, off + len) (in one page) hold a decoded instruction. */
  markCodeBytes(off: number, len: number): void {
    const p = Math.floor(off / 4096);
    const o = off - p * 4096;
    const bits = this.ram.codeBits;
    for (let g = o >>> 6; g <= (o + len - 1) >>> 6 && g < 64; g++) bits[2 * p + (g >>> 5)] |= 1 << (g & 31);
    let halves = this.codeHalves.get(p);
    if (halves === undefined) this.codeHalves.set(p, (halves = new Uint32Array(64)));
    for (let i = o >>> 1; i <= (o + len - 1) >>> 1 && i < 2048; i++) halves[i >>> 5] |= 1 << (i & 31);
  }

  private fireWatches(paddr: number, len: number): void {
    for (const w of this.watches) {
      if (paddr < w.word + 8 && w.word < paddr + len) w.callback(w.word);
    }
  }

  /**
   * Calls `callback(wordAddress)` after every store that touches the 8-byte RAM word containing
   * `paddr` (HTIF tohost).
   */
  watchRam(paddr: number, callback: (paddr: number) => void): void {
    if (!this.isRam(paddr, 1)) throw new RvnError(`watched address 0x${paddr.toString(16)} is not in RAM`);
    const word = paddr - (paddr % 8);
    this.watches.push({ word, callback });
    for (let p = Math.floor((word - this.ram.base) / 4096); p <= Math.floor((word + 7 - this.ram.base) / 4096); p++) {
      this.ram.codeMark[p] |= PageMark.Watched;
    }
  }

  /** Marks a RAM page as holding decoded instructions; returns its current generation. */
  markCode(ramPage: number): number {
    this.ram.codeMark[ramPage] |= PageMark.Code;
    // The page's instruction map is made here, once, rather than by the first markCodeBytes(),
    // which decoders call inline: that path would be taken only by a run's first decodes, before
    // V8 has type feedback for it, and code V8 optimised (the bench's machines share the
    // interpreter) would deoptimise at the next machine's first decode.
    if (!this.codeHalves.has(ramPage)) this.codeHalves.set(ramPage, new Uint32Array(64));
    return this.ram.codeGen[ramPage];
  }

  // --- LR/SC reservations -------------------------------------------------------------------

  /** LR: hart `hartId` reserves the 8-byte granule containing paddr. */
  reserve(hartId: number, paddr: number): void {
    while (this.reservations.length <= hartId) this.reservations.push(-1);
    if (this.reservations[hartId] < 0) this.reservationCount++;
    this.reservations[hartId] = paddr - (paddr % 8);
  }

  /** SC: whether hart `hartId` still holds a reservation on paddr's granule; always clears it. */
  takeReservation(hartId: number, paddr: number): boolean {
    const r = hartId < this.reservations.length ? this.reservations[hartId] : -1;
    if (r < 0) return false;
    this.reservations[hartId] = -1;
    this.reservationCount--;
    return r === paddr - (paddr % 8);
  }

  /** Drops hart `hartId`'s reservation (trap entry, xRET). */
  dropReservation(hartId: number): void {
    if (hartId < this.reservations.length && this.reservations[hartId] >= 0) {
      this.reservations[hartId] = -1;
      this.reservationCount--;
    }
  }

  private clearReservations(paddr: number, len: number): void {
    const res = this.reservations;
    for (let h = 0; h < res.length; h++) {
      const r = res[h];
      if (r >= 0 && paddr < r + 8 && r < paddr + len) {
        res[h] = -1;
        this.reservationCount--;
      }
    }
  }

  // --- device DMA (src/hw/dma.ts): RAM only, with every effect of a hart store ---------------

  dmaRead(paddr: number, dst: Uint8Array): boolean {
    if (!this.isRam(paddr, dst.length)) return false;
    this.ram.read(paddr - this.ram.base, dst);
    return true;
  }

  dmaWrite(paddr: number, src: Uint8Array): boolean {
    if (!this.isRam(paddr, src.length)) return false;
    if (src.length === 0) return true;
    const off = paddr - this.ram.base;
    this.ram.write(off, src);
    this.ramStored(off, src.length);
    return true;
  }

  // --- host-side helpers (loader, tests) ----------------------------------------------------

  /** Copies bytes into RAM or a ROM region (host side: no faults, no watches fired). */
  writeBytes(paddr: number, data: Uint8Array): void {
    if (this.isRam(paddr, data.length)) {
      const off = paddr - this.ram.base;
      this.ram.write(off, data);
      for (let p = Math.floor(off / 4096); p <= Math.floor((off + Math.max(data.length, 1) - 1) / 4096); p++) {
        if ((this.ram.codeMark[p] & PageMark.Code) !== 0) this.invalidateCode(p);
      }
      return;
    }
    const rom = this.romAt(paddr, data.length);
    if (!rom) throw new RvnError(`cannot load ${data.length} bytes at 0x${paddr.toString(16)}: not RAM or ROM`);
    rom.bytes.set(data, paddr - rom.base);
  }

  /** Copies `length` bytes out of RAM or ROM (host side). */
  readBytes(paddr: number, length: number): Uint8Array {
    if (this.isRam(paddr, length)) {
      const out = new Uint8Array(length);
      this.ram.read(paddr - this.ram.base, out);
      return out;
    }
    const rom = this.romAt(paddr, length);
    if (!rom) throw new RvnError(`cannot read ${length} bytes at 0x${paddr.toString(16)}: not RAM or ROM`);
    return rom.bytes.slice(paddr - rom.base, paddr - rom.base + length);
  }
}

/** Whether bytes [from, to) of page p include a granule marked as holding decoded code. */
function touchesCode(bits: Uint32Array, p: number, from: number, to: number): boolean {
  for (let g = from >>> 6; g <= (to - 1) >>> 6; g++) {
    if ((bits[2 * p + (g >>> 5)] & (1 << (g & 31))) !== 0) return true;
  }
  return false;
}

/** Little-endian read of `size` bytes into out[0..1]. */
function readLe(b: Uint8Array, off: number, size: number, out: Int32Array): void {
  if (size === 1) {
    out[0] = b[off];
    out[1] = 0;
  } else if (size === 2) {
    out[0] = b[off] | (b[off + 1] << 8);
    out[1] = 0;
  } else {
    out[0] = b[off] | (b[off + 1] << 8) | (b[off + 2] << 16) | (b[off + 3] << 24);
    out[1] = size === 8 ? b[off + 4] | (b[off + 5] << 8) | (b[off + 6] << 16) | (b[off + 7] << 24) : 0;
  }
}

function writeLe(b: Uint8Array, off: number, size: number, lo: number, hi: number): void {
  b[off] = lo;
  if (size === 1) return;
  b[off + 1] = lo >>> 8;
  if (size === 2) return;
  b[off + 2] = lo >>> 16;
  b[off + 3] = lo >>> 24;
  if (size === 4) return;
  b[off + 4] = hi;
  b[off + 5] = hi >>> 8;
  b[off + 6] = hi >>> 16;
  b[off + 7] = hi >>> 24;
}
