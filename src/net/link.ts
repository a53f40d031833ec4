/**
 * The wire: a full-duplex Ethernet link between two endpoints (side 0: the guest's NIC,
 * side 1: the host side), with a one-way latency and a bandwidth, on the machine's event
 * queue (architecture.md §3). A frame sent at cycle t leaves when the sender's direction is
 * free, occupies it for its serialisation time, and arrives `latency` cycles after its last
 * bit left. Each direction buffers at most `queueFrames` frames in flight; more are dropped
 * (counted), as a switch port drops on overflow. Frames are copied into preallocated slots:
 * nothing is allocated per frame.
 *
 * Serialisation counts what a real link carries: the frame padded to 60 bytes plus 24 bytes
 * of preamble/SFD (8), FCS (4) and inter-frame gap (12).
 */
import type { EventQueue, TimedHandler } from '../hw/events';
import { ETHERNET_MAX_FRAME, ETHERNET_MIN_FRAME } from './wire/ethernet';

/** One end of the link. */
export interface FrameEndpoint {
  /** A frame arrives at cycle `time`; frame[0, len) is valid only during the call. */
  receiveFrame(frame: Uint8Array, len: number, time: number): void;
}

/** Sees every frame that enters the wire (pcap), with the side that sent it. */
export type FrameTap = (frame: Uint8Array, len: number, time: number, fromSide: 0 | 1) => void;

export interface LinkConfig {
  /** One-way latency in cycles (default 0). */
  latencyCycles?: number;
  /** Cycles per byte on the wire (may be fractional); 0 = infinitely fast (default). */
  cyclesPerByte?: number;
  /** Frames in flight per direction before the link drops (default 256). */
  queueFrames?: number;
}

/** Preamble + SFD, FCS, inter-frame gap: bytes a frame costs on the wire besides its own. */
export const ETHERNET_WIRE_OVERHEAD = 8 + 4 + 12;

export interface LinkCounters {
  /** Frames and bytes that entered the wire, per sending side. */
  frames: [number, number];
  bytes: [number, number];
  /** Frames dropped because the direction's queue was full, per sending side. */
  dropped: [number, number];
}

class Direction {
  readonly slots: Uint8Array[];
  readonly lens: Int32Array;
  head = 0;
  count = 0;
  /** Cycle (possibly fractional) at which the last queued frame has fully left. */
  busyUntil = 0;

  constructor(n: number) {
    this.slots = Array.from({ length: n }, () => new Uint8Array(ETHERNET_MAX_FRAME));
    this.lens = new Int32Array(n);
  }
}

export class Link implements TimedHandler {
  readonly latencyCycles: number;
  readonly cyclesPerByte: number;
  readonly counters: LinkCounters = { frames: [0, 0], bytes: [0, 0], dropped: [0, 0] };
  private readonly dirs: [Direction, Direction];
  private readonly ends: [FrameEndpoint | undefined, FrameEndpoint | undefined] = [undefined, undefined];
  private readonly handlerId: number;

  constructor(private readonly events: EventQueue, config: LinkConfig = {}, private readonly tap?: FrameTap) {
    this.latencyCycles = config.latencyCycles ?? 0;
    this.cyclesPerByte = config.cyclesPerByte ?? 0;
    const n = config.queueFrames ?? 256;
    this.dirs = [new Direction(n), new Direction(n)];
    this.handlerId = events.register(this);
  }

  /** Connects an endpoint to side 0 (the NIC) or side 1 (the host). */
  attach(side: 0 | 1, end: FrameEndpoint): void {
    this.ends[side] = end;
  }

  /**
   * Sends frame[0, len) from `side` at cycle `now`. False when the frame was dropped (too long
   * for Ethernet, or the direction's queue is full).
   */
  send(side: 0 | 1, frame: Uint8Array, len: number, now: number): boolean {
    const d = this.dirs[side];
    if (len > ETHERNET_MAX_FRAME || d.count === d.lens.length) {
      this.counters.dropped[side]++;
      return false;
    }
    const slot = (d.head + d.count) % d.lens.length;
    d.slots[slot].set(frame.subarray(0, len));
    d.lens[slot] = len;
    d.count++;
    const start = Math.max(now, d.busyUntil);
    d.busyUntil = start + (Math.max(len, ETHERNET_MIN_FRAME) + ETHERNET_WIRE_OVERHEAD) * this.cyclesPerByte;
    this.counters.frames[side]++;
    this.counters.bytes[side] += len;
    this.tap?.(frame, len, now, side);
    this.events.schedule(Math.ceil(d.busyUntil) + this.latencyCycles, this.handlerId, side);
    return true;
  }

  /** A frame sent from side `tag` reaches the other side. */
  onEvent(tag: number, time: number): void {
    const d = this.dirs[tag];
    const slot = d.head;
    // Deliver before freeing the slot: the bytes stay put during the call.
    this.ends[tag === 0 ? 1 : 0]?.receiveFrame(d.slots[slot], d.lens[slot], time);
    d.head = (d.head + 1) % d.lens.length;
    d.count--;
  }
}
