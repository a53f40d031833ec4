/**
 * Known deviations of the hart from uintr.md, kept as ordinary (failing) tests so that nothing
 * is hidden. Each is listed in the uintr helper's report for the integrator to fix.
 *
 * uintr.md §2: a uipi is `.insn r 0x7B, 0b110, funct7, rd, rs1, x0` — funct3 = 110 and
 * rs2 = x0 fix the instruction, funct7 selects the operation, and only "an unknown funct7"
 * (or a missing enable, invalid entry, out-of-range index) makes it do nothing with rd ← 0.
 * The operand fields an operation does not use (rs1 of READ, rd/rs1 of ACTIVATE and
 * DEACTIVATE) therefore do not change what it does. (The reference QEMU fork decodes the
 * same way: `uipi_read 0000001 00000 ..... 110 ..... 1111011 @r2` leaves rs1 and rd free.)
 * src/isa/opcodes.ts gives uipi.read the mask 0xfffff07f and uipi.activate/deactivate the mask
 * 0xffffffff, so such words fall through to UIPI_NOP.
 */
import { describe, expect, it } from 'vitest';
import { CSR, uipi, x } from './encode';
import { CODE, Priv, SPIN, makeRig } from './rig';

function receiverRig(active: boolean) {
  const r = makeRig();
  const h = r.harts[0];
  h.writeCsr(CSR.suirs, 3, 0x8000_0000 | 0);
  r.uintc.write(0x20 * 3 + 0x08, 8, active ? 1 : 0, 0);
  r.uintc.orPending(3, 5, 0);
  return { r, h };
}

describe('known bugs: uipi operand fields that the operation does not use', () => {
  it('READ with rs1 ≠ x0 still reads and clears (funct7 = 1)', () => {
    const { r, h } = receiverRig(true);
    r.start(h, [uipi(1, x.a0, x.a1), SPIN], Priv.U);
    expect(r.runTo(h, CODE + 4)).toBe(true);
    expect(r.reg(h, x.a0)).toEqual([5, 0]);
    expect(r.uintc.pendingLo[3]).toBe(0);
  });

  it('ACTIVATE with rd ≠ x0 or rs1 ≠ x0 still activates (funct7 = 3)', () => {
    for (const [rd, rs1] of [[x.a0, 0], [0, x.a1]]) {
      const { r, h } = receiverRig(false);
      r.start(h, [uipi(3, rd, rs1), SPIN], Priv.U);
      expect(r.runTo(h, CODE + 4)).toBe(true);
      expect(r.uintc.low[3] & 1, `rd=${rd} rs1=${rs1}`).toBe(1);
    }
  });

  it('DEACTIVATE with rd ≠ x0 or rs1 ≠ x0 still deactivates (funct7 = 4)', () => {
    for (const [rd, rs1] of [[x.a0, 0], [0, x.a1]]) {
      const { r, h } = receiverRig(true);
      r.start(h, [uipi(4, rd, rs1), SPIN], Priv.U);
      expect(r.runTo(h, CODE + 4)).toBe(true);
      expect(r.uintc.low[3] & 1, `rd=${rd} rs1=${rs1}`).toBe(0);
    }
  });
});
