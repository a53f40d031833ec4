// The SBI check payload against two firmwares and machines none of us wrote: on Debian's
// OpenSBI (fw_jump) under rvn, it must get the same answers as from rvn-fw (the SBI spec's),
// bar the implementation ID; and rvn-fw itself must serve them on QEMU's virt machine.
// Fail (never skip) when the software is missing: apt-get install opensbi qemu-system-misc.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { idealProfile } from '../../src/timing/index';
import { expectedSbiLines, payloadLines } from './sbi-expected';
import { FW_JUMP, firmwareElf, run, sbiCheckPayload } from './harness';
import { tempDir, writeTemp } from '../cli/rvn';

describe('the SBI check payload elsewhere', () => {
  test('on OpenSBI fw_jump under rvn, 2 harts: the same answers (implementation ID 1, OpenSBI)', () => {
    expect(existsSync(FW_JUMP), `${FW_JUMP} is missing: apt-get install opensbi`).toBe(true);
    const r = run([new Uint8Array(readFileSync(FW_JUMP)), sbiCheckPayload()], { harts: 2, timing: idealProfile() });
    expect(r.stdout).toContain('OpenSBI v');
    expect(payloadLines(r.stdout)).toEqual(expectedSbiLines(2, '0x1'));
    expect(r.result.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
  });

  test("rvn-fw on QEMU's virt machine (-bios none), 2 harts: the same answers", () => {
    const dir = tempDir();
    const fw = writeTemp(dir, 'rvn-fw.elf', firmwareElf());
    const payload = writeTemp(dir, 'sbi-check.elf', sbiCheckPayload());
    const q = spawnSync('qemu-system-riscv64', ['-M', 'virt', '-m', '128M', '-smp', '2', '-nographic', '-bios', 'none',
      '-kernel', fw, '-device', `loader,file=${payload}`], { encoding: 'utf8', timeout: 60_000 });
    expect(q.error, 'qemu-system-riscv64 is missing: apt-get install qemu-system-misc').toBeUndefined();
    expect(payloadLines(q.stdout)).toEqual(expectedSbiLines(2, '0x52564e'));
    expect(q.status).toBe(0);
  });
});
