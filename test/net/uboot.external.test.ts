// A virtio-net driver none of us wrote: Debian's U-Boot (u-boot-qemu, built for QEMU virt)
// on rvn with --net user gets an address by DHCP and pings the gateway; tshark then decodes
// the run's capture with no mark. Once through the library (the commands handed to the UART),
// once through the CLI with --input. Fails (never skips) without U-Boot or tshark:
// `apt-get install u-boot-qemu tshark`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Machine } from '../../src/machine/machine';
import { idealProfile } from '../../src/timing/profiles/index';
import { rvn, tempDir } from '../cli/rvn';
import { expectCleanDecode, tsharkFrames, tsharkInstalled } from './tshark';

const UBOOT = '/usr/lib/u-boot/qemu-riscv64/u-boot.bin';
/**
 * Typed after a key that stops the autoboot. One line: while a network command runs, U-Boot
 * polls the console for Ctrl-C and swallows what was typed ahead. `autoload no` keeps dhcp
 * from fetching a boot file by TFTP.
 */
const COMMANDS = 'setenv autoload no; dhcp; ping 10.0.2.2; poweroff';

describe('U-Boot on rvn --net user', () => {
  it('through the library: typed at its prompt, dhcp binds 10.0.2.15 and ping 10.0.2.2 is alive; tshark decodes the capture', () => {
    expect(existsSync(UBOOT), `${UBOOT} (apt-get install u-boot-qemu)`).toBe(true);
    expect(tsharkInstalled(), 'tshark is missing: apt-get install tshark').toBe(true);
    const out: Uint8Array[] = [];
    const capture: Uint8Array[] = [];
    const m = new Machine({ timing: idealProfile(), net: { pcap: (b) => capture.push(b.slice()) } }, { console: (b) => out.push(b.slice()) });
    m.load(new Uint8Array(readFileSync(UBOOT)), 'u-boot');
    const text = () => Buffer.concat(out).toString('latin1');
    let typed = false;
    for (let slice = 1; slice <= 400; slice++) {
      const r = m.run({ maxCycles: slice * 5_000_000 });
      if (!typed && text().includes('Hit any key to stop autoboot')) {
        m.role('console')!.receive(new TextEncoder().encode(`x\n${COMMANDS}\n`));
        typed = true;
      }
      if (r.reason.kind !== 'limit') {
        expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
        break;
      }
    }
    expect(text()).toContain('Net:   eth0: virtio-net#0');
    expect(text()).toMatch(/DHCP client bound to address 10\.0\.2\.15/);
    expect(text()).toContain('host 10.0.2.2 is alive');
    const net = m.role('network')!;
    expect(net.transport.lastError).toBeUndefined();
    net.network.flush();
    const pcap = `${tempDir()}/uboot-lib.pcap`;
    writeFileSync(pcap, Buffer.concat(capture));
    const info = tsharkFrames(pcap).map((l) => l.split('\t')[2]).join('\n');
    expect(info).toMatch(/DHCP Discover[\s\S]*DHCP Offer[\s\S]*DHCP Request[\s\S]*DHCP ACK/);
    expect(info).toMatch(/Echo \(ping\) request[\s\S]*Echo \(ping\) reply/);
    expectCleanDecode(pcap);
  }, 300_000);

  it('dhcp gets 10.0.2.15, ping 10.0.2.2 is alive, and tshark decodes the capture', () => {
    expect(existsSync(UBOOT), `${UBOOT} (apt-get install u-boot-qemu)`).toBe(true);
    expect(tsharkInstalled(), 'tshark is missing: apt-get install tshark').toBe(true);
    const pcap = `${tempDir()}/uboot.pcap`;
    // Console input from the command line comes with the groundwork's --input option.
    expect(rvn(['run', '--help']).stdout, 'rvn run has no --input option yet (console input, from the groundwork branch)').toContain('--input');
    const input = `x\\n${COMMANDS}\\n`;
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
