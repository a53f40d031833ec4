/**
 * Table-driven decoding: instruction word → the matching row of opcodes.ts. Rows are bucketed
 * by their low opcode bits and tried most-specific first. The hart decodes each instruction
 * once and caches the result per page, so this need not be fast; it must be exact.
 */
import { CompressedInstructions, Instructions, UipiFallback, popcount } from './opcodes';
import type { CInsnDef, InsnDef } from './opcodes';

export interface Decoder {
  /** The base row matching a 32-bit word, or undefined (illegal instruction). */
  decode32(word: number): InsnDef | undefined;
  /** The compressed row matching a 16-bit parcel (reserved encodings excluded), or undefined. */
  decode16(half: number): CInsnDef | undefined;
}

function bySpecificity<T extends { mask: number }>(a: T, b: T): number {
  return popcount(b.mask) - popcount(a.mask);
}

export function createDecoder(): Decoder {
  const base: InsnDef[][] = Array.from({ length: 128 }, () => []);
  for (const d of [...Instructions, UipiFallback].sort(bySpecificity)) base[d.match & 0x7f].push(d);
  // Compressed rows are bucketed by quadrant (bits 1:0) and funct3 (bits 15:13).
  const comp: CInsnDef[][] = Array.from({ length: 32 }, () => []);
  for (const d of [...CompressedInstructions].sort(bySpecificity)) comp[cBucket(d.match)].push(d);

  return {
    decode32(word: number): InsnDef | undefined {
      const w = word >>> 0;
      for (const d of base[w & 0x7f]) if (((w & d.mask) >>> 0) === d.match) return d;
      return undefined;
    },
    decode16(half: number): CInsnDef | undefined {
      const h = half & 0xffff;
      for (const d of comp[cBucket(h)]) {
        if ((h & d.mask) === d.match) return isReserved(d, h) ? undefined : d;
      }
      return undefined;
    },
  };
}

function cBucket(h: number): number {
  return ((h >>> 13) << 2) | (h & 3);
}

function isReserved(d: CInsnDef, h: number): boolean {
  if (!d.reserved) return false;
  for (const r of d.reserved) {
    if (r === 'rdZero' && ((h >>> 7) & 31) === 0) return true;
    if (r === 'rs1Zero' && ((h >>> 7) & 31) === 0) return true;
    if (r === 'immZero' && immBitsZero(d, h)) return true;
  }
  return false;
}

/** True when every immediate bit of the compressed row is zero (bits 12 and 6:2 or 12:5). */
function immBitsZero(d: CInsnDef, h: number): boolean {
  if (d.name === 'c.addi4spn') return ((h >>> 5) & 0xff) === 0;
  return ((h >>> 12) & 1) === 0 && ((h >>> 2) & 31) === 0;
}
