/**
 * Layout of one section: item offsets, with branch lengths chosen as GNU as does with linker
 * relaxation off (tc-riscv.c relaxed_branch_length): a branch or jump to a label defined in the
 * same section gets its compressed form when the distance fits (c.beqz/c.bnez: -256..254,
 * c.j: -2048..2046), else the 4-byte form when it fits (branches -4096..4094), else a
 * conditional branch is inverted around a `jal` (6 bytes with c.b, 8 without). A target in
 * another section or file is assumed far for branches (8/6... GNU as uses 8) and near for jumps (4).
 * Lengths only grow while iterating, so layout always terminates.
 */
import { RvnError } from '../errors';
import type { Encoder } from './encode';
import type { Expr, Value } from './expr';
import type { BranchItem, Item, SectionState } from './items';
import type { ObjSection, Relocation, RelocType } from './object';

/** Where a branch target lies when it is in this section: the label's item index, plus addend. */
export type LocalTarget = (e: Expr) => { item: number; add: number } | undefined;

function itemSize(it: Item, off: number): number {
  switch (it.k) {
    case 'bytes': return it.data.length;
    case 'data': return it.width;
    case 'insn': return it.size;
    case 'branch': return it.size;
    case 'space': return it.size;
    case 'label': return 0;
    case 'align': {
      const pad = (it.align - (off % it.align)) % it.align;
      return it.max !== undefined && pad > it.max ? 0 : pad;
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

/** Offsets of every item (and the section end at index items.length). */
export function layoutSection(s: SectionState, local: LocalTarget): number[] {
  const n = s.items.length;
  const offsets = new Array<number>(n + 1).fill(0);
  const targets = s.items.map((it) => (it.k === 'branch' ? local(it.target) : undefined));
  for (let round = 0; round < 1000; round++) {
    let off = 0;
    for (let i = 0; i < n; i++) {
      offsets[i] = off;
      off += itemSize(s.items[i], off);
    }
    offsets[n] = off;
    let changed = false;
    s.items.forEach((it, i) => {
      if (it.k !== 'branch') return;
      const t = targets[i];
      const need = neededSize(it, offsets[i], t === undefined ? undefined : offsets[t.item] + t.add);
      if (need > it.size) {
        it.size = need;
        changed = true;
      }
    });
    if (!changed) return offsets;
  }
  throw new RvnError(`${s.name}: branch relaxation did not converge`);
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
  reloc(type: RelocType, v: Value, line: number): void {
    if (v.sym === undefined) throw new RvnError(`${line}: expression must refer to a symbol`);
    this.relocs.push({ offset: this.bytes.length, type, symbol: v.sym, addend: Number(v.add), line });
  }
}

function emitBranch(w: Writer, b: BranchItem, v: Value, enc: Encoder): void {
  if (v.sym === undefined) throw new RvnError(`${b.line}: branch target must be a label`);
  const { rs1, rs2 } = b;
  switch (b.jump ? b.size + 100 : b.size) {
    case 102: w.reloc('RVC_JUMP', v, b.line); w.word(enc.encodeC('c.j', { imm: 0 }), 2); return;
    case 104: w.reloc('JAL', v, b.line); w.word(enc.encode('jal', { rd: b.rd, imm: 0 }), 4); return;
    case 2:
      w.reloc('RVC_BRANCH', v, b.line);
      w.word(enc.encodeC(b.name === 'beq' ? 'c.beqz' : 'c.bnez', { rs1p: rs1, imm: 0 }), 2);
      return;
    case 4: w.reloc('BRANCH', v, b.line); w.word(enc.encode(b.name, { rs1, rs2, imm: 0 }), 4); return;
    case 6:
      w.word(enc.encodeC(b.name === 'beq' ? 'c.bnez' : 'c.beqz', { rs1p: rs1, imm: 6 }), 2);
      w.reloc('JAL', v, b.line);
      w.word(enc.encode('jal', { rd: 0, imm: 0 }), 4);
      return;
    default:
      w.word(enc.encode(INVERT[b.name], { rs1, rs2, imm: 8 }), 4);
      w.reloc('JAL', v, b.line);
      w.word(enc.encode('jal', { rd: 0, imm: 0 }), 4);
  }
}

/** Section bytes and relocations once offsets are final. Errors carry "line: " prefixes. */
export function emitSection(s: SectionState, offsets: readonly number[], evalFinal: (e: Expr) => Value, enc: Encoder): ObjSection {
  const w = new Writer();
  s.items.forEach((it, i) => {
    switch (it.k) {
      case 'bytes': w.bytes.push(...it.data); return;
      case 'space': for (let k = 0; k < it.size; k++) w.bytes.push(it.fill); return;
      case 'label': return;
      case 'align': {
        const n = itemSize(it, offsets[i]);
        w.bytes.push(...(it.code ? codeFill(n) : new Array<number>(n).fill(it.fill ?? 0)));
        return;
      }
      case 'insn':
        if (it.fix) w.reloc(it.fix.type, evalOrLine(evalFinal, it.fix.expr, it.line), it.line);
        w.word(it.word, it.size);
        return;
      case 'data': {
        const v = evalOrLine(evalFinal, it.expr, it.line);
        if (v.sym !== undefined) w.reloc(String(it.width * 8) as RelocType, v, it.line);
        for (let k = 0; k < it.width; k++) w.bytes.push(Number((BigInt.asUintN(64, v.sym === undefined ? v.add : 0n) >> BigInt(8 * k)) & 255n));
        return;
      }
      case 'branch':
        emitBranch(w, it, evalOrLine(evalFinal, it.target, it.line), enc);
        return;
    }
  });
  const size = w.bytes.length;
  if (s.kind === 'bss' && (w.bytes.some((b) => b !== 0) || w.relocs.length > 0)) {
    throw new RvnError(`${s.name}: only zero-filled space may be placed in a bss section`);
  }
  return {
    name: s.name, kind: s.kind, alloc: s.alloc, align: s.align,
    bytes: s.kind === 'bss' ? new Uint8Array(0) : Uint8Array.from(w.bytes), size, relocs: w.relocs,
  };
}

function evalOrLine(f: (e: Expr) => Value, e: Expr, line: number): Value {
  try {
    return f(e);
  } catch (err) {
    throw new RvnError(`${line}: ${err instanceof Error ? err.message : String(err)}`);
  }
}
