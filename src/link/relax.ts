/**
 * Linker relaxation as GNU ld 2.40 does it (bfd/elfnn-riscv.c _bfd_riscv_relax_section), on
 * objects assembled for relaxation (relocations marked R_RISCV_RELAX, code alignment as nops
 * with R_RISCV_ALIGN):
 *
 * - pass 0 (only with `relax`; ld --no-relax skips it): `call`/`tail` (R_RISCV_CALL) become
 *   `jal`/`c.j` when the target is near (with the largest section alignment as a margin), or
 *   `jalr rd, x0, sym` near address 0; `lui` (R_RISCV_HI20) is deleted when the symbol is
 *   within ±2 KiB of x0 or of the global pointer (`__global_pointer$`) and its `%lo` users
 *   become gp- or x0-relative, else it may become `c.lui`; `auipc` (R_RISCV_PCREL_HI20) to
 *   data within reach of gp or x0 is deleted and its `%pcrel_lo` users become gp-relative.
 *   Deletions are marked and done at the end of each section's walk (ld's piecewise deletion).
 * - pass 1 (always): each R_RISCV_ALIGN keeps only the nops its alignment needs.
 *
 * Each pass repeats over all input sections, in layout order, until nothing changes; before an
 * input section is relaxed the sections before it have their new addresses and the ones after
 * it their previous ones, as ld's lang_size_sections walk has it.
 */
import { RvnError } from '../errors';
import { formatLocation } from '../asm/diagnostics';
import type { Relocation, RelocType } from '../asm/object';
import type { InputSection } from './layout';

/** Relocation kinds that only exist after relaxation rewrote an instruction. */
export type RelaxedType = RelocType | 'GPREL_I' | 'GPREL_S' | 'RVC_LUI' | 'NONE' | 'DELETE';

/** A relocation as the linker works on it (relaxation changes type, offset and addend). */
export interface LinkReloc extends Omit<Relocation, 'type'> {
  readonly type: RelaxedType;
}

/** A symbol defined in an input section, as relaxation moves it. */
export interface MovableSymbol {
  value: number;
  size: number;
  readonly section?: InputSection;
  readonly type: 'func' | 'object' | 'notype';
}

/** What a relocation's symbol is, for relaxation. */
export interface SymbolRef {
  readonly sym?: MovableSymbol;
  readonly value: number;
  readonly global: boolean;
  readonly undefinedWeak: boolean;
}

export interface RelaxContext {
  /** Pass 0 (code shortening) enabled; pass 1 (alignment) always runs. */
  readonly relax: boolean;
  /** Relaxes each input section (via `visit`) in layout order, placing each right after. */
  walk(visit: (s: InputSection) => void): void;
  /** Address of an input section as the walk currently has it. */
  addressOf(s: InputSection): number;
  /** The output section an input section belongs to, and that section's alignment. */
  outputOf(s: InputSection): { readonly name: string; readonly align: number } | undefined;
  /** The largest alignment of any output section. */
  maxAlignment(): number;
  /** The symbol a relocation of input section `s` refers to. */
  symbol(s: InputSection, name: string): SymbolRef | undefined;
  /** Symbols defined in input section `s`. */
  symbolsIn(s: InputSection): readonly MovableSymbol[];
  /** Whether the object of `s` may contain compressed code (its EF_RISCV_RVC). */
  rvc(s: InputSection): boolean;
  /** __global_pointer$: its value and output section (value 0 if it is not defined). */
  gp(): { readonly value: number; readonly output?: string };
}

const NOP = 0x00000013;
const C_NOP = 0x0001;
const fitsI = (v: number): boolean => v >= -2048 && v < 2048;
const fitsJ = (v: number): boolean => v >= -(1 << 20) && v < 1 << 20 && (v & 1) === 0;
const fitsCJ = (v: number): boolean => v >= -2048 && v < 2048 && (v & 1) === 0;
/** RISCV_CONST_HIGH_PART: the value `lui` must build for `v` (with %lo's sign taken into account). */
const highPart = (v: number): number => Math.floor((v + 0x800) / 0x1000) * 0x1000;
/** VALID_CITYPE_LUI_IMM: a nonzero high part whose sign-extended 20-bit field fits c.lui's 6 bits. */
function fitsCLui(hi: number): boolean {
  const field = ((hi / 0x1000) | 0) << 12 >> 12; // sign-extend 20 bits
  return hi !== 0 && field >= -32 && field < 32 && hi % 0x1000 === 0 && Math.abs(hi) < 2 ** 31;
}

const read32 = (b: Uint8Array, o: number): number => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;
function write32(b: Uint8Array, o: number, v: number): void {
  for (let i = 0; i < 4; i++) b[o + i] = (v >>> (8 * i)) & 255;
}
function write16(b: Uint8Array, o: number, v: number): void {
  b[o] = v & 255;
  b[o + 1] = (v >>> 8) & 255;
}

const asLink = (s: InputSection): LinkReloc[] => s.relocs as unknown as LinkReloc[];

/**
 * Deletes `count` bytes at `addr` of section `s` (ld's _riscv_relax_delete_bytes). With
 * piecewise deletion the bytes up to `toaddr` are moved from where they were before the
 * `deleteTotal` bytes already deleted; relocations and symbols after `addr` move at once.
 */
function deleteBytes(ctx: RelaxContext, s: InputSection, addr: number, count: number, toaddr: number, deleteTotal: number): void {
  s.bytes.copyWithin(addr, addr + count + deleteTotal, toaddr + deleteTotal);
  s.size -= count;
  const end = s.size + count;
  const relocs = asLink(s);
  for (let i = 0; i < relocs.length; i++) {
    const r = relocs[i];
    if (r.offset > addr && r.offset < end) relocs[i] = { ...r, offset: r.offset - count };
  }
  for (const sym of ctx.symbolsIn(s)) {
    if (sym.value > addr && sym.value <= end) sym.value -= count;
    else if (sym.value <= addr && sym.value + sym.size > addr && sym.value + sym.size <= end) sym.size -= count;
  }
}

/** Performs the deletions pass 0 marked, in offset order (riscv_relax_resolve_delete_relocs). */
function resolveDeletes(ctx: RelaxContext, s: InputSection): void {
  const relocs = asLink(s);
  const marks = relocs.map((r, i) => (r.type === 'DELETE' ? i : -1)).filter((i) => i >= 0).sort((a, b) => relocs[a].offset - relocs[b].offset);
  let total = 0;
  marks.forEach((i, k) => {
    const r = relocs[i];
    const next = marks[k + 1];
    const toaddr = next === undefined ? s.size : relocs[next].offset;
    deleteBytes(ctx, s, r.offset, r.addend, toaddr, total);
    total += r.addend;
    relocs[i] = { ...relocs[i], type: 'NONE' };
  });
}

interface PcrelHi {
  readonly offset: number;
  readonly addend: number;
  readonly target: number;
  readonly symbol: string;
  /** The symbol the auipc addresses (its section decides the alignment margin of the %lo). */
  readonly sym?: MovableSymbol;
  readonly undefinedWeak: boolean;
}

class SectionRelaxer {
  private readonly relocs: LinkReloc[];
  private readonly his: PcrelHi[] = [];
  private readonly unrelaxableHi = new Set<number>();
  again = false;

  constructor(private readonly ctx: RelaxContext, private readonly s: InputSection) {
    this.relocs = asLink(s);
  }

  private pc(r: LinkReloc): number {
    return this.ctx.addressOf(this.s) + r.offset;
  }

  /** Marks `count` bytes at `offset` for deletion, reusing relocation `k` (its RELAX partner). */
  private markDelete(k: number, offset: number, count: number): void {
    this.relocs[k] = { ...this.relocs[k], type: 'DELETE', offset, addend: count, relax: false };
    this.again = true;
  }

  pass0(): void {
    for (let k = 0; k < this.relocs.length; k++) {
      const r = this.relocs[k];
      if (!r.relax) continue;
      const target = this.ctx.symbol(this.s, r.symbol);
      if (target === undefined) continue;
      const symval = target.value + r.addend;
      switch (r.type) {
        case 'CALL':
          // ld relaxes no call to an undefined weak symbol.
          if (!target.undefinedWeak) this.call(k, r, symval, target.sym);
          break;
        case 'HI20': case 'LO12_I': case 'LO12_S': this.lui(k, r, symval, target); break;
        case 'PCREL_HI20': case 'PCREL_LO12_I': case 'PCREL_LO12_S': this.pcrel(k, r, symval, target); break;
        default: break;
      }
    }
    resolveDeletes(this.ctx, this.s);
  }

  private sameOutputAlign(sym: MovableSymbol | undefined): number | undefined {
    if (sym?.section === undefined) return undefined;
    const a = this.ctx.outputOf(sym.section);
    const b = this.ctx.outputOf(this.s);
    return a !== undefined && a === b ? a.align : undefined;
  }

  /** _bfd_riscv_relax_call: auipc+jalr -> jal / c.j / jalr rd, x0, sym. */
  private call(k: number, r: LinkReloc, symval: number, sym: MovableSymbol | undefined): void {
    let foff = symval - this.pc(r);
    const nearZero = fitsI(symval);
    if (fitsJ(foff)) {
      const margin = this.sameOutputAlign(sym) ?? this.ctx.maxAlignment();
      foff += foff < 0 ? -margin : margin;
    }
    if (!fitsJ(foff) && !nearZero) return;
    const b = this.s.bytes;
    const jalr = read32(b, r.offset + 4);
    const rd = (jalr >>> 7) & 31;
    const rvc = this.ctx.rvc(this.s) && fitsCJ(foff) && rd === 0;
    let len = 4;
    let type: RelaxedType;
    if (rvc) {
      write16(b, r.offset, 0xa001); // c.j
      len = 2;
      type = 'RVC_JUMP';
    } else if (fitsJ(foff)) {
      write32(b, r.offset, 0x6f | (rd << 7)); // jal rd
      type = 'JAL';
    } else {
      write32(b, r.offset, 0x67 | (rd << 7)); // jalr rd, 0(x0)
      type = 'LO12_I';
    }
    this.relocs[k] = { ...r, type, relax: false };
    this.markDeleteAfter(k, r.offset + len, 8 - len);
  }

  /** The R_RISCV_RELAX partner of relocation k is reused as the DELETE mark. */
  private markDeleteAfter(k: number, offset: number, count: number): void {
    this.relocs.splice(k + 1, 0, { offset, type: 'DELETE', symbol: '', addend: count, origin: this.relocs[k].origin });
    this.again = true;
  }

  /**
   * Whether `symval` can be reached from x0 or gp with a 12-bit offset, keeping a margin for
   * alignment padding that may still move things and for the object's size (ld's check).
   */
  /**
   * Whether `symval` can be reached from x0 or gp with a 12-bit offset, keeping a margin for
   * alignment padding that may still move things (the alignment of the output section of gp
   * and `sym` when they share one, else the largest) and the object's `reserve` bytes.
   */
  private gpWindow(symval: number, undefinedWeak: boolean, sym: MovableSymbol | undefined, reserve: number): boolean {
    if (undefinedWeak || fitsI(symval)) return true;
    const gp = this.ctx.gp();
    let margin = this.ctx.maxAlignment();
    if (gp.value !== 0 && gp.output !== undefined && sym?.section !== undefined) {
      const out = this.ctx.outputOf(sym.section);
      if (out !== undefined && out.name === gp.output) margin = out.align;
    }
    return symval >= gp.value ? fitsI(symval - gp.value + margin + reserve) : fitsI(symval - gp.value - margin - reserve);
  }

  /** ld's reserve_size: the bytes of the object after the addressed one (not for functions). */
  private reserve(t: SymbolRef, addend: number): number {
    const size = t.sym?.size ?? 0;
    if (t.global && t.sym?.type === 'func') return 0;
    return addend <= size ? size - addend : 0;
  }

  /** _bfd_riscv_relax_lui: lui deleted (gp/x0-relative %lo) or shortened to c.lui. */
  private lui(k: number, r: LinkReloc, symval: number, t: SymbolRef): void {
    if (this.gpWindow(symval, t.undefinedWeak, t.sym, this.reserve(t, r.addend))) {
      if (r.type === 'LO12_I') this.relocs[k] = { ...r, type: 'GPREL_I', relax: false };
      else if (r.type === 'LO12_S') this.relocs[k] = { ...r, type: 'GPREL_S', relax: false };
      else this.markDelete(k, r.offset, 4);
      return;
    }
    const hi = highPart(symval);
    if (r.type === 'HI20' && this.ctx.rvc(this.s) && fitsCLui(hi) && fitsCLui(hi + 0x1000)) {
      const lui = read32(this.s.bytes, r.offset);
      const rd = (lui >>> 7) & 31;
      if (rd === 0 || rd === 2) return;
      write32(this.s.bytes, r.offset, (lui & (31 << 7)) | 0x6001); // c.lui rd (low half), old upper half
      this.relocs[k] = { ...r, type: 'RVC_LUI', relax: false };
      this.markDeleteAfter(k, r.offset + 2, 2);
    }
  }

  /** _bfd_riscv_relax_pc: auipc to data near gp (or x0) deleted, %pcrel_lo users gp-relative. */
  private pcrel(k: number, r: LinkReloc, symval: number, t: SymbolRef): void {
    let target = symval;
    let weak = t.undefinedWeak;
    let targetSym = t.sym;
    let hiInfo: PcrelHi | undefined;
    if (r.type === 'PCREL_LO12_I' || r.type === 'PCREL_LO12_S') {
      const hiOffset = symval - (t.sym?.section !== undefined ? this.ctx.addressOf(t.sym.section) : 0) - r.addend;
      hiInfo = t.sym?.section === this.s ? this.his.find((h) => h.offset === hiOffset) : undefined;
      if (hiInfo === undefined) {
        this.unrelaxableHi.add(hiOffset);
        return;
      }
      target = hiInfo.target;
      weak = hiInfo.undefinedWeak;
      targetSym = hiInfo.sym;
    } else {
      // Code (and mergeable data) might move out of range later: only data is relaxed.
      if (!weak && t.sym?.section?.kind === 'text') return;
      if (this.unrelaxableHi.has(r.offset)) return;
    }
    if (!this.gpWindow(target, weak, targetSym, this.reserve(t, r.addend))) return;
    if (hiInfo !== undefined) {
      this.relocs[k] = { ...r, type: r.type === 'PCREL_LO12_I' ? 'GPREL_I' : 'GPREL_S', symbol: hiInfo.symbol, addend: r.addend + hiInfo.addend, relax: false };
      return;
    }
    this.his.push({ offset: r.offset, addend: r.addend, target, symbol: r.symbol, sym: t.sym, undefinedWeak: weak });
    this.markDelete(k, r.offset, 4);
  }

  /** Returns whether the section had alignments (then ld never relaxes it again). */
  pass1(): boolean {
    let any = false;
    for (let k = 0; k < this.relocs.length; k++) {
      const r = this.relocs[k];
      if (r.type !== 'ALIGN') continue;
      any = true;
      let alignment = 1;
      while (alignment <= r.addend) alignment *= 2;
      const at = this.pc(r);
      const aligned = Math.ceil(at / alignment) * alignment;
      const nops = aligned - at;
      if (r.addend < nops) {
        throw new RvnError(`${formatLocation(r.origin.at)}: ${nops} bytes required for alignment to a ${alignment}-byte boundary, but only ${r.addend} present`);
      }
      this.relocs[k] = { ...r, type: 'NONE' };
      if (nops === r.addend) continue;
      let pos = 0;
      for (; pos < (nops & ~3); pos += 4) write32(this.s.bytes, r.offset + pos, NOP);
      if (nops % 4 !== 0) write16(this.s.bytes, r.offset + pos, C_NOP);
      deleteBytes(this.ctx, this.s, r.offset + nops, r.addend - nops, this.s.size, 0);
    }
    return any;
  }
}

/** Runs ld's relaxation passes over the input sections (see the file comment). */
export function relaxSections(inputs: readonly InputSection[], ctx: RelaxContext): void {
  if (!inputs.some((s) => s.relocs.some((r) => r.type === 'ALIGN' || r.relax))) return;
  const aligned = new Set<InputSection>();
  for (const pass of [0, 1]) {
    if (pass === 0 && !ctx.relax) continue;
    for (let trip = 0; ; trip++) {
      if (trip > 1000) throw new RvnError('linker relaxation did not converge');
      let again = false;
      ctx.walk((s) => {
        if (s.kind !== 'text' || aligned.has(s)) return;
        const r = new SectionRelaxer(ctx, s);
        // ld: once a section's alignments are done, it is never relaxed again.
        if (pass === 0) r.pass0();
        else if (r.pass1()) aligned.add(s);
        again ||= r.again;
      });
      if (!again) break;
    }
  }
}
