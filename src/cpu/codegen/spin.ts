/**
 * The evaluation of one pass of a spin loop (Hart.spinGranule; docs/cpu.md, "Spinning"),
 * assembled from the instructions' semantics bodies (src/isa/insns) like the interpreter and
 * translated blocks, so that no instruction's semantics is written again for it:
 *
 *   spinStep(op, rd, rs1, rs2, imm, pc, lv, lvh) → 1, or 0 when op is not evaluated here
 * runs a register-only instruction (no memory, no call into the hart, no control transfer) on
 * the scratch registers `rl`/`rh` (the pass's own copy of the registers), or writes a plain
 * load's destination as the load does (its sign extension) from the loaded value lv:lvh
 * (zero-extended, as LOAD leaves it);
 *
 *   spinTaken(op, rs1, rs2, imm, pc) → whether the conditional branch op is taken
 * on the same scratch registers.
 */
import { SEM_LOCALS, contextBindings, makeFunction, operandReads, type OpInfo } from './common';
import type { CodeContext } from './host';
import { expand, splitAt } from './sem';

export type SpinStepFn = (op: number, rd: number, rs1: number, rs2: number, imm: number, pc: number, lv: number, lvh: number) => number;
export type SpinTakenFn = (op: number, rs1: number, rs2: number, imm: number, pc: number) => boolean;

/** An instruction that only reads and writes integer registers (no memory, hart, control). */
export function registerOnly(o: OpInfo): boolean {
  const s = o.shape;
  return s.loadSize === 0 && s.storeSize === 0 && s.hart === 'none' && s.control === 'none' && !s.ordered && !s.attn && !s.end;
}

/** A body's text with the operands' names (registers and fields are the functions' parameters). */
function withFields(body: string, effect: (name: string, arg: string | undefined) => string): string {
  return expand(body, { RD: 'rd', RS1: 'rs1', RS2: 'rs2', IMM: 'imm', PC: 'pc' }, effect);
}

/**
 * Makes spinStep and spinTaken over the ops `ops`, on the scratch registers rl/rh: a small
 * function per op, each made at its first use (a spin loop uses two or three ops), so that the
 * scheduler's check after a slice calls the op's own code rather than a switch over every op.
 */
export function makeSpinEval(ctx: CodeContext, ops: readonly OpInfo[], rl: Int32Array, rh: Int32Array): { step: SpinStepFn; taken: SpinTakenFn } {
  const noEffect = (name: string): string => {
    throw new Error(`spin evaluation: unexpected effect ${name}`);
  };
  // The bodies name the registers xl/xh: here they are the pass's scratch registers.
  const bound = { ...contextBindings(ctx, {}), xl: rl, xh: rh };
  const stepOf: (StepOpFn | undefined)[] = [];
  const takenOf: (TakenOpFn | undefined)[] = [];
  const makeStep = (op: number): StepOpFn => {
    const o = ops[op];
    let code: string;
    if (registerOnly(o)) {
      code = `${operandReads(o.shape, 'rs1', 'rs2')}${withFields(o.body, noEffect)}`;
    } else if (o.shape.plainLoad) {
      // What the load does with the value it read: the body after LOAD (v:vh is the value).
      const cut = splitAt(o.body, 'LOAD');
      if (cut === undefined || cut.before.trim() !== '') throw new Error(`spin evaluation: ${o.name}: a load's body must begin with LOAD`);
      code = `v = lv; vh = lvh; ${withFields(cut.after, noEffect)}`;
    } else {
      throw new Error(`spin evaluation: ${o.name} is neither register-only nor a plain load`);
    }
    return makeFunction<StepOpFn>(ctx, `spinStep_${o.name.replace(/\W/g, '_')}`, 'rd, rs1, rs2, imm, pc, lv, lvh', `${SEM_LOCALS} ${code}`, bound);
  };
  const makeTaken = (op: number): TakenOpFn => {
    const o = ops[op];
    const cond = splitAt(o.body, 'BRANCH');
    if (o.shape.control !== 'branch' || cond === undefined || cond.before.trim() !== '' || cond.after.trim() !== '') {
      throw new Error(`spin evaluation: ${o.name}: not a branch whose body is BRANCH(cond)`);
    }
    return makeFunction<TakenOpFn>(ctx, `spinTaken_${o.name.replace(/\W/g, '_')}`, 'rs1, rs2, imm, pc',
      `${SEM_LOCALS} ${operandReads(o.shape, 'rs1', 'rs2')}return ${withFields(`(${cond.arg ?? 'false'})`, noEffect)};`, bound);
  };
  const step: SpinStepFn = (op, rd, rs1, rs2, imm, pc, lv, lvh) => {
    const o = ops[op];
    if (!registerOnly(o) && !o.shape.plainLoad) return 0;
    (stepOf[op] ??= makeStep(op))(rd, rs1, rs2, imm, pc, lv, lvh);
    return 1;
  };
  const taken: SpinTakenFn = (op, rs1, rs2, imm, pc) => (takenOf[op] ??= makeTaken(op))(rs1, rs2, imm, pc);
  return { step, taken };
}

type StepOpFn = (rd: number, rs1: number, rs2: number, imm: number, pc: number, lv: number, lvh: number) => void;
type TakenOpFn = (rs1: number, rs2: number, imm: number, pc: number) => boolean;
