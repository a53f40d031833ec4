// The benchmark client of experiments.md against a scripted guest: what a request is in each
// test (read, write, call), the latency it records in cycles, the '.' and FIN at the end,
// and the summary's arithmetic.
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/hw/events';
import { LoadGenerator } from '../../src/net/loadgen';
import type { LoadTest } from '../../src/net/loadgen';
import { UserNet } from '../../src/net/usernet';
import { Golden, segmentOf, tcpFromGuestFrame } from './frames';

const ISS = 0x9e3779b1;
const IRS = 0x01000000;
const SYN = 0x02;
const ACK = 0x10;
const PSH = 0x08;
const FIN = 0x01;

/** One connection to port 80 at cycle 100, accepted by the scripted guest at cycle 200. */
function start(test: LoadTest, requests: number) {
  const events = new EventQueue();
  const net = new UserNet({ events, clockHz: 100e6 });
  const out: ReturnType<typeof segmentOf>[] = [];
  net.connectWire((frame, len) => out.push(segmentOf(frame.slice(0, len))));
  net.receiveFrame(Golden.arpRequest, Golden.arpRequest.length, 0);
  out.length = 0;
  const gen = new LoadGenerator(net, { test, connections: 1, requests, port: 80, startAt: 100 });
  net.addApp(gen);
  events.runUntil(100);
  expect(out.splice(0).map((s) => s.flags)).toEqual([SYN]);
  const guest = (t: number, seq: number, ack: number, flags: number, data = '') => {
    const f = tcpFromGuestFrame(80, 49152, IRS + seq, ISS + ack, flags, 4096, new TextEncoder().encode(data));
    net.receiveFrame(f, f.length, t);
    events.runUntil(t);
    return out.splice(0).map((s) => ({ flags: s.flags, data: String.fromCharCode(...s.data) }));
  };
  return { gen, net, guest };
}

describe('load generator', () => {
  it('call: sends "x", a request ends at the 1-byte answer; then "." and FIN', () => {
    const { gen, guest } = start('call', 2);
    expect(guest(200, 0, 1, SYN | ACK)).toEqual([{ flags: ACK | PSH, data: 'x' }]); // the first request rides the handshake's ACK
    expect(guest(1200, 1, 2, ACK | PSH, 'y')).toEqual([{ flags: ACK | PSH, data: 'x' }]);
    expect(guest(1500, 2, 3, ACK | PSH, 'y')).toEqual([{ flags: ACK | PSH, data: '.' }, { flags: FIN | ACK, data: '' }]);
    expect([...gen.latencies]).toEqual([1000, 300]);
    expect(gen.completed).toBe(2);
    guest(1600, 3, 5, FIN | ACK);
    expect(gen.finished).toBe(true);
    const s = gen.summary(100e6);
    // 2 requests between cycle 100 (the first connection attempt) and 1500: 1400 cycles = 14 µs.
    expect(s.requestsPerSecond).toBeCloseTo(2 / 14e-6, 6);
    expect(s.latencyMeanMs).toBeCloseTo(650 / 1e5, 12);
    expect(s.latencyVarianceMs2).toBeCloseTo((350 / 1e5) ** 2, 12);
  });

  it('read: a request ends when the guest acknowledges the byte', () => {
    const { gen, guest } = start('read', 2);
    guest(200, 0, 1, SYN | ACK);
    expect(guest(700, 1, 2, ACK)).toEqual([{ flags: ACK | PSH, data: 'x' }]);
    guest(750, 1, 3, ACK);
    expect([...gen.latencies]).toEqual([500, 50]);
  });

  it('write: each byte from the guest is a request; bytes after the first of a segment count 0', () => {
    const { gen, guest } = start('write', 3);
    guest(200, 0, 1, SYN | ACK);
    guest(1200, 1, 1, ACK | PSH, 'ab');
    const last = guest(1700, 3, 1, ACK | PSH, 'c');
    expect([...gen.latencies]).toEqual([1000, 0, 500]);
    expect(last.map((s) => s.data)).toEqual(['.', '']);
  });

  it('spreads N requests over K connections, the first N mod K one more', () => {
    const events = new EventQueue();
    const net = new UserNet({ events, clockHz: 100e6 });
    const gen = new LoadGenerator(net, { test: 'call', connections: 3, requests: 8, port: 80 });
    expect(gen.quotas).toEqual([3, 3, 2]);
  });

  it('counts a connection the guest refuses as failed', () => {
    const { gen, guest } = start('call', 4);
    guest(200, 0, 1, 0x04 | ACK); // RST|ACK
    expect(gen.failedConnections).toBe(1);
    expect(gen.finished).toBe(true);
  });
});
