/**
 * The UINTC device on its own (uintr.md §2 "UINTC"). Expectations are derived by hand from the
 * register table: SEND ORs one bit, HIGH reads-and-clears / write-ORs, LOW holds
 * active/mode/hartid, ACT sets active, and line(h) = OR(pending ≠ 0 && active && hartid == h).
 */
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/hw/events';
import { RvnError } from '../../src/errors';
import { Uintc } from '../../src/uintc/uintc';
import { ACT, HIGH, LOW, SEND, TestClock, LineRecorder, at, setupUintc } from './helpers';

describe('UINTC registers', () => {
  it('resets to zero everywhere and drives nothing', () => {
    const { rd, irq } = setupUintc();
    for (const i of [0, 1, 255, 511]) {
      for (const reg of [SEND, LOW, HIGH, ACT]) expect(rd(at(i, reg))).toEqual([0, 0]);
    }
    expect(irq.log).toEqual([]);
  });

  it('SEND ORs bit (data & 63) into pending', () => {
    const { rd, wr } = setupUintc();
    wr(at(7, SEND), 0);
    wr(at(7, SEND), 5);
    wr(at(7, SEND), 33);
    wr(at(7, SEND), 63);
    wr(at(7, SEND), 64 + 3, 0xffff_ffff); // only data[5:0] counts: bit 3
    // lo = bits 0, 3, 5 = 0x29; hi = bits 33-32=1 and 63-32=31 = 0x8000_0002
    expect(rd(at(7, HIGH))).toEqual([0x29, 0x8000_0002]);
  });

  it('SEND reads as 0', () => {
    const { rd, wr } = setupUintc();
    wr(at(2, SEND), 4);
    expect(rd(at(2, SEND))).toEqual([0, 0]);
    expect(rd(at(2, HIGH))).toEqual([0x10, 0]);
  });

  it('HIGH read returns pending and clears it', () => {
    const { rd, wr } = setupUintc();
    wr(at(1, HIGH), 0x1234_5678, 0x9abc_def0);
    expect(rd(at(1, HIGH))).toEqual([0x1234_5678, 0x9abc_def0]);
    expect(rd(at(1, HIGH))).toEqual([0, 0]);
  });

  it('HIGH write ORs, never replaces', () => {
    const { rd, wr } = setupUintc();
    wr(at(3, HIGH), 0xf0, 0x1);
    wr(at(3, HIGH), 0x0f, 0x100);
    wr(at(3, HIGH), 0, 0);
    expect(rd(at(3, HIGH))).toEqual([0xff, 0x101]);
  });

  it('receivers are independent', () => {
    const { rd, wr } = setupUintc();
    wr(at(0, SEND), 1);
    wr(at(511, SEND), 2);
    expect(rd(at(1, HIGH))).toEqual([0, 0]);
    expect(rd(at(511, HIGH))).toEqual([4, 0]);
    expect(rd(at(0, HIGH))).toEqual([2, 0]);
  });

  it('LOW keeps [0] active, [1] mode, [31:16] hartid; other bits read 0', () => {
    const { rd, wr } = setupUintc();
    wr(at(4, LOW), 0xabcd_fffd, 0xffff_ffff);
    // 0xabcd_fffd & (0xffff0000 | 3) = 0xabcd_0001
    expect(rd(at(4, LOW))).toEqual([0xabcd_0001, 0]);
    wr(at(4, LOW), 0x0003_0002);
    expect(rd(at(4, LOW))).toEqual([0x0003_0002, 0]);
  });

  it('ACT sets active from data[0] only; it is the LOW active bit', () => {
    const { rd, wr } = setupUintc();
    wr(at(5, LOW), 0x0001_0002); // hart 1, mode 1, inactive
    wr(at(5, ACT), 1);
    expect(rd(at(5, LOW))).toEqual([0x0001_0003, 0]);
    expect(rd(at(5, ACT))).toEqual([1, 0]);
    wr(at(5, ACT), 2); // data[0] = 0
    expect(rd(at(5, LOW))).toEqual([0x0001_0002, 0]);
    expect(rd(at(5, ACT))).toEqual([0, 0]);
    wr(at(5, ACT), 0xffff_ffff);
    expect(rd(at(5, ACT))).toEqual([1, 0]);
  });
});

describe('UINTC 4-byte accesses', () => {
  it('HIGH halves: write ORs the half, read returns and clears only that half', () => {
    const { rd, wr } = setupUintc();
    wr(at(9, HIGH), 0x11, 0, 4);
    wr(at(9, HIGH + 4), 0x22, 0, 4);
    wr(at(9, HIGH + 4), 0x100, 0, 4);
    expect(rd(at(9, HIGH) , 4)).toEqual([0x11, 0]);
    // the low half was cleared, the high half kept
    expect(rd(at(9, HIGH), 4)).toEqual([0, 0]);
    expect(rd(at(9, HIGH + 4), 4)).toEqual([0x122, 0]);
    expect(rd(at(9, HIGH), 8)).toEqual([0, 0]);
  });

  it('low-then-high 4-byte reads see the same value as one 8-byte read', () => {
    const { rd, wr } = setupUintc();
    wr(at(9, HIGH), 0xdead_beef, 0x0bad_f00d);
    expect(rd(at(9, HIGH), 4)).toEqual([0xdead_beef, 0]);
    expect(rd(at(9, HIGH + 4), 4)).toEqual([0x0bad_f00d, 0]);
    expect(rd(at(9, HIGH))).toEqual([0, 0]);
  });

  it('SEND/LOW/ACT: the low half acts, the upper half is ignored and reads 0', () => {
    const { rd, wr } = setupUintc();
    wr(at(1, SEND), 40, 0, 4);
    wr(at(1, SEND + 4), 3, 0, 4);
    wr(at(1, LOW), 0x0005_0003, 0, 4);
    wr(at(1, LOW + 4), 0xffff_ffff, 0, 4);
    expect(rd(at(1, LOW), 4)).toEqual([0x0005_0003, 0]);
    expect(rd(at(1, LOW + 4), 4)).toEqual([0, 0]);
    wr(at(1, ACT + 4), 0, 0, 4); // ignored: still active
    expect(rd(at(1, ACT), 4)).toEqual([1, 0]);
    expect(rd(at(1, ACT + 4), 4)).toEqual([0, 0]);
    wr(at(1, ACT), 0, 0, 4);
    expect(rd(at(1, ACT), 4)).toEqual([0, 0]);
    expect(rd(at(1, SEND + 4), 4)).toEqual([0, 0]);
    expect(rd(at(1, HIGH))).toEqual([0, 1 << 8]); // only bit 40 was sent
  });
});

describe('UINTC refused accesses', () => {
  it('refuses 1- and 2-byte, misaligned and out-of-window accesses', () => {
    const { uintc, rd, wr } = setupUintc();
    expect(rd(at(0, HIGH), 1)).toBeUndefined();
    expect(rd(at(0, HIGH), 2)).toBeUndefined();
    expect(rd(at(0, HIGH) + 4, 8)).toBeUndefined();
    expect(rd(at(0, HIGH) + 2, 4)).toBeUndefined();
    expect(rd(0x4000, 8)).toBeUndefined();
    expect(rd(0x3ffc + 4, 4)).toBeUndefined();
    expect(rd(-8, 8)).toBeUndefined();
    expect(wr(at(0, SEND), 1, 0, 1)).toBe(false);
    expect(wr(at(0, SEND) + 4, 1, 0, 8)).toBe(false);
    expect(wr(0x4000, 1, 0, 8)).toBe(false);
    expect(wr(at(0, SEND), 1, 0, 3)).toBe(false);
    // nothing above changed any state
    expect(uintc.pendingLo[0]).toBe(0);
    // the last receiver's last register is inside the window
    expect(rd(0x3ff8, 8)).toEqual([0, 0]);
    expect(rd(0x3ffc, 4)).toEqual([0, 0]);
  });
});

describe('UINTC line, rocket mode (latency 0)', () => {
  it('rises when a send hits an active receiver of that hart and falls when a read empties it', () => {
    const { irq, rd, wr } = setupUintc();
    wr(at(3, LOW), (1 << 16) | 0b11); // hart 1, active
    expect(irq.log).toEqual([]); // nothing pending yet
    wr(at(3, SEND), 7);
    expect(irq.log).toEqual([[1, 0, true]]);
    wr(at(3, SEND), 8); // already high: no new report
    expect(irq.log).toEqual([[1, 0, true]]);
    expect(rd(at(3, HIGH))).toEqual([0x180, 0]);
    expect(irq.log).toEqual([[1, 0, true], [1, 0, false]]);
    expect(irq.level(0)).toBe(false);
  });

  it('does not rise for an inactive receiver; ACT raises and lowers it', () => {
    const { irq, wr } = setupUintc();
    wr(at(3, LOW), 1 << 16); // hart 1, inactive
    wr(at(3, SEND), 0);
    expect(irq.log).toEqual([]);
    wr(at(3, ACT), 1);
    expect(irq.log).toEqual([[1, 0, true]]);
    wr(at(3, ACT), 0);
    expect(irq.log).toEqual([[1, 0, true], [1, 0, false]]);
  });

  it('follows hartid: moving an asserting receiver moves the line', () => {
    const { irq, wr } = setupUintc();
    wr(at(6, LOW), (1 << 16) | 1);
    wr(at(6, HIGH), 1);
    expect(irq.log).toEqual([[1, 0, true]]);
    wr(at(6, LOW), (0 << 16) | 1);
    expect(irq.log).toEqual([[1, 0, true], [1, 0, false], [0, 0, true]]);
  });

  it('ORs receivers: the line stays up while any receiver of the hart asserts', () => {
    const { irq, rd, wr } = setupUintc();
    wr(at(1, LOW), (1 << 16) | 1);
    wr(at(2, LOW), (1 << 16) | 1);
    wr(at(1, SEND), 0);
    wr(at(2, SEND), 0);
    rd(at(1, HIGH));
    expect(irq.log).toEqual([[1, 0, true]]);
    rd(at(2, HIGH));
    expect(irq.log).toEqual([[1, 0, true], [1, 0, false]]);
  });

  it('a receiver naming a hart that does not exist drives nothing', () => {
    const { irq, wr } = setupUintc({ harts: 2 });
    wr(at(1, LOW), (2 << 16) | 1);
    wr(at(1, SEND), 0);
    wr(at(1, LOW), (0xffff << 16) | 1);
    expect(irq.log).toEqual([]);
  });

  it('the mode bit has no effect in rocket mode', () => {
    const { irq, wr } = setupUintc();
    wr(at(1, LOW), (0 << 16) | 1); // mode 0 (32-bit), active
    wr(at(1, SEND), 40);
    expect(irq.log).toEqual([[0, 0, true]]);
  });
});

describe('UINTC port (the uipi side)', () => {
  it('send / readAndClear / orPending / setActive act on the receiver', () => {
    const { uintc, irq, rd, wr } = setupUintc();
    wr(at(10, LOW), 1 << 16); // hart 1, inactive
    uintc.send(10, 64 + 6); // vector & 63 = 6
    uintc.orPending(10, 0, 0x8000_0000);
    uintc.setActive(10, true);
    expect(rd(at(10, LOW))).toEqual([0x0001_0001, 0]);
    expect(irq.log).toEqual([[1, 0, true]]);
    const out = new Int32Array(2);
    uintc.readAndClear(10, out);
    expect([out[0] >>> 0, out[1] >>> 0]).toEqual([0x40, 0x8000_0000]);
    expect(irq.log).toEqual([[1, 0, true], [1, 0, false]]);
    uintc.readAndClear(10, out);
    expect([out[0], out[1]]).toEqual([0, 0]);
    uintc.setActive(10, false);
    expect(rd(at(10, ACT))).toEqual([0, 0]);
  });

  it('ignores receiver indexes outside 0..511 (reads give 0)', () => {
    const { uintc, irq } = setupUintc();
    const out = new Int32Array([7, 7]);
    for (const bad of [-1, 512, 65535, 1.5]) {
      uintc.send(bad, 0);
      uintc.orPending(bad, 1, 1);
      uintc.setActive(bad, true);
      uintc.readAndClear(bad, out);
      expect([out[0], out[1]]).toEqual([0, 0]);
    }
    expect(irq.log).toEqual([]);
    expect(uintc.pendingLo.every((v) => v === 0)).toBe(true);
  });
});

describe('UINTC delivery latency (rocket)', () => {
  it('raises the line exactly deliveryLatency cycles after the send', () => {
    const { clock, irq, advance, wr } = setupUintc({ deliveryLatency: 10 });
    wr(at(0, LOW), (1 << 16) | 1);
    clock.now = 100;
    wr(at(0, SEND), 1);
    advance(109);
    expect(irq.log).toEqual([]);
    advance(110);
    expect(irq.log).toEqual([[1, 0, true]]);
  });

  it('drops immediately, and a drop before the rise cancels it', () => {
    const { clock, irq, advance, rd, wr, events } = setupUintc({ deliveryLatency: 10 });
    wr(at(0, LOW), (1 << 16) | 1);
    clock.now = 200;
    wr(at(0, SEND), 1);
    advance(205);
    rd(at(0, HIGH)); // empties before delivery
    expect(events.size).toBe(0);
    advance(207);
    wr(at(0, SEND), 2); // a new rise, due at 217 — not at 210
    advance(216);
    expect(irq.log).toEqual([]);
    advance(217);
    expect(irq.log).toEqual([[1, 0, true]]);
    advance(230);
    rd(at(0, HIGH));
    expect(irq.log).toEqual([[1, 0, true], [1, 0, false]]); // at once, at cycle 230
  });

  it('a second send while a rise is on its way does not delay it', () => {
    const { clock, irq, advance, wr } = setupUintc({ deliveryLatency: 10 });
    wr(at(0, LOW), (0 << 16) | 1);
    wr(at(1, LOW), (0 << 16) | 1);
    clock.now = 50;
    wr(at(0, SEND), 1);
    clock.now = 55;
    wr(at(1, SEND), 1);
    advance(60);
    expect(irq.log).toEqual([[0, 0, true]]);
    advance(100);
    expect(irq.log).toEqual([[0, 0, true]]);
  });
});

describe('UINTC qemu mode (the QEMU fork)', () => {
  it('latches USIP on a write to an active 64-bit receiver with pending bits', () => {
    const { irq, latch, wr } = setupUintc({ mode: 'qemu' });
    wr(at(2, LOW), (1 << 16) | 0b11);
    expect(latch.log).toEqual([]);
    wr(at(2, SEND), 3);
    expect(latch.log).toEqual([1]);
    expect(irq.log).toEqual([]); // never drives the level line
  });

  it('a READ does not lower USIP; only software clearing does', () => {
    const { latch, rd, wr } = setupUintc({ mode: 'qemu' });
    wr(at(2, LOW), (1 << 16) | 0b11);
    wr(at(2, SEND), 3);
    expect(rd(at(2, HIGH))).toEqual([8, 0]);
    expect(latch.isSet(1)).toBe(true);
    latch.clear(1); // csrc uip, 1
    expect(latch.isSet(1)).toBe(false);
    wr(at(2, SEND), 4);
    expect(latch.isSet(1)).toBe(true);
  });

  it('deactivation and moving the receiver do not lower USIP', () => {
    const { latch, wr } = setupUintc({ mode: 'qemu' });
    wr(at(2, LOW), (1 << 16) | 0b11);
    wr(at(2, SEND), 3);
    wr(at(2, ACT), 0);
    wr(at(2, LOW), (0 << 16) | 0b10);
    expect(latch.isSet(1)).toBe(true);
    expect(latch.isSet(0)).toBe(false);
  });

  it('requires LOW[1:0] = 0b11: an active 32-bit-mode receiver never latches', () => {
    const { latch, wr } = setupUintc({ mode: 'qemu' });
    wr(at(2, LOW), (1 << 16) | 0b01);
    wr(at(2, SEND), 3);
    wr(at(2, HIGH), 1);
    expect(latch.log).toEqual([]);
    // writing LOW with mode 64 while bits are pending latches at once
    wr(at(2, LOW), (1 << 16) | 0b11);
    expect(latch.log).toEqual([1]);
  });

  it('activation with pending bits latches; a read never does', () => {
    const { uintc, latch, rd, wr } = setupUintc({ mode: 'qemu' });
    wr(at(2, LOW), (0 << 16) | 0b10);
    wr(at(2, SEND), 1);
    rd(at(2, LOW));
    expect(latch.log).toEqual([]);
    uintc.setActive(2, true);
    expect(latch.log).toEqual([0]);
  });

  it('a write that leaves pending empty latches nothing', () => {
    const { latch, wr } = setupUintc({ mode: 'qemu' });
    wr(at(2, LOW), (0 << 16) | 0b11);
    wr(at(2, HIGH), 0, 0);
    wr(at(2, ACT), 1);
    expect(latch.log).toEqual([]);
  });

  it('4-byte HIGH reads: the low half does not clear, the high half clears all 64 bits', () => {
    const { rd, wr } = setupUintc({ mode: 'qemu' });
    wr(at(2, HIGH), 0x5, 0x6);
    expect(rd(at(2, HIGH), 4)).toEqual([5, 0]);
    expect(rd(at(2, HIGH), 4)).toEqual([5, 0]);
    expect(rd(at(2, HIGH + 4), 4)).toEqual([6, 0]);
    expect(rd(at(2, HIGH))).toEqual([0, 0]);
  });

  it('latches deliveryLatency cycles after the write', () => {
    const { clock, latch, advance, wr } = setupUintc({ mode: 'qemu', deliveryLatency: 10 });
    wr(at(2, LOW), (1 << 16) | 0b11);
    clock.now = 40;
    wr(at(2, SEND), 0);
    advance(49);
    expect(latch.log).toEqual([]);
    advance(50);
    expect(latch.log).toEqual([1]);
  });
});

describe('UINTC construction', () => {
  it('rejects bad options with RvnError', () => {
    const base = { clock: new TestClock(), irq: new LineRecorder(), events: new EventQueue() };
    expect(() => new Uintc({ ...base, harts: 0 })).toThrow(RvnError);
    expect(() => new Uintc({ ...base, harts: 1, deliveryLatency: -1 })).toThrow(RvnError);
    expect(() => new Uintc({ ...base, harts: 1, deliveryLatency: 1.5 })).toThrow(RvnError);
    expect(() => new Uintc({ ...base, harts: 1, mode: 'qemu' })).toThrow(RvnError);
  });

  it('two instances share no state', () => {
    const a = setupUintc();
    const b = setupUintc();
    a.wr(at(0, SEND), 1);
    expect(b.rd(at(0, HIGH))).toEqual([0, 0]);
    expect(a.rd(at(0, HIGH))).toEqual([2, 0]);
  });
});
