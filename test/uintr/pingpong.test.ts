/**
 * examples/uintr-pingpong: two harts bounce a user interrupt through the UINTC 100 times with no
 * kernel in the loop; hart 0 prints the round trips and the average cycles per round trip and
 * powers off through the test device (0x5555 = pass). Built with rvn's own assembler/linker.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/link/build';
import { Machine, type UintcMode } from '../../src/machine/machine';
import { idealProfile } from '../../src/timing/profiles/index';

const SOURCE = fileURLToPath(new URL('../../examples/uintr-pingpong/pingpong.S', import.meta.url));

function runPingpong(mode: UintcMode, ideal = false) {
  const text = readFileSync(SOURCE, 'utf8');
  const elf = buildProgram([{ name: 'pingpong.S', text }]);
  let out = '';
  const m = new Machine({ harts: 2, uintc: mode, timing: ideal ? idealProfile() : undefined }, {
    console: (bytes) => { out += new TextDecoder().decode(bytes); },
  });
  m.load(elf, 'pingpong.S');
  const result = m.run({ maxInsns: 2_000_000 });
  return { out, result };
}

function parse(out: string) {
  const m = /round trips: (\d+), average cycles per round trip: (\d+)\n/.exec(out);
  return m === null ? undefined : { rounds: Number(m[1]), avg: Number(m[2]) };
}

describe('examples/uintr-pingpong', () => {
  it('completes 100 round trips and exits through the test device (rocket)', () => {
    const { out, result } = runPingpong('rocket');
    expect(result.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
    const p = parse(out);
    expect(p?.rounds).toBe(100);
    expect(p?.avg).toBeGreaterThan(0);
  });
});
