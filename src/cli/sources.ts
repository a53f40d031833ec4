/**
 * Turning what the user names into image bytes. Built images (ELF or raw) are read as they
 * are; sources (.S, .s, .ts) are built by the guest build library (src/build/guest.ts), which
 * this file feeds from the disk: the sources as named, and every file they import, by its path
 * resolved against the importing file (so neither depends on the working directory).
 */
import { existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RvnError } from '../errors';
import type { GuestBuild, GuestBuildOptions } from '../build/guest';
import { readElf } from '../elf/reader';
import type { BuildOptions } from '../link/build';
import { readUserFile } from './host';

const SOURCE = /\.(S|s|asm)$|^(?!.*\.d\.ts$).*\.ts$/;

export function isSourceFile(path: string): boolean {
  return SOURCE.test(path);
}

/** The repository root (beside dist/ for the bundle, above src/ when run from sources). */
export function packageRoot(): string {
  const here = fileURLToPath(import.meta.url);
  const cut = here.includes('/dist/') ? here.lastIndexOf('/dist/') : here.lastIndexOf('/src/');
  return here.slice(0, cut);
}

function readText(path: string, what: string): string {
  return new TextDecoder().decode(readUserFile(path, what));
}

/** A file a guest source imports, or undefined when there is none. */
function readImport(path: string): string | undefined {
  return existsSync(path) && statSync(path).isFile() ? readText(path, 'guest module') : undefined;
}

/** Builds .S/.s and .ts sources (paths as the user gave them); `compile`: gtsc's options. */
export async function buildSources(paths: readonly string[], options: BuildOptions = {}, compile: GuestBuildOptions['compile'] = {}): Promise<GuestBuild> {
  for (const p of paths) {
    if (!isSourceFile(p)) throw new RvnError(`'${p}' is not a source file (expected .S, .s or .ts)`, 2);
  }
  const sources = paths.map((p) => ({ name: p.split('\\').join('/'), text: readText(p, 'source') }));
  // Loaded on demand: the guest compiler pulls in the typescript package, which assembly
  // sources need only when they leave the start-up code (main without _start) to the runtime.
  const { buildAssemblyOnly } = await import('../build/assembly');
  const assembled = buildAssemblyOnly(sources, { ...options, readFile: readImport });
  if (assembled !== undefined) return assembled;
  const { buildGuest } = await import('../build/guest');
  return buildGuest(sources, { ...options, readFile: readImport, compile });
}

/**
 * The boot image: read it, build it when it is given as source files, or, for a bare name such
 * as `kernel-tests` that is not a file, the image `npm run build` made of that system.
 */
export async function loadOrBuildImage(paths: readonly string[], compile: GuestBuildOptions['compile'] = {}): Promise<Uint8Array> {
  if (paths.length === 1 && !isSourceFile(paths[0])) {
    if (!existsSync(paths[0])) {
      const { imageByName } = await import('./images');
      const named = imageByName(paths[0]);
      if (named !== undefined) return readUserFile(named, 'image');
    }
    return readUserFile(paths[0], 'image');
  }
  const notSource = paths.find((p) => !isSourceFile(p));
  if (notSource !== undefined) throw new RvnError(`'${notSource}': only one image can be booted; several arguments must all be sources (.S, .s, .ts)`, 2);
  return (await buildSources(paths, {}, compile)).elf;
}

/**
 * A flat binary of an ELF's loadable bytes, from the lowest load address to the end of the last
 * initialised byte (as `objcopy -O binary`): what firmware-style `--load FILE@ADDR` expects.
 */
export function elfToFlatBinary(elfBytes: Uint8Array, name: string): { base: number; bytes: Uint8Array } {
  const elf = readElf(elfBytes);
  const segs = elf.segments.filter((s) => s.filesz > 0);
  if (segs.length === 0) throw new RvnError(`${basename(name)}: nothing to put in a binary`);
  const base = Math.min(...segs.map((s) => s.paddr));
  const end = Math.max(...segs.map((s) => s.paddr + s.filesz));
  if (end - base > 256 * 2 ** 20) throw new RvnError(`${basename(name)}: the segments span ${end - base} bytes; a flat binary would be too large`);
  const out = new Uint8Array(end - base);
  for (const s of segs) out.set(s.bytes, s.paddr - base);
  return { base, bytes: out };
}
