/**
 * When GNU as emits a compressed instruction: its opcode table (binutils opcodes/riscv-opc.c)
 * lists, for a mnemonic, RVC "alias" rows before the base row, and the first row whose operand
 * constraints accept the written operands wins. This table restates those RVC rows for RV64C
 * (no F/D, no Zcb) as data: per source mnemonic, operand constraints and the compressed row's
 * field each operand goes to. Branches and jumps to labels (c.beqz/c.bnez/c.j) are decided by
 * the relaxation pass instead (see relax.ts).
 *
 * Operand constraint syntax: `<constraint>[>field]`
 *   r any register · rn nonzero · r0 must be x0 · rsp must be x2 · rp x8..x15
 *   rl nonzero and not x2 (c.lui) · =N same register as operand N
 *   i:<layout> constant fitting the layout (fields.ts) · i:<layout>! also nonzero · i0 constant 0
 *   i:lui a lui operand (20-bit field) whose sign-extension is a nonzero 6-bit value
 *   i:liLui a full constant that c.lui can build (nonzero multiple of 4096, 6-bit signed high part)
 */
import { Imm, fitsImm, type ImmName } from '../isa/fields';
import type { CFields } from './encode';

type Entry = readonly [mnemonic: string, cname: string, operands: readonly string[], fixed?: CFields];

const P = ['rp>rs1p', '=0', 'rp>rs2p'];
const P2 = ['rp>rs1p', 'rp>rs2p', '=0'];

const ENTRIES: readonly Entry[] = [
  ['ebreak', 'c.ebreak', []],
  ['sbreak', 'c.ebreak', []],
  ['ret', 'c.jr', [], { rd: 1 }],
  ['jr', 'c.jr', ['rn>rd']],
  ['jalr', 'c.jalr', ['rn>rd']],
  ['nop', 'c.nop', []],
  ['lui', 'c.lui', ['rl>rd', 'i:lui>imm']],
  ['li', 'c.lui', ['rl>rd', 'i:liLui>imm']],
  ['li', 'c.li', ['rn>rd', 'i:ci_imm6>imm']],
  ['mv', 'c.mv', ['rn>rd', 'rn>rs2c']],
  ['move', 'c.mv', ['rn>rd', 'rn>rs2c']],
  ['andi', 'c.andi', ['rp>rs1p', '=0', 'i:ci_imm6>imm']],
  ['and', 'c.and', P],
  ['and', 'c.and', P2],
  ['and', 'c.andi', ['rp>rs1p', '=0', 'i:ci_imm6>imm']],
  ['addi', 'c.addi4spn', ['rp>rdp', 'rsp', 'i:ciw_addi4spn!>imm']],
  ['addi', 'c.addi', ['rn>rd', '=0', 'i:ci_imm6!>imm']],
  ['addi', 'c.nop', ['r0', '=0', 'i0']],
  ['addi', 'c.addi16sp', ['rsp', 'rsp', 'i:ci_addi16sp!>imm']],
  ['addi', 'c.li', ['rn>rd', 'r0', 'i:ci_imm6>imm']],
  ['addi', 'c.mv', ['rn>rd', 'rn>rs2c', 'i0']],
  ['add', 'c.add', ['rn>rd', '=0', 'rn>rs2c']],
  ['add', 'c.add', ['rn>rd', 'rn>rs2c', '=0']],
  ['add', 'c.addi', ['rn>rd', '=0', 'i:ci_imm6>imm']],
  ['add', 'c.addi4spn', ['rp>rdp', 'rsp', 'i:ciw_addi4spn!>imm']],
  ['add', 'c.addi16sp', ['rsp', 'rsp', 'i:ci_addi16sp!>imm']],
  ['add', 'c.mv', ['rn>rd', 'r0', 'rn>rs2c']],
  ['slli', 'c.slli', ['rn>rd', '=0', 'i:ci_shamt!>imm']],
  ['sll', 'c.slli', ['rn>rd', '=0', 'i:ci_shamt!>imm']],
  ['srli', 'c.srli', ['rp>rs1p', '=0', 'i:ci_shamt!>imm']],
  ['srl', 'c.srli', ['rp>rs1p', '=0', 'i:ci_shamt!>imm']],
  ['srai', 'c.srai', ['rp>rs1p', '=0', 'i:ci_shamt!>imm']],
  ['sra', 'c.srai', ['rp>rs1p', '=0', 'i:ci_shamt!>imm']],
  ['sub', 'c.sub', P],
  ['lw', 'c.lwsp', ['rn>rd', 'i:ci_lwsp>imm', 'rsp']],
  ['lw', 'c.lw', ['rp>rdp', 'i:cl_w>imm', 'rp>rs1p']],
  ['or', 'c.or', P],
  ['or', 'c.or', P2],
  ['sw', 'c.swsp', ['r>rs2c', 'i:css_swsp>imm', 'rsp']],
  ['sw', 'c.sw', ['rp>rs2p', 'i:cl_w>imm', 'rp>rs1p']],
  ['xor', 'c.xor', P],
  ['xor', 'c.xor', P2],
  ['ld', 'c.ldsp', ['rn>rd', 'i:ci_ldsp>imm', 'rsp']],
  ['ld', 'c.ld', ['rp>rdp', 'i:cl_d>imm', 'rp>rs1p']],
  ['sd', 'c.sdsp', ['r>rs2c', 'i:css_sdsp>imm', 'rsp']],
  ['sd', 'c.sd', ['rp>rs2p', 'i:cl_d>imm', 'rp>rs1p']],
  ['sext.w', 'c.addiw', ['rn>rd', '=0'], { imm: 0 }],
  ['addiw', 'c.addiw', ['rn>rd', '=0', 'i:ci_imm6>imm']],
  ['addw', 'c.addw', P],
  ['addw', 'c.addw', P2],
  ['addw', 'c.addiw', ['rn>rd', '=0', 'i:ci_imm6>imm']],
  ['subw', 'c.subw', P],
];

/** An operand as the compressor sees it: a register, or a constant immediate. */
export type CArg = { readonly reg: number } | { readonly imm: number } | { readonly other: true };

export interface Compressed {
  readonly name: string;
  readonly fields: CFields;
}

function regOk(c: string, r: number, args: readonly CArg[]): boolean {
  if (c.startsWith('=')) {
    const other = args[Number(c.slice(1))];
    return 'reg' in other && other.reg === r;
  }
  switch (c) {
    case 'r': return true;
    case 'rn': return r !== 0;
    case 'r0': return r === 0;
    case 'rsp': return r === 2;
    case 'rp': return r >= 8 && r <= 15;
    case 'rl': return r !== 0 && r !== 2;
    default: return false;
  }
}

/** The value to put in the compressed layout, or undefined if `v` does not qualify. */
function immValue(c: string, v: number): number | undefined {
  if (c === 'i0') return v === 0 ? 0 : undefined;
  const spec = c.slice(2);
  const nonzero = spec.endsWith('!');
  const kind = nonzero ? spec.slice(0, -1) : spec;
  if (nonzero && v === 0) return undefined;
  if (kind === 'lui') {
    if (v < 0 || v > 0xfffff) return undefined;
    const s = v >= 0x80000 ? v - 0x100000 : v;
    return s !== 0 && s >= -32 && s <= 31 ? s * 4096 : undefined;
  }
  if (kind === 'liLui') {
    if (v % 4096 !== 0) return undefined;
    const s = v / 4096;
    return s !== 0 && s >= -32 && s <= 31 ? v : undefined;
  }
  return fitsImm(Imm[kind as ImmName], v) ? v : undefined;
}

function tryEntry(e: Entry, args: readonly CArg[]): Compressed | undefined {
  const [, cname, ops, fixed] = e;
  if (ops.length !== args.length) return undefined;
  const fields: Record<string, number> = { ...fixed };
  for (let i = 0; i < ops.length; i++) {
    const [c, field] = ops[i].split('>');
    const a = args[i];
    let value: number | undefined;
    if (c.startsWith('i')) {
      value = 'imm' in a ? immValue(c, a.imm) : undefined;
    } else {
      value = 'reg' in a && regOk(c, a.reg, args) ? a.reg : undefined;
    }
    if (value === undefined) return undefined;
    if (field !== undefined) fields[field] = value;
  }
  return { name: cname, fields };
}

/** Compression rules, grouped by mnemonic (built per assembler: no module-level state). */
export class Compressor {
  private readonly byName = new Map<string, Entry[]>();

  constructor() {
    for (const e of ENTRIES) {
      const list = this.byName.get(e[0]) ?? [];
      list.push(e);
      this.byName.set(e[0], list);
    }
  }

  /** The compressed form GNU as would pick for `mnemonic args`, if any. */
  compress(mnemonic: string, args: readonly CArg[]): Compressed | undefined {
    for (const e of this.byName.get(mnemonic) ?? []) {
      const c = tryEntry(e, args);
      if (c !== undefined) return c;
    }
    return undefined;
  }
}
