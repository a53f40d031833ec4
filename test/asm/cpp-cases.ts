// Preprocessor cases shared by cpp.test.ts (recorded gcc output) and cpp.external.test.ts (gcc
// live), and the token-line form both outputs are compared in.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lexText } from '../../src/asm/cpp/lexer';
import { normalizePath } from '../../src/asm/cpp/paths';
import { preprocess, type PreprocessOptions } from '../../src/asm/cpp/preprocess';
import { makeTarget, type Abi } from '../../src/asm/target';

export interface CppCase {
  readonly name: string;
  readonly main: string;
  readonly files: Readonly<Record<string, string>>;
  readonly includeDirs?: readonly string[];
  readonly defines?: readonly string[];
  readonly undefines?: readonly string[];
  readonly march?: string;
  readonly mabi?: Abi;
}

const here = new URL('.', import.meta.url).pathname;
export const CPP_CASES = (JSON.parse(readFileSync(join(here, 'cpp-cases.json'), 'utf8')) as { cases: CppCase[] }).cases;

export function cppOptions(c: CppCase): PreprocessOptions {
  return {
    includeDirs: c.includeDirs, defines: c.defines, undefines: c.undefines, readFile: (p) => c.files[normalizePath(p)],
    target: makeTarget({ march: c.march ?? 'rv64imac_zicsr_zifencei', mabi: c.mabi ?? 'lp64' }),
  };
}

const tokens = (text: string): string => lexText(text).map((t) => t.text).join(' ');

/** rvn's output as `file:line: tokens`, one per non-empty line. */
export function rvnTokenLines(name: string, text: string, opts: PreprocessOptions): string[] {
  return preprocess(name, text, opts).lines.map((l) => `${l.file}:${l.line}: ${tokens(l.text)}`).filter((l) => !l.endsWith(': '));
}

/** gcc -E output (with `# LINE "FILE"` markers) in the same form. */
export function gccTokenLines(out: string): string[] {
  const lines: string[] = [];
  let file = '';
  let line = 0;
  for (const l of out.split('\n')) {
    const m = /^# (\d+) "([^"]*)"/.exec(l);
    if (m) {
      line = Number(m[1]);
      file = m[2];
      continue;
    }
    const t = tokens(l);
    if (t !== '') lines.push(`${file}:${line}: ${t}`);
    line++;
  }
  return lines;
}
