/**
 * Predecoded instructions, one DecodedPage per 4 KiB physical page, indexed by halfword
 * offset. Decoding goes through the shared encoding table (src/isa); compressed parcels are
 * expanded here into their base operation, so the executor sees only base ops.
 *
 * Per slot, packed into one int32 `info` (one load in the execute loop):
 *   bits 7:0 op (Op, or UNDECODED / CROSSING), 13:8 rd (x0 is mapped to the scratch register 32
 *   so that writes to it vanish without a test), 18:14 rs1, 23:19 rs2 (0 when the format has
 *   none), 26:24 length in bytes;
 * plus `imm` (for CSR ops: csr | zimm << 12) and the raw `word` (16-bit parcel if compressed).
 */
import { Imm, extractImm, cRd, cRdPrime, cRs1Prime, cRs2, rdOf, rs1Of, rs2Of } from '../isa/fields';
import type { Decoder } from '../isa/decode';
import { Op } from '../isa/opcodes';
import type { CReg, Extension } from '../isa/opcodes';
import type { Block } from './codegen/blocks';

export const UNDECODED = 255;
/** A 32-bit instruction starting in the page's last halfword: fetched on the slow path. */
export const CROSSING = 254;
export const SLOTS = 2048;
const EMPTY_U16 = new Uint16Array(0);

export class DecodedPage {
  readonly info = new Int32Array(SLOTS).fill(UNDECODED);
  readonly imm = new Int32Array(SLOTS);
  readonly word = new Int32Array(SLOTS);
  /** RAM code generation this page was decoded under (see Ram.codeGen). */
  gen = 0;
  /**
   * Translated blocks by start slot (blocks.ts), created when the page first runs in fast
   * mode: undefined = not translated yet, null = not translatable (interpret).
   */
  blocks: (Block | null | undefined)[] | undefined = undefined;
  /** Times each slot was reached before translation (a block is made once a slot is warm). */
  heat: Uint16Array | undefined = undefined;

  /**
   * `u16` is the RAM chunk view holding the page and `u16Base` the index of its first halfword
   * there (the page's instructions are decoded from it), `ramOff` the page's RAM offset; the
   * hart's scratch page has none.
   */
  constructor(readonly u16: Uint16Array = EMPTY_U16, readonly u16Base = 0, readonly ramOff = -1) {}

  clear(): void {
    this.info.fill(UNDECODED);
    this.blocks = undefined;
    this.heat = undefined;
  }
}

export function packInfo(op: number, rd: number, rs1: number, rs2: number, len: number): number {
  return op | ((rd === 0 ? 32 : rd) << 8) | (rs1 << 14) | (rs2 << 19) | (len << 24);
}

/** Which extensions the hart accepts (from misa). */
export type ExtensionSet = ReadonlySet<Extension>;

/**
 * Decodes the instruction whose low parcel is `lo16` (and high parcel `hi16` for a 32-bit
 * instruction) into slot `i` of `p`. Returns the length (2 or 4).
 */
export function decodeInto(dec: Decoder, exts: ExtensionSet, p: DecodedPage, i: number, lo16: number, hi16: number): number {
  if ((lo16 & 3) !== 3) {
    decode16(dec, exts, p, i, lo16);
    return 2;
  }
  const w = (lo16 | (hi16 << 16)) >>> 0;
  const d = dec.decode32(w);
  p.word[i] = w | 0;
  if (d === undefined || !exts.has(d.ext)) {
    setIllegal(p, i, 4);
    return 4;
  }
  const a = d.args;
  const rd = a.startsWith('rd') ? rdOf(w) : 0;
  p.info[i] = packInfo(d.op, rd, a.includes('rs1') ? rs1Of(w) : 0, a.includes('rs2') ? rs2Of(w) : 0, 4);
  let imm = d.imm !== undefined ? extractImm(Imm[d.imm], w) : 0;
  if (d.op >= Op.CSRRWI && d.op <= Op.CSRRCI) imm |= rs1Of(w) << 12; // zimm
  p.imm[i] = imm;
  return 4;
}

function setIllegal(p: DecodedPage, i: number, len: number): void {
  p.info[i] = packInfo(Op.ILLEGAL, 0, 0, 0, len);
  p.imm[i] = 0;
}

function cReg(r: CReg, h: number): number {
  switch (r) {
    case 'rd': return cRd(h);
    case 'rs2c': return cRs2(h);
    case 'rdp': return cRdPrime(h);
    case 'rs1p': return cRs1Prime(h);
    case 'rs2p': return cRdPrime(h); // rs2' sits at bits 4:2
    case 'x0': return 0;
    case 'ra': return 1;
    case 'sp': return 2;
  }
}

function decode16(dec: Decoder, exts: ExtensionSet, p: DecodedPage, i: number, h: number): void {
  p.word[i] = h;
  const d = exts.has('C') ? dec.decode16(h) : undefined;
  if (d === undefined) {
    setIllegal(p, i, 2);
    return;
  }
  p.info[i] = packInfo(d.base, cReg(d.rd, h), cReg(d.rs1, h), cReg(d.rs2, h), 2);
  p.imm[i] = d.imm !== undefined ? extractImm(Imm[d.imm], h) : 0;
}
