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
  harts?: number;
  bootargs?: string;
  timing?: TimingProfile;
  memBytes?: number;
  /** Translated blocks (default true), as MachineOptions.fast. */
  fast?: boolean;
}

export class Guest {
  readonly m: Machine;
  private readonly out: Uint8Array[] = [];
  private readonly pcapChunks: Uint8Array[] = [];

  constructor(readonly elf: Uint8Array, opts: BootOptions = {}) {
    this.m = new Machine(
      // Reference mode by default: these runs are short, and the translated blocks of the
      // network code cost more to make than they save within them (docs/nwp.md).
      { memBytes: opts.memBytes ?? 16 << 20, timing: opts.timing ?? idealProfile(), fast: opts.fast ?? false, harts: opts.harts, bootargs: opts.bootargs, net: { ...opts.net, pcap: (b) => this.pcapChunks.push(b.slice()) } },
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
      // Every hart waiting with nothing scheduled: nothing more can happen.
      if (r.reason.kind === 'idle') return done();
      if (r.reason.kind !== 'limit') throw new Error(`guest stopped: ${JSON.stringify(r.reason)}\n${this.text}`);
    }
    return true;
  }

  /** Boots until the server announces its address (and, under the kernel, the TCP server its port). */
  ready(maxCycles = 50_000_000): void {
    const up = () => this.text.includes('serving') && (!this.text.includes('rvn kernel') || this.text.includes('tcp-server:'));
    if (!this.runUntil(up, maxCycles)) throw new Error(`server not ready:\n${this.text}`);
  }

  /** `n` u64 words of the guest from its symbol `name` (a user address is found through the ELF's load addresses). */
  readU64s(name: string, n: number): number[] {
    const elf = readElf(this.elf);
    const sym = findSymbol(elf, name);
    if (!sym) throw new Error(`no symbol ${name}`);
    const seg = elf.segments.find((s) => s.type === 1 && sym.value >= s.vaddr && sym.value < s.vaddr + s.memsz);
    const pa = seg !== undefined ? seg.paddr + (sym.value - seg.vaddr) : sym.value;
    const bytes = this.m.bus.readBytes(pa, 8 * n);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    return Array.from({ length: n }, (_, i) => Number(view.getBigUint64(8 * i, true)));
  }

  /** The stack's counters, by name. */
  stats(): Record<string, number> {
    const words = this.readU64s('stats', STAT_NAMES.length);
    return Object.fromEntries(STAT_NAMES.map((name, i) => [name, words[i]]));
  }

  /** The driver's counters (src/os/nwp/driver/virtio-net.ts, vnet_stats). */
  driverStats(): { interrupts: number; kicks: number; rx: number; tx: number } {
    const [interrupts, kicks, rx, tx] = this.readU64s('vnet_stats', 4);
    return { interrupts, kicks, rx, tx };
  }

  /** Runs `cycles` more cycles. */
  runFor(cycles: number): void {
    const r = this.m.run({ maxCycles: this.m.cycles + cycles });
    if (r.reason.kind !== 'limit' && r.reason.kind !== 'idle') throw new Error(`guest stopped: ${JSON.stringify(r.reason)}\n${this.text}`);
  }

  /** Sets a u64 variable of the guest (before it runs): e.g. `server_options`. */
  setVariable(name: string, value: number): void {
    const sym = findSymbol(readElf(this.elf), name);
    if (!sym) throw new Error(`no symbol ${name}`);
    const b = new Uint8Array(8);
    new DataView(b.buffer).setBigUint64(0, BigInt(value), true);
    this.m.bus.writeBytes(sym.value, b);
  }

  /** Puts a frame on the wire from the host side, now. */
  inject(frame: Uint8Array): void {
    this.net.network.link.send(1, frame, frame.length, this.m.cycles);
  }

  /** The frames the guest sent (from the capture), oldest first, with the cycle each entered the wire. */
  sentFrames(): { cycle: number; bytes: Uint8Array }[] {
    return pcapRecords(this.pcap()).filter((f) => f.bytes.length >= 14 && macOf(f.bytes, 6) === GUEST_MAC);
  }

  /** Connects a host-side socket to the guest's `port`. */
  connect(port: number): TcpSocket {
    const s = this.host.connect(port);
    this.host.wake(this.m.cycles);
    return s;
  }
}

export const GUEST_MAC = '52:54:00:12:34:56';

function macOf(f: Uint8Array, at: number): string {
  return Array.from(f.subarray(at, at + 6), (b) => b.toString(16).padStart(2, '0')).join(':');
}

/**
 * The frames of a libpcap file (24-byte file header, 16-byte record headers, nanosecond
 * timestamps), with their time in cycles at 100 MHz.
 */
export function pcapRecords(file: Buffer): { cycle: number; bytes: Uint8Array }[] {
  const out: { cycle: number; bytes: Uint8Array }[] = [];
  for (let off = 24; off + 16 <= file.length; ) {
    const len = file.readUInt32LE(off + 8);
    const ns = file.readUInt32LE(off) * 1e9 + file.readUInt32LE(off + 4);
    out.push({ cycle: Math.round(ns / 10), bytes: new Uint8Array(file.subarray(off + 16, off + 16 + len)) });
    off += 16 + len;
  }
  return out;
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
