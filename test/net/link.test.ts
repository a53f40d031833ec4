// The wire (latency, bandwidth with Ethernet's per-frame overhead, a bounded queue) and the
// pcap writer (libpcap's file and record headers, nanosecond timestamps from cycles).
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/hw/events';
import { Link } from '../../src/net/link';
import { PcapWriter, cyclesToTimestamp } from '../../src/net/pcap';

function wire(cfg: { latencyCycles?: number; cyclesPerByte?: number; queueFrames?: number }) {
  const events = new EventQueue();
  const taps: [number, number, number][] = [];
  const link = new Link(events, cfg, (_f, len, time, side) => taps.push([len, time, side]));
  const got: [number, number, number][] = []; // [side received on, len, time]
  link.attach(0, { receiveFrame: (_f, len, t) => got.push([0, len, t]) });
  link.attach(1, { receiveFrame: (_f, len, t) => got.push([1, len, t]) });
  return { events, link, got, taps };
}

describe('the wire', () => {
  it('delivers to the other side after the latency, in both directions', () => {
    const { events, link, got } = wire({ latencyCycles: 500 });
    link.send(0, new Uint8Array(60), 60, 100);
    link.send(1, new Uint8Array(70), 70, 150);
    events.runUntil(10_000);
    expect(got).toEqual([[1, 60, 600], [0, 70, 650]]);
  });

  it('serialises frames at the bandwidth, counting preamble, FCS and gap (24 bytes) and the 60-byte minimum', () => {
    // 1 Gbit/s at 100 MHz: 0.8 cycles per byte. A 42-byte frame is padded to 60: (60 + 24) · 0.8 = 67.2.
    const { events, link, got } = wire({ cyclesPerByte: 0.8, latencyCycles: 10 });
    link.send(0, new Uint8Array(42), 42, 100);
    link.send(0, new Uint8Array(1514), 1514, 100); // waits for the first: (1514 + 24) · 0.8 = 1230.4 more
    events.runUntil(10_000);
    expect(got).toEqual([[1, 42, Math.ceil(100 + 67.2) + 10], [1, 1514, Math.ceil(100 + 67.2 + 1230.4) + 10]]);
  });

  it('drops frames beyond its queue and frames longer than Ethernet allows (counted per side)', () => {
    const { events, link, got } = wire({ queueFrames: 2, latencyCycles: 100 });
    expect([0, 1, 2].map(() => link.send(0, new Uint8Array(60), 60, 0))).toEqual([true, true, false]);
    expect(link.send(1, new Uint8Array(1515), 1515, 0)).toBe(false);
    expect(link.counters.dropped).toEqual([1, 1]);
    events.runUntil(100);
    expect(got).toHaveLength(2);
    expect(link.send(0, new Uint8Array(60), 60, 100)).toBe(true); // room again
  });

  it('shows every frame that enters the wire to the tap, with its send time and side', () => {
    const { link, taps } = wire({ latencyCycles: 50 });
    link.send(0, new Uint8Array(60), 60, 7);
    link.send(1, new Uint8Array(64), 64, 9);
    expect(taps).toEqual([[60, 7, 0], [64, 9, 1]]);
  });
});

describe('pcap writer (libpcap format, nanosecond variant)', () => {
  it('writes the file header and one record per frame with the emulated time', () => {
    const chunks: Uint8Array[] = [];
    const w = new PcapWriter((b) => chunks.push(b.slice()), 100_000_000);
    w.write(Uint8Array.of(1, 2, 3, 4, 5), 5, 123_456_789); // 1.23456789 s at 100 MHz
    w.flush();
    const hex = Buffer.concat(chunks).toString('hex');
    expect(hex).toBe(
      '4d3cb2a1' + '0200' + '0400' + '00000000' + '00000000' + 'ffff0000' + '01000000' + // magic (ns), v2.4, zone, sigfigs, snaplen 65535, Ethernet
        '01000000' + 'd238fb0d' + '05000000' + '05000000' + '0102030405', // 1 s, 234567890 ns (0x0dfb38d2), 5 of 5 bytes
    );
  });

  it('converts cycles to seconds and nanoseconds exactly, whatever the clock', () => {
    expect(cyclesToTimestamp(123_456_789, 100_000_000)).toEqual([1, 234_567_890]);
    expect(cyclesToTimestamp(7, 3)).toEqual([2, 333_333_333]);
    expect(cyclesToTimestamp(2 ** 40 + 5, 1_000_000_000)).toEqual([1099, 511_627_781]);
  });

  it('hands full buffers to the sink as it goes', () => {
    let bytes = 0;
    const w = new PcapWriter((b) => (bytes += b.length), 1e8);
    for (let i = 0; i < 100; i++) w.write(new Uint8Array(1514), 1514, i);
    expect(bytes).toBeGreaterThan(0);
    w.flush();
    expect(bytes).toBe(24 + 100 * (16 + 1514));
  });
});
