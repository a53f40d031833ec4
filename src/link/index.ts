/** The linker's public API (and the one-call build the CLI uses). */
export { link } from './linker';
export { buildImage, buildProgram, type BuildOptions, type SourceFile } from './build';
export { DEFAULT_TEXT, defaultLayout, type LinkOptions, type OutputSectionSpec } from './layout';
export type { LinkedImage, LinkedSection, LinkedSymbol } from '../elf/image';
export { writeElf } from '../elf/writer';
