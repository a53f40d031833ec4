/** The disassembler: objdump-compatible text for one instruction or a whole ELF image. */
export { disassemble } from './disassemble';
export { createDisassembler, type Disassembler, type DisasmOptions, type DisasmResult } from './engine';
export { disassembleElf, type ListingOptions } from './listing';
export { disasmCommand, type DisasmCommandOptions } from './command';
