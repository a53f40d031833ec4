// The network options of `rvn run` as users meet them: a guest that uses the network, the
// pcap file, the --stats lines, and one-line errors for every bad value.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBitRate, parseDuration, parseHostFwd } from '../../src/cli/net';
import { RvnError } from '../../src/errors';
import { rvn, tempDir } from './rvn';

describe('rvn run --net user', () => {
  it('runs a guest that uses DHCP, ARP and ping; writes the pcap; --stats counts the frames', () => {
    const pcap = `${tempDir()}/ping.pcap`;
    const r = rvn(['run', 'examples/net/ping.ts', '--net', 'user', '--pcap', pcap, '--stats']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('dhcp: bound to 10.0.2.15');
    expect(r.stdout).toMatch(/ping: reply from 10\.0\.2\.2 seq 3/);
    expect(r.stderr).toContain('rvn: net: guest sent 6 frames (948 bytes), received 6 frames (1462 bytes)');
    const file = readFileSync(pcap);
    expect(file.readUInt32LE(0)).toBe(0xa1b23c4d);
    // 12 frames: 24-byte header + 12 record headers + the bytes both ways (the guest's 948 and
    // the 1462 it received).
    expect(file.length).toBe(24 + 12 * 16 + 948 + 1462);
  });

  it('--mac sets the card\'s address (the guest reads it from configuration space)', () => {
    const r = rvn(['run', 'examples/net/ping.ts', '--net', 'user', '--mac', '52:54:00:ab:cd:ef']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('virtio-net: mac 52:54:00:ab:cd:ef');
  });

  it('without --net 0x1000_8000 is an empty virtio slot (DeviceID 0): the example finds no card', () => {
    const r = rvn(['run', 'examples/net/ping.ts']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('virtio-net: no card (error 1)');
    expect(r.stderr).not.toMatch(/access fault/);
  });

  it('refuses network options without --net, and bad values, with one line and status 2', () => {
    const cases: [string[], RegExp][] = [
      [['--pcap', 'x.pcap'], /--pcap needs a network card: add --net user/],
      [['--hostfwd', 'tcp:8080:80'], /--hostfwd needs a network card/],
      [['--net', 'tap'], /--net.*'tap'.*Allowed choices are user/],
      [['--net', 'user', '--mac', '01:00:5e:00:00:01'], /--mac: '01:00:5e:00:00:01' is not a unicast MAC address/],
      [['--net', 'user', '--mac', 'nonsense'], /--mac: 'nonsense' is not a unicast MAC/],
      [['--net', 'user', '--net-latency', '5 parsecs'], /--net-latency: '5 parsecs' is not a duration/],
      [['--net', 'user', '--net-bandwidth', 'fast'], /--net-bandwidth: 'fast' is not a bit rate/],
      [['--net', 'user', '--hostfwd', 'udp:53:53'], /--hostfwd: 'udp:53:53' must be tcp:\[ADDR:\]HOSTPORT:GUESTPORT/],
      [['--net', 'user', '--pcap', '/nonexistent-dir/x.pcap'], /cannot write '\/nonexistent-dir\/x.pcap'/],
    ];
    for (const [args, message] of cases) {
      const r = rvn(['run', 'examples/net/ping.ts', ...args]);
      expect(r.stderr, args.join(' ')).toMatch(message);
      expect(r.stderr.trimEnd().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.status, args.join(' ')).toBe(args.includes('/nonexistent-dir/x.pcap') ? 1 : 2);
    }
  });
});

describe('network option values', () => {
  it('durations in s, ms, us, ns or cycles, at the core clock', () => {
    expect(parseDuration('--net-latency', '50us', 100e6)).toBe(5000);
    expect(parseDuration('--net-latency', '1.5ms', 100e6)).toBe(150_000);
    expect(parseDuration('--net-latency', '2000cycles', 100e6)).toBe(2000);
    expect(parseDuration('--net-latency', '10ns', 100e6)).toBe(1);
    expect(parseDuration('--net-latency', '0', 100e6)).toBe(0);
    expect(() => parseDuration('--net-latency', '-1ms', 100e6)).toThrow(RvnError);
  });

  it('bit rates with decimal K/M/G suffixes; 0 = unlimited', () => {
    expect(parseBitRate('--net-bandwidth', '100M')).toBe(100e6);
    expect(parseBitRate('--net-bandwidth', '1Gbit/s')).toBe(1e9);
    expect(parseBitRate('--net-bandwidth', '0')).toBe(0);
    expect(() => parseBitRate('--net-bandwidth', '10')).toThrow(/below 1 kbit\/s/);
  });

  it('port-forward rules as QEMU writes them (tcp:[ADDR:]HOSTPORT:GUESTPORT)', () => {
    expect(parseHostFwd('tcp:8080:80')).toEqual({ address: '127.0.0.1', hostPort: 8080, guestPort: 80 });
    expect(parseHostFwd('tcp:0.0.0.0:2222:22')).toEqual({ address: '0.0.0.0', hostPort: 2222, guestPort: 22 });
    expect(parseHostFwd('tcp:0:7')).toEqual({ address: '127.0.0.1', hostPort: 0, guestPort: 7 });
    expect(() => parseHostFwd('tcp:70000:80')).toThrow(RvnError);
    expect(() => parseHostFwd('tcp:80:0')).toThrow(RvnError);
  });
});
