/**
 * Test doubles for the virtio tests: guest RAM behind a DmaPort, and a driver that lays out
 * split virtqueues in it exactly as virtio 1.2 §2.7 describes (written here from the spec,
 * independently of src/virtio), and talks to a device through its MMIO registers.
 */
import type { DmaPort } from '../../src/hw/dma';

export const RAM_BASE = 0x8000_0000;

/** RAM at RAM_BASE; DMA outside it is refused, as the bus does. */
export class FakeRam implements DmaPort {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  reads = 0;
  writes = 0;
  constructor(readonly size = 1 << 20) {
    this.bytes = new Uint8Array(size);
    this.view = new DataView(this.bytes.buffer);
  }
  private inside(paddr: number, len: number): boolean {
    return paddr >= RAM_BASE && paddr + len <= RAM_BASE + this.size;
  }
  dmaRead(paddr: number, dst: Uint8Array): boolean {
    if (!this.inside(paddr, dst.length)) return false;
    this.reads++;
    dst.set(this.bytes.subarray(paddr - RAM_BASE, paddr - RAM_BASE + dst.length));
    return true;
  }
  dmaWrite(paddr: number, src: Uint8Array): boolean {
    if (!this.inside(paddr, src.length)) return false;
    this.writes++;
    this.bytes.set(src, paddr - RAM_BASE);
    return true;
  }
  u16(a: number): number {
    return this.view.getUint16(a - RAM_BASE, true);
  }
  u32(a: number): number {
    return this.view.getUint32(a - RAM_BASE, true);
  }
  setU16(a: number, v: number): void {
    this.view.setUint16(a - RAM_BASE, v, true);
  }
  setU32(a: number, v: number): void {
    this.view.setUint32(a - RAM_BASE, v, true);
  }
  setU64(a: number, v: number): void {
    this.view.setUint32(a - RAM_BASE, v % 2 ** 32, true);
    this.view.setUint32(a - RAM_BASE + 4, Math.floor(v / 2 ** 32), true);
  }
  put(a: number, data: Uint8Array): void {
    this.bytes.set(data, a - RAM_BASE);
  }
  get(a: number, len: number): Uint8Array {
    return this.bytes.slice(a - RAM_BASE, a - RAM_BASE + len);
  }
}

export const F = { next: 1, write: 2, indirect: 4 } as const;

/** One split virtqueue's memory, laid out by the driver (§2.7: desc 16-aligned, avail 2, used 4). */
export class DriverQueue {
  availIdx = 0;
  lastUsed = 0;
  constructor(
    readonly ram: FakeRam,
    readonly size: number,
    readonly desc: number,
    readonly avail: number,
    readonly used: number,
  ) {}

  /** A queue at `base` with the three parts one after the other (sizes from §2.7's table). */
  static at(ram: FakeRam, base: number, size: number): DriverQueue {
    const desc = base;
    const avail = desc + 16 * size;
    const used = Math.ceil((avail + 6 + 2 * size) / 4) * 4;
    return new DriverQueue(ram, size, desc, avail, used);
  }

  setDesc(i: number, addr: number, len: number, flags: number, next = 0, table = this.desc): void {
    const a = table + 16 * i;
    this.ram.setU64(a, addr);
    this.ram.setU32(a + 8, len);
    this.ram.setU16(a + 12, flags);
    this.ram.setU16(a + 14, next);
  }

  /** Puts `head` in the available ring and bumps avail.idx (§2.7.13). */
  offer(head: number): void {
    this.ram.setU16(this.avail + 4 + 2 * (this.availIdx % this.size), head);
    this.availIdx = (this.availIdx + 1) & 0xffff;
    this.ram.setU16(this.avail + 2, this.availIdx);
  }

  get usedIdx(): number {
    return this.ram.u16(this.used + 2);
  }

  /** Used element i of the ring: [id, len]. */
  usedElem(i: number): [number, number] {
    const a = this.used + 4 + 8 * (i % this.size);
    return [this.ram.u32(a), this.ram.u32(a + 4)];
  }

  set availFlags(v: number) {
    this.ram.setU16(this.avail, v);
  }
  /** used_event, at the end of the available ring (EVENT_IDX). */
  set usedEvent(v: number) {
    this.ram.setU16(this.avail + 4 + 2 * this.size, v);
  }
  /** avail_event, at the end of the used ring (EVENT_IDX). */
  get availEvent(): number {
    return this.ram.u16(this.used + 4 + 8 * this.size);
  }
}

/** A deterministic PRNG (xorshift32) for the fuzz tests. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}
