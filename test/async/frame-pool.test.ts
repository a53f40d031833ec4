// The executor's frame pool: size classes of 32 << k bytes (k < 8), each block after a 16-byte
// header in the arena; a request above 4096 bytes has no class and gets 0 (never a smaller block).
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSources } from '../../src/cli/sources';
import { runElfOnRvn } from '../gtsc/harness';

const ROOT = join(import.meta.dirname, '../..');

describe('frame pool', () => {
  test('classes by size, a freed frame reused, nothing above 4096 bytes', async () => {
    const built = await buildSources(['test/async/programs/frame-classes.ts', 'src/os/runtime/uintr-entry.S'].map((p) => join(ROOT, p)));
    const r = runElfOnRvn(built.elf, 'frame-classes');
    // 1 byte: class 32 at 16 (after its header); 33: class 64 at 16 + 32 + 16 = 64; freed and
    // taken again by 64; 4096: class 4096 at 64 + 64 + 16 = 144; 4097 and above: none.
    expect(r.stdout).toBe('1:16 33:64 64:64 4096:144 4097:0 8192:0 8176:0 \n');
  });
});
