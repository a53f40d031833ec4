/**
 * The network options of `rvn run` (--net user, --mac, --net-latency, --net-bandwidth, --pcap,
 * --hostfwd, --realtime) and what the host does for them: the pcap file, the real-time pacing
 * of the run (the port-forward listeners are src/cli/hostfwd.ts), the network lines of
 * --stats. The network itself is the emulator library's (src/net, src/virtio-net).
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
import { RvnError } from '../errors';
import type { Machine } from '../machine/machine';
import type { NetworkOptions } from '../machine/net-entry';
import { impairmentsError } from '../net/link';
import type { LinkImpairments } from '../net/link';
import { parseMac } from '../net/wire/addr';
import type { Forward, PortForwarder } from './hostfwd';

export interface NetCliOptions {
  net?: string;
  mac?: string;
  netLatency?: string;
  netBandwidth?: string;
  netImpair?: string;
  pcap?: string;
  hostfwd?: string[];
  realtime?: boolean;
}

export function addNetOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--net <mode>', "network card: 'user' = virtio-net on a user-mode network (gateway and DHCP at 10.0.2.2, guest 10.0.2.15)").choices(['user']))
    .option('--mac <addr>', 'MAC address of the network card (default 52:54:00:12:34:56)')
    .option('--net-latency <time>', 'one-way latency of the wire, e.g. 50us, 1ms, 2000cycles (default 0)')
    .option('--net-bandwidth <rate>', 'wire speed in bit/s, e.g. 100M, 1G; 0 = unlimited (default 0)')
    .option('--net-impair <spec>', 'seeded loss, duplication and reordering on the wire, each direction: loss=P,dup=P,reorder=P,delay=TIME,seed=N (P from 0 to 1; delay default 100us)')
    .option('--pcap <file>', 'capture every frame on the wire to FILE (libpcap format, emulated timestamps)')
    .option('--hostfwd <rule>', 'forward a host TCP port to the guest: tcp:[ADDR:]HOSTPORT:GUESTPORT (ADDR default 127.0.0.1; HOSTPORT 0 = any free port); implies --realtime (repeatable)', collect, [])
    .option('--realtime', 'pace emulated time to wall-clock time (never changes what the guest computes, only when host events arrive)');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

const TimeUnits: Record<string, number> = { s: 1, ms: 1e-3, us: 1e-6, 'µs': 1e-6, ns: 1e-9 };

/** "50us", "1.5ms", "2s", "2000cycles" → cycles at `clockHz`. */
export function parseDuration(option: string, text: string, clockHz: number): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|ms|us|µs|ns|c|cycles?)$/i.exec(text.trim());
  if (!m && text.trim() === '0') return 0;
  if (!m) throw new RvnError(`${option}: '${text}' is not a duration (examples: 50us, 1ms, 2000cycles)`, 2);
  const value = Number(m[1]);
  const unit = m[2].toLowerCase();
  const cycles = unit.startsWith('c') ? value : value * TimeUnits[unit] * clockHz;
  if (!Number.isFinite(cycles) || cycles > 1e15) throw new RvnError(`${option}: '${text}' is too long`, 2);
  return Math.round(cycles);
}

/** "100M", "1G", "1Gbit", "10Mbit/s", "0" → bits per second (0 = unlimited). */
export function parseBitRate(option: string, text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]?)(?:bit(?:\/s)?|bps)?$/i.exec(text.trim());
  if (!m) throw new RvnError(`${option}: '${text}' is not a bit rate (examples: 100M, 1G, 0 for unlimited)`, 2);
  const scale: Record<string, number> = { '': 1, K: 1e3, M: 1e6, G: 1e9 };
  const value = Number(m[1]) * scale[m[2].toUpperCase()];
  if (value !== 0 && value < 1000) throw new RvnError(`${option}: '${text}' is below 1 kbit/s`, 2);
  return value;
}

/** "tcp:8080:80", "tcp:127.0.0.1:8080:80" → a forward rule. */
export function parseHostFwd(text: string): Forward {
  const m = /^tcp:(?:([0-9.]+|localhost):)?(\d+):(\d+)$/.exec(text.trim());
  const bad = () => new RvnError(`--hostfwd: '${text}' must be tcp:[ADDR:]HOSTPORT:GUESTPORT (example: tcp:8080:80)`, 2);
  if (!m) throw bad();
  const hostPort = Number(m[2]);
  const guestPort = Number(m[3]);
  if (hostPort > 65535 || guestPort < 1 || guestPort > 65535) throw bad();
  return { address: m[1] ?? '127.0.0.1', hostPort, guestPort };
}

/** "loss=0.05,dup=0.01,reorder=0.02,delay=200us,seed=7" → the wire's impairments. */
export function parseImpairments(text: string, clockHz: number): LinkImpairments {
  const out: LinkImpairments = {};
  const bad = (why: string) => new RvnError(`--net-impair: ${why} (example: loss=0.05,dup=0.01,reorder=0.02,delay=200us,seed=7)`, 2);
  for (const part of text.split(',')) {
    const m = /^\s*(loss|dup|reorder|delay|seed)\s*=\s*(\S+)\s*$/.exec(part);
    if (!m) throw bad(`'${part}' is not KEY=VALUE with KEY one of loss, dup, reorder, delay, seed`);
    const [, key, value] = m;
    if (key === 'delay') out.reorderDelayCycles = parseDuration('--net-impair delay', value, clockHz);
    else {
      const v = Number(value);
      if (!/^\d+(\.\d+)?$/.test(value)) throw bad(`${key}: '${value}' is not a number`);
      if (key === 'seed') out.seed = v;
      else if (key === 'loss') out.loss = v;
      else if (key === 'dup') out.duplicate = v;
      else out.reorder = v;
    }
  }
  if (out.reorderDelayCycles === undefined) out.reorderDelayCycles = Math.round(100e-6 * clockHz);
  const error = impairmentsError(out);
  if (error !== undefined) throw bad(error.replace('duplicate', 'dup').replace('reorderDelayCycles', 'delay'));
  return out;
}

/** What the host sets up for the network options. */
export interface NetSetup {
  /** The machine's network card options, or undefined without --net. */
  machine: NetworkOptions | undefined;
  forwards: Forward[];
  realtime: boolean;
  /** Closes the pcap file (after the machine's last flush). */
  close(): void;
}

/** Validates the options and opens the pcap file. */
export function parseNetOptions(o: NetCliOptions, clockHz: number): NetSetup {
  const forwards = (o.hostfwd ?? []).map(parseHostFwd);
  if (o.net === undefined) {
    const needing = [o.mac && '--mac', o.netLatency && '--net-latency', o.netBandwidth && '--net-bandwidth', o.netImpair && '--net-impair', o.pcap && '--pcap', forwards.length > 0 && '--hostfwd'].filter(Boolean);
    if (needing.length > 0) throw new RvnError(`${needing[0]} needs a network card: add --net user`, 2);
    return { machine: undefined, forwards, realtime: o.realtime === true, close: () => {} };
  }
  const mac = o.mac !== undefined ? parseMac(o.mac) : undefined;
  if (o.mac !== undefined && (mac === undefined || (mac[0] & 1) !== 0)) {
    throw new RvnError(`--mac: '${o.mac}' is not a unicast MAC address (example: 52:54:00:12:34:56)`, 2);
  }
  const machine: NetworkOptions = {
    mac,
    latencyCycles: o.netLatency !== undefined ? parseDuration('--net-latency', o.netLatency, clockHz) : 0,
    bitsPerSecond: o.netBandwidth !== undefined ? parseBitRate('--net-bandwidth', o.netBandwidth) : 0,
    impairments: o.netImpair !== undefined ? parseImpairments(o.netImpair, clockHz) : undefined,
  };
  let fd: number | undefined;
  if (o.pcap !== undefined) {
    try {
      fd = openSync(o.pcap, 'w');
    } catch (e) {
      throw new RvnError(`cannot write '${o.pcap}': ${(e as Error).message}`);
    }
    const file = fd;
    machine.pcap = (bytes) => {
      writeSync(file, bytes);
    };
  }
  return {
    machine, forwards, realtime: o.realtime === true || forwards.length > 0,
    close: () => {
      if (fd !== undefined) closeSync(fd);
      fd = undefined;
    },
  };
}

/** Emulated time per slice of a paced run: 1 ms. */
const SLICE_SECONDS = 0.001;

/**
 * Real-time pacing (`--realtime`, and whenever a port is forwarded): the run goes in slices of
 * 1 ms of emulated time, never ahead of the wall clock (at 100 MHz, one emulated second per
 * second), and after each slice the forwarded connections move their bytes. When the
 * emulator is slower than real time it simply runs flat out. An empty event at each slice's
 * end lets emulated time pass while every hart waits, so a guest waiting for a connection (or
 * for typed input) is not an idle machine. Pacing changes when host events reach the guest,
 * never what the guest computes from them.
 */
export class RealTimePacer {
  private readonly slice: number;
  private readonly hz: number;
  private readonly tick: number;
  private startWall = -1;
  private startCycle = 0;

  constructor(private readonly machine: Machine, private readonly forwarder: PortForwarder | undefined) {
    this.hz = machine.timing.clockHz;
    this.slice = Math.max(1, Math.round(this.hz * SLICE_SECONDS));
    this.tick = machine.events.register({ onEvent: () => {} });
  }

  /** Where the next slice ends (the run's pauseAtCycle); time reaches it even if every hart sleeps. */
  nextPause(): number {
    const m = this.machine;
    if (this.startWall < 0) {
      this.startWall = performance.now();
      this.startCycle = m.cycles;
    }
    const end = m.cycles + this.slice;
    m.events.cancel(this.tick, 0);
    m.events.schedule(end, this.tick, 0);
    return end;
  }

  /** Whether a machine with every hart waiting should go on in real time: a connection may come. */
  get waitsForHost(): boolean {
    return this.forwarder !== undefined;
  }

  /** Between slices: move forwarded bytes, then wait until the wall clock catches up. */
  async between(): Promise<void> {
    this.forwarder?.pump(this.machine.cycles);
    const wallCycle = this.startCycle + ((performance.now() - this.startWall) / 1000) * this.hz;
    const ahead = this.machine.cycles - wallCycle;
    if (ahead > this.slice) await new Promise((resolve) => setTimeout(resolve, Math.min(50, (ahead / this.hz) * 1000)));
  }

  private finished = false;

  /** The run is over: no more slice events, the forwards stop listening. */
  finish(): void {
    if (this.finished) return;
    this.finished = true;
    this.machine.events.cancel(this.tick, 0);
    this.forwarder?.close();
  }
}

/** The network lines of --stats: frames, bytes, and every nonzero drop counter with its reason. */
export function networkStats(machine: Machine): string {
  const adapter = machine.role('network');
  if (adapter === undefined) return '';
  const n = adapter.nic.counters;
  const h = adapter.network.host.counters;
  const l = adapter.network.link.counters;
  const t = adapter.transport;
  const lines = [
    `rvn: net: guest sent ${n.txFrames} frames (${n.txBytes} bytes), received ${n.rxFrames} frames (${n.rxBytes} bytes)`,
  ];
  const drops: [string, number][] = [
    ['transmit chains that were not a frame', n.txMalformed],
    ['frames for a card not yet set up (DRIVER_OK) or link down', n.rxNotReady],
    ['frames dropped for want of receive buffers', n.rxNoBuffer],
    ['frames larger than the receive buffers', n.rxTooBig],
    ['frames dropped by the wire (queue full)', l.dropped[0] + l.dropped[1]],
    ['frames lost by --net-impair', l.lost[0] + l.lost[1]],
    ['frames duplicated by --net-impair', l.duplicated[0] + l.duplicated[1]],
    ['frames reordered by --net-impair', l.reordered[0] + l.reordered[1]],
    ['frames not for the gateway (bad Ethernet header or address)', h.badFrame],
    ['frames of other protocols (not IPv4/ARP)', h.otherEtherType],
    ['malformed ARP', h.badArp],
    ['malformed IPv4 or bad header checksum', h.badIpv4],
    ['IPv4 for other hosts (nothing is routed)', h.notForHost],
    ['malformed ICMP', h.badIcmp],
    ['malformed UDP', h.badUdp],
    ['malformed DHCP', h.badDhcp],
    ['malformed TCP', h.badTcp],
    ['packets for no service (UDP other than DHCP, ICMP other than echo)', h.noService],
    ['virtio accesses the spec forbids (ignored)', t.counters.badAccesses],
  ];
  for (const [what, count] of drops) if (count > 0) lines.push(`rvn: net: ${count} ${what}`);
  if (t.lastError !== undefined) lines.push(`rvn: net: the card needed a reset (DEVICE_NEEDS_RESET): ${t.lastError}`);
  return lines.join('\n') + '\n';
}
