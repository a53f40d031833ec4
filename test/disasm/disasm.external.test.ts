/**
 * Against GNU binutils: programs built with riscv64-unknown-elf-gcc/as are listed by
 * riscv64-unknown-elf-objdump -d (with and without -M no-aliases) and by disasmCommand; the
 * outputs must be identical line for line. Fails when the GNU toolchain is missing.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { disasmCommand } from '../../src/disasm/command';
import { createDisassembler } from '../../src/disasm/engine';

const here = join(__dirname);
const src = join(here, 'programs');
const dir = mkdtempSync(join(tmpdir(), 'rvn-disasm-'));

function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function build(opt: string, name: string): string {
  const out = join(dir, name);
  run('riscv64-unknown-elf-gcc', [
    '-march=rv64imac_zicsr', '-mabi=lp64', '-mcmodel=medany', opt, '-ffreestanding', '-nostdlib', '-nostartfiles',
    '-static', '-T', join(src, 'link.ld'), join(src, 'crt.S'), join(src, 'prog.c'), join(src, 'extra.S'), '-o', out,
  ]);
  return out;
}

function compare(file: string, noAliases: boolean): void {
  const expected = run('riscv64-unknown-elf-objdump', ['-d', ...(noAliases ? ['-M', 'no-aliases'] : []), file]);
  // objdump heads its listing with the path as given.
  const actual = disasmCommand(new Uint8Array(readFileSync(file)), { noAliases, fileName: file });
  const e = expected.split('\n');
  const a = actual.split('\n');
  for (let i = 0; i < Math.max(e.length, a.length); i++) expect(`${i + 1}: ${a[i]}`).toBe(`${i + 1}: ${e[i]}`);
}

describe('rvn disasm matches objdump -d', () => {
  const o2 = build('-O2', 'prog-O2.elf');
  const os = build('-Os', 'prog-Os.elf');
  const stripped = join(dir, 'prog-stripped.elf');
  run('riscv64-unknown-elf-strip', ['-s', os, '-o', stripped]);

  // No symbols, no attributes: the shape of an image from rvn's own linker.
  const bare = join(dir, 'bare.elf');
  run('riscv64-unknown-elf-as', ['-march=rv64imac_zicsr', join(src, 'bare.S'), '-o', join(dir, 'bare.o')]);
  run('riscv64-unknown-elf-ld', ['-Ttext=0x80000000', join(dir, 'bare.o'), '-o', join(dir, 'bare-full.elf')]);
  run('riscv64-unknown-elf-objcopy', ['--strip-all', '-R', '.riscv.attributes', join(dir, 'bare-full.elf'), bare]);

  for (const [label, file] of [['-O2', o2], ['-Os', os], ['stripped', stripped], ['bare', bare]] as const) {
    it(`${label} with aliases`, () => compare(file, false));
    it(`${label} with -M no-aliases`, () => compare(file, true));
  }
});

describe('the stored corpus is what this objdump prints', () => {
  it('agrees with a fresh assembly of corpus.s', () => {
    const obj = join(dir, 'corpus.o');
    run('riscv64-unknown-elf-as', ['-march=rv64imac_zicsr_zifencei', '-mpriv-spec=1.12', join(here, 'corpus.s'), '-o', obj]);
    for (const noAliases of [false, true]) {
      const text = run('riscv64-unknown-elf-objdump', ['-d', ...(noAliases ? ['-M', 'no-aliases'] : []), obj]);
      const rows = [...text.matchAll(/^ *([0-9a-f]+):\t([0-9a-f]+) +\t(.*)$/gm)];
      const d = createDisassembler({ aliases: !noAliases, symbolize: (a) => (a === 0n ? 'corpus' : undefined) });
      expect(rows.length).toBeGreaterThan(250);
      for (const [, addr, hex, want] of rows) {
        const got = d.next(parseInt(hex, 16), BigInt(parseInt(addr, 16))).text;
        // Symbol names inside <...> depend on the object's labels; compare the rest.
        expect(`${addr}: ${got.replace(/ <[^>]*>/g, '')}`).toBe(`${addr}: ${want.replace(/ <[^>]*>/g, '')}`);
      }
    }
  });
});

/**
 * Every 16-bit parcel and 30000 pseudo-random 32-bit words (mostly with real opcodes), emitted
 * with .insn so objdump decodes them as code. Ours must agree on every line, address hints
 * included (symbol names inside <...> aside).
 */
describe('every compressed parcel and random words agree with objdump', () => {
  it('matches line for line', () => {
    const lines = ['.option rvc', '.text'];
    for (let h = 0; h < 0x10000; h++) if ((h & 3) !== 3) lines.push(`.insn 2, 0x${h.toString(16)}`);
    const opcodes = [0x37, 0x17, 0x6f, 0x67, 0x63, 0x03, 0x23, 0x13, 0x33, 0x1b, 0x3b, 0x0f, 0x73, 0x2f, 0x7b];
    let seed = 2026;
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0);
    for (let i = 0; i < 30000; i++) {
      let w = next();
      if (next() % 10 !== 0) w = (w & ~0x7f) | opcodes[next() % opcodes.length];
      if (next() % 2 === 0) w &= ~(0x7e << 25);
      w |= 3;
      if ((w & 0x1c) === 0x1c) w &= ~0x10; // keep to 32-bit lengths
      lines.push(`.insn 4, 0x${(w >>> 0).toString(16)}`);
    }
    const source = join(dir, 'fuzz.s');
    writeFileSync(source, lines.join('\n') + '\n');
    const obj = join(dir, 'fuzz.o');
    run('riscv64-unknown-elf-as', ['-march=rv64imac_zicsr_zifencei', '-mpriv-spec=1.12', source, '-o', obj]);
    for (const noAliases of [false, true]) {
      const text = execFileSync('riscv64-unknown-elf-objdump', ['-d', ...(noAliases ? ['-M', 'no-aliases'] : []), obj], {
        encoding: 'utf8', maxBuffer: 1 << 28,
      });
      const d = createDisassembler({ aliases: !noAliases, symbolize: () => undefined });
      const bad: string[] = [];
      let n = 0;
      for (const [, addr, hex, want] of text.matchAll(/^ *([0-9a-f]+):\t([0-9a-f]+) +\t(.*)$/gm)) {
        n++;
        const got = d.next(parseInt(hex, 16), BigInt(parseInt(addr, 16))).text;
        if (got !== want.replace(/ <[^>]*>/g, '')) bad.push(`${hex}: objdump "${want}", rvn "${got}"`);
      }
      expect(n).toBeGreaterThan(79000);
      expect(bad.slice(0, 20)).toEqual([]);
    }
  });
});
