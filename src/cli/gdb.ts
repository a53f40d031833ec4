/**
 * `--gdb PORT` / `--gdb-wait`: the TCP side of the gdb stub (src/gdb), as QEMU's `-gdb
 * tcp:127.0.0.1:PORT` and `-S`. One debugger at a time, on 127.0.0.1 only. The run loop
 * (run.ts) asks `attend()` before each stretch (it waits here while gdb holds the machine
 * stopped) and hands each stretch's result to `takes()`.
 */
import { createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { RvnError } from '../errors';
import { GdbStub } from '../gdb/stub';
import type { Machine, RunResult } from '../machine/machine';

export class GdbHost {
  private client: Socket | undefined;
  private wake: (() => void) | undefined;
  readonly stub: GdbStub;

  private constructor(private readonly server: Server, readonly port: number, machine: Machine, wait: boolean) {
    this.stub = new GdbStub(machine, (bytes) => this.client?.write(bytes), wait);
    server.on('connection', (s) => this.accept(s));
  }

  /** Listens on 127.0.0.1:port (0: any free port; `port` then says which). */
  static async listen(port: number, machine: Machine, wait: boolean): Promise<GdbHost> {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', (e: NodeJS.ErrnoException) =>
        reject(new RvnError(`--gdb: cannot listen on 127.0.0.1:${port}: ${e.code === 'EADDRINUSE' ? 'the port is in use' : e.message}`)));
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const addr = server.address();
    return new GdbHost(server, typeof addr === 'object' && addr !== null ? addr.port : port, machine, wait);
  }

  private accept(s: Socket): void {
    if (this.client !== undefined) {
      // One debugger at a time, as QEMU.
      s.end();
      return;
    }
    this.client = s;
    s.setNoDelay(true);
    this.stub.connected();
    s.on('data', (b: Buffer) => this.signal(() => this.stub.receive(b)));
    const gone = (): void => this.signal(() => {
      if (this.client !== s) return;
      this.client = undefined;
      this.stub.disconnected();
    });
    s.on('close', gone);
    s.on('error', gone);
  }

  private signal(change: () => void): void {
    change();
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  /** Before a stretch: waits while gdb holds the machine. 'kill' when gdb killed the target. */
  async attend(): Promise<'run' | 'kill'> {
    while (this.stub.state === 'stopped') await new Promise<void>((resolve) => (this.wake = resolve));
    return this.stub.state === 'killed' ? 'kill' : 'run';
  }

  /** After a stretch: true when the debugger takes this stop (the loop then attends again). */
  takes(r: RunResult): boolean {
    return this.stub.machineStopped(r);
  }

  close(): void {
    this.client?.end();
    this.client?.destroy();
    this.server.close();
  }
}
