/** The assembler's public API. */
export { assemble, type AssembleOptions } from './assembler';
export { Asm, asm, mem, type AsmOperand } from './builder';
export type { ObjectFile, ObjSection, ObjSymbol, Relocation, RelocType, SectionKind, SymbolType } from './object';
