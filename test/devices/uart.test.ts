import { describe, expect, it } from 'vitest';
import { Uart16550 } from '../../src/uart/uart16550';
import { SinkRecorder, rd } from './helpers';

// Register offsets (16550A datasheet, reg-shift 0).
const RBR = 0, THR = 0, DLL = 0, IER = 1, DLM = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7;

function setup() {
  const sent: number[] = [];
  const irq = new SinkRecorder();
  const uart = new Uart16550({ onTransmit: (b) => sent.push(b), irq, irqSource: 10 });
  const r = (off: number) => rd(uart, off, 1)![0];
  const w = (off: number, v: number) => uart.write(off, 1, v, 0);
  return { sent, irq, uart, r, w };
}

describe('UART 16550A', () => {
  it('has the reset values of QEMU serial', () => {
    const { r } = setup();
    expect(r(LSR)).toBe(0x60); // THRE | TEMT
    expect(r(IIR)).toBe(0x01); // no interrupt, FIFOs off
    expect(r(IER)).toBe(0x00);
    expect(r(LCR)).toBe(0x00);
    expect(r(MCR)).toBe(0x08); // OUT2
    expect(r(MSR)).toBe(0xb0); // DCD | DSR | CTS
  });

  it('transmits THR writes to the host at once', () => {
    const { sent, w, r } = setup();
    w(THR, 0x48);
    w(THR, 0x69);
    expect(sent).toEqual([0x48, 0x69]);
    expect(r(LSR)).toBe(0x60);
  });

  it('maps DLL/DLM under LCR.DLAB without touching THR or IER', () => {
    const { sent, w, r } = setup();
    w(LCR, 0x83); // DLAB, 8N1
    w(DLL, 0x01);
    w(DLM, 0x02);
    expect(r(DLL)).toBe(0x01);
    expect(r(DLM)).toBe(0x02);
    expect(sent).toEqual([]);
    w(LCR, 0x03);
    expect(r(IER)).toBe(0x00);
    expect(r(LCR)).toBe(0x03);
    w(SCR, 0x5a);
    expect(r(SCR)).toBe(0x5a);
  });

  it('raises and acknowledges the THR-empty interrupt', () => {
    const { irq, w, r } = setup();
    w(FCR, 0x07); // enable and clear FIFOs
    expect(r(IIR)).toBe(0xc1);
    w(IER, 0x02); // enabling ETBEI with THR empty interrupts at once
    expect(irq.level(10)).toBe(true);
    expect(r(IIR)).toBe(0xc2); // this read acknowledges it
    expect(irq.level(10)).toBe(false);
    expect(r(IIR)).toBe(0xc1);
    w(THR, 0x41); // THR empties again → interrupt
    expect(irq.level(10)).toBe(true);
    w(IER, 0x00);
    expect(irq.level(10)).toBe(false);
    expect(r(IIR)).toBe(0xc1);
  });

  it('receives into the FIFO: DR, RX-data interrupt, order, backlog', () => {
    const { uart, irq, w, r } = setup();
    w(FCR, 0x07); // trigger level 1
    uart.receive([0x41]);
    expect(r(LSR)).toBe(0x61);
    expect(irq.level(10)).toBe(false);
    w(IER, 0x01);
    expect(irq.level(10)).toBe(true);
    expect(r(IIR)).toBe(0xc4);
    expect(r(RBR)).toBe(0x41);
    expect(r(LSR)).toBe(0x60);
    expect(r(IIR)).toBe(0xc1);
    expect(irq.level(10)).toBe(false);
    // 20 bytes: 16 in the FIFO, 4 waiting on the host side; all arrive in order.
    const bytes = Array.from({ length: 20 }, (_, i) => 0x30 + i);
    uart.receive(bytes);
    expect(uart.rxCount).toBe(16);
    const got = bytes.map(() => r(RBR));
    expect(got).toEqual(bytes);
    expect(r(LSR)).toBe(0x60);
  });

  it('reports a character timeout below the trigger level, RX data at it', () => {
    const { uart, w, r } = setup();
    w(FCR, 0xc1); // FIFO on, trigger 14
    w(IER, 0x03);
    uart.receive([1, 2, 3]);
    expect(r(IIR)).toBe(0xcc); // timeout outranks THR empty
    uart.receive(new Array(11).fill(9));
    expect(r(IIR)).toBe(0xc4);
  });

  it('holds one byte at a time with FIFOs off', () => {
    const { uart, r } = setup();
    uart.receive([7, 8]);
    expect(uart.rxCount).toBe(1);
    expect(r(RBR)).toBe(7);
    expect(r(LSR)).toBe(0x61);
    expect(r(RBR)).toBe(8);
    expect(r(LSR)).toBe(0x60);
    expect(r(RBR)).toBe(0); // empty
  });

  it('loops THR back to RBR and MCR to MSR in loopback mode', () => {
    const { sent, w, r } = setup();
    w(MCR, 0x1a); // LOOP | OUT2 | RTS — Linux's 8250 autoconfig check expects MSR & 0xf0 = 0x90
    expect(r(MSR) & 0xf0).toBe(0x90);
    w(MCR, 0x1f); // all outputs
    expect(r(MSR) & 0xf0).toBe(0xf0);
    w(THR, 0x55);
    expect(sent).toEqual([]);
    expect(r(LSR)).toBe(0x61);
    expect(r(RBR)).toBe(0x55);
    w(MCR, 0x08);
    expect(r(MSR)).toBe(0xb0);
  });

  it('clears the RX FIFO on FCR bit 1', () => {
    const { uart, w, r } = setup();
    w(FCR, 0x01);
    uart.receive([1, 2, 3]);
    w(FCR, 0x03);
    expect(r(LSR)).toBe(0x60);
  });
});
