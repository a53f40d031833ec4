// The NWP benchmark, synchronous, up (both on hart 0): the network server (NWP,
// src/os/programs/nwp) owns the virtio-net card and serves the socket API over sync IPC to 32
// TCP-server threads (src/os/programs/tcp-server), each with its own badged capability to the
// NWP's endpoint; the card's IRQ (8) goes to hart 0. experiments.md, "NWP benchmark".
//
//   npx rvn run nwp-up-sync --net user --hostfwd tcp:8080:80      # then: nc localhost 8080
//
// Boot arguments: test=call|read|write (the TCP server's service, default call), ip=A.B.C.D
// (default DHCP). Capability slots are the constants of nwp.ts and tcp-server.ts.
import type { SystemDescription } from '../system/describe';

/** virtio-net's window on the board (the first virtio-mmio device: the last slot), its IRQ. */
const NIC_PADDR = 0x10008000;
const NIC_IRQ = 8;
/** VNET_DMA_BYTES of src/os/nwp/driver/virtio-net.ts: 8 KiB of rings, 2 × 64 buffers of 1536 bytes. */
const NIC_DMA_BYTES = 204800;

export const system: SystemDescription = {
  spaces: [
    {
      name: 'net',
      program: ['../programs/nwp/nwp.ts', '../programs/tcp-server/tcp-server.ts'],
      maps: [
        { device: 'nic', perms: 'rw', setvar: 'nic_regs' },
        { region: 'nic_dma', perms: 'rw', setvar: 'nic_dma', setpaddr: 'nic_dma_paddr' },
      ],
    },
  ],
  devices: [{ name: 'nic', paddr: NIC_PADDR, size: 0x1000 }],
  regions: [{ name: 'nic_dma', size: NIC_DMA_BYTES }],
  endpoints: ['nwp'],
  notifications: ['nwp_events', 'clock_go'],
  replies: ['r0', 'r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7', 'r8', 'r9', 'r10', 'r11', 'r12', 'r13', 'r14', 'r15', 'r16', 'r17', 'r18', 'r19', 'r20', 'r21', 'r22', 'r23', 'r24', 'r25', 'r26', 'r27', 'r28', 'r29', 'r30', 'r31', 'r32'],
  irqs: [{ irq: NIC_IRQ, notification: 'nwp_events', badge: 1, hart: 0 }],
  threads: [
    {
      name: 'nwp', space: 'net', entry: 'nwp_main', priority: 200, hart: 0, stack: 32768, bound: 'nwp_events',
      caps: [
        { slot: 1, endpoint: 'nwp', rights: ['receive'] },
        { slot: 2, irq: NIC_IRQ },
        { slot: 3, notification: 'clock_go', rights: ['signal'] },
        { slot: 8, reply: 'r0' },
        { slot: 9, reply: 'r1' },
        { slot: 10, reply: 'r2' },
        { slot: 11, reply: 'r3' },
        { slot: 12, reply: 'r4' },
        { slot: 13, reply: 'r5' },
        { slot: 14, reply: 'r6' },
        { slot: 15, reply: 'r7' },
        { slot: 16, reply: 'r8' },
        { slot: 17, reply: 'r9' },
        { slot: 18, reply: 'r10' },
        { slot: 19, reply: 'r11' },
        { slot: 20, reply: 'r12' },
        { slot: 21, reply: 'r13' },
        { slot: 22, reply: 'r14' },
        { slot: 23, reply: 'r15' },
        { slot: 24, reply: 'r16' },
        { slot: 25, reply: 'r17' },
        { slot: 26, reply: 'r18' },
        { slot: 27, reply: 'r19' },
        { slot: 28, reply: 'r20' },
        { slot: 29, reply: 'r21' },
        { slot: 30, reply: 'r22' },
        { slot: 31, reply: 'r23' },
        { slot: 32, reply: 'r24' },
        { slot: 33, reply: 'r25' },
        { slot: 34, reply: 'r26' },
        { slot: 35, reply: 'r27' },
        { slot: 36, reply: 'r28' },
        { slot: 37, reply: 'r29' },
        { slot: 38, reply: 'r30' },
        { slot: 39, reply: 'r31' },
        { slot: 40, reply: 'r32' },
      ],
    },
    {
      name: 'nwp_clock', space: 'net', entry: 'nwp_clock', priority: 1, hart: 0, stack: 8192,
      caps: [{ slot: 1, notification: 'nwp_events', rights: ['signal'], badge: 2 }, { slot: 2, notification: 'clock_go', rights: ['wait'] }],
    },
    { name: 'tcp0', space: 'net', entry: 'tcp_handler', arg: 0, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 1 }] },
    { name: 'tcp1', space: 'net', entry: 'tcp_handler', arg: 1, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 2 }] },
    { name: 'tcp2', space: 'net', entry: 'tcp_handler', arg: 2, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 3 }] },
    { name: 'tcp3', space: 'net', entry: 'tcp_handler', arg: 3, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 4 }] },
    { name: 'tcp4', space: 'net', entry: 'tcp_handler', arg: 4, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 5 }] },
    { name: 'tcp5', space: 'net', entry: 'tcp_handler', arg: 5, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 6 }] },
    { name: 'tcp6', space: 'net', entry: 'tcp_handler', arg: 6, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 7 }] },
    { name: 'tcp7', space: 'net', entry: 'tcp_handler', arg: 7, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 8 }] },
    { name: 'tcp8', space: 'net', entry: 'tcp_handler', arg: 8, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 9 }] },
    { name: 'tcp9', space: 'net', entry: 'tcp_handler', arg: 9, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 10 }] },
    { name: 'tcp10', space: 'net', entry: 'tcp_handler', arg: 10, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 11 }] },
    { name: 'tcp11', space: 'net', entry: 'tcp_handler', arg: 11, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 12 }] },
    { name: 'tcp12', space: 'net', entry: 'tcp_handler', arg: 12, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 13 }] },
    { name: 'tcp13', space: 'net', entry: 'tcp_handler', arg: 13, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 14 }] },
    { name: 'tcp14', space: 'net', entry: 'tcp_handler', arg: 14, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 15 }] },
    { name: 'tcp15', space: 'net', entry: 'tcp_handler', arg: 15, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 16 }] },
    { name: 'tcp16', space: 'net', entry: 'tcp_handler', arg: 16, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 17 }] },
    { name: 'tcp17', space: 'net', entry: 'tcp_handler', arg: 17, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 18 }] },
    { name: 'tcp18', space: 'net', entry: 'tcp_handler', arg: 18, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 19 }] },
    { name: 'tcp19', space: 'net', entry: 'tcp_handler', arg: 19, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 20 }] },
    { name: 'tcp20', space: 'net', entry: 'tcp_handler', arg: 20, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 21 }] },
    { name: 'tcp21', space: 'net', entry: 'tcp_handler', arg: 21, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 22 }] },
    { name: 'tcp22', space: 'net', entry: 'tcp_handler', arg: 22, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 23 }] },
    { name: 'tcp23', space: 'net', entry: 'tcp_handler', arg: 23, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 24 }] },
    { name: 'tcp24', space: 'net', entry: 'tcp_handler', arg: 24, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 25 }] },
    { name: 'tcp25', space: 'net', entry: 'tcp_handler', arg: 25, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 26 }] },
    { name: 'tcp26', space: 'net', entry: 'tcp_handler', arg: 26, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 27 }] },
    { name: 'tcp27', space: 'net', entry: 'tcp_handler', arg: 27, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 28 }] },
    { name: 'tcp28', space: 'net', entry: 'tcp_handler', arg: 28, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 29 }] },
    { name: 'tcp29', space: 'net', entry: 'tcp_handler', arg: 29, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 30 }] },
    { name: 'tcp30', space: 'net', entry: 'tcp_handler', arg: 30, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 31 }] },
    { name: 'tcp31', space: 'net', entry: 'tcp_handler', arg: 31, priority: 100, hart: 0, stack: 8192, caps: [{ slot: 1, endpoint: 'nwp', rights: ['send'], badge: 32 }] },
  ],
};
