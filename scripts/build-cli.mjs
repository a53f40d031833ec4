// Bundles the CLI (src/cli/main.ts) into dist/rvn.mjs, the `rvn` bin.
// Runs on `npm ci` (the prepare script), so a fresh checkout has a working `npx rvn`.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { build } from 'esbuild';

/** `import text from './file?raw'` (src/build/raw.d.ts): the file's text, embedded in the bundle. */
const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(dirname(args.importer), args.path.slice(0, -4)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};

await build({
  entryPoints: ['src/cli/main.ts'],
  // Code splitting keeps the guest TypeScript compiler (and the typescript package) in a chunk
  // that is loaded only when .ts sources are built, so other commands start fast.
  outdir: 'dist',
  entryNames: 'rvn',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  splitting: true,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  // The guest TypeScript compiler uses the typescript package at run time; it stays a normal
  // dependency (bundling it would break its use of __filename and triple the bundle).
  external: ['typescript', 'vega', 'vega-lite', '@resvg/resvg-js'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __rvnCreateRequire } from 'node:module'; const require = __rvnCreateRequire(import.meta.url);",
  },
  plugins: [rawText],
  logLevel: 'warning',
});
