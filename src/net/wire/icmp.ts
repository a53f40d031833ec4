/**
 * ICMP echo (RFC 792): type 8 request, type 0 reply.
 *
 *   0 type  1 code  2 checksum  4 identifier  6 sequence number  8 data
 */
import { get16, internetChecksum, put16 } from './bytes';

export const IcmpField = { type: 0, code: 1, checksum: 2, id: 4, seq: 6, data: 8 } as const;
export const ICMP_HEADER_LEN = 8;
export const IcmpType = { echoReply: 0, destinationUnreachable: 3, echoRequest: 8 } as const;
/** Code of a destination-unreachable message for a UDP port nobody listens on. */
export const ICMP_PORT_UNREACHABLE = 3;

export class IcmpView {
  bytes: Uint8Array = new Uint8Array(0);
  off = 0;
  len = 0;

  /** False when shorter than the header or when the checksum over the message is wrong. */
  wrap(bytes: Uint8Array, off: number, len: number): boolean {
    if (len < ICMP_HEADER_LEN || internetChecksum(bytes, off, len) !== 0) return false;
    this.bytes = bytes;
    this.off = off;
    this.len = len;
    return true;
  }

  get type(): number {
    return this.bytes[this.off + IcmpField.type];
  }
  get code(): number {
    return this.bytes[this.off + IcmpField.code];
  }
  get id(): number {
    return get16(this.bytes, this.off + IcmpField.id);
  }
  get seq(): number {
    return get16(this.bytes, this.off + IcmpField.seq);
  }
}

/**
 * Writes an ICMP echo message of `len` bytes at buf[off] whose data (from off + 8) is already
 * in place: the header and the checksum over the whole message.
 */
export function emitIcmpEcho(buf: Uint8Array, off: number, len: number, type: number, id: number, seq: number): void {
  put16(buf, off + IcmpField.id, id);
  put16(buf, off + IcmpField.seq, seq);
  emitIcmp(buf, off, len, type, 0);
}

/** Type, code and checksum of an ICMP message of `len` bytes whose bytes 4.. are in place. */
export function emitIcmp(buf: Uint8Array, off: number, len: number, type: number, code: number): void {
  buf[off + IcmpField.type] = type;
  buf[off + IcmpField.code] = code;
  put16(buf, off + IcmpField.checksum, 0);
  put16(buf, off + IcmpField.checksum, internetChecksum(buf, off, len));
}
