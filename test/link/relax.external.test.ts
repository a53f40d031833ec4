// Linker relaxation against GNU: generated programs assembled and linked by
// riscv64-unknown-elf-as + riscv64-unknown-elf-ld with their defaults (relaxing), and by rvn
// with relax on; every allocated section must be identical. The programs mix what ld relaxes:
// near and far calls and tail calls (across objects too), la/lla/l[wd]/s[wd] of data near and far
// from __global_pointer$, lui/%lo pairs (linked low, where x0- and gp-relative forms and c.lui
// apply), code alignment, branches over relaxed sequences, `.option norvc` and `.option
// norelax` stretches and label differences in code. Also riscv-tests-like programs without gp.
// RVN_RELAX_SEEDS=N runs N programs per layout (default 12). Fails if the tools are missing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImage } from '../../src/link/build';
import { readElf } from '../../src/elf/reader';

const work = mkdtempSync(join(tmpdir(), 'rvn-relax-'));
const SEEDS = Number(process.env.RVN_RELAX_SEEDS ?? 12);
const MARCH = 'rv64imac_zicsr_zifencei';

function rng(seed: number): () => number {
  let s = (seed * 2654435761) >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

const script = (base: number, gp: boolean): string => `ENTRY(_start)
SECTIONS {
  . = 0x${base.toString(16)};
  .text : { *(.text.init) *(.text) *(.text.*) }
  .rodata : { *(.rodata) *(.rodata.*) }
  . = ALIGN(0x1000);
  .data : { *(.data) *(.data.*) }
  .sdata : { ${gp ? '__global_pointer$ = . + 0x800;' : ''} *(.sdata) *(.sdata.*) }
  .bss : { *(.sbss) *(.bss) }
}
`;

interface Layout {
  readonly base: number;
  readonly gp: boolean;
  /** lui/%lo pairs need the data below 2 GiB. */
  readonly lui: boolean;
}

/** Two source files calling each other, with data in .data/.sdata/.bss. */
function program(seed: number, layout: Layout): string[] {
  const r = rng(seed);
  const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
  const fns = ['f0', 'f1', 'f2', 'g0', 'g1'];
  const data = ['d0', 'd1', 'd2', 's0v', 's1v', 's2v', 'b0'];
  const regs = ['a0', 'a1', 'a2', 'a5', 's1', 't0', 't1'];
  const body = (self: string): string[] => {
    const out: string[] = [];
    const n = 4 + Math.floor(r() * 10);
    for (let i = 0; i < n; i++) {
      const rd = pick(regs);
      const d = pick(data);
      switch (Math.floor(r() * 14)) {
        case 0: out.push(`  call ${pick(fns)}`); break;
        case 1: out.push(`  call far_fn`); break;
        case 2: out.push(`  la ${rd}, ${d}`); break;
        case 3: out.push(`  lla ${rd}, ${d}+${4 * Math.floor(r() * 4)}`); break;
        case 4: out.push(`  lw ${rd}, ${d}`); break;
        case 5: out.push(`  sd ${rd}, ${d}, t2`); break;
        case 6:
          if (layout.lui) out.push(`  lui ${rd}, %hi(${d})`, `  addi ${rd}, ${rd}, %lo(${d})`, `  lw a3, %lo(${d})(${rd})`);
          break;
        case 7: out.push(`  .align ${1 + Math.floor(r() * 4)}`); break;
        case 8: out.push(`  beqz ${rd}, 1f`, `  call ${pick(fns)}`, `  addi ${rd}, ${rd}, 1`, '1:'); break;
        case 9: out.push('  .option push', '  .option norvc', `  call ${pick(fns)}`, `  addi ${rd}, ${rd}, 3`, '  .option pop'); break;
        case 10: out.push('  .option push', '  .option norelax', `  call ${pick(fns)}`, `  la ${rd}, ${d}`, '  .option pop'); break;
        case 11: out.push(`  tail ${pick(fns)}`); break;
        case 12: out.push(`  bnez ${rd}, ${self}`); break;
        default: out.push(`  addi ${rd}, ${rd}, ${Math.floor(r() * 64) - 32}`); break;
      }
    }
    out.push('  ret');
    return out;
  };
  const fn = (name: string, global: boolean): string[] => [...(global ? [`  .globl ${name}`] : []), `${name}:`, ...body(name), `${name}_end:`, `  .word ${name}_end - ${name}`];
  const a = [
    `  .globl ${data.join(', ')}`,
    '  .section .text.init, "ax"', '  .globl _start', '_start:', '  la sp, stack_top', '  call f0', '  tail g0',
    '  .text', ...fn('f0', true), ...fn('f1', true), ...fn('f2', true),
    '  .data', 'd0: .dword 1', `d1: .zero ${8 * Math.floor(r() * 300)}`, 'd2: .word 2',
    '  .section .sdata, "aw"', 's0v: .word 3', `s1v: .zero ${4 * Math.floor(r() * 300)}`, 's2v: .dword 4',
    '  .bss', `b0: .zero ${8 * Math.floor(r() * 64)}`, '  .zero 512', 'stack_top:',
  ];
  const b = [
    '  .text', ...fn('g0', true), ...fn('g1', true),
    '  .section .text.far, "ax"', `  .space ${r() < 0.5 ? 0x100000 : 0x7f0}`, '  .globl far_fn', 'far_fn:', '  tail f1',
  ];
  return [a.join('\n') + '\n', b.join('\n') + '\n'];
}

const ALLOC = 0x2;

function gnu(files: string[], ld: string): Map<string, { address: number; bytes: Uint8Array }> {
  const objs = files.map((f, i) => {
    const o = join(work, `o${i}.o`);
    execFileSync('riscv64-unknown-elf-as', [`-march=${MARCH}`, '-mabi=lp64', f, '-o', o]);
    return o;
  });
  const out = join(work, 'gnu.elf');
  execFileSync('riscv64-unknown-elf-ld', ['-T', ld, ...objs, '-o', out]);
  const elf = readElf(new Uint8Array(readFileSync(out)));
  return new Map(elf.sections.filter((s) => (s.flags & ALLOC) !== 0 && s.type !== 8).map((s) => [s.name, { address: s.addr, bytes: s.bytes }]));
}

/** The first differing halfword with some context, or undefined when equal. */
function firstDifference(sec: string, got: Uint8Array, want: Uint8Array): string | undefined {
  if (Buffer.compare(Buffer.from(got), Buffer.from(want)) === 0) return undefined;
  let i = 0;
  while (i < got.length && i < want.length && got[i] === want[i]) i++;
  const at = i & ~1;
  const show = (b: Uint8Array): string => Buffer.from(b.subarray(at, at + 16)).toString('hex');
  return `${sec}+0x${at.toString(16)} (sizes ${got.length}/${want.length}): rvn ${show(got)} gnu ${show(want)}`;
}

let relaxedBytes = 0;

function compare(name: string, texts: string[], layout: Layout): void {
  const files = texts.map((t, i) => {
    const f = join(work, `${name}-${i}.S`);
    writeFileSync(f, t);
    return f;
  });
  const ldText = script(layout.base, layout.gp);
  const ld = join(work, `${name}.ld`);
  writeFileSync(ld, ldText);
  const want = gnu(files, ld);
  const sources = texts.map((t, i) => ({ name: `${name}-${i}.S`, text: t }));
  const image = buildImage(sources, { relax: true, script: { name: ld, text: ldText } });
  for (const [sec, w] of want) {
    const got = image.sections.find((s) => s.name === sec);
    expect(got?.address, `${name} ${sec} address`).toBe(w.address);
    expect(firstDifference(sec, got?.bytes ?? new Uint8Array(), w.bytes), name).toBeUndefined();
  }
  const unrelaxed = buildImage(sources, { relax: false, script: { name: ld, text: ldText } });
  const size = (img: typeof image): number => img.sections.filter((s) => s.kind === 'text').reduce((n, s) => n + s.size, 0);
  relaxedBytes += size(unrelaxed) - size(image);
}

describe('linker relaxation: rvn and GNU as + ld (both relaxing) give the same bytes', () => {
  const layouts: [string, Layout][] = [
    ['linked at 0x80000000 with __global_pointer$', { base: 0x80000000, gp: true, lui: false }],
    ['linked at 0x10000 with __global_pointer$ (lui, c.lui)', { base: 0x10000, gp: true, lui: true }],
    ['linked at 0x10000 without __global_pointer$', { base: 0x10000, gp: false, lui: true }],
    ['linked at 0x100 (x0-relative)', { base: 0x100, gp: false, lui: true }],
  ];
  for (const [what, layout] of layouts) {
    it(`${SEEDS} generated programs ${what}`, () => {
      relaxedBytes = 0;
      for (let seed = 1; seed <= SEEDS; seed++) compare(`p${layout.base.toString(16)}${layout.gp ? 'g' : ''}-${seed}`, program(seed, layout), layout);
      // The programs give relaxation something to do: the code shrank.
      expect(relaxedBytes).toBeGreaterThan(0);
    });
  }
});
