/**
 * The rvn board: harts, RAM, boot ROM, device tree and devices wired as platform.md says, and
 * the scheduler that interleaves the harts deterministically on one event queue.
 *
 * This is a library object: it reads no file, clock or process. The host hands it image bytes
 * and receives console output and the end of the run through callbacks and return values.
 *
 * Scheduling (platform.md "Multi-hart", architecture.md §3): every hart has its own cycle
 * clock. The awake hart that is furthest behind runs next, until it is `quantum` cycles past
 * the next hart or reaches the next queued event; events fire once every awake hart has
 * reached their time. A device sees `clock.now` = the cycle of the hart accessing it (or the
 * event's time). When every hart sleeps in WFI, time jumps to the next event.
 */
import { RvnError } from '../errors';
import { buildBootRom, dtbAddress } from '../bootrom/bootrom';
import { ClintReg } from '../clint/clint';
import { Hart } from '../cpu/hart';
import type { FatalTrap } from '../cpu/hart';
import { buildBoardFdt } from '../fdt/board';
import { Htif } from '../htif/htif';
import type { PowerOffEvent } from '../testdev/sifive-test';
import { createTimingModel } from '../timing/index';
import type { TimingProfile } from '../timing/profile';
import { rocketProfile } from '../timing/profiles/index';
import type { UintcMode } from '../uintc/uintc';
import { Bus } from '../memory/bus';
import type { HartIrqLines, IrqSink, MachineClock, MmioDevice } from '../hw/device';
import { EventQueue } from '../hw/events';
import { checkHartCount, checkQuantum, checkRamSize } from '../hw/limits';
import { RVN_BOARD, checkBoard } from './board';
import type { BoardEntry, DeviceContext, DeviceRoles } from './board';
import { virtioNetEntry } from './net-entry';
import type { NetworkOptions } from './net-entry';
import { loadImage } from './loader';
import type { LoadedImage } from './loader';

export type { UintcMode };

export interface MachineOptions {
  /** Number of harts (default 1). */
  harts?: number;
  /** RAM size in bytes (default 128 MiB). */
  memBytes?: number;
  /** Timing profile (default: rocket). */
  timing?: TimingProfile;
  /** UINTC behaviour: the spec (Rocket, default) or the reference QEMU fork. */
  uintc?: UintcMode;
  /**
   * Most cycles a hart may run ahead of the hart furthest behind (default 10). Cross-hart
   * events (UINTC delivery, IPIs) reach a hart at their modelled time when this is no more
   * than the smallest delivery latency; shared-memory stores are seen within this bound.
   */
  quantum?: number;
  /**
   * The board's devices (default: the rvn board, RVN_BOARD.devices). A device added here is on
   * the bus, wired to the interrupt controller and in the device tree.
   */
  devices?: readonly BoardEntry[];
  /** A network card on the user-mode network (--net user): added to the board's devices. */
  net?: NetworkOptions;
  /** Kernel command line for /chosen/bootargs. */
  bootargs?: string;
  /**
   * Fast execution (translated blocks, default true). false = the reference mode: one
   * instruction at a time through the plainest path; results, cycles and traces are identical.
   */
  fast?: boolean;
}

/** Where the machine's output goes. */
export interface MachineHost {
  /** Bytes the guest wrote to its console (UART, HTIF). */
  console(bytes: Uint8Array): void;
}

export type StopReason =
  | { kind: 'exit'; code: number; source: 'test-device' | 'htif' }
  | { kind: 'reset' }
  | { kind: 'limit'; which: 'instructions' | 'cycles' }
  | { kind: 'idle'; message: string }
  /** A hart cannot go on; `trap` says why as data (cause, pc, tval, handler). */
  | { kind: 'halt'; message: string; hartId?: number; trap?: FatalTrap }
  /** RunLimits.pauseAtCycle was reached; run() again continues as if there had been no pause. */
  | { kind: 'paused' }
  /**
   * A debugger's hook (Hart.debug) stopped hart `hartId` (breakpoint, watchpoint, step). run()
   * again resumes that hart's cut slice first, so the harts interleave as without the stop.
   */
  | { kind: 'debug'; hartId: number };

export interface RunLimits {
  /** Stop after this many instructions (all harts together). */
  maxInsns?: number;
  /** Stop when every hart has reached this cycle. */
  maxCycles?: number;
  /**
   * Return (reason 'paused') once every awake hart has reached this cycle, so that a host can
   * attend to its own events (input, signals) between stretches of a long run. Pausing changes
   * nothing in the run: a hart is cut at the pause only when it runs alone, and another run()
   * continues where this one left off.
   */
  pauseAtCycle?: number;
}

export interface RunResult {
  reason: StopReason;
  /** Cycles of the hart that ran furthest, instructions of all harts. */
  cycles: number;
  instret: number;
}

const ISA_STRING = 'rv64imac_zicsr_zifencei_zicntr_zihpm';

export class Machine implements HartIrqLines, MachineClock {
  readonly harts: Hart[] = [];
  readonly bus: Bus;
  readonly events = new EventQueue((t) => this.eventScheduled(t));
  /** The board's devices, in the order of `devices` (entry i created device i). */
  readonly devices: readonly MmioDevice[];
  readonly board: readonly BoardEntry[];
  /** The CLINT's msip words, where IPIs are sent (for the timeline), if the board has a CLINT. */
  readonly msipWindow?: { base: number; end: number };
  readonly timing: TimingProfile;
  readonly quantum: number;
  readonly dtb: Uint8Array;
  readonly dtbAddr: number;
  /** Images loaded so far (the first one is the boot image). */
  readonly images: LoadedImage[] = [];

  private current: Hart | undefined;
  /** The cycle the running hart was told to stop at. */
  private currentLimit = 0;
  /** pickHart(): the cycle of the earliest awake hart other than the one picked. */
  private othersEarliest = Infinity;
  /** A device woke a sleeping hart during the current slice (see run()). */
  private wokeDuringSlice = false;
  private eventTime = 0;
  /** The slice a debugger stop cut short (see StopReason 'debug'), resumed by the next run(). */
  private cutSlice: { hart: Hart; limit: number; others: number } | undefined;
  private stopReason: StopReason | undefined;
  private htif: Htif | undefined;
  private bootRomWritten = false;
  private readonly host: MachineHost;

  constructor(options: MachineOptions, host: MachineHost) {
    const nHarts = checkHartCount(options.harts ?? 1);
    this.host = host;
    this.timing = options.timing ?? rocketProfile();
    this.quantum = checkQuantum(options.quantum ?? 10);
    const ramSize = checkRamSize(options.memBytes ?? RVN_BOARD.ram.defaultSize);
    this.bus = new Bus({ ramBase: RVN_BOARD.ram.base, ramSize });

    const devices = options.devices ?? RVN_BOARD.devices;
    this.board = options.net !== undefined ? [...devices, virtioNetEntry(options.net)] : devices;
    checkBoard(this.board);
    this.devices = this.createDevices(nHarts, options.uintc ?? 'rocket');
    this.board.forEach((entry, i) => this.bus.attach(entry.base, this.devices[i]));
    const clint = this.board.find((e) => e.kind === 'clint');
    if (clint !== undefined) this.msipWindow = { base: clint.base + ClintReg.msip, end: clint.base + ClintReg.mtimecmp };

    this.dtb = buildBoardFdt({
      harts: nHarts, isa: ISA_STRING, ramBase: RVN_BOARD.ram.base, ramSize,
      timebaseHz: this.timing.timebaseHz, devices: this.board, bootargs: options.bootargs,
    });
    this.dtbAddr = dtbAddress(RVN_BOARD.ram.base, ramSize, this.dtb.length);
    this.bus.writeBytes(this.dtbAddr, this.dtb);

    const timer = this.role('timer');
    const uintc = this.role('user-interrupts');
    for (let id = 0; id < nHarts; id++) {
      const hart: Hart = new Hart({
        hartId: id,
        bus: this.bus,
        timing: createTimingModel(this.timing, { walkPtes: (va, f, out) => hart.walkPtes(va, f, out) }, id),
        readTime: timer !== undefined ? () => timer.mtimeAt(hart.cycle) : undefined,
        uintc,
        uretLegalOnlyInU: options.uintc === 'qemu',
        fast: options.fast ?? true,
      });
      hart.reset(RVN_BOARD.bootRom.base);
      this.harts.push(hart);
    }
  }

  /** Creates the board's devices: the interrupt controller first, since the others raise its inputs. */
  private createDevices(harts: number, uintcMode: UintcMode): MmioDevice[] {
    let controller: IrqSink | undefined;
    const ctx: DeviceContext = {
      harts, clock: this, events: this.events, hartIrq: this, dma: this.bus, timing: this.timing, uintcMode,
      irq: { setIrq: (source, level) => controller?.setIrq(source, level) },
      console: (bytes) => this.host.console(bytes),
      powerOff: (e) => this.powerOff(e),
      latchUsip: (h) => this.onHart(h, (hart) => hart.setSoftwareIrq(0, true)),
    };
    const devices: MmioDevice[] = new Array(this.board.length);
    const order = this.board.map((_, i) => i).sort((a, b) => rank(this.board[a]) - rank(this.board[b]));
    for (const i of order) {
      const entry = this.board[i];
      const device = entry.create(ctx, entry);
      if (device.size !== entry.size) {
        throw new RvnError(`board: ${entry.kind} has a ${device.size}-byte window, its entry says ${entry.size}`);
      }
      if (entry.role === 'interrupt-controller') controller = device as DeviceRoles['interrupt-controller'];
      devices[i] = device;
    }
    return devices;
  }

  /** The device playing `role`, if the board has one. */
  role<R extends keyof DeviceRoles>(role: R): DeviceRoles[R] | undefined {
    const i = this.board.findIndex((e) => e.role === role);
    return i >= 0 ? (this.devices[i] as DeviceRoles[R]) : undefined;
  }

  /** The cycle of the hart now running, or of the event being delivered. */
  get now(): number {
    return this.current !== undefined ? this.current.cycle : this.eventTime;
  }

  /**
   * Loads an image: an ELF where it is linked, anything else as raw bytes at `rawAddr` (default:
   * the start of RAM). The first image loaded is the boot image: the boot ROM jumps to its entry.
   */
  load(bytes: Uint8Array, name: string, rawAddr: number = RVN_BOARD.ram.base): LoadedImage {
    const image = loadImage(this.bus, bytes, name, rawAddr);
    this.images.push(image);
    if (!this.bootRomWritten) {
      this.bus.addRom(RVN_BOARD.bootRom.base, buildBootRom(image.entry, this.dtbAddr));
      this.bootRomWritten = true;
    }
    if (image.tohost !== undefined && this.htif === undefined) this.attachHtif(image.tohost, image.fromhost ?? image.tohost + 64);
    return image;
  }

  private attachHtif(tohost: number, fromhost: number): void {
    const bus = this.bus;
    const htif = new Htif({
      memory: {
        readBytes: (addr, dst) => bus.isRam(addr, dst.length) && (dst.set(bus.readBytes(addr, dst.length)), true),
        writeBytes: (addr, src) => bus.isRam(addr, src.length) && (bus.writeBytes(addr, src), true),
      },
      tohost,
      fromhost,
      onExit: (code) => this.stop({ kind: 'exit', code, source: 'htif' }),
      onConsole: (bytes) => this.host.console(bytes),
    });
    this.htif = htif;
    const word = new Int32Array(2);
    bus.watchRam(tohost, () => {
      bus.load(tohost, 8, word);
      if (word[0] !== 0 || word[1] !== 0) htif.handleToHost(word[0], word[1]);
    });
  }

  // --- HartIrqLines: devices drive the harts' interrupt inputs -------------------------------

  setHartIrq(hartId: number, bit: number, level: boolean): void {
    this.onHart(hartId, (hart) => hart.setHartIrq(bit, level));
  }

  /** Changes a hart's interrupt inputs; a hart woken from WFI resumes at the time of the wake-up. */
  private onHart(hartId: number, change: (hart: Hart) => void): void {
    const hart = this.harts[hartId];
    if (hart === undefined) return;
    const wasSleeping = hart.sleeping;
    change(hart);
    if (wasSleeping && !hart.sleeping) {
      if (hart.cycle < this.now) hart.cycle = this.now;
      this.wokeDuringSlice = true;
    }
  }

  private powerOff(e: PowerOffEvent): void {
    if (e.kind === 'reset') this.stop({ kind: 'reset' });
    else this.stop({ kind: 'exit', code: e.kind === 'pass' ? 0 : e.code, source: 'test-device' });
  }

  /**
   * Bytes from the host's console (stdin, --input) for the board's console device, arriving
   * now: between runs, at the cycle of the hart that has run furthest. Without a console
   * device they are dropped.
   */
  consoleInput(bytes: ArrayLike<number>): void {
    const console = this.role('console');
    if (console === undefined || bytes.length === 0) return;
    if (this.current === undefined) this.eventTime = Math.max(this.eventTime, this.cycles);
    console.receive(bytes);
  }

  /** Ends the run after the current instruction. */
  stop(reason: StopReason): void {
    if (this.stopReason === undefined) this.stopReason = reason;
    for (const h of this.harts) h.requestStop();
  }

  get instret(): number {
    let n = 0;
    for (const h of this.harts) n += h.instret;
    return n;
  }

  get cycles(): number {
    let c = 0;
    for (const h of this.harts) c = Math.max(c, h.cycle);
    return c;
  }

  /** Runs until the guest exits, a limit is reached, or every hart sleeps with nothing to wake it. */
  run(limits: RunLimits = {}): RunResult {
    const maxInsns = limits.maxInsns ?? Infinity;
    const maxCycles = limits.maxCycles ?? Infinity;
    const pauseAt = limits.pauseAtCycle ?? Infinity;
    this.stopReason = undefined;
    while (this.stopReason === undefined) {
      const cut = this.cutSlice;
      this.cutSlice = undefined;
      const hart = cut !== undefined && !cut.hart.sleeping ? cut.hart : this.pickHart();
      if (hart === undefined) {
        if (!this.skipIdleTime(maxCycles)) break;
        continue;
      }
      const resumed = hart === cut?.hart;
      if (hart.cycle >= pauseAt && hart.cycle < maxCycles && !resumed) {
        this.stopReason = { kind: 'paused' };
        break;
      }
      const others = resumed ? cut.others : this.othersEarliest;
      // A hart running with others awake is already held to others + quantum: it is never cut
      // at the pause, which would change the interleaving.
      const limit = resumed ? Math.min(cut.limit, maxCycles)
        : Math.min(others + this.quantum, this.events.nextTime, maxCycles, others === Infinity ? pauseAt : Infinity);
      // (Summing every hart's instret per slice costs more than the slice with many harts.)
      const budget = maxInsns === Infinity ? Infinity : maxInsns - this.instret;
      if (budget <= 0) {
        this.stopReason = { kind: 'limit', which: 'instructions' };
        break;
      }
      if (hart.cycle >= maxCycles) {
        this.stopReason = { kind: 'limit', which: 'cycles' };
        break;
      }
      this.current = hart;
      this.currentLimit = Math.max(limit, hart.cycle + 1);
      hart.run(this.currentLimit, budget);
      this.current = undefined;
      if (hart.fatal !== undefined) this.stop({ kind: 'halt', message: hart.fatal, hartId: hart.hartId, trap: hart.fatalTrap });
      if (hart.debugHalt) {
        hart.debugHalt = false;
        this.stop({ kind: 'debug', hartId: hart.hartId });
        if (hart.cycle < this.currentLimit) {
          // The rest of this slice (and what follows it) runs when the debugger resumes.
          this.cutSlice = { hart, limit: this.currentLimit, others };
          break;
        }
      }
      // Every awake hart is at or past min(this hart, the others) unless this one went to
      // sleep or woke another: only then, or when an event is due by then, look at them all.
      if (hart.sleeping || this.wokeDuringSlice || this.events.nextTime <= Math.min(hart.cycle, others)) this.fireDueEvents();
      this.wokeDuringSlice = false;
    }
    return { reason: this.stopReason!, cycles: this.cycles, instret: this.instret };
  }

  /** A device scheduled an event before the running hart's limit: stop it there. */
  private eventScheduled(time: number): void {
    if (this.current !== undefined && time < this.currentLimit) this.current.requestStop();
  }

  /**
   * The awake hart furthest behind (lowest id on ties), or undefined when all sleep; leaves the
   * cycle of the earliest other awake hart in othersEarliest (Infinity when it is alone).
   */
  private pickHart(): Hart | undefined {
    let best: Hart | undefined;
    let second = Infinity;
    for (const h of this.harts) {
      if (h.sleeping) continue;
      if (best === undefined || h.cycle < best.cycle) {
        if (best !== undefined) second = best.cycle;
        best = h;
      } else if (h.cycle < second) {
        second = h.cycle;
      }
    }
    this.othersEarliest = second;
    return best;
  }

  /** Fires the events that every awake hart has reached. */
  private fireDueEvents(): void {
    let horizon = Infinity;
    for (const h of this.harts) if (!h.sleeping && h.cycle < horizon) horizon = h.cycle;
    if (horizon === Infinity) return;
    while (this.events.nextTime <= horizon && this.stopReason === undefined) {
      this.eventTime = this.events.nextTime;
      this.events.runUntil(this.eventTime);
    }
  }

  /** Every hart sleeps: jump to the next event. False when nothing will ever wake them. */
  private skipIdleTime(maxCycles: number): boolean {
    const t = this.events.nextTime;
    if (t === Infinity) {
      const pcs = this.harts.map((h) => `hart ${h.id} pc=0x${h.pcHex()}`).join(', ');
      this.stopReason = { kind: 'idle', message: `every hart is waiting for an interrupt and none can arrive (${pcs})` };
      return false;
    }
    if (t > maxCycles) {
      for (const h of this.harts) if (h.cycle < maxCycles) h.cycle = maxCycles;
      this.stopReason = { kind: 'limit', which: 'cycles' };
      return false;
    }
    this.eventTime = t;
    for (const h of this.harts) if (h.cycle < t) h.cycle = t;
    this.events.runUntil(t);
    return true;
  }
}

/** Creation order: the interrupt controller before the devices that raise its inputs. */
function rank(entry: BoardEntry): number {
  return entry.role === 'interrupt-controller' ? 0 : 1;
}
