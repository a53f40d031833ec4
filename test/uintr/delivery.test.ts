/**
 * User-interrupt delivery, priority against S and M interrupts, vectored utvec, exceptions
 * delegated to U, and uret (uintr.md §1 "Delivery of a user interrupt", "uret").
 * Every expected pc/cause is worked out by hand from the program layout.
 */
import { describe, expect, it } from 'vitest';
import { CSR, ECALL, NOP, URET, addi, csrrci, csrrs, csrrsi, x } from './encode';
import { CODE, MTRAP, Priv, SPIN, STRAP, UTRAP, makeRig } from './rig';

const INT = 0x8000_0000; // bit 63 of a cause, in the high half

/** Rig with USIP delegated M→S→U, enabled in mie, and ustatus.UIE as given. */
function userReady(opts: { uie?: boolean; mideleg?: number; sideleg?: number; mie?: number; uretOnlyInU?: boolean } = {}) {
  const r = makeRig({ uretOnlyInU: opts.uretOnlyInU });
  const h = r.harts[0];
  h.writeCsr(CSR.mideleg, opts.mideleg ?? 1);
  h.writeCsr(CSR.sideleg, opts.sideleg ?? 1);
  h.writeCsr(CSR.mie, opts.mie ?? 1);
  h.writeCsr(CSR.ustatus, (opts.uie ?? true) ? 1 : 0);
  return { r, h };
}

// U program: set USIP from U at CODE+8; the interrupt should be taken before CODE+12.
const SET_USIP_PROGRAM = [NOP, NOP, csrrsi(0, CSR.uip, 1), NOP, NOP, SPIN];
const AFTER_SET = CODE + 12;
const PROGRAM_END = CODE + 20;

describe('taking a user interrupt', () => {
  it('in U with UIE: UPIE ← UIE, UIE ← 0, uepc ← pc, ucause ← 1<<63 | 0, utval ← 0, pc ← utvec, stays U', () => {
    const { r, h } = userReady();
    h.writeCsr(CSR.utval, 0x77);
    r.start(h, SET_USIP_PROGRAM, Priv.U);
    expect(r.runTo(h, UTRAP)).toBe(true);
    expect(h.priv).toBe(Priv.U);
    expect(r.csr(h, CSR.uepc)).toEqual([AFTER_SET, 0]);
    expect(r.csr(h, CSR.ucause)).toEqual([0, INT]);
    expect(r.csr(h, CSR.utval)).toEqual([0, 0]);
    expect(r.csr(h, CSR.ustatus)).toEqual([0x10, 0]);
    // nothing of M or S changed
    expect(r.csr(h, CSR.mcause)).toEqual([0, 0]);
    expect(r.csr(h, CSR.scause)).toEqual([0, 0]);
    expect(r.csr(h, CSR.sepc)).toEqual([0, 0]);
  });

  it('is counted by mhpm event 15 (user interrupts taken)', () => {
    const { r, h } = userReady();
    h.writeCsr(0x323, 15); // mhpmevent3 = user_interrupt
    r.start(h, SET_USIP_PROGRAM, Priv.U);
    r.runTo(h, UTRAP);
    expect(r.csr(h, 0xb03)).toEqual([1, 0]); // mhpmcounter3
  });

  it('is not taken with ustatus.UIE = 0', () => {
    const { r, h } = userReady({ uie: false });
    r.start(h, SET_USIP_PROGRAM, Priv.U);
    expect(r.runTo(h, PROGRAM_END)).toBe(true);
    r.step(h, 3);
    expect(h.pc).toBe(PROGRAM_END);
    expect(r.csr(h, CSR.uip)).toEqual([1, 0]);
  });

  it('is not taken in S-mode, even with SIE set', () => {
    const { r, h } = userReady();
    h.writeCsr(CSR.mstatus, (r.csr(h, CSR.mstatus)[0] | 0x2) >>> 0); // SIE
    r.start(h, SET_USIP_PROGRAM, Priv.S);
    expect(r.runTo(h, PROGRAM_END)).toBe(true);
    r.step(h, 3);
    expect(h.pc).toBe(PROGRAM_END);
    expect(h.priv).toBe(Priv.S);
  });

  it('is not taken in M-mode, even with MIE set', () => {
    const { r, h } = userReady();
    h.writeCsr(CSR.mstatus, (r.csr(h, CSR.mstatus)[0] | 0x8) >>> 0); // MIE
    r.start(h, SET_USIP_PROGRAM, Priv.M);
    expect(r.runTo(h, PROGRAM_END)).toBe(true);
    r.step(h, 3);
    expect(h.pc).toBe(PROGRAM_END);
  });

  it('is taken later, when the hart returns to U with UIE set', () => {
    const { r, h } = userReady();
    h.writeCsr(CSR.mip, 1); // USIP already pending while in M
    h.writeCsr(CSR.mepc, CODE + 8);
    r.start(h, [NOP, 0x30200073 /* mret */, NOP, SPIN], Priv.M);
    h.writeCsr(CSR.mstatus, (r.csr(h, CSR.mstatus)[0] & ~0x1800) >>> 0); // MPP = U
    expect(r.runTo(h, UTRAP)).toBe(true);
    expect(r.csr(h, CSR.uepc)).toEqual([CODE + 8, 0]); // before executing anything in U
  });
});

describe('the delegation chain mideleg → sideleg', () => {
  it('sideleg clear: USIP from U goes to S (scause 1<<63 | 0)', () => {
    // uip is not writable with sideleg = 0, so USIP is set from M before entering U.
    const { r, h } = userReady({ sideleg: 0 });
    h.writeCsr(CSR.mip, 1);
    r.start(h, [NOP, SPIN], Priv.U);
    expect(r.runTo(h, STRAP)).toBe(true);
    expect(h.priv).toBe(Priv.S);
    expect(r.csr(h, CSR.scause)).toEqual([0, INT]);
    expect(r.csr(h, CSR.sepc)).toEqual([CODE, 0]);
    expect(r.csr(h, CSR.ucause)).toEqual([0, 0]);
  });

  it('mideleg clear: USIP from U goes to M (mcause 1<<63 | 0)', () => {
    const { r, h } = userReady({ mideleg: 0 });
    r.start(h, SET_USIP_PROGRAM, Priv.U);
    expect(r.runTo(h, MTRAP)).toBe(true);
    expect(h.priv).toBe(Priv.M);
    expect(r.csr(h, CSR.mcause)).toEqual([0, INT]);
    expect(r.csr(h, CSR.mepc)).toEqual([AFTER_SET, 0]);
  });

  it('mie.USIE clear: nothing is taken anywhere', () => {
    const { r, h } = userReady({ mie: 0 });
    r.start(h, SET_USIP_PROGRAM, Priv.U);
    expect(r.runTo(h, PROGRAM_END)).toBe(true);
  });
});

describe('priority: M-level, then S-level, then U-level', () => {
  it('a pending enabled MSIP wins over USIP in U', () => {
    const { r, h } = userReady({ mie: 1 | 8 });
    h.writeCsr(CSR.mip, 1);
    h.setHartIrq(3, true); // MSIP from the CLINT
    r.start(h, [NOP, SPIN], Priv.U);
    expect(r.runTo(h, MTRAP)).toBe(true);
    expect(r.csr(h, CSR.mcause)).toEqual([3, INT]);
    expect(r.csr(h, CSR.mepc)).toEqual([CODE, 0]);
  });

  it('a pending delegated SSIP wins over USIP in U', () => {
    const { r, h } = userReady({ mideleg: 0b11, sideleg: 0b01, mie: 0b11 });
    h.writeCsr(CSR.mip, 0b11);
    r.start(h, [NOP, SPIN], Priv.U);
    expect(r.runTo(h, STRAP)).toBe(true);
    expect(r.csr(h, CSR.scause)).toEqual([1, INT]);
  });

  it('an M interrupt disabled in mie does not block the user interrupt', () => {
    const { r, h } = userReady({ mie: 1 });
    h.writeCsr(CSR.mip, 1);
    h.setHartIrq(3, true); // MSIP pending but MSIE = 0
    r.start(h, [NOP, SPIN], Priv.U);
    expect(r.runTo(h, UTRAP)).toBe(true);
    expect(r.csr(h, CSR.ucause)).toEqual([0, INT]);
  });
});

describe('vectored utvec and delegated exceptions', () => {
  it('vectored: an interrupt with cause 8 (UEI) goes to BASE + 32; USI (cause 0) to BASE', () => {
    const { r, h } = userReady({ mideleg: 0x101, sideleg: 0x101, mie: 0x100 });
    h.writeCsr(CSR.utvec, UTRAP | 1);
    r.word(UTRAP + 32, SPIN);
    h.setX(x.t0, 0x100);
    r.start(h, [NOP, csrrs(0, CSR.uip, x.t0), NOP, SPIN], Priv.U);
    expect(r.runTo(h, UTRAP + 32)).toBe(true);
    expect(r.csr(h, CSR.ucause)).toEqual([8, INT]);
    expect(r.csr(h, CSR.uepc)).toEqual([CODE + 8, 0]);

    const b = userReady();
    b.h.writeCsr(CSR.utvec, UTRAP | 1);
    b.r.start(b.h, SET_USIP_PROGRAM, Priv.U);
    expect(b.r.runTo(b.h, UTRAP)).toBe(true);
  });

  it('an ecall from U delegated by medeleg and sedeleg traps to utvec BASE (even vectored), ucause 8', () => {
    const { r, h } = userReady();
    h.writeCsr(CSR.medeleg, 1 << 8);
    h.writeCsr(CSR.sedeleg, 1 << 8);
    h.writeCsr(CSR.utvec, UTRAP | 1);
    r.start(h, [NOP, ECALL, SPIN], Priv.U);
    expect(r.runTo(h, UTRAP)).toBe(true);
    expect(h.priv).toBe(Priv.U);
    expect(r.csr(h, CSR.ucause)).toEqual([8, 0]);
    expect(r.csr(h, CSR.uepc)).toEqual([CODE + 4, 0]);
    expect(r.csr(h, CSR.ustatus)).toEqual([0x10, 0]); // UPIE ← UIE (1), UIE ← 0
  });

  it('sedeleg without medeleg: the exception from U still goes to M (the chain starts at M)', () => {
    const { r, h } = userReady();
    h.writeCsr(CSR.sedeleg, 1 << 8);
    r.start(h, [ECALL, SPIN], Priv.U);
    expect(r.runTo(h, MTRAP)).toBe(true);
    expect(r.csr(h, CSR.mcause)).toEqual([8, 0]);
    expect(r.csr(h, CSR.ucause)).toEqual([0, 0]);
  });

  it('sedeleg applies only to traps from U: an ecall from S goes to S', () => {
    const { r, h } = userReady();
    h.writeCsr(CSR.medeleg, 1 << 9);
    h.writeCsr(CSR.sedeleg, 1 << 9);
    r.start(h, [ECALL, SPIN], Priv.S);
    expect(r.runTo(h, STRAP)).toBe(true);
    expect(h.priv).toBe(Priv.S);
    expect(r.csr(h, CSR.scause)).toEqual([9, 0]);
  });

  it('an ecall from U with sedeleg clear goes to S', () => {
    const { r, h } = userReady();
    h.writeCsr(CSR.medeleg, 1 << 8);
    r.start(h, [ECALL, SPIN], Priv.U);
    expect(r.runTo(h, STRAP)).toBe(true);
    expect(r.csr(h, CSR.scause)).toEqual([8, 0]);
  });
});

describe('uret', () => {
  it('returns to uepc with UIE ← UPIE, UPIE ← 1; no re-entry once USIP is cleared', () => {
    const { r, h } = userReady();
    r.words(UTRAP, [addi(x.s1, x.s1, 1), csrrci(0, CSR.uip, 1), URET]);
    r.start(h, [NOP, csrrsi(0, CSR.uip, 1), addi(x.a0, 0, 7), NOP, SPIN], Priv.U);
    expect(r.runTo(h, CODE + 16, 100)).toBe(true);
    expect(r.reg(h, x.s1)).toEqual([1, 0]);
    expect(r.reg(h, x.a0)).toEqual([7, 0]);
    expect(r.csr(h, CSR.ustatus)).toEqual([0x11, 0]);
    expect(h.priv).toBe(Priv.U);
  });

  it('re-enters at once when the user interrupt is still pending (nothing at uepc runs)', () => {
    const { r, h } = userReady();
    r.words(UTRAP, [addi(x.s1, x.s1, 1), URET]);
    r.start(h, [NOP, csrrsi(0, CSR.uip, 1), addi(x.a0, 0, 7), SPIN], Priv.U);
    expect(r.runTo(h, UTRAP)).toBe(true);
    r.step(h, 2); // addi s1; uret
    r.step(h, 1); // the interrupt again, before the addi at uepc
    expect(h.pc).toBe(UTRAP);
    expect(r.reg(h, x.s1)).toEqual([1, 0]);
    expect(r.reg(h, x.a0)).toEqual([0, 0]);
    expect(r.csr(h, CSR.uepc)).toEqual([CODE + 8, 0]);
    r.step(h, 3);
    expect(r.reg(h, x.s1)).toEqual([2, 0]);
  });

  it('is legal in S and M (rocket): pc ← uepc, privilege unchanged', () => {
    for (const priv of [Priv.S, Priv.M]) {
      const r = makeRig();
      const h = r.harts[0];
      h.writeCsr(CSR.uepc, CODE + 12);
      h.writeCsr(CSR.ustatus, 0x10); // UPIE = 1, UIE = 0
      r.start(h, [URET, NOP, NOP, addi(x.a0, 0, 5), SPIN], priv);
      expect(r.runTo(h, CODE + 16), `priv ${priv}`).toBe(true);
      expect(h.priv).toBe(priv);
      expect(r.reg(h, x.a0)).toEqual([5, 0]);
      expect(r.csr(h, CSR.ustatus)).toEqual([0x11, 0]);
    }
  });

  it('is illegal outside U when the hart is configured like the QEMU fork', () => {
    for (const priv of [Priv.S, Priv.M]) {
      const { r, h } = userReady({ uretOnlyInU: true });
      h.writeCsr(CSR.uepc, CODE + 12);
      r.start(h, [URET, SPIN], priv);
      expect(r.runTo(h, MTRAP)).toBe(true);
      expect(r.csr(h, CSR.mcause)).toEqual([2, 0]);
    }
  });

  it('without misa.N, uret is an illegal instruction', () => {
    const r = makeRig({ misa: 'IMACSU' });
    const h = r.harts[0];
    r.start(h, [URET, SPIN], Priv.M);
    expect(r.runTo(h, MTRAP)).toBe(true);
    expect(r.csr(h, CSR.mcause)).toEqual([2, 0]);
  });
});
