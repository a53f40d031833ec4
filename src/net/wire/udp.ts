/**
 * UDP (RFC 768).
 *
 *   0 source port  2 destination port  4 length  6 checksum (0 = none)  8 data
 */
import { foldChecksum, get16, pseudoHeaderSum, put16, sumBytes } from './bytes';
import { IpProtocol } from './ipv4';

export const UdpField = { srcPort: 0, dstPort: 2, length: 4, checksum: 6, data: 8 } as const;
export const UDP_HEADER_LEN = 8;

export type UdpError = 'short' | 'length' | 'checksum';

export class UdpView {
  bytes: Uint8Array = new Uint8Array(0);
  off = 0;
  error: UdpError | undefined;

  /**
   * `len` is the IP payload length. Checks the UDP length field (≥ 8 and within the IP
   * payload) and the checksum when one is present; `src`/`dst` are the IP addresses.
   */
  wrap(bytes: Uint8Array, off: number, len: number, src: number, dst: number): boolean {
    this.error = undefined;
    if (len < UDP_HEADER_LEN) this.error = 'short';
    else {
      const ulen = get16(bytes, off + UdpField.length);
      if (ulen < UDP_HEADER_LEN || ulen > len) this.error = 'length';
      else if (get16(bytes, off + UdpField.checksum) !== 0) {
        const sum = sumBytes(bytes, off, ulen, pseudoHeaderSum(src, dst, IpProtocol.udp, ulen));
        if (foldChecksum(sum) !== 0) this.error = 'checksum';
      }
    }
    if (this.error !== undefined) return false;
    this.bytes = bytes;
    this.off = off;
    return true;
  }

  get srcPort(): number {
    return get16(this.bytes, this.off + UdpField.srcPort);
  }
  get dstPort(): number {
    return get16(this.bytes, this.off + UdpField.dstPort);
  }
  get dataOffset(): number {
    return this.off + UDP_HEADER_LEN;
  }
  get dataLength(): number {
    return get16(this.bytes, this.off + UdpField.length) - UDP_HEADER_LEN;
  }
}

/**
 * Writes a UDP header at buf[off] for `dataLength` bytes of data already at off + 8, with the
 * checksum over the pseudo header (a computed 0 is sent as 0xffff, RFC 768).
 */
export function emitUdp(buf: Uint8Array, off: number, src: number, dst: number, srcPort: number, dstPort: number, dataLength: number): void {
  const len = UDP_HEADER_LEN + dataLength;
  put16(buf, off + UdpField.srcPort, srcPort);
  put16(buf, off + UdpField.dstPort, dstPort);
  put16(buf, off + UdpField.length, len);
  put16(buf, off + UdpField.checksum, 0);
  const c = foldChecksum(sumBytes(buf, off, len, pseudoHeaderSum(src, dst, IpProtocol.udp, len)));
  put16(buf, off + UdpField.checksum, c === 0 ? 0xffff : c);
}
