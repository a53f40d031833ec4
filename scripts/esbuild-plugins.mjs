// esbuild plugins shared by the bundles (build-cli.mjs, gtsc-compare.mjs).
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';

/** `import text from './file?raw'` (src/build/raw.d.ts): the file's text, embedded in the bundle. */
export const rawText = {
  name: 'raw-text',
  setup(b) {
    b.onResolve({ filter: /\?raw$/ }, (args) => ({ path: resolve(dirname(args.importer), args.path.slice(0, -4)), namespace: 'raw-text' }));
    b.onLoad({ filter: /.*/, namespace: 'raw-text' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};

/**
 * typescript is loaded with require(): imported from ESM, Node would first scan its 9 MB of
 * CommonJS for export names (cjs-module-lexer), about 0.7 s of every guest build.
 */
export const typescriptRequire = {
  name: 'typescript-require',
  setup(b) {
    b.onResolve({ filter: /^typescript$/ }, (a) => (a.namespace === 'ts-require' ? { path: 'typescript', external: true } : { path: 'typescript', namespace: 'ts-require' }));
    b.onLoad({ filter: /.*/, namespace: 'ts-require' }, () => ({ contents: "module.exports = require('typescript');", loader: 'js' }));
  },
};

