/**
 * virtio-net (virtio 1.2 §5.1) behind the virtio-mmio transport: one receive queue (0) and
 * one transmit queue (1), the MAC address and link status in configuration space, and the
 * 12-byte virtio_net_hdr of VERSION_1 in front of every frame. Features offered: MAC,
 * STATUS, MRG_RXBUF, INDIRECT_DESC, EVENT_IDX (and VERSION_1 from the transport) — what
 * U-Boot (MAC) and Linux (all of them) negotiate; no checksum or segmentation offload.
 *
 * Timing (docs/network.md): the device handles one frame at a time per direction; a frame of
 * b bytes (header included) takes `frameCycles + ceil(b / bytesPerCycle)` cycles from the
 * moment the device takes it until its used element and interrupt appear. Every guest-memory
 * access happens in an event on the machine's queue, never inside a hart's MMIO access.
 *
 * Bad input never throws: a queue that breaks the spec sets DEVICE_NEEDS_RESET; a frame the
 * device cannot send or deliver is dropped and counted.
 */
import type { MachineClock } from '../hw/device';
import type { EventQueue, TimedHandler } from '../hw/events';
import type { FrameEndpoint } from '../net/link';
import { ETHERNET_HEADER_LEN, ETHERNET_MAX_FRAME } from '../net/wire/ethernet';
import type { Mac } from '../net/wire/addr';
import { Chain } from '../virtio/queue';
import type { VirtioDevice, VirtioTransport } from '../virtio/mmio';
import { TransportFeature, featureSet, hasFeature } from '../virtio/regs';
import type { Features } from '../virtio/regs';

export const VIRTIO_ID_NET = 1;

/** Device feature bits (§5.1.3). */
export const NetFeature = { mac: 5, mrgRxbuf: 15, status: 16 } as const;
/** Configuration space: mac[6] at 0, le16 status at 6 (§5.1.4). */
export const NetConfig = { mac: 0, status: 6, size: 8 } as const;
export const NET_S_LINK_UP = 1;
/** struct virtio_net_hdr with VERSION_1: flags, gso_type, hdr_len, gso_size, csum_start, csum_offset, num_buffers. */
export const NET_HDR_LEN = 12;
export const NetHdr = { flags: 0, gsoType: 1, numBuffers: 10 } as const;
const GSO_NONE = 0;

export const RX_QUEUE = 0;
export const TX_QUEUE = 1;
/** QueueSizeMax of both queues (QEMU's default for virtio-net). */
export const NET_QUEUE_SIZE = 256;
/** Frames the device holds while the driver has no receive buffers posted; more are dropped. */
export const RX_BACKLOG_FRAMES = 64;

/** Where transmitted frames go (the wire's NIC side). */
export interface FrameSender {
  send(frame: Uint8Array, len: number, now: number): void;
}

export interface VirtioNetTiming {
  /** Fixed cycles per frame (descriptor processing, used-ring update). */
  frameCycles: number;
  /** DMA bytes per cycle (the per-byte cost is its inverse). */
  bytesPerCycle: number;
}

export interface VirtioNetConfig {
  mac: Mac;
  clock: MachineClock;
  events: EventQueue;
  timing: VirtioNetTiming;
}

/** Counters shown by --stats; drops carry their reason. */
export interface VirtioNetCounters {
  txFrames: number;
  txBytes: number;
  rxFrames: number;
  rxBytes: number;
  /** Transmit chains that were not a frame: header short, frame < 14 or > 1514 bytes, GSO requested. */
  txMalformed: number;
  /** Frames that arrived while the driver had not set DRIVER_OK (or the link was down). */
  rxNotReady: number;
  /** Frames dropped because the backlog was full (no receive buffers posted). */
  rxNoBuffer: number;
  /** Frames larger than the receive buffers (without MRG_RXBUF, a single chain must hold one). */
  rxTooBig: number;
}

const enum Tag {
  RxKick = 0,
  RxDone = 1,
  TxKick = 2,
  TxDone = 3,
}

export class VirtioNet implements VirtioDevice, FrameEndpoint, TimedHandler {
  readonly deviceId = VIRTIO_ID_NET;
  readonly features: Features = featureSet([
    NetFeature.mac, NetFeature.status, NetFeature.mrgRxbuf, TransportFeature.indirectDesc, TransportFeature.eventIdx,
  ]);
  readonly queueSizes = [NET_QUEUE_SIZE, NET_QUEUE_SIZE];
  readonly configSize = NetConfig.size;
  readonly counters: VirtioNetCounters = {
    txFrames: 0, txBytes: 0, rxFrames: 0, rxBytes: 0, txMalformed: 0, rxNotReady: 0, rxNoBuffer: 0, rxTooBig: 0,
  };
  readonly mac: Mac;
  linkUp = true;
  /** Where transmitted frames go; unset = nowhere (frames are counted and dropped). */
  sender: FrameSender | undefined;

  private transport!: VirtioTransport;
  private readonly clock: MachineClock;
  private readonly events: EventQueue;
  private readonly timing: VirtioNetTiming;
  private readonly handlerId: number;

  // Transmit: one chain in flight, its frame gathered in txBuf.
  private txBusy = false;
  private readonly txChain = new Chain(NET_QUEUE_SIZE);
  private readonly txBuf = new Uint8Array(NET_HDR_LEN + ETHERNET_MAX_FRAME);
  private txLen = 0;
  private txValid = false;

  // Receive: frames wait in a ring of preallocated slots; rxBusy while one is being written.
  private rxBusy = false;
  private readonly rxSlots: Uint8Array[];
  private readonly rxLens = new Int32Array(RX_BACKLOG_FRAMES);
  private rxHead = 0;
  private rxCount = 0;
  private readonly rxChains: Chain[];

  constructor(cfg: VirtioNetConfig) {
    this.mac = cfg.mac.slice();
    this.clock = cfg.clock;
    this.events = cfg.events;
    this.timing = cfg.timing;
    this.handlerId = cfg.events.register(this);
    this.rxSlots = Array.from({ length: RX_BACKLOG_FRAMES }, () => new Uint8Array(NET_HDR_LEN + ETHERNET_MAX_FRAME));
    // A frame of 1526 bytes over buffers of at least a header each: at most 128 chains.
    this.rxChains = Array.from({ length: Math.ceil((NET_HDR_LEN + ETHERNET_MAX_FRAME) / NET_HDR_LEN) }, () => new Chain(NET_QUEUE_SIZE));
  }

  attach(transport: VirtioTransport): void {
    this.transport = transport;
  }

  readConfig(offset: number, size: number): number {
    let v = 0;
    for (let i = size - 1; i >= 0; i--) v = (v << 8) | this.configByte(offset + i);
    return v;
  }

  private configByte(off: number): number {
    if (off < NetConfig.status) return this.mac[off];
    if (off === NetConfig.status) return this.linkUp ? NET_S_LINK_UP : 0;
    return 0;
  }

  /** Changes the link status (config space, and a configuration-change interrupt). */
  setLinkUp(up: boolean): void {
    if (up === this.linkUp) return;
    this.linkUp = up;
    this.transport.configChanged();
  }

  start(): void {
    this.kick(Tag.RxKick);
    this.kick(Tag.TxKick);
  }

  notify(q: number): void {
    if (q === TX_QUEUE && !this.txBusy) this.kick(Tag.TxKick);
    if (q === RX_QUEUE && !this.rxBusy && this.rxCount > 0) this.kick(Tag.RxKick);
  }

  reset(): void {
    for (const t of [Tag.RxKick, Tag.RxDone, Tag.TxKick, Tag.TxDone]) this.events.cancel(this.handlerId, t);
    this.txBusy = this.rxBusy = false;
    this.rxHead = this.rxCount = 0;
  }

  /** Queue processing happens in an event at the current cycle, outside the hart's access. */
  private kick(tag: Tag): void {
    this.events.cancel(this.handlerId, tag);
    this.events.schedule(this.clock.now, this.handlerId, tag);
  }

  onEvent(tag: number, time: number): void {
    if (!this.transport.operational) return;
    switch (tag) {
      case Tag.TxKick: if (!this.txBusy) this.startTx(time); break;
      case Tag.TxDone: this.finishTx(time); break;
      case Tag.RxKick: if (!this.rxBusy) this.startRx(time); break;
      case Tag.RxDone: this.finishRx(time); break;
    }
  }

  private cost(bytes: number): number {
    return this.timing.frameCycles + Math.ceil(bytes / this.timing.bytesPerCycle);
  }

  // --- transmit ---------------------------------------------------------------------------------

  private startTx(now: number): void {
    const q = this.transport.queues[TX_QUEUE];
    if (!q.ready) return;
    const pending = q.pending();
    if (typeof pending === 'string') return this.transport.fail(pending);
    if (pending === 0) {
      this.txBusy = false;
      return;
    }
    const err = q.peek(0, this.txChain);
    if (err !== undefined) return this.transport.fail(err);
    const n = q.gather(this.txChain, this.txBuf);
    if (n < 0) return this.transport.fail('buffer outside RAM');
    const frameLen = this.txChain.readBytes - NET_HDR_LEN;
    this.txValid = n >= NET_HDR_LEN && this.txBuf[NetHdr.gsoType] === GSO_NONE &&
      frameLen >= ETHERNET_HEADER_LEN && frameLen <= ETHERNET_MAX_FRAME;
    this.txLen = this.txValid ? frameLen : 0;
    this.txBusy = true;
    this.events.schedule(now + this.cost(Math.min(this.txChain.readBytes, this.txBuf.length)), this.handlerId, Tag.TxDone);
  }

  private finishTx(now: number): void {
    const q = this.transport.queues[TX_QUEUE];
    if (!q.consume(1) || !q.pushUsed(this.txChain.head, 0) || !q.publishUsed(1)) return this.transport.fail('queue area outside RAM');
    if (this.txValid) {
      this.counters.txFrames++;
      this.counters.txBytes += this.txLen;
      this.sender?.send(this.txBuf.subarray(NET_HDR_LEN), this.txLen, now);
    } else {
      this.counters.txMalformed++;
    }
    this.transport.usedBuffers(TX_QUEUE);
    this.startTx(now);
  }

  // --- receive ----------------------------------------------------------------------------------

  /** A frame from the wire. */
  receiveFrame(frame: Uint8Array, len: number, time: number): void {
    if (!this.transport.operational || !this.linkUp || !this.transport.queues[RX_QUEUE].ready) {
      this.counters.rxNotReady++;
      return;
    }
    if (this.rxCount === RX_BACKLOG_FRAMES) {
      this.counters.rxNoBuffer++;
      return;
    }
    const slot = (this.rxHead + this.rxCount) % RX_BACKLOG_FRAMES;
    const buf = this.rxSlots[slot];
    buf.fill(0, 0, NET_HDR_LEN);
    buf.set(frame.subarray(0, len), NET_HDR_LEN);
    this.rxLens[slot] = NET_HDR_LEN + len;
    this.rxCount++;
    if (!this.rxBusy) this.startRx(time);
  }

  private get mergeable(): boolean {
    return hasFeature(this.transport.negotiated, NetFeature.mrgRxbuf);
  }

  /** Starts writing the oldest waiting frame if the driver has posted room for it. */
  private startRx(now: number): void {
    if (this.rxCount === 0) return;
    const need = this.rxLens[this.rxHead];
    const chains = this.chainsFor(need);
    if (chains === undefined) return; // waits for buffers (or the queue failed)
    if (chains === 0) {
      this.counters.rxTooBig++;
      this.dropRxHead();
      return this.startRx(now);
    }
    this.rxBusy = true;
    this.events.schedule(now + this.cost(need), this.handlerId, Tag.RxDone);
  }

  /**
   * How many available chains a frame of `need` bytes takes: undefined when there are not
   * enough yet (or the queue is broken), 0 when no number of buffers can ever hold it.
   */
  private chainsFor(need: number): number | undefined {
    const q = this.transport.queues[RX_QUEUE];
    const pending = q.pending();
    if (typeof pending === 'string') {
      this.transport.fail(pending);
      return undefined;
    }
    const limit = this.mergeable ? Math.min(pending, this.rxChains.length) : Math.min(pending, 1);
    let room = 0;
    for (let k = 0; k < limit; k++) {
      const err = q.peek(k, this.rxChains[k]);
      if (err !== undefined) {
        this.transport.fail(err);
        return undefined;
      }
      const w = this.rxChains[k].writeBytes;
      if (this.mergeable && w < NET_HDR_LEN && k === 0) return 0; // §5.1.6.3.1: each buffer holds a header
      room += w;
      if (room >= need) return k + 1;
    }
    // One chain never holds it, or the most chains a frame may take (buffers of at least a
    // header each) do not: it can never be delivered.
    if (limit > 0 && (!this.mergeable || limit === this.rxChains.length)) return 0;
    return undefined;
  }

  private finishRx(now: number): void {
    this.rxBusy = false;
    const q = this.transport.queues[RX_QUEUE];
    // The same walk as in startRx(): a driver that keeps the rules changed nothing meanwhile.
    const chains = this.chainsFor(this.rxLens[this.rxHead]);
    if (chains === undefined) return;
    if (chains === 0) {
      this.counters.rxTooBig++;
      this.dropRxHead();
      return this.startRx(now);
    }
    const buf = this.rxSlots[this.rxHead];
    const total = this.rxLens[this.rxHead];
    buf[NetHdr.numBuffers] = chains;
    buf[NetHdr.numBuffers + 1] = 0;
    let off = 0;
    for (let k = 0; k < chains; k++) {
      const c = this.rxChains[k];
      const put = Math.min(c.writeBytes, total - off);
      if (!q.scatter(c, buf.subarray(off), put) || !q.pushUsed(c.head, put, k)) return this.transport.fail('buffer outside RAM');
      off += put;
    }
    if (!q.consume(chains) || !q.publishUsed(chains)) return this.transport.fail('queue area outside RAM');
    this.counters.rxFrames++;
    this.counters.rxBytes += total - NET_HDR_LEN;
    this.dropRxHead();
    this.transport.usedBuffers(RX_QUEUE);
    this.startRx(now);
  }

  private dropRxHead(): void {
    this.rxHead = (this.rxHead + 1) % RX_BACKLOG_FRAMES;
    this.rxCount--;
  }
}
