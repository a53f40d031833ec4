/**
 * A (unprivileged spec ch. 14). LR, SC and the AMOs are done by the hart (reservations live in
 * the bus, shared by every hart); they are ordered among the harts (src/isa/semantics.ts).
 * aq/rl (bits 26/25) are written as .aq/.rl/.aqrl suffixes and change nothing: rvn performs
 * every access in order.
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
