/** One-call build for the CLI (`rvn build`) and tests: sources -> objects -> image -> ELF bytes. */
import { assemble, type AssembleOptions } from '../asm/assembler';
import { writeElf } from '../elf/writer';
import type { LinkedImage } from './image';
import type { LinkOptions } from './layout';
import { link } from './linker';

export interface SourceFile {
  readonly name: string;
  readonly text: string;
}

export interface BuildOptions extends LinkOptions, AssembleOptions {}

/** Assembles and links `sources` into a LinkedImage. */
export function buildImage(sources: readonly SourceFile[], options: BuildOptions = {}): LinkedImage {
  return link(sources.map((s) => assemble(s.text, s.name, options)), options);
}

/** Assembles and links `sources` into ELF executable bytes. Errors: RvnError "file:line: message". */
export function buildProgram(sources: readonly SourceFile[], options: BuildOptions = {}): Uint8Array {
  return writeElf(buildImage(sources, options));
}
