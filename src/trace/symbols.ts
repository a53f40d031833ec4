/**
 * Address → function name over the loaded images' ELF symbols (FUNC symbols, else the nearest
 * preceding code label: src/elf/reader.ts indexSymbols). Addresses no image names are grouped
 * by board region ("[bootrom]") or as "[unknown]". Lookups cache the last range, since
 * consecutive instructions almost always fall in the same function.
 */
import { findRange, indexSymbols } from '../elf/reader';
import type { FunctionRange } from '../elf/reader';
import type { ElfImage } from '../elf/reader';
import { MemoryMap } from '../hw/memmap';

export const UNKNOWN = '[unknown]';

const REGIONS: readonly FunctionRange[] = [
  { name: '[bootrom]', start: MemoryMap.bootRom.base, end: MemoryMap.bootRom.base + MemoryMap.bootRom.size },
];

export class Symbolizer {
  /** All ranges of all images, sorted by start (images loaded later come after on ties). */
  private readonly ranges: FunctionRange[];
  private lastStart = 1;
  private lastEnd = 0;
  private lastName = UNKNOWN;

  constructor(images: readonly { readonly elf?: ElfImage }[]) {
    const all: FunctionRange[] = [];
    for (const img of images) if (img.elf) all.push(...indexSymbols(img.elf).functions);
    all.sort((a, b) => a.start - b.start);
    this.ranges = all;
  }

  /** The range holding addr, or undefined. */
  rangeAt(addr: number): FunctionRange | undefined {
    const r = findRange(this.ranges, addr);
    if (r !== undefined) return r;
    for (const region of REGIONS) if (addr >= region.start && addr < region.end) return region;
    return undefined;
  }

  /** The function name for addr ("[unknown]" when none). */
  nameAt(addr: number): string {
    if (addr >= this.lastStart && addr < this.lastEnd) return this.lastName;
    const r = this.rangeAt(addr);
    if (r === undefined) {
      this.lastStart = 1;
      this.lastEnd = 0;
      return UNKNOWN;
    }
    this.lastStart = r.start;
    this.lastEnd = r.end;
    this.lastName = r.name;
    return r.name;
  }

  /** objdump's "<name+0x8>" text for the disassembler. */
  label(addr: bigint): string | undefined {
    if (addr > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
    const a = Number(addr);
    const r = this.rangeAt(a);
    if (r === undefined || r.name.startsWith('[')) return undefined;
    return a === r.start ? r.name : `${r.name}+0x${(a - r.start).toString(16)}`;
  }
}
