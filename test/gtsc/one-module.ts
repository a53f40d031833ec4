// Compiling one guest module m.ts in a test: its assembly, or the compile error it must raise.
import { expect } from 'vitest';
import { RvnError } from '../../src/errors';
import { compileGuest, type CompileOptions } from '../../src/gtsc/index';

/** The assembly gtsc makes of the module `text` (named m.ts). */
export function moduleAsm(text: string, options: CompileOptions = {}): string {
  return compileGuest([{ name: 'm.ts', text }], options).asm[0]!.text;
}

/** The message of the RvnError that compiling the module `text` (named m.ts) must raise. */
export function moduleError(text: string): string {
  try {
    compileGuest([{ name: 'm.ts', text }]);
  } catch (e) {
    expect(e).toBeInstanceOf(RvnError);
    return (e as Error).message;
  }
  throw new Error('expected a compile error');
}
