/**
 * Ethernet II frames (IEEE 802.3 with an EtherType), as they cross the wire: no preamble and no
 * frame check sequence (as virtio-net and libpcap's LINKTYPE_ETHERNET carry them).
 *
 *   0  destination MAC (6)   6  source MAC (6)   12  EtherType (2)   14  payload
 */
import { get16, put16 } from './bytes';
import type { Mac } from './addr';

export const EthernetField = { dst: 0, src: 6, etherType: 12, payload: 14 } as const;
export const ETHERNET_HEADER_LEN = 14;
/** Shortest frame on the wire without the FCS (64 − 4); shorter frames are padded with zeros. */
export const ETHERNET_MIN_FRAME = 60;
/** Longest untagged frame without the FCS: 1500 bytes of payload (MTU) + the header. */
export const ETHERNET_MAX_FRAME = 1514;

export const EtherType = { ipv4: 0x0800, arp: 0x0806 } as const;

/** A checked view of an Ethernet frame: wrap() validates, then the accessors cannot fail. */
export class EthernetView {
  bytes: Uint8Array = new Uint8Array(0);
  off = 0;
  len = 0;

  /** False when the frame is shorter than the header or longer than the largest frame. */
  wrap(bytes: Uint8Array, off: number, len: number): boolean {
    if (len < ETHERNET_HEADER_LEN || len > ETHERNET_MAX_FRAME) return false;
    this.bytes = bytes;
    this.off = off;
    this.len = len;
    return true;
  }

  get etherType(): number {
    return get16(this.bytes, this.off + EthernetField.etherType);
  }
  get payloadOffset(): number {
    return this.off + EthernetField.payload;
  }
  get payloadLength(): number {
    return this.len - ETHERNET_HEADER_LEN;
  }
}

/** Writes an Ethernet header at buf[off]; the payload follows at off + 14. */
export function emitEthernet(buf: Uint8Array, off: number, dst: Mac, src: Mac, etherType: number): void {
  buf.set(dst, off + EthernetField.dst);
  buf.set(src, off + EthernetField.src);
  put16(buf, off + EthernetField.etherType, etherType);
}
