// Writes the memory-map table, generated from the board description (src/machine/board.ts),
// into README.md and docs/devices.md between their memory-map markers.
// `npm run docs:memory-map`; test/machine/memory-map.test.ts fails while a table is stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const bundle = await build({
  stdin: {
    contents: "export { RVN_BOARD } from './src/machine/board'; export { memoryMapTable, withMemoryMap } from './src/machine/memory-map';",
    resolveDir: process.cwd(),
    loader: 'ts',
  },
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'neutral',
  logLevel: 'warning',
});
const { RVN_BOARD, memoryMapTable, withMemoryMap } = await import(
  'data:text/javascript;base64,' + Buffer.from(bundle.outputFiles[0].text).toString('base64')
);
const table = memoryMapTable(RVN_BOARD);
for (const file of ['README.md', 'docs/devices.md']) {
  const text = readFileSync(file, 'utf8');
  const updated = withMemoryMap(text, table);
  if (updated === undefined) throw new Error(`${file}: no memory-map markers`);
  if (updated !== text) {
    writeFileSync(file, updated);
    console.log(`${file}: memory map updated`);
  }
}
