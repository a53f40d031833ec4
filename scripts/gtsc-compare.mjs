// `npm run gtsc:compare`: bundles the benchmark comparison (test/gtsc/bench/compare-main.ts)
// into a temporary file and runs it; arguments are passed on (e.g. -- --filter crc).
import { build } from 'esbuild';
import { rawText, typescriptRequire } from './esbuild-plugins.mjs';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const dir = mkdtempSync(join("node_modules", ".gtsc-compare-"));
const out = join(dir, 'compare.mjs');
try {
  await build({
    entryPoints: ['test/gtsc/bench/compare-main.ts'],
    outfile: out,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [rawText, typescriptRequire],
    // The bundle lives in a temporary folder but reads the programs from the checkout.
    define: { 'import.meta.url': JSON.stringify(pathToFileURL(join(process.cwd(), 'test/gtsc/bench/compare-main.ts')).href) },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });
  await import(pathToFileURL(out).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
