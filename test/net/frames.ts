/**
 * Golden frames for the host side's tests, written field by field from the RFC layouts
 * (Ethernet II, RFC 826 ARP, RFC 791 IPv4, RFC 792 ICMP, RFC 768 UDP, RFC 2131/2132 DHCP,
 * RFC 9293 TCP). The checksums were computed by a separate program (a 20-line Python
 * implementation of RFC 1071 written for this purpose, not rvn's code); `tshark -r` on the
 * capture of these exchanges (test/net/tshark.external.test.ts) decodes them without a
 * checksum or malformed mark.
 *
 * Addresses: guest 52:54:00:12:34:56 / 10.0.2.15, gateway 52:55:0a:00:02:02 / 10.0.2.2.
 */

/** Hex with spaces and `|` separators (for the reader) → bytes; `zeros(n)` pads. */
export function hex(...parts: string[]): Uint8Array {
  const h = parts.join('').replace(/[\s|]/g, '');
  if (h.length % 2 !== 0 || /[^0-9a-f]/i.test(h)) throw new Error(`bad hex: ${h}`);
  return Uint8Array.from(h.match(/../g) ?? [], (b) => Number.parseInt(b, 16));
}
export const zeros = (n: number): string => '00'.repeat(n);

const GUEST = '525400123456';
const HOST = '52550a000202';
const BCAST = 'ffffffffffff';

/** Ethernet padding of a frame shorter than 60 bytes. */
const pad = (frameLen: number): string => zeros(60 - frameLen);

export const Golden = {
  // ARP request, who-has 10.0.2.2 tell 10.0.2.15 (42 bytes: guests need not pad).
  arpRequest: hex(BCAST, GUEST, '0806', '0001 0800 06 04 0001', GUEST, '0a00020f', zeros(6), '0a000202'),
  // ARP reply, 10.0.2.2 is-at 52:55:0a:00:02:02, padded to 60 bytes.
  arpReply: hex(GUEST, HOST, '0806', '0001 0800 06 04 0002', HOST, '0a000202', GUEST, '0a00020f', pad(42)),

  // ICMP echo request id 0x0102 seq 7, data "abcdefgh"; IP id 0x1234, DF, TTL 64.
  icmpRequest: hex(HOST, GUEST, '0800',
    '4500 0024 1234 4000 40 01 1095 0a00020f 0a000202',
    '08 00 6561 0102 0007', '6162636465666768'),
  // Echo reply: same id, seq and data; the gateway's first IP packet (id 1).
  icmpReply: hex(GUEST, HOST, '0800',
    '4500 0024 0001 4000 40 01 22c8 0a000202 0a00020f',
    '00 00 6d61 0102 0007', '6162636465666768', pad(50)),

  // DHCPDISCOVER from 0.0.0.0:68 to 255.255.255.255:67, xid 0x12345678, no broadcast flag.
  dhcpDiscover: hex(BCAST, GUEST, '0800',
    '4500 0110 0001 0000 40 11 79dd 00000000 ffffffff',
    '0044 0043 00fc 1920',
    '01 01 06 00 12345678 0000 0000 00000000 00000000 00000000 00000000', GUEST, zeros(10), zeros(64 + 128),
    '63825363', '35 01 01', 'ff'),
  // DHCPOFFER of 10.0.2.15, unicast to yiaddr (§4.1); options: type, server id, lease 86400 s,
  // mask, router, end; 548 bytes of DHCP (312 of cookie and options) → IP total 576.
  dhcpOffer: hex(GUEST, HOST, '0800',
    '4500 0240 0001 4000 40 11 209c 0a000202 0a00020f',
    '0043 0044 022c 4dc8',
    '02 01 06 00 12345678 0000 0000 00000000 0a00020f 0a000202 00000000', GUEST, zeros(10), zeros(64 + 128),
    '63825363', '35 01 02', '36 04 0a000202', '33 04 00015180', '01 04 ffffff00', '03 04 0a000202', 'ff', zeros(312 - 4 - 28)),
  // DHCPREQUEST for 10.0.2.15 from server 10.0.2.2, with the broadcast flag.
  dhcpRequest: hex(BCAST, GUEST, '0800',
    '4500 011c 0002 0000 40 11 79d0 00000000 ffffffff',
    '0044 0043 0108 7d87',
    '01 01 06 00 12345678 0000 8000 00000000 00000000 00000000 00000000', GUEST, zeros(10), zeros(64 + 128),
    '63825363', '35 01 03', '32 04 0a00020f', '36 04 0a000202', 'ff'),
  // DHCPACK, broadcast (IP and Ethernet) since the client set the broadcast flag.
  dhcpAck: hex(BCAST, HOST, '0800',
    '4500 0240 0002 4000 40 11 2caa 0a000202 ffffffff',
    '0043 0044 022c d6d6',
    '02 01 06 00 12345678 0000 8000 00000000 0a00020f 0a000202 00000000', GUEST, zeros(10), zeros(64 + 128),
    '63825363', '35 01 05', '36 04 0a000202', '33 04 00015180', '01 04 ffffff00', '03 04 0a000202', 'ff', zeros(312 - 4 - 28)),

  // The host connects from 49152 to the guest's port 7: SYN, ISS 0x9e3779b1, window 65535, MSS 1460.
  tcpSyn: hex(GUEST, HOST, '0800',
    '4500 002c 0001 4000 40 06 22bb 0a000202 0a00020f',
    'c000 0007 9e3779b1 00000000 60 02 ffff a825 0000', '02 04 05b4', pad(58)),
  // The guest's SYN-ACK: ISS 0x01000000, window 4096, MSS 1460.
  tcpSynAck: hex(HOST, GUEST, '0800',
    '4500 002c 0100 4000 40 06 21bc 0a00020f 0a000202',
    '0007 c000 01000000 9e3779b2 60 12 1000 9714 0000', '02 04 05b4'),
  // The host's ACK completing the handshake.
  tcpAck: hex(GUEST, HOST, '0800',
    '4500 0028 0002 4000 40 06 22be 0a000202 0a00020f',
    'c000 0007 9e3779b2 01000001 50 10 ffff bed1 0000', pad(54)),
  // The host sends "hi" (PSH|ACK).
  tcpData: hex(GUEST, HOST, '0800',
    '4500 002a 0003 4000 40 06 22bb 0a000202 0a00020f',
    'c000 0007 9e3779b2 01000001 50 18 ffff 565e 0000', '6869', pad(56)),
  // The guest acknowledges and echoes "hi".
  tcpEcho: hex(HOST, GUEST, '0800',
    '4500 002a 0101 4000 40 06 21bd 0a00020f 0a000202',
    '0007 c000 01000001 9e3779b4 50 18 1000 465c 0000', '6869'),
  // The host acknowledges the echo; its window shows the 2 unread bytes (65536 − 2).
  tcpAckEcho: hex(GUEST, HOST, '0800',
    '4500 0028 0004 4000 40 06 22bc 0a000202 0a00020f',
    'c000 0007 9e3779b4 01000003 50 10 fffe bece 0000', pad(54)),

  // The guest tries 10.0.2.2:80, where nothing listens ...
  tcpGuestSyn: hex(HOST, GUEST, '0800',
    '4500 0028 0200 4000 40 06 20c0 0a00020f 0a000202',
    '9c40 0050 000003e8 00000000 50 02 1000 e759 0000'),
  // ... and gets RST|ACK, seq 0, ack = its ISN + 1 (RFC 9293 §3.10.7.1).
  tcpRstAck: hex(GUEST, HOST, '0800',
    '4500 0028 0001 4000 40 06 22bf 0a000202 0a00020f',
    '0050 9c40 00000000 000003e9 50 14 0000 f746 0000', pad(54)),

  // A TFTP read request from the guest to 10.0.2.2:69, where nothing listens ...
  udpTftp: hex(HOST, GUEST, '0800',
    '4500 0029 0300 4000 40 11 1fb4 0a00020f 0a000202',
    '0400 0045 0015 4832', '0001 626f6f7400 6f6374657400'),
  // ... ICMP destination unreachable, port unreachable (type 3 code 3), quoting the IP header
  // and the first 8 bytes of the datagram (RFC 792).
  icmpPortUnreachable: hex(GUEST, HOST, '0800',
    '4500 0038 0001 4000 40 01 22b4 0a000202 0a00020f',
    '03 03 b070 00000000', '4500 0029 0300 4000 40 11 1fb4 0a00020f 0a000202', '0400 0045 0015 4832'),
} as const;

/** RFC 1071 over b[off, off+len) starting from `init`. */
export function checksum(b: Uint8Array, off: number, len: number, init = 0): number {
  let s = init;
  for (let i = 0; i < len; i += 2) s += (b[off + i] << 8) | (i + 1 < len ? b[off + i + 1] : 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

/**
 * A TCP segment 10.0.2.15:srcPort → 10.0.2.2:dstPort in an Ethernet frame, checksums right:
 * `data` is the payload (or a count of zero bytes), `options` go after the 20-byte header.
 */
export function tcpFromGuestFrame(
  srcPort: number, dstPort: number, seq: number, ack: number, flags: number, window: number,
  data: number | Uint8Array, options: Uint8Array = new Uint8Array(0),
): Uint8Array {
  const payload = typeof data === 'number' ? new Uint8Array(data) : data;
  const hlen = 20 + options.length;
  const f = new Uint8Array(14 + 20 + hlen + payload.length);
  const v = new DataView(f.buffer);
  f.set([0x52, 0x55, 0x0a, 0x00, 0x02, 0x02, 0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0x08, 0x00]);
  v.setUint16(14, 0x4500);
  v.setUint16(16, 20 + hlen + payload.length);
  v.setUint16(20, 0x4000);
  f[22] = 64;
  f[23] = 6;
  v.setUint32(26, 0x0a00020f);
  v.setUint32(30, 0x0a000202);
  v.setUint16(24, checksum(f, 14, 20));
  v.setUint16(34, srcPort);
  v.setUint16(36, dstPort);
  v.setUint32(38, seq >>> 0);
  v.setUint32(42, ack >>> 0);
  f[46] = (hlen / 4) << 4;
  f[47] = flags;
  v.setUint16(48, window);
  f.set(options, 54);
  f.set(payload, 34 + hlen);
  const len = hlen + payload.length;
  v.setUint16(50, checksum(f, 34, len, 0x0a00 + 0x020f + 0x0a00 + 0x0202 + 6 + len));
  return f;
}

/** A segment the host sent, decoded from its Ethernet frame (RFC 9293 §3.1 layout). */
export function segmentOf(f: Uint8Array): { seq: number; ack: number; flags: number; window: number; data: number[] } {
  const v = new DataView(f.buffer, f.byteOffset, f.length);
  const total = v.getUint16(16);
  const hlen = (f[46] >> 4) * 4;
  return { seq: v.getUint32(38), ack: v.getUint32(42), flags: f[47], window: v.getUint16(48), data: [...f.subarray(34 + hlen, 14 + total)] };
}
