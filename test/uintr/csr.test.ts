/**
 * N-extension and UINTR CSRs against the real hart (uintr.md §1, §2 "Three new S-level CSRs").
 * Programs are raw words; expected values are worked out by hand from uintr.md and the
 * privileged spec (mstatus/mie/mip layouts, Zicsr semantics).
 */
import { describe, expect, it } from 'vitest';
import { CSR, NOP, addi, csrr, csrrc, csrrci, csrrs, csrrsi, csrrw, csrw, li32, x } from './encode';
import { CODE, MTRAP, Priv, SPIN, makeRig } from './rig';

const ALL = -1;

/** Runs an M-mode program to its final `j .` and returns the rig/hart. */
function runM(program: number[], setup?: (r: ReturnType<typeof makeRig>) => void, misa?: string) {
  const r = makeRig({ misa });
  const h = r.harts[0];
  setup?.(r);
  const prog = [...program, SPIN];
  r.start(h, prog, Priv.M);
  const end = CODE + 4 * (prog.length - 1);
  r.runTo(h, end, 500);
  return { r, h, end };
}

describe('N CSRs: reset values', () => {
  it('every U-level and UINTR CSR reads 0 after reset', () => {
    const r = makeRig();
    const h = r.harts[0];
    h.reset(CODE);
    for (const num of [CSR.ustatus, CSR.uie, CSR.utvec, CSR.uscratch, CSR.uepc, CSR.ucause, CSR.utval, CSR.uip,
      CSR.sedeleg, CSR.sideleg, CSR.suist, CSR.suirs, CSR.suicfg]) {
      expect(r.csr(h, num), `csr 0x${num.toString(16)}`).toEqual([0, 0]);
    }
    // mstatus.UIE/UPIE are 0 too
    expect(r.csr(h, CSR.mstatus)[0] & 0x11).toBe(0);
  });

  it('misa reports N (bit 13)', () => {
    const r = makeRig();
    expect((r.csr(r.harts[0], CSR.misa)[0] >>> 13) & 1).toBe(1);
  });
});

describe('ustatus is a view of mstatus (UIE bit 0, UPIE bit 4)', () => {
  it('writes reach only UIE/UPIE; mstatus and sstatus show them', () => {
    const { r, h, end } = runM([
      addi(x.t0, 0, ALL),
      csrw(CSR.ustatus, x.t0),
      csrr(x.a0, CSR.ustatus),
      csrr(x.a1, CSR.mstatus),
      csrr(x.a2, CSR.sstatus),
      csrw(CSR.ustatus, 0),
      csrr(x.a3, CSR.mstatus),
      addi(x.t1, 0, 0x11),
      csrw(CSR.mstatus, x.t1), // set UIE and UPIE through mstatus
      csrr(x.a4, CSR.ustatus),
    ]);
    expect(h.pc).toBe(end);
    expect(r.reg(h, x.a0)).toEqual([0x11, 0]);
    expect(r.reg(h, x.a1)[0]).toBe(0x11); // nothing but UIE/UPIE was set (MIE, SIE... untouched)
    expect(r.reg(h, x.a2)[0] & 0x11).toBe(0x11);
    expect(r.reg(h, x.a3)[0] & 0x11).toBe(0);
    expect(r.reg(h, x.a4)).toEqual([0x11, 0]);
  });
});

describe('uie and uip are views masked by sideleg', () => {
  it('uie: nothing with sideleg = 0; USIE/UTIE/UEIE with sideleg = 0x111; other mie bits kept', () => {
    const { r, h } = runM([
      addi(x.t0, 0, ALL),
      csrw(CSR.uie, x.t0),
      csrr(x.a0, CSR.uie),
      csrr(x.a1, CSR.mie),
      addi(x.t1, 0, 0x111),
      csrw(CSR.sideleg, x.t1),
      csrw(CSR.uie, x.t0),
      csrr(x.a2, CSR.uie),
      csrr(x.a3, CSR.mie),
      addi(x.t2, 0, 0x8), // MSIE
      csrrs(0, CSR.mie, x.t2),
      csrw(CSR.uie, 0),
      csrr(x.a4, CSR.mie),
    ]);
    expect(r.reg(h, x.a0)).toEqual([0, 0]);
    expect(r.reg(h, x.a1)).toEqual([0, 0]);
    expect(r.reg(h, x.a2)).toEqual([0x111, 0]);
    expect(r.reg(h, x.a3)).toEqual([0x111, 0]);
    expect(r.reg(h, x.a4)).toEqual([0x8, 0]); // the uie write cleared only the U bits
  });

  it('uip: only USIP and UEIP writable, and only where sideleg delegates them', () => {
    const { r, h } = runM([
      addi(x.t0, 0, ALL),
      csrw(CSR.uip, x.t0), // sideleg = 0: no effect
      csrr(x.a0, CSR.mip),
      addi(x.t1, 0, 1),
      csrw(CSR.sideleg, x.t1),
      csrw(CSR.uip, x.t0), // USIP only
      csrr(x.a1, CSR.uip),
      csrr(x.a2, CSR.mip),
      addi(x.t1, 0, 0x111),
      csrw(CSR.sideleg, x.t1),
      csrw(CSR.uip, x.t0), // USIP and UEIP, never UTIP
      csrr(x.a3, CSR.uip),
      csrr(x.a4, CSR.mip),
      csrw(CSR.uip, 0),
      csrr(x.a5, CSR.mip),
    ]);
    expect(r.reg(h, x.a0)).toEqual([0, 0]);
    expect(r.reg(h, x.a1)).toEqual([1, 0]);
    expect(r.reg(h, x.a2)).toEqual([1, 0]);
    expect(r.reg(h, x.a3)).toEqual([0x101, 0]);
    expect(r.reg(h, x.a4)).toEqual([0x101, 0]);
    expect(r.reg(h, x.a5)).toEqual([0, 0]);
  });

  it('uip reads mip masked by sideleg', () => {
    const { r, h } = runM([
      addi(x.t0, 0, 0x101),
      csrw(CSR.mip, x.t0), // USIP and UEIP set from M
      csrr(x.a0, CSR.uip), // sideleg = 0
      addi(x.t1, 0, 0x100),
      csrw(CSR.sideleg, x.t1),
      csrr(x.a1, CSR.uip),
    ]);
    expect(r.reg(h, x.a0)).toEqual([0, 0]);
    expect(r.reg(h, x.a1)).toEqual([0x100, 0]);
  });
});

describe('mideleg bit 0 and the sip/sie views', () => {
  it('mideleg bit 0 is writable; sip/sie show bit 0 only once delegated', () => {
    const { r, h } = runM([
      addi(x.t0, 0, 1),
      csrw(CSR.mip, x.t0), // USIP (software bit)
      csrw(CSR.mie, x.t0), // USIE
      csrr(x.a0, CSR.sip),
      csrr(x.a1, CSR.sie),
      csrw(CSR.mideleg, x.t0),
      csrr(x.a2, CSR.mideleg),
      csrr(x.a3, CSR.sip),
      csrr(x.a4, CSR.sie),
      csrrc(0, CSR.sip, x.t0), // S may clear the delegated USIP
      csrr(x.a5, CSR.mip),
    ]);
    expect(r.reg(h, x.a0)[0] & 1).toBe(0);
    expect(r.reg(h, x.a1)[0] & 1).toBe(0);
    expect(r.reg(h, x.a2)[0] & 1).toBe(1);
    expect(r.reg(h, x.a3)[0] & 1).toBe(1);
    expect(r.reg(h, x.a4)[0] & 1).toBe(1);
    expect(r.reg(h, x.a5)[0] & 1).toBe(0);
  });
});

describe('WARL fields of utvec, uepc, uscratch, sideleg, suist, suirs, suicfg', () => {
  it('utvec keeps BASE and MODE 0/1; uepc drops bit 0; uscratch holds 64 bits', () => {
    const r = makeRig();
    const hh = r.harts[0];
    hh.setX(x.t0, 0x8000_2001, 0);
    hh.setX(x.t1, 0x8000_1003, 0);
    hh.setX(x.t2, 0x1234_5678, 0xdead_beef);
    r.start(hh, [csrw(CSR.utvec, x.t0), csrr(x.a0, CSR.utvec), csrw(CSR.uepc, x.t1), csrr(x.a1, CSR.uepc),
      csrw(CSR.uscratch, x.t2), csrr(x.a2, CSR.uscratch), csrw(CSR.utval, x.t2), csrr(x.a3, CSR.utval), SPIN]);
    r.runTo(hh, CODE + 32);
    expect(r.reg(hh, x.a0)).toEqual([0x8000_2001, 0]);
    expect(r.reg(hh, x.a1)).toEqual([0x8000_1002, 0]); // bit 0 always 0; bit 1 kept (C enabled)
    expect(r.reg(hh, x.a2)).toEqual([0x1234_5678, 0xdead_beef]);
    expect(r.reg(hh, x.a3)).toEqual([0x1234_5678, 0xdead_beef]);
  });

  it('sideleg can delegate USIP (bit 0) and never an S- or M-level interrupt', () => {
    const { r, h } = runM([addi(x.t0, 0, ALL), csrw(CSR.sideleg, x.t0), csrr(x.a0, CSR.sideleg)]);
    const v = r.reg(h, x.a0)[0];
    expect(v & 1).toBe(1);
    expect(v & 0xaaa).toBe(0); // SSIP, MSIP, STIP, MTIP, SEIP, MEIP
  });

  it('suist keeps [63], [55:44], [43:0]; suirs keeps [63], [15:0]; suicfg reads back', () => {
    const { r, h } = runM([
      addi(x.t0, 0, ALL),
      csrw(CSR.suist, x.t0),
      csrr(x.a0, CSR.suist),
      csrw(CSR.suirs, x.t0),
      csrr(x.a1, CSR.suirs),
      ...li32(x.t1, 0x02f1_0000),
      csrw(CSR.suicfg, x.t1),
      csrr(x.a2, CSR.suicfg),
    ]);
    expect(r.reg(h, x.a0)).toEqual([0xffff_ffff, 0x80ff_ffff]);
    expect(r.reg(h, x.a1)).toEqual([0xffff, 0x8000_0000]);
    expect(r.reg(h, x.a2)).toEqual([0x02f1_0000, 0]);
  });
});

/** Runs a one-CSR-instruction program in `priv`; returns whether it trapped as illegal. */
function trapsAsIllegal(word: number, priv: number, misa?: string): boolean {
  const r = makeRig({ misa });
  const h = r.harts[0];
  r.start(h, [word, SPIN], priv);
  r.step(h, 3); // mret (if any), the instruction, one more
  if (h.pc === MTRAP) {
    expect(r.csr(h, CSR.mcause)).toEqual([2, 0]);
    expect(r.csr(h, CSR.mepc)).toEqual([CODE, 0]);
    return true;
  }
  expect(h.pc).toBe(CODE + 4);
  return false;
}

describe('access by privilege', () => {
  const uLevel = [CSR.ustatus, CSR.uie, CSR.utvec, CSR.uscratch, CSR.uepc, CSR.ucause, CSR.utval, CSR.uip];
  const sLevel = [CSR.sedeleg, CSR.sideleg, CSR.suist, CSR.suirs, CSR.suicfg];

  it('U-level CSRs are readable and writable from U, S and M', () => {
    for (const priv of [Priv.U, Priv.S, Priv.M]) {
      for (const num of uLevel) {
        expect(trapsAsIllegal(csrr(x.a0, num), priv), `read 0x${num.toString(16)} in ${priv}`).toBe(false);
        expect(trapsAsIllegal(csrrs(x.a0, num, 0), priv)).toBe(false);
        expect(trapsAsIllegal(csrrw(x.a0, num, x.a0), priv), `write 0x${num.toString(16)} in ${priv}`).toBe(false);
      }
    }
  });

  it('suist, suirs, suicfg, sedeleg, sideleg are illegal from U (read or write), legal from S and M', () => {
    for (const num of sLevel) {
      expect(trapsAsIllegal(csrr(x.a0, num), Priv.U), `read 0x${num.toString(16)} in U`).toBe(true);
      expect(trapsAsIllegal(csrw(num, 0), Priv.U), `write 0x${num.toString(16)} in U`).toBe(true);
      expect(trapsAsIllegal(csrrsi(x.a0, num, 0), Priv.U)).toBe(true);
      for (const priv of [Priv.S, Priv.M]) {
        expect(trapsAsIllegal(csrr(x.a0, num), priv)).toBe(false);
        expect(trapsAsIllegal(csrw(num, 0), priv)).toBe(false);
      }
    }
  });

  it('without misa.N every N/UINTR CSR is illegal, even from M', () => {
    for (const num of [...uLevel, ...sLevel]) {
      expect(trapsAsIllegal(csrr(x.a0, num), Priv.M, 'IMACSU'), `0x${num.toString(16)}`).toBe(true);
    }
  });

  it('the CSR write in U really lands (uscratch from U)', () => {
    const r = makeRig();
    const h = r.harts[0];
    h.setX(x.a0, 0x55);
    r.start(h, [csrw(CSR.uscratch, x.a0), csrrci(x.a1, CSR.uscratch, 1), NOP, SPIN], Priv.U);
    r.runTo(h, CODE + 12);
    expect(r.csr(h, CSR.uscratch)).toEqual([0x54, 0]);
    expect(r.reg(h, x.a1)).toEqual([0x55, 0]);
    expect(h.priv).toBe(Priv.U);
  });
});
