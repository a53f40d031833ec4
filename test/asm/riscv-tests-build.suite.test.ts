/**
 * riscv-tests ISA sources built by `rvn build` and by riscv64-unknown-elf-gcc with the same
 * flags: the .text.init, .tohost, .text and .data sections must be identical, for every
 * rv64ui/um/ua/uc/mi/si test with the env/p headers and link.ld. Both the -mno-relax build
 * (`rvn build --no-relax`) and GCC's default relaxing build are compared, with
 * -march=rv64imac_zicsr_zifencei -mabi=lp64 (the ISA rvn's hart implements) and with the
 * Makefile's own -march=rv64g -mabi=lp64d (no C; rv64mi/csr is left out there: under rv64g it
 * uses F instructions, which rvn does not assemble).
 *
 * RISCV_TESTS names the checkout (riscv-tests with its env submodule; not part of the
 * repository). Fails when it or the compiler is missing. Runs the CLI (dist/rvn.mjs).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readElf } from '../../src/elf/reader';

const SRC = process.env.RISCV_TESTS ?? '/tmp/rvt/riscv-tests';
const GCC = 'riscv64-unknown-elf-gcc';
const RVN = join(new URL('../..', import.meta.url).pathname, 'dist', 'rvn.mjs');
const OUT = mkdtempSync(join(tmpdir(), 'rvn-riscv-tests-build-'));
const SECTIONS = ['.text.init', '.tohost', '.text', '.data'];
const SUITES = ['rv64ui', 'rv64um', 'rv64ua', 'rv64uc', 'rv64mi', 'rv64si'];

interface Config {
  readonly march: string;
  readonly mabi: string;
  readonly relax: boolean;
  /** Tests this configuration cannot build, with the reason. */
  readonly without?: Readonly<Record<string, string>>;
}

const CONFIGS: Config[] = [
  { march: 'rv64imac_zicsr_zifencei', mabi: 'lp64', relax: false },
  { march: 'rv64imac_zicsr_zifencei', mabi: 'lp64', relax: true },
  { march: 'rv64g', mabi: 'lp64d', relax: false, without: { 'rv64mi/csr': 'F instructions (fmv.s.x, fsw) under rv64g' } },
  { march: 'rv64g', mabi: 'lp64d', relax: true, without: { 'rv64mi/csr': 'F instructions (fmv.s.x, fsw) under rv64g' } },
];

function sections(elf: string): Map<string, string> {
  const img = readElf(new Uint8Array(readFileSync(elf)));
  return new Map(img.sections.filter((s) => SECTIONS.includes(s.name)).map((s) => [s.name, `${s.addr.toString(16)}:${Buffer.from(s.bytes).toString('hex')}`]));
}

function compare(c: Config, suite: string, name: string): string | undefined {
  const env = join(SRC, 'env', 'p');
  const src = join(SRC, 'isa', suite, `${name}.S`);
  const tag = `${suite}-${name}-${c.march}-${c.relax ? 'relax' : 'norelax'}`;
  const includes = [`-I${env}`, `-I${join(SRC, 'isa', 'macros', 'scalar')}`];
  const gnu = join(OUT, `${tag}.gnu`);
  const rvn = join(OUT, `${tag}.rvn`);
  execFileSync(GCC, [`-march=${c.march}`, `-mabi=${c.mabi}`, '-static', '-mcmodel=medany', '-fvisibility=hidden', '-nostdlib', '-nostartfiles',
    ...(c.relax ? [] : ['-mno-relax', '-Wl,--no-relax']), ...includes, `-T${join(env, 'link.ld')}`, src, '-o', gnu]);
  execFileSync('node', [RVN, 'build', '--march', c.march, '--mabi', c.mabi, ...(c.relax ? [] : ['--no-relax']),
    ...includes.flatMap((i) => ['-I', i.slice(2)]), '-T', join(env, 'link.ld'), src, '-o', rvn]);
  const want = sections(gnu);
  const got = sections(rvn);
  for (const s of SECTIONS) {
    if (want.get(s) !== got.get(s)) return `${suite}/${name}: ${s} differs`;
  }
  return undefined;
}

describe('riscv-tests built by rvn build and by GCC give the same sections', () => {
  test('the checkout, the compiler and the CLI are present', () => {
    expect(existsSync(join(SRC, 'isa')), `riscv-tests checkout at ${SRC} (set RISCV_TESTS)`).toBe(true);
    expect(existsSync(join(SRC, 'env', 'p', 'riscv_test.h')), 'env submodule').toBe(true);
    expect(existsSync(RVN), `${RVN} (npm run build)`).toBe(true);
    execFileSync(GCC, ['--version']);
  });
  for (const c of CONFIGS) {
    test(`-march=${c.march} -mabi=${c.mabi}${c.relax ? '' : ' -mno-relax / --no-relax'}`, () => {
      const failed: string[] = [];
      let compared = 0;
      for (const suite of SUITES) {
        const names = readdirSync(join(SRC, 'isa', suite)).filter((f) => f.endsWith('.S')).map((f) => f.slice(0, -2)).sort();
        expect(names.length, suite).toBeGreaterThan(0);
        for (const name of names) {
          if (c.without?.[`${suite}/${name}`] !== undefined) continue;
          const problem = compare(c, suite, name);
          if (problem) failed.push(problem);
          compared++;
        }
      }
      const left = Object.entries(c.without ?? {}).map(([t, why]) => `${t} (${why})`);
      console.log(`riscv-tests ${c.march}${c.relax ? ' relaxed' : ' --no-relax'}: ${compared - failed.length}/${compared} identical${left.length ? `; not built: ${left.join(', ')}` : ''}`);
      expect(failed).toEqual([]);
    }, 3_600_000);
  }
});
