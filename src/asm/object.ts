/**
 * The in-memory object file the assembler produces and the linker consumes: sections with
 * bytes, symbols, and relocations for everything not known at assembly time.
 */

/** Relocation kinds (RISC-V psABI names without the R_RISCV_ prefix). */
export type RelocType =
  | 'HI20' | 'LO12_I' | 'LO12_S'
  | 'PCREL_HI20' | 'PCREL_LO12_I' | 'PCREL_LO12_S'
  | 'BRANCH' | 'JAL' | 'CALL' | 'RVC_BRANCH' | 'RVC_JUMP'
  | '64' | '32' | '16' | '8';

export interface Relocation {
  /** Byte offset in the section. */
  readonly offset: number;
  readonly type: RelocType;
  /** Symbol name (a local symbol of the same object if one exists, else a global). */
  readonly symbol: string;
  readonly addend: number;
  /** Source line, for error messages. */
  readonly line: number;
}

export type SectionKind = 'text' | 'rodata' | 'data' | 'bss';

export interface ObjSection {
  readonly name: string;
  readonly kind: SectionKind;
  /** False for sections without SHF_ALLOC (e.g. .comment): the linker drops them. */
  readonly alloc: boolean;
  readonly align: number;
  /** Contents; for .bss-like sections all zero and only `size` matters. */
  readonly bytes: Uint8Array;
  readonly size: number;
  readonly relocs: readonly Relocation[];
}

export type SymbolType = 'func' | 'object' | 'notype';

export interface ObjSymbol {
  readonly name: string;
  /** Section name, or undefined for an absolute symbol (.equ/.set). */
  readonly section?: string;
  /** Offset in the section, or the absolute value. */
  readonly value: number;
  readonly global: boolean;
  readonly type: SymbolType;
  readonly size?: number;
  readonly line: number;
}

export interface ObjectFile {
  readonly fileName: string;
  readonly sections: readonly ObjSection[];
  /** Defined symbols (locals and globals). References to anything else are undefined symbols. */
  readonly symbols: readonly ObjSymbol[];
  /** Names declared .globl but not defined here (informational). */
  readonly externs: readonly string[];
  /** Whether any compressed instruction may appear (sets EF_RISCV_RVC). */
  readonly rvc: boolean;
}
