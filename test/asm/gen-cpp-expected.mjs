#!/usr/bin/env node
// Regenerates test/asm/cpp-expected.json (NOT run by the tests): each case of cpp-cases.json
// preprocessed by `riscv64-unknown-elf-gcc -E -x assembler-with-cpp` with the case's -I, -D, -U,
// -march and -mabi, run in a temporary directory holding the case's files.
//   node test/asm/gen-cpp-expected.mjs
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The gcc command line for a case (also shown in the test names). */
export function gccArgs(c) {
  return ['-E', '-x', 'assembler-with-cpp', ...(c.march ? [`-march=${c.march}`, `-mabi=${c.mabi}`] : ['-march=rv64imac_zicsr_zifencei', '-mabi=lp64']),
    ...(c.includeDirs ?? []).map((d) => `-I${d}`), ...(c.defines ?? []).map((d) => `-D${d}`), ...(c.undefines ?? []).map((u) => `-U${u}`), c.main];
}

/** Runs gcc -E on a case in a fresh directory; returns its output. */
export function gccPreprocess(c) {
  const dir = mkdtempSync(join(tmpdir(), 'rvn-cpp-'));
  for (const [name, text] of Object.entries(c.files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return execFileSync('riscv64-unknown-elf-gcc', gccArgs(c), { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] }).toString();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { cases } = JSON.parse(readFileSync(join(here, 'cpp-cases.json'), 'utf8'));
  const out = Object.fromEntries(cases.map((c) => [c.name, gccPreprocess(c)]));
  writeFileSync(join(here, 'cpp-expected.json'), JSON.stringify(out, null, 1) + '\n');
}
