import { describe, expect, it } from 'vitest';
import { createDisassembler } from '../../src/disasm/engine';
import { Instructions, CompressedInstructions } from '../../src/isa/opcodes';
import { createDecoder } from '../../src/isa/decode';
import { corpus, corpusSymbols } from './corpus.data';

// Expected text is objdump's (see gen-corpus.mjs). objdump names an address after the nearest
// label at or below it (`near+0x8`), as this symbolizer does for the corpus object's labels.
function symbolize(a: bigint): string {
  let best: readonly [string, number] = corpusSymbols[0];
  for (const s of corpusSymbols) if (BigInt(s[1]) <= a && s[1] >= best[1]) best = s;
  const off = a - BigInt(best[1]);
  return off === 0n ? best[0] : `${best[0]}+0x${off.toString(16)}`;
}

function listing(aliases: boolean): string[] {
  const d = createDisassembler({ aliases, symbolize });
  return corpus.map(([addr, word]) => d.next(word, BigInt(addr)).text);
}

describe('disassembler against the objdump corpus', () => {
  const withAliases = listing(true);
  const noAliases = listing(false);
  it.each(corpus.map((row, i) => [i, ...row] as const))('row %i at %d', (i, addr, word, alias, canon) => {
    expect({ addr, word: word.toString(16), text: withAliases[i] }).toEqual({ addr, word: word.toString(16), text: alias });
    expect({ addr, word: word.toString(16), text: noAliases[i] }).toEqual({ addr, word: word.toString(16), text: canon });
  });

  it('covers every row of the shared encoding table', () => {
    const dec = createDecoder();
    const seen = new Set<string>();
    for (const [, word] of corpus) {
      const row = (word & 3) !== 3 ? dec.decode16(word) : dec.decode32(word);
      if (row) seen.add(row.name);
    }
    const all = [...Instructions, ...CompressedInstructions].map((d) => d.name);
    expect(all.filter((n) => !seen.has(n))).toEqual([]);
  });
});
