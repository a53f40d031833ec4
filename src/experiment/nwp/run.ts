/**
 * The NWP benchmark's point runner (experiments.md, "NWP benchmark"): boots the variant's
 * system image (the kernel with the NWP and the TCP server, src/os/systems/nwp-*.ts) with the
 * test in its boot arguments, waits for the TCP server to listen, then lets the host side's
 * load generator (src/net/loadgen.ts) open K connections to port 80 and issue the requests,
 * all in emulated time; the row is its throughput and per-request latencies.
 */
import { RvnError } from '../../errors';
import { Machine } from '../../machine/machine';
import { LoadGenerator } from '../../net/loadgen';
import type { PointContext } from '../contract';
import { NWP_SWEEP, makeNwpRow } from './schema';
import type { NwpPoint, NwpRow, NwpVariant } from './schema';

/** The variants' images and harts. */
const VARIANTS: Readonly<Record<NwpVariant, { image: string; harts: number }>> = {
  'up-sync': { image: 'nwp-up-sync', harts: 1 },
  'smp-sync': { image: 'nwp-smp-sync', harts: 2 },
  'up-async': { image: 'nwp-up-async', harts: 1 },
  'smp-async': { image: 'nwp-smp-async', harts: 2 },
};

/** Emulated time allowed: to boot (DHCP included), and for the requests. */
const BOOT_CYCLES = 200_000_000;
const LOAD_CYCLES_PER_REQUEST = 2_000_000;
const SLICE_CYCLES = 5_000_000;
const TCP_PORT = 80;
const RAM_BYTES = 64 << 20;

export async function runNwpPoint(p: NwpPoint, ctx: PointContext): Promise<readonly NwpRow[]> {
  const v = VARIANTS[p.variant];
  const image = await ctx.image(v.image);
  const requests = NWP_SWEEP.requests[ctx.size];
  let console = '';
  const dec = new TextDecoder();
  const opts = ctx.machineOptions();
  const m = new Machine(
    { ...opts, fast: false, harts: v.harts, memBytes: RAM_BYTES, bootargs: `test=${p.test}`, net: {} },
    { console: (b) => { console += dec.decode(b, { stream: true }); } },
  );
  m.load(image, v.image);
  const fail = (what: string): never => {
    const last = console.trimEnd().split('\n').slice(-1)[0] ?? '';
    throw new RvnError(`${v.image}: ${what} (at cycle ${m.cycles}; the guest last said: ${last})`);
  };
  const runUntil = (done: () => boolean, limit: number): boolean => {
    while (!done() && m.cycles < limit) {
      const r = m.run({ maxCycles: Math.min(limit, m.cycles + SLICE_CYCLES) });
      if (r.reason.kind === 'halt' || r.reason.kind === 'exit') fail(`the guest stopped (${r.reason.kind})`);
      if (r.reason.kind === 'idle') break;
    }
    return done();
  };
  if (!runUntil(() => console.includes('tcp-server: '), BOOT_CYCLES)) fail('the TCP server did not start');
  const net = m.role('network')!.network.host;
  const gen = new LoadGenerator(net, { test: p.test, connections: p.connections, requests, port: TCP_PORT, startAt: m.cycles + 1000 });
  net.addApp(gen);
  if (!runUntil(() => gen.finished, m.cycles + requests * LOAD_CYCLES_PER_REQUEST)) fail(`the load did not finish: ${gen.completed} of ${requests} requests`);
  if (gen.failedConnections > 0 || gen.completed !== requests) fail(`${gen.failedConnections} connections failed, ${gen.completed} of ${requests} requests done`);
  const hz = m.timing.clockHz;
  const samplesMs = Array.from(gen.latencies.subarray(0, gen.completed), (c) => (c / hz) * 1000);
  return [makeNwpRow(p, requests, (gen.lastEnd - gen.firstStart) / hz, samplesMs)];
}
