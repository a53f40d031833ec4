// Transfers through the NWP stack (src/os/nwp, bare metal) against the host side's own TCP
// (src/net): bulk echo over several connections on a clean wire and on a wire that loses,
// reorders and duplicates frames (seeded), the benchmark's load generator in its three tests
// over 1..32 connections, and the driver's three ways of waiting for the card.
import { beforeAll, describe, expect, it } from 'vitest';
import type { LinkImpairments } from '../../src/net/link';
import { LoadGenerator } from '../../src/net/loadgen';
import type { LoadTest } from '../../src/net/loadgen';
import type { TcpSocket } from '../../src/net/tcp-socket';
import { Guest, pattern, serverElf } from './harness';

let elf: Uint8Array;
beforeAll(async () => {
  elf = await serverElf();
}, 120_000);

/** Sends `size` pattern bytes on each of `conns` echo connections; returns what came back. */
function echoTransfers(g: Guest, conns: number, size: number, maxCycles: number) {
  const socks: TcpSocket[] = [];
  const data: Uint8Array[] = [];
  const got: number[][] = [];
  for (let i = 0; i < conns; i++) {
    socks.push(g.connect(7));
    data.push(pattern(size, 100 + i));
    got.push([]);
  }
  const sent = new Array<number>(conns).fill(0);
  const buf = new Uint8Array(8192);
  const done = g.runUntil(() => {
    let all = true;
    socks.forEach((s, i) => {
      if (sent[i] < size) {
        sent[i] += s.send(data[i], sent[i]);
        if (sent[i] === size) s.close(); // the echo closes when it has sent everything back
        g.host.wake(g.m.cycles);
      }
      for (let n = s.recv(buf); n > 0; n = s.recv(buf)) got[i].push(...buf.subarray(0, n));
      if (!(s.eof || s.isClosed)) all = false;
    });
    return all;
  }, maxCycles, 200_000);
  return { done, socks, data, got };
}

describe('bulk transfers against the host side TCP', () => {
  it('4 echo connections × 48 KiB on a clean wire: every byte back in order, no retransmission', () => {
    const g = new Guest(elf);
    g.ready();
    const r = echoTransfers(g, 4, 48 << 10, 100_000_000);
    expect(r.done).toBe(true);
    r.got.forEach((got, i) => {
      expect(r.socks[i].error).toBeUndefined();
      expect(Buffer.from(got).equals(Buffer.from(r.data[i]))).toBe(true);
    });
    expect(g.stats()).toMatchObject({ tcp_accepted: 4, tcp_retransmits: 0, tcp_out_of_order: 0, tcp_duplicates: 0, bad_tcp: 0 });
  });

  const impaired: [string, LinkImpairments][] = [
    ['5% loss', { loss: 0.05, seed: 11 }],
    ['10% reordering by 50 µs', { reorder: 0.1, reorderDelayCycles: 5000, seed: 12 }],
    ['10% duplication', { duplicate: 0.1, seed: 13 }],
    ['all three', { loss: 0.05, reorder: 0.05, duplicate: 0.05, reorderDelayCycles: 5000, seed: 14 }],
  ];
  for (const [what, impairments] of impaired) {
    it(`3 echo connections × 32 KiB with ${what}: bytes intact, and the stack's counters show what it repaired`, () => {
      const g = new Guest(elf, { net: { impairments } });
      g.ready();
      const r = echoTransfers(g, 3, 32 << 10, 3_000_000_000);
      expect(r.done).toBe(true);
      r.got.forEach((got, i) => {
        expect(r.socks[i].error).toBeUndefined();
        expect(got.length).toBe(r.data[i].length);
        expect(Buffer.from(got).equals(Buffer.from(r.data[i]))).toBe(true);
      });
      const st = g.stats();
      const link = g.net.network.link.counters;
      if (impairments.loss) {
        expect(link.lost[0] + link.lost[1]).toBeGreaterThan(0);
        expect(link.lost[0]).toBeGreaterThan(0); // the guest lost some of its own segments...
        expect(st.tcp_retransmits).toBeGreaterThan(0); // ...and sent them again
      }
      if (impairments.reorder) {
        expect(link.reordered[1]).toBeGreaterThan(0);
        expect(st.tcp_out_of_order).toBeGreaterThan(0); // held and reassembled
      }
      if (impairments.duplicate) {
        expect(link.duplicated[1]).toBeGreaterThan(0);
        expect(st.tcp_duplicates).toBeGreaterThan(0); // recognised and dropped
      }
      expect(st.bad_tcp).toBe(0);
    });
  }
});

describe('the benchmark load (src/net/loadgen.ts) against the bare server', () => {
  // Ports of the bare server's services: call 80, read 81, write 82.
  const PORTS: Record<LoadTest, number> = { call: 80, read: 81, write: 82 };
  for (const test of ['read', 'write', 'call'] as const) {
    it(`${test}: every request of K = 1, 2, 4, 8, 16, 32 connections completes, and every connection closes`, () => {
      for (const k of [1, 2, 4, 8, 16, 32]) {
        const g = new Guest(elf);
        g.ready();
        const requests = 96;
        const load = new LoadGenerator(g.host, { test, connections: k, requests, port: PORTS[test], startAt: g.m.cycles + 1000 });
        g.host.addApp(load);
        expect(g.runUntil(() => load.finished, 500_000_000), `${test} K=${k}`).toBe(true);
        expect(load.completed, `${test} K=${k}`).toBe(requests);
        expect(load.failedConnections).toBe(0);
        const s = load.summary(100e6);
        expect(s.requestsPerSecond).toBeGreaterThan(0);
        if (test !== 'write') for (let i = 0; i < requests; i++) expect(load.latencies[i]).toBeGreaterThan(0);
        const st = g.stats();
        expect(st.tcp_accepted).toBe(k);
        expect(st.tcp_retransmits).toBe(0);
        // The server closed each connection after reading '.': all its sockets end in TIME-WAIT
        // or closed; the host saw every FIN.
        expect(g.host.sockets.every((sock) => sock.eof || sock.isClosed)).toBe(true);
      }
    }, 120_000);
  }

  it('sockets come back after TIME-WAIT: two rounds of 32 connections (more than the pool of 40) both complete', () => {
    const g = new Guest(elf);
    g.ready();
    for (let round = 0; round < 2; round++) {
      const load = new LoadGenerator(g.host, { test: 'call', connections: 32, requests: 64, port: 80, startAt: g.m.cycles + 1000 });
      g.host.addApp(load);
      expect(g.runUntil(() => load.finished, g.m.cycles + 500_000_000), `round ${round}`).toBe(true);
      expect(load.completed).toBe(64);
      expect(load.failedConnections).toBe(0);
    }
    expect(g.stats().tcp_accepted).toBe(64);
  });
});

describe('the driver waits for the card three ways', () => {
  const modes: [string, number][] = [['interrupts with EVENT_IDX', 2], ['interrupts without EVENT_IDX', 0], ['polling', 1]];
  for (const [what, options] of modes) {
    it(`${what}: the call load over 4 connections completes`, () => {
      const g = new Guest(elf);
      g.setVariable('server_options', options);
      g.ready();
      const load = new LoadGenerator(g.host, { test: 'call', connections: 4, requests: 64, port: 80, startAt: g.m.cycles + 1000 });
      g.host.addApp(load);
      expect(g.runUntil(() => load.finished, 500_000_000)).toBe(true);
      expect(load.completed).toBe(64);
      const d = g.driverStats();
      const nic = g.net.nic.counters;
      expect(d.rx).toBe(nic.rxFrames);
      expect(d.tx).toBe(nic.txFrames);
      if (options === 1) expect(d.interrupts).toBe(0);
      else {
        // Sleeping in WFI between requests: woken by the card. With EVENT_IDX only received
        // frames interrupt (the card's very first used-buffer decision always does, as QEMU's).
        expect(d.interrupts).toBeGreaterThan(0);
        if (options === 2) expect(d.interrupts).toBeLessThanOrEqual(nic.rxFrames + 1);
      }
    });
  }
});
