// Figure specifications: every figure of both experiments compiles with Vega-Lite without a
// warning and renders to SVG with vega; the seed's reference series are in the data beside ours.
import { describe, expect, it } from 'vitest';
import * as vega from 'vega';
import { compile } from 'vega-lite';
import type { FigureSpec } from '../../src/experiment/figures';
import { REGISTRY, findExperiment } from '../../src/experiment/index';
import type { RowData } from '../../src/experiment/index';
import type { IpcRow } from '../../src/experiment/ipc/schema';
import { checkSvg } from './files';

const ipc = findExperiment(REGISTRY, 'ipc');
const nwp = findExperiment(REGISTRY, 'nwp');

interface Datum { source: string; series: string; x: number; y: number }
function data(f: FigureSpec): Datum[] {
  return (f.spec as unknown as { data: { values: Datum[] } }).data.values;
}

async function renderWithoutWarnings(f: FigureSpec): Promise<string> {
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn, undefined, (method: string, _level: unknown, input: readonly unknown[]) => {
    if (method === 'warn' || method === 'error') warnings.push(input.map(String).join(' '));
  });
  const compiled = compile(f.spec as unknown as Parameters<typeof compile>[0], { logger }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger });
  const svg = await view.toSVG();
  view.finalize();
  expect(warnings, f.name).toEqual([]);
  return svg;
}

const ipcRows: IpcRow[] = [1, 4, 32].flatMap((c) =>
  (['async-up', 'async-smp'] as const).map((series) => ({
    series, concurrency: c, load: 0, calls: 2048, cyclesPerCall: 5000 / c + 900, serverUintrPerCall: 1 / c, clientUintrPerCall: 1 / c, instructions: 1000, clientPreemptionsPerCall: 0, phases: {},
  })),
);

describe('figures', () => {
  it("IPC: the seed's figures (and the loads figure), each rendering", async () => {
    const figs = ipc.figures(ipcRows as unknown as RowData[]);
    expect(figs.map((f) => f.name)).toEqual(['async_call_cpu_cycle', 'async_call_uintr_cnt', 'call_compare', 'async_call_load']);
    for (const f of figs) checkSvg(await renderWithoutWarnings(f));
  });

  it("NWP: the seed's figures and the variance figure, each rendering (with no rows of ours yet)", async () => {
    const figs = nwp.figures([]);
    expect(figs.map((f) => f.name)).toEqual(['NWP_read', 'NWP_write', 'NWP_call_throughput', 'NWP_call_delay_avg', 'NWP_call_delay_var']);
    for (const f of figs) checkSvg(await renderWithoutWarnings(f));
  });

  it("draws our series beside the seed's QEMU and FPGA reference series", () => {
    const [cpu, uintr, compare] = ipc.figures(ipcRows as unknown as RowData[]);
    const at = (f: FigureSpec, source: string, series: string, x: number): number | undefined => data(f).find((d) => d.source === source && d.series === series && d.x === x)?.y;
    expect(at(cpu, 'rvn (this run)', 'async-up', 4)).toBe(5000 / 4 + 900);
    expect(at(cpu, 'seed QEMU', 'async-up', 1)).toBe(1326);
    expect(at(cpu, 'seed QEMU', 'async-smp', 128)).toBe(298);
    expect(at(cpu, 'seed FPGA', 'async-smp', 32)).toBe(1477);
    expect(at(uintr, 'seed QEMU', 'smp server', 8)).toBe(0.442);
    expect(at(uintr, 'rvn (this run)', 'up client', 32)).toBe(1 / 32);
    const bar = (source: string, series: string): number | undefined => data(compare).find((d) => d.source === source && d.series === series)?.y;
    expect(bar('seed QEMU', 'async-up-min')).toBe(251); // the seed's async-up-min bar: c=128
    expect(bar('seed QEMU', 'async-up-max')).toBe(1326); // async-up-max: c=1
    expect(bar('seed FPGA', 'sync-up-slow')).toBe(8077);
    expect(bar('rvn (this run)', 'async-smp-min')).toBe(5000 / 32 + 900);
    const read = nwp.figures([])[0];
    expect(data(read).filter((d) => d.source === 'seed QEMU' && d.series === 'smp-async').map((d) => d.y)).toEqual([6889, 10404, 15780, 8149, 5934, 5203]);
  });

  it('keeps the colours of a series the same in every panel (one colour domain per figure)', () => {
    for (const f of [...ipc.figures([]), ...nwp.figures([])]) {
      const color = (f.spec as unknown as { spec: { encoding: { color?: { scale: { domain: string[] } } } } }).spec.encoding.color;
      if (color === undefined) continue;
      const series = new Set(data(f).map((d) => d.series));
      for (const s of series) expect(color.scale.domain, `${f.name}: ${s}`).toContain(s);
    }
  });
});

describe('report tables', () => {
  it("put the seed's per-phase FPGA table beside ours, and the seed's variance table", () => {
    const withPhases = ipcRows.map((r) => (r.series === 'async-up' && r.concurrency === 1 ? { ...r, phases: { 'client.fill-send': 512.5, 'runtime.extra': 10 } } : r));
    const md = ipc.reportTables(withPhases as unknown as RowData[]);
    expect(md).toContain('| client: fill & send (407 without the user interrupt) | 1009 | 512.5 | — |');
    expect(md).toContain('| runtime.extra | — | 10 | — |');
    expect(md).toContain('| total | 2815 | 522.5 | — |');
    const nwpMd = nwp.reportTables([]);
    expect(nwpMd).toContain('| seed QEMU: up-async | 0.04 | 2.4 | 18.11 | 543.1 | 1270 | 5444 |');
  });
});

// The criteria printed in the docs are the ones in the code.
describe('docs/experiments.md', () => {
  it('states every claim\'s criterion exactly as the code applies it', async () => {
    const { readFileSync } = await import('node:fs');
    const doc = readFileSync('docs/experiments.md', 'utf8');
    for (const e of REGISTRY.experiments) {
      for (const c of e.claims([])) expect(doc, `${c.id} criterion`).toContain(c.criterion);
    }
  });
});

