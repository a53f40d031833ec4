// A real firmware that none of us wrote: Debian's OpenSBI (fw_jump) boots 4 harts on rvn and
// hands over to an S-mode payload built by rvn's own toolchain, which prints through SBI and
// shuts the machine down. Fails (never skips) when OpenSBI is not installed:
// `apt-get install opensbi`.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rvn, tempDir, writeTemp } from '../cli/rvn';

const FW_JUMP = '/usr/lib/riscv64-linux-gnu/opensbi/generic/fw_jump.bin';

describe('OpenSBI on rvn', () => {
  it('is installed (apt-get install opensbi)', () => {
    expect(existsSync(FW_JUMP), `${FW_JUMP} is missing: apt-get install opensbi`).toBe(true);
  });

  it('boots 4 harts and hands over to an rvn-built S-mode payload that shuts down cleanly', () => {
    const dir = tempDir();
    const payload = `${dir}/payload.bin`;
    const build = rvn(['build', 'firmware/payloads/sbi-hello.S', '-o', payload, '--text', '0x80200000', '--format', 'bin']);
    expect(build.status, build.stderr).toBe(0);
    expect(readFileSync(payload).length).toBeGreaterThan(0);

    const r = rvn(['run', FW_JUMP, '--harts', '4', '--load', `${payload}@0x80200000`]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('OpenSBI v');
    expect(r.stdout).toMatch(/Platform HART Count\s*: 4/);
    expect(r.stdout).toMatch(/Platform Console Device\s*: uart8250/);
    expect(r.stdout).toMatch(/Platform Timer Device\s*: aclint-mtimer @ 10000000Hz/);
    expect(r.stdout).toMatch(/Domain0 Next Address\s*: 0x0*80200000/);
    expect(r.stdout).toMatch(/Domain0 Next Mode\s*: S-mode/);
    // The payload's line comes after the banner, through the SBI console.
    expect(r.stdout).toMatch(/Boot HART ID\s*: (\d)[\s\S]*rvn payload: hello from S-mode on hart \1\r?\n/);
    writeTemp(dir, 'console.txt', r.stdout);
  });
});
