/** One-call build for the CLI (`rvn build`) and tests: sources -> objects -> image -> ELF bytes. */
import { assemble, type AssembleOptions } from '../asm/assembler';
import { writeElf } from '../elf/writer';
import type { LinkedImage } from '../elf/image';
import type { LinkOptions } from './layout';
import { link } from './linker';

export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Options for a whole build: the target (-march/-mabi), the preprocessor (include
 * directories, defines, a file reader for #include), assembly (`relax`) and linking
 * (placement or a linker script, entry, `relax`). `relax` applies to both, as in GCC.
 */
export interface BuildOptions extends LinkOptions, AssembleOptions {}

/** Assembles and links `sources` into a LinkedImage. */
export function buildImage(sources: readonly SourceFile[], options: BuildOptions = {}): LinkedImage {
  return link(sources.map((s) => assemble(s.text, s.name, options)), options);
}

/** Assembles and links `sources` into ELF executable bytes. Errors: a SourceError ("file:line:col: message" lines). */
export function buildProgram(sources: readonly SourceFile[], options: BuildOptions = {}): Uint8Array {
  return writeElf(buildImage(sources, options));
}
