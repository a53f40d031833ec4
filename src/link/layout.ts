/**
 * A small linker-script equivalent: an ordered list of output sections, each collecting input
 * sections by name pattern (`*` matches any suffix), placed at a fixed address or after the
 * previous one (optionally rounded up to `alignTo`).
 */
import type { SectionKind } from '../asm/object';

export interface OutputSectionSpec {
  readonly name: string;
  /** Input section name patterns, in placement order (`.text.*` matches `.text.foo`). */
  readonly inputs: readonly string[];
  /** Absolute start address; if absent the section follows the previous one. */
  readonly address?: number;
  /** When following, round the start up to this boundary (e.g. 0x1000). */
  readonly alignTo?: number;
  readonly kind?: SectionKind;
}

export interface LinkOptions {
  /** Start of .text (default 0x80000000). */
  readonly text?: number;
  /** Start of .data (default: the next 4 KiB boundary after .text and .rodata). */
  readonly data?: number;
  /** Full placement; overrides text/data. Unmatched input sections follow the last data-like section. */
  readonly layout?: readonly OutputSectionSpec[];
  /** Entry symbol (default `_start`). */
  readonly entry?: string;
}

export const DEFAULT_TEXT = 0x80000000;

/** The default placement: .text, .rodata, then .data (page-aligned or at `data`) and .bss. */
export function defaultLayout(opts: LinkOptions): OutputSectionSpec[] {
  return [
    { name: '.text', inputs: ['.text.init', '.text', '.text.*'], address: opts.text ?? DEFAULT_TEXT, kind: 'text' },
    { name: '.rodata', inputs: ['.rodata', '.rodata.*', '.srodata', '.srodata.*'], kind: 'rodata' },
    { name: '.data', inputs: ['.data', '.data.*', '.sdata', '.sdata.*'], address: opts.data, alignTo: 0x1000, kind: 'data' },
    { name: '.bss', inputs: ['.bss', '.bss.*', '.sbss', '.sbss.*'], kind: 'bss' },
  ];
}

export function matches(pattern: string, name: string): boolean {
  return pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : pattern === name;
}

export const alignUp = (v: number, a: number): number => (a <= 1 ? v : Math.ceil(v / a) * a);
