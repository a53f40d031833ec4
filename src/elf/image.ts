/** A linked executable: placed sections and symbols, what the linker produces and the ELF writer writes (or a loader loads). */
import type { RiscvAttributes, SectionKind, SymbolType } from '../asm/object';
import type { Abi } from '../asm/target';

export interface LinkedSection {
  readonly name: string;
  readonly kind: SectionKind;
  readonly address: number;
  /** Physical (load) address when it differs from `address` (ELF p_paddr; default: address). */
  readonly loadAddress?: number;
  readonly align: number;
  /** Contents (empty for bss-like sections; `size` is the memory size). */
  readonly bytes: Uint8Array;
  readonly size: number;
}

export interface LinkedSymbol {
  readonly name: string;
  readonly address: number;
  /** Output section name, or undefined for an absolute symbol. */
  readonly section?: string;
  readonly global: boolean;
  readonly weak?: boolean;
  readonly type: SymbolType;
  readonly size: number;
}

export interface LinkedImage {
  readonly entry: number;
  readonly sections: readonly LinkedSection[];
  readonly symbols: readonly LinkedSymbol[];
  /** Compressed instructions may appear (EF_RISCV_RVC). */
  readonly rvc: boolean;
  /** The merged .riscv.attributes of the inputs (absent if no input had any). */
  readonly attributes?: RiscvAttributes;
  /** Float ABI of the inputs (ELF e_flags). */
  readonly abi?: Abi;
  /** Debug sections (.debug_line, .debug_info, ...: not loaded), linked (src/link/debug.ts). */
  readonly debug?: readonly { readonly name: string; readonly bytes: Uint8Array }[];
}
