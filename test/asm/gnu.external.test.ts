// Live comparison with the GNU toolchain (riscv64-unknown-elf-gcc/as/ld, -mno-relax): the corpus,
// plus generated programs (li of random constants, random compressible operand combinations,
// random branch/jump layouts that exercise relaxation). Fails if the tools are missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildImage, buildProgram } from '../../src/link/build';
import { corpusPrograms, gnuBuild, textAddress } from './gen-expected.mjs';

const work = mkdtempSync(join(tmpdir(), 'rvn-asm-ext-'));
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

/** Builds `text` with both toolchains and compares every section GNU produced. */
function compare(name: string, texts: string[]): void {
  const files = texts.map((t, i) => {
    const f = join(work, `${name}-${i}.S`);
    writeFileSync(f, t);
    return f;
  });
  const want = gnuBuild(files, work);
  const image = buildImage(texts.map((t, i) => ({ name: `${name}-${i}.S`, text: t })), { text: textAddress(texts[0]) });
  for (const [sec, w] of Object.entries(want)) {
    const got = image.sections.find((s) => s.name === sec);
    expect(got?.address, `${name} ${sec} address`).toBe(w.address);
    const g = (hex(got?.bytes ?? new Uint8Array()).match(/.{1,8}/g) ?? []).map((x, i) => `${sec}+${(i * 4).toString(16)} ${x}`);
    const e = (w.hex.match(/.{1,8}/g) ?? []).map((x, i) => `${sec}+${(i * 4).toString(16)} ${x}`);
    expect(g, name).toEqual(e);
  }
}

/** Deterministic pseudo-random numbers (xorshift), so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13; s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5; s >>>= 0;
    return s / 2 ** 32;
  };
}

const HEAD = '  .text\n  .globl _start\n_start:\n';

describe('GNU toolchain comparison', () => {
  for (const { name, files } of corpusPrograms()) {
    it(`corpus ${name}`, () => compare(name.replace(/\W/g, '_'), files.map((f) => readFileSync(f, 'utf8'))));
  }

  it('li of random 64-bit constants (C on and off)', () => {
    const r = rng(12345);
    const lines: string[] = [];
    for (let i = 0; i < 400; i++) {
      let v = 0n;
      for (let k = 0; k < 4; k++) v = (v << 16n) | BigInt(Math.floor(r() * 65536));
      const shape = i % 5;
      if (shape === 1) v &= (1n << BigInt(Math.floor(r() * 64))) - 1n;
      if (shape === 2) v = BigInt.asIntN(64, v) >> BigInt(Math.floor(r() * 64));
      if (shape === 3) v = (v & 0xfffn) << BigInt(Math.floor(r() * 52));
      if (shape === 4) v = BigInt(Math.floor(r() * 8192) - 4096);
      const c = BigInt.asIntN(64, v);
      lines.push(`  li a${i % 8}, ${c}`);
      if (i === 200) lines.push('  .option norvc');
    }
    compare('li', [HEAD + lines.join('\n') + '\n']);
  });

  it('random operands of compressible instructions', () => {
    const r = rng(777);
    const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
    const regs = ['zero', 'ra', 'sp', 'gp', 's0', 's1', 'a0', 'a5', 'a6', 't0', 't6'];
    const imms = [0, 1, -1, 4, 8, 16, 31, -32, 32, 63, 64, 124, 128, 248, 252, 256, 496, 504, 512, 1020, 1024, -512, -528, 2047, -2048];
    const lines: string[] = [];
    for (let i = 0; i < 1500; i++) {
      const d = pick(regs), s = pick(regs), t = pick(regs);
      const imm = pick(imms);
      const mem = (align: number): string => `${imm & ~(align - 1) & 2047}(${s})`;
      const forms = [
        `addi ${d}, ${pick([d, s])}, ${imm}`, `addiw ${d}, ${pick([d, s])}, ${imm}`, `add ${d}, ${pick([d, s])}, ${pick([t, d])}`,
        `add ${d}, ${pick([d, s])}, ${imm}`, `addw ${d}, ${pick([d, s])}, ${t}`, `subw ${d}, ${pick([d, s])}, ${t}`,
        `sub ${d}, ${pick([d, s])}, ${t}`, `and ${d}, ${pick([d, s])}, ${pick([t, d])}`, `andi ${d}, ${pick([d, s])}, ${imm}`,
        `or ${d}, ${pick([d, s])}, ${t}`, `xor ${d}, ${t}, ${pick([d, s])}`, `slli ${d}, ${pick([d, s])}, ${Math.abs(imm) & 63}`,
        `srli ${d}, ${pick([d, s])}, ${Math.abs(imm) & 63}`, `srai ${d}, ${pick([d, s])}, ${Math.abs(imm) & 63}`,
        `lw ${d}, ${mem(1)}`, `ld ${d}, ${mem(1)}`, `sw ${d}, ${mem(1)}`, `sd ${d}, ${mem(1)}`,
        `lui ${d}, ${imm & 0xfffff}`, `li ${d}, ${imm * pick([1, 4096, 1 << 16])}`, `mv ${d}, ${s}`,
        `sext.w ${d}, ${pick([d, s])}`, `jr ${s === 'zero' ? 'a0' : s}`, `jalr ${s === 'zero' ? 'a0' : s}`, 'ret', 'nop', 'ebreak',
        `lw ${d}, ${imm & 2047}(sp)`, `sd ${d}, ${imm & 2047}(sp)`, `addi sp, sp, ${imm}`, `addi ${d}, sp, ${imm & 2047}`,
      ];
      lines.push(`  ${pick(forms)}`);
    }
    compare('compress', [HEAD + lines.join('\n') + '\n']);
  });

  const seeds = Number(process.env.RVN_ASM_SEEDS ?? 12);
  for (let seed = 1; seed <= seeds; seed++) {
    it(`random branch layout #${seed}`, () => {
      const r = rng(seed * 7919);
      const pick = <T,>(a: readonly T[]): T => a[Math.floor(r() * a.length)];
      const n = 12;
      const lines: string[] = [];
      const ops = ['beqz a0', 'bnez a5', 'beqz t0', 'beq a0, zero', 'bne s1, a1', 'blt a0, a1', 'bgeu t1, t2', 'j', 'jal', 'jal t0', 'bgtz a2'];
      if (seed % 4 === 0) lines.push('  .option norvc');
      for (let l = 0; l < n; l++) {
        lines.push(`L${l}:`);
        const k = Math.floor(r() * 6);
        for (let i = 0; i < k; i++) {
          const op = pick(ops);
          const target = r() < 0.1 ? 'ext' : `L${Math.floor(r() * n)}`;
          lines.push(`  ${op}${op.includes(' ') ? ',' : ''} ${target}`);
        }
        const space = pick([0, 2, 4, 100, 240, 250, 254, 256, 1000, 2040, 2046, 2048, 3000, 4090, 5000]);
        if (space) lines.push(`  .space ${space}`);
        if (r() < 0.2) lines.push(`  .align ${pick([2, 3, 4])}`);
      }
      const ext = '  .text\n  .globl ext\next:\n  ret\n';
      compare(`branches${seed}`, [HEAD + lines.join('\n') + '\n', ext]);
    });
  }
});

describe('ELF output read by GNU binutils', () => {
  const dir = join(new URL('.', import.meta.url).pathname, 'corpus', 'multi');
  const texts = ['a.S', 'b.S'].map((f) => readFileSync(join(dir, f), 'utf8'));
  const ours = join(work, 'rvn.elf');

  it('readelf -a reads it without warnings', () => {
    writeFileSync(ours, buildProgram(texts.map((text, i) => ({ name: `m${i}.S`, text }))));
    const r = spawnSync('riscv64-unknown-elf-readelf', ['-a', '-W', ours], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('RISC-V');
    expect(r.stdout).toMatch(/FUNC\s+GLOBAL\s+DEFAULT\s+1 _start/);
    expect(r.stdout).toMatch(/FUNC\s+GLOBAL\s+DEFAULT\s+1 helper/);
  });

  it('objdump -d disassembles it exactly like the GNU-linked program', () => {
    writeFileSync(ours, buildProgram(texts.map((text, i) => ({ name: `m${i}.S`, text }))));
    const files = texts.map((t, i) => {
      const f = join(work, `elf${i}.S`);
      writeFileSync(f, t);
      return f;
    });
    gnuBuild(files, work);
    const dis = (f: string): string[] => spawnSync('riscv64-unknown-elf-objdump', ['-d', '-j', '.text', f], { encoding: 'utf8' })
      .stdout.split('\n').filter((l) => /^\s+[0-9a-f]+:/.test(l) || /^[0-9a-f]+ </.test(l));
    const theirs = dis(join(work, 'out.elf'));
    expect(theirs.length).toBeGreaterThan(10);
    expect(dis(ours)).toEqual(theirs);
  });

  it('.riscv.attributes: readelf -A gives what it gives for GNU\'s program, and objdump names the N-extension CSRs', () => {
    const src = '  .globl _start\n_start:\n  csrr a0, 0x000\n  csrr a0, 0x005\n  csrw 0x044, a0\n  uret\n';
    const f = join(work, 'ncsr.S');
    writeFileSync(f, src);
    gnuBuild([f], work);
    writeFileSync(ours, buildProgram([{ name: 'ncsr.S', text: src }]));
    const attrs = (e: string): string => spawnSync('riscv64-unknown-elf-readelf', ['-A', e], { encoding: 'utf8' }).stdout;
    expect(attrs(ours)).toContain('Tag_RISCV_arch: "rv64i2p1_m2p0_a2p1_c2p0_zicsr2p0_zifencei2p0_zmmul1p0"');
    expect(attrs(ours)).toBe(attrs(join(work, 'out.elf')));
    const csrs = (e: string): string[] => spawnSync('riscv64-unknown-elf-objdump', ['-d', e], { encoding: 'utf8' }).stdout
      .split('\n').filter((l) => /csr/.test(l)).map((l) => l.replace(/^.*?:\s+[0-9a-f]+\s+/, ''));
    // The priv spec 1.11 recorded in the attributes still has ustatus/utvec/uip.
    expect(csrs(ours)).toEqual(['csrr\ta0,ustatus', 'csrr\ta0,utvec', 'csrw\tuip,a0']);
    expect(csrs(ours)).toEqual(csrs(join(work, 'out.elf')));
  });
});
