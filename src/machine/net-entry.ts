/**
 * The board entry of the network card (`--net user`): a virtio-net device behind a
 * virtio-mmio transport in the first virtio slot QEMU uses (the last window, 0x1000_8000,
 * IRQ 8), wired to the user-mode network (src/net) through the wire. The entry carries the
 * network's options; the device it creates gives the host (CLI, tests) the NIC, the transport
 * and the host side through `machine.role('network')`.
 */
import type { MmioDevice } from '../hw/device';
import { slotWindow } from '../hw/board';
import { UserNetwork } from '../net/network';
import type { LinkImpairments } from '../net/link';
import type { PcapSink } from '../net/pcap';
import { UserNetAddress } from '../net/usernet';
import type { Mac } from '../net/wire/addr';
import { VirtioMmio } from '../virtio/mmio';
import { VirtioNet } from '../virtio-net/net';
import type { BoardEntry, DeviceContext } from './board';
import { VIRTIO_MMIO_SLOTS } from './board';

export interface NetworkOptions {
  /** The NIC's MAC (default 52:54:00:12:34:56, QEMU's). */
  mac?: Mac;
  /** One-way latency of the wire, in cycles (default 0). */
  latencyCycles?: number;
  /** Wire speed in bits per second (default 0: infinitely fast). */
  bitsPerSecond?: number;
  /** Receives the pcap capture of the wire. */
  pcap?: PcapSink;
  /** Seeded loss, duplication and reordering on the wire (default none). */
  impairments?: LinkImpairments;
  /** virtio-mmio slot 0..7 (default 7, the one QEMU gives its first device). */
  slot?: number;
}

/** The device the entry creates: the transport's registers, with the pieces behind it. */
export class NetworkAdapter implements MmioDevice {
  readonly name = 'virtio-net';
  readonly size: number;
  readonly nic: VirtioNet;
  readonly transport: VirtioMmio;
  readonly network: UserNetwork;

  constructor(ctx: DeviceContext, irq: number, opts: NetworkOptions) {
    const t = ctx.timing;
    this.nic = new VirtioNet({
      mac: opts.mac ?? UserNetAddress.defaultGuestMac, clock: ctx.clock, events: ctx.events,
      timing: { frameCycles: t.virtioNetFrameCycles, bytesPerCycle: t.virtioNetBytesPerCycle },
    });
    this.transport = new VirtioMmio({ name: this.name, dma: ctx.dma, irq: ctx.irq, irqSource: irq, device: this.nic });
    this.size = this.transport.size;
    this.network = new UserNetwork({
      events: ctx.events, clockHz: t.clockHz, nic: this.nic,
      latencyCycles: opts.latencyCycles, bitsPerSecond: opts.bitsPerSecond, pcap: opts.pcap, impairments: opts.impairments,
    });
    const network = this.network;
    this.nic.sender = { send: (frame, len, now) => network.nicSend(frame, len, now) };
  }

  read(offset: number, size: number, out: Int32Array): boolean {
    return this.transport.read(offset, size, out);
  }

  write(offset: number, size: number, lo: number, hi: number): boolean {
    return this.transport.write(offset, size, lo, hi);
  }
}

/** The virtio-net entry for a board list. */
export function virtioNetEntry(opts: NetworkOptions = {}): BoardEntry {
  const w = slotWindow(VIRTIO_MMIO_SLOTS, opts.slot ?? VIRTIO_MMIO_SLOTS.count - 1);
  return {
    kind: 'virtio-net',
    role: 'network',
    base: w.base,
    size: w.size,
    irq: w.irq,
    doc: 'virtio-net (virtio-mmio version 2), with --net user',
    dt: { node: 'virtio_mmio', compatible: ['virtio,mmio'] },
    create: (ctx, e) => new NetworkAdapter(ctx, e.irq!, opts),
  };
}
