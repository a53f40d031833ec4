import { describe, expect, it } from 'vitest';
import { InsnClass } from '../../src/isa/classes';
import { AllOps } from '../../src/isa/opcodes';
import { amoNewValue } from '../../src/isa/insns/a';
import { AMO_NEW_VALUE_BY_OP } from '../../src/cpu/codegen/amo';

type Halves = (op: number, v: number, vh: number, b: number, bh: number) => [number, number];

/** The rule's body run on its own (v:vh old value, b:bh operand, b:bh the result). */
const ruleOnly: Halves = (op, v, vh, b, bh) => {
  const body = amoNewValue(AllOps[op].name);
  if (body === undefined) throw new Error(`${AllOps[op].name}: no rule`);
  const run = new Function('v', 'vh', 'b', 'bh', `${body} return [b, bh];`) as (v: number, vh: number, b: number, bh: number) => [number, number];
  return run(v, vh, b, bh);
};

/**
 * The rules chosen by op at run time, as the hart's function and the interpreter's rare
 * function place them (src/cpu/codegen/amo.ts).
 */
const byOp = new Function('op', 'v', 'vh', 'b', 'bh', `${AMO_NEW_VALUE_BY_OP}\nreturn [b, bh];`) as Halves;

/** What AMO `name` stores, by `how`, for old value `old` and operand x[rs2] = `src` (64-bit). */
function stored(how: Halves, name: string, old: bigint, src: bigint): bigint {
  const op = AllOps.findIndex((d) => d.name === name);
  const half = (x: bigint, hi: boolean): number => Number(BigInt.asIntN(32, hi ? x >> 32n : x));
  // The hart's old value of a word AMO: the word sign-extended.
  const oldValue = name.endsWith('.w') ? BigInt.asIntN(32, old) : old;
  const [lo, hi] = how(op, half(oldValue, false), half(oldValue, true), half(src, false), half(src, true));
  return BigInt.asUintN(64, (BigInt(hi) << 32n) | BigInt.asUintN(32, BigInt(lo)));
}

const evaluators: [string, Halves][] = [['the rule', ruleOnly], ['the rules by op', byOp]];

describe("the AMOs' update rules (src/isa/insns/a.ts)", () => {
  it('every AMO row has a rule; LR and SC have none', () => {
    for (const d of AllOps) {
      if (d.cls === InsnClass.Amo) expect(amoNewValue(d.name), d.name).toBeDefined();
      else expect(amoNewValue(d.name), d.name).toBeUndefined();
    }
  });

  // Stored values worked out by hand from the A extension's definitions (unprivileged spec
  // ch. 14): the word forms work on the low words (the result is checked in the low word only;
  // the high word of x[rs2] is ignored), min/max signed, minu/maxu unsigned.
  it.each([
    ['amoswap.d', '0x5', '0xffffffffffffffff', '0xffffffffffffffff'],
    ['amoadd.d', '0x00000000ffffffff', '0x1', '0x0000000100000000'],
    ['amoadd.d', '0xffffffffffffffff', '0x2', '0x1'],
    ['amoxor.d', '0xff00ff00ff00ff00', '0x0ff00ff00ff00ff0', '0xf0f0f0f0f0f0f0f0'],
    ['amoand.d', '0xff00ff00ff00ff00', '0x0ff00ff00ff00ff0', '0x0f000f000f000f00'],
    ['amoor.d', '0xff00ff00ff00ff00', '0x0ff00ff00ff00ff0', '0xfff0fff0fff0fff0'],
    ['amomin.d', '0xfffffffffffffff9', '0x3', '0xfffffffffffffff9'], // -7 < 3
    ['amomax.d', '0xfffffffffffffff9', '0x3', '0x3'],
    ['amominu.d', '0xfffffffffffffff9', '0x3', '0x3'], // 2^64 - 7 > 3
    ['amomaxu.d', '0xfffffffffffffff9', '0x3', '0xfffffffffffffff9'],
    ['amomin.d', '0x0000000100000000', '0x00000000ffffffff', '0x00000000ffffffff'], // decided by the high word
    ['amomaxu.d', '0x0000000100000000', '0x00000000ffffffff', '0x0000000100000000'],
  ])('%s: old %s, operand %s stores %s', (name, old, src, want) => {
    for (const [what, how] of evaluators) expect(stored(how, name, BigInt(old), BigInt(src)), what).toBe(BigInt(want));
  });

  it.each([
    ['amoswap.w', '0x5', '0x123456789abcdef0', '0x9abcdef0'],
    ['amoadd.w', '0x7fffffff', '0xffffffff00000001', '0x80000000'],
    ['amoadd.w', '0xffffffff', '0x1', '0x0'],
    ['amoxor.w', '0xff00ff00', '0x0ff00ff0', '0xf0f0f0f0'],
    ['amoand.w', '0xff00ff00', '0x0ff00ff0', '0x0f000f00'],
    ['amoor.w', '0xff00ff00', '0x0ff00ff0', '0xfff0fff0'],
    ['amomin.w', '0x80000000', '0x7fffffff00000001', '0x80000000'], // -2^31 < 1 (the high word of rs2 ignored)
    ['amomax.w', '0x80000000', '0x7fffffff00000001', '0x1'],
    ['amominu.w', '0x80000000', '0x7fffffff00000001', '0x1'], // 2^31 > 1
    ['amomaxu.w', '0x80000000', '0x7fffffff00000001', '0x80000000'],
    ['amomin.w', '0x1', '0x0000000080000000', '0x80000000'], // the operand's word is negative
    ['amominu.w', '0x1', '0x0000000080000000', '0x1'],
  ])('%s: old word %s, operand %s stores the word %s', (name, old, src, want) => {
    for (const [what, how] of evaluators) expect(stored(how, name, BigInt(old), BigInt(src)) & 0xffffffffn, what).toBe(BigInt(want));
  });
});
