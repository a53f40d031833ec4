/** The linker's output type; it lives with the ELF writer, which writes it. */
export type { LinkedImage, LinkedSection, LinkedSymbol } from '../elf/image';
