/**
 * Frames built and read field by field from the RFC layouts (Ethernet II, RFC 791 IPv4,
 * RFC 792 ICMP, RFC 9293 TCP), with an RFC 1071 checksum written here for the tests (not the
 * guest's code): what the host side injects into the wire to probe the guest stack, and how
 * the tests read the guest's answers.
 */

export const GUEST_MAC = [0x52, 0x54, 0x00, 0x12, 0x34, 0x56];
export const HOST_MAC = [0x52, 0x55, 0x0a, 0x00, 0x02, 0x02];
export const GUEST_IP = 0x0a00020f;
export const HOST_IP = 0x0a000202;

/** RFC 1071: the one's-complement sum of 16-bit big-endian words, complemented. */
export function inetChecksum(bytes: Uint8Array, initial = 0): number {
  let sum = initial;
  for (let i = 0; i + 1 < bytes.length; i += 2) sum += (bytes[i] << 8) | bytes[i + 1];
  if (bytes.length % 2 === 1) sum += bytes[bytes.length - 1] << 8;
  while (sum > 0xffff) sum = (sum & 0xffff) + Math.floor(sum / 65536);
  return ~sum & 0xffff;
}

function put16(b: Uint8Array, at: number, v: number): void {
  b[at] = (v >>> 8) & 255;
  b[at + 1] = v & 255;
}

function put32(b: Uint8Array, at: number, v: number): void {
  put16(b, at, v >>> 16);
  put16(b, at + 2, v & 0xffff);
}

const get16 = (b: Uint8Array, at: number): number => (b[at] << 8) | b[at + 1];
const get32 = (b: Uint8Array, at: number): number => get16(b, at) * 65536 + get16(b, at + 2);

/** An Ethernet II frame from the host to the guest, padded to 60 bytes. */
export function ethernet(type: number, payload: Uint8Array, dst = GUEST_MAC, src = HOST_MAC): Uint8Array {
  const f = new Uint8Array(Math.max(60, 14 + payload.length));
  f.set(dst, 0);
  f.set(src, 6);
  put16(f, 12, type);
  f.set(payload, 14);
  return f;
}

/** An IPv4 packet (20-byte header, DF, TTL 64) with its header checksum. */
export function ipv4(proto: number, payload: Uint8Array, src = HOST_IP, dst = GUEST_IP, id = 0x4242): Uint8Array {
  const p = new Uint8Array(20 + payload.length);
  p[0] = 0x45;
  put16(p, 2, p.length);
  put16(p, 4, id);
  put16(p, 6, 0x4000);
  p[8] = 64;
  p[9] = proto;
  put32(p, 12, src);
  put32(p, 16, dst);
  put16(p, 10, inetChecksum(p.subarray(0, 20)));
  p.set(payload, 20);
  return p;
}

/** An ICMP echo request or reply with its checksum. */
export function icmpEcho(type: number, id: number, seq: number, data: Uint8Array): Uint8Array {
  const m = new Uint8Array(8 + data.length);
  m[0] = type;
  put16(m, 4, id);
  put16(m, 6, seq);
  m.set(data, 8);
  put16(m, 2, inetChecksum(m));
  return m;
}

export interface Segment {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  window: number;
  mss?: number;
  data?: Uint8Array;
}

export const FIN = 0x01, SYN = 0x02, RST = 0x04, PSH = 0x08, ACK = 0x10;

function pseudoSum(src: number, dst: number, proto: number, len: number): number {
  return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + proto + len;
}

/** A TCP segment with its checksum over the IPv4 pseudo header. */
export function tcp(s: Segment, src = HOST_IP, dst = GUEST_IP): Uint8Array {
  const hlen = s.mss !== undefined ? 24 : 20;
  const data = s.data ?? new Uint8Array(0);
  const t = new Uint8Array(hlen + data.length);
  put16(t, 0, s.srcPort);
  put16(t, 2, s.dstPort);
  put32(t, 4, s.seq >>> 0);
  put32(t, 8, s.ack >>> 0);
  t[12] = (hlen / 4) << 4;
  t[13] = s.flags;
  put16(t, 14, s.window);
  if (s.mss !== undefined) {
    t[20] = 2;
    t[21] = 4;
    put16(t, 22, s.mss);
  }
  t.set(data, hlen);
  put16(t, 16, inetChecksum(t, pseudoSum(src, dst, 6, t.length)));
  return t;
}

/** A TCP segment from the host to the guest, as a whole frame. */
export function tcpFrame(s: Segment): Uint8Array {
  return ethernet(0x0800, ipv4(6, tcp(s)));
}

export interface Parsed {
  dstMac: number[];
  srcMac: number[];
  type: number;
  ip?: { src: number; dst: number; proto: number; headerOk: boolean; payload: Uint8Array };
  tcp?: Segment & { checksumOk: boolean };
  icmp?: { type: number; code: number; id: number; seq: number; data: Uint8Array; checksumOk: boolean };
}

/** Reads a frame the guest sent. */
export function parse(f: Uint8Array): Parsed {
  const out: Parsed = { dstMac: [...f.subarray(0, 6)], srcMac: [...f.subarray(6, 12)], type: get16(f, 12) };
  if (out.type !== 0x0800) return out;
  const p = f.subarray(14);
  const hl = (p[0] & 15) * 4;
  const total = get16(p, 2);
  const payload = p.subarray(hl, total);
  out.ip = { src: get32(p, 12), dst: get32(p, 16), proto: p[9], headerOk: inetChecksum(p.subarray(0, hl)) === 0, payload };
  if (p[9] === 6) {
    const t = payload;
    const thl = (t[12] >> 4) * 4;
    out.tcp = {
      srcPort: get16(t, 0), dstPort: get16(t, 2), seq: get32(t, 4), ack: get32(t, 8), flags: t[13], window: get16(t, 14),
      mss: thl >= 24 && t[20] === 2 ? get16(t, 22) : undefined, data: t.slice(thl),
      checksumOk: inetChecksum(t, pseudoSum(out.ip.src, out.ip.dst, 6, t.length)) === 0,
    };
  } else if (p[9] === 1) {
    const m = payload;
    out.icmp = { type: m[0], code: m[1], id: get16(m, 4), seq: get16(m, 6), data: m.slice(8), checksumOk: inetChecksum(m) === 0 };
  }
  return out;
}
