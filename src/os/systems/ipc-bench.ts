// The IPC micro-benchmark (seed §1; experiments.md): a server on hart 0 and a client on hart 0
// (client_up) or hart 1 (client_smp) in one address space; the boot arguments choose the
// series, the concurrency, the server load and the number of calls (src/os/programs/ipc-bench;
// `rvn experiment ipc` runs the sweep). sync: an endpoint and a reply object; async: the shared
// channel region and a user-interrupt notification per side.
import type { SystemDescription } from '../system/describe';

/** CHANNEL_BYTES of src/os/runtime/channel.ts: a request ring and a reply ring, page-aligned. */
const CHANNEL_REGION = 335872;

const clientCaps = [
  { slot: 1, endpoint: 'service', rights: ['send'] },
  { slot: 3, notification: 'client_uintr', rights: ['wait'] },
  { slot: 4, notification: 'server_uintr', rights: ['signal'], badge: 1 },
  { slot: 5, notification: 'server_ready', rights: ['wait'] },
  { slot: 6, notification: 'client_ready', rights: ['signal'] },
];

export const system: SystemDescription = {
  spaces: [{ name: 'bench', program: '../programs/ipc-bench/bench.ts', maps: [{ region: 'channel', perms: 'rw', setvar: 'chan_base' }] }],
  regions: [{ name: 'channel', size: CHANNEL_REGION }],
  endpoints: ['service'],
  notifications: ['server_uintr', 'client_uintr', 'server_ready', 'client_ready'],
  replies: ['answer'],
  threads: [
    {
      name: 'server', space: 'bench', entry: 'bench_server', hart: 0, priority: 100,
      caps: [
        { slot: 1, endpoint: 'service', rights: ['receive'] },
        { slot: 2, reply: 'answer' },
        { slot: 3, notification: 'server_uintr', rights: ['wait'] },
        { slot: 4, notification: 'client_uintr', rights: ['signal'], badge: 1 },
        { slot: 5, notification: 'server_ready', rights: ['signal'] },
        { slot: 6, notification: 'client_ready', rights: ['wait'] },
      ],
    },
    { name: 'client_up', space: 'bench', entry: 'client_up', hart: 0, priority: 100, caps: clientCaps },
    { name: 'client_smp', space: 'bench', entry: 'client_smp', hart: 1, priority: 100, caps: clientCaps },
  ],
};
