/**
 * CSR semantics: reset values, WARL masks, the sstatus/sie/sip and ustatus/uie/uip views,
 * counter-enable checks, read-only and privilege traps, and the no-write rule for csrrs/csrrc
 * with x0 (privileged spec 1.12 ch. 2-4, Zicsr; uintr.md §1-2 for the N and UINTR CSRs).
 */
import { describe, expect, test } from 'vitest';
import { Cause, Priv } from '../../src/cpu/hart';
import { Csr, CsrTable, csrByName, csrName } from '../../src/csr/table';
import { enc, machine, R, RAM } from '../cpu/asm';

const { a0, a1 } = R;

function m0(ext?: string) {
  const m = machine(ext ? { misaExtensions: ext } : {});
  const h = m.hart;
  h.writeCsr(Csr.mtvec, RAM + 0x800);
  const rd = (n: number): [number, number] => {
    const v = h.readCsr(n) as [number, number];
    return [v[0] >>> 0, v[1] >>> 0];
  };
  /** Runs one CSR instruction at privilege `priv`; returns the trap cause or -1. */
  const exec = (word: number, priv: number = Priv.M): number => {
    m.words(RAM, [word]);
    h.pc = RAM;
    h.writeCsr(Csr.mcause, 0xff);
    h.setPrivilege(priv);
    m.run(1);
    const c = (h.readCsr(Csr.mcause) as [number, number])[0];
    return c === 0xff ? -1 : c;
  };
  return { m, h, rd, exec };
}

describe('table', () => {
  test('names and numbers', () => {
    expect(csrByName('mstatus')).toBe(0x300);
    expect(csrByName('suist')).toBe(0x1b0);
    expect(csrName(0xc1f)).toBe('hpmcounter31');
    expect(csrName(0x3a2)).toBe('pmpcfg2');
    expect(csrName(0x3a1)).toBeUndefined(); // odd pmpcfg do not exist on RV64
    expect(CsrTable.find((d) => d.num === 0xf14)?.readOnly).toBe(true);
    expect(CsrTable.find((d) => d.num === 0x044)?.priv).toBe(0); // uip is a U-level CSR
  });
  test('one entry per CSR (Csr is an enum: its number-to-name entries are not CSRs)', () => {
    // 52 named in Csr (56 less pmpcfg0, pmpaddr0, mhpmcounter3, mhpmevent3, made below),
    // hpmcounter/mhpmcounter/mhpmevent 3..31 (3 × 29), pmpcfg0..14 even (8), pmpaddr0..15 (16).
    expect(CsrTable.length).toBe(52 + 87 + 8 + 16);
    expect(new Set(CsrTable.map((d) => d.num)).size).toBe(CsrTable.length);
    expect(CsrTable.filter((d) => typeof d.num !== 'number' || /^[0-9]/.test(d.name))).toEqual([]);
  });
});

describe('reset values and WARL', () => {
  test('misa, mstatus, mhartid at reset', () => {
    const { rd } = m0();
    expect(rd(Csr.misa)).toEqual([0x143105, 0x80000000]); // MXL=2; A C I M N S U
    expect(rd(Csr.mstatus)).toEqual([0, 0xa]); // UXL = SXL = 2
    expect(rd(Csr.mhartid)).toEqual([0, 0]);
    expect(rd(Csr.mvendorid)).toEqual([0, 0]);
    expect(rd(Csr.satp)).toEqual([0, 0]);
  });
  test('misa without N', () => {
    expect(m0('IMACSU').rd(Csr.misa)).toEqual([0x141105, 0x80000000]);
  });
  test('writable masks', () => {
    const { h, rd } = m0();
    h.writeCsr(Csr.mstatus, -1, -1);
    expect(rd(Csr.mstatus)).toEqual([0x7e19bb, 0xa]);
    h.writeCsr(Csr.mstatus, 2 << 11); // MPP = 2 is reserved
    expect((rd(Csr.mstatus)[0] >> 11) & 3).toBe(0);
    h.writeCsr(Csr.medeleg, -1);
    expect(rd(Csr.medeleg)[0]).toBe(0xb3ff); // not 11 (ecall from M), not reserved 10/14
    h.writeCsr(Csr.mideleg, -1);
    expect(rd(Csr.mideleg)[0]).toBe(0x333); // S and U interrupts, bit 0 = USIP
    h.writeCsr(Csr.mie, -1);
    expect(rd(Csr.mie)[0]).toBe(0xbbb);
    h.writeCsr(Csr.mip, -1);
    expect(rd(Csr.mip)[0]).toBe(0x333); // MSIP/MTIP/MEIP are read-only (hardware)
    h.writeCsr(Csr.mepc, 0x80000003);
    expect(rd(Csr.mepc)[0]).toBe(0x80000002);
    h.writeCsr(Csr.mtvec, 0x80000101);
    expect(rd(Csr.mtvec)[0]).toBe(0x80000101);
    h.writeCsr(Csr.mtvec, 0x80000102); // mode 2 reserved → direct
    expect(rd(Csr.mtvec)[0]).toBe(0x80000100);
    h.writeCsr(Csr.satp, 5, 0x10000000); // MODE 1: unsupported, write ignored
    expect(rd(Csr.satp)).toEqual([0, 0]);
    h.writeCsr(Csr.satp, 0x80010, 0x80000000 | 0);
    expect(rd(Csr.satp)).toEqual([0x80010, 0x80000000]);
    h.writeCsr(0x3b0, -1, -1);
    expect(rd(0x3b0)).toEqual([0xffffffff, 0x3fffff]); // pmpaddr: 54 bits
  });
  test('mhpmevent accepts the documented events only', () => {
    const { h, rd } = m0();
    h.writeCsr(0x323, 15);
    expect(rd(0x323)[0]).toBe(15);
    h.writeCsr(0x324, 99);
    expect(rd(0x324)[0]).toBe(0);
  });
});

describe('views', () => {
  test('sstatus is a restricted view of mstatus', () => {
    const { h, rd } = m0();
    h.writeCsr(Csr.mstatus, -1);
    expect(rd(Csr.sstatus)).toEqual([0xc0133, 2]); // UIE SIE UPIE SPIE SPP SUM MXR; UXL
    h.writeCsr(Csr.sstatus, 0);
    expect(rd(Csr.mstatus)[0]).toBe(0x7e19bb & ~0xc0133);
  });
  test('sie/sip through mideleg, bit 0 included; uie/uip through sideleg', () => {
    const { h, rd } = m0();
    h.writeCsr(Csr.mie, -1);
    h.writeCsr(Csr.mideleg, 0x223);
    expect(rd(Csr.sie)[0]).toBe(0x223);
    h.writeCsr(Csr.sie, 0);
    expect(rd(Csr.mie)[0]).toBe(0xbbb & ~0x223);
    h.writeCsr(Csr.sip, -1);
    expect(rd(Csr.mip)[0]).toBe(0x3); // only SSIP and (delegated) USIP writable via sip
    h.writeCsr(Csr.mip, 0);
    h.writeCsr(Csr.sideleg, 0x111);
    expect(rd(Csr.sideleg)[0]).toBe(0x111);
    h.writeCsr(Csr.uip, -1);
    expect(rd(Csr.mip)[0]).toBe(0x101); // USIP and UEIP
    h.writeCsr(Csr.ustatus, -1);
    expect(rd(Csr.mstatus)[0] & 0xff).toBe(0x11);
    expect(rd(Csr.ustatus)[0]).toBe(0x11);
  });
});

describe('access checks', () => {
  test('privilege: S cannot touch M CSRs, U cannot touch S CSRs or suist', () => {
    const { exec } = m0();
    expect(exec(enc('csrrs', a0, Csr.mstatus, 0), Priv.S)).toBe(Cause.Illegal);
    expect(exec(enc('csrrs', a0, Csr.sstatus, 0), Priv.S)).toBe(-1);
    expect(exec(enc('csrrs', a0, Csr.sstatus, 0), Priv.U)).toBe(Cause.Illegal);
    expect(exec(enc('csrrs', a0, Csr.suist, 0), Priv.U)).toBe(Cause.Illegal);
    expect(exec(enc('csrrs', a0, Csr.uscratch, 0), Priv.U)).toBe(-1);
  });
  test('read-only CSRs trap on writes but not on csrrs/csrrc with x0 or zimm 0', () => {
    const { exec, h } = m0();
    expect(exec(enc('csrrw', a0, Csr.mhartid, 0))).toBe(Cause.Illegal);
    expect((h.readCsr(Csr.mtval) as [number, number])[0] >>> 0).toBe(enc('csrrw', a0, Csr.mhartid, 0));
    expect(exec(enc('csrrs', a0, Csr.mhartid, 0))).toBe(-1);
    expect(exec(enc('csrrc', a0, Csr.cycle, 0))).toBe(-1);
    expect(exec(enc('csrrsi', a0, Csr.mhartid, 0))).toBe(-1);
    expect(exec(enc('csrrsi', a0, Csr.mhartid, 1))).toBe(Cause.Illegal);
    expect(exec(enc('csrrs', a0, Csr.mhartid, a1))).toBe(Cause.Illegal);
  });
  test('unimplemented CSRs trap', () => {
    const { exec } = m0();
    expect(exec(enc('csrrs', a0, 0x7c0, 0))).toBe(Cause.Illegal);
    expect(exec(enc('csrrs', a0, 0x3a1, 0))).toBe(Cause.Illegal);
  });
  test('N-extension CSRs are absent without misa.N', () => {
    const { exec } = m0('IMACSU');
    expect(exec(enc('csrrs', a0, Csr.utvec, 0))).toBe(Cause.Illegal);
    expect(exec(enc('csrrs', a0, Csr.suirs, 0))).toBe(Cause.Illegal);
  });
  test('counters: mcounteren gates S and U, scounteren gates U', () => {
    const { exec, h } = m0();
    expect(exec(enc('csrrs', a0, Csr.cycle, 0), Priv.S)).toBe(Cause.Illegal);
    h.writeCsr(Csr.mcounteren, 1);
    expect(exec(enc('csrrs', a0, Csr.cycle, 0), Priv.S)).toBe(-1);
    expect(exec(enc('csrrs', a0, Csr.cycle, 0), Priv.U)).toBe(Cause.Illegal);
    h.writeCsr(Csr.scounteren, 1);
    expect(exec(enc('csrrs', a0, Csr.cycle, 0), Priv.U)).toBe(-1);
    expect(exec(enc('csrrs', a0, Csr.instret, 0), Priv.U)).toBe(Cause.Illegal);
  });
  test('satp is trapped by mstatus.TVM in S', () => {
    const { exec, h } = m0();
    h.writeCsr(Csr.mstatus, 1 << 20);
    expect(exec(enc('csrrs', a0, Csr.satp, 0), Priv.S)).toBe(Cause.Illegal);
    expect(exec(enc('sfence.vma', 0, 0), Priv.S)).toBe(Cause.Illegal);
  });
});

describe('CSR instruction semantics', () => {
  test('csrrw/csrrs/csrrc and immediate forms return the old value', () => {
    const { m, h } = m0();
    m.words(RAM, [
      enc('csrrw', a0, Csr.mscratch, a1), enc('csrrsi', a0, Csr.mscratch, 0x10),
      enc('csrrci', a0, Csr.mscratch, 0x3), enc('csrrs', a0, Csr.mscratch, 0),
    ]);
    h.setX(a1, 0xf);
    m.run(1);
    expect(h.getX(a0)).toBe(0);
    m.run(1);
    expect(h.getX(a0)).toBe(0xf);
    m.run(1);
    expect(h.getX(a0)).toBe(0x1f);
    m.run(1);
    expect(h.getX(a0)).toBe(0x1c);
  });
  test('scratch, epc, cause and tval written by instructions (the plain CSRs\' short path)', () => {
    const { h, rd, exec } = m0();
    h.setX(a1, 0x80000003);
    expect(exec(enc('csrrw', 0, Csr.mepc, a1))).toBe(-1);
    expect(rd(Csr.mepc)).toEqual([0x80000002, 0]); // bit 0 of an epc is always 0
    expect(exec(enc('csrrsi', a0, Csr.sepc, 0x5), Priv.S)).toBe(-1);
    expect(rd(Csr.sepc)).toEqual([0x4, 0]);
    h.setX(a1, -1);
    expect(exec(enc('csrrs', 0, Csr.uepc, a1), Priv.U)).toBe(-1);
    expect(rd(Csr.uepc)).toEqual([0xfffffffe, 0xffffffff]);
    expect(exec(enc('csrrc', a0, Csr.uepc, a1), Priv.U)).toBe(-1);
    expect(h.getXLo(a0) >>> 0).toBe(0xfffffffe);
    expect(rd(Csr.uepc)).toEqual([0, 0]);
    expect(exec(enc('csrrw', 0, Csr.stval, a1), Priv.S)).toBe(-1);
    expect(rd(Csr.stval)).toEqual([0xffffffff, 0xffffffff]);
    expect(exec(enc('csrrw', 0, Csr.mscratch, a1), Priv.S)).toBe(Cause.Illegal);
    expect(exec(enc('csrrs', a0, Csr.scause, 0), Priv.U)).toBe(Cause.Illegal);
    expect(m0('IMACSU').exec(enc('csrrs', a0, Csr.uscratch, 0), Priv.U)).toBe(Cause.Illegal);
  });
  test('minstret counts retired instructions; cycle follows the timing model', () => {
    const { m, h } = m0();
    m.words(RAM, [enc('addi', 0, 0, 0), enc('addi', 0, 0, 0), enc('csrrs', a0, Csr.minstret, 0), enc('csrrs', a1, Csr.mcycle, 0)]);
    m.run(4);
    expect(h.getX(a0)).toBe(2);
    expect(h.getX(a1)).toBe(3); // the ideal model: one cycle per instruction
  });
  test('mhpmcounter counts user interrupts, uipi sends and urets (events 15, 16, 18)', () => {
    const { m, h } = m0();
    h.writeCsr(0x323, 18); // mhpmevent3 = urets
    m.words(RAM, [enc('uret')]);
    h.writeCsr(Csr.uepc, RAM);
    m.run(3);
    expect(h.readCsr(0xb03)).toEqual([3, 0]);
  });
});
