/**
 * ARP for IPv4 over Ethernet (RFC 826): 28 bytes after the Ethernet header.
 *
 *   0 htype=1  2 ptype=0x0800  4 hlen=6  5 plen=4  6 oper  8 sha  14 spa  18 tha  24 tpa
 */
import { get16, get32, put16, put32 } from './bytes';
import type { Mac } from './addr';
import { EtherType } from './ethernet';

export const ArpField = { htype: 0, ptype: 2, hlen: 4, plen: 5, oper: 6, sha: 8, spa: 14, tha: 18, tpa: 24 } as const;
export const ARP_LEN = 28;
export const ArpOp = { request: 1, reply: 2 } as const;

export class ArpView {
  bytes: Uint8Array = new Uint8Array(0);
  off = 0;

  /** False unless this is an Ethernet/IPv4 ARP request or reply of the full length. */
  wrap(bytes: Uint8Array, off: number, len: number): boolean {
    if (len < ARP_LEN) return false;
    if (get16(bytes, off + ArpField.htype) !== 1 || get16(bytes, off + ArpField.ptype) !== EtherType.ipv4) return false;
    if (bytes[off + ArpField.hlen] !== 6 || bytes[off + ArpField.plen] !== 4) return false;
    const op = get16(bytes, off + ArpField.oper);
    if (op !== ArpOp.request && op !== ArpOp.reply) return false;
    this.bytes = bytes;
    this.off = off;
    return true;
  }

  get oper(): number {
    return get16(this.bytes, this.off + ArpField.oper);
  }
  get senderMacOffset(): number {
    return this.off + ArpField.sha;
  }
  get senderIp(): number {
    return get32(this.bytes, this.off + ArpField.spa);
  }
  get targetIp(): number {
    return get32(this.bytes, this.off + ArpField.tpa);
  }
}

/** Writes a 28-byte ARP packet at buf[off]. */
export function emitArp(buf: Uint8Array, off: number, oper: number, sha: Mac, spa: number, tha: Mac, tpa: number): void {
  put16(buf, off + ArpField.htype, 1);
  put16(buf, off + ArpField.ptype, EtherType.ipv4);
  buf[off + ArpField.hlen] = 6;
  buf[off + ArpField.plen] = 4;
  put16(buf, off + ArpField.oper, oper);
  buf.set(sha, off + ArpField.sha);
  put32(buf, off + ArpField.spa, spa);
  buf.set(tha, off + ArpField.tha);
  put32(buf, off + ArpField.tpa, tpa);
}
