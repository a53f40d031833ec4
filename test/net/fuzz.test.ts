// Fuzzing the host side with what a buggy or hostile guest could send: random bytes, and the
// golden frames of every protocol mutated (bit flips, truncation, extension, changed fields)
// both with their checksums left wrong and repaired, so the mutations reach the parsers behind
// the checksums. Nothing may throw, every frame is counted, and everything the host sends back
// is a well-formed frame (checked by an independent parse: lengths and RFC 1071 checksums).
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/hw/events';
import { UserNet } from '../../src/net/usernet';
import { rng } from '../virtio/fake';
import { Golden, checksum, tcpFromGuestFrame } from './frames';

const CLOCK = 100_000_000;

/** Recomputes the IPv4 header checksum and the ICMP/UDP/TCP checksum of an Ethernet frame, where the lengths allow. */
function repair(f: Uint8Array): void {
  if (f.length < 34 || f[12] !== 0x08 || f[13] !== 0x00) return;
  const ihl = (f[14] & 15) * 4;
  if (ihl < 20 || 14 + ihl > f.length) return;
  f[24] = f[25] = 0;
  const c = checksum(f, 14, ihl);
  f[24] = c >> 8;
  f[25] = c & 0xff;
  const total = (f[16] << 8) | f[17];
  const l4 = 14 + ihl;
  const len = Math.min(total, f.length - 14) - ihl;
  if (len < 8) return;
  const pseudo = (p: number) => ((f[26] << 8) | f[27]) + ((f[28] << 8) | f[29]) + ((f[30] << 8) | f[31]) + ((f[32] << 8) | f[33]) + p + len;
  const at = f[23] === 1 ? l4 + 2 : f[23] === 17 ? l4 + 6 : f[23] === 6 && len >= 20 ? l4 + 16 : -1;
  if (at < 0) return;
  f[at] = f[at + 1] = 0;
  const v = checksum(f, l4, len, f[23] === 1 ? 0 : pseudo(f[23]));
  f[at] = v >> 8;
  f[at + 1] = v & 0xff;
}

function mutate(rand: () => number, src: Uint8Array): Uint8Array {
  let f = src.slice();
  const n = 1 + (rand() % 4);
  for (let k = 0; k < n; k++) {
    switch (rand() % 5) {
      case 0: f[rand() % f.length] ^= 1 << (rand() % 8); break;
      case 1: f[rand() % f.length] = rand() & 0xff; break;
      case 2: f = f.slice(0, rand() % (f.length + 1)); break;
      case 3: {
        const g = new Uint8Array(f.length + (rand() % 64));
        g.set(f);
        for (let i = f.length; i < g.length; i++) g[i] = rand() & 0xff;
        f = g;
        break;
      }
      default: {
        // A length or header field the parsers rely on: IP IHL/total length, UDP length, TCP offset.
        const fields = [14, 16, 17, 38, 39, 46];
        const at = fields[rand() % fields.length];
        if (at < f.length) f[at] = rand() & 0xff;
      }
    }
    if (f.length === 0) break;
  }
  if (rand() % 2 === 0) repair(f);
  return f;
}

/** Checks a frame the host sent: Ethernet length, and for IPv4 the header and payload checksums. */
function wellFormed(f: Uint8Array): void {
  expect(f.length).toBeGreaterThanOrEqual(60);
  expect(f.length).toBeLessThanOrEqual(1514);
  const type = (f[12] << 8) | f[13];
  expect([0x0800, 0x0806]).toContain(type);
  if (type !== 0x0800) return;
  const ihl = (f[14] & 15) * 4;
  expect(checksum(f, 14, ihl)).toBe(0);
  const total = (f[16] << 8) | f[17];
  expect(14 + total).toBeLessThanOrEqual(f.length);
  const len = total - ihl;
  const l4 = 14 + ihl;
  const pseudo = ((f[26] << 8) | f[27]) + ((f[28] << 8) | f[29]) + ((f[30] << 8) | f[31]) + ((f[32] << 8) | f[33]) + f[23] + len;
  expect(checksum(f, l4, len, f[23] === 1 ? 0 : pseudo)).toBe(0);
}

function host() {
  const events = new EventQueue();
  const net = new UserNet({ events, clockHz: CLOCK });
  const out: Uint8Array[] = [];
  net.connectWire((frame, len) => out.push(frame.slice(0, len)));
  return { events, net, out };
}

describe('fuzz: the host side', () => {
  it('takes 3000 random frames without throwing, counting each', () => {
    const rand = rng(0x5eed);
    const { net, out, events } = host();
    for (let i = 0; i < 3000; i++) {
      const f = new Uint8Array(rand() % 1600);
      for (let j = 0; j < f.length; j++) f[j] = rand() & 0xff;
      // Often addressed to the gateway as IPv4 or ARP, so the frames go past the first check.
      if (f.length >= 14 && rand() % 2 === 0) {
        f.set([0x52, 0x55, 0x0a, 0x00, 0x02, 0x02], 0);
        f[12] = 8;
        f[13] = rand() % 2 === 0 ? 0 : 6;
      }
      net.receiveFrame(f, f.length, i);
      events.runUntil(i);
    }
    expect(net.counters.framesIn).toBe(3000);
    out.forEach(wellFormed);
  });

  it('takes 4000 mutated golden frames of every protocol without throwing; all replies are well formed', () => {
    const rand = rng(42);
    const seeds = [Golden.arpRequest, Golden.icmpRequest, Golden.dhcpDiscover, Golden.dhcpRequest, Golden.tcpGuestSyn, Golden.tcpSynAck, Golden.tcpEcho];
    const { net, out, events } = host();
    const sock = net.connect(7); // a connection for the TCP mutations to land on
    let time = 0;
    for (let i = 0; i < 4000; i++) {
      const f = mutate(rand, seeds[rand() % seeds.length]);
      time += 1000;
      net.receiveFrame(f, f.length, time);
      events.runUntil(time);
      if (i % 500 === 0) sock.send(Uint8Array.of(1, 2, 3));
    }
    expect(net.counters.framesIn).toBe(4000);
    expect(out.length).toBeGreaterThan(100);
    out.forEach(wellFormed);
    const refused = net.counters.badFrame + net.counters.badArp + net.counters.badIpv4 + net.counters.badIcmp +
      net.counters.badUdp + net.counters.badDhcp + net.counters.badTcp;
    expect(refused).toBeGreaterThan(500);
  });

  it('a host TCP connection survives random segments from the guest (flags, sequence numbers, data)', () => {
    const rand = rng(7);
    const { net, out, events } = host();
    net.receiveFrame(Golden.arpRequest, Golden.arpRequest.length, 0);
    const sock = net.connect(7);
    net.poll(0);
    let time = 0;
    for (let i = 0; i < 2000; i++) {
      const flags = rand() & 0x1f;
      const seq = rand() % 4 === 0 ? 0x01000000 + (rand() % 8) : rand();
      const ack = rand() % 4 === 0 ? 0x9e3779b2 + (rand() % 8) : rand();
      const data = rand() % 3 === 0 ? rand() % 100 : 0;
      const f = tcpFromGuestFrame(7, 49152, seq, ack, flags, rand() & 0xffff, data);
      time += 10_000;
      net.receiveFrame(f, f.length, time);
      events.runUntil(time);
      if (sock.readable > 0) sock.recv(new Uint8Array(4096));
      if (rand() % 50 === 0) sock.send(new Uint8Array(rand() % 3000));
    }
    events.runUntil(time + 100 * CLOCK);
    out.forEach(wellFormed);
  });
});
