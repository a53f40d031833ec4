// Debian's U-Boot (package u-boot-qemu, built for QEMU virt) on rvn: it boots to its prompt,
// a key typed through --input stops the autoboot, and commands typed on its console answer.
// The same input gives the same run.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rvn } from '../cli/rvn';

const UBOOT = '/usr/lib/u-boot/qemu-riscv64/u-boot.bin';

describe('U-Boot on rvn', () => {
  it('stops autoboot on a key, answers version and printenv, powers off', () => {
    expect(existsSync(UBOOT), `${UBOOT} (apt-get install u-boot-qemu)`).toBe(true);
    const args = ['run', UBOOT, '--timing', 'ideal', '--input', 'x\\nversion\\nprintenv\\npoweroff\\n', '--max-cycles', '2G', '--stats'];
    const r = rvn(args);
    expect(r.stdout).toContain('Hit any key to stop autoboot:');
    // Interrupted: U-Boot never went looking for a boot device.
    expect(r.stdout).not.toContain('scanning bus');
    expect(r.stdout).toMatch(/=> version\r?\nU-Boot 2\d{3}\.\d{2}/);
    expect(r.stdout).toMatch(/=> printenv\r?\n(.*\r?\n)*bootdelay=2\r?\n/);
    expect(r.stdout).toMatch(/\r?\nEnvironment size: \d+\/\d+ bytes\r?\n/);
    expect(r.stdout).toContain('=> poweroff');
    expect(r.status).toBe(0); // through the test device, as QEMU's sysreset does it
    const again = rvn(args);
    expect(again.stdout).toBe(r.stdout);
    const counts = (s: string) => /(\d+) instructions, (\d+) cycles/.exec(s)?.slice(1);
    expect(counts(again.stderr)).toEqual(counts(r.stderr));
  }, 300_000);
});
