/**
 * The language of instruction semantics. Every row of the instruction table (src/isa/insns)
 * carries a small body of JavaScript that says what the instruction does; the hart's code
 * generators (src/cpu/codegen) assemble these bodies into the interpreter at start-up and into
 * translated blocks, so each instruction's semantics is written once. Spike's `insns/add.h`
 * plays the same part there.
 *
 * A body may use:
 *   a, ah / b, bh      x[rs1] / x[rs2] as int32 halves (bits 31:0 and 63:32), read before the
 *                      instruction; only the ones a body names are read
 *   xl[RD], xh[RD]     the destination's halves (x0 is a scratch slot: a write to it vanishes)
 *   RD RS1 RS2 IMM     register numbers and the immediate (int32), constants in blocks
 *   LEN PC NPC         length in bytes, the pc (a JS number: the signed 64-bit value) and PC + LEN
 *   WORD OP            the instruction word (16-bit parcel when compressed) and the op number
 *   lo hi v vh sh      scratch locals (numbers); t, t2: Int32Array(4) scratch
 *   h                  the hart's typed view for the generated code (src/cpu/codegen/host.ts)
 *   mulU128 mulHigh div64   64-bit multiply and divide on halves (src/cpu/int64.ts)
 * and these effects, which the generators expand differently for the interpreter and for
 * blocks (a body uses at most one control effect, and LOAD/STORE at most once):
 *   LOAD(n)            v:vh = the n-byte value (zero-extended) at x[rs1] + IMM; a fault traps
 *   STORE(n)           store the low n bytes of b:bh at x[rs1] + IMM
 *   BRANCH(cond)       if cond, continue at PC + IMM
 *   JUMP(target)       continue at target (a JS number)
 *   JUMP64(lo, hi)     continue at hi:lo (a target beyond 2^53 retires, then faults there)
 *   HART(call)         call into the hart, counters current: it returns 1 (done), 0 (it trapped:
 *                      the instruction does not retire) or 2 (wait: nothing happened, another
 *                      hart must run first; see docs/cpu.md on ordering). Of the registers
 *                      the call writes x[RD] at most (blocks reload only that one after it)
 *   RAISE(call)        the instruction is charged like any other but does not retire, and the
 *                      call traps (ECALL, EBREAK)
 *   FAULT(call)        the call traps; nothing is charged but the trap (an illegal instruction)
 *   ORDERED            every hart's accesses to shared state happen in cycle order: wait here
 *                      until this hart is the one furthest behind (only with several harts)
 *   ATTN               after retiring, look at the hart's attention flag (interrupts, sleep)
 *   END                after retiring, leave the block (fetch state may have changed)
 *
 * The AMOs' update rules (src/isa/insns/a.ts, AMO_NEW_VALUE) are bodies in this language too,
 * with no effects: the old value in v:vh and the operand in b:bh, the new value left in b:bh.
 */

/** x[rs1] + IMM as 64-bit halves into lo:hi (the carry out of the low word into the high). */
export const ADD_IMM = 'lo = (a + IMM) | 0; hi = (ah + (IMM >> 31) + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;';

/** rd ← lo:hi. */
export const SET_RD = 'xl[RD] = lo; xh[RD] = hi;';

/** rd ← the 32-bit result v, sign-extended (the RV64 W instructions). */
export const SET_RD_W = 'xl[RD] = v; xh[RD] = v >> 31;';

/** rd ← the JS number v (a pc or address, exact below 2^53), as two's-complement halves. */
export const SET_RD_NUM = 'xl[RD] = v | 0; xh[RD] = Math.floor(v / 4294967296) | 0;';

/** Shifts of a:ah by sh (0..63) into lo:hi. */
export const SHL64 =
  'if (sh === 0) { lo = a; hi = ah; } else if (sh < 32) { hi = (ah << sh) | (a >>> (32 - sh)); lo = a << sh; } else { hi = a << (sh - 32); lo = 0; }';
export const SHR64 =
  'if (sh === 0) { lo = a; hi = ah; } else if (sh < 32) { lo = (a >>> sh) | (ah << (32 - sh)); hi = (ah >>> sh) | 0; } else { lo = (ah >>> (sh - 32)) | 0; hi = 0; }';
export const SRA64 =
  'if (sh === 0) { lo = a; hi = ah; } else if (sh < 32) { lo = (a >>> sh) | (ah << (32 - sh)); hi = ah >> sh; } else { lo = ah >> (sh - 32); hi = ah >> 31; }';

/** Signed and unsigned 64-bit comparisons of a:ah with b:bh (or with IMM sign-extended). */
export const LT = 'ah < bh || (ah === bh && a >>> 0 < b >>> 0)';
export const LTU = 'ah >>> 0 < bh >>> 0 || (ah === bh && a >>> 0 < b >>> 0)';
export const LT_IMM = 'ah < (IMM >> 31) || (ah === (IMM >> 31) && a >>> 0 < IMM >>> 0)';
export const LTU_IMM = 'ah >>> 0 < (IMM >> 31) >>> 0 || (ah === (IMM >> 31) && a >>> 0 < IMM >>> 0)';

/** The effect names of the language (the generators parse them out of a body). */
export const EFFECTS = ['LOAD', 'STORE', 'BRANCH', 'JUMP', 'JUMP64', 'HART', 'RAISE', 'FAULT', 'ORDERED', 'ATTN', 'END'] as const;
export type Effect = (typeof EFFECTS)[number];
