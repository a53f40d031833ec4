/** M (unprivileged spec ch. 13): 64-bit products and quotients on int32 halves (src/cpu/int64.ts). */
import { InsnClass as C } from '../classes';
import { SET_RD_W } from '../semantics';
import { R, insn } from './spec';

const low = 'xl[RD] = t[0]; xh[RD] = t[1];';
const high = 'xl[RD] = t[2]; xh[RD] = t[3];';

export const M = [
  insn('mul', 0x02000033, R, 'rd,rs1,rs2', undefined, C.Mul, 'M', `mulU128(a, ah, b, bh, t); ${low}`),
  insn('mulh', 0x02001033, R, 'rd,rs1,rs2', undefined, C.Mul, 'M', `mulHigh(a, ah, true, b, bh, true, t); ${high}`),
  insn('mulhsu', 0x02002033, R, 'rd,rs1,rs2', undefined, C.Mul, 'M', `mulHigh(a, ah, true, b, bh, false, t); ${high}`),
  insn('mulhu', 0x02003033, R, 'rd,rs1,rs2', undefined, C.Mul, 'M', `mulHigh(a, ah, false, b, bh, false, t); ${high}`),
  // div64 leaves the quotient in t[0..1] and the remainder in t[2..3] (division by zero and
  // overflow as the spec's table 13.1).
  insn('div', 0x02004033, R, 'rd,rs1,rs2', undefined, C.Div, 'M', `div64(a, ah, b, bh, true, t, t2); ${low}`),
  insn('divu', 0x02005033, R, 'rd,rs1,rs2', undefined, C.Div, 'M', `div64(a, ah, b, bh, false, t, t2); ${low}`),
  insn('rem', 0x02006033, R, 'rd,rs1,rs2', undefined, C.Div, 'M', `div64(a, ah, b, bh, true, t, t2); ${high}`),
  insn('remu', 0x02007033, R, 'rd,rs1,rs2', undefined, C.Div, 'M', `div64(a, ah, b, bh, false, t, t2); ${high}`),
  insn('mulw', 0x0200003b, R, 'rd,rs1,rs2', undefined, C.MulW, 'M', `v = Math.imul(a, b); ${SET_RD_W}`),
  insn('divw', 0x0200403b, R, 'rd,rs1,rs2', undefined, C.DivW, 'M', `v = b === 0 ? -1 : a === -2147483648 && b === -1 ? a : (a / b) | 0; ${SET_RD_W}`),
  insn('divuw', 0x0200503b, R, 'rd,rs1,rs2', undefined, C.DivW, 'M', `v = b === 0 ? -1 : ((a >>> 0) / (b >>> 0)) | 0; ${SET_RD_W}`),
  insn('remw', 0x0200603b, R, 'rd,rs1,rs2', undefined, C.DivW, 'M', `v = b === 0 ? a : b === -1 ? 0 : (a % b) | 0; ${SET_RD_W}`),
  insn('remuw', 0x0200703b, R, 'rd,rs1,rs2', undefined, C.DivW, 'M', `v = b === 0 ? a : ((a >>> 0) % (b >>> 0)) | 0; ${SET_RD_W}`),
] as const;
