/**
 * The assembly half of a guest build (see ./guest.ts), kept apart from the guest compiler so that
 * a build of assembly sources alone never loads gtsc and the typescript package (which takes
 * longer to load than most assembly takes to build).
 */
import { RvnError } from '../errors';
import { assemble } from '../asm/assembler';
import type { ObjectFile } from '../asm/object';
import { writeElf } from '../elf/writer';
import type { BuildOptions, SourceFile } from '../link/build';
import { link } from '../link/linker';

export const ASM_SOURCE = /\.(S|s|asm)$/;
export const GUEST_SOURCE = /^(?!.*\.d\.ts$).*\.ts$/;

export function isSourceFile(path: string): boolean {
  return ASM_SOURCE.test(path) || GUEST_SOURCE.test(path);
}

/** The assembly sources of a build, assembled, and whether the runtime's start-up code must come with them. */
export interface AssembledSources {
  readonly sources: readonly SourceFile[];
  readonly objects: readonly ObjectFile[];
  readonly hasGuest: boolean;
  /** No assembly defines `_start` and there is a `main` (guest TypeScript, or a global main in assembly). */
  readonly startUp: boolean;
}

const defines = (o: ObjectFile, name: string): boolean => o.symbols.some((s) => s.name === name && s.global && s.section !== undefined);

/** Checks the names and assembles the .S/.s sources among `sources`. */
export function assembleSources(sources: readonly SourceFile[], options: BuildOptions): AssembledSources {
  const strange = sources.find((s) => !isSourceFile(s.name));
  if (strange !== undefined) throw new RvnError(`'${strange.name}' is not a source file (expected .S, .s or .ts)`, 2);
  if (sources.length === 0) throw new RvnError('nothing to build: no source files', 2);
  const asmSources = sources.filter((s) => ASM_SOURCE.test(s.name));
  const objects = asmSources.map((s) => assemble(s.text, s.name, options));
  const hasGuest = sources.some((s) => GUEST_SOURCE.test(s.name));
  // The start-up code calls main and then the runtime's rt_finish: they come together.
  const startUp = !objects.some((o) => defines(o, '_start')) && (hasGuest || objects.some((o) => defines(o, 'main')));
  return { sources: asmSources, objects, hasGuest, startUp };
}

/**
 * The executable of assembly sources that need neither gtsc nor the runtime (undefined when they
 * do: then build with buildGuest). Relaxation is on unless `options` say otherwise, as in buildGuest.
 */
export function buildAssemblyOnly(sources: readonly SourceFile[], buildOptions: BuildOptions = {}): { elf: Uint8Array; generated: SourceFile[]; linked: SourceFile[] } | undefined {
  const options: BuildOptions = { relax: true, ...buildOptions };
  if (sources.some((s) => GUEST_SOURCE.test(s.name))) return undefined;
  const assembled = assembleSources(sources, options);
  if (assembled.startUp) return undefined;
  return { elf: writeElf(link(assembled.objects, options)), generated: [], linked: [...assembled.sources] };
}
