/**
 * The user-mode network assembled: the wire between a NIC (side 0) and the host side
 * (side 1), the host's UserNet, and a pcap writer on the wire when asked for. The NIC is any
 * FrameEndpoint that sends through `nicSend` (virtio-net on the rvn board).
 */
import type { EventQueue } from '../hw/events';
import { RvnError } from '../errors';
import { Link, impairmentsError } from './link';
import type { FrameEndpoint, LinkImpairments } from './link';
import { PcapWriter } from './pcap';
import type { PcapSink } from './pcap';
import { UserNet } from './usernet';

export interface UserNetworkConfig {
  events: EventQueue;
  clockHz: number;
  nic: FrameEndpoint;
  /** One-way latency of the wire, cycles. */
  latencyCycles?: number;
  /** Wire speed in bits per second; 0 or undefined = infinitely fast. */
  bitsPerSecond?: number;
  /** Where the capture of every frame on the wire goes (pcap bytes). */
  pcap?: PcapSink;
  /** Seeded loss, duplication and reordering on the wire (default none). */
  impairments?: LinkImpairments;
}

export class UserNetwork {
  readonly link: Link;
  readonly host: UserNet;
  readonly pcap: PcapWriter | undefined;

  constructor(cfg: UserNetworkConfig) {
    const bps = cfg.bitsPerSecond ?? 0;
    const bad = cfg.impairments !== undefined ? impairmentsError(cfg.impairments) : undefined;
    if (bad !== undefined) throw new RvnError(`network impairments: ${bad}`, 2);
    this.pcap = cfg.pcap !== undefined ? new PcapWriter(cfg.pcap, cfg.clockHz) : undefined;
    const pcap = this.pcap;
    this.link = new Link(
      cfg.events,
      { latencyCycles: cfg.latencyCycles ?? 0, cyclesPerByte: bps > 0 ? (8 * cfg.clockHz) / bps : 0, impairments: cfg.impairments },
      pcap !== undefined ? (frame, len, time) => pcap.write(frame, len, time) : undefined,
    );
    this.host = new UserNet({ events: cfg.events, clockHz: cfg.clockHz });
    this.link.attach(0, cfg.nic);
    this.link.attach(1, this.host);
    const link = this.link;
    this.host.connectWire((frame, len, now) => link.send(1, frame, len, now));
  }

  /** What the NIC calls to put a frame on the wire. */
  nicSend(frame: Uint8Array, len: number, now: number): void {
    this.link.send(0, frame, len, now);
  }

  /** Writes out the capture so far. */
  flush(): void {
    this.pcap?.flush();
  }
}
