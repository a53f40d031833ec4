// The synchronous IPC round trip, measured: a client calls a server that replies at once
// (a 1-word message each way), on the fast path and the slow path on one hart, and across
// harts (needs --harts 2). Boot arguments: calls=N (default 1000), paths=fsc (which of fast,
// slow, cross to run; default all). See docs/os.md.
import type { SystemDescription } from '../system/describe';

export const system: SystemDescription = {
  spaces: [{ name: 'bench', program: '../programs/sync-ipc/sync-ipc.ts' }],
  endpoints: ['service'],
  notifications: ['cross_go', 'cross_done'],
  replies: ['answer'],
  threads: [
    { name: 'server', space: 'bench', entry: 'server', priority: 100, hart: 0, caps: [{ slot: 1, endpoint: 'service', rights: ['receive'] }, { slot: 2, reply: 'answer' }] },
    {
      name: 'client', space: 'bench', entry: 'client', priority: 100, hart: 0,
      caps: [{ slot: 1, endpoint: 'service', rights: ['send'] }, { slot: 2, notification: 'cross_go', rights: ['signal'] }, { slot: 3, notification: 'cross_done', rights: ['wait'] }],
    },
    {
      name: 'cross_client', space: 'bench', entry: 'cross_client', priority: 100, hart: 1,
      caps: [{ slot: 1, endpoint: 'service', rights: ['send'] }, { slot: 2, notification: 'cross_go', rights: ['wait'] }, { slot: 3, notification: 'cross_done', rights: ['signal'] }],
    },
  ],
};
