// A virtio-net driver none of us wrote: Debian's U-Boot (u-boot-qemu, built for QEMU virt)
// on rvn with --net user gets an address by DHCP and pings the gateway, its commands typed
// through --input; tshark then decodes the run's capture with no mark. Fails (never skips)
// without U-Boot or tshark: `apt-get install u-boot-qemu tshark`.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rvn, tempDir } from '../cli/rvn';
import { expectCleanDecode, tsharkFrames, tsharkInstalled } from './tshark';

const UBOOT = '/usr/lib/u-boot/qemu-riscv64/u-boot.bin';

describe('U-Boot on rvn --net user', () => {
  it('dhcp gets 10.0.2.15, ping 10.0.2.2 is alive, and tshark decodes the capture', () => {
    expect(existsSync(UBOOT), `${UBOOT} (apt-get install u-boot-qemu)`).toBe(true);
    expect(tsharkInstalled(), 'tshark is missing: apt-get install tshark').toBe(true);
    const pcap = `${tempDir()}/uboot.pcap`;
    // A key stops the autoboot; `autoload no` keeps dhcp from fetching a boot file by TFTP.
    const input = 'x\\nsetenv autoload no\\ndhcp\\nping 10.0.2.2\\npoweroff\\n';
    const r = rvn(['run', UBOOT, '--timing', 'ideal', '--net', 'user', '--pcap', pcap, '--input', input, '--max-cycles', '2G', '--stats']);
    expect(r.stdout).toContain('Net:   eth0: virtio-net#0');
    expect(r.stdout).toMatch(/DHCP client bound to address 10\.0\.2\.15/);
    expect(r.stdout).toContain('host 10.0.2.2 is alive');
    expect(r.status, r.stderr).toBe(0);
    const frames = tsharkFrames(pcap);
    const info = frames.map((l) => l.split('\t')[2]).join('\n');
    expect(info).toMatch(/DHCP Discover[\s\S]*DHCP Offer[\s\S]*DHCP Request[\s\S]*DHCP ACK/);
    expect(info).toMatch(/Who has 10\.0\.2\.2\? Tell 10\.0\.2\.15\n10\.0\.2\.2 is at 52:55:0a:00:02:02/);
    expect(info).toMatch(/Echo \(ping\) request[\s\S]*Echo \(ping\) reply/);
    expectCleanDecode(pcap);
  }, 300_000);
});
