/**
 * ELF64 reader: validates and parses a static little-endian RISC-V executable (ours or GCC's)
 * into plain data — loadable segments, sections, symbols, RISC-V attributes — plus symbol
 * lookups for the loader (tohost/fromhost by name) and for traces and the profiler (address →
 * function, by binary search over sorted ranges).
 *
 * Every malformed input is an RvnError with a one-line message; no read goes out of bounds, so
 * a bad file never surfaces as a RangeError. Addresses are JS numbers: values at or above 2^53
 * (sign-extended kernel addresses) are rejected for segments and the entry point, and symbols
 * with such values are kept but never returned by address lookups.
 *
 * References: System V gABI (ELF-64 object file format 1.5), RISC-V ELF psABI.
 */
import { RvnError } from '../errors';
import {
  ELFCLASS32, ELFCLASS64, ELFDATA2LSB, ELFDATA2MSB, ELFMAG, EM_RISCV, ET_CORE, ET_DYN, ET_EXEC,
  ET_NONE, ET_REL, EHDR_SIZE, PHDR_SIZE, PT_LOAD, SHDR_SIZE, SHF_EXECINSTR, SHN_LORESERVE, SHN_UNDEF,
  SHT_NOBITS, SHT_NULL, SHT_RISCV_ATTRIBUTES, SHT_SYMTAB, STB_GLOBAL, STB_LOCAL, STB_WEAK, STT_FILE,
  STT_FUNC, STT_NOTYPE, STT_OBJECT, STT_SECTION, SYM_SIZE, Tag_RISCV_arch, Tag_RISCV_priv_spec,
  Tag_RISCV_priv_spec_minor, Tag_RISCV_priv_spec_revision,
} from './types';

export interface ElfSegment {
  /** Index in the program header table. */
  readonly index: number;
  readonly type: number;
  /** PF_R | PF_W | PF_X. */
  readonly flags: number;
  readonly offset: number;
  readonly vaddr: number;
  /** The emulator loads here (as Spike and QEMU do for bare-metal images). */
  readonly paddr: number;
  readonly filesz: number;
  readonly memsz: number;
  readonly align: number;
  /** The filesz bytes from the file (a view, not a copy); memsz - filesz more are zero. */
  readonly bytes: Uint8Array;
}

export interface ElfSection {
  readonly index: number;
  readonly name: string;
  readonly type: number;
  readonly flags: number;
  readonly addr: number;
  readonly offset: number;
  readonly size: number;
  readonly link: number;
  readonly info: number;
  readonly addralign: number;
  readonly entsize: number;
  /** Contents (a view); empty for SHT_NOBITS and SHT_NULL. */
  readonly bytes: Uint8Array;
}

export type SymbolType = 'NOTYPE' | 'OBJECT' | 'FUNC' | 'SECTION' | 'FILE' | 'OTHER';
export type SymbolBinding = 'LOCAL' | 'GLOBAL' | 'WEAK' | 'OTHER';

export interface ElfSymbol {
  readonly name: string;
  readonly value: number;
  readonly size: number;
  readonly type: SymbolType;
  readonly bind: SymbolBinding;
  /** Section index (SHN_UNDEF, a real section, or a reserved index such as SHN_ABS). */
  readonly shndx: number;
}

/** The RISC-V build attributes (psABI "Attributes"), when the file has them. */
export interface RiscvAttributes {
  readonly arch?: string;
  /** Privileged spec version [major, minor, revision], if recorded. */
  readonly privSpec?: readonly [number, number, number];
}

export interface ElfImage {
  readonly entry: number;
  /** e_flags (EF_RISCV_RVC, float ABI, ...). */
  readonly flags: number;
  /** PT_LOAD segments in program-header order. */
  readonly segments: readonly ElfSegment[];
  /** All section headers (index 0 is the null section); empty if the file has none. */
  readonly sections: readonly ElfSection[];
  /** The .symtab entries except the null symbol 0; empty if stripped. */
  readonly symbols: readonly ElfSymbol[];
  readonly attributes?: RiscvAttributes;
}

const MAX_SAFE_HI = 0x200000; // a 64-bit value whose high word reaches this is >= 2^53
/** Larger than any memory rvn can emulate: a memsz above this is an absurd header. */
const MAX_SEGMENT_SIZE = 2 ** 40;

/** Bounds-checked little-endian field access over the file. */
class Bytes {
  private readonly view: DataView;
  constructor(readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }
  get length(): number {
    return this.data.length;
  }
  u8(off: number): number {
    return this.data[off];
  }
  u16(off: number): number {
    return this.view.getUint16(off, true);
  }
  u32(off: number): number {
    return this.view.getUint32(off, true);
  }
  /** A 64-bit field as a number, or NaN when it is 2^53 or more. */
  u64(off: number): number {
    const lo = this.view.getUint32(off, true);
    const hi = this.view.getUint32(off + 4, true);
    return hi >= MAX_SAFE_HI ? NaN : hi * 2 ** 32 + lo;
  }
}

const hex = (v: number): string => '0x' + v.toString(16);

function fail(message: string): never {
  throw new RvnError(`ELF: ${message}`);
}

/** Parses and validates an ELF64 little-endian RISC-V static executable. */
export function readElf(data: Uint8Array): ElfImage {
  const b = new Bytes(data);
  const h = readHeader(b);
  const segments = readSegments(b, h);
  const sections = readSections(b, h);
  const symbols = readSymbols(b, sections);
  const attrSection = sections.find((s) => s.type === SHT_RISCV_ATTRIBUTES);
  const attributes = attrSection ? readAttributes(attrSection.bytes) : undefined;
  return { entry: h.entry, flags: h.flags, segments, sections, symbols, attributes };
}

interface Header {
  entry: number;
  flags: number;
  phoff: number;
  phnum: number;
  shoff: number;
  shnum: number;
  shstrndx: number;
}

const MACHINES: Record<number, string> = { 3: 'x86', 8: 'MIPS', 20: 'PowerPC', 21: 'PowerPC64', 40: 'ARM', 62: 'x86-64', 183: 'AArch64', 258: 'LoongArch' };
const TYPES: Record<number, string> = { [ET_NONE]: 'NONE', [ET_REL]: 'REL (relocatable object)', [ET_DYN]: 'DYN (shared object or PIE)', [ET_CORE]: 'CORE (core dump)' };

function readHeader(b: Bytes): Header {
  if (b.length === 0) fail('file is empty');
  if (ELFMAG.some((m, i) => i < b.length && b.u8(i) !== m)) fail('not an ELF file (bad magic number)');
  if (b.length < EHDR_SIZE) fail(`file is truncated: ${b.length} bytes, shorter than the 64-byte ELF64 header`);
  const cls = b.u8(4);
  if (cls === ELFCLASS32) fail('32-bit ELF (ELFCLASS32); rvn runs RV64 and needs ELF64');
  if (cls !== ELFCLASS64) fail(`invalid ELF class ${cls}`);
  const enc = b.u8(5);
  if (enc === ELFDATA2MSB) fail('big-endian ELF (ELFDATA2MSB); RISC-V images are little-endian');
  if (enc !== ELFDATA2LSB) fail(`invalid ELF data encoding ${enc}`);
  if (b.u8(6) !== 1 || b.u32(20) !== 1) fail(`unsupported ELF version ${b.u8(6)}`);
  const type = b.u16(16);
  const machine = b.u16(18);
  if (machine !== EM_RISCV) fail(`machine is ${MACHINES[machine] ?? machine} (e_machine ${machine}), not RISC-V (243)`);
  if (type !== ET_EXEC) fail(`type is ${TYPES[type] ?? type}, not a static executable (EXEC)`);
  const entry = b.u64(24);
  if (Number.isNaN(entry)) fail('entry point at or above 2^53 is not supported');
  const phoff = b.u64(32);
  const shoff = b.u64(40);
  const phentsize = b.u16(54);
  const phnum = b.u16(56);
  const shentsize = b.u16(58);
  const shnum = b.u16(60);
  const shstrndx = b.u16(62);
  if (phnum === 0) fail('no program headers (nothing to load)');
  if (phentsize !== PHDR_SIZE) fail(`program header entry size is ${phentsize}, expected ${PHDR_SIZE}`);
  checkTable(b, 'program header table', phoff, phnum, PHDR_SIZE);
  if (shnum > 0) {
    if (shentsize !== SHDR_SIZE) fail(`section header entry size is ${shentsize}, expected ${SHDR_SIZE}`);
    checkTable(b, 'section header table', shoff, shnum, SHDR_SIZE);
    if (shstrndx >= shnum) fail(`section name table index ${shstrndx} is out of range (${shnum} sections)`);
  }
  return { entry, flags: b.u32(48), phoff, phnum, shoff, shnum, shstrndx };
}

function checkTable(b: Bytes, what: string, off: number, n: number, size: number): void {
  if (Number.isNaN(off) || off + n * size > b.length) {
    fail(`${what} (${n} entries at offset ${Number.isNaN(off) ? '>= 2^53' : hex(off)}) extends beyond the end of the file (${b.length} bytes)`);
  }
}

function readSegments(b: Bytes, h: Header): ElfSegment[] {
  const out: ElfSegment[] = [];
  for (let i = 0; i < h.phnum; i++) {
    const p = h.phoff + i * PHDR_SIZE;
    if (b.u32(p) !== PT_LOAD) continue;
    const seg = {
      index: i, type: PT_LOAD, flags: b.u32(p + 4), offset: b.u64(p + 8), vaddr: b.u64(p + 16),
      paddr: b.u64(p + 24), filesz: b.u64(p + 32), memsz: b.u64(p + 40), align: b.u64(p + 48),
    };
    const name = `segment ${i} (PT_LOAD)`;
    for (const k of ['offset', 'vaddr', 'paddr', 'filesz', 'memsz'] as const) {
      if (Number.isNaN(seg[k])) fail(`${name} has p_${k} at or above 2^53`);
    }
    if (seg.filesz > seg.memsz) fail(`${name} has p_filesz ${hex(seg.filesz)} larger than p_memsz ${hex(seg.memsz)}`);
    if (seg.memsz > MAX_SEGMENT_SIZE) fail(`${name} has an absurd size p_memsz ${hex(seg.memsz)}`);
    if (seg.filesz > 0 && seg.offset + seg.filesz > b.length) {
      fail(`${name} file range ${hex(seg.offset)}+${hex(seg.filesz)} extends beyond the end of the file (${b.length} bytes)`);
    }
    out.push({ ...seg, bytes: b.data.subarray(seg.offset, seg.offset + seg.filesz) });
  }
  if (out.length === 0) fail('no PT_LOAD segment (nothing to load)');
  checkOverlap(out);
  return out;
}

/** Two segments loading into the same physical bytes make the image ambiguous. */
function checkOverlap(segs: readonly ElfSegment[]): void {
  const sorted = segs.filter((s) => s.memsz > 0).sort((x, y) => x.paddr - y.paddr);
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const c = sorted[i];
    if (a.paddr + a.memsz > c.paddr) {
      fail(`segments ${a.index} and ${c.index} overlap at physical address ${hex(c.paddr)}`);
    }
  }
}

function readSections(b: Bytes, h: Header): ElfSection[] {
  const raw = [];
  for (let i = 0; i < h.shnum; i++) {
    const s = h.shoff + i * SHDR_SIZE;
    const sec = {
      index: i, nameOff: b.u32(s), type: b.u32(s + 4), flags: b.u64(s + 8), addr: b.u64(s + 16),
      offset: b.u64(s + 24), size: b.u64(s + 32), link: b.u32(s + 40), info: b.u32(s + 44),
      addralign: b.u64(s + 48), entsize: b.u64(s + 56),
    };
    const hasBytes = sec.type !== SHT_NOBITS && sec.type !== SHT_NULL;
    if (hasBytes && (Number.isNaN(sec.offset) || Number.isNaN(sec.size) || sec.offset + sec.size > b.length)) {
      fail(`section ${i} (offset ${hex(sec.offset)}, size ${hex(sec.size)}) extends beyond the end of the file (${b.length} bytes)`);
    }
    raw.push({ ...sec, bytes: hasBytes ? b.data.subarray(sec.offset, sec.offset + sec.size) : new Uint8Array(0) });
  }
  if (raw.length === 0) return [];
  const names = raw[h.shstrndx].bytes;
  return raw.map(({ nameOff, ...sec }) => ({ ...sec, name: cString(names, nameOff, `section ${sec.index} name`) }));
}

/** A NUL-terminated string at `off` of a string table. */
function cString(table: Uint8Array, off: number, what: string): string {
  if (off >= table.length && off !== 0) fail(`${what} offset ${hex(off)} is outside its string table`);
  let end = off;
  while (end < table.length && table[end] !== 0) end++;
  if (end >= table.length && off < table.length) fail(`${what} is not NUL-terminated`);
  let s = '';
  for (let i = off; i < end; i++) s += String.fromCharCode(table[i]);
  return s;
}

const SYM_TYPES: Record<number, SymbolType> = { [STT_NOTYPE]: 'NOTYPE', [STT_OBJECT]: 'OBJECT', [STT_FUNC]: 'FUNC', [STT_SECTION]: 'SECTION', [STT_FILE]: 'FILE' };
const SYM_BINDS: Record<number, SymbolBinding> = { [STB_LOCAL]: 'LOCAL', [STB_GLOBAL]: 'GLOBAL', [STB_WEAK]: 'WEAK' };

function readSymbols(b: Bytes, sections: readonly ElfSection[]): ElfSymbol[] {
  const symtab = sections.find((s) => s.type === SHT_SYMTAB);
  if (!symtab) return [];
  if (symtab.entsize !== SYM_SIZE) fail(`symbol table entry size is ${symtab.entsize}, expected ${SYM_SIZE}`);
  if (symtab.size % SYM_SIZE !== 0) fail(`symbol table size ${hex(symtab.size)} is not a multiple of ${SYM_SIZE}`);
  const strtab = sections[symtab.link];
  if (!strtab || symtab.link === 0) fail(`symbol table links to invalid string table section ${symtab.link}`);
  const out: ElfSymbol[] = [];
  const base = symtab.offset;
  for (let off = SYM_SIZE; off < symtab.size; off += SYM_SIZE) {
    const p = base + off;
    const info = b.u8(p + 4);
    const value = b.u64(p + 8);
    out.push({
      name: cString(strtab.bytes, b.u32(p), `symbol ${off / SYM_SIZE} name`),
      value: Number.isNaN(value) ? Infinity : value,
      size: b.u64(p + 16) || 0,
      type: SYM_TYPES[info & 15] ?? 'OTHER',
      bind: SYM_BINDS[info >> 4] ?? 'OTHER',
      shndx: b.u16(p + 6),
    });
  }
  return out;
}

/**
 * The psABI attributes section: 'A', then sub-sections (u32 length, "riscv\0", then
 * sub-sub-sections: tag 1 = whole file, u32 length, ULEB128 tag/value pairs; even tags carry a
 * ULEB128 integer, odd tags a NUL-terminated string). Anything malformed is ignored: the
 * attributes only choose CSR names for the disassembler.
 */
function readAttributes(bytes: Uint8Array): RiscvAttributes | undefined {
  if (bytes.length < 1 || bytes[0] !== 0x41) return undefined;
  const r = { pos: 1 };
  const u32 = (at: number): number => bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | ((bytes[at + 3] << 24) >>> 0);
  const uleb = (): number => {
    let v = 0;
    for (let shift = 0; r.pos < bytes.length && shift < 35; shift += 7) {
      const c = bytes[r.pos++];
      v += (c & 0x7f) * 2 ** shift;
      if ((c & 0x80) === 0) break;
    }
    return v;
  };
  const str = (): string => {
    let s = '';
    while (r.pos < bytes.length && bytes[r.pos] !== 0) s += String.fromCharCode(bytes[r.pos++]);
    r.pos++;
    return s;
  };
  if (r.pos + 4 > bytes.length) return undefined;
  const subEnd = Math.min(bytes.length, r.pos + (u32(r.pos) >>> 0));
  r.pos += 4;
  if (str() !== 'riscv') return undefined;
  const vals = new Map<number, number | string>();
  while (r.pos + 5 <= subEnd) {
    const tag = uleb();
    const len = u32(r.pos) >>> 0;
    const end = Math.min(subEnd, r.pos - 1 + len);
    r.pos += 4;
    if (tag !== 1) {
      r.pos = end;
      continue;
    }
    while (r.pos < end) {
      const t = uleb();
      vals.set(t, t % 2 === 0 ? uleb() : str());
    }
  }
  const arch = vals.get(Tag_RISCV_arch);
  const major = vals.get(Tag_RISCV_priv_spec);
  const num = (t: number): number => (typeof vals.get(t) === 'number' ? (vals.get(t) as number) : 0);
  return {
    arch: typeof arch === 'string' ? arch : undefined,
    privSpec: typeof major === 'number' ? [major, num(Tag_RISCV_priv_spec_minor), num(Tag_RISCV_priv_spec_revision)] : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Lookups.

/** A named code range for traces and the profiler. */
export interface FunctionRange {
  readonly name: string;
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
}

export interface SymbolIndex {
  /** The first defined symbol of that name (globals before locals), e.g. tohost/fromhost. */
  byName(name: string): ElfSymbol | undefined;
  /** The function (or code label) whose range contains `addr`. */
  functionAt(addr: number): FunctionRange | undefined;
  /** All function ranges, sorted by start address. */
  readonly functions: readonly FunctionRange[];
}

/** Symbols that name code: functions, and untyped labels in executable sections (asm entry points). */
function isCodeSymbol(s: ElfSymbol, sections: readonly ElfSection[]): boolean {
  if (s.shndx === SHN_UNDEF || s.shndx >= SHN_LORESERVE || !Number.isFinite(s.value)) return false;
  if (s.name === '' || s.name.startsWith('$') || s.name.startsWith('.L')) return false;
  if (s.type === 'FUNC') return true;
  const sec = sections[s.shndx];
  return s.type === 'NOTYPE' && sec !== undefined && (sec.flags & SHF_EXECINSTR) !== 0;
}

/** Builds the lookups over an image's symbol table (once per image; O(log n) per query). */
export function indexSymbols(image: ElfImage): SymbolIndex {
  const byName = new Map<string, ElfSymbol>();
  const rank = (s: ElfSymbol): number => (s.bind === 'GLOBAL' ? 0 : s.bind === 'WEAK' ? 1 : 2);
  for (const s of image.symbols) {
    if (s.shndx === SHN_UNDEF || s.name === '') continue;
    const prev = byName.get(s.name);
    if (!prev || rank(s) < rank(prev)) byName.set(s.name, s);
  }
  const functions = buildRanges(image);
  return {
    byName: (name) => byName.get(name),
    functionAt: (addr) => findRange(functions, addr),
    functions,
  };
}

function buildRanges(image: ElfImage): FunctionRange[] {
  const code = image.symbols.filter((s) => isCodeSymbol(s, image.sections));
  // At one address prefer a sized FUNC, then a global: it is the name a programmer expects.
  const pref = (s: ElfSymbol): number => (s.type === 'FUNC' ? 0 : 2) + (s.bind === 'LOCAL' ? 1 : 0);
  code.sort((x, y) => x.value - y.value || pref(x) - pref(y));
  const starts = code.filter((s, i) => i === 0 || s.value !== code[i - 1].value);
  return starts.map((s, i) => {
    const sec = image.sections[s.shndx];
    const secEnd = sec ? sec.addr + sec.size : s.value + s.size;
    const next = i + 1 < starts.length ? starts[i + 1].value : Infinity;
    const end = s.size > 0 ? s.value + s.size : Math.min(next, secEnd);
    return { name: s.name, start: s.value, end: Math.max(end, s.value) };
  });
}

/** The range of `ranges` (sorted by start) that contains addr, by binary search. */
export function findRange(ranges: readonly FunctionRange[], addr: number): FunctionRange | undefined {
  let lo = 0;
  let hi = ranges.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (ranges[mid].start <= addr) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  if (found < 0) return undefined;
  const r = ranges[found];
  return addr < r.end ? r : undefined;
}

/** Convenience: a symbol by name (tohost, fromhost, __global_pointer$). */
export function findSymbol(image: ElfImage, name: string): ElfSymbol | undefined {
  return indexSymbols(image).byName(name);
}
