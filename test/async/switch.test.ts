// The cost of a coroutine switch on the user runtime's executor (docs/gtsc.md, "async and
// await": issue 15 asks for tens of cycles). test/async/programs/switch.ts on the Rocket model:
// two coroutines of ROUNDS = 1000 rounds each hand the hart to each other; each is resumed once
// per round and once more to finish, so 2 × 1001 switches per measurement.
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSources } from '../../src/cli/sources';
import { rocketProfile } from '../../src/timing/index';
import { runElfOnRvn } from '../gtsc/harness';

const ROOT = join(import.meta.dirname, '../..');

describe('coroutine switch', () => {
  test('a switch (wake, park, fetch, resume) costs tens of cycles; through a child coroutine under 200', async () => {
    // built as `rvn run test/async/programs/switch.ts src/os/runtime/uintr-entry.S` builds it
    const built = await buildSources(['test/async/programs/switch.ts', 'src/os/runtime/uintr-entry.S'].map((p) => join(ROOT, p)));
    const r = runElfOnRvn(built.elf, 'switch', { timing: rocketProfile() });
    const m = /^suspend: (\d+) switches, cycles per switch (\d+)\nyieldNow: (\d+) switches, cycles per switch (\d+)\n$/.exec(r.stdout);
    expect(m, r.stdout).not.toBeNull();
    expect(Number(m![1])).toBe(2002);
    expect(Number(m![3])).toBe(2002);
    expect(Number(m![2])).toBeLessThan(100);
    expect(Number(m![4])).toBeLessThan(200);
  });
});
