// rvn's assembler + linker against bytes produced by GNU as/ld (stored in expected.json by
// gen-expected.mjs, which is not run here). Each program's .text/.rodata/.data/.tohost must match.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImage } from '../../src/link/build';

const here = new URL('.', import.meta.url).pathname;
const expected = JSON.parse(readFileSync(join(here, 'expected.json'), 'utf8')) as Record<string, Record<string, { address: number; hex: string }>>;

function sources(name: string): { name: string; text: string }[] {
  const p = join(here, 'corpus', name);
  const files = statSync(p).isDirectory() ? readdirSync(p).sort().map((f) => join(p, f)) : [p];
  return files.map((f) => ({ name: f.slice(here.length), text: readFileSync(f, 'utf8') }));
}

function textAddress(src: string): number {
  const m = /^# text=(0x[0-9a-f]+)/i.exec(src);
  return m ? parseInt(m[1], 16) : 0x80000000;
}

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('corpus matches GNU as + ld (-mno-relax)', () => {
  for (const [name, sections] of Object.entries(expected)) {
    it(name, () => {
      const src = sources(name);
      const image = buildImage(src, { text: textAddress(src[0].text) });
      for (const [sec, want] of Object.entries(sections)) {
        const got = image.sections.find((s) => s.name === sec);
        expect(got, `section ${sec}`).toBeDefined();
        expect({ sec, address: got?.address }).toEqual({ sec, address: want.address });
        // Compare per 4 bytes, so a mismatch points at the offending instruction.
        const g = hex(got?.bytes ?? new Uint8Array()).match(/.{1,8}/g) ?? [];
        const w = want.hex.match(/.{1,8}/g) ?? [];
        expect(g.map((x, i) => `${sec}+${(i * 4).toString(16)}: ${x}`)).toEqual(w.map((x, i) => `${sec}+${(i * 4).toString(16)}: ${x}`));
      }
    });
  }
});
