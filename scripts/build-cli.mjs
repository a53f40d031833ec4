// Bundles the CLI (src/cli/main.ts) into dist/rvn.mjs, the `rvn` bin.
// Runs on `npm ci` (the prepare script), so a fresh checkout has a working `npx rvn`.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { rawText, typescriptRequire } from './esbuild-plugins.mjs';

// Chunks are named by content hash: without this, every rebuild would leave the previous
// build's chunks behind (and the images' inputs key, which hashes dist/, would cover them).
rmSync('dist/chunks', { recursive: true, force: true });

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
  // dependency (bundling it would break its use of __filename and triple the bundle), loaded
  // through the typescriptRequire plugin.
  external: ['vega', 'vega-lite', '@resvg/resvg-js'],
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __rvnCreateRequire } from 'node:module'; const require = __rvnCreateRequire(import.meta.url);",
  },
  plugins: [rawText, typescriptRequire],
  logLevel: 'warning',
});

// esbuild writes code as ASCII but keeps the comments it preserves as they are, and a few hold
// non-ASCII characters (→, ·, …). One such character makes Node decode the whole file into a
// two-byte string, which V8 then scans as UTF-16 at load time and at every lazy compile: escaped
// (valid in comments, strings, regular expressions and identifiers alike), the bundle loads as
// one-byte text.
for (const file of ['dist/rvn.mjs', ...readdirSync('dist/chunks').filter((f) => f.endsWith('.mjs')).map((f) => `dist/chunks/${f}`)]) {
  const text = readFileSync(file, 'utf8');
  const ascii = text.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (ascii !== text) writeFileSync(file, ascii);
}
