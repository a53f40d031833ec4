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
 *
 * Impairments (for testing a TCP): each direction can lose, duplicate and reorder frames with
 * given probabilities, decided by a seeded pseudo-random source per direction, so the same
 * seed and the same traffic give the same losses every run. A reordered frame is held back
 * `reorderDelayCycles` after its normal arrival, so frames sent after it overtake it; a
 * duplicate arrives twice, at the same time. Impairments apply after the queue check and
 * before the tap: the tap sees what the wire delivers (a lost frame not at all, a duplicate
 * twice), at the time the frame entered the wire.
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
  /** Loss, duplication and reordering, the same for both directions (default none). */
  impairments?: LinkImpairments;
}

/** Deterministic impairments of each direction of the wire (probabilities from 0 to 1). */
export interface LinkImpairments {
  /** Seed of the pseudo-random source (default 1); direction 1 uses a stream derived from it. */
  seed?: number;
  /** Probability that a frame is lost. */
  loss?: number;
  /** Probability that a frame (not lost) is delivered twice. */
  duplicate?: number;
  /** Probability that a frame (not lost) is held back, letting later frames overtake it. */
  reorder?: number;
  /** How long a reordered frame is held back, in cycles (default 10 000). */
  reorderDelayCycles?: number;
}

/** Checks impairment probabilities and delay: an error message, or undefined when valid. */
export function impairmentsError(im: LinkImpairments): string | undefined {
  for (const key of ['loss', 'duplicate', 'reorder'] as const) {
    const v = im[key];
    if (v !== undefined && !(v >= 0 && v <= 1)) return `${key} must be a probability from 0 to 1 (is ${v})`;
  }
  const d = im.reorderDelayCycles;
  if (d !== undefined && !(Number.isInteger(d) && d >= 0)) return `reorderDelayCycles must be a whole number of cycles (is ${d})`;
  const seed = im.seed;
  if (seed !== undefined && !(Number.isInteger(seed) && seed >= 0 && seed < 2 ** 32)) return `seed must be an integer from 0 to 2^32 - 1 (is ${seed})`;
  return undefined;
}

/** Preamble + SFD, FCS, inter-frame gap: bytes a frame costs on the wire besides its own. */
export const ETHERNET_WIRE_OVERHEAD = 8 + 4 + 12;

export interface LinkCounters {
  /** Frames and bytes that entered the wire, per sending side. */
  frames: [number, number];
  bytes: [number, number];
  /** Frames dropped because the direction's queue was full, per sending side. */
  dropped: [number, number];
  /** Impairments applied, per sending side. */
  lost: [number, number];
  duplicated: [number, number];
  reordered: [number, number];
}

/** One direction: a pool of frame slots, each delivered by its own event. */
class Direction {
  readonly slots: Uint8Array[];
  readonly lens: Int32Array;
  /** Indices of free slots (a stack). */
  readonly free: Int32Array;
  freeCount: number;
  /** Cycle (possibly fractional) at which the last queued frame has fully left. */
  busyUntil = 0;
  /** xorshift32 state of the impairments' pseudo-random source. */
  random: number;

  constructor(n: number, seed: number) {
    this.slots = Array.from({ length: n }, () => new Uint8Array(ETHERNET_MAX_FRAME));
    this.lens = new Int32Array(n);
    this.free = Int32Array.from({ length: n }, (_, i) => n - 1 - i);
    this.freeCount = n;
    this.random = seed >>> 0 || 1;
  }

  /** The next pseudo-random number in [0, 1) (xorshift32, Marsaglia 2003). */
  next(): number {
    let x = this.random;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.random = x >>> 0;
    return this.random / 2 ** 32;
  }
}

export class Link implements TimedHandler {
  readonly latencyCycles: number;
  readonly cyclesPerByte: number;
  readonly counters: LinkCounters = { frames: [0, 0], bytes: [0, 0], dropped: [0, 0], lost: [0, 0], duplicated: [0, 0], reordered: [0, 0] };
  private readonly impair: Required<LinkImpairments> | undefined;
  private readonly dirs: [Direction, Direction];
  private readonly ends: [FrameEndpoint | undefined, FrameEndpoint | undefined] = [undefined, undefined];
  private readonly handlerId: number;

  constructor(private readonly events: EventQueue, config: LinkConfig = {}, private readonly tap?: FrameTap) {
    this.latencyCycles = config.latencyCycles ?? 0;
    this.cyclesPerByte = config.cyclesPerByte ?? 0;
    const n = config.queueFrames ?? 256;
    const im = config.impairments;
    const seed = im?.seed ?? 1;
    this.impair = im === undefined ? undefined : {
      seed, loss: im.loss ?? 0, duplicate: im.duplicate ?? 0, reorder: im.reorder ?? 0, reorderDelayCycles: im.reorderDelayCycles ?? 10_000,
    };
    // Direction 1's stream starts from the seed scrambled (golden-ratio constant), so the two differ.
    this.dirs = [new Direction(n, seed), new Direction(n, Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b))];
    this.handlerId = events.register(this);
  }

  /** Connects an endpoint to side 0 (the NIC) or side 1 (the host). */
  attach(side: 0 | 1, end: FrameEndpoint): void {
    this.ends[side] = end;
  }

  /**
   * Sends frame[0, len) from `side` at cycle `now`. False when the frame was dropped (too long
   * for Ethernet, or the direction's queue is full); a frame lost by an impairment counts as
   * sent.
   */
  send(side: 0 | 1, frame: Uint8Array, len: number, now: number): boolean {
    const d = this.dirs[side];
    if (len > ETHERNET_MAX_FRAME || d.freeCount === 0) {
      this.counters.dropped[side]++;
      return false;
    }
    const start = Math.max(now, d.busyUntil);
    d.busyUntil = start + (Math.max(len, ETHERNET_MIN_FRAME) + ETHERNET_WIRE_OVERHEAD) * this.cyclesPerByte;
    this.counters.frames[side]++;
    this.counters.bytes[side] += len;
    let arrival = Math.ceil(d.busyUntil) + this.latencyCycles;
    let copies = 1;
    const im = this.impair;
    if (im !== undefined) {
      if (im.loss > 0 && d.next() < im.loss) {
        this.counters.lost[side]++;
        return true;
      }
      if (im.duplicate > 0 && d.next() < im.duplicate) {
        this.counters.duplicated[side]++;
        copies = 2;
      }
      if (im.reorder > 0 && d.next() < im.reorder) {
        this.counters.reordered[side]++;
        arrival += im.reorderDelayCycles;
      }
    }
    for (let c = 0; c < copies && d.freeCount > 0; c++) {
      const slot = d.free[--d.freeCount];
      d.slots[slot].set(frame.subarray(0, len));
      d.lens[slot] = len;
      this.tap?.(frame, len, now, side);
      this.events.schedule(arrival, this.handlerId, 2 * slot + side);
    }
    return true;
  }

  /** The frame in slot `tag >> 1` sent from side `tag & 1` reaches the other side. */
  onEvent(tag: number, time: number): void {
    const side = tag & 1;
    const slot = tag >> 1;
    const d = this.dirs[side];
    // Deliver before freeing the slot: the bytes stay put during the call.
    this.ends[side === 0 ? 1 : 0]?.receiveFrame(d.slots[slot], d.lens[slot], time);
    d.free[d.freeCount++] = slot;
  }
}
