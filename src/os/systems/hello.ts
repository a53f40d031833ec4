// The smallest useful system: a client thread calls a server thread once per hart count and
// prints the boot arguments. `rvn run hello --bootargs "..."`.
import type { SystemDescription } from '../system/describe';

export const system: SystemDescription = {
  spaces: [{ name: 'hello', program: '../programs/hello/hello.ts' }],
  endpoints: ['service'],
  replies: ['answer'],
  threads: [
    { name: 'server', space: 'hello', entry: 'server', priority: 110, caps: [{ slot: 1, endpoint: 'service', rights: ['receive'] }, { slot: 2, reply: 'answer' }] },
    { name: 'client', space: 'hello', entry: 'client', priority: 100, hart: 1, caps: [{ slot: 1, endpoint: 'service', rights: ['send'], badge: 7 }] },
  ],
};
