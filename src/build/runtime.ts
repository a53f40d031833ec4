/**
 * The guest runtime, embedded in the package when it is bundled (nothing is read from disk at
 * run time): src/gtsc/runtime/rt.ts (console output, exit) and crt0.S (stack, main, exit).
 */
import crt0Text from '../gtsc/runtime/crt0.S?raw';
import rtText from '../gtsc/runtime/rt.ts?raw';
import type { SourceFile } from '../link/build';

/** The runtime's module name: what every import of the runtime resolves to. */
export const RUNTIME_MODULE = 'src/gtsc/runtime/rt';

/** The bare import specifier for the runtime, usable from a program anywhere on disk. */
export const RUNTIME_SPECIFIER = 'rvn/rt';

export const runtimeSource: SourceFile = { name: `${RUNTIME_MODULE}.ts`, text: rtText };
export const crt0Source: SourceFile = { name: 'src/gtsc/runtime/crt0.S', text: crt0Text };
