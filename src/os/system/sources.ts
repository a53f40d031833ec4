/**
 * Guest sources as data: a SourceTree maps repository-relative paths ("src/os/kernel/main.ts")
 * to their text. The host (CLI, tests) reads the files; everything here only looks names up,
 * so image builds are reproducible from the texts alone.
 */
import ts from 'typescript';
import { resolveImport } from '../../build/guest';
import { RvnError } from '../../errors';

export type SourceTree = ReadonlyMap<string, string>;

export interface SourceText {
  readonly name: string;
  readonly text: string;
}

/** Joins a relative path to the directory of `from` ("a/b/c.ts" + "../d" → "a/d"). */
export function resolvePath(from: string, rel: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const p of rel.split('/')) {
    if (p === '.' || p === '') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return parts.join('/');
}

export function source(tree: SourceTree, path: string, wantedBy?: string): SourceText {
  const text = tree.get(path);
  if (text === undefined) throw new RvnError(`${wantedBy !== undefined ? `${wantedBy}: ` : ''}${path} is not among the guest sources`);
  return { name: path, text };
}

/**
 * The guest TypeScript modules `entries` import, transitively, in a stable order (entries first,
 * then breadth-first), resolved as the guest build resolves them (src/build/guest.ts). Imports of
 * the declarations module (`.../guest`) are not modules.
 */
export function guestModules(tree: SourceTree, entries: readonly string[]): SourceText[] {
  const found = new Map<string, SourceText>();
  const queue: { path: string; by?: string }[] = entries.map((path) => ({ path }));
  while (queue.length > 0) {
    const { path, by } = queue.shift()!;
    if (found.has(path)) continue;
    const s = source(tree, path, by);
    found.set(path, s);
    for (const ref of ts.preProcessFile(s.text, true, false).importedFiles) {
      const target = resolveImport(ref.fileName, path.replace(/\.ts$/, ''));
      if (target.split('/').pop() === 'guest') continue;
      queue.push({ path: `${target}.ts`, by: path });
    }
  }
  return [...found.values()];
}
