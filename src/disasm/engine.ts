/**
 * One instruction word → objdump's text, using the shared encoding table (src/isa) to decode
 * and forms.ts to choose the spelling. A `Disassembler` carries objdump's only cross-instruction
 * state: the high parts set by lui/auipc, which make a later load, store, addi or jalr print
 * the address it forms (" # 80001000 <buf>").
 */
import { createDecoder, type Decoder } from '../isa/decode';
import { Imm, extractImm, cRdPrime, cRs1Prime, cRs2, rdOf, rs1Of, rs2Of, type ImmName } from '../isa/fields';
import type { CInsnDef, InsnDef } from '../isa/opcodes';
import { CompressedInstructions } from '../isa/opcodes';
import { ADDRESS_SETS, ADDRESS_USES, BASE_FORMS, COMPRESSED_FORMS, FLOAT_CSR_FORMS, RVN_FORMS, type Fields, type Form } from './forms';
import { ABI_NAMES, csrName, fenceSet, type PrivSpec } from './names';

export interface DisasmOptions {
  /** objdump's default aliases (true) or `-M no-aliases` canonical names (false). */
  readonly aliases: boolean;
  /** rvn's names for its extensions: `uipi.send a0` (objdump: `.4byte`), N/UINTR CSR names. */
  readonly rvnNames?: boolean;
  /**
   * Names an address for branch targets and address hints: return the text objdump puts in
   * angle brackets (`main+0x8`), or undefined for none. Addresses are unsigned 64-bit.
   * Without it, addresses print as objdump prints them for a file with no symbols: `0x80000010`.
   */
  readonly symbolize?: (addr: bigint) => string | undefined;
  /** CSR names of this privileged spec (objdump picks 1.11 for files tagged so); default 1.12. */
  readonly privSpec?: PrivSpec;
  /** Value of __global_pointer$, for gp-relative hints. */
  readonly gp?: bigint;
  /** Print F's CSR aliases (frflags, fsrm, ...), as objdump does for an F or unknown arch. */
  readonly floatCsrAliases?: boolean;
}

export interface DisasmResult {
  readonly text: string;
  /** Instruction length in bytes. */
  readonly length: 2 | 4;
}

export interface Disassembler {
  /** Disassembles the instruction at pc; the low 16 bits alone if it is compressed. */
  next(word: number, pc: bigint): DisasmResult;
  /** Forgets lui/auipc high parts (objdump keeps them for the whole file). */
  reset(): void;
}

const MASK64 = (1n << 64n) - 1n;
const u64 = (v: bigint): bigint => v & MASK64;
const hex = (v: bigint | number): string => v.toString(16);

/** Kinds whose immediate is a pc-relative target; kinds printed in hex. */
const TARGET_KINDS: ReadonlySet<ImmName> = new Set(['J', 'B', 'cj', 'cb']);
const UPPER_KINDS: ReadonlySet<ImmName> = new Set(['U', 'ci_lui']);
const HEX_KINDS: ReadonlySet<ImmName> = new Set(['shamt6', 'shamt5', 'ci_shamt']);

/** c.addi16sp with a zero immediate is reserved, yet objdump still names it; so do we. */
const ADDI16SP = CompressedInstructions.find((d) => d.name === 'c.addi16sp') as CInsnDef;

interface Decoded {
  readonly name: string;
  readonly args: string;
  readonly imm?: ImmName;
  readonly compressed: boolean;
  readonly amo: boolean;
  /** rvn's uipi rows, unknown to objdump. */
  readonly uintr: boolean;
}

export function createDisassembler(options: DisasmOptions): Disassembler {
  const decoder = createDecoder();
  const hi: (bigint | undefined)[] = new Array(32).fill(undefined);
  const spec = options.privSpec ?? '1.12';
  const rvn = options.rvnNames === true;

  const address = (a: bigint): string => {
    if (!options.symbolize) return '0x' + hex(a);
    const s = options.symbolize(a);
    return s === undefined ? hex(a) : `${hex(a)} <${s}>`;
  };

  function next(word: number, pc: bigint): DisasmResult {
    const compressed = (word & 3) !== 3;
    const w = compressed ? word & 0xffff : word >>> 0;
    const length = compressed ? 2 : 4;
    const d = lookup(decoder, w, compressed);
    if (!d) return { text: unknown(w, compressed, options.aliases), length };
    if (!rvn && d.uintr) return { text: `.4byte\t0x${hex(w)}`, length };
    const fields = fieldsOf(w, d, compressed);
    const form = chooseForm(d, fields, options.aliases, rvn, options.floatCsrAliases === true);
    const ops = formatArgs(form.args, w, fields, d, pc, address, spec, rvn);
    const hint = addressHint(d.name, form.args, fields, w, pc, hi, options.gp);
    let name = form.name;
    if (d.amo && form.name === d.name) name += amoSuffix(w);
    const text = name + (ops ? '\t' + ops : '') + (hint === undefined ? '' : ' # ' + address(hint));
    return { text, length };
  }
  return { next, reset: () => hi.fill(undefined) };
}

function lookup(decoder: Decoder, w: number, compressed: boolean): Decoded | undefined {
  if (compressed) {
    const c = decoder.decode16(w) ?? ((w & ADDI16SP.mask) === ADDI16SP.match ? ADDI16SP : undefined);
    return c && { name: c.name, args: c.args, imm: c.imm, compressed: true, amo: false, uintr: false };
  }
  const b: InsnDef | undefined = decoder.decode32(w);
  return b && { name: b.name, args: b.args, imm: b.imm, compressed: false, amo: b.ext === 'A', uintr: b.ext === 'Uintr' };
}

function unknown(w: number, compressed: boolean, aliases: boolean): string {
  if (compressed && w === 0) return aliases ? 'unimp' : 'c.unimp';
  return `${compressed ? '.2byte' : '.4byte'}\t0x${hex(w)}`;
}

function fieldsOf(w: number, d: Decoded, compressed: boolean): Fields {
  const imm = d.imm ? extractImm(Imm[d.imm], w) : 0;
  return {
    word: w,
    rd: rdOf(w),
    rs1: compressed ? 0 : rs1Of(w),
    rs2: compressed ? cRs2(w) : rs2Of(w),
    imm,
    csr: compressed ? 0 : w >>> 20,
    pred: (w >>> 24) & 15,
    succ: (w >>> 20) & 15,
  };
}

function chooseForm(d: Decoded, x: Fields, aliases: boolean, rvn: boolean, floatCsr: boolean): Form {
  if (rvn && RVN_FORMS[d.name]) return RVN_FORMS[d.name];
  const forms = (d.compressed ? COMPRESSED_FORMS : BASE_FORMS)[d.name];
  const pick = (list: readonly Form[] | undefined): Form | undefined => list?.find((f) => !f.when || f.when(x));
  const special = pick(forms?.special);
  if (special) return special;
  const float = aliases && floatCsr && !d.compressed ? pick(FLOAT_CSR_FORMS[d.name]) : undefined;
  if (float) return float;
  if (aliases) {
    const alias = pick(forms?.aliases);
    if (alias) return alias;
  } else if (forms?.canonical) {
    return forms.canonical;
  }
  return { name: d.name, args: d.args };
}

function formatArgs(
  args: string, w: number, x: Fields, d: Decoded, pc: bigint,
  address: (a: bigint) => string, spec: PrivSpec, rvn: boolean,
): string {
  return args.replace(/[a-z0-9]+/g, (tok) => {
    switch (tok) {
      case 'rd': return ABI_NAMES[rdOf(w)];
      case 'rs1': return ABI_NAMES[rs1Of(w)];
      case 'rs2': return ABI_NAMES[rs2Of(w)];
      case 'rdp': case 'rs2p': return ABI_NAMES[cRdPrime(w)];
      case 'rs1p': return ABI_NAMES[cRs1Prime(w)];
      case 'rs2c': return ABI_NAMES[cRs2(w)];
      case 'sp': return 'sp';
      case 'zero': return 'zero';
      case 'csr': return csrName(x.csr, spec, rvn);
      case 'zimm': return String(rs1Of(w));
      case 'funct7': return '0x' + hex(w >>> 25);
      case 'hexword': return '0x' + hex(w);
      case 'pred': return fenceSet(x.pred);
      case 'succ': return fenceSet(x.succ);
      case 'imm': return formatImm(d.imm, x.imm, pc, address);
      default: return tok; // a literal such as 0 in "zero,0"
    }
  });
}

function formatImm(kind: ImmName | undefined, imm: number, pc: bigint, address: (a: bigint) => string): string {
  if (kind && TARGET_KINDS.has(kind)) return address(u64(pc + BigInt(imm)));
  if (kind && UPPER_KINDS.has(kind)) return '0x' + hex((imm >>> 12) & 0xfffff);
  if (kind && HEX_KINDS.has(kind)) return '0x' + hex(imm);
  return String(imm);
}

function amoSuffix(w: number): string {
  const aq = (w >>> 26) & 1;
  const rl = (w >>> 25) & 1;
  return aq && rl ? '.aqrl' : aq ? '.aq' : rl ? '.rl' : '';
}

/** objdump's maybe_print_address, and lui/auipc/c.lui recording a register's high part. */
function addressHint(
  name: string, args: string, x: Fields, w: number, pc: bigint, hi: (bigint | undefined)[], gp: bigint | undefined,
): bigint | undefined {
  if (ADDRESS_SETS.has(name)) {
    const upper = BigInt(x.imm); // sign-extended, low 12 bits zero
    hi[x.rd] = u64(name === 'auipc' ? pc + upper : upper);
    return undefined;
  }
  const use = ADDRESS_USES[name];
  if (!use || !args.split(/[,()]/).includes(use.needs)) return undefined;
  const base = use.base === 'rd' ? x.rd : rs1Of(w);
  if (use.nonzeroBase && base === 0) return undefined;
  const offset = BigInt(x.imm);
  let addr = lookAt(base, offset, hi, gp);
  if (use.twiceWithImm && args.split(/[,()]/).includes('imm')) addr = lookAt(base, offset, hi, gp) ?? addr;
  if (addr === undefined) return undefined;
  return use.wide ? u64(BigInt.asIntN(32, addr)) : addr;
}

/** One maybe_print_address: a recorded high part (consumed), else gp, tp or zero relative. */
function lookAt(base: number, offset: bigint, hi: (bigint | undefined)[], gp: bigint | undefined): bigint | undefined {
  const h = hi[base];
  if (h !== undefined) {
    hi[base] = undefined;
    return u64((base !== 0 ? h : 0n) + offset);
  }
  if (base === 3 && gp !== undefined) return u64(gp + offset);
  if (base === 4 || base === 0) return u64(offset);
  return undefined;
}

/** Hex of an unsigned 64-bit value, as objdump prints addresses (no leading zeros). */
export const hex64 = (v: bigint): string => hex(u64(v));
