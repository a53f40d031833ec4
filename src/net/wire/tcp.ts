/**
 * TCP segments (RFC 9293 §3.1).
 *
 *   0 source port  2 destination port  4 sequence number  8 acknowledgment number
 *   12 data offset (4 bits) | reserved  13 flags  14 window  16 checksum  18 urgent pointer
 *   20 options (data offset × 4 − 20 bytes)  then data
 */
import { foldChecksum, get16, get32, pseudoHeaderSum, put16, put32, sumBytes } from './bytes';
import { IpProtocol } from './ipv4';

export const TcpField = { srcPort: 0, dstPort: 2, seq: 4, ack: 8, dataOffset: 12, flags: 13, window: 14, checksum: 16, urgent: 18, options: 20 } as const;
export const TCP_HEADER_LEN = 20;
export const TcpFlag = { fin: 0x01, syn: 0x02, rst: 0x04, psh: 0x08, ack: 0x10, urg: 0x20 } as const;
export const TcpOption = { end: 0, nop: 1, mss: 2 } as const;

export type TcpError = 'short' | 'data-offset' | 'checksum' | 'options';

export class TcpView {
  bytes: Uint8Array = new Uint8Array(0);
  off = 0;
  len = 0;
  error: TcpError | undefined;

  /** `len` is the IP payload length; `src`/`dst` the IP addresses for the checksum. */
  wrap(bytes: Uint8Array, off: number, len: number, src: number, dst: number): boolean {
    this.error = check(bytes, off, len, src, dst);
    if (this.error !== undefined) return false;
    this.bytes = bytes;
    this.off = off;
    this.len = len;
    return true;
  }

  get srcPort(): number {
    return get16(this.bytes, this.off + TcpField.srcPort);
  }
  get dstPort(): number {
    return get16(this.bytes, this.off + TcpField.dstPort);
  }
  get seq(): number {
    return get32(this.bytes, this.off + TcpField.seq);
  }
  get ack(): number {
    return get32(this.bytes, this.off + TcpField.ack);
  }
  get flags(): number {
    return this.bytes[this.off + TcpField.flags];
  }
  get window(): number {
    return get16(this.bytes, this.off + TcpField.window);
  }
  get headerLength(): number {
    return (this.bytes[this.off + TcpField.dataOffset] >> 4) * 4;
  }
  get dataOffset(): number {
    return this.off + this.headerLength;
  }
  get dataLength(): number {
    return this.len - this.headerLength;
  }
  /** The MSS option's value, or 0 when the segment carries none. */
  get mss(): number {
    const b = this.bytes;
    const end = this.off + this.headerLength;
    for (let i = this.off + TCP_HEADER_LEN; i < end; ) {
      const kind = b[i];
      if (kind === TcpOption.end) break;
      if (kind === TcpOption.nop) {
        i++;
        continue;
      }
      if (kind === TcpOption.mss && b[i + 1] === 4) return get16(b, i + 2);
      i += b[i + 1];
    }
    return 0;
  }
}

function check(b: Uint8Array, off: number, len: number, src: number, dst: number): TcpError | undefined {
  if (len < TCP_HEADER_LEN) return 'short';
  const hlen = (b[off + TcpField.dataOffset] >> 4) * 4;
  if (hlen < TCP_HEADER_LEN || hlen > len) return 'data-offset';
  if (foldChecksum(sumBytes(b, off, len, pseudoHeaderSum(src, dst, IpProtocol.tcp, len))) !== 0) return 'checksum';
  // Options: every kind other than END and NOP has a length byte ≥ 2 that stays in the header.
  for (let i = off + TCP_HEADER_LEN; i < off + hlen; ) {
    const kind = b[i];
    if (kind === TcpOption.end) break;
    if (kind === TcpOption.nop) {
      i++;
      continue;
    }
    if (i + 1 >= off + hlen) return 'options';
    const olen = b[i + 1];
    if (olen < 2 || i + olen > off + hlen) return 'options';
    i += olen;
  }
  return undefined;
}

/** Header length of a segment we send: 24 with the MSS option (SYN), else 20. */
export function tcpHeaderLength(withMss: boolean): number {
  return withMss ? TCP_HEADER_LEN + 4 : TCP_HEADER_LEN;
}

/**
 * Writes a TCP header at buf[off] (with an MSS option when mss > 0) for `dataLength` bytes of
 * data already at off + tcpHeaderLength(mss > 0), and the checksum over the pseudo header.
 */
export function emitTcp(
  buf: Uint8Array, off: number, src: number, dst: number, srcPort: number, dstPort: number,
  seq: number, ack: number, flags: number, window: number, mss: number, dataLength: number,
): void {
  const hlen = tcpHeaderLength(mss > 0);
  put16(buf, off + TcpField.srcPort, srcPort);
  put16(buf, off + TcpField.dstPort, dstPort);
  put32(buf, off + TcpField.seq, seq);
  put32(buf, off + TcpField.ack, ack);
  buf[off + TcpField.dataOffset] = (hlen / 4) << 4;
  buf[off + TcpField.flags] = flags;
  put16(buf, off + TcpField.window, window);
  put16(buf, off + TcpField.checksum, 0);
  put16(buf, off + TcpField.urgent, 0);
  if (mss > 0) {
    buf[off + TCP_HEADER_LEN] = TcpOption.mss;
    buf[off + TCP_HEADER_LEN + 1] = 4;
    put16(buf, off + TCP_HEADER_LEN + 2, mss);
  }
  const len = hlen + dataLength;
  put16(buf, off + TcpField.checksum, foldChecksum(sumBytes(buf, off, len, pseudoHeaderSum(src, dst, IpProtocol.tcp, len))));
}
