/**
 * The guest TypeScript compiler: a typed subset of TypeScript to RV64 GNU-as assembly text,
 * one assembly file per guest module. See docs/gtsc.md for the subset and the ABI.
 */
import type { TimingProfile } from '../timing/profile';
import { rocketProfile } from '../timing/profiles/index';
import { compileModules } from './driver';

export interface GuestSource {
  name: string;
  text: string;
}

export interface CompileOptions {
  /** Module name (last path component) of the guest declarations file; default 'guest'. */
  guestModule?: string;
  /** Run the optimisations (default true); false is `-O0`: code as lowered, for debugging. */
  optimize?: boolean;
  /**
   * The core the code will run on: instructions are scheduled for its load-use and multiply
   * latencies (default: the Rocket profile, rvn's default timing). Ignored at -O0.
   */
  target?: TimingProfile;
  /**
   * The module name that import `spec` in module `importer` refers to (module names are file
   * names without the extension). Default: a relative specifier resolved against the
   * importer's folder, anything else as written. src/build/guest.ts maps the runtime here.
   */
  resolveImport?: (spec: string, importer: string) => string;
}

export interface CompileResult {
  /** One assembly file per source module: `<module>.s`. */
  asm: GuestSource[];
}

/**
 * Compile guest modules. Throws RvnError whose message lists every error as
 * "file:line:col: message", one per line.
 */
export function compileGuest(files: readonly GuestSource[], options: CompileOptions = {}): CompileResult {
  const optimize = options.optimize ?? true;
  const asm = compileModules(files.filter((f) => !f.name.endsWith('.d.ts')), {
    guestModule: options.guestModule ?? 'guest',
    resolveImport: options.resolveImport,
    optimize,
    target: optimize ? options.target ?? rocketProfile() : undefined,
  });
  return { asm };
}
