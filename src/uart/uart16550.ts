/**
 * UART 16550A with byte registers (reg-shift 0), as QEMU virt's serial@10000000.
 *
 *   +0  RBR (read) / THR (write) / DLL when LCR.DLAB
 *   +1  IER / DLM when LCR.DLAB
 *   +2  IIR (read) / FCR (write)
 *   +3  LCR   +4 MCR   +5 LSR   +6 MSR   +7 SCR
 *
 * Transmission is immediate (no baud timing): a THR write hands the byte to the host at once,
 * so THR and the shifter are always empty (LSR.THRE = LSR.TEMT = 1). Received bytes come from
 * the host through `receive()` into a 16-byte FIFO (1 byte deep when FIFOs are off); bytes
 * beyond that wait on the host side, as a chardev backend waits for can_receive in QEMU, so
 * the guest never sees an overrun. In loopback (MCR.LOOP) THR bytes go to the RX FIFO and MSR
 * mirrors MCR. Interrupts: RX data available / character timeout and THR empty; line-status
 * and modem-status interrupts are never raised (no errors or modem changes are modelled).
 *
 * With a `line` (the machine gives one), host input crosses a modelled serial line on the
 * emulated clock, so that the same input bytes give the same run:
 * - the line is idle until the guest first writes LCR (every 16550 driver sets the line format
 *   when it initialises the port, after which no FIFO reset can drop a byte);
 * - hardware flow control: a byte starts on the wire only when the RX FIFO is empty, and is in
 *   the FIFO `charCycles` later (one character time: 10 bits at 115200 baud);
 * - bytes the host sends meanwhile wait on the host side, in order; none is ever lost.
 * Without a line (unit tests), host bytes enter the FIFO at once.
 */
import type { IrqSink, MmioDevice, MachineClock } from '../hw/device';
import type { EventQueue, TimedHandler } from '../hw/events';
import { RvnError } from '../errors';

export const UartReg = {
  rbrThrDll: 0,
  ierDlm: 1,
  iirFcr: 2,
  lcr: 3,
  mcr: 4,
  lsr: 5,
  msr: 6,
  scr: 7,
  size: 0x100,
} as const;

const IER_RDI = 0x01; // RX data available
const IER_THRI = 0x02; // THR empty
const IER_MASK = 0x0f;

const IIR_NO_INT = 0x01;
const IIR_THRI = 0x02;
const IIR_RDI = 0x04;
const IIR_RX_TIMEOUT = 0x0c;
const IIR_FIFO_ENABLED = 0xc0;

const FCR_ENABLE = 0x01;
const FCR_CLEAR_RX = 0x02;
const FCR_CLEAR_TX = 0x04;

const LCR_DLAB = 0x80;
const MCR_LOOP = 0x10;
const MCR_MASK = 0x1f;

const LSR_DR = 0x01;
const LSR_THRE = 0x20;
const LSR_TEMT = 0x40;

const MSR_CTS = 0x10;
const MSR_DSR = 0x20;
const MSR_RI = 0x40;
const MSR_DCD = 0x80;

const FIFO_SIZE = 16;
/** FCR bits 7:6 → RX trigger level. */
const RX_TRIGGER = [1, 4, 8, 14] as const;

export interface Uart16550Options {
  /** Called for every byte the guest transmits. */
  onTransmit: (byte: number) => void;
  /** Interrupt controller input and source id (10 on this board); optional for tests. */
  irq?: IrqSink;
  irqSource?: number;
  name?: string;
  /** The serial line that times host input (see above); absent = input arrives at once. */
  line?: SerialLine;
}

export interface SerialLine {
  events: EventQueue;
  clock: MachineClock;
  /** Core cycles per character on the wire. */
  charCycles: number;
}

/** One character (start bit, 8 data bits, stop bit) at 115200 baud, in cycles of a `clockHz` core. */
export function charCyclesAt(clockHz: number, baud = 115_200): number {
  return Math.round((clockHz * 10) / baud);
}

export class Uart16550 implements MmioDevice, TimedHandler {
  readonly name: string;
  readonly size = UartReg.size;

  // Registers (plain data).
  ier = 0;
  lcr = 0;
  mcr = 0x08; // OUT2, as QEMU resets it
  scr = 0;
  dll = 0x0c; // 9600 baud at 1.8432 MHz, QEMU's reset divisor
  dlm = 0;
  fcr = 0;
  /** THR-empty interrupt latch: set when THR empties, cleared by an IIR read or THR write. */
  thrIrq = 0;

  /** RX FIFO ring. */
  readonly rxFifo = new Uint8Array(FIFO_SIZE);
  rxHead = 0;
  rxCount = 0;
  /** Bytes from the host not yet accepted by the FIFO. */
  private backlog: number[] = [];
  private backlogHead = 0;

  /** Timed input: the line has started (LCR written) and a byte is on the wire. */
  lineStarted = false;
  lineBusy = false;

  private irqLevel = false;
  private readonly line: SerialLine | undefined;
  private readonly lineHandler: number;
  private readonly onTransmit: (byte: number) => void;
  private readonly irq: IrqSink | undefined;
  private readonly irqSource: number;

  constructor(opts: Uart16550Options) {
    if (typeof opts.onTransmit !== 'function') throw new RvnError('uart: onTransmit callback required');
    this.onTransmit = opts.onTransmit;
    this.irq = opts.irq;
    this.irqSource = opts.irqSource ?? 10;
    this.name = opts.name ?? 'uart0';
    this.line = opts.line;
    this.lineHandler = opts.line?.events.register(this) ?? -1;
    if (opts.line !== undefined && !(opts.line.charCycles >= 1)) throw new RvnError(`uart: invalid character time ${opts.line.charCycles}`);
  }

  /** Bytes from the host (keyboard, file, test) for the guest to read. */
  receive(bytes: ArrayLike<number>): void {
    for (let i = 0; i < bytes.length; i++) this.backlog.push(bytes[i] & 0xff);
    this.refill();
    this.updateIrq();
  }

  /** A byte has crossed the line: it enters the (empty) RX FIFO. */
  onEvent(): void {
    this.lineBusy = false;
    if (this.backlogHead < this.backlog.length && this.rxCount === 0) {
      this.rxFifo[this.rxHead] = this.backlog[this.backlogHead++];
      this.rxCount = 1;
      this.compactBacklog();
    }
    this.updateIrq();
  }

  /** Bytes received from the host that the guest has not read yet (FIFO + backlog). */
  get pendingInput(): number {
    return this.rxCount + this.backlog.length - this.backlogHead;
  }

  read(offset: number, _size: number, out: Int32Array): boolean {
    out[0] = this.readReg(offset);
    out[1] = 0;
    return true;
  }

  write(offset: number, _size: number, lo: number, _hi: number): boolean {
    this.writeReg(offset, lo & 0xff);
    return true;
  }

  get lsr(): number {
    return LSR_THRE | LSR_TEMT | (this.rxCount > 0 ? LSR_DR : 0);
  }

  get msr(): number {
    if ((this.mcr & MCR_LOOP) === 0) return MSR_DCD | MSR_DSR | MSR_CTS;
    // Loopback: DTR→DSR, RTS→CTS, OUT1→RI, OUT2→DCD.
    const m = this.mcr;
    return ((m & 1) << 5) | ((m & 2) << 3) | ((m & 4) << 4) | ((m & 8) << 4);
  }

  /** Interrupt identification, highest priority first: RX data, then THR empty. */
  get iir(): number {
    const fifoBits = (this.fcr & FCR_ENABLE) !== 0 ? IIR_FIFO_ENABLED : 0;
    return fifoBits | this.interruptId();
  }

  private interruptId(): number {
    if ((this.ier & IER_RDI) !== 0 && this.rxCount > 0) {
      const fifo = (this.fcr & FCR_ENABLE) !== 0;
      if (!fifo || this.rxCount >= RX_TRIGGER[this.fcr >> 6]) return IIR_RDI;
      // Below the trigger level the 16550A reports a character timeout once the line has
      // been idle; with no baud timing modelled the line is always idle.
      return IIR_RX_TIMEOUT;
    }
    if ((this.ier & IER_THRI) !== 0 && this.thrIrq !== 0) return IIR_THRI;
    return IIR_NO_INT;
  }

  private readReg(offset: number): number {
    switch (offset) {
      case UartReg.rbrThrDll:
        return (this.lcr & LCR_DLAB) !== 0 ? this.dll : this.popRx();
      case UartReg.ierDlm:
        return (this.lcr & LCR_DLAB) !== 0 ? this.dlm : this.ier;
      case UartReg.iirFcr: {
        const iir = this.iir;
        // Reading IIR while it reports THR empty acknowledges that interrupt.
        if ((iir & 0x0f) === IIR_THRI) {
          this.thrIrq = 0;
          this.updateIrq();
        }
        return iir;
      }
      case UartReg.lcr:
        return this.lcr;
      case UartReg.mcr:
        return this.mcr;
      case UartReg.lsr:
        return this.lsr;
      case UartReg.msr:
        return this.msr;
      case UartReg.scr:
        return this.scr;
      default:
        return 0;
    }
  }

  private writeReg(offset: number, v: number): void {
    switch (offset) {
      case UartReg.rbrThrDll:
        if ((this.lcr & LCR_DLAB) !== 0) this.dll = v;
        else this.transmit(v);
        break;
      case UartReg.ierDlm:
        if ((this.lcr & LCR_DLAB) !== 0) {
          this.dlm = v;
          break;
        }
        // Enabling the THR-empty interrupt while THR is empty raises it at once (16550A).
        if ((v & IER_THRI) !== 0 && (this.ier & IER_THRI) === 0) this.thrIrq = 1;
        this.ier = v & IER_MASK;
        break;
      case UartReg.iirFcr:
        this.writeFcr(v);
        break;
      case UartReg.lcr:
        this.lcr = v;
        if (!this.lineStarted) {
          this.lineStarted = true;
          this.refill();
        }
        break;
      case UartReg.mcr:
        this.mcr = v & MCR_MASK;
        break;
      case UartReg.scr:
        this.scr = v;
        break;
      default:
        break; // LSR, MSR and the rest of the window ignore writes
    }
    this.updateIrq();
  }

  private writeFcr(v: number): void {
    const wasEnabled = (this.fcr & FCR_ENABLE) !== 0;
    const enabled = (v & FCR_ENABLE) !== 0;
    // Toggling FIFO mode clears both FIFOs, as on the 16550A.
    if ((v & FCR_CLEAR_RX) !== 0 || wasEnabled !== enabled) {
      this.rxHead = 0;
      this.rxCount = 0;
    }
    // Clearing the TX FIFO empties THR, which (re)arms the THR-empty interrupt.
    if ((v & FCR_CLEAR_TX) !== 0) this.thrIrq = 1;
    this.fcr = v & 0xc9; // enable, DMA mode, trigger level; the clear bits self-clear
    this.refill();
  }

  private transmit(byte: number): void {
    if ((this.mcr & MCR_LOOP) !== 0 && this.line !== undefined) {
      // Loopback does not cross the line: the byte enters the FIFO at once (dropped when full).
      if (this.rxCount < this.capacity()) this.rxFifo[(this.rxHead + this.rxCount++) % FIFO_SIZE] = byte;
    } else if ((this.mcr & MCR_LOOP) !== 0) {
      this.backlog.push(byte);
      this.refill();
    } else {
      this.onTransmit(byte);
    }
    // The byte left THR at once: THR is empty again.
    this.thrIrq = 1;
  }

  private popRx(): number {
    if (this.rxCount === 0) return 0;
    const b = this.rxFifo[this.rxHead];
    this.rxHead = (this.rxHead + 1) % FIFO_SIZE;
    this.rxCount--;
    this.refill();
    this.updateIrq();
    return b;
  }

  private capacity(): number {
    return (this.fcr & FCR_ENABLE) !== 0 ? FIFO_SIZE : 1;
  }

  /** Moves waiting host bytes towards the FIFO: at once, or one by one over the line. */
  private refill(): void {
    if (this.line !== undefined) {
      const waiting = this.backlogHead < this.backlog.length;
      if (this.lineStarted && !this.lineBusy && this.rxCount === 0 && waiting) {
        this.lineBusy = true;
        this.line.events.schedule(this.line.clock.now + this.line.charCycles, this.lineHandler, 0);
      }
      return;
    }
    const cap = this.capacity();
    while (this.rxCount < cap && this.backlogHead < this.backlog.length) {
      this.rxFifo[(this.rxHead + this.rxCount) % FIFO_SIZE] = this.backlog[this.backlogHead++];
      this.rxCount++;
    }
    this.compactBacklog();
  }

  private compactBacklog(): void {
    if (this.backlogHead === this.backlog.length && this.backlogHead > 0) {
      this.backlog = [];
      this.backlogHead = 0;
    }
  }

  private updateIrq(): void {
    const level = this.interruptId() !== IIR_NO_INT;
    if (level === this.irqLevel) return;
    this.irqLevel = level;
    this.irq?.setIrq(this.irqSource, level);
  }
}
