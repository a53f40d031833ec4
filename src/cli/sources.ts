/**
 * Turning what the user names into image bytes: a built image (ELF or raw) is read as is;
 * assembly sources (.S, .s) are assembled and linked on the fly, so examples run with one
 * command (`rvn run examples/demo/hello.S`).
 */
import { basename } from 'node:path';
import { RvnError } from '../errors';
import { readElf } from '../elf/reader';
import { buildProgram } from '../link/build';
import type { BuildOptions, SourceFile } from '../link/build';
import { readUserFile } from './host';

const SOURCE_EXT = /\.(S|s|asm)$/;

export function isSourceFile(path: string): boolean {
  return SOURCE_EXT.test(path);
}

/** Reads source files (text) for the toolchain. */
export function readSources(paths: readonly string[]): SourceFile[] {
  return paths.map((p) => {
    if (!isSourceFile(p)) throw new RvnError(`'${p}' is not a source file (expected .S or .s)`, 2);
    return { name: p, text: new TextDecoder().decode(readUserFile(p, 'source')) };
  });
}

export function buildFromSources(paths: readonly string[], options: BuildOptions = {}): Uint8Array {
  return buildProgram(readSources(paths), options);
}

/** The boot image: read it, or build it when it is a source file. */
export function loadOrBuildImage(path: string): Uint8Array {
  return isSourceFile(path) ? buildFromSources([path]) : readUserFile(path, 'image');
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
