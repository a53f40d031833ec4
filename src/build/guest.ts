/**
 * Guest builds as a library: source texts in, an executable image out. Used by the CLI
 * (`rvn build`, `rvn run SOURCES`), the tests and any later image build (firmware, kernel, a
 * browser page); it reads no file itself.
 *
 * - Sources are assembly (.S, .s) and guest TypeScript (.ts), named by '/'-separated paths.
 * - A .ts source's imports are resolved against the importing file's path (never the working
 *   directory); a file not among the sources is asked of `readFile`, so a host decides where
 *   files come from (the disk for the CLI, a map for a test or a browser).
 * - The runtime ships inside the package (./runtime.ts): `import { print } from 'rvn/rt'`, or a
 *   relative import of any path ending in gtsc/runtime/rt (a checkout's own copy), both name it.
 * - When no assembly source defines `_start` and there is a `main` (the sources include guest
 *   TypeScript, or assembly defines a global main), the runtime's start-up code (crt0.S: stack,
 *   main, exit with main's value) and the runtime are linked in.
 */
import ts from 'typescript';
import { RvnError } from '../errors';
import { assemble } from '../asm/assembler';
import { writeElf } from '../elf/writer';
import { compileGuest, type CompileOptions } from '../gtsc/index';
import { moduleName } from '../gtsc/program';
import type { BuildOptions, SourceFile } from '../link/build';
import { link } from '../link/linker';
import { RUNTIME_MODULE, RUNTIME_SPECIFIER, crt0Source, runtimeSource } from './runtime';
import { GUEST_SOURCE, assembleSources } from './assembly';

export { ASM_SOURCE, GUEST_SOURCE, isSourceFile } from './assembly';

export interface GuestBuildOptions extends BuildOptions {
  /**
   * The text of a file a source imports (`path` as resolved against the importer, e.g.
   * '../lib/list.ts'), or undefined when there is no such file.
   */
  readFile?: (path: string) => string | undefined;
  /** Compiler options for the .ts sources: `optimize` (false is -O0), `target` (the core to schedule for). */
  compile?: Pick<CompileOptions, 'optimize' | 'target'>;
}

export interface GuestBuild {
  /** The executable (ELF bytes). */
  elf: Uint8Array;
  /** The assembly gtsc generated, one file per guest module (`<module>.s`), the runtime's included when linked. */
  generated: SourceFile[];
  /** Every assembly file linked, in link order (start-up code first): what another toolchain would assemble. */
  linked: SourceFile[];
}

/** The guest declarations module (src/gtsc/guest.d.ts): types and intrinsics, nothing to compile. */
const GUEST_DECLARATIONS = 'guest';
const RUNTIME_SUFFIX = '/gtsc/runtime/rt';

/** The module name an import names: the runtime, or a path relative to the importer's folder. */
export function resolveImport(spec: string, importer: string): string {
  if (spec === RUNTIME_SPECIFIER) return RUNTIME_MODULE;
  const folder = importer.includes('/') ? importer.slice(0, importer.lastIndexOf('/') + 1) : '';
  const target = moduleName(spec.startsWith('.') ? folder + spec : spec);
  return `/${target}`.endsWith(RUNTIME_SUFFIX) ? RUNTIME_MODULE : target;
}

const isDeclarations = (module: string): boolean => module.split('/').pop() === GUEST_DECLARATIONS;

/** The named .ts sources and every guest module they import, by module name. */
function collectModules(sources: readonly SourceFile[], readFile: GuestBuildOptions['readFile']): Map<string, SourceFile> {
  const found = new Map<string, SourceFile>();
  const given = new Map(sources.map((s) => [moduleName(s.name), s]));
  const queue: SourceFile[] = [...sources];
  while (queue.length > 0) {
    const file = queue.shift()!;
    const module = moduleName(file.name);
    if (found.has(module)) continue;
    found.set(module, file);
    for (const ref of ts.preProcessFile(file.text, true, false).importedFiles) {
      const target = resolveImport(ref.fileName, module);
      if (found.has(target) || given.has(target) || isDeclarations(target)) continue;
      if (target === RUNTIME_MODULE) {
        queue.push(runtimeSource);
        continue;
      }
      const path = `${target}.ts`;
      const text = readFile?.(path);
      if (text === undefined) throw new RvnError(`${file.name}: imports '${ref.fileName}', but ${path} does not exist`);
      queue.push({ name: path, text });
    }
  }
  return found;
}

/** gtsc's assembly for the guest sources (and what they import); empty when there is none. */
function compileSources(sources: readonly SourceFile[], options: GuestBuildOptions, withRuntime: boolean): SourceFile[] {
  const guest = sources.filter((s) => GUEST_SOURCE.test(s.name));
  if (guest.length === 0 && !withRuntime) return [];
  const modules = collectModules(withRuntime ? [runtimeSource, ...guest] : guest, options.readFile);
  return compileGuest([...modules.values()], { ...options.compile, resolveImport }).asm;
}

/**
 * Builds .S/.s and .ts sources into an executable. Errors are RvnErrors naming file and line
 * (every compile error of the guest sources, one per line).
 */
export function buildGuest(sources: readonly SourceFile[], buildOptions: GuestBuildOptions = {}): GuestBuild {
  // Linker relaxation (call -> jal, ...) is on unless the caller says otherwise, as with GCC.
  const options: GuestBuildOptions = { relax: true, ...buildOptions };
  const { sources: asmSources, objects: asmObjects, startUp } = assembleSources(sources, options);
  const generated = compileSources(sources, options, startUp);
  const first = [...(startUp ? [crt0Source] : []), ...generated];
  const objects = [...first.map((s) => assemble(s.text, s.name, options)), ...asmObjects];
  const linked = [...first, ...asmSources];
  return { elf: writeElf(link(objects, options)), generated, linked };
}
