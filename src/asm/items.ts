/** What the assembler records for each section before layout: items with known or variable size. */
import type { BranchSpec } from './context';
import type { Expr } from './expr';
import type { RelocType, SectionKind } from './object';
import type { Origin } from './source';

/** A symbolic part of an instruction resolved later (by layout or by the linker). */
export interface Fixup {
  readonly type: RelocType;
  readonly expr: Expr;
}

export type Item =
  | { readonly k: 'bytes'; readonly data: readonly number[]; readonly origin?: Origin }
  | { readonly k: 'data'; readonly width: 1 | 2 | 4 | 8; readonly expr: Expr; readonly origin: Origin }
  | InsnItem
  | BranchItem
  | AlignItem
  | { readonly k: 'space'; readonly size: number; readonly fill: number; readonly origin?: Origin }
  /** `.org`: pad with `fill` up to `offset` (plus the offset of label item `label`, if given). */
  | { readonly k: 'org'; readonly offset: number; readonly label?: number; readonly fill: number; readonly origin: Origin }
  | { readonly k: 'label'; readonly name: string };

export interface InsnItem {
  readonly k: 'insn';
  readonly word: number;
  readonly size: 2 | 4;
  readonly fix?: Fixup;
  /** The relocation may be relaxed by the linker (R_RISCV_RELAX; `.option relax` was on). */
  readonly relax: boolean;
  readonly origin: Origin;
}

/**
 * Alignment. In code with linker relaxation on (`relaxable`), GNU as emits the worst case of
 * nops and an R_RISCV_ALIGN relocation, and the linker removes what is not needed.
 */
export interface AlignItem {
  readonly k: 'align';
  readonly align: number;
  readonly fill?: number;
  readonly max?: number;
  readonly code: boolean;
  readonly relaxable?: { readonly worstCase: number; readonly origin: Origin };
}

/**
 * A branch or jump to a label whose length GNU as chooses by distance (relaxation, tc-riscv.c
 * relaxed_branch_length): 2 (compressed), 4, 6 (inverted c.b + jal) or 8 (inverted b + jal).
 */
export interface BranchItem extends BranchSpec {
  readonly k: 'branch';
  readonly origin: Origin;
  size: number;
}

export interface SectionFlags {
  readonly alloc: boolean;
  readonly write: boolean;
  readonly exec: boolean;
  readonly nobits: boolean;
}

export interface SectionState {
  readonly name: string;
  readonly kind: SectionKind;
  readonly flags: SectionFlags;
  align: number;
  readonly items: Item[];
}
