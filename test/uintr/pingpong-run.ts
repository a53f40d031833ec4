/** Builds and runs examples/uintr-pingpong with rvn's own toolchain and machine (for tests). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildProgram } from '../../src/link/build';
import { Machine, type MachineOptions } from '../../src/machine/machine';

export const PINGPONG_SOURCE = fileURLToPath(new URL('../../examples/uintr-pingpong/pingpong.S', import.meta.url));

export function runPingpong(options: Omit<MachineOptions, 'harts'> = {}) {
  const elf = buildProgram([{ name: 'pingpong.S', text: readFileSync(PINGPONG_SOURCE, 'utf8') }]);
  let out = '';
  const m = new Machine({ harts: 2, ...options }, { console: (bytes) => { out += new TextDecoder().decode(bytes); } });
  m.load(elf, 'pingpong.S');
  const result = m.run({ maxInsns: 5_000_000 });
  const match = /round trips: (\d+), average cycles per round trip: (\d+)\n/.exec(out);
  const report = match === null ? undefined : { rounds: Number(match[1]), avg: Number(match[2]) };
  return { out, result, report, machine: m };
}
