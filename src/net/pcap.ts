/**
 * A classic libpcap capture file ("pcap", the format of tcpdump and Wireshark): a 24-byte file
 * header, then per frame a 16-byte record header and the frame. rvn writes the
 * nanosecond-resolution variant (magic 0xa1b23c4d), little-endian, link type Ethernet, with
 * timestamps in emulated time (cycles converted at the core clock), so two runs of the same
 * program give byte-identical files.
 *
 * The writer is a library object: it hands finished bytes to a sink (the CLI writes them to a
 * file). Records are gathered in a buffer that is handed over when full and by flush().
 */

/** Nanosecond-resolution pcap (libpcap's "modified" magic for ns timestamps). */
export const PCAP_MAGIC_NS = 0xa1b23c4d;
export const PCAP_LINKTYPE_ETHERNET = 1;
export const PCAP_SNAPLEN = 65535;
export const PCAP_FILE_HEADER_LEN = 24;
export const PCAP_RECORD_HEADER_LEN = 16;

export type PcapSink = (bytes: Uint8Array) => void;

const BUFFER_BYTES = 64 * 1024;

export class PcapWriter {
  private readonly buf = new Uint8Array(BUFFER_BYTES);
  private readonly view = new DataView(this.buf.buffer);
  private used = 0;
  /** Frames written so far. */
  frames = 0;

  /**
   * @param sink receives the file's bytes in order (a view valid only during the call)
   * @param clockHz emulated cycles per second, to turn cycle times into seconds + nanoseconds
   */
  constructor(private readonly sink: PcapSink, private readonly clockHz: number) {
    const v = this.view;
    v.setUint32(0, PCAP_MAGIC_NS, true);
    v.setUint16(4, 2, true); // version 2.4
    v.setUint16(6, 4, true);
    v.setInt32(8, 0, true); // thiszone: timestamps are UTC (here: emulated time from 0)
    v.setUint32(12, 0, true); // sigfigs
    v.setUint32(16, PCAP_SNAPLEN, true);
    v.setUint32(20, PCAP_LINKTYPE_ETHERNET, true);
    this.used = PCAP_FILE_HEADER_LEN;
  }

  /** Records frame[0, len) seen at emulated cycle `time`. */
  write(frame: Uint8Array, len: number, time: number): void {
    if (this.used + PCAP_RECORD_HEADER_LEN + len > BUFFER_BYTES) this.flush();
    const [sec, nsec] = cyclesToTimestamp(time, this.clockHz);
    const v = this.view;
    v.setUint32(this.used, sec, true);
    v.setUint32(this.used + 4, nsec, true);
    v.setUint32(this.used + 8, len, true); // captured length: the whole frame
    v.setUint32(this.used + 12, len, true);
    this.buf.set(frame.subarray(0, len), this.used + PCAP_RECORD_HEADER_LEN);
    this.used += PCAP_RECORD_HEADER_LEN + len;
    this.frames++;
  }

  /** Hands everything written so far to the sink. */
  flush(): void {
    if (this.used === 0) return;
    this.sink(this.buf.subarray(0, this.used));
    this.used = 0;
  }
}

const NS_PER_S = 1_000_000_000;

/** Emulated cycle → [seconds, nanoseconds] (truncated), exact for any clock. */
export function cyclesToTimestamp(cycles: number, clockHz: number): [number, number] {
  const sec = Math.floor(cycles / clockHz);
  const rem = cycles - sec * clockHz;
  // rem × 1e9 can exceed 2^53: scale exactly when the clock divides 1e9, else in BigInt.
  const nsec = NS_PER_S % clockHz === 0 ? rem * (NS_PER_S / clockHz) : Number((BigInt(rem) * BigInt(NS_PER_S)) / BigInt(clockHz));
  return [sec >>> 0, nsec];
}
