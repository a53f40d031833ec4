/** Applying RISC-V relocations (psABI semantics) to placed section bytes, with range checks. */
import { RvnError } from '../errors';
import { Imm, fitsImm, insertImm, type ImmKind } from '../isa/fields';
import type { RelaxedType } from './relax';

export interface RelocSite {
  readonly bytes: Uint8Array;
  /** Offset of the site in `bytes`. */
  readonly offset: number;
  /** Address of the site. */
  readonly pc: number;
  readonly type: Exclude<RelaxedType, 'ALIGN' | 'NONE' | 'DELETE'>;
  /** S + A */
  readonly value: number;
  /** For PCREL_LO12: the pc-relative offset computed by the matching PCREL_HI20. */
  readonly hiOffset?: number;
  /** "file:line" and symbol, for messages. */
  readonly where: string;
  readonly symbol: string;
  /** Value of __global_pointer$ (0 if undefined), for gp-relative forms made by relaxation. */
  readonly gp?: number;
}

const sext12 = (v: number): number => ((v & 0xfff) << 20) >> 20;

function read(b: Uint8Array, off: number, n: number): number {
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = (v * 256) + b[off + i];
  return v;
}

function write(b: Uint8Array, off: number, n: number, v: number): void {
  for (let i = 0; i < n; i++) b[off + i] = (v >>> (8 * i)) & 255;
}

function writeBig(b: Uint8Array, off: number, n: number, v: number): void {
  let x = BigInt.asUintN(64, BigInt(v));
  for (let i = 0; i < n; i++, x >>= 8n) b[off + i] = Number(x & 255n);
}

function outOfRange(s: RelocSite, v: number): RvnError {
  return new RvnError(`${s.where}: relocation R_RISCV_${s.type} out of range for '${s.symbol}' (value ${v})`);
}

/** Ors an immediate into the instruction at the site after checking it fits. */
function patch(s: RelocSite, k: ImmKind, v: number, size: 2 | 4): void {
  if (!fitsImm(k, v)) throw outOfRange(s, v);
  write(s.bytes, s.offset, size, (read(s.bytes, s.offset, size) | insertImm(k, v)) >>> 0);
}

/** The %hi part of a 32-bit signed value; errors if `v` is outside ±2 GiB. */
function hi20(s: RelocSite, v: number): number {
  if (v < -0x80000800 || v >= 0x7ffff800) throw outOfRange(s, v);
  return ((v + 0x800) >> 12) << 12;
}

/** A %lo made gp- or x0-relative by relaxation: rs1 becomes gp (x3) or x0 (ld's GPREL_I/S). */
function gpRelative(s: RelocSite): void {
  const gp = s.gp ?? 0;
  const x0 = fitsImm(Imm.I, s.value);
  if (!x0 && !fitsImm(Imm.I, s.value - gp)) throw outOfRange(s, s.value);
  const insn = read(s.bytes, s.offset, 4) & ~(31 << 15);
  write(s.bytes, s.offset, 4, (insn | (x0 ? 0 : 3 << 15)) >>> 0);
  patch(s, s.type === 'GPREL_I' ? Imm.I : Imm.S, x0 ? s.value : s.value - gp, 4);
}

export function applyReloc(s: RelocSite): void {
  const pcrel = s.value - s.pc;
  switch (s.type) {
    case '64': writeBig(s.bytes, s.offset, 8, s.value); return;
    case '32':
      if (s.value < -0x80000000 || s.value > 0xffffffff) throw outOfRange(s, s.value);
      write(s.bytes, s.offset, 4, s.value); return;
    case '16':
      if (s.value < -0x8000 || s.value > 0xffff) throw outOfRange(s, s.value);
      write(s.bytes, s.offset, 2, s.value); return;
    case '8':
      if (s.value < -0x80 || s.value > 0xff) throw outOfRange(s, s.value);
      write(s.bytes, s.offset, 1, s.value); return;
    case 'HI20': return patch(s, Imm.U, hi20(s, s.value), 4);
    case 'LO12_I': return patch(s, Imm.I, sext12(s.value), 4);
    case 'LO12_S': return patch(s, Imm.S, sext12(s.value), 4);
    case 'PCREL_HI20': return patch(s, Imm.U, hi20(s, pcrel), 4);
    case 'PCREL_LO12_I': return patch(s, Imm.I, sext12(s.hiOffset ?? 0), 4);
    case 'PCREL_LO12_S': return patch(s, Imm.S, sext12(s.hiOffset ?? 0), 4);
    case 'BRANCH': return patch(s, Imm.B, pcrel, 4);
    case 'JAL': return patch(s, Imm.J, pcrel, 4);
    case 'RVC_BRANCH': return patch(s, Imm.cb, pcrel, 2);
    case 'RVC_JUMP': return patch(s, Imm.cj, pcrel, 2);
    case 'GPREL_I': case 'GPREL_S': return gpRelative(s);
    case 'RVC_LUI': {
      const hi = hi20(s, s.value) / 4096;
      if (hi === 0 || hi < -32 || hi >= 32) throw outOfRange(s, s.value);
      return patch(s, Imm.ci_lui, hi * 4096, 2);
    }
    case 'CALL': {
      patch(s, Imm.U, hi20(s, pcrel), 4);
      patch({ ...s, offset: s.offset + 4 }, Imm.I, sext12(pcrel), 4);
      return;
    }
  }
}
