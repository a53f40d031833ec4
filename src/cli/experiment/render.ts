/**
 * Writing an output plan: text files as they are, figures as Vega-Lite spec (.vl.json), SVG
 * (vega-lite compiles the spec, vega renders it headless, no browser) and PNG (resvg renders
 * the SVG, with the system's fonts). The libraries are loaded only when figures are written.
 */
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { RvnError } from '../../errors';
import { formatJson } from '../../experiment/index';
import type { Json, OutputFile } from '../../experiment/index';
import { writeUserFile } from '../host';

interface Renderer {
  svg(spec: Json): Promise<string>;
  png(svg: string): Uint8Array;
}

async function loadRenderer(): Promise<Renderer> {
  try {
    const vega = await import('vega');
    const vl = await import('vega-lite');
    const { Resvg } = await import('@resvg/resvg-js');
    return {
      async svg(spec) {
        const compiled = vl.compile(spec as unknown as Parameters<typeof vl.compile>[0]).spec;
        const view = new vega.View(vega.parse(compiled), { renderer: 'none' });
        const svg = await view.toSVG();
        view.finalize();
        return svg;
      },
      png(svg) {
        const r = new Resvg(svg, { background: 'white', fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } });
        return r.render().asPng();
      },
    };
  } catch (e) {
    throw new RvnError(`figures need the packages vega, vega-lite and @resvg/resvg-js (run npm ci): ${(e as Error).message.split('\n')[0]}`);
  }
}

export interface WrittenOutputs {
  readonly files: number;
  readonly figures: number;
}

/** Writes every output of the plan under `dir`. */
export async function writeOutputs(dir: string, plan: readonly OutputFile[]): Promise<WrittenOutputs> {
  let renderer: Renderer | undefined;
  let files = 0;
  let figures = 0;
  const made = new Set<string>();
  const ensureDir = (path: string): void => {
    const d = dirname(path);
    if (made.has(d)) return;
    try {
      mkdirSync(d, { recursive: true });
    } catch (e) {
      throw new RvnError(`cannot create the directory '${d}': ${(e as Error).message}`);
    }
    made.add(d);
  };
  for (const o of plan) {
    const path = join(dir, o.path);
    ensureDir(path);
    if (o.kind === 'text') {
      writeUserFile(path, o.text);
      files++;
      continue;
    }
    renderer ??= await loadRenderer();
    const svg = await renderer.svg(o.figure.spec);
    writeUserFile(`${path}.vl.json`, formatJson(o.figure.spec));
    writeUserFile(`${path}.svg`, svg);
    writeUserFile(`${path}.png`, renderer.png(svg));
    files += 3;
    figures++;
  }
  return { files, figures };
}
