/** The optional commit observer (for the tracer): what it sees per retired instruction. */
import { expect, test } from 'vitest';
import type { CommitInfo } from '../../src/cpu/hart';
import { enc, machine, R, RAM } from './asm';

test('commit records carry priv, pc, word, rd value and the store', () => {
  const m = machine();
  const seen: CommitInfo[] = [];
  const traps: number[] = [];
  m.hart.observer = { commit: (_h, c) => seen.push({ ...c }), trap: (_h, _i, cause) => traps.push(cause) };
  m.words(RAM, [enc('addi', R.a0, 0, -3), enc('sd', R.a0, 8, R.sp), enc('ecall')]);
  m.hart.setX(R.sp, RAM + 0x1000);
  m.run(3);
  expect(seen.length).toBe(2);
  expect(seen[0]).toMatchObject({ priv: 3, pc: RAM, word: enc('addi', R.a0, 0, -3), len: 4, rd: R.a0, rdLo: -3, rdHi: -1, memPaddr: -1 });
  expect(seen[1]).toMatchObject({ pc: RAM + 4, rd: 0, memPaddr: RAM + 0x1008, memWidth: 8, isStore: true, storeLo: -3, storeHi: -1 });
  expect(traps).toEqual([11]);
});
