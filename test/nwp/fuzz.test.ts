// The NWP stack parses whatever arrives on the wire: mutated and truncated frames (with
// checksums left broken, and repaired so that they reach the deeper parsers) must neither
// stop the guest nor disturb a connection in progress; afterwards it still answers a ping and
// echoes on a new connection. Deterministic (seeded).
import { beforeAll, describe, expect, it } from 'vitest';
import { ACK, GUEST_IP, GUEST_MAC, PSH, SYN, ethernet, icmpEcho, inetChecksum, ipv4, parse, tcp } from './frames';
import { Guest, pattern, serverElf } from './harness';

const PEER_MAC = [0x52, 0x55, 0x0a, 0x00, 0x02, 0x03];
const PEER_IP = 0x0a000203;

let elf: Uint8Array;
beforeAll(async () => {
  elf = await serverElf();
}, 120_000);

function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 2 ** 32;
  };
}

/** Frames that reach every parser: ARP, ICMP, UDP (DHCP's port), TCP with options and data. */
function seeds(): Uint8Array[] {
  const arp = new Uint8Array(28);
  arp.set([0, 1, 8, 0, 6, 4, 0, 1, ...PEER_MAC, 10, 0, 2, 3, 0, 0, 0, 0, 0, 0, 10, 0, 2, 15]);
  const udp = new Uint8Array(8 + 240);
  udp.set([0, 67, 0, 68, 0, 248, 0, 0]);
  udp[8] = 2;
  return [
    ethernet(0x0806, arp, [255, 255, 255, 255, 255, 255], PEER_MAC),
    ethernet(0x0800, ipv4(1, icmpEcho(8, 7, 1, pattern(40, 3)), PEER_IP), GUEST_MAC, PEER_MAC),
    ethernet(0x0800, ipv4(17, udp, PEER_IP), GUEST_MAC, PEER_MAC),
    ethernet(0x0800, ipv4(6, tcp({ srcPort: 41000, dstPort: 7, seq: 5, ack: 0, flags: SYN, window: 1000, mss: 1200 }, PEER_IP, GUEST_IP), PEER_IP), GUEST_MAC, PEER_MAC),
    ethernet(0x0800, ipv4(6, tcp({ srcPort: 41001, dstPort: 80, seq: 9, ack: 77, flags: ACK | PSH, window: 1000, data: pattern(30, 4) }, PEER_IP, GUEST_IP), PEER_IP), GUEST_MAC, PEER_MAC),
  ];
}

/** Recomputes the IPv4 header checksum and the ICMP/UDP/TCP checksum of a frame, where they fit. */
function repair(f: Uint8Array): void {
  if (f.length < 34 || f[12] !== 8 || f[13] !== 0) return;
  const ip = f.subarray(14);
  const hl = (ip[0] & 15) * 4;
  if (hl < 20 || hl > ip.length) return;
  ip[10] = ip[11] = 0;
  const c = inetChecksum(ip.subarray(0, hl));
  ip[10] = c >> 8;
  ip[11] = c & 255;
  const total = Math.min((ip[2] << 8) | ip[3], ip.length);
  if (total <= hl) return;
  const p = ip.subarray(hl, total);
  const at = ip[9] === 1 ? 2 : ip[9] === 17 ? 6 : ip[9] === 6 ? 16 : -1;
  if (at < 0 || p.length < at + 2) return;
  p[at] = p[at + 1] = 0;
  const src = (ip[12] << 24 | ip[13] << 16 | ip[14] << 8 | ip[15]) >>> 0;
  const dst = (ip[16] << 24 | ip[17] << 16 | ip[18] << 8 | ip[19]) >>> 0;
  const pseudo = ip[9] === 1 ? 0 : (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + ip[9] + p.length;
  const s = inetChecksum(p, pseudo);
  p[at] = s >> 8;
  p[at + 1] = s & 255;
}

function mutate(f: Uint8Array, r: () => number): Uint8Array {
  const out = f.slice(0, r() < 0.2 ? Math.floor(r() * f.length) : f.length);
  const flips = 1 + Math.floor(r() * 6);
  for (let i = 0; i < flips && out.length > 0; i++) {
    const at = r() < 0.7 ? 14 + Math.floor(r() * Math.min(48, Math.max(1, out.length - 14))) : Math.floor(r() * out.length);
    if (at < out.length) out[at] = Math.floor(r() * 256);
  }
  if (r() < 0.6) repair(out);
  return out;
}

describe('the stack against malformed frames', () => {
  it('1500 mutated frames: the guest keeps running, a connection in progress is unharmed, and it answers afterwards', () => {
    const g = new Guest(elf);
    g.ready();
    const sock = g.connect(7);
    const data = pattern(8000, 9);
    const r = rng(2024);
    const base = seeds();
    let sent = 0;
    const got: number[] = [];
    const buf = new Uint8Array(4096);
    for (let i = 0; i < 1500; i++) {
      g.inject(mutate(base[i % base.length], r));
      if (i % 10 === 0) {
        if (sent < data.length) {
          sent += sock.send(data.subarray(sent, Math.min(data.length, sent + 100)));
          g.host.wake(g.m.cycles);
        }
        g.runFor(20_000);
        for (let n = sock.recv(buf); n > 0; n = sock.recv(buf)) got.push(...buf.subarray(0, n));
      }
    }
    expect(g.runUntil(() => {
      for (let n = sock.recv(buf); n > 0; n = sock.recv(buf)) got.push(...buf.subarray(0, n));
      if (sent < data.length) {
        sent += sock.send(data, sent);
        g.host.wake(g.m.cycles);
      }
      return got.length >= data.length;
    }, g.m.cycles + 200_000_000, 100_000)).toBe(true);
    expect(Buffer.from(got).equals(Buffer.from(data))).toBe(true);
    const st = g.stats();
    // The parsers refused most of them, by reason.
    expect(st.bad_ipv4 + st.bad_tcp + st.bad_icmp + st.bad_udp + st.bad_arp + st.bad_eth + st.not_for_us + st.other_ethertype + st.ipv4_fragment).toBeGreaterThan(500);
    // A ping still gets its reply.
    const before = g.sentFrames().length;
    g.inject(ethernet(0x0800, ipv4(1, icmpEcho(8, 0x99, 3, pattern(16, 5)), PEER_IP), GUEST_MAC, PEER_MAC));
    g.runFor(50_000);
    const replies = g.sentFrames().slice(before).map((f) => parse(f.bytes)).filter((p) => p.icmp?.type === 0 && p.icmp.id === 0x99);
    expect(replies).toHaveLength(1);
  });
});
