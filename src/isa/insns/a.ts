/**
 * A (unprivileged spec ch. 14). LR, SC and the AMOs are done by the hart (reservations live in
 * the bus, shared by every hart); they are ordered among the harts (src/isa/semantics.ts).
 * aq/rl (bits 26/25) are written as .aq/.rl/.aqrl suffixes and change nothing: rvn performs
 * every access in order.
 *
 * What each AMO stores is its rule in AMO_NEW_VALUE below (the rows only say "the hart does
 * it"); the steps around the rules (load, reservations, store) are written once in
 * src/cpu/codegen/amo.ts, placed by the hart's function and by the inline path of the
 * interpreter and translated blocks (ramAmoCode).
 */
import { InsnClass as C } from '../classes';
import { AMO, LR, insn } from './spec';

const amo = 'ORDERED; HART(h.execAmo(OP, RD, a, ah, b, bh));';

export const A = [
  insn('lr.w', 0x1000202f, LR, 'rd,(rs1)', undefined, C.Lr, 'A', amo),
  insn('sc.w', 0x1800202f, AMO, 'rd,rs2,(rs1)', undefined, C.Sc, 'A', amo),
  insn('amoswap.w', 0x0800202f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amoadd.w', 0x0000202f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amoxor.w', 0x2000202f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amoand.w', 0x6000202f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amoor.w', 0x4000202f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amomin.w', 0x8000202f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amomax.w', 0xa000202f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amominu.w', 0xc000202f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amomaxu.w', 0xe000202f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('lr.d', 0x1000302f, LR, 'rd,(rs1)', undefined, C.Lr, 'A', amo),
  insn('sc.d', 0x1800302f, AMO, 'rd,rs2,(rs1)', undefined, C.Sc, 'A', amo),
  insn('amoswap.d', 0x0800302f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amoadd.d', 0x0000302f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amoxor.d', 0x2000302f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amoand.d', 0x6000302f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amoor.d', 0x4000302f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amomin.d', 0x8000302f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amomax.d', 0xa000302f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amominu.d', 0xc000302f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
  insn('amomaxu.d', 0xe000302f, AMO, 'rd,rs2,(rs1)', undefined, C.Amo, 'A', amo),
] as const;

/** The old value v:vh below the operand b:bh, as signed and as unsigned 64-bit numbers. */
const OLD_LT = '(vh < bh || (vh === bh && v >>> 0 < b >>> 0))';
const OLD_LTU = '(vh >>> 0 < bh >>> 0 || (vh === bh && v >>> 0 < b >>> 0))';

/**
 * The AMOs' update rules: the value each AMO stores, in the language of src/isa/semantics.ts.
 * A rule reads the old value in memory, v:vh, and the operand x[rs2], b:bh, and leaves the new
 * value in b:bh (amoswap stores the operand as it is). x[rd] gets the old value; the load, the
 * store and the reservations around a rule are amoStepsCode's (src/cpu/codegen/amo.ts), the
 * alignment and translation traps the hart's.
 *
 * One rule serves both widths: for a word AMO the old value is the word sign-extended and the
 * operand is sign-extended first (amoNewValue), and the low word of the 64-bit result is the
 * word result — also for minu/maxu, since sign extension keeps the unsigned order of words.
 */
export const AMO_NEW_VALUE = {
  amoswap: '',
  amoadd: 'bh = (vh + bh + ((v >>> 0) + (b >>> 0) > 0xffffffff ? 1 : 0)) | 0; b = (v + b) | 0;',
  amoxor: 'b = v ^ b; bh = vh ^ bh;',
  amoand: 'b = v & b; bh = vh & bh;',
  amoor: 'b = v | b; bh = vh | bh;',
  amomin: `if (${OLD_LT}) { b = v; bh = vh; }`,
  amomax: `if (!${OLD_LT}) { b = v; bh = vh; }`,
  amominu: `if (${OLD_LTU}) { b = v; bh = vh; }`,
  amomaxu: `if (!${OLD_LTU}) { b = v; bh = vh; }`,
} as const;

/** An AMO by its name without the width (amoadd for amoadd.w and amoadd.d). */
export type AmoKind = keyof typeof AMO_NEW_VALUE;

/** What a word AMO does before its rule: the operand sign-extended from its low word. */
export const AMO_WORD_OPERAND = 'bh = b >> 31;';

/** The AMO named `name` (amoadd.w, amomin.d, …): its kind and width; undefined for any other instruction (LR and SC too). */
export function amoForm(name: string): { readonly kind: AmoKind; readonly word: boolean } | undefined {
  const m = /^(amo[a-z]+)\.([wd])$/.exec(name);
  if (m === null || !Object.hasOwn(AMO_NEW_VALUE, m[1])) return undefined;
  return { kind: m[1] as AmoKind, word: m[2] === 'w' };
}

/**
 * The body that leaves in b:bh what the AMO named `name` stores, given its old value in v:vh
 * (a word sign-extended): for a word AMO the operand's sign extension, then the rule. Undefined
 * for any other instruction (LR and SC too).
 */
export function amoNewValue(name: string): string | undefined {
  const form = amoForm(name);
  if (form === undefined) return undefined;
  const rule = AMO_NEW_VALUE[form.kind];
  return form.word ? `${AMO_WORD_OPERAND} ${rule}` : rule;
}
