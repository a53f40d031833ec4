import { describe, expect, it } from 'vitest';
import { Clint } from '../../src/clint/clint';
import { EventQueue } from '../../src/hw/events';
import { IrqRecorder, TestClock, rd } from './helpers';

const MSIP = 3;
const MTIP = 7;

function setup(opts: { harts?: number; cyclesPerTick?: number; ipiLatency?: number } = {}) {
  const clock = new TestClock();
  const irq = new IrqRecorder();
  const events = new EventQueue();
  const clint = new Clint({ harts: opts.harts ?? 2, clock, irq, events, ...opts });
  /** Delivers due events with the clock at each event's time, as the machine does. */
  const advance = (t: number) => {
    while (events.nextTime <= t) {
      clock.now = events.nextTime;
      events.runUntil(clock.now);
    }
    clock.now = t;
  };
  return { clock, irq, events, clint, advance };
}

describe('CLINT', () => {
  it('derives mtime from the clock: floor(now / 10) + offset', () => {
    const { clock, clint } = setup();
    clock.now = 12345;
    expect(rd(clint, 0xbff8, 8)).toEqual([1234, 0]);
    clock.now = 12349;
    expect(rd(clint, 0xbff8, 8)).toEqual([1234, 0]);
    clock.now = 12350;
    expect(rd(clint, 0xbff8, 4)).toEqual([1235, 0]);
    expect(rd(clint, 0xbffc, 4)).toEqual([0, 0]);
  });

  it('resets mtimecmp to all ones and MTIP stays low', () => {
    const { clint, irq } = setup();
    expect(rd(clint, 0x4000, 8)).toEqual([0xffffffff, 0xffffffff]);
    expect(rd(clint, 0x4008, 4)).toEqual([0xffffffff, 0]);
    expect(rd(clint, 0x400c, 4)).toEqual([0xffffffff, 0]);
    expect(irq.level(0, MTIP)).toBe(false);
  });

  it('raises MTIP exactly at the cycle where mtime reaches mtimecmp', () => {
    const { clock, clint, irq, advance } = setup();
    clock.now = 12345; // mtime 1234
    expect(clint.write(0x4000, 8, 2000, 0)).toBe(true);
    expect(irq.level(0, MTIP)).toBe(false);
    // mtime = 2000 first at cycle 20000.
    expect(clint.nextTimerEvent(0)).toBe(20000);
    advance(19999);
    expect(irq.level(0, MTIP)).toBe(false);
    advance(20000);
    expect(irq.level(0, MTIP)).toBe(true);
    expect(clint.nextTimerEvent(0)).toBe(Infinity);
    // Writing a later compare lowers MTIP and re-arms: 2100 ticks → cycle 21000.
    clint.write(0x4000, 8, 2100, 0);
    expect(irq.level(0, MTIP)).toBe(false);
    expect(clint.nextTimerEvent(0)).toBe(21000);
    advance(21000);
    expect(irq.level(0, MTIP)).toBe(true);
  });

  it('a compare in the past raises MTIP at once and schedules nothing', () => {
    const { clock, clint, irq, events } = setup();
    clock.now = 500; // mtime 50
    clint.write(0x4008, 8, 50, 0); // hart 1
    expect(irq.level(1, MTIP)).toBe(true);
    expect(irq.level(0, MTIP)).toBe(false);
    expect(events.size).toBe(0);
  });

  it('rescheduling cancels the earlier event', () => {
    const { clint, irq, events, advance } = setup();
    clint.write(0x4000, 8, 100, 0); // cycle 1000
    clint.write(0x4000, 8, 300, 0); // cycle 3000
    expect(events.size).toBe(1);
    advance(2999);
    expect(irq.level(0, MTIP)).toBe(false);
    advance(3000);
    expect(irq.level(0, MTIP)).toBe(true);
  });

  it('accepts 4-byte halves of mtimecmp (low first keeps it far away)', () => {
    const { clint, irq, advance } = setup();
    clint.write(0x4000, 4, 0x10, 0); // 0xffffffff_00000010: never
    expect(rd(clint, 0x4000, 8)).toEqual([0x10, 0xffffffff]);
    expect(clint.nextTimerEvent(0)).toBe(Infinity);
    clint.write(0x4004, 4, 0, 0); // 0x10 → cycle 160
    expect(clint.nextTimerEvent(0)).toBe(160);
    advance(160);
    expect(irq.level(0, MTIP)).toBe(true);
  });

  it('mtime writes change the offset and re-evaluate timers', () => {
    const { clock, clint, irq, advance } = setup();
    clock.now = 20000; // raw ticks 2000
    clint.write(0x4000, 8, 6000, 0);
    expect(clint.nextTimerEvent(0)).toBe(60000);
    clint.write(0xbff8, 8, 5000, 0); // offset = 3000
    expect(rd(clint, 0xbff8, 8)).toEqual([5000, 0]);
    clock.now = 25000;
    expect(rd(clint, 0xbff8, 8)).toEqual([5500, 0]);
    // mtime reaches 6000 when floor(t/10) = 3000, i.e. t = 30000.
    expect(clint.nextTimerEvent(0)).toBe(30000);
    advance(30000);
    expect(irq.level(0, MTIP)).toBe(true);
    // Above 2^32: 0x1_0000_0005, read back as halves.
    clint.write(0xbff8, 8, 5, 1);
    expect(rd(clint, 0xbff8, 8)).toEqual([5, 1]);
    expect(rd(clint, 0xbffc, 4)).toEqual([1, 0]);
    // Writing the low half only keeps the high half.
    clint.write(0xbff8, 4, 7, 0);
    expect(rd(clint, 0xbff8, 8)).toEqual([7, 1]);
  });

  it('handles a fractional cycles-per-tick (2.5): mtime 3 first at cycle 8', () => {
    const { clint, irq, advance } = setup({ cyclesPerTick: 2.5 });
    clint.write(0x4000, 8, 3, 0);
    expect(clint.nextTimerEvent(0)).toBe(8);
    advance(7);
    expect(irq.level(0, MTIP)).toBe(false);
    advance(8);
    expect(irq.level(0, MTIP)).toBe(true);
  });

  it('msip drives MSIP immediately with zero latency', () => {
    const { clint, irq } = setup();
    clint.write(0x4, 4, 0xffffffff, 0); // only bit 0 is kept
    expect(irq.level(1, MSIP)).toBe(true);
    expect(rd(clint, 0x4, 4)).toEqual([1, 0]);
    clint.write(0x4, 4, 0, 0);
    expect(irq.level(1, MSIP)).toBe(false);
  });

  it('msip reaches the hart after ipiLatency cycles', () => {
    const { clock, clint, irq, advance } = setup({ ipiLatency: 20 });
    clock.now = 100;
    clint.write(0x0, 4, 1, 0);
    expect(rd(clint, 0x0, 4)).toEqual([1, 0]);
    expect(irq.level(0, MSIP)).toBe(false);
    advance(119);
    expect(irq.level(0, MSIP)).toBe(false);
    advance(120);
    expect(irq.level(0, MSIP)).toBe(true);
  });

  it('rejects byte, misaligned and out-of-range accesses', () => {
    const { clint } = setup();
    expect(rd(clint, 0x0, 1)).toBeUndefined();
    expect(rd(clint, 0x0, 8)).toBeUndefined();
    expect(rd(clint, 0x4002, 4)).toBeUndefined();
    expect(rd(clint, 0x4004, 8)).toBeUndefined();
    expect(rd(clint, 0x8, 4)).toBeUndefined(); // hart 2 does not exist
    expect(rd(clint, 0x4010, 8)).toBeUndefined();
    expect(clint.write(0xbff8, 2, 0, 0)).toBe(false);
  });

  it('rejects bad configuration with RvnError', () => {
    const clock = new TestClock();
    expect(() => new Clint({ harts: 0, clock, irq: new IrqRecorder(), events: new EventQueue() })).toThrow(
      /invalid hart count/,
    );
  });
});
