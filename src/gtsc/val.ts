/** What expression lowering produces, and the services intrinsics use from the lowerer. */
import type ts from 'typescript';
import type { Ins } from './ir';
import type { GType } from './types';

/** An expression's value: a compile-time constant or a virtual register, with its type. */
export type Val = { t: GType; imm: bigint; r?: undefined } | { t: GType; r: number; imm?: undefined };

export interface LowerApi {
  readonly optimize: boolean;
  expr(e: ts.Expression): Val;
  /** The value in a register (constants are loaded; 0 is the zero register). */
  reg(v: Val): number;
  temp(): number;
  emit(i: Ins): void;
  /** Base register and small offset of an address expression (folds `p + 8`). */
  address(e: ts.Expression): { base: number; off: number };
  constValue(e: ts.Expression): bigint | undefined;
  typeArg(call: ts.CallExpression, k: number): GType | undefined;
  convert(v: Val, to: GType): Val;
}
