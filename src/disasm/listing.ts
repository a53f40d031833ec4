/**
 * objdump -d for a whole image: every executable section, split at symbols, each line
 * "<address>:\t<encoding>\t<instruction>", runs of zero bytes shown as "...", data regions
 * (RISC-V $d mapping symbols) as .word/.short/.byte — laid out as binutils 2.40 lays them out.
 */
import type { ElfImage, ElfSection } from '../elf/reader';
import { SHF_EXECINSTR, SHT_NOBITS } from '../elf/types';
import { createDisassembler, type Disassembler } from './engine';
import type { PrivSpec } from './names';
import { findSymbol, inSection, nameWithOffset, sortedSymbols, type ListingSymbol } from './symbols';

export interface ListingOptions {
  /** objdump's aliases (default) or -M no-aliases. */
  readonly aliases: boolean;
  /** rvn names for uipi words and N/UINTR CSRs (not objdump's output). */
  readonly rvnNames?: boolean;
  /** Print objdump's "<file>:     file format elf64-littleriscv" heading. */
  readonly fileName?: string;
}

/** objdump skips a run of this many zero bytes (SKIP_ZEROES), and shorter ones at the end. */
const SKIP_ZEROES = 8;
const SKIP_ZEROES_AT_END = 3;
const BYTES_PER_LINE = 8;

export function disassembleElf(image: ElfImage, options: ListingOptions): string {
  const syms = sortedSymbols(image);
  const gpSym = syms.find((s) => s.name === '__global_pointer$');
  // The section being listed: objdump prefers its symbols when naming an address.
  let current: ElfSection = image.sections[0];
  const dis = createDisassembler({
    aliases: options.aliases,
    rvnNames: options.rvnNames,
    privSpec: privSpecOf(image),
    floatCsrAliases: hasFloat(image, syms),
    gp: gpSym?.value,
    // objdump prints bare 0x addresses when the file has no symbols at all.
    symbolize: syms.length === 0 ? undefined : (a) => symbolName(syms, a, current),
  });
  const out: string[] = [];
  if (options.fileName !== undefined) out.push('', `${options.fileName}:     file format elf64-littleriscv`, '');
  for (const sec of image.sections) {
    if ((sec.flags & SHF_EXECINSTR) === 0 || sec.type === SHT_NOBITS || sec.size === 0) continue;
    current = sec;
    out.push('', `Disassembly of section ${sec.name}:`);
    listSection(sec, syms, dis, out);
  }
  return out.join('\n') + '\n';
}

/** objdump picks the CSR names of the file's recorded privileged spec (1.12 when untagged). */
function privSpecOf(image: ElfImage): PrivSpec {
  const v = image.attributes?.privSpec;
  if (!v) return '1.12';
  return v[0] > 1 || (v[0] === 1 && v[1] >= 12) ? '1.12' : '1.11';
}

/**
 * Whether objdump assumes F: the arch comes from the attributes, else from an $x<arch> mapping
 * symbol, else it is objdump's default rv64gc (which has F).
 */
function hasFloat(image: ElfImage, syms: readonly ListingSymbol[]): boolean {
  const arch = image.attributes?.arch ?? syms.find((s) => s.name.startsWith('$xrv'))?.name.slice(2);
  if (arch === undefined) return true;
  const parts = arch.toLowerCase().replace(/^rv(32|64)/, '').split('_');
  return parts.some((p) => !/^[zsx]/.test(p) && /[fdgq]/.test(p.replace(/\d+(p\d+)?/g, '')));
}

/** The text inside <...> for an address: a symbol, or the section when there is none. */
function symbolName(syms: readonly ListingSymbol[], addr: bigint, section: ElfSection): string {
  const i = findSymbol(syms, addr, section.index, false);
  if (i < 0) return nameWithOffset(section.name, BigInt(section.addr), addr);
  return nameWithOffset(syms[i].name, syms[i].value, addr);
}

function listSection(sec: ElfSection, syms: readonly ListingSymbol[], dis: Disassembler, out: string[]): void {
  const vma = BigInt(sec.addr);
  const end = vma + BigInt(sec.size);
  const skip = addressSkip(end);
  let addr = vma;
  let place = findSymbol(syms, addr, sec.index, true);
  const maps = syms.filter((s) => s.shndx === sec.index && !s.valid);
  while (addr < end) {
    const sym = place >= 0 ? syms[place] : undefined;
    const label = sym ? nameWithOffset(sym.name, sym.value, addr) : nameWithOffset(sec.name, vma, addr);
    out.push('', `${addr.toString(16).padStart(16, '0')} <${label}>:`);
    let next = -1;
    if (sym && sym.value > addr) {
      next = place;
    } else if (sym) {
      next = place;
      while (next < syms.length && !(inSection(syms[next], sec.index) && syms[next].value > sym.value && syms[next].valid)) next++;
      if (next >= syms.length) next = -1;
    }
    let stop = next >= 0 ? syms[next].value : end;
    if (stop > end || stop <= addr) stop = end;
    listBytes(sec, addr, stop, maps, dis, skip, out);
    addr = stop;
    place = next;
  }
}

/** Leading zero digits objdump drops from every address of a section (in fours, keeping one). */
function addressSkip(end: bigint): number {
  const digits = end.toString(16).padStart(16, '0');
  let zeros = 0;
  while (zeros < digits.length && digits[zeros] === '0') zeros++;
  return zeros === 0 ? 0 : (zeros - 1) & ~3;
}

/** `maps`: this section's mapping symbols ($x…, $d), sorted by address. */
function listBytes(
  sec: ElfSection, from: bigint, stop: bigint, maps: readonly ListingSymbol[],
  dis: Disassembler, skip: number, out: string[],
): void {
  const base = BigInt(sec.addr);
  const data = sec.bytes;
  let off = Number(from - base);
  const stopOff = Number(stop - base);
  while (off < stopOff) {
    let z = off;
    while (z < stopOff && data[z] === 0) z++;
    if (z - off >= SKIP_ZEROES || (z === stopOff && z - off < SKIP_ZEROES_AT_END)) {
      out.push('\t...');
      off = z === stopOff ? z : off + ((z - off) & ~3);
      continue;
    }
    const pc = base + BigInt(off);
    const m = lastAtOrBelow(maps, pc);
    const isData = m >= 0 && maps[m].name.startsWith('$d');
    const line = isData ? dataLine(data, off, maps[m + 1]?.value, pc) : insnLine(data, off, dis, pc);
    out.push(`${addressColumn(pc, skip)}:\t${line.text}`);
    off += line.length;
  }
}

function addressColumn(pc: bigint, skip: number): string {
  const digits = pc.toString(16).padStart(16, '0').slice(skip);
  const trimmed = digits.replace(/^0+/, '');
  return trimmed === '' ? ' '.repeat(digits.length - 1) + '0' : trimmed.padStart(digits.length, ' ');
}

/** Encoding column: little-endian chunks of the item's size, padded to objdump's 8-byte line. */
function encoding(value: number, size: number, perLine: number): string {
  const chunk = value.toString(16).padStart(size * 2, '0') + ' ';
  const width = (perLine / size) * (size * 2 + 1);
  return chunk.padEnd(width, ' ');
}

function insnLine(data: Uint8Array, off: number, dis: Disassembler, pc: bigint): { text: string; length: number } {
  const half = data[off] | ((data[off + 1] ?? 0) << 8);
  const long = (half & 3) === 3;
  if (long && off + 4 > data.length) return { text: `${encoding(half, 2, BYTES_PER_LINE)}\t.2byte\t0x${half.toString(16)}`, length: 2 };
  const word = long ? (half | (data[off + 2] << 16) | (data[off + 3] << 24)) >>> 0 : half;
  const r = dis.next(word, pc);
  return { text: `${encoding(word, r.length, BYTES_PER_LINE)}\t${r.text}`, length: r.length };
}

/** Index of the last mapping symbol at or below pc (binary search), or -1: code by default. */
function lastAtOrBelow(maps: readonly ListingSymbol[], pc: bigint): number {
  let lo = 0;
  let hi = maps.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (maps[mid].value <= pc) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

const DATA_NAMES: Record<number, string> = { 1: '.byte', 2: '.short', 4: '.word' };

/** A data item in a code section: up to 4 bytes, cut at the next mapping symbol or the end. */
function dataLine(data: Uint8Array, off: number, nextMap: bigint | undefined, pc: bigint): { text: string; length: number } {
  let len = 4;
  if (nextMap !== undefined && nextMap > pc && nextMap - pc < BigInt(len)) len = Number(nextMap - pc);
  len = Math.min(len, data.length - off);
  if (len === 3) len = 2;
  let v = 0;
  for (let i = len - 1; i >= 0; i--) v = v * 256 + data[off + i];
  const perLine = len === 1 ? 6 : BYTES_PER_LINE;
  return { text: `${encoding(v, len, perLine)}\t${DATA_NAMES[len]}\t0x${v.toString(16).padStart(len * 2, '0')}`, length: len };
}
