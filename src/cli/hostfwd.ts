/**
 * Port forwarding (`--hostfwd tcp:HOSTPORT:GUESTPORT`, as QEMU's hostfwd): the host listens
 * on a real TCP port and relays each connection into the guest through the user-mode
 * network's TCP endpoint (10.0.2.2 → 10.0.2.15:GUESTPORT). Real sockets live only here, in the
 * CLI; the emulated side sees ordinary TCP from the gateway. Data moves in pump(), which the
 * paced run loop calls after every slice of emulated time.
 */
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { RvnError } from '../errors';
import type { TcpSocket } from '../net/tcp-socket';
import type { UserNet } from '../net/usernet';

export interface Forward {
  address: string;
  /** 0 = any free port (the chosen port is printed). */
  hostPort: number;
  guestPort: number;
}

/** Bytes from a real client waiting for room in the guest connection; beyond this the client is paused. */
const MAX_PENDING = 256 * 1024;

interface Relay {
  real: Socket;
  guest: TcpSocket;
  pending: Buffer[];
  pendingBytes: number;
  realEnded: boolean;
  guestEnded: boolean;
  closed: boolean;
}

export class PortForwarder {
  private readonly servers: Server[] = [];
  private readonly relays: Relay[] = [];
  /** New connections since the last pump (opened in the emulated network at the next pump). */
  private readonly accepted: { real: Socket; guestPort: number }[] = [];
  private readonly out = new Uint8Array(64 * 1024);

  constructor(private readonly net: UserNet) {}

  /** Listens on every forward's port; resolves with "ADDR:PORT → guest port N" lines. */
  async listen(forwards: readonly Forward[]): Promise<string[]> {
    const lines: string[] = [];
    for (const f of forwards) {
      // Half-open: a client that shuts down its sending side still gets the guest's answer.
      const server = createServer({ allowHalfOpen: true }, (real) => this.accept(real, f.guestPort));
      await new Promise<void>((resolve, reject) => {
        server.once('error', (e: NodeJS.ErrnoException) =>
          reject(new RvnError(`--hostfwd: cannot listen on ${f.address}:${f.hostPort}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}`)));
        server.listen(f.hostPort, f.address, () => resolve());
      });
      const addr = server.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : f.hostPort;
      lines.push(`${f.address}:${port} → guest port ${f.guestPort}`);
      this.servers.push(server);
    }
    return lines;
  }

  private accept(real: Socket, guestPort: number): void {
    real.setNoDelay(true);
    this.accepted.push({ real, guestPort });
  }

  private open(real: Socket, guestPort: number): void {
    const r: Relay = { real, guest: this.net.connect(guestPort), pending: [], pendingBytes: 0, realEnded: false, guestEnded: false, closed: false };
    real.on('data', (chunk: Buffer) => {
      r.pending.push(chunk);
      r.pendingBytes += chunk.length;
      if (r.pendingBytes > MAX_PENDING) real.pause();
    });
    real.on('end', () => {
      r.realEnded = true;
    });
    real.on('error', () => {
      r.realEnded = true;
    });
    real.on('close', () => {
      r.realEnded = true;
      r.closed = true;
    });
    this.relays.push(r);
  }

  /** Moves bytes both ways and propagates closes; `now` is the machine's cycle. */
  pump(now: number): void {
    let changed = this.accepted.length > 0;
    for (const a of this.accepted.splice(0)) this.open(a.real, a.guestPort);
    for (const r of this.relays) changed = this.pumpOne(r) || changed;
    for (let i = this.relays.length - 1; i >= 0; i--) {
      const r = this.relays[i];
      if (r.guest.isClosed && (r.closed || r.guestEnded)) this.relays.splice(i, 1);
    }
    if (changed) this.net.wake(now);
  }

  private pumpOne(r: Relay): boolean {
    let changed = false;
    const g = r.guest;
    // Client → guest.
    while (r.pending.length > 0 && g.sendSpace > 0 && !g.isClosed) {
      const chunk = r.pending[0];
      const n = g.send(chunk);
      if (n === 0) break;
      changed = true;
      r.pendingBytes -= n;
      if (n === chunk.length) r.pending.shift();
      else r.pending[0] = chunk.subarray(n);
    }
    if (r.pendingBytes <= MAX_PENDING / 2 && r.real.isPaused()) r.real.resume();
    if (r.realEnded && r.pending.length === 0 && !g.isClosed && g.sendSpace > 0) {
      g.close();
      changed = true;
    }
    // Guest → client.
    for (;;) {
      const n = g.recv(this.out);
      if (n === 0) break;
      if (!r.closed) r.real.write(Buffer.from(this.out.subarray(0, n)));
      changed = true;
    }
    if (!r.guestEnded && (g.eof || g.isClosed)) {
      r.guestEnded = true;
      if (g.error !== undefined) r.real.destroy();
      else r.real.end();
    }
    return changed;
  }

  close(): void {
    for (const s of this.servers) s.close();
    for (const r of this.relays) r.real.destroy();
  }
}
