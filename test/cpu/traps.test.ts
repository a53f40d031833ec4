/**
 * Traps, delegation (M → S → U), vectored tvec, xRET, interrupts and WFI. Expected behaviour:
 * privileged spec 1.12 §3.1.6-3.1.9, 3.3, 4.1 and uintr.md §1 (N extension).
 */
import { describe, expect, test } from 'vitest';
import { Cause, Priv } from '../../src/cpu/hart';
import type { HartConfig } from '../../src/cpu/hart';
import { Csr } from '../../src/csr/table';
import { enc, machine, R, RAM } from './asm';

const HANDLER_M = RAM + 0x100;
const HANDLER_S = RAM + 0x200;
const HANDLER_U = RAM + 0x300;
const MSTATUS = { UIE: 1, SIE: 2, MIE: 8, UPIE: 0x10, SPIE: 0x20, MPIE: 0x80, SPP: 0x100, MPRV: 1 << 17, TW: 1 << 21, TSR: 1 << 22 };

function setup(program: number[], cfg: Partial<HartConfig> = {}) {
  const m = machine(cfg);
  m.words(RAM, program);
  const h = m.hart;
  h.writeCsr(Csr.mtvec, HANDLER_M);
  h.writeCsr(Csr.stvec, HANDLER_S);
  h.writeCsr(Csr.utvec, HANDLER_U);
  return { m, h, csr: (n: number) => (h.readCsr(n) as [number, number])[0], csrHi: (n: number) => (h.readCsr(n) as [number, number])[1] };
}

describe('exceptions', () => {
  test('ecall from U, S and M gives causes 8, 9, 11 and traps to M', () => {
    for (const [priv, cause] of [[Priv.U, 8], [Priv.S, 9], [Priv.M, 11]]) {
      const { m, h, csr } = setup([enc('ecall')]);
      h.setPrivilege(priv);
      m.run(1);
      expect(h.priv).toBe(Priv.M);
      expect(h.pc).toBe(HANDLER_M);
      expect(csr(Csr.mcause)).toBe(cause);
      expect(csr(Csr.mepc) >>> 0).toBe(RAM);
      expect((csr(Csr.mstatus) >> 11) & 3).toBe(priv); // MPP
      expect(h.instret).toBe(0); // ecall does not retire
    }
  });
  test('illegal instruction: tval holds the instruction word', () => {
    const { m, h, csr } = setup([0x30200073]); // mret from S
    h.setPrivilege(Priv.S);
    m.run(1);
    expect(csr(Csr.mcause)).toBe(Cause.Illegal);
    expect(csr(Csr.mtval) >>> 0).toBe(0x30200073);
  });
  test('medeleg sends U exceptions to S; MIE/SIE stacking', () => {
    const { m, h, csr } = setup([enc('ecall')]);
    h.writeCsr(Csr.medeleg, 1 << 8);
    h.writeCsr(Csr.mstatus, MSTATUS.SIE);
    h.setPrivilege(Priv.U);
    m.run(1);
    expect(h.priv).toBe(Priv.S);
    expect(h.pc).toBe(HANDLER_S);
    expect(csr(Csr.scause)).toBe(8);
    expect(csr(Csr.sepc) >>> 0).toBe(RAM);
    const ms = csr(Csr.mstatus);
    expect(ms & MSTATUS.SIE).toBe(0);
    expect(ms & MSTATUS.SPIE).toBe(MSTATUS.SPIE);
    expect(ms & MSTATUS.SPP).toBe(0);
  });
  test('exceptions in M are never delegated', () => {
    const { m, h, csr } = setup([enc('ecall')]);
    h.writeCsr(Csr.medeleg, 0xffff);
    m.run(1);
    expect(h.pc).toBe(HANDLER_M);
    expect(csr(Csr.mcause)).toBe(11);
  });
  test('sedeleg sends delegated U exceptions on to utvec (N extension)', () => {
    const { m, h, csr } = setup([enc('ebreak')]);
    h.writeCsr(Csr.medeleg, 1 << 3);
    h.writeCsr(Csr.sedeleg, 1 << 3);
    h.writeCsr(Csr.mstatus, MSTATUS.UIE);
    h.setPrivilege(Priv.U);
    m.run(1);
    expect(h.priv).toBe(Priv.U);
    expect(h.pc).toBe(HANDLER_U);
    expect(csr(Csr.ucause)).toBe(3);
    expect(csr(Csr.uepc) >>> 0).toBe(RAM);
    expect(csr(Csr.mstatus) & (MSTATUS.UIE | MSTATUS.UPIE)).toBe(MSTATUS.UPIE);
  });
});

describe('xRET', () => {
  test('mret to S: MIE ← MPIE, MPIE ← 1, MPP ← U, MPRV cleared', () => {
    const { m, h, csr } = setup([enc('mret')]);
    h.writeCsr(Csr.mepc, RAM + 0x40);
    h.writeCsr(Csr.mstatus, MSTATUS.MPIE | (1 << 11) | MSTATUS.MPRV);
    m.run(1);
    expect(h.priv).toBe(Priv.S);
    expect(h.pc).toBe(RAM + 0x40);
    const ms = csr(Csr.mstatus);
    expect(ms & MSTATUS.MIE).toBe(MSTATUS.MIE);
    expect(ms & MSTATUS.MPIE).toBe(MSTATUS.MPIE);
    expect((ms >> 11) & 3).toBe(0);
    expect(ms & MSTATUS.MPRV).toBe(0);
  });
  test('sret: illegal in U, and in S when TSR; otherwise returns to SPP', () => {
    const u = setup([enc('sret')]);
    u.h.setPrivilege(Priv.U);
    u.m.run(1);
    expect(u.csr(Csr.mcause)).toBe(Cause.Illegal);
    const t = setup([enc('sret')]);
    t.h.writeCsr(Csr.mstatus, MSTATUS.TSR);
    t.h.setPrivilege(Priv.S);
    t.m.run(1);
    expect(t.csr(Csr.mcause)).toBe(Cause.Illegal);
    const s = setup([enc('sret')]);
    s.h.writeCsr(Csr.sepc, RAM + 0x80);
    s.h.writeCsr(Csr.mstatus, MSTATUS.SPIE);
    s.h.setPrivilege(Priv.S);
    s.m.run(1);
    expect(s.h.priv).toBe(Priv.U);
    expect(s.h.pc).toBe(RAM + 0x80);
    expect(s.csr(Csr.mstatus) & (MSTATUS.SIE | MSTATUS.SPIE)).toBe(MSTATUS.SIE | MSTATUS.SPIE);
  });
  test('uret: UIE ← UPIE, UPIE ← 1, pc ← uepc; legal from M by default', () => {
    const { m, h, csr } = setup([enc('uret')]);
    h.writeCsr(Csr.uepc, RAM + 0x44);
    h.writeCsr(Csr.mstatus, MSTATUS.UPIE);
    m.run(1);
    expect(h.priv).toBe(Priv.M);
    expect(h.pc).toBe(RAM + 0x44);
    expect(csr(Csr.mstatus) & (MSTATUS.UIE | MSTATUS.UPIE)).toBe(MSTATUS.UIE | MSTATUS.UPIE);
    expect(h.urets).toBe(1);
  });
  test('uret outside U is illegal with uretLegalOnlyInU', () => {
    const { m, h, csr } = setup([enc('uret')], { uretLegalOnlyInU: true });
    h.setPrivilege(Priv.S);
    m.run(1);
    expect(csr(Csr.mcause)).toBe(Cause.Illegal);
  });
  test('uret is illegal without the N extension', () => {
    const { m, csr } = setup([enc('uret')], { misaExtensions: 'IMACSU' });
    m.run(1);
    expect(csr(Csr.mcause)).toBe(Cause.Illegal);
  });
});

describe('interrupts', () => {
  test('priority MEI > MSI > MTI; vectored mtvec for interrupts, base for exceptions', () => {
    const { m, h, csr, csrHi } = setup([enc('addi', 0, 0, 0)]);
    h.writeCsr(Csr.mtvec, HANDLER_M | 1);
    h.writeCsr(Csr.mie, (1 << 3) | (1 << 7) | (1 << 11));
    h.writeCsr(Csr.mstatus, MSTATUS.MIE);
    h.setHartIrq(7, true);
    h.setHartIrq(3, true);
    h.setHartIrq(11, true);
    m.run(1);
    expect(csr(Csr.mcause)).toBe(11);
    expect(csrHi(Csr.mcause)).toBe(0x80000000 | 0);
    expect(h.pc).toBe(HANDLER_M + 4 * 11);
    expect(csr(Csr.mepc) >>> 0).toBe(RAM);
    const e = setup([enc('ecall')]);
    e.h.writeCsr(Csr.mtvec, HANDLER_M | 1);
    e.m.run(1);
    expect(e.h.pc).toBe(HANDLER_M);
  });
  test('M interrupts are taken in S/U regardless of MIE; S interrupts need SIE in S', () => {
    const { m, h, csr } = setup([enc('addi', 0, 0, 0), enc('addi', 0, 0, 0)]);
    h.writeCsr(Csr.mie, 1 << 7);
    h.setPrivilege(Priv.U);
    h.setHartIrq(7, true);
    m.run(1);
    expect(h.priv).toBe(Priv.M);
    expect(csr(Csr.mcause)).toBe(7);
    const s = setup([enc('addi', 0, 0, 0), enc('addi', 0, 0, 0)]);
    s.h.writeCsr(Csr.mideleg, 1 << 1);
    s.h.writeCsr(Csr.mie, 1 << 1);
    s.h.writeCsr(Csr.mip, 1 << 1); // SSIP
    s.h.setPrivilege(Priv.S);
    s.m.run(1);
    expect(s.h.pc).toBe(RAM + 4); // SIE = 0 in S: not taken
    s.h.writeCsr(Csr.mstatus, MSTATUS.SIE);
    s.m.run(1);
    expect(s.h.pc).toBe(HANDLER_S);
    expect(s.csr(Csr.scause)).toBe(1);
  });
  test('user interrupt: delegated twice, taken only in U with UIE; uret re-enters while pending', () => {
    const { m, h, csr, csrHi } = setup([enc('addi', 0, 0, 0), enc('addi', 0, 0, 0)]);
    m.words(HANDLER_U, [enc('uret')]);
    h.writeCsr(Csr.mideleg, 1);
    h.writeCsr(Csr.sideleg, 1);
    h.writeCsr(Csr.mie, 1);
    h.setHartIrq(0, true); // UINTC line
    h.setPrivilege(Priv.S);
    m.run(1);
    expect(h.pc).toBe(RAM + 4); // not in S
    h.setPrivilege(Priv.U);
    m.run(1);
    expect(h.pc).toBe(RAM + 8); // UIE = 0
    h.pc = RAM;
    h.writeCsr(Csr.ustatus, MSTATUS.UIE);
    m.run(1);
    expect(h.priv).toBe(Priv.U);
    expect(h.pc).toBe(HANDLER_U);
    expect(csr(Csr.ucause)).toBe(0);
    expect(csrHi(Csr.ucause)).toBe(0x80000000 | 0);
    expect(csr(Csr.uepc) >>> 0).toBe(RAM);
    expect(csr(Csr.uip) & 1).toBe(1);
    expect(csr(Csr.mstatus) & (MSTATUS.UIE | MSTATUS.UPIE)).toBe(MSTATUS.UPIE);
    expect(h.userInterruptsTaken).toBe(1);
    m.run(1); // uret; the line is still high → taken again at once
    m.run(1);
    expect(h.userInterruptsTaken).toBe(2);
    expect(h.pc).toBe(HANDLER_U);
    h.setHartIrq(0, false);
    m.run(1); // uret
    m.run(1);
    expect(h.pc).toBe(RAM + 4);
  });
  test('csrs/csrc on uip do not latch the UINTC line into the software USIP bit', () => {
    const { m, h, csr } = setup([enc('csrrsi', 0, Csr.uip, 0x10 /* bit 4, not delegated */), enc('csrrci', 0, Csr.uip, 1)]);
    h.writeCsr(Csr.mideleg, 1);
    h.writeCsr(Csr.sideleg, 1);
    h.setHartIrq(0, true);
    m.run(1);
    h.setHartIrq(0, false);
    expect(csr(Csr.mip) & 1).toBe(0);
    h.writeCsr(Csr.uip, 1);
    m.run(1); // csrc uip, 1 clears the software bit
    expect(csr(Csr.mip) & 1).toBe(0);
  });
  test('setSoftwareIrq latches the software USIP bit and wakes a sleeping hart', () => {
    const { m, h, csr } = setup([enc('wfi')]);
    h.writeCsr(Csr.mie, 1);
    m.run(1);
    expect(h.sleeping).toBe(true);
    h.setSoftwareIrq(0, true);
    expect(h.sleeping).toBe(false);
    expect(csr(Csr.mip) & 1).toBe(1);
    expect(() => h.setSoftwareIrq(3, true)).toThrow();
  });
  test('software USIP (uip bit 0) ORs with the UINTC line', () => {
    const { h, csr } = setup([]);
    h.writeCsr(Csr.mideleg, 1);
    h.writeCsr(Csr.sideleg, 1);
    h.writeCsr(Csr.uip, 1);
    expect(csr(Csr.uip)).toBe(1);
    h.setHartIrq(0, true);
    h.writeCsr(Csr.uip, 0);
    expect(csr(Csr.uip)).toBe(1); // line still high
    h.setHartIrq(0, false);
    expect(csr(Csr.uip)).toBe(0);
  });
});

describe('WFI', () => {
  test('sleeps with nothing pending; wakes on pending&enabled even with MIE = 0', () => {
    const { m, h } = setup([enc('wfi'), enc('addi', R.a0, 0, 1)]);
    h.writeCsr(Csr.mie, 1 << 7);
    expect(m.run(10)).toBe(1);
    expect(h.sleeping).toBe(true);
    expect(m.run(10)).toBe(0);
    h.setHartIrq(7, true);
    expect(h.sleeping).toBe(false);
    m.run(1);
    expect(h.getX(R.a0)).toBe(1); // no trap: MIE = 0, execution continues after wfi
  });
  test('does not sleep when an enabled interrupt is already pending', () => {
    const { m, h } = setup([enc('wfi')]);
    h.writeCsr(Csr.mie, 1 << 3);
    h.setHartIrq(3, true);
    m.run(1);
    expect(h.sleeping).toBe(false);
  });
  test('illegal in U, and in S with TW', () => {
    const u = setup([enc('wfi')]);
    u.h.setPrivilege(Priv.U);
    u.m.run(1);
    expect(u.csr(Csr.mcause)).toBe(Cause.Illegal);
    const s = setup([enc('wfi')]);
    s.h.writeCsr(Csr.mstatus, MSTATUS.TW);
    s.h.setPrivilege(Priv.S);
    s.m.run(1);
    expect(s.csr(Csr.mcause)).toBe(Cause.Illegal);
  });
});

describe('wild jumps', () => {
  test('a jump to a non-canonical 64-bit address faults with the exact address', () => {
    const { m, h, csr, csrHi } = setup([enc('jalr', 0, 0, R.a0)]);
    h.setX(R.a0, 0x80002000, 0x80000000 | 0); // 0x8000000080002000
    m.run(1);
    expect(csr(Csr.mcause)).toBe(Cause.FetchAccess);
    expect([csr(Csr.mepc) >>> 0, csrHi(Csr.mepc) >>> 0]).toEqual([0x80002000, 0x80000000]);
    expect([csr(Csr.mtval) >>> 0, csrHi(Csr.mtval) >>> 0]).toEqual([0x80002000, 0x80000000]);
  });
});

describe('status writes and the fetch cache', () => {
  // A status write that only changes interrupt enables leaves the hart's translation state
  // (and so its fetch cache and a running block) alone; one that changes SUM, MXR, MPRV or MPP
  // recomputes it (src/cpu/hart.ts, afterCsrWrite). Priv. spec 3.1.6: those four bits are the
  // ones that change how addresses translate.
  test('csrsi mstatus, MIE keeps the fetch page; csrs mstatus with MXR drops it', () => {
    const m = machine();
    const { t0 } = R;
    m.words(RAM, [enc('csrrsi', 0, Csr.mstatus, 8), enc('lui', t0, 0x80000), enc('csrrs', 0, Csr.mstatus, t0), enc('addi', t0, t0, 0)]);
    const h = m.hart;
    m.run(1);
    expect(h.fetchVBase).toBe(RAM);
    expect((h.readCsr(Csr.mstatus) as [number, number])[0] & 8).toBe(8);
    m.run(1); // lui: t0 = MXR (bit 19)
    m.run(1);
    expect((h.readCsr(Csr.mstatus) as [number, number])[0] & (1 << 19)).toBe(1 << 19);
    expect(h.fetchVBase).toBeNaN();
    // The host's writes follow the same rule.
    m.run(1);
    expect(h.fetchVBase).toBe(RAM);
    expect(h.writeCsr(Csr.sstatus, 2)).toBe(true); // SIE only (SUM and MXR now 0: MXR cleared)
    expect(h.fetchVBase).toBeNaN();
  });
});
