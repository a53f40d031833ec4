/**
 * An in-memory device tree: nodes with ordered properties and children. Property values are
 * raw big-endian bytes as they appear in a DTB; the helpers below encode the usual types.
 */
import { RvnError } from '../errors';

export interface FdtProp {
  name: string;
  value: Uint8Array;
}

export interface FdtNode {
  /** Node name with unit address, e.g. "cpu@0"; "" for the root. */
  name: string;
  props: FdtProp[];
  children: FdtNode[];
}

/** A memory reservation block entry. */
export interface FdtReservation {
  address: number;
  size: number;
}

const TWO32 = 0x1_0000_0000;

export function fdtNode(name: string, props: FdtProp[] = [], children: FdtNode[] = []): FdtNode {
  return { name, props, children };
}

/** Big-endian u32 cells. */
export function cellsBytes(cells: readonly number[]): Uint8Array {
  const out = new Uint8Array(4 * cells.length);
  const view = new DataView(out.buffer);
  cells.forEach((c, i) => {
    if (!Number.isInteger(c) || c < -0x8000_0000 || c > 0xffff_ffff) {
      throw new RvnError(`fdt: cell value ${c} does not fit in 32 bits`);
    }
    view.setUint32(4 * i, c >>> 0);
  });
  return out;
}

/** A 64-bit value as two cells (high, low). Exact for integers below 2^53. */
export function u64Cells(value: number): [number, number] {
  if (!Number.isSafeInteger(value) || value < 0) throw new RvnError(`fdt: invalid 64-bit value ${value}`);
  return [Math.floor(value / TWO32), value % TWO32];
}

const utf8 = new TextEncoder();

/** Null-terminated strings, one after the other (a string list). */
export function stringsBytes(strings: readonly string[]): Uint8Array {
  const parts = strings.map((s) => {
    if (s.includes('\0')) throw new RvnError('fdt: string contains a NUL character');
    return utf8.encode(s);
  });
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length + 1, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length + 1;
  }
  return out;
}

/** Property constructors. */
export const prop = {
  empty: (name: string): FdtProp => ({ name, value: new Uint8Array(0) }),
  u32: (name: string, ...cells: number[]): FdtProp => ({ name, value: cellsBytes(cells) }),
  cells: (name: string, cells: readonly number[]): FdtProp => ({ name, value: cellsBytes(cells) }),
  u64: (name: string, value: number): FdtProp => ({ name, value: cellsBytes(u64Cells(value)) }),
  str: (name: string, value: string): FdtProp => ({ name, value: stringsBytes([value]) }),
  strs: (name: string, ...values: string[]): FdtProp => ({ name, value: stringsBytes(values) }),
  bytes: (name: string, value: Uint8Array): FdtProp => ({ name, value: value.slice() }),
};
