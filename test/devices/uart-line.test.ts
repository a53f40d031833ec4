// The UART's serial line: host input on the emulated clock (docs/devices.md). Times are worked
// out by hand from the rule: idle until the first LCR write; a byte starts only when the RX
// FIFO is empty and is in the FIFO one character time later.
import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../src/hw/events';
import { Uart16550, charCyclesAt } from '../../src/uart/uart16550';
import { SinkRecorder, TestClock, rd } from './helpers';

const RBR = 0, IER = 1, FCR = 2, LCR = 3, LSR = 5;
const CHAR = 100;

function setup() {
  const clock = new TestClock();
  const events = new EventQueue();
  const irq = new SinkRecorder();
  const uart = new Uart16550({ onTransmit: () => undefined, irq, irqSource: 10, line: { events, clock, charCycles: CHAR } });
  const r = (off: number) => rd(uart, off, 1)![0];
  const w = (off: number, v: number) => uart.write(off, 1, v, 0);
  /** Moves the clock to t, firing what falls due. */
  const at = (t: number) => {
    clock.now = t;
    events.runUntil(t);
  };
  return { uart, irq, r, w, at, events };
}

describe('UART serial line (timed host input)', () => {
  it('one character is 10 bits at 115200 baud: 8681 cycles at 100 MHz', () => {
    expect(charCyclesAt(100_000_000)).toBe(8681);
  });

  it('holds input until the guest writes LCR, then delivers a byte one character time later', () => {
    const { uart, r, w, at, events } = setup();
    uart.receive([0x41, 0x42]);
    at(1000);
    expect(r(LSR) & 1).toBe(0); // nothing yet: the line has not started
    expect(events.size).toBe(0);
    w(LCR, 0x03); // 8N1, at cycle 1000
    at(1099);
    expect(r(LSR) & 1).toBe(0);
    at(1100);
    expect(r(LSR) & 1).toBe(1);
    expect(r(RBR)).toBe(0x41);
  });

  it('sends the next byte only when the FIFO is empty (flow control): nothing is lost', () => {
    const { uart, r, w, at } = setup();
    w(FCR, 0x01); // FIFO on
    w(LCR, 0x03);
    uart.receive([1, 2, 3]);
    at(100);
    expect(uart.rxCount).toBe(1);
    at(5000); // the guest has not read: byte 2 waits on the host side
    expect(uart.rxCount).toBe(1);
    expect(uart.pendingInput).toBe(3);
    expect(r(RBR)).toBe(1); // read at 5000: byte 2 arrives at 5100
    at(5099);
    expect(r(LSR) & 1).toBe(0);
    at(5100);
    w(FCR, 0x03); // a FIFO reset drops byte 2 (in the FIFO) ...
    at(5200);
    expect(r(LSR) & 1).toBe(1);
    expect(r(RBR)).toBe(3); // ... but byte 3 still comes, a character time after the reset
  });

  it('raises the RX interrupt on the PLIC source when a byte arrives', () => {
    const { uart, irq, w, at, r } = setup();
    w(LCR, 0x03);
    w(IER, 0x01);
    uart.receive([0x7a]);
    expect(irq.level(10)).toBe(false);
    at(CHAR);
    expect(irq.level(10)).toBe(true);
    expect(r(RBR)).toBe(0x7a);
    expect(irq.level(10)).toBe(false);
  });
});
