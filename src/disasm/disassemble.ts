/** The one-instruction entry point (tracer, debugger): no state carried between calls. */
import { createDisassembler, type DisasmOptions, type DisasmResult } from './engine';

/**
 * Disassembles one instruction as objdump would print it at `pc` (text after the encoding
 * column). A compressed instruction uses only the low 16 bits of `word`. For many calls,
 * create one Disassembler with createDisassembler() instead: this builds a decoder each time.
 */
export function disassemble(word: number, pc: number | bigint, options: DisasmOptions): DisasmResult {
  return createDisassembler(options).next(word, BigInt(pc));
}
