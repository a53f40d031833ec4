/**
 * `--trace commits`: lines in Spike's --log-commits format (riscv-isa-sim execute.cc
 * commit_log_print_insn). Expected lines are written by hand: instruction words checked with
 * GNU as/objdump (rv64imac), values computed from the ISA manual.
 */
import { describe, expect, it } from 'vitest';
import { runTraced } from './helpers';

const RAM = '0x80000000:0x90000000';
const BAD = `
    .globl _start
_start:
    ecall
`;

function lines(text: string | undefined): string[] {
  return (text ?? '').split('\n').filter((l) => l !== '');
}

describe('--trace commits', () => {
  it('prints register writes, loads, stores, CSR writes and AMOs as Spike does', () => {
    const src = `
    .globl _start
_start:
    auipc t0, 0x1
    li a0, 5
    sb a0, 24(t0)
    sh a0, 26(t0)
    sw a0, 28(t0)
    sd a0, 32(t0)
    lw a1, 28(t0)
    lbu a2, 24(t0)
    csrw mscratch, a0
    csrr a3, mscratch
    amoadd.d a4, a0, (t0)
    lr.d a5, (t0)
    sc.d a6, a0, (t0)
    sc.d a6, a0, (t0)
    j 1f
1:  c.addi a0, 1
    ecall
`;
    const { out } = runTraced(src, { trace: 'commits', tracePc: RAM }, { maxInsns: 40 });
    expect(lines(out.files.get('stderr'))).toEqual([
      'core   0: 3 0x0000000080000000 (0x00001297) x5  0x0000000080001000',
      'core   0: 3 0x0000000080000004 (0x4515) x10 0x0000000000000005',
      'core   0: 3 0x0000000080000006 (0x00a28c23) mem 0x0000000080001018 0x05',
      'core   0: 3 0x000000008000000a (0x00a29d23) mem 0x000000008000101a 0x0005',
      'core   0: 3 0x000000008000000e (0x00a2ae23) mem 0x000000008000101c 0x00000005',
      'core   0: 3 0x0000000080000012 (0x02a2b023) mem 0x0000000080001020 0x0000000000000005',
      'core   0: 3 0x0000000080000016 (0x01c2a583) x11 0x0000000000000005 mem 0x000000008000101c',
      'core   0: 3 0x000000008000001a (0x0182c603) x12 0x0000000000000005 mem 0x0000000080001018',
      'core   0: 3 0x000000008000001e (0x34051073) c832_mscratch 0x0000000000000005',
      'core   0: 3 0x0000000080000022 (0x340026f3) x13 0x0000000000000005',
      'core   0: 3 0x0000000080000026 (0x00a2b72f) x14 0x0000000000000000 mem 0x0000000080001000 mem 0x0000000080001000 0x0000000000000005',
      'core   0: 3 0x000000008000002a (0x1002b7af) x15 0x0000000000000005 mem 0x0000000080001000',
      'core   0: 3 0x000000008000002e (0x18a2b82f) x16 0x0000000000000000 mem 0x0000000080001000 0x0000000000000005',
      'core   0: 3 0x0000000080000032 (0x18a2b82f) x16 0x0000000000000001',
      // rvn's assembler picks c.j for the short forward jump (GNU ld would relax it so too).
      'core   0: 3 0x0000000080000036 (0xa009)',
      'core   0: 3 0x0000000080000038 (0x0505) x10 0x0000000000000006',
      // ecall traps: Spike prints no commit line for it.
    ]);
  });

  it('shows the privilege each instruction ran in and the CSRs xRET and sstatus writes log (as Spike logs them)', () => {
    // mstatus on RV64 reads with UXL = SXL = 2 (bits 35:32 = 0xa), as in Spike.
    const src = `
    .globl _start
_start:
    lui t2, 0x1
    addiw t2, t2, -1920
    csrw mstatus, t2
    auipc t1, 0
    addi t1, t1, 16
    csrw mepc, t1
    mret
s_mode:
    csrsi sstatus, 2
    ecall
`;
    const { out } = runTraced(src, { trace: 'commits', tracePc: RAM }, { maxInsns: 20 }, {}, false);
    expect(lines(out.files.get('stderr'))).toEqual([
      'core   0: 3 0x0000000080000000 (0x000013b7) x7  0x0000000000001000',
      'core   0: 3 0x0000000080000004 (0x8803839b) x7  0x0000000000000880',
      'core   0: 3 0x0000000080000008 (0x30039073) c768_mstatus 0x0000000a00000880',
      'core   0: 3 0x000000008000000c (0x00000317) x6  0x000000008000000c',
      'core   0: 3 0x0000000080000010 (0x01030313) x6  0x000000008000001c',
      'core   0: 3 0x0000000080000014 (0x34131073) c833_mepc 0x000000008000001c',
      // MIE <- MPIE, MPIE <- 1, MPP <- U (privileged spec 3.3.2).
      'core   0: 3 0x0000000080000018 (0x30200073) c768_mstatus 0x0000000a00000088',
      'core   0: 1 0x000000008000001c (0x10016073) c768_mstatus 0x0000000a0000008a',
    ]);
  });

  it('limits by instruction index and pc range, and --trace insns adds disassembly and traps', () => {
    const src = `
    .globl _start
_start:
    li a0, 1
    li a0, 2
    li a0, 3
    ecall
`;
    // The boot ROM runs first; RAM instructions are the hart's retired instructions 6.. (0-based).
    const all = runTraced(src, { trace: 'commits' }, { maxInsns: 9 });
    const inRam = lines(all.out.files.get('stderr')).filter((l) => l.startsWith('core   0: 3 0x00000000800'));
    expect(inRam.length).toBe(3);
    const firstRam = lines(all.out.files.get('stderr')).indexOf(inRam[0]);
    const ranged = runTraced(src, { trace: 'commits', traceFrom: String(firstRam + 1), traceTo: String(firstRam + 2) }, { maxInsns: 9 });
    expect(lines(ranged.out.files.get('stderr'))).toEqual(['core   0: 3 0x0000000080000002 (0x4509) x10 0x0000000000000002']);
    const insns = runTraced(src, { trace: 'insns', tracePc: '0x80000002:0x80000008', traceFile: 't.log' }, { maxInsns: 10 });
    expect(lines(insns.out.files.get('t.log'))).toEqual([
      'core   0: 0x0000000080000002 (0x4509) li\ta0,2',
      'core   0: 3 0x0000000080000002 (0x4509) x10 0x0000000000000002',
      'core   0: 0x0000000080000004 (0x450d) li\ta0,3',
      'core   0: 3 0x0000000080000004 (0x450d) x10 0x0000000000000003',
      'core   0: exception machine_ecall, epc 0x0000000080000006',
    ]);
    expect(insns.out.files.has('stderr')).toBe(false);
  });

  it('rejects bad trace options with a one-line error', () => {
    expect(() => runTraced(BAD, { trace: 'everything' }, { maxInsns: 1 })).toThrow(/--trace: 'everything'/);
    expect(() => runTraced(BAD, { trace: 'commits', tracePc: '5:1' }, { maxInsns: 1 })).toThrow(/HI must be greater/);
    expect(() => runTraced(BAD, { traceFrom: 'x' }, { maxInsns: 1 })).toThrow(/need --trace/);
    expect(() => runTraced(BAD, { trace: 'commits', traceTo: '-3' }, { maxInsns: 1 })).toThrow(/non-negative integer/);
  });
});
