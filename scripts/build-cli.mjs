// Bundles the CLI (src/cli/main.ts) into dist/rvn.mjs, the `rvn` bin.
// Runs on `npm ci` (the prepare script), so a fresh checkout has a working `npx rvn`.
import { build } from 'esbuild';

await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/rvn.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __rvnCreateRequire } from 'node:module'; const require = __rvnCreateRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
