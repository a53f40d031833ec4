/**
 * The host side's TCP (RFC 9293), active open only: the connections the load generator and
 * port forwarding open towards the guest. Time is an argument everywhere (smoltcp style): the
 * owner feeds segments with `input(seg, now)`, asks for segments to send with
 * `output(now, emit)`, and polls again at `pollAt()`. Buffers are preallocated rings; nothing
 * is allocated per segment.
 *
 * What it does: three-way handshake with an MSS option, in-order data with immediate ACKs (no
 * delayed ACK, no Nagle: a send goes out at the next poll), flow control by the peer's window,
 * retransmission from the oldest unacknowledged byte with an RFC 6298 timer (Karn's rule,
 * exponential backoff), zero-window probes, FIN in both directions, RST. Not done: out-of-order
 * reassembly (such segments are answered with a duplicate ACK and dropped; the guest
 * retransmits), window scaling, SACK, timestamps, urgent data, congestion control.
 */
import type { TcpView } from './wire/tcp';
import { TcpFlag } from './wire/tcp';

export const TcpState = {
  closed: 'CLOSED',
  synSent: 'SYN-SENT',
  established: 'ESTABLISHED',
  finWait1: 'FIN-WAIT-1',
  finWait2: 'FIN-WAIT-2',
  closing: 'CLOSING',
  timeWait: 'TIME-WAIT',
  closeWait: 'CLOSE-WAIT',
  lastAck: 'LAST-ACK',
} as const;
export type TcpStateName = (typeof TcpState)[keyof typeof TcpState];

/** Timer and buffer parameters, in cycles and bytes. */
export interface TcpParams {
  /** Retransmission timeout before any RTT sample (RFC 6298 says 1 s; a LAN guest needs less). */
  rtoInitial: number;
  rtoMin: number;
  rtoMax: number;
  /** TIME-WAIT duration (2·MSL; short, since both ends live in one machine). */
  timeWait: number;
  /** Retransmissions of one segment before the connection is abandoned. */
  maxRetries: number;
  bufferBytes: number;
}

/** The MSS we announce: 1500-byte MTU − 40 bytes of IPv4 and TCP headers. */
export const HOST_MSS = 1460;
/** MSS assumed when the peer's SYN carries none (RFC 9293 §3.7.1). */
const DEFAULT_MSS = 536;

/** A segment to send: flags, sequence numbers, and `len` bytes of data from the send buffer. */
export interface TcpSegmentOut {
  flags: number;
  seq: number;
  ack: number;
  window: number;
  /** MSS option value (SYN only), else 0. */
  mss: number;
  /** Data: `len` bytes copied by `copyData(dst, off)`. */
  len: number;
}

export type TcpEmit = (seg: TcpSegmentOut, sock: TcpSocket) => void;

const seqLt = (a: number, b: number): boolean => ((a - b) | 0) < 0;
const seqLe = (a: number, b: number): boolean => ((a - b) | 0) <= 0;
const add = (a: number, n: number): number => (a + n) >>> 0;

export class TcpSocket {
  state: TcpStateName = TcpState.closed;
  /** Why the connection ended, when it did not end by an orderly close. */
  error: 'refused' | 'reset' | 'timeout' | undefined;

  // Send side: the ring holds bytes from sndUna on; sndNxt − sndUna of them are in flight.
  private readonly sbuf: Uint8Array;
  private sHead = 0; // ring offset of sndUna
  private sLen = 0; // bytes queued (acked ones removed)
  private iss: number;
  private sndUna: number;
  private sndNxt: number;
  private sndWnd = 0;
  private peerMss = DEFAULT_MSS;
  private finQueued = false;
  private finSent = false;
  /** A zero-window probe is outstanding (sndWnd was opened to 1 byte by the timer). */
  private probe = false;

  // Receive side.
  private readonly rbuf: Uint8Array;
  private rHead = 0;
  private rLen = 0;
  private rcvNxt = 0;
  private ackNeeded = false;
  private peerFin = false;

  // Timers (cycles; Infinity = off).
  private rtxAt = Infinity;
  private rto: number;
  private retries = 0;
  private srtt = 0;
  private rttvar = 0;
  /** The segment being timed for an RTT sample (Karn: never a retransmitted one). */
  private timedSeq = 0;
  private timedAt = -1;
  private timeWaitAt = Infinity;
  private readonly seg: TcpSegmentOut = { flags: 0, seq: 0, ack: 0, window: 0, mss: 0, len: 0 };

  constructor(
    readonly hostPort: number,
    readonly guestPort: number,
    iss: number,
    private readonly p: TcpParams,
  ) {
    this.sbuf = new Uint8Array(p.bufferBytes);
    this.rbuf = new Uint8Array(p.bufferBytes);
    this.iss = iss >>> 0;
    this.sndUna = this.iss;
    this.sndNxt = this.iss;
    this.rto = p.rtoInitial;
  }

  // --- the application's side ---------------------------------------------------------------

  /** Starts the handshake (the SYN goes out at the next output()). */
  connect(): void {
    if (this.state === TcpState.closed && this.sndNxt === this.iss) this.state = TcpState.synSent;
  }

  /** Queues data[off, off+len) for sending; returns how many bytes fitted. */
  send(data: Uint8Array, off = 0, len = data.length - off): number {
    if (this.finQueued || !(this.state === TcpState.established || this.state === TcpState.closeWait || this.state === TcpState.synSent)) return 0;
    const n = Math.min(len, this.sbuf.length - this.sLen);
    for (let i = 0; i < n; i++) this.sbuf[(this.sHead + this.sLen + i) % this.sbuf.length] = data[off + i];
    this.sLen += n;
    return n;
  }

  /** Bytes that send() would accept now. */
  get sendSpace(): number {
    return this.finQueued ? 0 : this.sbuf.length - this.sLen;
  }

  /** Bytes sent but not yet acknowledged by the guest. */
  get unacknowledged(): number {
    return (this.sndNxt - this.sndUna) >>> 0;
  }

  /** Bytes queued (sent or not) that the guest has not acknowledged. */
  get queued(): number {
    return this.sLen;
  }

  /** Copies up to dst.length received bytes into dst; returns the count. */
  recv(dst: Uint8Array, off = 0, len = dst.length - off): number {
    const n = Math.min(len, this.rLen);
    for (let i = 0; i < n; i++) dst[off + i] = this.rbuf[(this.rHead + i) % this.rbuf.length];
    this.rHead = (this.rHead + n) % this.rbuf.length;
    const wasClosed = this.rLen === this.rbuf.length;
    this.rLen -= n;
    // A window that reopens from zero is announced (the peer may be waiting for it).
    if (wasClosed && n > 0) this.ackNeeded = true;
    return n;
  }

  /** Received bytes waiting for recv(). */
  get readable(): number {
    return this.rLen;
  }

  /** The guest has closed its side (FIN received) and every byte has been read. */
  get eof(): boolean {
    return this.peerFin && this.rLen === 0;
  }

  get isClosed(): boolean {
    return this.state === TcpState.closed;
  }

  get isEstablished(): boolean {
    return this.state === TcpState.established || this.state === TcpState.closeWait;
  }

  /**
   * Orderly close: a FIN after the queued data (also before the connection is established:
   * a client may send and close at once, as through port forwarding).
   */
  close(): void {
    this.finQueued = true;
  }

  /** Abandons the connection without a FIN (the guest learns it from its next segment's RST). */
  abort(): void {
    this.state = TcpState.closed;
    this.error = this.error ?? 'reset';
  }

  // --- the stack's side -----------------------------------------------------------------------

  /** The earliest cycle at which output() has timer work to do (Infinity when none). */
  pollAt(): number {
    return Math.min(this.rtxAt, this.timeWaitAt);
  }

  /** Whether output() would send something now (data, FIN, an ACK or a SYN). */
  wantsToSend(now: number): boolean {
    if (this.state === TcpState.closed) return false;
    return this.ackNeeded || this.pollAt() <= now || (this.state === TcpState.synSent && this.sndNxt === this.iss) || this.canSendData() || this.canSendFin();
  }

  private window(): number {
    return Math.min(this.rbuf.length - this.rLen, 0xffff);
  }

  private canSendData(): boolean {
    if (!(this.state === TcpState.established || this.state === TcpState.closeWait)) return false;
    const inFlight = (this.sndNxt - this.sndUna) >>> 0;
    return inFlight < this.sLen && inFlight < this.sndWnd;
  }

  private canSendFin(): boolean {
    return this.finQueued && !this.finSent && (this.state === TcpState.established || this.state === TcpState.closeWait) &&
      ((this.sndNxt - this.sndUna) >>> 0) === this.sLen;
  }

  /** Copies `len` bytes of the segment starting at sequence number `seq` into dst[off..]. */
  copyData(seq: number, len: number, dst: Uint8Array, off: number): void {
    const start = (seq - this.sndUna) >>> 0;
    for (let i = 0; i < len; i++) dst[off + i] = this.sbuf[(this.sHead + start + i) % this.sbuf.length];
  }

  /** Sends what is due at `now` through `emit`. */
  output(now: number, emit: TcpEmit): void {
    if (this.timeWaitAt <= now) {
      this.timeWaitAt = Infinity;
      this.state = TcpState.closed;
      return;
    }
    if (this.rtxAt <= now) this.retransmit();
    if (this.state === TcpState.closed) return;
    if (this.state === TcpState.synSent) {
      if (this.sndNxt === this.iss) {
        this.emit(emit, TcpFlag.syn, this.iss, 0, HOST_MSS);
        this.sndNxt = add(this.iss, 1);
        this.startTimer(now, this.iss);
      }
      return;
    }
    let sent = false;
    while (this.canSendData()) {
      const inFlight = (this.sndNxt - this.sndUna) >>> 0;
      const len = Math.min(this.sLen - inFlight, this.sndWnd - inFlight, this.peerMss);
      this.emit(emit, TcpFlag.ack | TcpFlag.psh, this.sndNxt, len, 0);
      if (this.rtxAt === Infinity) this.startTimer(now, this.sndNxt);
      this.sndNxt = add(this.sndNxt, len);
      sent = true;
    }
    if (this.canSendFin()) {
      this.emit(emit, TcpFlag.fin | TcpFlag.ack, this.sndNxt, 0, 0);
      this.sndNxt = add(this.sndNxt, 1);
      this.finSent = true;
      this.state = this.state === TcpState.established ? TcpState.finWait1 : TcpState.lastAck;
      if (this.rtxAt === Infinity) this.startTimer(now, -1);
      sent = true;
    }
    // Zero window with data waiting: probe with one byte when the timer fires (RFC 9293 §3.8.6.1).
    if (this.sndWnd === 0 && this.sLen > ((this.sndNxt - this.sndUna) >>> 0) && this.rtxAt === Infinity) this.startTimer(now, -1);
    if (this.ackNeeded && !sent) this.emit(emit, TcpFlag.ack, this.sndNxt, 0, 0);
  }

  private emit(emit: TcpEmit, flags: number, seq: number, len: number, mss: number): void {
    const s = this.seg;
    s.flags = flags;
    s.seq = seq;
    s.ack = (flags & TcpFlag.ack) !== 0 ? this.rcvNxt : 0;
    s.window = this.window();
    s.mss = mss;
    s.len = len;
    if ((flags & TcpFlag.ack) !== 0) this.ackNeeded = false;
    emit(s, this);
  }

  private startTimer(now: number, timedSeq: number): void {
    this.rtxAt = now + this.rto;
    if (timedSeq >= 0 && this.timedAt < 0) {
      this.timedSeq = timedSeq;
      this.timedAt = now;
    }
  }

  /** The timer fired: go back to the oldest unacknowledged byte, with a doubled timeout. */
  private retransmit(): void {
    this.rtxAt = Infinity;
    this.timedAt = -1; // Karn: no sample from a retransmitted segment
    if (++this.retries > this.p.maxRetries) {
      this.error = 'timeout';
      this.state = TcpState.closed;
      return;
    }
    this.rto = Math.min(this.rto * 2, this.p.rtoMax);
    if (this.state === TcpState.synSent) {
      this.sndNxt = this.iss; // the SYN again
      return;
    }
    this.sndNxt = this.sndUna;
    if (this.finSent) {
      this.finSent = false;
      this.state = this.state === TcpState.finWait1 || this.state === TcpState.closing ? TcpState.established : TcpState.closeWait;
    }
    if (this.sndWnd === 0 && this.sLen > 0) {
      // Window probe: one byte past the closed window.
      this.sndWnd = 1;
      this.probe = true;
    }
  }

  /**
   * A segment for this connection (already checksummed and demultiplexed). May set
   * ackNeeded; the caller runs output() afterwards.
   */
  input(t: TcpView, now: number, sendReset: (seq: number, ack: number, flags: number) => void): void {
    const flags = t.flags;
    const seq = t.seq;
    const ack = t.ack;
    if (this.state === TcpState.synSent) return this.inputSynSent(t, now, sendReset);
    if (this.state === TcpState.closed) return;
    const dataLen = t.dataLength;
    // RST: accepted only when it is exactly at rcvNxt (RFC 5961 §3).
    if ((flags & TcpFlag.rst) !== 0) {
      if (seq === this.rcvNxt) {
        this.error = 'reset';
        this.state = TcpState.closed;
      } else if (this.inWindow(seq)) this.ackNeeded = true; // challenge ACK
      return;
    }
    if ((flags & TcpFlag.syn) !== 0) {
      this.ackNeeded = true; // challenge ACK (RFC 5961 §4)
      return;
    }
    if ((flags & TcpFlag.ack) === 0) return;
    if (seq !== this.rcvNxt && (dataLen > 0 || (flags & TcpFlag.fin) !== 0 || !this.inWindow(seq))) {
      // Out of order or old: answer with the ACK we expect (a duplicate ACK) and drop.
      this.ackNeeded = true;
      return;
    }
    this.processAck(ack, t.window, now);
    if (this.isClosed) return;
    if (dataLen > 0 && (this.state === TcpState.established || this.state === TcpState.finWait1 || this.state === TcpState.finWait2)) {
      const take = Math.min(dataLen, this.rbuf.length - this.rLen);
      const src = t.bytes;
      const at = t.dataOffset;
      for (let i = 0; i < take; i++) this.rbuf[(this.rHead + this.rLen + i) % this.rbuf.length] = src[at + i];
      this.rLen += take;
      this.rcvNxt = add(this.rcvNxt, take);
      this.ackNeeded = true;
      if (take < dataLen) return; // the rest (and any FIN) comes again when the window opens
    }
    if ((flags & TcpFlag.fin) !== 0 && !this.peerFin) this.receiveFin(now);
  }

  private inWindow(seq: number): boolean {
    return seqLe(this.rcvNxt, seq) && seqLt(seq, add(this.rcvNxt, Math.max(this.window(), 1)));
  }

  private inputSynSent(t: TcpView, now: number, sendReset: (seq: number, ack: number, flags: number) => void): void {
    const flags = t.flags;
    const ackOk = (flags & TcpFlag.ack) !== 0 && t.ack === add(this.iss, 1);
    if ((flags & TcpFlag.ack) !== 0 && !ackOk) {
      if ((flags & TcpFlag.rst) === 0) sendReset(t.ack, 0, TcpFlag.rst);
      return;
    }
    if ((flags & TcpFlag.rst) !== 0) {
      if (ackOk) {
        this.error = 'refused';
        this.state = TcpState.closed;
      }
      return;
    }
    if ((flags & TcpFlag.syn) === 0 || !ackOk) return; // a simultaneous open is not supported
    this.rcvNxt = add(t.seq, 1);
    this.peerMss = t.mss > 0 ? Math.min(t.mss, HOST_MSS) : DEFAULT_MSS;
    this.state = TcpState.established;
    this.processAck(t.ack, t.window, now);
    this.ackNeeded = true;
  }

  private processAck(ack: number, window: number, now: number): void {
    if (seqLt(this.sndNxt, ack)) {
      this.ackNeeded = true; // acknowledges something never sent
      return;
    }
    if (seqLt(this.sndUna, ack)) {
      let acked = (ack - this.sndUna) >>> 0;
      if (this.timedAt >= 0 && seqLt(this.timedSeq, ack)) this.rttSample(now - this.timedAt);
      // The SYN and the FIN occupy a sequence number but no buffer byte.
      if (this.sndUna === this.iss) acked--;
      const finAcked = this.finSent && ack === this.sndNxt;
      if (finAcked) acked--;
      acked = Math.min(acked, this.sLen);
      this.sHead = (this.sHead + acked) % this.sbuf.length;
      this.sLen -= acked;
      this.sndUna = ack;
      this.retries = 0;
      this.probe = false;
      this.rtxAt = this.sndUna === this.sndNxt ? Infinity : now + this.rto;
      if (finAcked) this.ourFinAcked(now);
    }
    // While probing a closed window, a window that stays 0 keeps the 1-byte probe window.
    if (!(this.probe && window === 0)) {
      this.sndWnd = window;
      if (window > 0) this.probe = false;
    }
  }

  private rttSample(r: number): void {
    // RFC 6298 §2 with α = 1/8, β = 1/4.
    if (this.srtt === 0) {
      this.srtt = r;
      this.rttvar = r / 2;
    } else {
      this.rttvar = 0.75 * this.rttvar + 0.25 * Math.abs(this.srtt - r);
      this.srtt = 0.875 * this.srtt + 0.125 * r;
    }
    this.rto = Math.min(Math.max(Math.ceil(this.srtt + 4 * this.rttvar), this.p.rtoMin), this.p.rtoMax);
    this.timedAt = -1;
  }

  private ourFinAcked(now: number): void {
    if (this.state === TcpState.finWait1) this.state = TcpState.finWait2;
    else if (this.state === TcpState.closing) this.enterTimeWait(now);
    else if (this.state === TcpState.lastAck) this.state = TcpState.closed;
  }

  private receiveFin(now: number): void {
    this.peerFin = true;
    this.rcvNxt = add(this.rcvNxt, 1);
    this.ackNeeded = true;
    if (this.state === TcpState.established) this.state = TcpState.closeWait;
    else if (this.state === TcpState.finWait1) this.state = TcpState.closing;
    else if (this.state === TcpState.finWait2) this.enterTimeWait(now);
  }

  private enterTimeWait(now: number): void {
    this.state = TcpState.timeWait;
    this.rtxAt = Infinity;
    this.timeWaitAt = now + this.p.timeWait;
  }
}
