/**
 * IPv4 (RFC 791) headers.
 *
 *   0 version|IHL  1 DSCP|ECN  2 total length  4 identification  6 flags|fragment offset
 *   8 TTL  9 protocol  10 header checksum  12 source  16 destination  20 options
 */
import { get16, get32, internetChecksum, put16, put32 } from './bytes';

export const Ipv4Field = { verIhl: 0, tos: 1, totalLength: 2, id: 4, flagsFrag: 6, ttl: 8, protocol: 9, checksum: 10, src: 12, dst: 16 } as const;
export const IPV4_HEADER_LEN = 20;
export const IpProtocol = { icmp: 1, tcp: 6, udp: 17 } as const;
/** Don't Fragment flag in the flags|fragment-offset field. */
export const IPV4_DF = 0x4000;
const MORE_FRAGMENTS = 0x2000;
const FRAGMENT_OFFSET = 0x1fff;
export const IPV4_BROADCAST = 0xffff_ffff;

/** Why a packet was refused (counted by the host side). */
export type Ipv4Error = 'short' | 'version' | 'header-length' | 'total-length' | 'checksum' | 'fragment';

export class Ipv4View {
  bytes: Uint8Array = new Uint8Array(0);
  off = 0;
  /** Set by wrap() when it refuses a packet. */
  error: Ipv4Error | undefined;

  /**
   * Checks the header: version 4, IHL ≥ 5, header within the total length, total length within
   * the buffer (Ethernet padding beyond it is ignored), a correct header checksum, and not a
   * fragment (the host side does not reassemble).
   */
  wrap(bytes: Uint8Array, off: number, len: number): boolean {
    this.error = check(bytes, off, len);
    if (this.error !== undefined) return false;
    this.bytes = bytes;
    this.off = off;
    return true;
  }

  get headerLength(): number {
    return (this.bytes[this.off] & 0xf) * 4;
  }
  get totalLength(): number {
    return get16(this.bytes, this.off + Ipv4Field.totalLength);
  }
  get protocol(): number {
    return this.bytes[this.off + Ipv4Field.protocol];
  }
  get ttl(): number {
    return this.bytes[this.off + Ipv4Field.ttl];
  }
  get src(): number {
    return get32(this.bytes, this.off + Ipv4Field.src);
  }
  get dst(): number {
    return get32(this.bytes, this.off + Ipv4Field.dst);
  }
  get payloadOffset(): number {
    return this.off + this.headerLength;
  }
  get payloadLength(): number {
    return this.totalLength - this.headerLength;
  }
}

function check(b: Uint8Array, off: number, len: number): Ipv4Error | undefined {
  if (len < IPV4_HEADER_LEN) return 'short';
  if (b[off] >> 4 !== 4) return 'version';
  const ihl = (b[off] & 0xf) * 4;
  if (ihl < IPV4_HEADER_LEN || ihl > len) return 'header-length';
  const total = get16(b, off + Ipv4Field.totalLength);
  if (total < ihl || total > len) return 'total-length';
  if (internetChecksum(b, off, ihl) !== 0) return 'checksum';
  const ff = get16(b, off + Ipv4Field.flagsFrag);
  if ((ff & MORE_FRAGMENTS) !== 0 || (ff & FRAGMENT_OFFSET) !== 0) return 'fragment';
  return undefined;
}

/**
 * Writes a 20-byte IPv4 header (no options, DF set, TTL 64) with its checksum at buf[off];
 * the payload of `payloadLength` bytes follows at off + 20.
 */
export function emitIpv4(buf: Uint8Array, off: number, id: number, protocol: number, src: number, dst: number, payloadLength: number, ttl = 64): void {
  buf[off + Ipv4Field.verIhl] = 0x45;
  buf[off + Ipv4Field.tos] = 0;
  put16(buf, off + Ipv4Field.totalLength, IPV4_HEADER_LEN + payloadLength);
  put16(buf, off + Ipv4Field.id, id);
  put16(buf, off + Ipv4Field.flagsFrag, IPV4_DF);
  buf[off + Ipv4Field.ttl] = ttl;
  buf[off + Ipv4Field.protocol] = protocol;
  put16(buf, off + Ipv4Field.checksum, 0);
  put32(buf, off + Ipv4Field.src, src);
  put32(buf, off + Ipv4Field.dst, dst);
  put16(buf, off + Ipv4Field.checksum, internetChecksum(buf, off, IPV4_HEADER_LEN));
}
