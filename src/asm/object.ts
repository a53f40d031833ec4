/**
 * The in-memory object file the assembler produces and the linker consumes: sections with
 * bytes, symbols, relocations for everything not known at assembly time, and the RISC-V
 * attributes (arch string, privileged spec) GNU as records.
 */
import type { Origin } from './source';
import type { Abi } from './target';

/** Relocation kinds (RISC-V psABI names without the R_RISCV_ prefix). */
export type RelocType =
  | 'HI20' | 'LO12_I' | 'LO12_S'
  | 'PCREL_HI20' | 'PCREL_LO12_I' | 'PCREL_LO12_S'
  | 'BRANCH' | 'JAL' | 'CALL' | 'RVC_BRANCH' | 'RVC_JUMP'
  | '64' | '32' | '16' | '8'
  /** Code alignment the linker completes after relaxation; `addend` = bytes of nops emitted. */
  | 'ALIGN';

export interface Relocation {
  /** Byte offset in the section. */
  readonly offset: number;
  readonly type: RelocType;
  /** Symbol name (a local symbol of the same object if one exists, else a global); '' for ALIGN. */
  readonly symbol: string;
  readonly addend: number;
  /** For a label difference (R_RISCV_ADDn/SUBn pair): the symbol subtracted. */
  readonly minus?: string;
  /** R_RISCV_RELAX accompanies it: the linker may shorten the instruction(s). */
  readonly relax?: boolean;
  /** Where the instruction or data was written, for messages. */
  readonly origin: Origin;
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
  /** `.weak`: a global that another definition may override, and that may stay undefined (0). */
  readonly weak?: boolean;
  readonly type: SymbolType;
  readonly size?: number;
  readonly origin: Origin;
}

/** The RISC-V build attributes of an object (what .riscv.attributes holds). */
export interface RiscvAttributes {
  /** Tag_RISCV_arch, e.g. "rv64i2p1_m2p0_a2p1_c2p0_zicsr2p0_zifencei2p0_zmmul1p0". */
  readonly arch: string;
  /** Tag_RISCV_priv_spec / _minor / _revision. */
  readonly privSpec: readonly [number, number, number];
}

export interface ObjectFile {
  readonly fileName: string;
  readonly sections: readonly ObjSection[];
  /** Defined symbols (locals and globals). References to anything else are undefined symbols. */
  readonly symbols: readonly ObjSymbol[];
  /** Names declared .globl but not defined here (informational). */
  readonly externs: readonly string[];
  /** Names declared .weak but not defined here: they resolve to 0 if nothing defines them. */
  readonly weakExterns?: readonly string[];
  /** Whether any compressed instruction may appear (sets EF_RISCV_RVC). */
  readonly rvc: boolean;
  readonly attributes?: RiscvAttributes;
  readonly abi?: Abi;
}
