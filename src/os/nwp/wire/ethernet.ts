/**
 * Ethernet II frames (IEEE 802.3 with an EtherType): destination, source, type, payload.
 * The frame check sequence is the card's business and never reaches the driver.
 */
import { u64 } from '../../../gtsc/guest';
import { get16, get48, put16, put48 } from './bytes';
import { WIRE_OK, WIRE_TRUNCATED } from './errors';

export const ETH_HEADER_LEN = 14;
/** Without the FCS: 60 bytes minimum, 1514 maximum (1500 bytes of payload). */
export const ETH_MIN_FRAME = 60;
export const ETH_MAX_FRAME = 1514;
export const ETH_MTU = 1500;
export const ETHERTYPE_IPV4 = 0x0800;
export const ETHERTYPE_ARP = 0x0806;
export const MAC_BROADCAST = 0xffffffffffff;

export function ethCheck(len: u64): u64 {
  return len >= ETH_HEADER_LEN && len <= ETH_MAX_FRAME ? WIRE_OK : WIRE_TRUNCATED;
}

export function ethDst(f: u64): u64 {
  return get48(f);
}

export function ethSrc(f: u64): u64 {
  return get48(f + 6);
}

export function ethType(f: u64): u64 {
  return get16(f + 12);
}

export function ethEmit(f: u64, dst: u64, src: u64, type: u64): void {
  put48(f, dst);
  put48(f + 6, src);
  put16(f + 12, type);
}
