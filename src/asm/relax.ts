/**
 * Layout of one section: item offsets, with branch lengths chosen as GNU as does with linker
 * relaxation off (tc-riscv.c relaxed_branch_length): a branch or jump to a label defined in the
 * same section gets its compressed form when the distance fits (c.beqz/c.bnez: -256..254,
 * c.j: -2048..2046), else the 4-byte form when it fits (branches -4096..4094), else a
 * conditional branch is inverted around a `jal` (6 bytes with c.b, 8 without). A target in
 * another section or file is assumed far for branches (8 bytes) and near for jumps (4).
 * Which lengths win when several layouts are consistent follows GNU as's relax_segment
 * (see layoutSection).
 */
import { RvnError } from '../errors';
import type { Encoder } from './encode';
import type { Expr, Value } from './expr';
import type { AlignItem, BranchItem, Item, SectionState } from './items';
import type { ObjSection, Relocation, RelocType } from './object';
import type { Origin } from './source';

/** Where a branch target lies when it is in this section: the label's item index, plus addend. */
export type LocalTarget = (e: Expr) => { item: number; add: number } | undefined;

/** Bytes of padding an alignment item needs at offset `off`. */
function alignSize(it: AlignItem, off: number): number {
  if (it.relaxable) return it.relaxable.worstCase;
  const pad = (it.align - (off % it.align)) % it.align;
  return it.max !== undefined && pad > it.max ? 0 : pad;
}

/** Size of an item at offset `off`; `.org` targets need the item offsets (`offsets`). */
function itemSize(it: Item, off: number, orgTarget?: (i: number) => number): number {
  switch (it.k) {
    case 'bytes': return it.data.length;
    case 'data': return it.width;
    case 'insn': return it.size;
    case 'branch': return it.size;
    case 'space': return it.size;
    case 'label': return 0;
    case 'align': return alignSize(it, off);
    case 'org': {
      const target = it.offset + (it.label !== undefined && orgTarget ? orgTarget(it.label) : 0);
      return Math.max(0, target - off);
    }
  }
}

function fits(dist: number, range: number): boolean {
  return dist >= -range / 2 && dist < range / 2;
}

function neededSize(b: BranchItem, at: number, target: number | undefined): number {
  if (target === undefined) return b.jump ? 4 : 8;
  const d = target - at;
  if (b.jump) return b.rvc && fits(d, 1 << 12) ? 2 : 4;
  if (b.rvc && fits(d, 1 << 9)) return 2;
  if (fits(d, 1 << 13)) return 4;
  return b.rvc ? 6 : 8;
}

/**
 * GNU as's fragments: fixed bytes followed by at most one variable part (a relaxable branch,
 * an alignment or a .space). A label's value is its fragment's address plus its offset there.
 */
interface Frag {
  /** Index of the item forming the variable part, or -1 at the section end. */
  readonly varItem: number;
  /** Bytes of the fixed part. */
  readonly fix: number;
}

function splitFrags(items: readonly Item[]): { frags: Frag[]; fragOf: number[]; offIn: number[] } {
  const frags: Frag[] = [];
  const fragOf: number[] = [];
  const offIn: number[] = [];
  let fix = 0;
  items.forEach((it, i) => {
    fragOf.push(frags.length);
    offIn.push(fix);
    if (it.k === 'branch' || it.k === 'align' || it.k === 'space' || it.k === 'org') {
      frags.push({ varItem: i, fix });
      fix = 0;
    } else fix += itemSize(it, 0);
  });
  fragOf.push(frags.length);
  offIn.push(fix);
  frags.push({ varItem: -1, fix });
  return { frags, fragOf, offIn };
}

/**
 * Offsets of every item (and the section end at index items.length), reproducing GNU as's
 * relax_segment: a first estimate in which labels not yet reached count at their offset inside
 * their fragment (whose address is still 0), then passes in which labels behind use this pass's
 * addresses and labels ahead the previous pass's, lengths growing or shrinking, the whole
 * repeated while any fragment address changes.
 */
export function layoutSection(s: SectionState, local: LocalTarget): number[] {
  const items = s.items;
  const { frags, fragOf, offIn } = splitFrags(items);
  const targets = items.map((it) => (it.k === 'branch' ? local(it.target) : undefined));
  const addr = new Array<number>(frags.length).fill(0);
  const lengthAt = (i: number, at: number): number => {
    const it = items[i] as BranchItem;
    const t = targets[i];
    return neededSize(it, at, t === undefined ? undefined : addr[fragOf[t.item]] + offIn[t.item] + t.add);
  };
  const labelAt = (i: number): number => addr[fragOf[i]] + offIn[i];
  const varSize = (f: Frag, at: number): number => {
    const it = items[f.varItem];
    if (it === undefined) return 0;
    if (it.k === 'branch') return it.size;
    return itemSize(it, at, labelAt);
  };
  let last = addr.slice();
  for (let call = 0; call < 100; call++) {
    // First loop: sequential addresses, branch lengths estimated from scratch.
    let a = 0;
    frags.forEach((f, k) => {
      addr[k] = a;
      a += f.fix;
      const it = items[f.varItem];
      if (it?.k === 'branch') it.size = lengthAt(f.varItem, a);
      a += varSize(f, a);
    });
    // Relaxation passes.
    for (let pass = 0; ; pass++) {
      if (pass > 1000) throw new RvnError(`${s.name}: branch relaxation did not converge`);
      let stretch = 0;
      let changed = false;
      frags.forEach((f, k) => {
        const was = addr[k];
        addr[k] += stretch;
        const it = items[f.varItem];
        let growth = 0;
        if (it?.k === 'branch') {
          const n = lengthAt(f.varItem, addr[k] + f.fix);
          growth = n - it.size;
          it.size = n;
        } else if (it?.k === 'align' || it?.k === 'org') {
          growth = itemSize(it, addr[k] + f.fix, labelAt) - itemSize(it, was + f.fix, labelAt);
        }
        stretch += growth;
        if (growth !== 0) changed = true;
      });
      if (!changed) break;
    }
    const moved = addr.some((v, k) => v !== last[k]);
    last = addr.slice();
    if (!moved) break;
  }
  const offsets = items.map((_, i) => addr[fragOf[i]] + offIn[i]);
  offsets.push(addr[fragOf[items.length]] + offIn[items.length]);
  return offsets;
}

const INVERT: Record<string, string> = { beq: 'bne', bne: 'beq', blt: 'bge', bge: 'blt', bltu: 'bgeu', bgeu: 'bltu' };

/** Padding for alignment in code: a zero byte if odd, one c.nop if 2 mod 4, then nops (riscv_make_nops). */
function codeFill(count: number): number[] {
  const out: number[] = [];
  if (count % 2 === 1) out.push(0);
  if ((count - out.length) % 4 === 2) out.push(0x01, 0x00);
  while (out.length < count) out.push(0x13, 0x00, 0x00, 0x00);
  return out;
}

class Writer {
  readonly bytes: number[] = [];
  readonly relocs: Relocation[] = [];
  word(w: number, size: number): void {
    for (let i = 0; i < size; i++) this.bytes.push((w >>> (8 * i)) & 255);
  }
  reloc(type: RelocType, v: Value, origin: Origin, relax?: boolean): void {
    if (v.sym === undefined) throw new RvnError('expression must refer to a symbol');
    this.relocs.push({ offset: this.bytes.length, type, symbol: v.sym, addend: Number(v.add), relax: relax || undefined, origin });
  }
}

function emitBranch(w: Writer, b: BranchItem, v: Value, enc: Encoder): void {
  if (v.sym === undefined) throw new RvnError('branch target must be a label');
  const { rs1, rs2, origin } = b;
  switch (b.jump ? b.size + 100 : b.size) {
    case 102: w.reloc('RVC_JUMP', v, origin); w.word(enc.encodeC('c.j', { imm: 0 }), 2); return;
    case 104: w.reloc('JAL', v, origin); w.word(enc.encode('jal', { rd: b.rd, imm: 0 }), 4); return;
    case 2:
      w.reloc('RVC_BRANCH', v, origin);
      w.word(enc.encodeC(b.name === 'beq' ? 'c.beqz' : 'c.bnez', { rs1p: rs1, imm: 0 }), 2);
      return;
    case 4: w.reloc('BRANCH', v, origin); w.word(enc.encode(b.name, { rs1, rs2, imm: 0 }), 4); return;
    case 6:
      w.word(enc.encodeC(b.name === 'beq' ? 'c.bnez' : 'c.beqz', { rs1p: rs1, imm: 6 }), 2);
      w.reloc('JAL', v, origin);
      w.word(enc.encode('jal', { rd: 0, imm: 0 }), 4);
      return;
    default:
      w.word(enc.encode(INVERT[b.name], { rs1, rs2, imm: 8 }), 4);
      w.reloc('JAL', v, origin);
      w.word(enc.encode('jal', { rd: 0, imm: 0 }), 4);
  }
}

/** Reports a problem found while writing a section (at the item's origin); writing goes on. */
export type ReportError = (e: unknown, origin: Origin) => void;

const NO_ORIGIN: Origin = { at: { file: '', line: 0 }, notes: [] };

function originOf(it: Item): Origin {
  return ('origin' in it ? it.origin : undefined) ?? NO_ORIGIN;
}

/** Section bytes and relocations once offsets are final. */
/**
 * A label difference the linker must compute (the labels lie in code that linker relaxation may
 * shrink): GNU as emits an R_RISCV_ADDn/SUBn pair for it.
 */
export type LinkTimeDifference = (e: Expr) => { readonly a: string; readonly b: string; readonly add: bigint } | undefined;

export interface EmitOptions {
  /** GNU as's riscv_handle_align leaves code alignment as zeros when relaxation is on at the end. */
  readonly zeroCodeAlign?: boolean;
  readonly linkTimeDifference?: LinkTimeDifference;
}

export function emitSection(s: SectionState, offsets: readonly number[], evalFinal: (e: Expr) => Value, enc: Encoder, report: ReportError, opts: EmitOptions = {}): ObjSection {
  const w = new Writer();
  let bssReported = false;
  s.items.forEach((it, i) => {
    const at = w.bytes.length;
    const relocs = w.relocs.length;
    try {
      emitItem(w, it, offsets, i, evalFinal, enc, opts);
    } catch (e) {
      report(e, originOf(it));
      // Keep the offsets right for the items after it.
      const size = (offsets[i + 1] ?? at) - offsets[i];
      w.bytes.length = at;
      for (let k = 0; k < size; k++) w.bytes.push(0);
    }
    if (s.kind === 'bss' && !bssReported && (w.bytes.slice(at).some((b) => b !== 0) || w.relocs.length > relocs)) {
      bssReported = true;
      report(new RvnError(`${s.name}: only zero-filled space may be placed in a bss section`), originOf(it));
    }
  });
  const size = w.bytes.length;
  return {
    name: s.name, kind: s.kind, alloc: s.flags.alloc, align: s.align,
    bytes: s.kind === 'bss' ? new Uint8Array(0) : Uint8Array.from(w.bytes), size, relocs: w.relocs,
  };
}

function emitItem(w: Writer, it: Item, offsets: readonly number[], i: number, evalFinal: (e: Expr) => Value, enc: Encoder, opts: EmitOptions): void {
  switch (it.k) {
    case 'bytes': for (const b of it.data) w.bytes.push(b); return;
    case 'space': for (let k = 0; k < it.size; k++) w.bytes.push(it.fill); return;
    case 'label': return;
    case 'org': {
      const n = offsets[i + 1] - offsets[i];
      const target = it.offset + (it.label !== undefined ? offsets[it.label] : 0);
      if (target < offsets[i]) throw new RvnError(`.org: attempt to move the location counter backwards (from ${offsets[i]} to ${target})`);
      for (let k = 0; k < n; k++) w.bytes.push(it.fill);
      return;
    }
    case 'align': {
      const n = offsets[i + 1] - offsets[i];
      if (it.relaxable) w.relocs.push({ offset: w.bytes.length, type: 'ALIGN', symbol: '', addend: n, origin: it.relaxable.origin });
      const nops = it.code && (it.relaxable !== undefined || !opts.zeroCodeAlign);
      const fillBytes = nops ? codeFill(n) : new Array<number>(n).fill(it.fill ?? 0);
      for (const b of fillBytes) w.bytes.push(b);
      return;
    }
    case 'insn':
      if (it.fix) w.reloc(it.fix.type, evalFinal(it.fix.expr), it.origin, it.relax);
      w.word(it.word, it.size);
      return;
    case 'data': {
      const diff = opts.linkTimeDifference?.(it.expr);
      if (diff !== undefined) {
        w.relocs.push({ offset: w.bytes.length, type: String(it.width * 8) as RelocType, symbol: diff.a, minus: diff.b, addend: Number(diff.add), origin: it.origin });
        for (let k = 0; k < it.width; k++) w.bytes.push(0);
        return;
      }
      const v = evalFinal(it.expr);
      if (v.sym !== undefined) w.reloc(String(it.width * 8) as RelocType, v, it.origin);
      for (let k = 0; k < it.width; k++) w.bytes.push(Number((BigInt.asUintN(64, v.sym === undefined ? v.add : 0n) >> BigInt(8 * k)) & 255n));
      return;
    }
    case 'branch':
      emitBranch(w, it, evalFinal(it.target), enc);
      return;
  }
}
