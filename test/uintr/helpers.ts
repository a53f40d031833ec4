import type { HartIrqLines, MachineClock } from '../../src/hw/device';
import { EventQueue } from '../../src/hw/events';
import { Uintc, type UintcMode, type UsipLatch } from '../../src/uintc/uintc';

/** A clock the test moves by hand. */
export class TestClock implements MachineClock {
  now = 0;
}

/** Records every setHartIrq call and the current level per (hart, bit). */
export class LineRecorder implements HartIrqLines {
  readonly log: Array<[number, number, boolean]> = [];
  private readonly levels = new Map<string, boolean>();
  setHartIrq(hartId: number, bit: number, level: boolean): void {
    this.levels.set(`${hartId}:${bit}`, level);
    this.log.push([hartId, bit, level]);
  }
  level(hart: number, bit = 0): boolean {
    return this.levels.get(`${hart}:${bit}`) ?? false;
  }
}

/** A software USIP bit per hart, as the qemu mode latches it; `clear` plays `csrc uip, 1`. */
export class LatchRecorder implements UsipLatch {
  readonly usip: boolean[] = [];
  readonly log: number[] = [];
  latchUsip(hartId: number): void {
    this.usip[hartId] = true;
    this.log.push(hartId);
  }
  clear(hart: number): void {
    this.usip[hart] = false;
  }
  isSet(hart: number): boolean {
    return this.usip[hart] ?? false;
  }
}

export function setupUintc(opts: { harts?: number; mode?: UintcMode; deliveryLatency?: number } = {}) {
  const clock = new TestClock();
  const irq = new LineRecorder();
  const latch = new LatchRecorder();
  const events = new EventQueue();
  const uintc = new Uintc({ harts: opts.harts ?? 2, clock, irq, events, latch, mode: opts.mode, deliveryLatency: opts.deliveryLatency });
  /** Moves time to t, delivering due events with the clock at each event's time. */
  const advance = (t: number) => {
    while (events.nextTime <= t) {
      clock.now = events.nextTime;
      events.runUntil(clock.now);
    }
    clock.now = t;
  };
  const out = new Int32Array(2);
  /** MMIO read: [lo, hi] unsigned, or undefined on an access fault. */
  const rd = (offset: number, size = 8) => (uintc.read(offset, size, out) ? ([out[0] >>> 0, out[1] >>> 0] as const) : undefined);
  const wr = (offset: number, lo: number, hi = 0, size = 8) => uintc.write(offset, size, lo, hi);
  return { clock, irq, latch, events, uintc, advance, rd, wr };
}

/** Offset of register `reg` of receiver i. */
export const at = (i: number, reg: number) => 0x20 * i + reg;
export const SEND = 0x00;
export const LOW = 0x08;
export const HIGH = 0x10;
export const ACT = 0x18;
