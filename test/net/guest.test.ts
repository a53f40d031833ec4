// Guest programs built by rvn's own toolchain (gtsc, assembler, linker) from examples/net,
// with a minimal polling virtio-net driver, on the rvn board with the user-mode network:
// DHCP + ARP + ping get their answers; a guest TCP echo server serves the host side's TCP
// client (the benchmark load generator); and the pcap of a run is the same bytes every time.
import { beforeAll, describe, expect, it } from 'vitest';
import { Machine } from '../../src/machine/machine';
import type { MachineOptions } from '../../src/machine/machine';
import { LoadGenerator } from '../../src/net/loadgen';
import { findNode, findProp, readFdt } from '../../src/fdt/reader';
import { loadOrBuildImage } from '../../src/cli/sources';

let ping: Uint8Array;
let echo: Uint8Array;

beforeAll(async () => {
  ping = await loadOrBuildImage(['examples/net/ping.ts']);
  echo = await loadOrBuildImage(['examples/net/echo.ts']);
});

function boot(image: Uint8Array, opts: MachineOptions = {}) {
  const out: Uint8Array[] = [];
  const pcap: Uint8Array[] = [];
  const m = new Machine({ memBytes: 16 << 20, net: { pcap: (b) => pcap.push(b.slice()) }, ...opts }, { console: (b) => out.push(b.slice()) });
  m.load(image, 'guest');
  const net = m.role('network')!;
  const text = () => Buffer.concat(out).toString('latin1');
  const capture = () => {
    net.network.flush();
    return Buffer.concat(pcap);
  };
  return { m, net, text, capture };
}

/** The frames of a pcap file, read per the libpcap format (24-byte header, 16-byte records). */
function pcapFrames(file: Buffer): { sec: number; nsec: number; bytes: Buffer }[] {
  expect(file.readUInt32LE(0)).toBe(0xa1b23c4d);
  const frames = [];
  for (let off = 24; off < file.length; ) {
    const len = file.readUInt32LE(off + 8);
    frames.push({ sec: file.readUInt32LE(off), nsec: file.readUInt32LE(off + 4), bytes: file.subarray(off + 16, off + 16 + len) });
    off += 16 + len;
  }
  return frames;
}

describe('the card on the board', () => {
  it('is in the device tree as QEMU lists its first virtio device: virtio_mmio@10008000, IRQ 8 on the PLIC', () => {
    const m = new Machine({ net: {} }, { console: () => {} });
    const root = readFdt(m.dtb).root;
    const node = findNode(root, '/soc/virtio_mmio@10008000')!;
    expect(node).toBeDefined();
    const cells = (n: typeof node, name: string) => {
      const v = findProp(n, name)!.value;
      return Array.from({ length: v.length / 4 }, (_, i) => new DataView(v.buffer, v.byteOffset).getUint32(4 * i));
    };
    expect(cells(node, 'reg')).toEqual([0, 0x10008000, 0, 0x1000]);
    expect(cells(node, 'interrupts')).toEqual([8]);
    expect(cells(node, 'interrupt-parent')).toEqual(cells(findNode(root, '/soc/plic@c000000')!, 'phandle'));
    expect(new TextDecoder().decode(findProp(node, 'compatible')!.value)).toBe('virtio,mmio\0');
  });

  it('all eight virtio-mmio slots are mapped and listed, last first, as QEMU virt does; the unused ones are empty (DeviceID 0)', () => {
    for (const net of [undefined, {}]) {
      const m = new Machine({ net }, { console: () => {} });
      const out = new Int32Array(2);
      const read32 = (a: number) => (expect(m.bus.load(a, 4, out)).toBe(true), out[0] >>> 0);
      const soc = findNode(readFdt(m.dtb).root, '/soc')!;
      const slots = soc.children.filter((c) => c.name.startsWith('virtio_mmio@')).map((c) => c.name);
      expect(slots).toEqual([8, 7, 6, 5, 4, 3, 2, 1].map((i) => `virtio_mmio@1000${i}000`));
      for (let i = 0; i < 8; i++) {
        const base = 0x1000_1000 + 0x1000 * i;
        // virtio 1.2 §4.2.2: MagicValue "virt", Version 2, DeviceID 1 = network card, 0 = none.
        expect(read32(base), `slot ${i} magic`).toBe(0x74726976);
        expect(read32(base + 4), `slot ${i} version`).toBe(2);
        expect(read32(base + 8), `slot ${i} device id`).toBe(net !== undefined && i === 7 ? 1 : 0);
      }
      expect(m.bus.store(0x1000_1070, 4, 0xff, 0)).toBe(true); // Status of an empty slot: ignored
      expect(read32(0x1000_1070)).toBe(0);
    }
  });
});

describe('guest network programs on rvn', () => {
  it('ping.ts: DHCP offer and ack, ARP, and three echo replies from the gateway', () => {
    const { m, net, text } = boot(ping);
    const r = m.run({ maxCycles: 50_000_000 });
    expect(r.reason).toEqual({ kind: 'exit', code: 0, source: 'test-device' });
    const lines = text().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'virtio-net: mac 52:54:00:12:34:56',
      'dhcp: offer 10.0.2.15 from 10.0.2.2',
      'dhcp: bound to 10.0.2.15',
      'arp: 10.0.2.2 is at 52:55:0a:00:02:02',
    ]);
    for (let seq = 1; seq <= 3; seq++) expect(lines[3 + seq]).toMatch(new RegExp(`^ping: reply from 10\\.0\\.2\\.2 seq ${seq}, \\d+ cycles$`));
    const h = net.network.host.counters;
    expect([h.dhcpReplies, h.arpReplies, h.icmpEchoReplies]).toEqual([2, 1, 3]);
    expect(net.nic.counters).toMatchObject({ txFrames: 6, rxFrames: 6, txMalformed: 0, rxNoBuffer: 0 });
  });

  it('two runs of ping.ts give byte-identical pcaps; timestamps are emulated time', () => {
    const a = boot(ping);
    a.m.run({ maxCycles: 50_000_000 });
    const b = boot(ping);
    b.m.run({ maxCycles: 50_000_000 });
    const fa = a.capture();
    expect(fa.equals(b.capture())).toBe(true);
    const frames = pcapFrames(fa);
    expect(frames).toHaveLength(12);
    // The first frame (the DISCOVER) leaves when the guest notified the card plus the card's
    // transmit cost: within the run's cycles, at 100 MHz = 10 ns per cycle.
    const t0 = frames[0].sec * 1e9 + frames[0].nsec;
    expect(t0 % 10).toBe(0);
    expect(t0).toBeGreaterThan(0);
    expect(t0 / 10).toBeLessThan(a.m.cycles);
    // A reply has the request's timestamp: the wire has no latency by default, the gateway answers at once.
    expect(frames[1].sec * 1e9 + frames[1].nsec).toBe(t0);
  });

  it('a wire latency delays each answer by twice the latency', () => {
    const slow = boot(ping, { net: { latencyCycles: 5000 } });
    slow.m.run({ maxCycles: 50_000_000 });
    const fast = boot(ping);
    fast.m.run({ maxCycles: 50_000_000 });
    const rtt = (t: string) => t.split('\n').filter((l) => l.startsWith('ping:')).map((l) => Number(/, (\d+) cycles/.exec(l)![1]));
    const d = rtt(slow.text()).map((c, i) => c - rtt(fast.text())[i]);
    // Two trips over the wire, each 5000 cycles longer; the guest sees the reply at its next
    // poll of the used ring, so the difference may be short of that by less than a poll loop.
    for (const x of d) expect(Math.abs(x - 10000)).toBeLessThan(100);
  });

  it('echo.ts serves the host side TCP client: the benchmark "call" test over 2 connections', () => {
    const { m, net, text } = boot(echo);
    const load = new LoadGenerator(net.network.host, { test: 'call', connections: 2, requests: 16, port: 7, startAt: 2_000_000 });
    net.network.host.addApp(load);
    for (let slice = 1; slice <= 100 && !load.finished; slice++) m.run({ maxCycles: slice * 2_000_000 });
    expect(load.finished).toBe(true);
    expect(load.failedConnections).toBe(0);
    expect(load.completed).toBe(16);
    const s = load.summary(100e6);
    expect(s.requests).toBe(16);
    expect(s.latencyMeanMs).toBeGreaterThan(0);
    expect(text()).toContain('echo: listening on 10.0.2.15:7');
    expect(text().match(/echo: connection from 10\.0\.2\.2:4915[23]/g)).toHaveLength(2);
    expect(text().match(/echo: closed 10\.0\.2\.2:/g)).toHaveLength(2);
  });

  it('echo.ts echoes what a host TCP socket sends, then both sides close', () => {
    const { m, net } = boot(echo);
    const host = net.network.host;
    const sock = host.connect(7);
    const msg = new TextEncoder().encode('hello from the host side');
    expect(sock.send(msg)).toBe(msg.length);
    sock.close();
    for (let slice = 1; slice <= 50 && !sock.isClosed; slice++) m.run({ maxCycles: slice * 2_000_000 });
    const got = new Uint8Array(64);
    const n = sock.recv(got);
    expect(new TextDecoder().decode(got.subarray(0, n))).toBe('hello from the host side');
    expect(sock.eof).toBe(true);
  });
});
