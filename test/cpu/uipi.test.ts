/**
 * The UINTR uipi instruction (uintr.md §2) against a fake UintcPort. Instruction words are the
 * ones uintr.md lists (".insn r 0x7B, 0b110, funct7, rd, rs1, x0" with a0).
 */
import { describe, expect, test } from 'vitest';
import { Priv } from '../../src/cpu/hart';
import { Csr } from '../../src/csr/table';
import type { UintcPort } from '../../src/hw/uintc-port';
import { machine, R, RAM } from './asm';

const SEND_A0 = 0x0005607b;
const READ_A0 = 0x0200657b;
const WRITE_A0 = 0x0405607b;
const ACTIVATE = 0x0600607b;
const DEACTIVATE = 0x0800607b;
const UNKNOWN_A0 = 0x0a00657b; // funct7 = 5, rd = a0
const UIST = RAM + 0x4000;

class FakeUintc implements UintcPort {
  calls: string[] = [];
  send(index: number, vector: number): void {
    this.calls.push(`send ${index} ${vector}`);
  }
  readAndClear(index: number, out: Int32Array): void {
    this.calls.push(`read ${index}`);
    out[0] = 0x1234;
    out[1] = 0x5678;
  }
  orPending(index: number, lo: number, hi: number): void {
    this.calls.push(`or ${index} ${lo} ${hi}`);
  }
  setActive(index: number, active: boolean): void {
    this.calls.push(`active ${index} ${active}`);
  }
}

function setup(word: number, opts: { suist?: boolean; suirs?: boolean; size?: number; valid?: boolean } = {}) {
  const port = new FakeUintc();
  const m = machine({ uintc: port });
  const h = m.hart;
  m.words(RAM, [word]);
  // UIST entry 1: valid, vector 5 (bits 31:16), receiver 7 (bits 63:48).
  const e = new Uint8Array(8);
  const dv = new DataView(e.buffer);
  dv.setUint32(0, (5 << 16) | (opts.valid === false ? 0 : 1), true);
  dv.setUint32(4, 7 << 16, true);
  m.bus.writeBytes(UIST + 8, e);
  const size = opts.size ?? 1;
  if (opts.suist !== false) h.writeCsr(Csr.suist, UIST / 4096, (0x80000000 | (size << 12)) | 0);
  else h.writeCsr(Csr.suist, UIST / 4096, size << 12);
  h.writeCsr(Csr.suirs, 3, opts.suirs === false ? 0 : 0x80000000 | 0);
  h.setPrivilege(Priv.U);
  h.setX(R.a0, 0xdead);
  return { m, h, port };
}

describe('uipi', () => {
  test('SEND reads the UIST entry and forwards receiver and vector', () => {
    const { m, h, port } = setup(SEND_A0);
    h.setX(R.a0, 1);
    expect(m.run(1)).toBe(1);
    expect(port.calls).toEqual(['send 7 5']);
    expect(h.uipiSends).toBe(1);
  });
  test('SEND does nothing when disabled, out of range, or invalid', () => {
    for (const [opts, index] of [[{ suist: false }, 1], [{}, 512], [{ size: 0 }, 1], [{ valid: false }, 1]] as const) {
      const { m, h, port } = setup(SEND_A0, opts);
      h.setX(R.a0, index);
      m.run(1);
      expect(port.calls, JSON.stringify(opts)).toEqual([]);
      expect(h.pc).toBe(RAM + 4); // no trap
    }
  });
  test('READ returns and clears pending of suirs.index; rd ← 0 when suirs is disabled', () => {
    const on = setup(READ_A0);
    on.m.run(1);
    expect(on.port.calls).toEqual(['read 3']);
    expect([on.h.getXLo(R.a0), on.h.getXHi(R.a0)]).toEqual([0x1234, 0x5678]);
    const off = setup(READ_A0, { suirs: false });
    off.m.run(1);
    expect(off.port.calls).toEqual([]);
    expect(off.h.getX(R.a0)).toBe(0);
  });
  test('WRITE, ACTIVATE and DEACTIVATE act on suirs.index only when enabled', () => {
    const w = setup(WRITE_A0);
    w.h.setX(R.a0, 0x30);
    w.m.run(1);
    expect(w.port.calls).toEqual(['or 3 48 0']);
    const a = setup(ACTIVATE);
    a.m.run(1);
    expect(a.port.calls).toEqual(['active 3 true']);
    const d = setup(DEACTIVATE);
    d.m.run(1);
    expect(d.port.calls).toEqual(['active 3 false']);
    for (const word of [WRITE_A0, ACTIVATE, DEACTIVATE]) {
      const x = setup(word, { suirs: false });
      x.m.run(1);
      expect(x.port.calls).toEqual([]);
    }
  });
  test('an unknown funct7 does nothing and writes rd ← 0', () => {
    const { m, h, port } = setup(UNKNOWN_A0);
    m.run(1);
    expect(port.calls).toEqual([]);
    expect(h.getX(R.a0)).toBe(0);
    expect(h.pc).toBe(RAM + 4);
  });
});
