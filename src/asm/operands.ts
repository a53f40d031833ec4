/** Instruction operands: registers, immediates with %hi/%lo/%pcrel_hi/%pcrel_lo, memory `off(reg)`. */
import { RvnError } from '../errors';
import type { Expr } from './expr';
import { registerNumber } from './registers';

export type Modifier = 'hi' | 'lo' | 'pcrel_hi' | 'pcrel_lo';

export interface ImmOperand {
  readonly k: 'imm';
  readonly text: string;
  readonly expr: Expr;
  readonly mod?: Modifier;
}

export type Operand =
  | { readonly k: 'reg'; readonly r: number; readonly text: string }
  | ImmOperand
  | { readonly k: 'mem'; readonly off: ImmOperand; readonly base: number; readonly text: string };

const MODIFIER = /^%(hi|lo|pcrel_hi|pcrel_lo)\s*\((.*)\)$/s;

function parseImm(text: string, parse: (t: string) => Expr): ImmOperand {
  const t = text.trim();
  const m = MODIFIER.exec(t);
  if (m) return { k: 'imm', text: t, expr: parse(m[2]), mod: m[1] as Modifier };
  if (t.startsWith('%')) throw new RvnError(`unknown relocation operator in '${t}'`);
  return { k: 'imm', text: t, expr: parse(t) };
}

/** The `(reg)` group that ends `t`, if its content is a register. */
function trailingBase(t: string): { prefix: string; base: number } | undefined {
  if (!t.endsWith(')')) return undefined;
  const open = t.lastIndexOf('(');
  if (open < 0) return undefined;
  const base = registerNumber(t.slice(open + 1, -1));
  if (base === undefined) return undefined;
  return { prefix: t.slice(0, open).trim(), base };
}

export function parseOperand(text: string, parse: (t: string) => Expr): Operand {
  const t = text.trim();
  if (t === '') throw new RvnError('missing operand');
  const r = registerNumber(t);
  if (r !== undefined) return { k: 'reg', r, text: t };
  const mem = trailingBase(t);
  if (mem) {
    const off = mem.prefix === '' ? parseImm('0', parse) : parseImm(mem.prefix, parse);
    return { k: 'mem', off, base: mem.base, text: t };
  }
  return parseImm(t, parse);
}
