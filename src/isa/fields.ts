/**
 * Immediate fields as data: each immediate kind is a list of segments saying which bits of the
 * immediate sit where in the instruction word. One extractor and one inserter serve every
 * format (base and compressed), so the decoder, assembler and disassembler cannot disagree.
 */

/** A segment: immediate bits [hi:lo] are stored in the word starting at bit `at`. */
export type Segment = readonly [hi: number, lo: number, at: number];

export interface ImmKind {
  readonly segments: readonly Segment[];
  /** Sign-extend from the highest immediate bit. */
  readonly signed: boolean;
  /** Width of the immediate in bits (highest bit + 1). */
  readonly bits: number;
}

function kind(signed: boolean, ...segments: Segment[]): ImmKind {
  const bits = Math.max(...segments.map((s) => s[0])) + 1;
  return { segments, signed, bits };
}

/** Every immediate layout of RV64IMAC + Zicsr (RISC-V unprivileged spec, ch. 2 and 16). */
export const Imm = {
  I: kind(true, [11, 0, 20]),
  S: kind(true, [11, 5, 25], [4, 0, 7]),
  B: kind(true, [12, 12, 31], [10, 5, 25], [4, 1, 8], [11, 11, 7]),
  U: kind(true, [31, 12, 12]),
  J: kind(true, [20, 20, 31], [10, 1, 21], [11, 11, 20], [19, 12, 12]),
  shamt6: kind(false, [5, 0, 20]),
  shamt5: kind(false, [4, 0, 20]),
  csr: kind(false, [11, 0, 20]),
  zimm5: kind(false, [4, 0, 15]),
  // Compressed (RVC) layouts.
  ciw_addi4spn: kind(false, [5, 4, 11], [9, 6, 7], [2, 2, 6], [3, 3, 5]),
  cl_w: kind(false, [5, 3, 10], [2, 2, 6], [6, 6, 5]),
  cl_d: kind(false, [5, 3, 10], [7, 6, 5]),
  ci_imm6: kind(true, [5, 5, 12], [4, 0, 2]),
  ci_shamt: kind(false, [5, 5, 12], [4, 0, 2]),
  ci_lui: kind(true, [17, 17, 12], [16, 12, 2]),
  ci_addi16sp: kind(true, [9, 9, 12], [4, 4, 6], [6, 6, 5], [8, 7, 3], [5, 5, 2]),
  ci_lwsp: kind(false, [5, 5, 12], [4, 2, 4], [7, 6, 2]),
  ci_ldsp: kind(false, [5, 5, 12], [4, 3, 5], [8, 6, 2]),
  css_swsp: kind(false, [5, 2, 9], [7, 6, 7]),
  css_sdsp: kind(false, [5, 3, 10], [8, 6, 7]),
  cj: kind(true, [11, 11, 12], [4, 4, 11], [9, 8, 9], [10, 10, 8], [6, 6, 7], [7, 7, 6], [3, 1, 3], [5, 5, 2]),
  cb: kind(true, [8, 8, 12], [4, 3, 10], [7, 6, 5], [2, 1, 3], [5, 5, 2]),
} as const satisfies Record<string, ImmKind>;

export type ImmName = keyof typeof Imm;

/** Extracts an immediate from an instruction word (a JS number, sign-extended if signed). */
export function extractImm(k: ImmKind, word: number): number {
  let v = 0;
  for (const [hi, lo, at] of k.segments) {
    const width = hi - lo + 1;
    const field = (word >>> at) & ((1 << width) - 1);
    v |= field << lo;
  }
  if (k.signed && k.bits < 32) {
    const shift = 32 - k.bits;
    v = (v << shift) >> shift;
  } else if (!k.signed) {
    v >>>= 0;
  }
  return v;
}

/** The word bits that hold `value` in layout `k` (bits of `value` outside the layout are dropped). */
export function insertImm(k: ImmKind, value: number): number {
  let w = 0;
  for (const [hi, lo, at] of k.segments) {
    const width = hi - lo + 1;
    const field = Math.floor(value / 2 ** lo) & ((1 << width) - 1);
    w |= field << at;
  }
  return w >>> 0;
}

/** Whether `value` is representable in layout `k` (range, and zero low bits not encoded). */
export function fitsImm(k: ImmKind, value: number): boolean {
  if (!Number.isInteger(value)) return false;
  const lowest = Math.min(...k.segments.map((s) => s[1]));
  if (value % 2 ** lowest !== 0) return false;
  const min = k.signed ? -(2 ** (k.bits - 1)) : 0;
  const max = k.signed ? 2 ** (k.bits - 1) - 1 : 2 ** k.bits - 1;
  if (value < min || value > max) return false;
  // Every set bit must be covered by some segment (layouts like ci_addi16sp skip low bits).
  return extractImm(k, insertImm(k, value)) === (k.signed ? value : value >>> 0);
}

/** Register fields. */
export const rdOf = (w: number): number => (w >>> 7) & 31;
export const rs1Of = (w: number): number => (w >>> 15) & 31;
export const rs2Of = (w: number): number => (w >>> 20) & 31;
/** Compressed 3-bit register fields name x8..x15. */
export const cRdPrime = (w: number): number => ((w >>> 2) & 7) + 8; // bits 4:2
export const cRs1Prime = (w: number): number => ((w >>> 7) & 7) + 8; // bits 9:7
export const cRd = (w: number): number => (w >>> 7) & 31; // bits 11:7
export const cRs2 = (w: number): number => (w >>> 2) & 31; // bits 6:2
