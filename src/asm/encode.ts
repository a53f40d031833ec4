/**
 * Instruction words from the shared encoding table (src/isa): a row's match bits plus operand
 * fields, immediates placed by the row's immediate layout (src/isa/fields.ts).
 */
import { RvnError } from '../errors';
import { CompressedInstructions, instructionsByName, type CInsnDef, type InsnDef } from '../isa/opcodes';
import { Imm, fitsImm, insertImm, type ImmKind } from '../isa/fields';

export interface BaseFields {
  rd?: number;
  rs1?: number;
  rs2?: number;
  /** Immediate value as the layout sees it (byte offsets for B/J, shifted value for U). */
  imm?: number;
  /** CSR 5-bit immediate (csrr*i) */
  zimm?: number;
  pred?: number;
  succ?: number;
  /** aq/rl bits of an AMO (bit 1 = aq, bit 0 = rl). */
  aqrl?: number;
}

export interface CFields {
  rd?: number;
  rs2c?: number;
  rdp?: number;
  rs1p?: number;
  rs2p?: number;
  imm?: number;
}

/** Row tables, built once per Encoder (no module-level mutable state). */
export class Encoder {
  readonly base: ReadonlyMap<string, InsnDef> = instructionsByName();
  readonly compressed: ReadonlyMap<string, CInsnDef> = new Map(CompressedInstructions.map((d) => [d.name, d]));

  baseRow(name: string): InsnDef | undefined {
    return this.base.get(name);
  }

  encode(name: string, f: BaseFields): number {
    const def = this.base.get(name);
    if (def === undefined) throw new RvnError(`unknown instruction '${name}'`);
    let w = def.match;
    if (f.rd !== undefined) w |= f.rd << 7;
    if (f.rs1 !== undefined) w |= f.rs1 << 15;
    if (f.rs2 !== undefined) w |= f.rs2 << 20;
    if (f.zimm !== undefined) w |= insertImm(Imm.zimm5, checked(Imm.zimm5, f.zimm, 'CSR immediate'));
    if (f.pred !== undefined) w |= f.pred << 24;
    if (f.succ !== undefined) w |= f.succ << 20;
    if (f.aqrl !== undefined) w |= f.aqrl << 25;
    if (f.imm !== undefined && def.imm !== undefined) w |= insertImm(Imm[def.imm], checked(Imm[def.imm], f.imm, 'immediate'));
    return w >>> 0;
  }

  encodeC(name: string, f: CFields): number {
    const def = this.compressed.get(name);
    if (def === undefined) throw new RvnError(`unknown compressed instruction '${name}'`);
    let w = def.match;
    if (f.rd !== undefined) w |= f.rd << 7;
    if (f.rs2c !== undefined) w |= f.rs2c << 2;
    if (f.rdp !== undefined) w |= (f.rdp - 8) << 2;
    if (f.rs1p !== undefined) w |= (f.rs1p - 8) << 7;
    if (f.rs2p !== undefined) w |= (f.rs2p - 8) << 2;
    if (f.imm !== undefined && def.imm !== undefined) w |= insertImm(Imm[def.imm], checked(Imm[def.imm], f.imm, 'immediate'));
    return w & 0xffff;
  }
}

/** Range of a layout, for messages. */
function describe(k: ImmKind): string {
  const min = k.signed ? -(2 ** (k.bits - 1)) : 0;
  const max = k.signed ? 2 ** (k.bits - 1) - 1 : 2 ** k.bits - 1;
  return `${min}..${max}`;
}

function checked(k: ImmKind, v: number, what: string): number {
  if (!fitsImm(k, v)) {
    const lowest = Math.min(...k.segments.map((s) => s[1]));
    const align = lowest > 0 ? `, multiple of ${2 ** lowest}` : '';
    throw new RvnError(`${what} ${v} out of range (${describe(k)}${align})`);
  }
  return v;
}
