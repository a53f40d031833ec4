// The docs' memory-map tables are the board description's: a stale committed table fails here
// (regenerate with `npm run docs:memory-map`), and the generated rows say what platform.md says.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { RVN_BOARD } from '../../src/machine/board';
import { MEMORY_MAP_BEGIN, MEMORY_MAP_END, memoryMapTable, withMemoryMap } from '../../src/machine/memory-map';
import { scratchEntry } from './scratch-device';

const committed = (file: string): string => {
  const text = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8');
  const begin = text.indexOf(MEMORY_MAP_BEGIN);
  const end = text.indexOf(MEMORY_MAP_END);
  expect(begin, `${file} has the memory-map markers`).toBeGreaterThanOrEqual(0);
  return text.slice(begin + MEMORY_MAP_BEGIN.length, end).trim();
};

describe('memory-map table', () => {
  for (const file of ['README.md', 'docs/devices.md']) {
    it(`${file} holds the table generated from the board`, () => {
      expect(committed(file)).toBe(memoryMapTable(RVN_BOARD));
    });
  }

  it('has platform.md\'s rows, in address order', () => {
    const rows = memoryMapTable(RVN_BOARD).split('\n').slice(2).map((r) => r.split(' | ').slice(0, 2).join(' ').replace(/^\| /, ''));
    expect(rows.map((r) => r.split(' ')[0])).toEqual([
      '0x0000_1000', '0x0010_0000', '0x0200_0000', '0x02F1_0000', '0x0C00_0000', '0x1000_0000', '0x1000_1000', '0x8000_0000',
    ]);
    const table = memoryMapTable(RVN_BOARD);
    expect(table).toContain('| 0x1000_0000 | 0x100 | UART 16550A');
    expect(table).toMatch(/\| 0x1000_0000 \| 0x100 \| [^\n]*\| 10 \|/);
    expect(table).toContain('| 0x0C00_0000 | 0x600000 | PLIC');
    expect(table).toContain('| 0x1000_1000 + 0x1000·i | 0x1000 each, i = 0..7 |');
    expect(table).toContain('(code<<16)\\|0x3333'); // a | inside a cell is escaped
  });

  it('a device added to the board gets its row', () => {
    const board = { ...RVN_BOARD, devices: [...RVN_BOARD.devices, scratchEntry] };
    expect(memoryMapTable(board)).toMatch(/\| 0x1010_0000 \| 0x1000 \| a test device \| 42 \|/);
  });

  it('replaces only the text between the markers', () => {
    const text = `a\n${MEMORY_MAP_BEGIN}\nold\n${MEMORY_MAP_END}\nb\n`;
    expect(withMemoryMap(text, 'new')).toBe(`a\n${MEMORY_MAP_BEGIN}\nnew\n${MEMORY_MAP_END}\nb\n`);
    expect(withMemoryMap('no markers', 'new')).toBeUndefined();
  });
});
