/**
 * ELF64 executable writer: one PT_LOAD per allocated section (file offset congruent to the
 * address modulo 4 KiB), the .riscv.attributes section with its PT_RISCV_ATTRIBUTES segment
 * (as GNU ld writes them: objdump and gdb choose CSR names by the privileged spec recorded
 * there), section headers for every section plus .symtab/.strtab/.shstrtab, and a symbol table
 * (locals first, as the gABI requires) so readelf, objdump and gdb can read it.
 */
import type { RiscvAttributes } from '../asm/object';
import type { LinkedImage, LinkedSection } from './image';
import * as E from './types';

const PAGE = 0x1000;

class Bytes {
  private buf = new Uint8Array(4096);
  private view = new DataView(this.buf.buffer);
  length = 0;

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = new Uint8Array(Math.max(this.buf.length * 2, this.length + n));
    next.set(this.buf);
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void { this.reserve(1); this.view.setUint8(this.length, v); this.length += 1; }
  u16(v: number): void { this.reserve(2); this.view.setUint16(this.length, v, true); this.length += 2; }
  u32(v: number): void { this.reserve(4); this.view.setUint32(this.length, v >>> 0, true); this.length += 4; }
  u64(v: number): void { this.reserve(8); this.view.setBigUint64(this.length, BigInt.asUintN(64, BigInt(v)), true); this.length += 8; }
  raw(b: Uint8Array): void { this.reserve(b.length); this.buf.set(b, this.length); this.length += b.length; }
  padTo(off: number): void { while (this.length < off) this.u8(0); }
  result(): Uint8Array { return this.buf.slice(0, this.length); }
}

class StrTab {
  readonly bytes: number[] = [0];
  add(s: string): number {
    if (s === '') return 0;
    const off = this.bytes.length;
    for (const b of new TextEncoder().encode(s)) this.bytes.push(b);
    this.bytes.push(0);
    return off;
  }
}

const flagsOf = (s: LinkedSection): number =>
  E.SHF_ALLOC | (s.kind === 'text' ? E.SHF_EXECINSTR : 0) | (s.kind === 'data' || s.kind === 'bss' ? E.SHF_WRITE : 0);

const pflagsOf = (s: LinkedSection): number =>
  E.PF_R | (s.kind === 'text' ? E.PF_X : 0) | (s.kind === 'data' || s.kind === 'bss' ? E.PF_W : 0);

function uleb(out: number[], v: number): void {
  do {
    const b = v & 0x7f;
    v = Math.floor(v / 128);
    out.push(v !== 0 ? b | 0x80 : b);
  } while (v !== 0);
}

/**
 * The .riscv.attributes contents: 'A', a "riscv" vendor subsection holding a Tag_File
 * subsection with Tag_RISCV_arch and the privileged spec version (zero parts left out).
 */
export function attributesSection(a: RiscvAttributes): Uint8Array {
  const attrs: number[] = [];
  uleb(attrs, E.Tag_RISCV_arch);
  for (const c of new TextEncoder().encode(a.arch)) attrs.push(c);
  attrs.push(0);
  const tags = [E.Tag_RISCV_priv_spec, E.Tag_RISCV_priv_spec_minor, E.Tag_RISCV_priv_spec_revision];
  a.privSpec.forEach((v, i) => {
    if (v === 0) return;
    uleb(attrs, tags[i]);
    uleb(attrs, v);
  });
  const le32 = (v: number): number[] => [v & 255, (v >>> 8) & 255, (v >>> 16) & 255, (v >>> 24) & 255];
  const file = [E.Tag_File, ...le32(5 + attrs.length), ...attrs];
  const vendor = [...new TextEncoder().encode('riscv'), 0];
  const sub = [...le32(4 + vendor.length + file.length), ...vendor, ...file];
  return Uint8Array.from([0x41, ...sub]);
}

const FLOAT_ABI = { lp64: E.EF_RISCV_FLOAT_ABI_SOFT, lp64f: E.EF_RISCV_FLOAT_ABI_SINGLE, lp64d: E.EF_RISCV_FLOAT_ABI_DOUBLE };

interface SymRow { name: number; info: number; shndx: number; value: number; size: number }

function symbolRows(image: LinkedImage, strtab: StrTab, index: Map<string, number>): { rows: SymRow[]; firstGlobal: number } {
  const type = { func: E.STT_FUNC, object: E.STT_OBJECT, notype: E.STT_NOTYPE };
  const rows: SymRow[] = [{ name: 0, info: 0, shndx: 0, value: 0, size: 0 }];
  const sorted = [...image.symbols.filter((s) => !s.global), ...image.symbols.filter((s) => s.global)];
  let firstGlobal = rows.length + sorted.filter((s) => !s.global).length;
  for (const s of sorted) {
    rows.push({
      name: strtab.add(s.name),
      info: ((s.weak ? E.STB_WEAK : s.global ? E.STB_GLOBAL : E.STB_LOCAL) << 4) | type[s.type],
      shndx: s.section === undefined ? E.SHN_ABS : index.get(s.section) ?? E.SHN_ABS,
      value: s.address,
      size: s.size,
    });
  }
  if (sorted.length === 0) firstGlobal = 1;
  return { rows, firstGlobal };
}

/** Serialises a linked image as an ELF64 little-endian RISC-V executable. */
export function writeElf(image: LinkedImage): Uint8Array {
  const secs = image.sections.filter((s) => s.size > 0);
  const attrs = image.attributes !== undefined ? attributesSection(image.attributes) : undefined;
  const phnum = secs.length + (attrs ? 1 : 0);
  const index = new Map(secs.map((s, i) => [s.name, i + 1]));
  const out = new Bytes();
  // Header placeholder; filled at the end once offsets are known.
  out.padTo(E.EHDR_SIZE + phnum * E.PHDR_SIZE);
  const offsets: number[] = [];
  for (const s of secs) {
    const want = s.address % PAGE;
    let off = out.length - (out.length % PAGE) + want;
    if (off < out.length) off += PAGE;
    offsets.push(off);
    if (s.kind !== 'bss') {
      out.padTo(off);
      out.raw(s.bytes);
    }
  }
  const attrOff = out.length;
  if (attrs) out.raw(attrs);
  const debug = image.debug ?? [];
  const debugOffs = debug.map((d) => {
    const off = out.length;
    out.raw(d.bytes);
    return off;
  });
  const strtab = new StrTab();
  const { rows, firstGlobal } = symbolRows(image, strtab, index);
  out.padTo(Math.ceil(out.length / 8) * 8);
  const symOff = out.length;
  for (const r of rows) {
    out.u32(r.name); out.u8(r.info); out.u8(0); out.u16(r.shndx); out.u64(r.value); out.u64(r.size);
  }
  const strOff = out.length;
  out.raw(Uint8Array.from(strtab.bytes));
  const shstr = new StrTab();
  const names = secs.map((s) => shstr.add(s.name));
  const nAttr = attrs ? shstr.add('.riscv.attributes') : 0;
  const nDebug = debug.map((d) => shstr.add(d.name));
  const nSym = shstr.add('.symtab');
  const nStr = shstr.add('.strtab');
  const nShs = shstr.add('.shstrtab');
  const shsOff = out.length;
  out.raw(Uint8Array.from(shstr.bytes));
  out.padTo(Math.ceil(out.length / 8) * 8);
  const shOff = out.length;
  const sh = (name: number, type: number, flags: number, addr: number, off: number, size: number, link: number, info: number, align: number, entsize: number): void => {
    out.u32(name); out.u32(type); out.u64(flags); out.u64(addr); out.u64(off); out.u64(size);
    out.u32(link); out.u32(info); out.u64(align); out.u64(entsize);
  };
  sh(0, E.SHT_NULL, 0, 0, 0, 0, 0, 0, 0, 0);
  secs.forEach((s, i) => sh(names[i], s.kind === 'bss' ? E.SHT_NOBITS : E.SHT_PROGBITS, flagsOf(s), s.address, offsets[i], s.size, 0, 0, s.align, 0));
  if (attrs) sh(nAttr, E.SHT_RISCV_ATTRIBUTES, 0, 0, attrOff, attrs.length, 0, 0, 1, 0);
  debug.forEach((d, i) => sh(nDebug[i], E.SHT_PROGBITS, 0, 0, debugOffs[i], d.bytes.length, 0, 0, 1, 0));
  const symIdx = secs.length + (attrs ? 2 : 1) + debug.length;
  sh(nSym, E.SHT_SYMTAB, 0, 0, symOff, rows.length * E.SYM_SIZE, symIdx + 1, firstGlobal, 8, E.SYM_SIZE);
  sh(nStr, E.SHT_STRTAB, 0, 0, strOff, strtab.bytes.length, 0, 0, 1, 0);
  sh(nShs, E.SHT_STRTAB, 0, 0, shsOff, shstr.bytes.length, 0, 0, 1, 0);
  const shnum = symIdx + 3;
  const bytes = out.result();
  const h = new Bytes();
  h.raw(Uint8Array.from([...E.ELFMAG, E.ELFCLASS64, E.ELFDATA2LSB, E.EV_CURRENT, E.ELFOSABI_SYSV, 0, 0, 0, 0, 0, 0, 0, 0]));
  h.u16(E.ET_EXEC); h.u16(E.EM_RISCV); h.u32(E.EV_CURRENT); h.u64(image.entry); h.u64(E.EHDR_SIZE); h.u64(shOff);
  h.u32((image.rvc ? E.EF_RISCV_RVC : 0) | FLOAT_ABI[image.abi ?? 'lp64']);
  h.u16(E.EHDR_SIZE); h.u16(E.PHDR_SIZE); h.u16(phnum); h.u16(E.SHDR_SIZE); h.u16(shnum); h.u16(shnum - 1);
  if (attrs) {
    h.u32(E.PT_RISCV_ATTRIBUTES); h.u32(E.PF_R); h.u64(attrOff); h.u64(0); h.u64(0);
    h.u64(attrs.length); h.u64(0); h.u64(1);
  }
  secs.forEach((s, i) => {
    h.u32(E.PT_LOAD); h.u32(pflagsOf(s)); h.u64(offsets[i]); h.u64(s.address); h.u64(s.loadAddress ?? s.address);
    h.u64(s.kind === 'bss' ? 0 : s.size); h.u64(s.size); h.u64(PAGE);
  });
  bytes.set(h.result(), 0);
  return bytes;
}
