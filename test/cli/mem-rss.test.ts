// A large guest RAM costs host memory only where the guest touches it (src/memory/ram.ts):
// the demo booted with --mem 16G has the same peak resident set, as the OS counts it
// (getrusage ru_maxrss, read by a preloaded exit hook), as with --mem 128M, within a few MiB.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rvn, tempDir, writeTemp } from './rvn';

const MiB = 1024; // ru_maxrss is in KiB

function peakRssKiB(dir: string, elf: string, mem: string): number {
  const hook = writeTemp(dir, 'rss-hook.mjs', "process.on('exit', () => process.stderr.write(`maxrss ${process.resourceUsage().maxRSS}\\n`));\n");
  const r = spawnSync(process.execPath, ['--import', hook, 'dist/rvn.mjs', 'run', elf, '--harts', '4', '--mem', mem], { encoding: 'utf8', timeout: 60_000 });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stdout).toContain('4 harts said hello');
  const m = /maxrss (\d+)/.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return Number(m![1]);
}

describe('--mem: lazily allocated RAM', () => {
  it('boots the demo with --mem 16G in the peak RSS of --mem 128M (within 8 MiB)', () => {
    const dir = tempDir();
    const elf = `${dir}/demo.elf`;
    const build = rvn(['build', 'examples/demo/crt0.S', 'examples/demo/hello.ts', '-o', elf]);
    expect(build.status, build.stderr).toBe(0);
    // The smaller of two runs each: a garbage collection that happens to come late adds noise.
    const small = Math.min(peakRssKiB(dir, elf, '128M'), peakRssKiB(dir, elf, '128M'));
    const large = Math.min(peakRssKiB(dir, elf, '16G'), peakRssKiB(dir, elf, '16G'));
    expect(large).toBeLessThan(small + 8 * MiB);
  });
});
