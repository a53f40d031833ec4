// Reading gtsc's assembly text in tests.
import { expect } from 'vitest';

/** The lines of one function (its label to the next blank line), labels kept, directives dropped. */
export function body(text: string, fn: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(`${fn}:`);
  expect(start, `${fn} in\n${text}`).toBeGreaterThanOrEqual(0);
  const out: string[] = [];
  for (const l of lines.slice(start + 1)) {
    if (l === '') break;
    if (!/^\t\.(globl|align|text|data|bss|section|loc|type|size|file)\b/.test(l)) out.push(l.trim());
  }
  return out;
}
