/**
 * The benchmark client of experiments.md ("NWP benchmark"), on the host side of the wire and
 * in emulated time: K TCP connections to the guest's port (80), together issuing N requests
 * (2048), no Nagle, each connection closing by sending '.' and then FIN. Requests are spread
 * evenly over the connections (the first N mod K get one more).
 *
 *   read   the client sends 1 byte per request; a request ends when the guest's TCP has
 *          acknowledged that byte (latency = send → ACK)
 *   write  the guest sends; each byte the client receives is one request (latency = time since
 *          the previous byte on that connection, or since the connection opened; bytes that
 *          arrive in one segment after the first count 0)
 *   call   the client sends 1 byte and waits for a 1-byte answer (latency = send → answer)
 *
 * Latencies are kept per request in cycles (emulated time); summary() gives requests per
 * emulated second, the mean and the population variance in milliseconds.
 */
import type { NetApp, UserNet } from './usernet';
import type { TcpSocket } from './tcp-socket';

export type LoadTest = 'read' | 'write' | 'call';
export const LOAD_TESTS: readonly LoadTest[] = ['read', 'write', 'call'];

export interface LoadConfig {
  test: LoadTest;
  /** Connections K (experiments.md: 1, 2, 4, 8, 16, 32). */
  connections: number;
  /** Requests N over all connections (experiments.md: 2048). */
  requests: number;
  /** Guest TCP port (experiments.md: 80). */
  port: number;
  /** Cycle at which the connections open (default 0: at once). */
  startAt?: number;
}

/** The byte a request carries, and the byte that asks the server to close. */
export const REQUEST_BYTE = 0x78; // 'x'
export const CLOSE_BYTE = 0x2e; // '.'

const enum Phase {
  Waiting = 0, // for startAt
  Connecting,
  Ready, // may issue the next request
  InFlight, // a request is outstanding
  Closing, // '.' and FIN queued
  Done,
}

interface Conn {
  sock: TcpSocket | undefined;
  phase: Phase;
  quota: number;
  done: number;
  /** Cycle the outstanding request was sent (read, call) or of the last byte (write). */
  mark: number;
}

export interface LoadSummary {
  test: LoadTest;
  connections: number;
  requests: number;
  /** Connections that ended in an error (reset, refused, timeout) before their quota. */
  failedConnections: number;
  /** Emulated seconds from the first connection attempt to the last request's end. */
  seconds: number;
  requestsPerSecond: number;
  latencyMeanMs: number;
  latencyVarianceMs2: number;
}

export class LoadGenerator implements NetApp {
  /** Per-request latency in cycles, in completion order. */
  readonly latencies: Float64Array;
  completed = 0;
  failedConnections = 0;
  firstStart = -1;
  lastEnd = -1;
  private readonly conns: Conn[];
  /** Requests per connection: N spread over K, the first N mod K one more. */
  readonly quotas: readonly number[];
  private readonly one = new Uint8Array(1);
  private readonly sink = new Uint8Array(2048);
  private readonly startAt: number;

  constructor(private readonly net: UserNet, readonly config: LoadConfig) {
    const { connections: k, requests: n } = config;
    this.latencies = new Float64Array(n);
    this.startAt = config.startAt ?? 0;
    this.quotas = Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
    this.conns = this.quotas.map((quota) => ({ sock: undefined, phase: Phase.Waiting, quota, done: 0, mark: 0 }));
  }

  /** Every connection has finished (closed after its quota, or failed). */
  get finished(): boolean {
    return this.conns.every((c) => c.phase === Phase.Done);
  }

  pollAt(): number {
    return this.conns.some((c) => c.phase === Phase.Waiting) ? this.startAt : Infinity;
  }

  poll(now: number): void {
    for (const c of this.conns) this.step(c, now);
  }

  private step(c: Conn, now: number): void {
    if (c.phase === Phase.Waiting) {
      if (now < this.startAt) return;
      c.sock = this.net.connect(this.config.port);
      c.phase = Phase.Connecting;
      if (this.firstStart < 0) this.firstStart = now;
    }
    const s = c.sock!;
    if (c.phase === Phase.Done) return;
    if (s.isClosed && c.phase !== Phase.Closing) {
      this.failedConnections++;
      c.phase = Phase.Done;
      return;
    }
    if (c.phase === Phase.Connecting) {
      if (!s.isEstablished) return;
      c.phase = Phase.Ready;
      c.mark = now;
    }
    if (c.phase === Phase.InFlight) this.checkAnswer(c, s, now);
    if (this.config.test === 'write' && (c.phase === Phase.Ready || c.phase === Phase.InFlight)) this.countWrites(c, s, now);
    if (c.phase === Phase.Ready) {
      if (c.done >= c.quota) {
        this.one[0] = CLOSE_BYTE;
        s.send(this.one);
        s.close();
        c.phase = Phase.Closing;
      } else if (this.config.test !== 'write') {
        this.one[0] = REQUEST_BYTE;
        if (s.send(this.one) === 1) {
          c.mark = now;
          c.phase = Phase.InFlight;
        }
      }
    }
    if (c.phase === Phase.Closing) {
      while (s.recv(this.sink) > 0) {} // whatever the server still sends is discarded
      if (s.isClosed || s.eof) c.phase = Phase.Done;
    }
  }

  private checkAnswer(c: Conn, s: TcpSocket, now: number): void {
    const answered = this.config.test === 'read' ? s.queued === 0 : s.recv(this.one) === 1;
    if (!answered) return;
    this.record(c, now - c.mark, now);
    c.phase = Phase.Ready;
  }

  private countWrites(c: Conn, s: TcpSocket, now: number): void {
    for (;;) {
      const want = Math.min(this.sink.length, c.quota - c.done);
      if (want <= 0) break;
      const n = s.recv(this.sink, 0, want);
      if (n === 0) break;
      for (let i = 0; i < n; i++) this.record(c, i === 0 ? now - c.mark : 0, now);
      c.mark = now;
    }
  }

  private record(c: Conn, latency: number, now: number): void {
    c.done++;
    if (this.completed < this.latencies.length) this.latencies[this.completed] = latency;
    this.completed++;
    this.lastEnd = now;
  }

  /** Throughput and latency statistics at core clock `clockHz`. */
  summary(clockHz: number): LoadSummary {
    const n = Math.min(this.completed, this.latencies.length);
    let mean = 0;
    for (let i = 0; i < n; i++) mean += this.latencies[i];
    mean = n > 0 ? mean / n : 0;
    let v = 0;
    for (let i = 0; i < n; i++) v += (this.latencies[i] - mean) ** 2;
    v = n > 0 ? v / n : 0;
    const ms = 1000 / clockHz;
    const seconds = this.lastEnd > this.firstStart ? (this.lastEnd - this.firstStart) / clockHz : 0;
    return {
      test: this.config.test, connections: this.config.connections, requests: this.completed,
      failedConnections: this.failedConnections, seconds, requestsPerSecond: seconds > 0 ? this.completed / seconds : 0,
      latencyMeanMs: mean * ms, latencyVarianceMs2: v * ms * ms,
    };
  }
}
