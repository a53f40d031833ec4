// Wireshark's tshark decodes rvn's captures: the pcap of a guest using DHCP, ARP and ICMP
// (examples/net/ping.ts over the CLI) and of TCP traffic between the host side's load
// generator and a guest TCP echo server. Every frame decoded, every checksum right, nothing
// malformed. Fails (never skips) without tshark: `apt-get install tshark`.
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadOrBuildImage } from '../../src/cli/sources';
import { Machine } from '../../src/machine/machine';
import { LoadGenerator } from '../../src/net/loadgen';
import { rvn, tempDir } from '../cli/rvn';
import { expectCleanDecode, tsharkFrames, tsharkInstalled } from './tshark';

describe('tshark reads rvn pcaps', () => {
  it('is installed (apt-get install tshark)', () => {
    expect(tsharkInstalled(), 'tshark is missing: apt-get install tshark').toBe(true);
  });

  it('decodes the DHCP, ARP and ICMP of examples/net/ping.ts with no mark', () => {
    const pcap = `${tempDir()}/ping.pcap`;
    const r = rvn(['run', 'examples/net/ping.ts', '--net', 'user', '--net-latency', '20us', '--net-bandwidth', '100M', '--pcap', pcap]);
    expect(r.status, r.stderr).toBe(0);
    const frames = tsharkFrames(pcap);
    expect(frames).toHaveLength(12);
    const proto = frames.map((l) => l.split('\t')[1]);
    expect(proto.slice(0, 4)).toEqual(Array(4).fill('eth:ethertype:ip:udp:dhcp'));
    expect(proto.slice(4, 6)).toEqual(['eth:ethertype:arp', 'eth:ethertype:arp']);
    expect(proto.slice(6)).toEqual(Array(6).fill('eth:ethertype:ip:icmp:data'));
    expect(frames[1]).toMatch(/DHCP Offer/);
    expect(frames[3]).toMatch(/DHCP ACK/);
    expect(frames[7]).toMatch(/Echo \(ping\) reply.*\(request in 7\)/);
    expectCleanDecode(pcap);
  });

  it('decodes the TCP of the load generator talking to a guest echo server with no mark', async () => {
    const image = await loadOrBuildImage(['examples/net/echo.ts']);
    const chunks: Uint8Array[] = [];
    const m = new Machine({ memBytes: 16 << 20, net: { pcap: (b) => chunks.push(b.slice()) } }, { console: () => {} });
    m.load(image, 'echo');
    const net = m.role('network')!;
    const load = new LoadGenerator(net.network.host, { test: 'call', connections: 4, requests: 64, port: 7, startAt: 1_000_000 });
    net.network.host.addApp(load);
    for (let slice = 1; slice <= 100 && !load.finished; slice++) m.run({ maxCycles: slice * 2_000_000 });
    expect(load.completed).toBe(64);
    net.network.flush();
    const pcap = `${tempDir()}/echo.pcap`;
    writeFileSync(pcap, Buffer.concat(chunks));
    const frames = tsharkFrames(pcap);
    expect(frames.filter((l) => l.includes('\teth:ethertype:ip:tcp')).length).toBeGreaterThan(64 * 2);
    expect(frames.filter((l) => /\[SYN\]/.test(l))).toHaveLength(4);
    expect(frames.filter((l) => /\[SYN, ACK\]/.test(l))).toHaveLength(4);
    expectCleanDecode(pcap);
  });
});
