/** Frames for the fuzz tests: the golden frames, and TCP segments from the guest built here. */
export { Golden } from './frames';

function checksum(b: Uint8Array, off: number, len: number, init = 0): number {
  let s = init;
  for (let i = 0; i < len; i += 2) s += (b[off + i] << 8) | (i + 1 < len ? b[off + i + 1] : 0);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return ~s & 0xffff;
}

/** A TCP segment 10.0.2.15:srcPort → 10.0.2.2:dstPort with `dataLen` zero bytes, checksums right. */
export function tcpFromGuestFrame(srcPort: number, dstPort: number, seq: number, ack: number, flags: number, window: number, dataLen: number): Uint8Array {
  const f = new Uint8Array(14 + 20 + 20 + dataLen);
  const v = new DataView(f.buffer);
  f.set([0x52, 0x55, 0x0a, 0x00, 0x02, 0x02, 0x52, 0x54, 0x00, 0x12, 0x34, 0x56, 0x08, 0x00]);
  v.setUint16(14, 0x4500);
  v.setUint16(16, 40 + dataLen);
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
  f[46] = 0x50;
  f[47] = flags;
  v.setUint16(48, window);
  const len = 20 + dataLen;
  v.setUint16(50, checksum(f, 34, len, 0x0a00 + 0x020f + 0x0a00 + 0x0202 + 6 + len));
  return f;
}
