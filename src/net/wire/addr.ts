/**
 * Addresses: an IPv4 address is a u32 number (10.0.2.15 = 0x0a00020f); a MAC address is six
 * bytes. Parsing and formatting for options, docs and diagnostics.
 */

export type Mac = Uint8Array;

export const BROADCAST_MAC: Mac = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff);

export function ipv4(a: number, b: number, c: number, d: number): number {
  return ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;
}

export function formatIpv4(ip: number): string {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}

/** "10.0.2.15" → 0x0a00020f, or undefined when it is not a dotted quad. */
export function parseIpv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ipv4(parts[0], parts[1], parts[2], parts[3]);
}

export function formatMac(b: Uint8Array, off = 0): string {
  const out: string[] = [];
  for (let i = 0; i < 6; i++) out.push(b[off + i].toString(16).padStart(2, '0'));
  return out.join(':');
}

/** "52:54:00:12:34:56" (or with '-') → six bytes, or undefined. */
export function parseMac(text: string): Mac | undefined {
  const m = /^([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})[:-]([0-9a-f]{2})$/i.exec(text.trim());
  if (!m) return undefined;
  return Uint8Array.from(m.slice(1).map((h) => Number.parseInt(h, 16)));
}

/** Whether b[off, off+6) equals mac. */
export function macEquals(b: Uint8Array, off: number, mac: Mac): boolean {
  for (let i = 0; i < 6; i++) if (b[off + i] !== mac[i]) return false;
  return true;
}

export function isBroadcastMac(b: Uint8Array, off: number): boolean {
  return macEquals(b, off, BROADCAST_MAC);
}

/** Multicast (and broadcast): the I/G bit of the first octet. */
export function isMulticastMac(b: Uint8Array, off: number): boolean {
  return (b[off] & 1) !== 0;
}
