// -march/-mabi: what the assembler accepts and the Tag_RISCV_arch it records. The attribute
// strings were read with `riscv64-unknown-elf-readelf -A` from objects made on the development
// machine by `riscv64-unknown-elf-as -march=ISA t.s` (binutils 2.40), t.s holding the lines shown.
import { describe, expect, it } from 'vitest';
import { assemble } from '../../src/asm/assembler';
import { RvnError } from '../../src/errors';
import { makeTarget } from '../../src/asm/target';

const arch = (march: string, text = 'nop\n'): string | undefined => assemble(text, 't.s', { march }).attributes?.arch;

describe('Tag_RISCV_arch as GNU as writes it', () => {
  const cases: [string, string][] = [
    ['rv64imac_zicsr_zifencei', 'rv64i2p1_m2p0_a2p1_c2p0_zicsr2p0_zifencei2p0_zmmul1p0'],
    ['rv64g', 'rv64i2p1_m2p0_a2p1_f2p2_d2p2_zicsr2p0_zifencei2p0_zmmul1p0'],
    ['rv64gc', 'rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0_zicsr2p0_zifencei2p0_zmmul1p0'],
    ['rv64i', 'rv64i2p1'],
    ['rv64imafdc', 'rv64i2p1_m2p0_a2p1_f2p2_d2p2_c2p0_zicsr2p0_zmmul1p0'],
    ['rv64ima_zicsr', 'rv64i2p1_m2p0_a2p1_zicsr2p0_zmmul1p0'],
  ];
  for (const [march, want] of cases) it(march, () => expect(arch(march)).toBe(want));
  it('.option arch, +c / -m change it (zmmul stays: M implied it)', () => {
    expect(arch('rv64ima', '.option arch, +c\nnop\n.option arch, -m\n')).toBe('rv64i2p1_a2p1_c2p0_zmmul1p0');
  });
  it('.option arch, ISA-STRING replaces it', () => expect(arch('rv64imac', '.option arch, rv64i_zicsr\nnop\n')).toBe('rv64i2p1_zicsr2p0'));
  it('.option push/pop restore it', () => expect(arch('rv64g', '.option push\n.option arch, +c\nnop\n.option pop\n')).toBe(arch('rv64g')));
});

describe('instructions need their extension (GNU as: "extension `m\' or `zmmul\' required")', () => {
  it('mul without M', () => expect(() => assemble('  mul a0, a0, a0\n', 't.s', { march: 'rv64i' })).toThrow("'mul' needs extension 'm'"));
  it('mul with Zmmul only, div not', () => {
    expect(() => assemble('  mul a0, a0, a0\n', 't.s', { march: 'rv64i_zmmul' })).not.toThrow();
    expect(() => assemble('  div a0, a0, a0\n', 't.s', { march: 'rv64i_zmmul' })).toThrow("'div' needs extension 'm'");
  });
  it('csrr without Zicsr', () => expect(() => assemble('  csrr a0, mstatus\n', 't.s', { march: 'rv64ima' })).toThrow("'csrrs' needs extension 'zicsr'"));
  it('C from -march: compression on or off', () => {
    expect(assemble('  addi a0, a0, 1\n', 't.s', { march: 'rv64imac' }).sections[0].size).toBe(2);
    expect(assemble('  addi a0, a0, 1\n', 't.s', { march: 'rv64ima' }).sections[0].size).toBe(4);
  });
});

describe('bad targets are usage errors', () => {
  const bad = (o: Parameters<typeof makeTarget>[0]): string => {
    try {
      makeTarget(o);
    } catch (e) {
      expect(e).toBeInstanceOf(RvnError);
      expect((e as RvnError).exitCode).toBe(2);
      return (e as Error).message;
    }
    throw new Error('accepted');
  };
  it('RV32', () => expect(bad({ march: 'rv32imac' })).toMatch(/rvn is RV64 only/));
  it('an unknown extension', () => expect(bad({ march: 'rv64imacv' })).toMatch(/extension 'v' is not supported/));
  it('out of canonical order', () => expect(bad({ march: 'rv64icm' })).toMatch(/not in canonical order/));
  it('an ABI the ISA cannot have', () => expect(bad({ march: 'rv64imac', mabi: 'lp64d' })).toMatch(/lp64d requires -march to include the D extension/));
});
