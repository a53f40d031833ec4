// The NWP as a process under the kernel (src/os/programs/nwp) serving the TCP server
// (src/os/programs/tcp-server) in the four variants of experiments.md: sync (32 handler
// threads, sync IPC) and async (one thread, 32 coroutines, the async channel with user
// interrupts), up (both on hart 0) and smp (the NWP on hart 1), driven by the host side's TCP
// and load generator.
import { beforeAll, describe, expect, it } from 'vitest';
import { LoadGenerator } from '../../src/net/loadgen';
import type { LoadTest } from '../../src/net/loadgen';
import { system } from '../os/harness';
import { Guest } from './harness';

const VARIANTS = ['nwp-up-sync', 'nwp-smp-sync', 'nwp-up-async', 'nwp-smp-async'] as const;
type Variant = (typeof VARIANTS)[number];

const images = new Map<Variant, Uint8Array>();
beforeAll(() => {
  for (const v of VARIANTS) images.set(v, system(v).image);
}, 300_000);

function boot(v: Variant, test: LoadTest | 'call' = 'call', extra: Partial<ConstructorParameters<typeof Guest>[1]> = {}): Guest {
  const g = new Guest(images.get(v)!, { memBytes: 64 << 20, bootargs: `test=${test}`, harts: v.includes('smp') ? 2 : 1, ...extra });
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

describe.each(['nwp-up-sync', 'nwp-up-async'] as const)('%s', (v) => {
  const sync = v.endsWith('-sync');
  it('boots: the NWP takes 10.0.2.15 by DHCP, the TCP server listens on port 80 with 32 handlers', () => {
    const g = boot(v);
    expect(g.text).toContain(`rvn kernel: 1 harts, ${sync ? 34 : 3} threads in 1 address spaces`);
    expect(g.text).toContain(`nwp: 10.0.2.15 (DHCP), virtio-net with EVENT_IDX, serving sockets over ${sync ? 'IPC' : 'the async channel'}`);
    expect(g.text).toContain("tcp-server: 32 handlers on port 80 (call: each byte answered, until '.')");
  });

  it('a host connection gets each byte answered, and is closed by the server after its \'.\'', () => {
    const g = boot(v);
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
      const g = boot(v, test);
      for (const k of [1, 8, 32]) load(g, test, k, 64);
      expect(g.stats().tcp_accepted).toBe(41);
      expect(g.stats().tcp_retransmits).toBe(0);
    }, 120_000);
  }

  it('with frames lost on the wire the call load still completes, the NWP retransmitting on its timer', () => {
    const g = boot(v, 'call', { net: { impairments: { loss: 0.03, seed: 21 } } });
    load(g, 'call', 4, 32);
    expect(g.stats().tcp_retransmits).toBeGreaterThan(0);
    expect(g.net.network.link.counters.lost[0]).toBeGreaterThan(0);
  }, 120_000);

  it('is deterministic: two runs of the same load end at the same cycle with byte-identical captures', () => {
    const runs = [0, 1].map(() => {
      const g = boot(v);
      const gen = load(g, 'call', 4, 32);
      return { end: gen.lastEnd, pcap: g.pcap() };
    });
    expect(runs[1].end).toBe(runs[0].end);
    expect(runs[1].pcap.equals(runs[0].pcap)).toBe(true);
  }, 120_000);
});

describe.each(['nwp-smp-sync', 'nwp-smp-async'] as const)('%s (the NWP on hart 1, the TCP server and the card\'s interrupts on hart 0)', (v) => {
  it('serves the call and write loads over 1 and 32 connections', () => {
    const g = boot(v);
    expect(g.text).toContain(`rvn kernel: 2 harts, ${v.endsWith('-sync') ? 34 : 3} threads in 1 address spaces`);
    for (const k of [1, 32]) load(g, 'call', k, 64);
    const w = boot(v, 'write');
    for (const k of [1, 32]) load(w, 'write', k, 64);
  }, 120_000);
});
