// The NWP as a process under the kernel (src/os/programs/nwp) serving the TCP server's 32
// handler threads (src/os/programs/tcp-server) over synchronous IPC, in the two sync variants
// of experiments.md (nwp-up-sync: both on hart 0; nwp-smp-sync: the NWP on hart 1), driven by
// the host side's TCP and load generator.
import { beforeAll, describe, expect, it } from 'vitest';
import { LoadGenerator } from '../../src/net/loadgen';
import type { LoadTest } from '../../src/net/loadgen';
import { system } from '../os/harness';
import { Guest } from './harness';

let up: Uint8Array;
let smp: Uint8Array;
beforeAll(() => {
  up = system('nwp-up-sync').image;
  smp = system('nwp-smp-sync').image;
}, 300_000);

function boot(image: Uint8Array, test: LoadTest | 'call' = 'call', extra: Partial<ConstructorParameters<typeof Guest>[1]> = {}): Guest {
  const g = new Guest(image, { memBytes: 64 << 20, bootargs: `test=${test}`, harts: image === smp ? 2 : 1, ...extra });
  g.ready(100_000_000);
  return g;
}

function load(g: Guest, test: LoadTest, k: number, requests: number): LoadGenerator {
  const gen = new LoadGenerator(g.host, { test, connections: k, requests, port: 80, startAt: g.m.cycles + 1000 });
  g.host.addApp(gen);
  expect(g.runUntil(() => gen.finished, g.m.cycles + 1_000_000_000), `${test} K=${k}`).toBe(true);
  expect(gen.completed, `${test} K=${k}`).toBe(requests);
  expect(gen.failedConnections).toBe(0);
  return gen;
}

describe('nwp-up-sync', () => {
  it('boots: the NWP takes 10.0.2.15 by DHCP, the TCP server listens on port 80 with 32 handlers', () => {
    const g = boot(up);
    expect(g.text).toContain('rvn kernel: 1 harts, 34 threads in 1 address spaces');
    expect(g.text).toContain('nwp: 10.0.2.15 (DHCP), virtio-net with EVENT_IDX, serving sockets over IPC');
    expect(g.text).toContain("tcp-server: 32 handlers on port 80 (call: each byte answered, until '.')");
  });

  it('a host connection gets each byte answered, and is closed by the server after its \'.\'', () => {
    const g = boot(up);
    const s = g.connect(80);
    const msg = new TextEncoder().encode('through the NWP.');
    s.send(msg);
    g.host.wake(g.m.cycles);
    expect(g.runUntil(() => s.state === 'CLOSE-WAIT', g.m.cycles + 200_000_000)).toBe(true); // the server's FIN
    const got = new Uint8Array(64);
    const n = s.recv(got);
    expect(s.eof).toBe(true);
    // every byte before '.' comes back; '.' itself ends the connection
    expect(new TextDecoder().decode(got.subarray(0, n))).toBe('through the NWP');
  });

  for (const test of ['call', 'read', 'write'] as const) {
    it(`${test}: the load generator's requests over 1, 8 and 32 connections all complete`, () => {
      const g = boot(up, test);
      for (const k of [1, 8, 32]) load(g, test, k, 64);
      expect(g.stats().tcp_accepted).toBe(41);
      expect(g.stats().tcp_retransmits).toBe(0);
    }, 120_000);
  }

  it('with frames lost on the wire the call load still completes, the NWP retransmitting on its timer', () => {
    const g = boot(up, 'call', { net: { impairments: { loss: 0.03, seed: 21 } } });
    load(g, 'call', 4, 32);
    expect(g.stats().tcp_retransmits).toBeGreaterThan(0);
    expect(g.net.network.link.counters.lost[0]).toBeGreaterThan(0);
  }, 120_000);

  it('is deterministic: two runs of the same load end at the same cycle with byte-identical captures', () => {
    const runs = [0, 1].map(() => {
      const g = boot(up);
      const gen = load(g, 'call', 4, 32);
      return { end: gen.lastEnd, pcap: g.pcap() };
    });
    expect(runs[1].end).toBe(runs[0].end);
    expect(runs[1].pcap.equals(runs[0].pcap)).toBe(true);
  }, 120_000);
});

describe('nwp-smp-sync (the NWP on hart 1, the TCP server and the card\'s interrupts on hart 0)', () => {
  it('serves the call load over 1 and 32 connections', () => {
    const g = boot(smp);
    expect(g.text).toContain('rvn kernel: 2 harts, 34 threads in 1 address spaces');
    for (const k of [1, 32]) load(g, 'call', k, 64);
  }, 120_000);
});
