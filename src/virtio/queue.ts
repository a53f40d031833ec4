/**
 * The device side of a split virtqueue (virtio 1.2 §2.7): the driver's descriptor table and
 * available ring are read through DMA, chains are walked with every rule of the spec checked,
 * and used elements are written back. A queue that breaks a rule returns a QueueError; the
 * transport then sets DEVICE_NEEDS_RESET (§2.1.2) and the device stops using the queue.
 *
 * Layout (all little-endian):
 *   descriptor table  16 × size   { le64 addr; le32 len; le16 flags; le16 next }
 *   available ring    6 + 2·size  { le16 flags; le16 idx; le16 ring[size]; le16 used_event }
 *   used ring         6 + 8·size  { le16 flags; le16 idx; {le32 id; le32 len} ring[size]; le16 avail_event }
 *
 * Nothing is allocated per chain: a walk fills the preallocated Chain given to it.
 */
import type { DmaPort } from '../hw/dma';
import { AVAIL_F_NO_INTERRUPT, DESC_SIZE, DescFlag } from './regs';

/** Why a queue is unusable; each is a driver bug the device reports with DEVICE_NEEDS_RESET. */
export type QueueError =
  | 'queue size is not a power of two from 1 to the maximum'
  | 'queue area misaligned'
  | 'queue area outside RAM'
  | 'available index moved by more than the queue size'
  | 'head index outside the queue'
  | 'next index outside the table'
  | 'descriptor outside RAM'
  | 'descriptor loop'
  | 'chain longer than the queue size'
  | 'indirect descriptor without VIRTIO_F_INDIRECT_DESC'
  | 'indirect descriptor inside an indirect table'
  | 'indirect descriptor with NEXT set'
  | 'indirect table length not a non-zero multiple of 16 within the queue size'
  | 'device-readable descriptor after a device-writable one'
  | 'buffer outside RAM';

/** A walked descriptor chain: readable segments first, then writable ones. */
export class Chain {
  /** Head descriptor index (what goes into the used ring). */
  head = 0;
  /** Number of segments; the first `readable` are device-readable. */
  count = 0;
  readable = 0;
  readBytes = 0;
  writeBytes = 0;
  readonly addr: Float64Array;
  readonly len: Float64Array;

  constructor(maxSegments: number) {
    this.addr = new Float64Array(maxSegments);
    this.len = new Float64Array(maxSegments);
  }
}

const TWO32 = 2 ** 32;

export class SplitQueue {
  // Registers (written by the driver through the transport).
  size = 0;
  ready = false;
  descAddr = 0;
  availAddr = 0;
  usedAddr = 0;

  // Negotiated features that change how the ring is read.
  eventIdx = false;
  indirect = false;

  // Device-side state.
  /** Next available-ring slot the device will look at (free-running, mod 2^16). */
  lastAvail = 0;
  /** Used index the device has written (free-running, mod 2^16). */
  usedIdx = 0;
  /** Used index at the last notification decision (EVENT_IDX bookkeeping, as QEMU). */
  private signalledUsed = 0;
  private signalledValid = false;

  private readonly scratch = new Uint8Array(16);
  private readonly view = new DataView(this.scratch.buffer);
  /** Per-walk visit stamps: [0] the queue's table, [1] an indirect table. */
  private readonly seen: [Uint32Array, Uint32Array];
  private stamp = 0;

  constructor(readonly maxSize: number, private readonly dma: DmaPort) {
    this.seen = [new Uint32Array(maxSize), new Uint32Array(maxSize)];
  }

  /** Back to the state after a device reset. */
  reset(): void {
    this.size = 0;
    this.ready = false;
    this.descAddr = this.availAddr = this.usedAddr = 0;
    this.eventIdx = this.indirect = false;
    this.lastAvail = this.usedIdx = 0;
    this.signalledUsed = 0;
    this.signalledValid = false;
  }

  /** Checks the configuration when the driver sets QueueReady (size, alignment, areas in RAM). */
  validate(): QueueError | undefined {
    const n = this.size;
    if (n < 1 || n > this.maxSize || (n & (n - 1)) !== 0) return 'queue size is not a power of two from 1 to the maximum';
    if (this.descAddr % 16 !== 0 || this.availAddr % 2 !== 0 || this.usedAddr % 4 !== 0) return 'queue area misaligned';
    const extra = this.eventIdx ? 2 : 0;
    if (!this.inRam(this.descAddr, DESC_SIZE * n) || !this.inRam(this.availAddr, 4 + 2 * n + extra) || !this.inRam(this.usedAddr, 4 + 8 * n + extra)) {
      return 'queue area outside RAM';
    }
    return undefined;
  }

  /** RAM is one contiguous range: a range is inside it when its first and last bytes are. */
  private inRam(addr: number, len: number): boolean {
    const b = this.scratch.subarray(0, 1);
    return this.dma.dmaRead(addr, b) && this.dma.dmaRead(addr + len - 1, b);
  }

  private read16(addr: number): number | undefined {
    return this.dma.dmaRead(addr, this.scratch.subarray(0, 2)) ? this.view.getUint16(0, true) : undefined;
  }

  private write16(addr: number, v: number): boolean {
    this.view.setUint16(0, v, true);
    return this.dma.dmaWrite(addr, this.scratch.subarray(0, 2));
  }

  /** Chains the driver has made available and the device has not taken, or an error. */
  pending(): number | QueueError {
    const idx = this.read16(this.availAddr + 2);
    if (idx === undefined) return 'queue area outside RAM';
    const n = (idx - this.lastAvail) & 0xffff;
    return n > this.size ? 'available index moved by more than the queue size' : n;
  }

  /** Walks the chain in available slot lastAvail + k into `out` (without taking it). */
  peek(k: number, out: Chain): QueueError | undefined {
    const head = this.read16(this.availAddr + 4 + 2 * ((this.lastAvail + k) % this.size));
    if (head === undefined) return 'queue area outside RAM';
    if (head >= this.size) return 'head index outside the queue';
    return this.walk(head, out);
  }

  private nextStamp(): number {
    if (++this.stamp === 0xffff_ffff) {
      this.seen[0].fill(0);
      this.seen[1].fill(0);
      this.stamp = 1;
    }
    return this.stamp;
  }

  private walk(head: number, out: Chain): QueueError | undefined {
    const stamp = this.nextStamp();
    out.head = head;
    out.count = out.readable = out.readBytes = out.writeBytes = 0;
    let table = this.descAddr;
    let entries = this.size;
    let level = 0; // 0: the queue's table, 1: an indirect table
    let i = head;
    const v = this.view;
    for (;;) {
      if (this.seen[level][i] === stamp) return 'descriptor loop';
      this.seen[level][i] = stamp;
      if (!this.dma.dmaRead(table + DESC_SIZE * i, this.scratch)) return 'descriptor outside RAM';
      const addr = v.getUint32(0, true) + v.getUint32(4, true) * TWO32;
      const len = v.getUint32(8, true);
      const flags = v.getUint16(12, true);
      const next = v.getUint16(14, true);
      if ((flags & DescFlag.indirect) !== 0) {
        if (!this.indirect) return 'indirect descriptor without VIRTIO_F_INDIRECT_DESC';
        if (level === 1) return 'indirect descriptor inside an indirect table';
        if ((flags & DescFlag.next) !== 0) return 'indirect descriptor with NEXT set';
        if (len === 0 || len % DESC_SIZE !== 0 || len / DESC_SIZE > this.size) {
          return 'indirect table length not a non-zero multiple of 16 within the queue size';
        }
        table = addr;
        entries = len / DESC_SIZE;
        level = 1;
        i = 0;
        continue;
      }
      if (out.count === this.size) return 'chain longer than the queue size';
      out.addr[out.count] = addr;
      out.len[out.count] = len;
      out.count++;
      if ((flags & DescFlag.write) !== 0) {
        out.writeBytes += len;
      } else {
        if (out.count !== out.readable + 1) return 'device-readable descriptor after a device-writable one';
        out.readable++;
        out.readBytes += len;
      }
      if ((flags & DescFlag.next) === 0) return undefined;
      if (next >= entries) return 'next index outside the table';
      i = next;
    }
  }

  /** Takes `n` chains off the available ring (after peek()), and tells the driver where it is. */
  consume(n: number): boolean {
    this.lastAvail = (this.lastAvail + n) & 0xffff;
    // avail_event: "notify me when you make slot lastAvail available" (QEMU does the same).
    return this.eventIdx ? this.write16(this.usedAddr + 4 + 8 * this.size, this.lastAvail) : true;
  }

  /** Writes a used element for chain `head` with `len` bytes written; published by publishUsed(). */
  pushUsed(head: number, len: number, k = 0): boolean {
    const slot = (this.usedIdx + k) % this.size;
    this.view.setUint32(0, head, true);
    this.view.setUint32(4, len, true);
    return this.dma.dmaWrite(this.usedAddr + 4 + 8 * slot, this.scratch.subarray(0, 8));
  }

  /** Makes `n` used elements written by pushUsed() visible: used.idx += n. */
  publishUsed(n: number): boolean {
    this.usedIdx = (this.usedIdx + n) & 0xffff;
    return this.write16(this.usedAddr + 2, this.usedIdx);
  }

  /**
   * Whether the driver wants a used-buffer notification for what was published since the last
   * decision (§2.7.7): avail.flags without EVENT_IDX, used_event with it.
   */
  needsNotification(): boolean {
    if (!this.eventIdx) {
      const flags = this.read16(this.availAddr);
      return flags === undefined || (flags & AVAIL_F_NO_INTERRUPT) === 0;
    }
    const valid = this.signalledValid;
    const old = this.signalledUsed;
    const now = this.usedIdx;
    this.signalledValid = true;
    this.signalledUsed = now;
    const event = this.read16(this.availAddr + 4 + 2 * this.size);
    if (!valid || event === undefined) return true;
    return vringNeedEvent(event, now, old);
  }

  /** Copies the readable part of `c` into dst (at most dst.length bytes); -1 if outside RAM. */
  gather(c: Chain, dst: Uint8Array): number {
    let n = 0;
    for (let s = 0; s < c.readable && n < dst.length; s++) {
      const take = Math.min(c.len[s], dst.length - n);
      if (!this.dma.dmaRead(c.addr[s], dst.subarray(n, n + take))) return -1;
      n += take;
    }
    return n;
  }

  /**
   * Writes src[0, len) into the writable part of `c` from byte `skip` of that part; false if
   * a segment is outside RAM. The caller has checked that the space suffices.
   */
  scatter(c: Chain, src: Uint8Array, len: number, skip = 0): boolean {
    let n = 0;
    for (let s = c.readable; s < c.count && n < len; s++) {
      let segLen = c.len[s];
      let addr = c.addr[s];
      if (skip >= segLen) {
        skip -= segLen;
        continue;
      }
      addr += skip;
      segLen -= skip;
      skip = 0;
      const put = Math.min(segLen, len - n);
      if (!this.dma.dmaWrite(addr, src.subarray(n, n + put))) return false;
      n += put;
    }
    return true;
  }
}

/** vring_need_event (§2.7.10): whether `event` lies in (old, now] modulo 2^16. */
export function vringNeedEvent(event: number, now: number, old: number): boolean {
  return ((now - event - 1) & 0xffff) < ((now - old) & 0xffff);
}
