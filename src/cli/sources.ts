/**
 * Turning what the user names into image bytes. Built images (ELF or raw) are read as they
 * are; sources are built on the fly: assembly (.S, .s) and guest TypeScript (.ts), mixed in
 * one link. Guest modules that a .ts source imports with a relative path are found on disk and
 * compiled too (the guest declarations module, `guest`, is not a module to compile). When the
 * sources include TypeScript and no assembly source defines `_start`, the guest runtime's
 * start-up code (src/gtsc/runtime/crt0.S: stack, main, exit) is linked in.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RvnError } from '../errors';
import { assemble } from '../asm/assembler';
import type { ObjectFile } from '../asm/object';
import { readElf } from '../elf/reader';
import { writeElf } from '../elf/writer';
import type { CompileOptions } from '../gtsc/index';
import type { BuildOptions, SourceFile } from '../link/build';
import { link } from '../link/linker';
import { readUserFile } from './host';

const ASM_EXT = /\.(S|s|asm)$/;
const GUEST_EXT = /\.ts$/;

export function isSourceFile(path: string): boolean {
  return ASM_EXT.test(path) || (GUEST_EXT.test(path) && !path.endsWith('.d.ts'));
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

/** Module name of a file: its path relative to the working directory, with '/' separators. */
function moduleFileName(path: string): string {
  return relative(process.cwd(), resolve(path)).split('\\').join('/');
}

const IMPORT_FROM = /\bfrom\s+['"](\.{1,2}\/[^'"]+)['"]/g;

/** The .ts files named, plus every guest module they import by relative path. */
export function collectGuestModules(paths: readonly string[]): SourceFile[] {
  const found = new Map<string, SourceFile>();
  const queue = paths.map((p) => resolve(p));
  while (queue.length > 0) {
    const abs = queue.shift()!;
    const name = moduleFileName(abs);
    if (found.has(name)) continue;
    const text = readText(abs, 'guest source');
    found.set(name, { name, text });
    for (const m of text.matchAll(IMPORT_FROM)) {
      const target = resolve(dirname(abs), m[1].replace(/\.(ts|js)$/, '') + '.ts');
      if (basename(target) === 'guest.ts') continue; // the declarations, not a module
      if (!existsSync(target)) throw new RvnError(`${name}: imports '${m[1]}', but ${moduleFileName(target)} does not exist`);
      queue.push(target);
    }
  }
  return [...found.values()];
}

function definesStart(o: ObjectFile): boolean {
  return o.symbols.some((s) => s.name === '_start' && s.global && s.section !== undefined);
}

/** Builds .S/.s and .ts sources into ELF bytes (`compile`: gtsc options for the .ts sources). */
export async function buildFromSources(paths: readonly string[], options: BuildOptions = {}, compile: CompileOptions = {}): Promise<Uint8Array> {
  for (const p of paths) {
    if (!isSourceFile(p)) throw new RvnError(`'${p}' is not a source file (expected .S, .s or .ts)`, 2);
  }
  const guestPaths = paths.filter((p) => GUEST_EXT.test(p));
  const asmSources: SourceFile[] = paths.filter((p) => ASM_EXT.test(p)).map((p) => ({ name: p, text: readText(p, 'source') }));
  const objects = asmSources.map((s) => assemble(s.text, s.name, options));
  if (guestPaths.length > 0) {
    // Loaded on demand: the compiler pulls in the typescript package.
    const { compileGuest } = await import('../gtsc/index');
    const compiled = compileGuest(collectGuestModules(guestPaths), compile).asm;
    objects.push(...compiled.map((a) => assemble(a.text, a.name, options)));
    if (!objects.some(definesStart)) {
      const crt0 = join(packageRoot(), 'src/gtsc/runtime/crt0.S');
      objects.push(assemble(readText(crt0, 'guest runtime'), 'src/gtsc/runtime/crt0.S', options));
    }
  }
  return writeElf(link(objects, options));
}

/** The boot image: read it, or build it when it is given as source files. */
export async function loadOrBuildImage(paths: readonly string[], compile: CompileOptions = {}): Promise<Uint8Array> {
  if (paths.length === 1 && !isSourceFile(paths[0])) return readUserFile(paths[0], 'image');
  const notSource = paths.find((p) => !isSourceFile(p));
  if (notSource !== undefined) throw new RvnError(`'${notSource}': only one image can be booted; several arguments must all be sources (.S, .s, .ts)`, 2);
  return buildFromSources(paths, {}, compile);
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
