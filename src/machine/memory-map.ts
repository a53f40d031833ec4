/**
 * The memory-map table of the docs (README "The machine", docs/devices.md), produced from the
 * board description so that the docs cannot drift from the board: scripts/memory-map.mjs
 * writes it between the `<!-- memory-map -->` markers, test/machine/memory-map.test.ts fails
 * when a committed table differs.
 */
import type { BoardDeviceSpec, BoardSpec } from '../hw/board';
import { MachineLimits, formatSize } from '../hw/limits';

export const MEMORY_MAP_BEGIN = '<!-- memory-map: generated from src/machine/board.ts by `npm run docs:memory-map` -->';
export const MEMORY_MAP_END = '<!-- /memory-map -->';

/** 0x1000_0000: eight hex digits grouped by four, as platform.md writes addresses. */
function address(n: number): string {
  const h = n.toString(16).toUpperCase().padStart(8, '0');
  return `0x${h.length > 8 ? h : `${h.slice(0, 4)}_${h.slice(4)}`}`;
}

const hexSize = (n: number): string => `0x${n.toString(16).toUpperCase()}`;

type Row = readonly [base: number, cells: readonly string[]];

function deviceRow(d: BoardDeviceSpec): Row {
  return [d.base, [address(d.base), hexSize(d.size), d.doc, d.irq !== undefined ? String(d.irq) : '']];
}

/** The table in Markdown, rows ordered by address. */
export function memoryMapTable(board: BoardSpec): string {
  const rows: Row[] = [
    [board.bootRom.base, [address(board.bootRom.base), hexSize(board.bootRom.size), 'boot ROM: a0 = hart id, a1 = device tree, jump to the image', '']],
    ...board.devices.map(deviceRow),
    ...board.slots.map((s): Row => [
      s.base,
      [`${address(s.base)} + ${hexSize(s.stride)}·i`, `${hexSize(s.stride)} each, i = 0..${s.count - 1}`, s.doc, `${s.firstIrq} + i`],
    ]),
    [board.ram.base, [
      address(board.ram.base),
      `${formatSize(board.ram.defaultSize)} (\`--mem\`, ${formatSize(MachineLimits.ram.min)} to ${formatSize(MachineLimits.ram.max)})`,
      'RAM', '',
    ]],
  ];
  rows.sort((a, b) => a[0] - b[0]);
  const line = (cells: readonly string[]) => `| ${cells.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(['base', 'size', 'device', 'IRQ']), '|---|---|---|---|', ...rows.map((r) => line(r[1]))].join('\n');
}

/**
 * `text` with the block between the markers replaced by `table`; undefined when the markers
 * are missing.
 */
export function withMemoryMap(text: string, table: string): string | undefined {
  const begin = text.indexOf(MEMORY_MAP_BEGIN);
  const end = text.indexOf(MEMORY_MAP_END);
  if (begin < 0 || end < begin) return undefined;
  return `${text.slice(0, begin + MEMORY_MAP_BEGIN.length)}\n${table}\n${text.slice(end)}`;
}
