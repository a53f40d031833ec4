#!/usr/bin/env node
// Regenerates test/asm/expected.json from the GNU toolchain (NOT run by the tests):
//   node test/asm/gen-expected.mjs
// Each corpus program (a .S file, or a directory of .S files linked together) is built with
// riscv64-unknown-elf-gcc -nostdlib -mno-relax -Wl,--no-relax and a linker script with rvn's
// default layout; the .text/.rodata/.data/.tohost bytes and addresses are stored as hex.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const corpus = join(here, 'corpus');
// A program's first line may say `# text=0xADDR` to link .text elsewhere (e.g. for %hi/%lo).
export const script = (text) => `ENTRY(_start)
SECTIONS {
  . = ${text};
  .text : { *(.text.init) *(.text) *(.text.*) }
  .rodata : { *(.rodata) *(.rodata.*) *(.srodata) *(.srodata.*) }
  . = ALIGN(0x1000);
  .data : { *(.data) *(.data.*) *(.sdata) *(.sdata.*) }
  .tohost : { *(.tohost) }
  .bss : { *(.bss) *(.bss.*) *(.sbss) *(.sbss.*) }
}
`;
const SECTIONS = ['.text', '.rodata', '.data', '.tohost'];

export function textAddress(source) {
  const m = /^# text=(0x[0-9a-f]+)/i.exec(source);
  return m ? parseInt(m[1], 16) : 0x80000000;
}

export function gnuBuild(files, work) {
  const ld = join(work, 'link.ld');
  writeFileSync(ld, script('0x' + textAddress(readFileSync(files[0], 'utf8')).toString(16)));
  const elf = join(work, 'out.elf');
  execFileSync('riscv64-unknown-elf-gcc', ['-nostdlib', '-nostartfiles', '-static', '-march=rv64imac_zicsr_zifencei',
    '-mabi=lp64', '-mno-relax', '-Wl,--no-relax', '-x', 'assembler', ...files, '-T', ld, '-o', elf]);
  const out = {};
  const headers = execFileSync('riscv64-unknown-elf-objdump', ['-h', elf]).toString();
  for (const s of SECTIONS) {
    const m = new RegExp(`\\s${s.replace('.', '\\.')}\\s+([0-9a-f]+)\\s+([0-9a-f]+)`).exec(headers);
    if (!m) continue;
    const bin = join(work, `${s.slice(1)}.bin`);
    execFileSync('riscv64-unknown-elf-objcopy', ['-O', 'binary', '-j', s, elf, bin]);
    const hex = execFileSync('od', ['-An', '-v', '-tx1', bin]).toString().replace(/\s+/g, '');
    out[s] = { address: parseInt(m[2], 16), hex };
  }
  return out;
}

export function corpusPrograms() {
  return readdirSync(corpus).sort().map((name) => {
    const p = join(corpus, name);
    const files = statSync(p).isDirectory() ? readdirSync(p).sort().map((f) => join(p, f)) : [p];
    return { name, files };
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const work = mkdtempSync(join(tmpdir(), 'rvn-asm-'));
  const expected = {};
  for (const { name, files } of corpusPrograms()) expected[name] = gnuBuild(files, work);
  writeFileSync(join(here, 'expected.json'), JSON.stringify(expected, null, 1) + '\n');
  console.log(`wrote ${Object.keys(expected).length} programs`);
}
