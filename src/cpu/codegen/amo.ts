/**
 * The AMOs' new values for the hart (Hart.amo): one function assembled from the AMOs' rules in
 * the instruction table (src/isa/insns/a.ts, AMO_NEW_VALUE), a `case` per AMO op. The
 * interpreter and translated blocks write the same rules inline for AMOs on RAM chunk 0 under
 * Bare translation (ramAmoCode, common.ts); the hart does the others (Sv39, other RAM, MMIO,
 * misaligned: a trap), so each rule is written once.
 *
 *   amoNewValue(op, v, vh, b, bh)
 * leaves in t[0]:t[1] the value the AMO `op` stores, given the old value v:vh (a word
 * sign-extended) and the operand b:bh (x[rs2] as read).
 */
import { AMO_NEW_VALUE, AMO_WORD_OPERAND, amoForm, type AmoKind } from '../../isa/insns/a';
import { AllOps } from '../../isa/opcodes';
import { makeFunction } from './common';
import type { CodeContext } from './host';

export type AmoNewValueFn = (op: number, v: number, vh: number, b: number, bh: number) => void;

/** Makes the AMOs' new-value function of the hart whose context is `ctx` (writing its scratch t). */
export function makeAmoNewValue(ctx: CodeContext): AmoNewValueFn {
  // The ops of each AMO kind, word and doubleword forms.
  const opsOf = new Map<AmoKind, { word: number[]; double: number[] }>();
  for (const d of AllOps) {
    const form = amoForm(d.name);
    if (form === undefined) continue;
    let ops = opsOf.get(form.kind);
    if (ops === undefined) opsOf.set(form.kind, (ops = { word: [], double: [] }));
    (form.word ? ops.word : ops.double).push(d.op);
  }
  // Each rule appears once: the word form's case sign-extends the operand and falls through
  // into the doubleword form's, which applies the rule (half the code of a case per op).
  const labels = (ops: readonly number[]): string => ops.map((op) => `case ${op}:`).join(' ');
  const cases = [...opsOf].map(([kind, ops]) =>
    `${labels(ops.word)} ${AMO_WORD_OPERAND} // falls through\n${labels(ops.double)} ${AMO_NEW_VALUE[kind]} break;`);
  const body = [
    'switch (op) {',
    ...cases,
    `default: throw new Error('amoNewValue: op ' + op + ' is not an AMO');`,
    '}',
    't[0] = b; t[1] = bh;',
  ].join('\n');
  return makeFunction<AmoNewValueFn>(ctx, 'amoNewValue', 'op, v, vh, b, bh', body, { t: ctx.t });
}
