/**
 * The rvn board: harts, RAM, boot ROM, device tree and devices wired as platform.md says, and
 * the scheduler that interleaves the harts deterministically on one event queue.
 *
 * This is a library object: it reads no file, clock or process. The host hands it image bytes
 * and receives console output and the end of the run through callbacks and return values.
 *
 * Scheduling (scheduler.ts, docs/cpu.md "Several harts"): every hart has its own cycle clock;
 * the operations by which harts and devices can see each other happen in cycle order, whatever
 * order the harts are run in. A device sees `clock.now` = the cycle of the hart accessing it (or
 * the event's time). When every hart sleeps in WFI, time jumps to the next event.
 */
import { RvnError } from '../errors';
import { buildBootRom, dtbAddress } from '../bootrom/bootrom';
import { ClintReg } from '../clint/clint';
import { Hart } from '../cpu/hart';
import type { FatalTrap } from '../cpu/hart';
import { buildBoardFdt } from '../fdt/board';
import { Htif } from '../htif/htif';
import type { PowerOffEvent } from '../testdev/sifive-test';
import { FunctionCache, createTimingModel } from '../timing/index';
import type { TimingProfile } from '../timing/profile';
import { rocketProfile } from '../timing/profiles/index';
import type { UintcMode } from '../uintc/uintc';
import { Bus } from '../memory/bus';
import type { HartIrqLines, IrqSink, MachineClock, MmioDevice } from '../hw/device';
import { EventQueue } from '../hw/events';
import { checkHartCount, checkQuantum, checkRamSize } from '../hw/limits';
import { RVN_BOARD, checkBoard, emptyVirtioSlots } from './board';
import type { BoardEntry, DeviceContext, DeviceRoles } from './board';
import { virtioNetEntry } from './net-entry';
import type { NetworkOptions } from './net-entry';
import { loadImage } from './loader';
import type { LoadedImage } from './loader';
import { HartScheduler } from './scheduler';

/**
 * Several harts with a quantum shorter than this many cycles run in reference mode, whatever
 * MachineOptions.fast says. Each slice is then shorter than about two quanta (it runs up to the
 * other harts' cycle + the quantum) and retires fewer instructions than that (an instruction
 * takes at least a cycle): every block entered there would run its checked variant for a few
 * instructions to the cycle limit, too few to repay the entry (the block's registers loaded and
 * written back) and the compilations. The case: the experiments' quantum of 10 cycles and the
 * kipc2 bench row, where blocks retired 1.5 instructions per entry and made fast mode 3x slower
 * than reference mode (docs/performance-log.md, "wt/kpol"). With the default quantum only some
 * slices are short (an interruptible hart runs within the cross-hart latency of the others);
 * there blocks still pay (interpreting the short slices alone cost kcall2 rocket 12.6 % more
 * host instructions, uintr rocket twice as many).
 */
export const MIN_FAST_QUANTUM = 64;

/** The default scheduling quantum (cycles). */
export const DEFAULT_QUANTUM = 10_000;

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
   * Scheduling only: most cycles a hart runs beyond the hart furthest behind before another
   * one gets its turn (default DEFAULT_QUANTUM). Results, cycles and traces do not depend on it
   * (scheduler.ts); smaller values only switch harts more often.
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
  /**
   * Fast mode: translate code after control reached it this many times (default: the timing
   * model's choice, TimingCode.translateAfter; tests lower it to exercise translation).
   */
  translateAfter?: number;
  /**
   * Generated code (interpreter, blocks, timing functions) shared with other machines, e.g. the
   * runs of a benchmark or of a sweep over the same program: their functions then share V8's
   * optimised code instead of compiling it again (default: a cache of this machine's own).
   */
  codeCache?: FunctionCache;
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
   * A debugger's hook (Hart.debug: breakpoint, watchpoint, step) stopped hart `hartId`; like
   * a pause, run() again continues as if there had been no stop.
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

  private readonly scheduler: HartScheduler;
  /**
   * L: the smallest latency of an interrupt one hart causes another (an IPI, a UINTC send, or
   * a PLIC or CLINT register write that changes another hart's lines, which onHart defers).
   */
  readonly crossHartLatency: number;
  /** Deferred changes of another hart's interrupt lines (onHart): the event handler id. */
  private readonly lineEvents: number;
  private stopReason: StopReason | undefined;
  private htif: Htif | undefined;
  private bootRomWritten = false;
  private readonly host: MachineHost;

  constructor(options: MachineOptions, host: MachineHost) {
    const nHarts = checkHartCount(options.harts ?? 1);
    this.host = host;
    this.timing = options.timing ?? rocketProfile();
    this.quantum = checkQuantum(options.quantum ?? DEFAULT_QUANTUM);
    this.crossHartLatency = Math.max(1, Math.min(this.timing.clintIpiLatency, this.timing.uintcSendToInterruptCycles));
    this.lineEvents = this.events.register({ onEvent: (tag) => this.deliverLine(tag) });
    const ramSize = checkRamSize(options.memBytes ?? RVN_BOARD.ram.defaultSize);
    this.bus = new Bus({ ramBase: RVN_BOARD.ram.base, ramSize });

    const devices = options.devices ?? RVN_BOARD.devices;
    const withNet = options.net !== undefined ? [...devices, virtioNetEntry(options.net)] : devices;
    this.board = [...withNet, ...emptyVirtioSlots(withNet)];
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

    const codeCache = options.codeCache ?? new FunctionCache();
    const timer = this.role('timer');
    const uintc = this.role('user-interrupts');
    for (let id = 0; id < nHarts; id++) {
      const hart: Hart = new Hart({
        hartId: id,
        bus: this.bus,
        timing: createTimingModel(this.timing, id, codeCache),
        readTime: timer !== undefined ? () => timer.mtimeAt(hart.cycle) : undefined,
        uintc,
        uretLegalOnlyInU: options.uintc === 'qemu',
        // Harts taking turns every few cycles: reference mode (MIN_FAST_QUANTUM).
        fast: (options.fast ?? true) && (nHarts === 1 || this.quantum >= MIN_FAST_QUANTUM),
        translateAfter: options.translateAfter,
        shared: nHarts > 1,
        codeCache,
      });
      hart.reset(RVN_BOARD.bootRom.base);
      this.harts.push(hart);
    }
    this.scheduler = new HartScheduler(this.harts, this.events, this.quantum, this.crossHartLatency,
      this.harts[0].timing.code.maxInsnCycles, (hart) => this.stop({ kind: 'halt', message: hart.fatal ?? '', hartId: hart.hartId, trap: hart.fatalTrap }),
      (hartId, granule) => this.bus.setSpinGranule(hartId, granule));
    this.bus.onSpinStore = (hartId) => this.scheduler.spinStored(hartId);
  }

  /** Creates the board's devices: the interrupt controller first, since the others raise its inputs. */
  private createDevices(harts: number, uintcMode: UintcMode): MmioDevice[] {
    let controller: IrqSink | undefined;
    const ctx: DeviceContext = {
      harts, clock: this, events: this.events, hartIrq: this, dma: this.bus, timing: this.timing, uintcMode,
      irq: { setIrq: (source, level) => controller?.setIrq(source, level) },
      console: (bytes) => this.host.console(bytes),
      powerOff: (e) => this.powerOff(e),
      latchUsip: (h) => this.onHart(h, 0, true, true),
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
    return this.scheduler.now;
  }

  /** How many slices the scheduler has run (hart switches; profiling and tests). */
  get schedulerSlices(): number {
    return this.scheduler.slices;
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
    this.onHart(hartId, bit, level, false);
  }

  /**
   * Changes a hart's interrupt input (a hardware line, or `software`: a software-writable
   * pending bit the UINTC's QEMU mode sets). A change another hart causes (a device register
   * write by the running hart) reaches its target crossHartLatency cycles later, as an event:
   * that keeps every cross-hart effect at least that far in the future (scheduler.ts). A hart
   * woken from WFI resumes at the time of the wake-up.
   */
  private onHart(hartId: number, bit: number, level: boolean, software: boolean): void {
    const hart = this.harts[hartId];
    if (hart === undefined) return;
    const current = this.scheduler.current;
    if (current !== undefined && current !== hart) {
      const tag = ((hartId * 16 + bit) * 2 + (level ? 1 : 0)) * 2 + (software ? 1 : 0);
      this.events.schedule(this.now + this.crossHartLatency, this.lineEvents, tag);
      return;
    }
    const wasSleeping = hart.sleeping;
    if (software) hart.setSoftwareIrq(bit, level);
    else hart.setHartIrq(bit, level);
    if (wasSleeping && !hart.sleeping && hart.cycle < this.now) hart.cycle = this.now;
  }

  /** A deferred line change (onHart) falls due. */
  private deliverLine(tag: number): void {
    const software = (tag & 1) === 1;
    const level = (tag & 2) !== 0;
    const bit = (tag >>> 2) & 15;
    this.onHart(tag >>> 6, bit, level, software);
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
    if (this.scheduler.current === undefined) this.scheduler.eventTime = Math.max(this.scheduler.eventTime, this.cycles);
    console.receive(bytes);
  }

  /**
   * Ends the run: the hart that ended it stops after its instruction, the others at the end of
   * the scheduler's stop window (the same point whatever the scheduling: scheduler.ts).
   */
  stop(reason: StopReason): void {
    if (this.stopReason === undefined) this.stopReason = reason;
    this.scheduler.endRun(reason.kind === 'halt' ? this.harts.find((h) => h.fatal !== undefined) : undefined);
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
    this.stopReason = undefined;
    const end = this.scheduler.run({
      maxInsns: limits.maxInsns ?? Infinity, maxCycles: limits.maxCycles ?? Infinity, pauseAt: limits.pauseAtCycle ?? Infinity,
    });
    if (this.stopReason === undefined) {
      if (end.kind === 'limit') this.stopReason = { kind: 'limit', which: end.which };
      else if (end.kind === 'paused') this.stopReason = { kind: 'paused' };
      else if (end.kind === 'debug') this.stopReason = end;
      else {
        const pcs = this.harts.map((h) => `hart ${h.id} pc=0x${h.pcHex()}`).join(', ');
        this.stopReason = { kind: 'idle', message: `every hart is waiting for an interrupt and none can arrive (${pcs})` };
      }
    }
    return { reason: this.stopReason, cycles: this.cycles, instret: this.instret };
  }

  /** A device scheduled an event before the running hart's limit: stop it there. */
  private eventScheduled(time: number): void {
    this.scheduler.eventScheduled(time);
  }
}

/** Creation order: the interrupt controller before the devices that raise its inputs. */
function rank(entry: BoardEntry): number {
  return entry.role === 'interrupt-controller' ? 0 : 1;
}
