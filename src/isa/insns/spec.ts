/**
 * One instruction's definition: its encoding (match/mask, operand syntax, immediate layout),
 * its timing class, its extension and its semantics (src/isa/semantics.ts). The decoder, the
 * assembler and the disassembler read the encoding; the hart's code generators the semantics.
 */
import type { InsnClass } from '../classes';
import type { ImmName } from '../fields';

export type Extension = 'I' | 'M' | 'A' | 'C' | 'Zicsr' | 'Zifencei' | 'Priv' | 'N' | 'Uintr';

export interface InsnSpec<N extends string = string> {
  readonly name: N;
  readonly match: number;
  readonly mask: number;
  /** Operand syntax in objdump's no-aliases form (tokens: see src/isa/opcodes.ts). */
  readonly args: string;
  readonly imm?: ImmName;
  readonly cls: InsnClass;
  readonly ext: Extension;
  /** What the instruction does, in the language of src/isa/semantics.ts. */
  readonly sem: string;
}

export function insn<N extends string>(
  name: N, match: number, mask: number, args: string, imm: ImmName | undefined, cls: InsnClass, ext: Extension, sem: string,
): InsnSpec<N> {
  return { name, match: match >>> 0, mask: mask >>> 0, args, imm, cls, ext, sem };
}

// Masks of the common formats.
export const R = 0xfe00707f; // funct7 + funct3 + opcode
export const I = 0x0000707f; // funct3 + opcode
export const U = 0x0000007f; // opcode only
export const SH6 = 0xfc00707f; // RV64 shift-immediate: funct6 + funct3 + opcode
export const AMO = 0xf800707f; // funct5 + funct3 + opcode (aq/rl are operands)
export const LR = 0xf9f0707f; // as AMO, and rs2 must be 0
export const EXACT = 0xffffffff;
