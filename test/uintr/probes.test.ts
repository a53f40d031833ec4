/**
 * Probe programs: small programs whose results differ between the UINTC modes ('rocket', the
 * spec, and 'qemu', the reference QEMU fork; docs/uintr.md §4). Each probe states the result
 * expected in each mode, derived by hand from uintr.md (rocket) and from the fork's
 * hw/intc/riscv_uintc.c + target/riscv/op_helper.c (qemu).
 *
 * A machine run with `--uintc qemu` uses the qemu UINTC and makes uret illegal outside U, so the
 * rig here does both for 'qemu'.
 */
import { describe, expect, it } from 'vitest';
import type { UintcMode } from '../../src/uintc/uintc';
import { CSR, NOP, UIPI_DEACTIVATE, URET, addi, csrr, csrrci, uipiRead, uipiWrite, x } from './encode';
import { CODE, MTRAP, Priv, SPIN, UTRAP, makeRig, type Rig } from './rig';

type Hart = Rig['harts'][number];

interface Probe {
  name: string;
  /** Runs the probe in `mode`; returns the observed values. */
  run(mode: UintcMode): Record<string, number>;
  expected: Record<UintcMode, Record<string, number>>;
}

function rigFor(mode: UintcMode) {
  const r = makeRig({ mode, uretOnlyInU: mode === 'qemu' });
  return { r, h: r.harts[0] };
}

/** Receiver 0 on hart 0: LOW = hartid 0 | mode | active; suirs = enable | 0. */
function ownReceiver(r: Rig, h: Hart, lowBits = 0b11) {
  r.uintc.write(0x08, 8, lowBits, 0);
  h.writeCsr(CSR.suirs, 0, 0x8000_0000 | 0);
  h.writeCsr(CSR.sideleg, 1);
}

const usip = (r: Rig, h: Hart, reg: number) => r.reg(h, reg)[0] & 1;

const probes: Probe[] = [
  {
    name: 'READ empties pending, then look at USIP; then csrc uip, 1',
    run(mode) {
      const { r, h } = rigFor(mode);
      ownReceiver(r, h);
      h.setX(x.a0, 1);
      r.start(h, [uipiWrite(x.a0), uipiRead(x.a1), csrr(x.a2, CSR.mip), csrrci(0, CSR.uip, 1), csrr(x.a3, CSR.mip), SPIN]);
      r.runTo(h, CODE + 20);
      return { read: r.reg(h, x.a1)[0], usipAfterRead: usip(r, h, x.a2), usipAfterCsrc: usip(r, h, x.a3) };
    },
    expected: {
      rocket: { read: 1, usipAfterRead: 0, usipAfterCsrc: 0 },
      qemu: { read: 1, usipAfterRead: 1, usipAfterCsrc: 0 },
    },
  },
  {
    name: 'uret from S-mode',
    run(mode) {
      const { r, h } = rigFor(mode);
      h.writeCsr(CSR.uepc, CODE + 8);
      r.start(h, [URET, NOP, addi(x.a0, 0, 1), SPIN], Priv.S);
      r.step(h, 4);
      return { reachedUepcTarget: r.reg(h, x.a0)[0], trappedToM: h.pc === MTRAP ? 1 : 0, mcause: r.csr(h, CSR.mcause)[0] };
    },
    expected: {
      rocket: { reachedUepcTarget: 1, trappedToM: 0, mcause: 0 },
      qemu: { reachedUepcTarget: 0, trappedToM: 1, mcause: 2 },
    },
  },
  {
    name: 'DEACTIVATE with bits pending, then look at USIP',
    run(mode) {
      const { r, h } = rigFor(mode);
      ownReceiver(r, h);
      h.setX(x.a0, 1);
      r.start(h, [uipiWrite(x.a0), UIPI_DEACTIVATE, csrr(x.a2, CSR.mip), SPIN]);
      r.runTo(h, CODE + 12);
      return { usip: usip(r, h, x.a2) };
    },
    expected: { rocket: { usip: 0 }, qemu: { usip: 1 } },
  },
  {
    name: 'receiver in 32-bit mode (LOW[1] = 0), WRITE, look at USIP',
    run(mode) {
      const { r, h } = rigFor(mode);
      ownReceiver(r, h, 0b01);
      h.setX(x.a0, 1);
      r.start(h, [uipiWrite(x.a0), csrr(x.a2, CSR.mip), SPIN]);
      r.runTo(h, CODE + 8);
      return { usip: usip(r, h, x.a2) };
    },
    expected: { rocket: { usip: 1 }, qemu: { usip: 0 } },
  },
  {
    name: 'user handler that READs but never clears uip: how many entries?',
    run(mode) {
      const { r, h } = rigFor(mode);
      ownReceiver(r, h);
      h.writeCsr(CSR.mideleg, 1);
      h.writeCsr(CSR.mie, 1);
      h.writeCsr(CSR.ustatus, 1);
      r.words(UTRAP, [addi(x.s1, x.s1, 1), uipiRead(x.a1), URET]);
      h.setX(x.a0, 1);
      r.start(h, [uipiWrite(x.a0), NOP, NOP, SPIN], Priv.U);
      r.step(h, 40);
      return { entries: Math.min(r.reg(h, x.s1)[0], 2), finished: h.pc === CODE + 12 ? 1 : 0 };
    },
    expected: {
      rocket: { entries: 1, finished: 1 },
      qemu: { entries: 2, finished: 0 }, // USIP stays latched: re-entered for ever
    },
  },
];

describe('probe programs: rocket vs qemu', () => {
  for (const p of probes) {
    for (const mode of ['rocket', 'qemu'] as const) {
      it(`${p.name} [${mode}]`, () => {
        expect(p.run(mode)).toEqual(p.expected[mode]);
      });
    }
  }
  it('every probe tells the two modes apart', () => {
    for (const p of probes) expect(p.expected.rocket, p.name).not.toEqual(p.expected.qemu);
  });
});
