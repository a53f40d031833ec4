/** What the assembler records for each section before layout: items with known or variable size. */
import type { BranchSpec } from './context';
import type { Expr } from './expr';
import type { RelocType, SectionKind } from './object';

/** A symbolic part of an instruction resolved later (by layout or by the linker). */
export interface Fixup {
  readonly type: RelocType;
  readonly expr: Expr;
}

export type Item =
  | { readonly k: 'bytes'; readonly data: readonly number[] }
  | { readonly k: 'data'; readonly width: 1 | 2 | 4 | 8; readonly expr: Expr; readonly line: number }
  | { readonly k: 'insn'; readonly word: number; readonly size: 2 | 4; readonly fix?: Fixup; readonly line: number }
  | BranchItem
  | { readonly k: 'align'; readonly align: number; readonly fill?: number; readonly max?: number; readonly code: boolean }
  | { readonly k: 'space'; readonly size: number; readonly fill: number }
  | { readonly k: 'label'; readonly name: string };

/**
 * A branch or jump to a label whose length GNU as chooses by distance (relaxation, tc-riscv.c
 * relaxed_branch_length): 2 (compressed), 4, 6 (inverted c.b + jal) or 8 (inverted b + jal).
 */
export interface BranchItem extends BranchSpec {
  readonly k: 'branch';
  readonly line: number;
  size: number;
}

export interface SectionState {
  readonly name: string;
  readonly kind: SectionKind;
  readonly alloc: boolean;
  align: number;
  readonly items: Item[];
}
