/**
 * Extension removal: a conversion to a narrow type (`ext`, e.g. the zero-extension that keeps
 * a `u32` variable in range after `crc = table[...] ^ (crc >>> 8)`) is dropped when the value
 * already fits. Each register gets two facts, found by a fixpoint over all its definitions:
 * `z` — the value is in [0, 2^z) — and `s` — it is the sign-extension of its low s bits.
 */
import { insDefs, type Ins, type IrFunction } from '../ir';

interface Width {
  /** Unsigned bit width: 0 <= value < 2^z (64: unknown). */
  z: number;
  /** Signed bit width: value = sign-extend(low s bits) (64: unknown). */
  s: number;
}

const TOP: Width = { z: 64, s: 64 };
const cap = (n: number): number => Math.min(64, Math.max(0, n));

function bitLength(v: bigint): number {
  return v === 0n ? 0 : v.toString(2).length;
}

function constWidth(v: bigint): Width {
  let s = 1;
  while (s < 64 && BigInt.asIntN(s, v) !== v) s++;
  return { z: v >= 0n ? bitLength(v) : 64, s };
}

/** Width facts implied by each other: a value below 2^z is a sign-extension of z + 1 bits. */
function norm(w: Width): Width {
  return { z: w.z, s: Math.max(1, Math.min(w.s, w.z < 64 ? w.z + 1 : 64)) };
}

function transfer(i: Ins, w: (v: number) => Width): Width {
  switch (i.op) {
    case 'li': return constWidth(i.imm);
    case 'mv': return w(i.a);
    case 'ext': return i.signed ? { z: 64, s: Math.min(i.bits, w(i.a).s) } : { z: Math.min(i.bits, w(i.a).z), s: 64 };
    case 'ld': return i.signed ? { z: 64, s: i.size * 8 } : { z: i.size === 8 ? 64 : i.size * 8, s: 64 };
    case 'unary': return i.fn === 'seqz' || i.fn === 'snez' ? { z: 1, s: 64 } : TOP;
    case 'alu': {
      const a = w(i.a), b = w(i.b);
      switch (i.fn) {
        case 'and': return { z: Math.min(a.z, b.z), s: Math.max(a.s, b.s) };
        case 'or': case 'xor': return { z: Math.max(a.z, b.z), s: Math.max(a.s, b.s) };
        case 'add': return { z: cap(Math.max(a.z, b.z) + 1), s: cap(Math.max(a.s, b.s) + 1) };
        case 'sub': return { z: 64, s: cap(Math.max(a.s, b.s) + 1) };
        case 'mul': return { z: cap(a.z + b.z), s: cap(a.s + b.s) };
        case 'divu': return { z: a.z, s: 64 };
        case 'remu': return { z: Math.min(a.z, b.z), s: 64 };
        case 'srl': return { z: a.z, s: 64 };
        case 'sra': return { z: a.z, s: a.s };
        case 'slt': case 'sltu': return { z: 1, s: 64 };
        case 'addw': case 'subw': return { z: 64, s: 32 };
        default: return TOP;
      }
    }
    case 'alui': {
      const a = w(i.a), k = BigInt(i.imm), c = constWidth(k);
      switch (i.fn) {
        case 'andi': return k >= 0n ? { z: Math.min(a.z, c.z), s: 64 } : { z: a.z, s: Math.max(a.s, c.s) };
        case 'ori': case 'xori': return { z: k >= 0n ? Math.max(a.z, c.z) : 64, s: Math.max(a.s, c.s) };
        case 'addi': return { z: k >= 0n ? cap(Math.max(a.z, c.z) + 1) : 64, s: cap(Math.max(a.s, c.s) + 1) };
        case 'slli': return { z: cap(a.z + i.imm), s: cap(a.s + i.imm) };
        case 'srli': return { z: i.imm === 0 ? a.z : Math.min(cap(a.z - i.imm), 64 - i.imm), s: 64 };
        case 'srai': return { z: a.z < 64 ? cap(a.z - i.imm) : 64, s: Math.max(1, a.s - i.imm) };
        case 'slti': case 'sltiu': return { z: 1, s: 64 };
        case 'addiw': return { z: 64, s: 32 };
      }
      return TOP;
    }
    default: return TOP;
  }
}

/** Bit widths of every register (the least fixpoint, widened to unknown if it keeps growing). */
export function knownWidths(fn: IrFunction): Map<number, Width> {
  const defs = new Map<number, Ins[]>();
  for (const b of fn.blocks) for (const i of b.ins) {
    const d = insDefs(i);
    if (d !== undefined) (defs.get(d) ?? defs.set(d, []).get(d)!).push(i);
  }
  const params = new Set(fn.params);
  const width = new Map<number, Width>();
  const growth = new Map<number, number>();
  const w = (v: number): Width => (v === 0 ? { z: 0, s: 1 } : params.has(v) || !defs.has(v) ? TOP : width.get(v) ?? { z: 0, s: 1 });
  // Terminates: each register grows at most five times before it is unknown.
  for (let changed = true; changed;) {
    changed = false;
    for (const [v, ds] of defs) {
      if (params.has(v)) continue;
      let z = 0, s = 1;
      for (const i of ds) {
        const x = norm(transfer(i, w));
        z = Math.max(z, x.z);
        s = Math.max(s, x.s);
      }
      const old = w(v);
      if (z > old.z || s > old.s) {
        // A value that keeps growing (a counter) is widened to unknown.
        const n = (growth.get(v) ?? 0) + 1;
        growth.set(v, n);
        width.set(v, n > 4 ? TOP : { z: Math.max(z, old.z), s: Math.max(s, old.s) });
        changed = true;
      }
    }
  }
  return width;
}

/** Drops conversions whose operand already fits the narrow type. */
export function removeExtensions(fn: IrFunction): void {
  if (!fn.blocks.some((b) => b.ins.some((i) => i.op === 'ext'))) return;
  const widths = knownWidths(fn);
  const params = new Set(fn.params);
  const w = (v: number): Width => (v === 0 ? { z: 0, s: 1 } : params.has(v) ? TOP : widths.get(v) ?? TOP);
  for (const b of fn.blocks) {
    b.ins = b.ins.map((i): Ins => {
      if (i.op !== 'ext') return i;
      const a = w(i.a);
      const fits = i.signed ? a.s <= i.bits || a.z < i.bits : a.z <= i.bits;
      return fits ? { op: 'mv', d: i.d, a: i.a } : i;
    });
  }
}
