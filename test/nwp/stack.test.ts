// The NWP stack (src/os/nwp) on bare metal, probed with frames written here from the RFC
// layouts (test/nwp/frames.ts) by a fake peer on the LAN (10.0.2.3, which the user network's
// gateway ignores), and read back from the wire's capture: DHCP, ARP, ICMP echo, TCP's
// handshake, resets, reassembly, flow control and retransmission timer, against expectations
// computed by hand from the RFCs.
import { beforeAll, describe, expect, it } from 'vitest';
import { ACK, FIN, GUEST_IP, GUEST_MAC, PSH, RST, SYN, ethernet, icmpEcho, ipv4, parse, tcp } from './frames';
import type { Parsed, Segment } from './frames';
import { Guest, serverElf } from './harness';

const PEER_MAC = [0x52, 0x55, 0x0a, 0x00, 0x02, 0x03];
const PEER_IP = 0x0a000203;
/** 100 MHz core, 10 MHz timebase: cycles per millisecond. */
const MS = 100_000;

let elf: Uint8Array;
beforeAll(async () => {
  elf = await serverElf();
}, 120_000);

function boot(): Guest {
  const g = new Guest(elf);
  g.ready();
  return g;
}

/** A host on the LAN that speaks TCP by hand. */
class Peer {
  private mark = 0;
  constructor(readonly g: Guest, readonly port: number, readonly localPort = 40000, readonly isn = 0x10000000) {}

  send(s: Partial<Segment> & { flags: number }): void {
    const seg: Segment = { srcPort: this.localPort, dstPort: this.port, seq: this.isn + 1, ack: 0, window: 65535, ...s };
    this.g.inject(ethernet(0x0800, ipv4(6, tcp(seg, PEER_IP, GUEST_IP), PEER_IP, GUEST_IP), GUEST_MAC, PEER_MAC));
  }

  /** The guest's TCP segments to this peer since the last call, with their cycle. */
  received(): { cycle: number; seg: NonNullable<Parsed['tcp']> }[] {
    const all = this.g.sentFrames().map((f) => ({ cycle: f.cycle, p: parse(f.bytes) }))
      .filter((f) => f.p.ip?.dst === PEER_IP && f.p.tcp !== undefined && f.p.tcp.dstPort === this.localPort);
    const out = all.slice(this.mark).map((f) => {
      expect(f.p.ip!.headerOk).toBe(true);
      expect(f.p.tcp!.checksumOk).toBe(true);
      expect(f.p.dstMac).toEqual(PEER_MAC);
      return { cycle: f.cycle, seg: f.p.tcp! };
    });
    this.mark = all.length;
    return out;
  }

  /** SYN → SYN-ACK → ACK; returns the guest's initial sequence number. */
  handshake(window = 65535, rttCycles = 20_000): number {
    this.send({ seq: this.isn, flags: SYN, mss: 1000, window });
    this.g.runFor(rttCycles);
    const [synAck] = this.received();
    expect(synAck.seg.flags).toBe(SYN | ACK);
    this.send({ flags: ACK, ack: synAck.seg.seq + 1, window });
    this.g.runFor(20_000);
    return synAck.seg.seq;
  }
}

describe('the interface', () => {
  it('takes 10.0.2.15 by DHCP and answers ARP requests for it, and only for it', () => {
    const g = boot();
    expect(g.text).toContain('nwp: 10.0.2.15 serving');
    expect(g.stats()).toMatchObject({ dhcp_sent: 2, dhcp_received: 2 });
    const arp = (target: number) => {
      const a = new Uint8Array(28);
      a.set([0, 1, 8, 0, 6, 4, 0, 1], 0);
      a.set(PEER_MAC, 8);
      a.set([10, 0, 2, 3], 14);
      a.set([(target >>> 24) & 255, (target >>> 16) & 255, (target >>> 8) & 255, target & 255], 24);
      return ethernet(0x0806, a, [255, 255, 255, 255, 255, 255], PEER_MAC);
    };
    const before = g.sentFrames().length;
    g.inject(arp(GUEST_IP));
    g.inject(arp(0x0a000263)); // someone else
    g.runFor(10_000);
    const replies = g.sentFrames().slice(before);
    expect(replies).toHaveLength(1);
    const r = replies[0].bytes;
    expect([...r.subarray(0, 14)]).toEqual([...PEER_MAC, ...GUEST_MAC, 0x08, 0x06]);
    // RFC 826 reply: op 2, sender = the guest, target = the asker.
    expect([...r.subarray(14, 42)]).toEqual([0, 1, 8, 0, 6, 4, 0, 2, ...GUEST_MAC, 10, 0, 2, 15, ...PEER_MAC, 10, 0, 2, 3]);
    expect(g.stats().arp_replies).toBe(1);
  });

  it('answers ICMP echo requests with the same identifier, sequence number and data (up to a full MTU)', () => {
    const g = boot();
    const before = g.sentFrames().length;
    for (const size of [0, 56, 1472]) {
      const data = Uint8Array.from({ length: size }, (_, i) => (i * 7 + size) & 255);
      g.inject(ethernet(0x0800, ipv4(1, icmpEcho(8, 0xbeef, size, data), PEER_IP), GUEST_MAC, PEER_MAC));
      g.runFor(20_000);
    }
    // Not to our address: no answer. A bad checksum: no answer, counted.
    g.inject(ethernet(0x0800, ipv4(1, icmpEcho(8, 1, 1, new Uint8Array(8)), PEER_IP, 0x0a000299), GUEST_MAC, PEER_MAC));
    const bad = icmpEcho(8, 1, 2, new Uint8Array(8));
    bad[2] ^= 0xff;
    g.inject(ethernet(0x0800, ipv4(1, bad, PEER_IP), GUEST_MAC, PEER_MAC));
    g.runFor(20_000);
    const replies = g.sentFrames().slice(before).map((f) => parse(f.bytes));
    expect(replies).toHaveLength(3);
    replies.forEach((r, i) => {
      const size = [0, 56, 1472][i];
      expect(r.ip).toMatchObject({ src: GUEST_IP, dst: PEER_IP, proto: 1, headerOk: true });
      expect(r.icmp).toMatchObject({ type: 0, code: 0, id: 0xbeef, seq: size, checksumOk: true });
      expect([...r.icmp!.data]).toEqual(Array.from({ length: size }, (_, k) => (k * 7 + size) & 255));
    });
    expect(g.stats()).toMatchObject({ icmp_echo: 3, bad_icmp: 1, not_for_us: 1 });
  });
});

describe('TCP, segment by segment', () => {
  it('handshake: SYN-ACK with MSS 1460 and the whole receive buffer as window; a repeated SYN gets the same SYN-ACK', () => {
    const g = boot();
    const peer = new Peer(g, 80);
    peer.send({ seq: peer.isn, flags: SYN, mss: 536 });
    g.runFor(5000);
    peer.send({ seq: peer.isn, flags: SYN, mss: 536 }); // as if the SYN-ACK were lost
    g.runFor(5000);
    const [a, b] = peer.received();
    for (const s of [a, b]) {
      expect(s.seg).toMatchObject({ srcPort: 80, dstPort: 40000, flags: SYN | ACK, ack: peer.isn + 1, mss: 1460, window: 8192 });
      expect(s.seg.data!.length).toBe(0);
    }
    expect(b.seg.seq).toBe(a.seg.seq);
    // The call service answers 'a' with 'a': sequence iss + 1, acknowledging the byte.
    peer.send({ flags: ACK, ack: a.seg.seq + 1 });
    peer.send({ flags: ACK | PSH, ack: a.seg.seq + 1, data: Uint8Array.of(0x61) });
    g.runFor(10_000);
    const [answer] = peer.received();
    expect(answer.seg).toMatchObject({ flags: ACK | PSH, seq: a.seg.seq + 1, ack: peer.isn + 2, window: 8192 });
    expect([...answer.seg.data!]).toEqual([0x61]);
    expect(g.stats()).toMatchObject({ tcp_accepted: 1, tcp_retransmits: 1 });
  });

  it('resets: a SYN to a closed port, an ACK for no connection; nothing for a RST or a bad checksum', () => {
    const g = boot();
    const peer = new Peer(g, 9);
    peer.send({ seq: 1000, flags: SYN });
    peer.send({ seq: 5000, ack: 777, flags: ACK, data: Uint8Array.of(1, 2, 3) });
    peer.send({ seq: 6000, flags: RST });
    g.runFor(10_000);
    const bad = tcp({ srcPort: 40000, dstPort: 7, seq: 1, ack: 0, flags: SYN, window: 100 }, PEER_IP, GUEST_IP);
    bad[16] ^= 1;
    g.inject(ethernet(0x0800, ipv4(6, bad, PEER_IP), GUEST_MAC, PEER_MAC));
    g.runFor(10_000);
    const got = peer.received().map((r) => r.seg);
    // RFC 9293 §3.10.7.1: no ACK → <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>; ACK → <SEQ=SEG.ACK><CTL=RST>.
    expect(got).toHaveLength(2);
    expect(got[0]).toMatchObject({ srcPort: 9, flags: RST | ACK, seq: 0, ack: 1001, window: 0 });
    expect(got[1]).toMatchObject({ srcPort: 9, flags: RST, seq: 777 });
    expect(g.stats()).toMatchObject({ tcp_rst_out: 2, bad_tcp: 1 });
  });

  it('out-of-order segments are kept and reassembled; each gap is reported by a duplicate ACK', () => {
    const g = boot();
    const peer = new Peer(g, 7);
    const iss = peer.handshake();
    peer.received();
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => i & 255);
    const piece = (k: number) => ({ flags: ACK | PSH, ack: iss + 1, seq: peer.isn + 1 + 100 * k, data: bytes.subarray(100 * k, 100 * k + 100) });
    peer.send(piece(2));
    g.runFor(5000);
    peer.send(piece(1));
    g.runFor(5000);
    peer.send(piece(2)); // a duplicate of held data
    g.runFor(5000);
    const dups = peer.received().map((r) => r.seg);
    expect(dups).toHaveLength(3);
    for (const d of dups) expect(d).toMatchObject({ ack: peer.isn + 1, flags: ACK, data: new Uint8Array(0) });
    peer.send(piece(0));
    g.runFor(20_000);
    const after = peer.received().map((r) => r.seg);
    // All 300 bytes are now in order: the echo sends them back in one segment acknowledging all.
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ ack: peer.isn + 301, seq: iss + 1 });
    expect([...after[0].data!]).toEqual([...bytes]);
    expect(g.stats()).toMatchObject({ tcp_out_of_order: 3 });
  });

  it('flow control: the window shrinks to 0 while the application cannot keep up, probes wait for the peer, and it reopens', () => {
    const g = boot();
    const peer = new Peer(g, 7);
    const iss = peer.handshake(0); // the peer's own window is 0: the echo cannot send anything back
    peer.received();
    // The peer sends 1000-byte segments from whatever the guest acknowledged last (as a sender
    // retransmitting what fell outside the window would).
    let acked = peer.isn + 1;
    let last: NonNullable<Parsed['tcp']> | undefined;
    for (let k = 0; k < 40 && last?.window !== 0; k++) {
      peer.send({ flags: ACK | PSH, ack: iss + 1, window: 0, seq: acked, data: new Uint8Array(1000).fill(k) });
      g.runFor(50_000);
      for (const r of peer.received()) {
        expect(r.seg.data!.length <= 1).toBe(true); // nothing but (1-byte) probes into a zero window
        if (r.seg.data!.length === 0) last = r.seg;
      }
      acked = last?.ack ?? acked;
    }
    // The guest holds 8192 bytes in its receive buffer, 8192 in its send buffer and what the
    // echo has staged between them (1 to 2048 bytes): then its window is 0.
    expect(last!.window).toBe(0);
    const taken = last!.ack - (peer.isn + 1);
    expect(taken).toBeGreaterThan(16384);
    expect(taken).toBeLessThanOrEqual(16384 + 2048);
    // A segment beyond the zero window is not taken; the answer re-states the edge.
    peer.send({ flags: ACK | PSH, ack: iss + 1, window: 0, seq: acked, data: new Uint8Array(100) });
    g.runFor(50_000);
    expect(peer.received().filter((r) => r.seg.data!.length === 0).map((r) => [r.seg.ack, r.seg.window])).toEqual([[acked, 0]]);
    // Zero-window probes: one byte, after the retransmission timeout, doubling.
    g.runFor(100 * MS);
    const probes = peer.received().filter((r) => r.seg.data!.length === 1);
    expect(probes.length).toBeGreaterThanOrEqual(2);
    for (const p of probes) expect(p.seg.seq).toBe(iss + 1);
    for (let i = 2; i < probes.length; i++) {
      const ratio = (probes[i].cycle - probes[i - 1].cycle) / (probes[i - 1].cycle - probes[i - 2].cycle);
      expect(ratio).toBeCloseTo(2, 2);
    }
    // The peer opens its window without acknowledging the probe: the echo's bytes come back from
    // the byte after the probe, in segments of the peer's MSS.
    peer.send({ flags: ACK, ack: iss + 1, window: 65535, seq: acked });
    g.runFor(2 * MS);
    const data = peer.received().map((r) => r.seg).filter((s) => s.data!.length > 0);
    expect(data[0].seq).toBe(iss + 2);
    let total = 0;
    for (const s of data) total += s.data!.length;
    expect(total).toBe(8192 - 1); // the send buffer but the probe's byte; nothing more before an ACK
    expect(Math.max(...data.map((s) => s.data!.length))).toBe(1000); // the peer's MSS
    // The peer acknowledges everything: the send buffer drains, the echo moves on, the receive
    // buffer empties and the guest announces its window again.
    const end = data[data.length - 1].seq + data[data.length - 1].data!.length;
    peer.send({ flags: ACK, ack: end, window: 65535, seq: acked });
    g.runFor(2 * MS);
    const more = peer.received().map((r) => r.seg);
    expect(more.some((s) => s.data!.length > 0 && s.seq === end)).toBe(true);
    expect(Math.max(...more.map((s) => s.window))).toBeGreaterThanOrEqual(1460);
  });

  it('retransmission timeout (RFC 6298): 3·RTT after the first sample, then doubling; given up after 8 retransmissions with a RST', () => {
    const g = boot();
    const peer = new Peer(g, 7);
    // The handshake's RTT sample is the 4 ms between SYN-ACK and ACK: SRTT = 4 ms, RTTVAR = 2 ms,
    // RTO = SRTT + 4·RTTVAR = 12 ms (§2.2).
    const iss = peer.handshake(65535, 4 * MS);
    peer.received();
    peer.send({ flags: ACK | PSH, ack: iss + 1, data: Uint8Array.of(42) });
    g.runFor(7 * 1000 * MS); // never acknowledged
    const segs = peer.received();
    const data = segs.filter((s) => s.seg.data!.length === 1);
    expect(data).toHaveLength(9); // the echo and 8 retransmissions
    for (const d of data) expect(d.seg).toMatchObject({ seq: iss + 1, data: Uint8Array.of(42) });
    const gaps = data.slice(1).map((d, i) => (d.cycle - data[i].cycle) / MS);
    const expected = [12, 24, 48, 96, 192, 384, 768, 1536];
    gaps.forEach((gap, i) => expect(Math.abs(gap - expected[i])).toBeLessThan(0.05));
    const rst = segs[segs.length - 1];
    expect(rst.seg).toMatchObject({ flags: RST, seq: iss + 2 });
    expect((rst.cycle - data[8].cycle) / MS).toBeCloseTo(3072, 1);
    expect(g.stats()).toMatchObject({ tcp_retransmits: 8, tcp_timeouts: 1, tcp_aborted: 1 });
  });

  it('closing: FIN both ways; the server that closed first leaves TIME-WAIT after 2 ms and its socket is reused', () => {
    const g = boot();
    const peer = new Peer(g, 80);
    const iss = peer.handshake();
    peer.received();
    peer.send({ flags: ACK | PSH, ack: iss + 1, data: Uint8Array.of(0x2e) }); // '.': the call service closes
    g.runFor(10_000);
    const [fin] = peer.received().map((r) => r.seg);
    expect(fin).toMatchObject({ flags: FIN | ACK, seq: iss + 1, ack: peer.isn + 2 });
    peer.send({ flags: FIN | ACK, ack: iss + 2, seq: peer.isn + 2 });
    g.runFor(10_000);
    const [last] = peer.received().map((r) => r.seg);
    expect(last).toMatchObject({ flags: ACK, seq: iss + 2, ack: peer.isn + 3 });
    // In TIME-WAIT a repeated FIN is acknowledged again; after 2 ms the connection is gone and
    // a segment for it gets a RST.
    peer.send({ flags: FIN | ACK, ack: iss + 2, seq: peer.isn + 2 });
    g.runFor(10_000);
    expect(peer.received().map((r) => r.seg.flags)).toEqual([ACK]);
    g.runFor(3 * MS);
    peer.send({ flags: ACK, ack: iss + 2, seq: peer.isn + 3 });
    g.runFor(10_000);
    expect(peer.received().map((r) => r.seg)).toMatchObject([{ flags: RST, seq: iss + 2 }]);
  });
});
