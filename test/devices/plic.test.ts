import { describe, expect, it } from 'vitest';
import { Plic } from '../../src/plic/plic';
import { IrqRecorder, rd } from './helpers';

const MEIP = 11;
const SEIP = 9;
const CTX = (c: number) => 0x200000 + 0x1000 * c;
const ENABLE = (c: number, word = 0) => 0x2000 + 0x80 * c + 4 * word;

function setup(harts = 2) {
  const irq = new IrqRecorder();
  const plic = new Plic({ harts, irq });
  return { irq, plic };
}

const claim = (plic: Plic, ctx: number) => rd(plic, CTX(ctx) + 4, 4)![0];

describe('PLIC', () => {
  it('has 96 sources: ndev 95, priorities 1..95 writable, source 0 hardwired', () => {
    const { plic } = setup();
    expect(plic.ndev).toBe(95);
    plic.write(0x0, 4, 5, 0);
    expect(rd(plic, 0x0, 4)).toEqual([0, 0]);
    plic.write(4 * 95, 4, 0xffffffff, 0);
    expect(rd(plic, 4 * 95, 4)).toEqual([7, 0]); // 3 priority bits
    expect(rd(plic, 4 * 96, 4)).toEqual([0, 0]);
    plic.write(ENABLE(0), 4, 0xffffffff, 0);
    expect(rd(plic, ENABLE(0), 4)).toEqual([0xfffffffe, 0]);
    plic.write(ENABLE(0, 2), 4, 0xffffffff, 0); // sources 64..95
    expect(rd(plic, ENABLE(0, 2), 4)).toEqual([0xffffffff, 0]);
    plic.write(ENABLE(0, 3), 4, 0xffffffff, 0); // no sources 96..127
    expect(rd(plic, ENABLE(0, 3), 4)).toEqual([0, 0]);
  });

  it('shows pending bits, drives MEIP for context 0 and SEIP for context 1', () => {
    const { plic, irq } = setup();
    plic.setIrq(10, true);
    expect(rd(plic, 0x1000, 4)).toEqual([1 << 10, 0]);
    expect(irq.level(0, MEIP)).toBe(false); // priority 0: never delivered
    plic.write(4 * 10, 4, 1, 0);
    expect(irq.level(0, MEIP)).toBe(false); // not enabled yet
    plic.write(ENABLE(1), 4, 1 << 10, 0);
    expect(irq.level(0, SEIP)).toBe(true);
    expect(irq.level(0, MEIP)).toBe(false);
    plic.write(ENABLE(2), 4, 1 << 10, 0); // hart 1, M-mode
    expect(irq.level(1, MEIP)).toBe(true);
    plic.setIrq(10, false);
    expect(irq.level(0, SEIP)).toBe(false);
    expect(irq.level(1, MEIP)).toBe(false);
    expect(rd(plic, 0x1000, 4)).toEqual([0, 0]);
  });

  it('claims by priority, ties to the lowest id, and respects the threshold', () => {
    const { plic, irq } = setup();
    for (const [src, prio] of [
      [3, 2],
      [5, 6],
      [7, 6],
      [40, 4],
    ]) {
      plic.write(4 * src, 4, prio, 0);
      plic.setIrq(src, true);
    }
    plic.write(ENABLE(0), 4, (1 << 3) | (1 << 5) | (1 << 7), 0);
    plic.write(ENABLE(0, 1), 4, 1 << (40 - 32), 0);
    plic.write(CTX(0), 4, 3, 0); // threshold 3: source 3 (priority 2) is masked
    expect(rd(plic, CTX(0), 4)).toEqual([3, 0]);
    expect(claim(plic, 0)).toBe(5);
    expect(claim(plic, 0)).toBe(7);
    expect(claim(plic, 0)).toBe(40);
    expect(irq.level(0, MEIP)).toBe(false);
    expect(claim(plic, 0)).toBe(0);
    // Lowering the threshold exposes source 3.
    plic.write(CTX(0), 4, 0, 0);
    expect(irq.level(0, MEIP)).toBe(true);
    expect(claim(plic, 0)).toBe(3);
  });

  it('does not re-pend a claimed source until it is completed', () => {
    const { plic, irq } = setup();
    plic.write(4 * 10, 4, 1, 0);
    plic.write(ENABLE(0), 4, 1 << 10, 0);
    plic.setIrq(10, true);
    expect(claim(plic, 0)).toBe(10);
    expect(rd(plic, 0x1000, 4)).toEqual([0, 0]);
    plic.setIrq(10, false);
    plic.setIrq(10, true); // still in flight: ignored by the gateway
    expect(rd(plic, 0x1000, 4)).toEqual([0, 0]);
    expect(irq.level(0, MEIP)).toBe(false);
    plic.write(CTX(0) + 4, 4, 10, 0); // complete; the line is still high → pending again
    expect(rd(plic, 0x1000, 4)).toEqual([1 << 10, 0]);
    expect(irq.level(0, MEIP)).toBe(true);
    expect(claim(plic, 0)).toBe(10);
    plic.setIrq(10, false);
    plic.write(CTX(0) + 4, 4, 10, 0); // complete with the line low → nothing pending
    expect(rd(plic, 0x1000, 4)).toEqual([0, 0]);
    expect(irq.level(0, MEIP)).toBe(false);
  });

  it('ignores a completion for a source not enabled in that context', () => {
    const { plic } = setup();
    plic.write(4 * 10, 4, 1, 0);
    plic.write(ENABLE(0), 4, 1 << 10, 0);
    plic.setIrq(10, true);
    expect(claim(plic, 0)).toBe(10);
    plic.write(CTX(1) + 4, 4, 10, 0); // context 1 does not enable source 10
    expect(rd(plic, 0x1000, 4)).toEqual([0, 0]);
    plic.write(CTX(0) + 4, 4, 10, 0);
    expect(rd(plic, 0x1000, 4)).toEqual([1 << 10, 0]);
  });

  it('only takes aligned 32-bit accesses', () => {
    const { plic } = setup();
    expect(rd(plic, 0x4, 8)).toBeUndefined();
    expect(rd(plic, 0x4, 1)).toBeUndefined();
    expect(plic.write(0x6, 4, 0, 0)).toBe(false);
    expect(() => plic.setIrq(96, true)).toThrow(/out of range/);
  });
});
