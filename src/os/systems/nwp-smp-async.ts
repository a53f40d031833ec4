// The NWP benchmark, asynchronous, smp (the TCP server on hart 0, the NWP on hart 1; needs --harts 2): the network server (NWP,
// src/os/programs/nwp/nwp-async.ts) owns the virtio-net card and serves the socket API over the
// async channel (a shared region of request and reply rings, user interrupts under the
// notify-or-suppress rule: src/os/runtime/channel.ts) to one TCP-server thread with 32 handler
// coroutines (src/os/programs/tcp-server/tcp-server-async.ts); the card's IRQ (8) goes to
// hart 0 and reaches the NWP as a user interrupt (bound to its user-interrupt notification).
// experiments.md, "NWP benchmark".
//
//   npx rvn run nwp-smp-async --net user --harts 2 --hostfwd tcp:8080:80      # then: nc localhost 8080
//
// Boot arguments: test=call|read|write (the TCP server's service, default call), ip=A.B.C.D
// (default DHCP), idle=spin (a thread with nothing to run spins a while before it blocks).
// Capability slots are the constants of nwp-async.ts, tcp-server-async.ts and common.ts (the clock).
import type { SystemDescription } from '../system/describe';

/** virtio-net's window on the board (the first virtio-mmio device: the last slot), its IRQ. */
const NIC_PADDR = 0x10008000;
const NIC_IRQ = 8;
/** VNET_DMA_BYTES of src/os/nwp/driver/virtio-net.ts: 8 KiB of rings, 2 × 64 buffers of 1536 bytes. */
const NIC_DMA_BYTES = 204800;
/** CHANNEL_BYTES of src/os/runtime/channel.ts: a request ring and a reply ring, page-aligned. */
const CHANNEL_BYTES = 335872;

export const system: SystemDescription = {
  spaces: [
    {
      name: 'net',
      program: ['../programs/nwp/nwp-async.ts', '../programs/tcp-server/tcp-server-async.ts'],
      maps: [
        { device: 'nic', perms: 'rw', setvar: 'nic_regs' },
        { region: 'nic_dma', perms: 'rw', setvar: 'nic_dma', setpaddr: 'nic_dma_paddr' },
        { region: 'channel', perms: 'rw', setvar: 'sock_channel' },
      ],
    },
  ],
  devices: [{ name: 'nic', paddr: NIC_PADDR, size: 0x1000 }],
  regions: [{ name: 'nic_dma', size: NIC_DMA_BYTES }, { name: 'channel', size: CHANNEL_BYTES }],
  // nwp_uintr: the NWP's user interrupts (bit 0 the channel, 1 the card, 2 the clock); tcp_uintr: the TCP server's
  notifications: ['nwp_uintr', 'tcp_uintr', 'nwp_ready', 'tcp_ready', 'clock_go'],
  irqs: [{ irq: NIC_IRQ, notification: 'nwp_uintr', badge: 2, hart: 0 }],
  threads: [
    {
      name: 'nwp', space: 'net', entry: 'nwp_async_main', priority: 200, hart: 1, stack: 32768,
      caps: [
        { slot: 1, notification: 'nwp_uintr', rights: ['wait'] },
        { slot: 2, irq: NIC_IRQ },
        { slot: 3, notification: 'clock_go', rights: ['signal'] },
        { slot: 4, notification: 'tcp_uintr', rights: ['signal'], badge: 1 },
        { slot: 5, notification: 'nwp_ready', rights: ['signal'] },
        { slot: 6, notification: 'tcp_ready', rights: ['wait'] },
      ],
    },
    {
      name: 'nwp_clock', space: 'net', entry: 'nwp_clock', priority: 1, hart: 1, stack: 8192,
      caps: [{ slot: 1, notification: 'nwp_uintr', rights: ['signal'], badge: 4 }, { slot: 2, notification: 'clock_go', rights: ['wait'] }],
    },
    {
      name: 'tcp', space: 'net', entry: 'tcp_async_main', priority: 100, hart: 0, stack: 16384,
      caps: [
        { slot: 1, notification: 'tcp_uintr', rights: ['wait'] },
        { slot: 2, notification: 'nwp_uintr', rights: ['signal'], badge: 1 },
        { slot: 3, notification: 'nwp_ready', rights: ['wait'] },
        { slot: 4, notification: 'tcp_ready', rights: ['signal'] },
      ],
    },
  ],
};
