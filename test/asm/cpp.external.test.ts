// The preprocessor against riscv64-unknown-elf-gcc -E run live: the cases of cpp-cases.json, the
// whole list of predefined macros (`gcc -E -dM`) for several -march/-mabi, and the riscv-tests-like
// headers of the corpus. Fails if gcc is missing.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { predefinedMacros } from '../../src/asm/cpp/preprocess';
import { makeTarget, type Abi } from '../../src/asm/target';
import { CPP_CASES, cppOptions, gccTokenLines, rvnTokenLines } from './cpp-cases';
import { gccArgs, gccPreprocess } from './gen-cpp-expected.mjs';

describe('rvn preprocesses as gcc -E -x assembler-with-cpp does (live)', () => {
  for (const c of CPP_CASES) {
    it(`${c.name} (gcc ${gccArgs(c).join(' ')})`, () => {
      expect(rvnTokenLines(c.main, c.files[c.main], cppOptions(c))).toEqual(gccTokenLines(gccPreprocess(c)));
    });
  }
});

describe('predefined macros are gcc -E -dM\'s', () => {
  const targets: [string, Abi, string?][] = [
    ['rv64imac_zicsr_zifencei', 'lp64'], ['rv64gc', 'lp64d'], ['rv64g', 'lp64d'], ['rv64i', 'lp64'], ['rv64ima', 'lp64'],
    ['rv64imafc', 'lp64f'], ['rv64imafdc', 'lp64'], ['rv64im_zicsr', 'lp64'], ['rv64imac', 'lp64', 'medany'],
  ];
  for (const [march, mabi, cmodel] of targets) {
    it(`-march=${march} -mabi=${mabi}${cmodel ? ` -mcmodel=${cmodel}` : ''}`, () => {
      const gcc = execFileSync('riscv64-unknown-elf-gcc', [`-march=${march}`, `-mabi=${mabi}`, ...(cmodel ? [`-mcmodel=${cmodel}`] : []), '-E', '-dM', '-x', 'assembler-with-cpp', '/dev/null'])
        .toString().split('\n').filter((l) => l !== '').sort();
      const rvn = predefinedMacros(makeTarget({ march, mabi, mcmodel: cmodel as 'medany' | undefined })).sort();
      expect(rvn).toEqual(gcc);
    });
  }
});
