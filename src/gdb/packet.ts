/**
 * GDB remote serial protocol framing (GDB manual, "Remote Protocol" → "Overview"): packets
 * `$data#cc` with a two-digit hex checksum (sum of the data bytes mod 256), `+`/`-`
 * acknowledgements, `}` escapes (byte ^ 0x20) in binary data, run-length encoding in replies,
 * and the bare 0x03 byte that interrupts a running target. Bytes in, events out; nothing here
 * knows about sockets.
 */

/** The largest packet data we accept and advertise (qSupported PacketSize, in hex there). */
export const MAX_PACKET = 0x4000;

export type Incoming =
  /** A complete packet with a good checksum; `data` is the unescaped payload. */
  | { kind: 'packet'; data: Uint8Array }
  /** 0x03 between packets: gdb's Ctrl-C. */
  | { kind: 'interrupt' }
  /** A frame with a wrong or malformed checksum: the sender must retransmit (reply `-`). */
  | { kind: 'bad-checksum' }
  /** A frame longer than MAX_PACKET (its checksum is not checked, its data dropped). */
  | { kind: 'overlong' };

const DOLLAR = 0x24;
const HASH = 0x23;
const ESCAPE = 0x7d;
const STAR = 0x2a;
const INTERRUPT = 0x03;

const enum State { Idle, Data, Check1, Check2 }

/** Splits a byte stream from gdb into packets (any chunking; garbage between packets ignored). */
export class PacketReader {
  private state = State.Idle;
  private readonly buf = new Uint8Array(MAX_PACKET);
  private len = 0;
  private overlong = false;
  private escaped = false;
  private sum = 0;
  private check = 0;
  private checkOk = true;

  /** Feeds bytes; returns the events they complete, in order. */
  push(bytes: Uint8Array): Incoming[] {
    const out: Incoming[] = [];
    for (const b of bytes) {
      const ev = this.byte(b);
      if (ev !== undefined) out.push(ev);
    }
    return out;
  }

  private byte(b: number): Incoming | undefined {
    switch (this.state) {
      case State.Idle:
        if (b === DOLLAR) this.start();
        else if (b === INTERRUPT) return { kind: 'interrupt' };
        // '+', '-' and anything else between packets: acks (we never retransmit) or noise.
        return undefined;
      case State.Data:
        if (b === HASH) {
          this.state = State.Check1;
          return undefined;
        }
        if (b === DOLLAR) {
          // A new packet start inside a packet: the previous one was cut; begin again.
          this.start();
          return undefined;
        }
        this.sum = (this.sum + b) & 0xff;
        if (this.escaped) {
          this.escaped = false;
          this.put(b ^ 0x20);
        } else if (b === ESCAPE) this.escaped = true;
        else this.put(b);
        return undefined;
      case State.Check1:
        this.check = hexDigit(b);
        this.checkOk = this.check >= 0;
        this.state = State.Check2;
        return undefined;
      case State.Check2: {
        const lo = hexDigit(b);
        this.state = State.Idle;
        if (this.overlong) return { kind: 'overlong' };
        if (!this.checkOk || lo < 0 || ((this.check << 4) | lo) !== this.sum) return { kind: 'bad-checksum' };
        return { kind: 'packet', data: this.buf.slice(0, this.len) };
      }
    }
  }

  private start(): void {
    this.state = State.Data;
    this.len = 0;
    this.sum = 0;
    this.overlong = false;
    this.escaped = false;
  }

  private put(b: number): void {
    if (this.len < this.buf.length) this.buf[this.len++] = b;
    else this.overlong = true;
  }
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  return -1;
}

/**
 * Frames a reply: `$payload#cc`. Runs of 4 or more equal characters are run-length encoded
 * (`X*n`, n = count - 1 + 29, never the '#' or '$' a count of 6 or 7 would give); with
 * `binary` the bytes `$ # } *` are escaped instead (binary replies are never run-length
 * encoded).
 */
export function framePacket(payload: Uint8Array, binary = false): Uint8Array {
  const body = binary ? escapeBinary(payload) : runLength(payload);
  const out = new Uint8Array(body.length + 4);
  out[0] = DOLLAR;
  out.set(body, 1);
  let sum = 0;
  for (const b of body) sum = (sum + b) & 0xff;
  out[body.length + 1] = HASH;
  out[body.length + 2] = HEX_DIGITS.charCodeAt(sum >>> 4);
  out[body.length + 3] = HEX_DIGITS.charCodeAt(sum & 15);
  return out;
}

const HEX_DIGITS = '0123456789abcdef';

function escapeBinary(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (const b of data) {
    if (b === DOLLAR || b === HASH || b === ESCAPE || b === STAR) out.push(ESCAPE, b ^ 0x20);
    else out.push(b);
  }
  return Uint8Array.from(out);
}

/** Repeat counts 6 and 7 would encode as '#' and '$'; counts above 97 leave printable ASCII. */
const RLE_MAX_EXTRA = 97;

function runLength(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < data.length;) {
    const b = data[i];
    let n = 1;
    while (i + n < data.length && data[i + n] === b && n - 1 < RLE_MAX_EXTRA) n++;
    let extra = n - 1;
    if (extra === 6 || extra === 7) extra = 5;
    if (extra >= 3 && b !== DOLLAR && b !== HASH && b !== STAR && b !== ESCAPE) {
      out.push(b, STAR, extra + 29);
      i += extra + 1;
    } else {
      out.push(b);
      i++;
    }
  }
  return Uint8Array.from(out);
}

/** Latin-1 text of protocol bytes (packets are ASCII apart from binary payloads). */
export function asText(data: Uint8Array): string {
  let s = '';
  for (let i = 0; i < data.length; i += 4096) s += String.fromCharCode(...data.subarray(i, i + 4096));
  return s;
}

export function textBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

/** Lower-case hex of bytes (memory contents, monitor output). */
export function toHex(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += HEX_DIGITS[bytes[i] >>> 4] + HEX_DIGITS[bytes[i] & 15];
  return s;
}

/** Bytes of an even-length hex string, or undefined if it is not one. */
export function fromHex(s: string): Uint8Array | undefined {
  if (s.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(s)) return undefined;
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(s.slice(2 * i, 2 * i + 2), 16);
  return out;
}
