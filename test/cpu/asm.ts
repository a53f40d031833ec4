/**
 * Test helper: encodes instructions from the shared opcode table (match bits + register
 * fields + fields.ts insertImm), so tests can be written as readable lists. A handful of
 * encodings are cross-checked against words from the ISA manual / GNU as in asm.test.ts.
 */
import { Imm, insertImm } from '../../src/isa/fields';
import { instructionsByName } from '../../src/isa/opcodes';
import { Bus } from '../../src/memory/bus';
import { Hart } from '../../src/cpu/hart';
import type { HartConfig } from '../../src/cpu/hart';

const byName = instructionsByName();

/** ABI register names → numbers. */
export const R: Record<string, number> = {
  zero: 0, ra: 1, sp: 2, gp: 3, tp: 4, t0: 5, t1: 6, t2: 7, s0: 8, s1: 9, a0: 10, a1: 11, a2: 12,
  a3: 13, a4: 14, a5: 15, a6: 16, a7: 17, s2: 18, s3: 19, s4: 20, s5: 21, s6: 22, s7: 23, s8: 24,
  s9: 25, s10: 26, s11: 27, t3: 28, t4: 29, t5: 30, t6: 31,
};

/** enc('addi', rd, rs1, imm) etc. Operands follow the row's `args` order (imm(rs1) → imm, rs1). */
export function enc(name: string, ...ops: number[]): number {
  const d = byName.get(name);
  if (!d) throw new Error(`no instruction ${name}`);
  let w = d.match;
  const toks = d.args === '' ? [] : d.args.split(',').flatMap((t) => (t.includes('(') ? t.replace(')', '').split('(') : [t])).filter((t) => t !== '');
  toks.forEach((tok, i) => {
    const v = ops[i];
    switch (tok) {
      case 'rd': w |= v << 7; break;
      case 'rs1': w |= v << 15; break;
      case 'rs2': w |= v << 20; break;
      case 'zimm': w |= v << 15; break;
      case 'imm': case 'csr': w |= insertImm(Imm[d.imm ?? 'I'], v); break;
      default: throw new Error(`operand ${tok} of ${name}`);
    }
  });
  return w >>> 0;
}

export const RAM = 0x8000_0000;

export interface TestMachine {
  bus: Bus;
  hart: Hart;
  /** Writes 32-bit words at addr. */
  words(addr: number, ws: readonly number[]): void;
  /** Writes 16-bit parcels at addr. */
  halves(addr: number, hs: readonly number[]): void;
  /** Runs at most n instructions (stops early at WFI). */
  run(n: number): number;
}

export function machine(cfg: Partial<HartConfig> = {}, ramSize = 4 * 1024 * 1024): TestMachine {
  const bus = cfg.bus ?? new Bus({ ramSize });
  const hart = new Hart({ hartId: 0, bus, ...cfg });
  hart.reset(RAM);
  return {
    bus,
    hart,
    words(addr, ws) {
      const b = new Uint8Array(ws.length * 4);
      const dv = new DataView(b.buffer);
      ws.forEach((w, i) => dv.setUint32(4 * i, w >>> 0, true));
      bus.writeBytes(addr, b);
    },
    halves(addr, hs) {
      const b = new Uint8Array(hs.length * 2);
      const dv = new DataView(b.buffer);
      hs.forEach((h, i) => dv.setUint16(2 * i, h, true));
      bus.writeBytes(addr, b);
    },
    run(n) {
      return hart.run(Infinity, n);
    },
  };
}

/** x[r] as an unsigned 64-bit hex string (16 digits). */
export function hex(h: Hart, r: number): string {
  return (h.getXHi(r) >>> 0).toString(16).padStart(8, '0') + (h.getXLo(r) >>> 0).toString(16).padStart(8, '0');
}

/** Sets x[r] from a 16-digit hex string (unsigned 64-bit). */
export function setHex(h: Hart, r: number, hex16: string): void {
  const v = hex16.padStart(16, '0');
  h.setX(r, parseInt(v.slice(8), 16) | 0, parseInt(v.slice(0, 8), 16) | 0);
}
