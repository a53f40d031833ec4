// The user runtime's test suite (src/os/programs/runtime-tests): the tester (hart 0) runs the
// tests on its executor; the peer (hart 1) serves the tester's channel; the kicker (hart 1)
// sends the tester a user interrupt when told to. On one hart all three share hart 0.
import type { SystemDescription } from '../system/describe';

/** CHANNEL_BYTES of src/os/runtime/channel.ts. */
const CHANNEL_REGION = 335872;

export const system: SystemDescription = {
  spaces: [{ name: 'rt', program: '../programs/runtime-tests/tests.ts', maps: [{ region: 'channel', perms: 'rw', setvar: 'chan_base' }] }],
  regions: [{ name: 'channel', size: CHANNEL_REGION }],
  notifications: ['tester_uintr', 'peer_uintr', 'peer_ready', 'tester_ready', 'go_send'],
  threads: [
    {
      name: 'tester', space: 'rt', entry: 'tester', hart: 0,
      caps: [
        { slot: 1, notification: 'tester_uintr', rights: ['wait'] },
        { slot: 2, notification: 'peer_uintr', rights: ['signal'], badge: 1 },
        { slot: 3, notification: 'peer_ready', rights: ['wait'] },
        { slot: 4, notification: 'tester_ready', rights: ['signal'] },
        { slot: 5, notification: 'go_send', rights: ['signal'] },
      ],
    },
    {
      name: 'peer', space: 'rt', entry: 'peer', hart: 1,
      caps: [
        { slot: 1, notification: 'peer_uintr', rights: ['wait'] },
        { slot: 2, notification: 'tester_uintr', rights: ['signal'], badge: 1 },
        { slot: 3, notification: 'peer_ready', rights: ['signal'] },
        { slot: 4, notification: 'tester_ready', rights: ['wait'] },
      ],
    },
    {
      name: 'kicker', space: 'rt', entry: 'kicker', hart: 1,
      caps: [
        { slot: 2, notification: 'tester_uintr', rights: ['signal'], badge: 1 << 5 },
        { slot: 5, notification: 'go_send', rights: ['wait'] },
      ],
    },
  ],
};
