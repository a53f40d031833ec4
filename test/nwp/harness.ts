// Running the NWP stack's bare-metal server (src/os/nwp/bare/server.ts) on the rvn board with
// the user-mode network, and talking to it from the host side of the wire (src/net): host TCP
// sockets, the load generator, injected frames; the stack's counters read from guest memory.
import { readFileSync } from 'node:fs';
import { loadOrBuildImage } from '../../src/cli/sources';
import { findSymbol, readElf } from '../../src/elf/reader';
import { Machine } from '../../src/machine/machine';
import type { NetworkOptions } from '../../src/machine/net-entry';
import type { TcpSocket } from '../../src/net/tcp-socket';
import { idealProfile } from '../../src/timing/index';
import type { TimingProfile } from '../../src/timing/index';

export const SERVER = 'src/os/nwp/bare/server.ts';

let serverImage: Promise<Uint8Array> | undefined;

/** The bare-metal server, built once per test file by rvn's own toolchain. */
export function serverElf(): Promise<Uint8Array> {
  serverImage ??= loadOrBuildImage([SERVER]);
  return serverImage;
}

/** The stack's counter names by index, read from the guest source (src/os/nwp/stats.ts). */
export const STAT_NAMES: string[] = (() => {
  const text = readFileSync('src/os/nwp/stats.ts', 'utf8');
  const names: string[] = [];
  for (const m of text.matchAll(/export const S_([A-Z0-9_]+) = (\d+);/g)) names[Number(m[2])] = m[1].toLowerCase();
  return names;
})();

export interface BootOptions {
  net?: NetworkOptions;
  timing?: TimingProfile;
  memBytes?: number;
}

export class Guest {
  readonly m: Machine;
  private readonly out: Uint8Array[] = [];
  private readonly pcapChunks: Uint8Array[] = [];

  constructor(readonly elf: Uint8Array, opts: BootOptions = {}) {
    this.m = new Machine(
      { memBytes: opts.memBytes ?? 16 << 20, timing: opts.timing ?? idealProfile(), net: { ...opts.net, pcap: (b) => this.pcapChunks.push(b.slice()) } },
      { console: (b) => this.out.push(b.slice()) },
    );
    this.m.load(elf, 'nwp');
  }

  get net() {
    return this.m.role('network')!;
  }

  get host() {
    return this.net.network.host;
  }

  get text(): string {
    return Buffer.concat(this.out).toString('latin1');
  }

  pcap(): Buffer {
    this.net.network.flush();
    return Buffer.concat(this.pcapChunks);
  }

  /** Runs in slices of `slice` cycles until `done()` or `maxCycles`; true when done. */
  runUntil(done: () => boolean, maxCycles: number, slice = 1_000_000): boolean {
    while (!done()) {
      if (this.m.cycles >= maxCycles) return false;
      const r = this.m.run({ maxCycles: Math.min(maxCycles, this.m.cycles + slice) });
      if (r.reason.kind !== 'limit') throw new Error(`guest stopped: ${JSON.stringify(r.reason)}\n${this.text}`);
    }
    return true;
  }

  /** Boots until the server announces its address. */
  ready(maxCycles = 50_000_000): void {
    if (!this.runUntil(() => this.text.includes('serving'), maxCycles)) throw new Error(`server not ready:\n${this.text}`);
  }

  /** The stack's counters, by name. */
  stats(): Record<string, number> {
    const sym = findSymbol(readElf(this.elf), 'stats');
    if (!sym) throw new Error('no stats symbol');
    const bytes = this.m.bus.readBytes(sym.value, 8 * STAT_NAMES.length);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const out: Record<string, number> = {};
    STAT_NAMES.forEach((name, i) => (out[name] = Number(view.getBigUint64(8 * i, true))));
    return out;
  }

  /** Connects a host-side socket to the guest's `port`. */
  connect(port: number): TcpSocket {
    const s = this.host.connect(port);
    this.host.wake(this.m.cycles);
    return s;
  }
}

/** Deterministic bytes: a xorshift32 stream from `seed`. */
export function pattern(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 255;
  }
  return out;
}
