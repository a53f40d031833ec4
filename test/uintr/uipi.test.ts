/**
 * The uipi instruction against the real hart and the UINTC (uintr.md §2): each op, each
 * do-nothing case, the UINTC line seen in mip, and a send from one hart to another.
 */
import { describe, expect, it } from 'vitest';
import {
  CSR, NOP, UIPI_ACTIVATE, UIPI_DEACTIVATE, URET, csrr, csrrci, uipi, uipiRead, uipiSend, uipiWrite, x,
} from './encode';
import { CODE, MTRAP, Priv, SPIN, UIST, UTRAP, makeRig, type Rig } from './rig';

const ENABLE_HI = 0x8000_0000; // bit 63 in the high half
const LOW_OFF = 0x08;

/** suist = enable | size (pages) | PPN of `table`. */
function suist(h: Rig['harts'][number], table: number, pages = 1, enable = true) {
  const ppn = table / 4096;
  h.writeCsr(CSR.suist, ppn | 0, ((enable ? ENABLE_HI : 0) | (pages << 12) | Math.floor(ppn / 2 ** 32)) | 0);
}
/** UIST entry: [0] valid, [31:16] vector, [63:48] receiver. */
function entry(r: Rig, table: number, index: number, valid: boolean, vector: number, receiver: number) {
  r.dword(table + 8 * index, (vector << 16) | (valid ? 1 : 0), receiver << 16);
}
function pending(r: Rig, i: number): [number, number] {
  return [r.uintc.pendingLo[i], r.uintc.pendingHi[i]];
}
/** UINTC LOW of receiver i through the bus, as the kernel would write it. */
function low(r: Rig, i: number, hart: number, active: boolean) {
  r.uintc.write(0x20 * i + LOW_OFF, 8, (hart << 16) | 2 | (active ? 1 : 0), 0);
}

describe('uipi SEND', () => {
  function sendRig() {
    const r = makeRig();
    const h = r.harts[0];
    suist(h, UIST, 1);
    entry(r, UIST, 0, true, 5, 3);
    entry(r, UIST, 1, false, 6, 3);
    entry(r, UIST, 511, true, 40, 3);
    entry(r, UIST + 4096, 0, true, 7, 3); // would be index 512: outside a 1-page table
    return { r, h };
  }

  it('sets bit `vector` of the entry\'s receiver, for valid entries inside the table only', () => {
    const { r, h } = sendRig();
    h.setX(x.a0, 0);
    h.setX(x.a1, 1);
    h.setX(x.a2, 511);
    h.setX(x.a3, 512);
    h.setX(x.a4, 0, 1); // index 2^32: out of range
    r.start(h, [uipiSend(x.a0), uipiSend(x.a1), uipiSend(x.a2), uipiSend(x.a3), uipiSend(x.a4), SPIN], Priv.U);
    expect(r.runTo(h, CODE + 20)).toBe(true);
    // bit 5 and bit 40 (= high-half bit 8); the invalid and out-of-range ones set nothing
    expect(pending(r, 3)).toEqual([0x20, 0x100]);
  });

  it('does nothing when suist.enable is clear', () => {
    const { r, h } = sendRig();
    suist(h, UIST, 1, false);
    r.start(h, [uipiSend(0), SPIN], Priv.U);
    expect(r.runTo(h, CODE + 4)).toBe(true);
    expect(pending(r, 3)).toEqual([0, 0]);
  });

  it('does nothing with a table of size 0', () => {
    const { r, h } = sendRig();
    suist(h, UIST, 0);
    r.start(h, [uipiSend(0), SPIN], Priv.U);
    expect(r.runTo(h, CODE + 4)).toBe(true);
    expect(pending(r, 3)).toEqual([0, 0]);
  });

  it('a 2-page table reaches index 512', () => {
    const { r, h } = sendRig();
    suist(h, UIST, 2);
    h.setX(x.a3, 512);
    r.start(h, [uipiSend(x.a3), SPIN], Priv.U);
    expect(r.runTo(h, CODE + 4)).toBe(true);
    expect(pending(r, 3)).toEqual([0x80, 0]);
  });

  it('works from S and M too, and is counted by mhpm event 16', () => {
    for (const priv of [Priv.S, Priv.M]) {
      const { r, h } = sendRig();
      h.writeCsr(0x323, 16); // mhpmevent3 = uipi_send
      r.start(h, [uipiSend(0), SPIN], priv);
      expect(r.runTo(h, CODE + 4)).toBe(true);
      expect(pending(r, 3)).toEqual([0x20, 0]);
      expect(r.csr(h, 0xb03)).toEqual([1, 0]);
    }
  });

  it('SEND writes no register', () => {
    const { r, h } = sendRig();
    h.setX(x.a5, 0x1234);
    r.start(h, [uipiSend(0), SPIN], Priv.U);
    r.runTo(h, CODE + 4);
    expect(r.reg(h, x.a5)).toEqual([0x1234, 0]);
  });
});

describe('uipi READ / WRITE / ACTIVATE / DEACTIVATE', () => {
  function recvRig(enable = true) {
    const r = makeRig();
    const h = r.harts[0];
    h.writeCsr(CSR.suirs, 3, enable ? ENABLE_HI : 0);
    return { r, h };
  }

  it('READ returns the pending bits of suirs.index and clears them', () => {
    const { r, h } = recvRig();
    r.uintc.orPending(3, 0xabc, 0x1);
    h.setX(x.a1, 0x77);
    r.start(h, [uipiRead(x.a0), uipiRead(x.a1), SPIN], Priv.U);
    expect(r.runTo(h, CODE + 8)).toBe(true);
    expect(r.reg(h, x.a0)).toEqual([0xabc, 1]);
    expect(r.reg(h, x.a1)).toEqual([0, 0]);
    expect(pending(r, 3)).toEqual([0, 0]);
  });

  it('WRITE ORs rs1 (64 bits) into pending', () => {
    const { r, h } = recvRig();
    r.uintc.orPending(3, 0x1, 0);
    h.setX(x.a0, 0x10, 0x8000_0000 | 0);
    r.start(h, [uipiWrite(x.a0), SPIN], Priv.U);
    expect(r.runTo(h, CODE + 4)).toBe(true);
    expect(pending(r, 3)).toEqual([0x11, 0x8000_0000]);
  });

  it('ACTIVATE and DEACTIVATE set and clear the receiver\'s active bit', () => {
    const { r, h } = recvRig();
    r.start(h, [UIPI_ACTIVATE, NOP, UIPI_DEACTIVATE, SPIN], Priv.U);
    r.runTo(h, CODE + 4);
    expect(r.uintc.low[3] & 1).toBe(1);
    r.runTo(h, CODE + 12);
    expect(r.uintc.low[3] & 1).toBe(0);
  });

  it('with suirs.enable clear, READ gives 0 and nothing changes', () => {
    const { r, h } = recvRig(false);
    r.uintc.orPending(3, 0x5, 0);
    h.setX(x.a0, 0x1234, 0x5678);
    h.setX(x.a1, 0xff);
    r.start(h, [uipiRead(x.a0), uipiWrite(x.a1), UIPI_ACTIVATE, SPIN], Priv.U);
    expect(r.runTo(h, CODE + 12)).toBe(true);
    expect(r.reg(h, x.a0)).toEqual([0, 0]);
    expect(pending(r, 3)).toEqual([0x5, 0]);
    expect(r.uintc.low[3]).toBe(0);
  });

  it('DEACTIVATE with suirs.enable clear does nothing', () => {
    const { r, h } = recvRig(false);
    low(r, 3, 0, true);
    r.start(h, [UIPI_DEACTIVATE, SPIN], Priv.U);
    r.runTo(h, CODE + 4);
    expect(r.uintc.low[3] & 1).toBe(1);
  });

  it('an unknown funct7 does nothing, does not trap, and writes rd ← 0', () => {
    for (const f7 of [5, 6, 0x40, 0x7f]) {
      const { r, h } = recvRig();
      r.uintc.orPending(3, 0x5, 0);
      h.setX(x.a0, 0x1234, 0x5678);
      h.setX(x.a1, 0xff);
      r.start(h, [uipi(f7, x.a0, x.a1), SPIN], Priv.U);
      expect(r.runTo(h, CODE + 4), `funct7 ${f7}`).toBe(true);
      expect(r.reg(h, x.a0)).toEqual([0, 0]);
      expect(pending(r, 3)).toEqual([0x5, 0]);
      expect(r.uintc.low[3]).toBe(0);
    }
  });

  it('the old funct3 = 0b010 encoding is not a uipi: illegal instruction', () => {
    const { r, h } = recvRig();
    const old = ((1 << 25) | (2 << 12) | (x.a0 << 7) | 0x7b) >>> 0; // "READ a0" with funct3 010
    r.start(h, [old, SPIN], Priv.U);
    expect(r.runTo(h, MTRAP)).toBe(true);
    expect(r.csr(h, CSR.mcause)).toEqual([2, 0]);
  });

  it('without misa.N, uipi is an illegal instruction', () => {
    const r = makeRig({ misa: 'IMACSU' });
    const h = r.harts[0];
    r.start(h, [uipiRead(x.a0), SPIN], Priv.M);
    expect(r.runTo(h, MTRAP)).toBe(true);
    expect(r.csr(h, CSR.mcause)).toEqual([2, 0]);
  });
});

describe('the UINTC line as the hart sees it (rocket)', () => {
  it('WRITE to an active receiver of this hart raises mip.USIP; READ lowers it', () => {
    const r = makeRig();
    const h = r.harts[0];
    h.writeCsr(CSR.suirs, 0, ENABLE_HI);
    low(r, 0, 0, true);
    h.setX(x.a0, 4);
    r.start(h, [uipiWrite(x.a0), csrr(x.a1, CSR.mip), uipiRead(x.a2), csrr(x.a3, CSR.mip), SPIN], Priv.M);
    expect(r.runTo(h, CODE + 16)).toBe(true);
    expect(r.reg(h, x.a1)[0] & 1).toBe(1);
    expect(r.reg(h, x.a2)).toEqual([4, 0]);
    expect(r.reg(h, x.a3)[0] & 1).toBe(0);
  });

  it('csrc uip, 1 does not lower the line (only the software bit)', () => {
    const r = makeRig();
    const h = r.harts[0];
    h.writeCsr(CSR.suirs, 0, ENABLE_HI);
    h.writeCsr(CSR.sideleg, 1);
    low(r, 0, 0, true);
    h.setX(x.a0, 1);
    r.start(h, [uipiWrite(x.a0), csrrci(0, CSR.uip, 1), csrr(x.a1, CSR.mip), SPIN], Priv.M);
    expect(r.runTo(h, CODE + 12)).toBe(true);
    expect(r.reg(h, x.a1)[0] & 1).toBe(1);
  });

  it('DEACTIVATE lowers it, ACTIVATE raises it again', () => {
    const r = makeRig();
    const h = r.harts[0];
    h.writeCsr(CSR.suirs, 0, ENABLE_HI);
    low(r, 0, 0, true);
    r.uintc.orPending(0, 1, 0);
    r.start(h, [csrr(x.a0, CSR.mip), UIPI_DEACTIVATE, csrr(x.a1, CSR.mip), UIPI_ACTIVATE, csrr(x.a2, CSR.mip), SPIN], Priv.M);
    expect(r.runTo(h, CODE + 20)).toBe(true);
    expect(r.reg(h, x.a0)[0] & 1).toBe(1);
    expect(r.reg(h, x.a1)[0] & 1).toBe(0);
    expect(r.reg(h, x.a2)[0] & 1).toBe(1);
  });

  it('a receiver of another hart does not touch this hart\'s USIP', () => {
    const r = makeRig({ harts: 2 });
    const h = r.harts[0];
    h.writeCsr(CSR.suirs, 0, ENABLE_HI);
    low(r, 0, 1, true);
    h.setX(x.a0, 1);
    r.start(h, [uipiWrite(x.a0), csrr(x.a1, CSR.mip), SPIN], Priv.M);
    expect(r.runTo(h, CODE + 8)).toBe(true);
    expect(r.reg(h, x.a1)[0] & 1).toBe(0);
    expect(r.csr(r.harts[1], CSR.mip)[0] & 1).toBe(1);
  });
});

describe('two harts', () => {
  /** Hart 0 sends through UIST entry 0 to receiver 1 (hart 1, vector 9); hart 1 waits in U. */
  function twoHarts(latency: number) {
    const r = makeRig({ harts: 2, deliveryLatency: latency });
    const [h0, h1] = r.harts;
    suist(h0, UIST, 1);
    entry(r, UIST, 0, true, 9, 1);
    low(r, 1, 1, true);
    h1.writeCsr(CSR.suirs, 1, ENABLE_HI);
    h1.writeCsr(CSR.mideleg, 1);
    h1.writeCsr(CSR.sideleg, 1);
    h1.writeCsr(CSR.mie, 1);
    h1.writeCsr(CSR.ustatus, 1);
    const handler = UTRAP + 0x1000;
    r.words(handler, [uipiRead(x.a0), csrrci(0, CSR.uip, 1), URET]);
    r.start(h1, [SPIN], Priv.U);
    r.start(h0, [NOP, NOP, uipiSend(0), SPIN], Priv.U);
    return { r, h0, h1, handler };
  }

  it('a SEND on hart 0 interrupts hart 1 in U-mode; its handler READs the vector', () => {
    const { r, h0, h1, handler } = twoHarts(0);
    r.step(h1, 3); // hart 1 reaches U and spins
    expect(r.runTo(h0, CODE + 12)).toBe(true);
    expect(r.runTo(h1, handler, 5)).toBe(true);
    expect(r.csr(h1, CSR.ucause)).toEqual([0, 0x8000_0000]);
    expect(r.csr(h1, CSR.uepc)).toEqual([CODE + 0x1000, 0]);
    r.step(h1, 3); // READ, csrci, uret
    expect(r.reg(h1, x.a0)).toEqual([1 << 9, 0]);
    expect(h1.pc).toBe(CODE + 0x1000);
    r.step(h1, 5);
    expect(h1.pc).toBe(CODE + 0x1000); // no second interrupt: pending was read away
    expect(r.csr(h0, CSR.mip)[0] & 1).toBe(0);
  });

  it('with a delivery latency of 10 cycles the interrupt is not taken earlier', () => {
    const { r, h0, h1, handler } = twoHarts(10);
    r.runTo(h0, CODE + 8); // about to send
    r.step(h0); // the SEND retires
    const sent = h0.cycle; // the send happened within the cycle before this
    // advance hart 1 step by step; hart 0 keeps spinning so that events can fire
    let takenAt = -1;
    for (let k = 0; k < 40 && takenAt < 0; k++) {
      r.step(h0);
      r.step(h1);
      if (h1.pc === handler) takenAt = h1.cycle;
    }
    expect(takenAt).toBeGreaterThanOrEqual(sent - 1 + 10);
    expect(takenAt).toBeLessThanOrEqual(sent + 10 + 2);
  });
});

/*
 * uintr.md §2: funct3 = 110 and rs2 = x0 fix the instruction and funct7 selects the operation;
 * only an unknown funct7 makes it do nothing. So the fields an operation does not use (rs1 of
 * READ, rd/rs1 of ACTIVATE and DEACTIVATE) do not change what it does. (The QEMU fork decodes
 * the same way: `uipi_read 0000001 00000 ..... 110 ..... 1111011 @r2` leaves rs1 and rd free.)
 */
function receiverRig(active: boolean) {
  const r = makeRig();
  const h = r.harts[0];
  h.writeCsr(CSR.suirs, 3, 0x8000_0000 | 0);
  r.uintc.write(0x20 * 3 + 0x08, 8, active ? 1 : 0, 0);
  r.uintc.orPending(3, 5, 0);
  return { r, h };
}

describe('uipi operand fields that the operation does not use', () => {
  it('READ with rs1 ≠ x0 reads and clears (funct7 = 1)', () => {
    const { r, h } = receiverRig(true);
    r.start(h, [uipi(1, x.a0, x.a1), SPIN], Priv.U);
    expect(r.runTo(h, CODE + 4)).toBe(true);
    expect(r.reg(h, x.a0)).toEqual([5, 0]);
    expect(r.uintc.pendingLo[3]).toBe(0);
  });

  it('ACTIVATE with rd ≠ x0 or rs1 ≠ x0 activates (funct7 = 3)', () => {
    for (const [rd, rs1] of [[x.a0, 0], [0, x.a1]]) {
      const { r, h } = receiverRig(false);
      r.start(h, [uipi(3, rd, rs1), SPIN], Priv.U);
      expect(r.runTo(h, CODE + 4)).toBe(true);
      expect(r.uintc.low[3] & 1, `rd=${rd} rs1=${rs1}`).toBe(1);
    }
  });

  it('DEACTIVATE with rd ≠ x0 or rs1 ≠ x0 deactivates (funct7 = 4)', () => {
    for (const [rd, rs1] of [[x.a0, 0], [0, x.a1]]) {
      const { r, h } = receiverRig(true);
      r.start(h, [uipi(4, rd, rs1), SPIN], Priv.U);
      expect(r.runTo(h, CODE + 4)).toBe(true);
      expect(r.uintc.low[3] & 1, `rd=${rd} rs1=${rs1}`).toBe(0);
    }
  });
});

