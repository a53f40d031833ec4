/**
 * riscv-tests (github.com/riscv-software-src/riscv-tests with its env submodule) built with
 * riscv64-unknown-elf-gcc into a temporary directory and run on a bare hart: rv64ui/um/ua/uc
 * in the -p (physical) and -v (Sv39 virtual memory) environments, rv64mi-p and rv64si-p.
 *
 * Set RISCV_TESTS to the checkout (default /tmp/rvt/riscv-tests). Fails when the checkout or
 * the compiler is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runElf } from './elf-runner';

const SRC = process.env.RISCV_TESTS ?? '/tmp/rvt/riscv-tests';
const GCC = 'riscv64-unknown-elf-gcc';
const PICOLIBC = '/usr/lib/picolibc/riscv64-unknown-elf/include';
const OUT = mkdtempSync(join(tmpdir(), 'rvn-riscv-tests-'));

function build(suite: string, env: 'p' | 'v', name: string): string {
  const isa = join(SRC, 'isa');
  const envDir = join(SRC, 'env', env);
  const out = join(OUT, `${suite}-${env}-${name}`);
  const common = ['-mabi=lp64', '-static', '-mcmodel=medany', '-fvisibility=hidden', '-nostdlib', '-nostartfiles', `-I${envDir}`, `-I${join(isa, 'macros/scalar')}`, `-T${join(envDir, 'link.ld')}`];
  const src = join(isa, suite, `${name}.S`);
  if (env === 'p') {
    execFileSync(GCC, ['-march=rv64imac_zicsr_zifencei', ...common, src, '-o', out]);
  } else {
    // env/v's vm.c names an F instruction in an asm string (to recognise FP tests); the
    // generated code has no FP instructions, the hart has no F.
    const cs = readdirSync(envDir).filter((f) => f.endsWith('.c')).map((f) => join(envDir, f));
    execFileSync(GCC, ['-march=rv64imafdc_zicsr_zifencei', ...common, '-ffreestanding', '-isystem', PICOLIBC, '-std=gnu99', '-O2', '-DENTROPY=0x1234567', join(envDir, 'entry.S'), ...cs, src, '-o', out]);
  }
  return out;
}

const suites: [string, 'p' | 'v'][] = [
  ['rv64ui', 'p'], ['rv64um', 'p'], ['rv64ua', 'p'], ['rv64uc', 'p'], ['rv64mi', 'p'], ['rv64si', 'p'],
  ['rv64ui', 'v'], ['rv64um', 'v'], ['rv64ua', 'v'], ['rv64uc', 'v'],
];

describe('riscv-tests', () => {
  test('the checkout and the compiler are present', () => {
    expect(existsSync(join(SRC, 'isa')), `riscv-tests checkout at ${SRC}`).toBe(true);
    expect(existsSync(join(SRC, 'env', 'p', 'riscv_test.h')), 'env submodule').toBe(true);
    execFileSync(GCC, ['--version']);
  });
  for (const [suite, env] of suites) {
    test(`${suite}-${env}`, () => {
      const dir = join(SRC, 'isa', suite);
      const names = readdirSync(dir).filter((f) => f.endsWith('.S')).map((f) => f.slice(0, -2));
      const failed: string[] = [];
      for (const name of names) {
        const elf = build(suite, env, name);
        const r = runElf(new Uint8Array(readFileSync(elf)));
        if (r.result !== 0) failed.push(`${name}: ${r.result < 0 ? 'no result' : `test ${r.result} failed`} (pc 0x${r.pc.toString(16)})`);
      }
      expect(failed).toEqual([]);
      expect(names.length).toBeGreaterThan(0);
    });
  }
});
