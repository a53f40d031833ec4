/**
 * objdump's symbol choices, for addresses in a listing: which symbols may name an address
 * (no section/file symbols, no RISC-V mapping symbols $x/$d), in which order they are
 * preferred at one address (objdump.c compare_symbols), and the nearest one at or below an
 * address (find_symbol_for_address).
 */
import type { ElfImage, ElfSymbol } from '../elf/reader';
import { SHN_LORESERVE, SHN_UNDEF } from '../elf/types';

export interface ListingSymbol {
  readonly name: string;
  readonly value: bigint;
  /** Section index; reserved indices (ABS) never match a section. */
  readonly shndx: number;
  /** Not a mapping symbol: may name an address. */
  readonly valid: boolean;
  readonly sym: ElfSymbol;
}

const isMapping = (name: string): boolean => /^\$[xd]/.test(name);

/** objdump's compare_symbols: value, section, then functions, objects, globals, size, name. */
function compare(a: ListingSymbol, b: ListingSymbol): number {
  if (a.value !== b.value) return a.value < b.value ? -1 : 1;
  if (a.shndx !== b.shndx) return a.shndx - b.shndx;
  const rank = (s: ElfSymbol): number[] => [
    s.type === 'FUNC' ? 0 : 1,
    s.type === 'OBJECT' ? 0 : 1,
    s.bind === 'LOCAL' ? 1 : 0,
    s.bind === 'GLOBAL' ? 0 : 1,
  ];
  const ra = rank(a.sym);
  const rb = rank(b.sym);
  for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return ra[i] - rb[i];
  if (a.sym.size !== b.sym.size) return a.sym.size > b.sym.size ? -1 : 1;
  const ad = a.name.startsWith('.');
  const bd = b.name.startsWith('.');
  if (ad !== bd) return ad ? 1 : -1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The symbols objdump keeps (defined, not section or file symbols), sorted its way. */
export function sortedSymbols(image: ElfImage): ListingSymbol[] {
  const out: ListingSymbol[] = [];
  for (const s of image.symbols) {
    if (s.shndx === SHN_UNDEF || s.type === 'SECTION' || s.type === 'FILE' || !Number.isFinite(s.value)) continue;
    out.push({ name: s.name, value: BigInt(s.value), shndx: s.shndx, valid: !isMapping(s.name), sym: s });
  }
  return out.sort(compare);
}

export const inSection = (s: ListingSymbol, shndx: number): boolean => s.shndx === shndx && s.shndx < SHN_LORESERVE;

/**
 * find_symbol_for_address: the preferred valid symbol of the highest value at or below addr
 * (one of section `sec` first when several share the value), or the first valid one above it.
 * With `requireSec`, only symbols of section `sec` qualify.
 */
export function findSymbol(syms: readonly ListingSymbol[], addr: bigint, sec: number, requireSec: boolean): number {
  if (syms.length === 0) return -1;
  let min = 0;
  let max = syms.length;
  while (min + 1 < max) {
    const mid = (min + max) >> 1;
    if (syms[mid].value > addr) max = mid;
    else if (syms[mid].value < addr) min = mid;
    else {
      min = mid;
      break;
    }
  }
  let place = min;
  while (place > 0 && syms[place].value === syms[place - 1].value) place--;
  let i = place;
  for (; i < max && syms[i].value === syms[place].value; i++) {
    if (syms[i].valid && inSection(syms[i], sec)) return i;
  }
  const ok = (k: number): boolean => syms[k].valid && (!requireSec || inSection(syms[k], sec));
  if (ok(place)) return place;
  let found = -1;
  for (let k = i - 1; k >= 0; k--) {
    if (!ok(k)) continue;
    if (found >= 0 && syms[k].value !== syms[found].value) break;
    found = k;
  }
  if (found >= 0) return found;
  for (let k = place + 1; k < syms.length; k++) if (ok(k)) return k;
  return -1;
}

const hex = (v: bigint): string => v.toString(16);

/** "name", "name+0x10" or "name-0x4": how objdump names addr after symbol s. */
export function nameWithOffset(name: string, value: bigint, addr: bigint): string {
  if (addr === value) return name;
  return addr > value ? `${name}+0x${hex(addr - value)}` : `${name}-0x${hex(value - addr)}`;
}
