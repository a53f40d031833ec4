/**
 * CLINT (core-local interruptor), QEMU virt / SiFive layout:
 *
 *   +0x0000 + 4·h   msip[h]      bit 0 drives MSIP (mip bit 3) of hart h
 *   +0x4000 + 8·h   mtimecmp[h]  MTIP (mip bit 7) of hart h = mtime >= mtimecmp[h]
 *   +0xBFF8         mtime        emulated wall clock, timebase ticks
 *
 * mtime is never ticked: it is derived from the machine clock when read,
 * mtime = floor(now / cyclesPerTick) + offset, and a write to mtime only changes the offset.
 * MTIP rises through an EventQueue event scheduled at the exact cycle where mtime reaches
 * mtimecmp, so a machine whose harts all sit in WFI can jump straight to it.
 *
 * 64-bit registers accept aligned 8-byte accesses and aligned 4-byte accesses to either half
 * (OpenSBI's mtimer driver uses both on RV64). msip is a 32-bit register.
 *
 * Values inside the CLINT are JS numbers, exact below 2^53 ticks (28 years at 10 MHz); a
 * mtimecmp at or above 2^53 (the reset value is all ones) simply never fires. The registers
 * themselves keep their exact 64-bit contents as two 32-bit halves for readback.
 */
import type { HartIrqLines, MachineClock, MmioDevice } from '../hw/device';
import type { EventQueue, TimedHandler } from '../hw/events';
import { RvnError } from '../errors';
import { Pow2 } from '../cpu/int64';

/**
 * Register offsets of the CLINT window (also used by docs and the device tree). This file's
 * numbers are const enums: the bundle has them written in on the timer and IPI paths (a
 * module's top-level const is bundled as a `var`, an object's field needs a map check).
 */
export const enum ClintReg {
  msip = 0x0000,
  mtimecmp = 0x4000,
  mtime = 0xbff8,
  size = 0x10000,
}

/** The mip bits the CLINT drives. */
const enum Mip { MSIP = 3, MTIP = 7 }

/** Above this (2^53), a double no longer holds every integer: treat the compare as "never". */
const enum Exact { LIMIT = 9007199254740992 }

// Event tags: tag = hart·4 + kind. Timer events are cancelled and rescheduled by tag; IPI
// events carry the written msip value in the tag so that a 1-then-0 pulse is delivered as such.
const enum Tag {
  TIMER = 0,
  IPI = 2, // + value (0 or 1)
}

export interface ClintOptions {
  harts: number;
  clock: MachineClock;
  irq: HartIrqLines;
  events: EventQueue;
  /** Core cycles per mtime tick (coreHz / timebaseHz); default 10. May be fractional. */
  cyclesPerTick?: number;
  /** Cycles from a msip write to the MSIP level change at the target; 0 = immediate. */
  ipiLatency?: number;
}

export class Clint implements MmioDevice, TimedHandler {
  readonly name = 'clint';
  readonly size = ClintReg.size;

  readonly harts: number;
  readonly cyclesPerTick: number;
  readonly ipiLatency: number;

  /** msip register contents (bit 0), per hart. */
  readonly msip: Uint8Array;
  /** mtimecmp per hart as [lo, hi] pairs of unsigned 32-bit halves. */
  readonly mtimecmp: Uint32Array;
  /** Cycle at which each hart's pending timer event fires, or Infinity when none. */
  readonly timerEventAt: Float64Array;
  /** mtime = floor(now / cyclesPerTick) + mtimeOffset. */
  mtimeOffset = 0;

  private readonly clock: MachineClock;
  private readonly irq: HartIrqLines;
  private readonly events: EventQueue;
  private readonly handlerId: number;

  constructor(opts: ClintOptions) {
    const cpt = opts.cyclesPerTick ?? 10;
    const latency = opts.ipiLatency ?? 0;
    if (!Number.isInteger(opts.harts) || opts.harts < 1 || opts.harts > 4095) {
      throw new RvnError(`clint: invalid hart count ${opts.harts}`);
    }
    if (!(cpt > 0) || !Number.isFinite(cpt)) throw new RvnError(`clint: invalid cyclesPerTick ${cpt}`);
    if (!(latency >= 0) || !Number.isFinite(latency)) {
      throw new RvnError(`clint: invalid ipiLatency ${latency}`);
    }
    this.harts = opts.harts;
    this.cyclesPerTick = cpt;
    this.ipiLatency = latency;
    this.clock = opts.clock;
    this.irq = opts.irq;
    this.events = opts.events;
    this.msip = new Uint8Array(opts.harts);
    this.mtimecmp = new Uint32Array(2 * opts.harts).fill(0xffff_ffff);
    this.timerEventAt = new Float64Array(opts.harts).fill(Infinity);
    this.handlerId = opts.events.register(this);
  }

  /** mtime at cycle `cycle` (a timebase tick count). */
  mtimeAt(cycle: number): number {
    return Math.floor(cycle / this.cyclesPerTick) + this.mtimeOffset;
  }

  /** mtime now. */
  get mtime(): number {
    return this.mtimeAt(this.clock.now);
  }

  /** Sets mtime as of now (host use, e.g. snapshot restore); re-evaluates every timer. */
  setMtime(value: number): void {
    this.mtimeOffset = value - Math.floor(this.clock.now / this.cyclesPerTick);
    for (let h = 0; h < this.harts; h++) this.updateTimer(h, this.clock.now);
  }

  /** mtimecmp of hart h as a number (>= 2^53 means "never" in practice). */
  compareOf(hart: number): number {
    return this.mtimecmp[2 * hart + 1] * Pow2.TWO32 + this.mtimecmp[2 * hart];
  }

  /** The cycle at which hart h's MTIP will rise, or Infinity (also when it is already high). */
  nextTimerEvent(hart: number): number {
    return this.timerEventAt[hart];
  }

  read(offset: number, size: number, out: Int32Array): boolean {
    const reg = this.decode(offset, size);
    if (reg < 0) return false;
    let lo: number;
    let hi: number;
    if (reg === Reg.MSIP) {
      lo = this.msip[(offset - ClintReg.msip) >> 2];
      hi = 0;
    } else if (reg === Reg.MTIMECMP) {
      const i = ((offset - ClintReg.mtimecmp) >> 3) * 2;
      lo = this.mtimecmp[i];
      hi = this.mtimecmp[i + 1];
    } else {
      const t = this.mtime;
      lo = t % Pow2.TWO32;
      hi = Math.floor(t / Pow2.TWO32);
    }
    // A 4-byte access to the upper half of a 64-bit register returns that half.
    if (size === 4 && (offset & 4) !== 0 && reg !== Reg.MSIP) lo = hi;
    out[0] = lo | 0;
    out[1] = size === 8 ? hi | 0 : 0;
    return true;
  }

  write(offset: number, size: number, lo: number, hi: number): boolean {
    const reg = this.decode(offset, size);
    if (reg < 0) return false;
    if (reg === Reg.MSIP) {
      this.writeMsip((offset - ClintReg.msip) >> 2, lo & 1);
      return true;
    }
    // Merge a 4-byte write into the 64-bit register it belongs to.
    const h = (offset - ClintReg.mtimecmp) >> 3;
    const t = reg === Reg.MTIME ? this.mtime : 0;
    let curLo = reg === Reg.MTIMECMP ? this.mtimecmp[2 * h] : t % Pow2.TWO32;
    let curHi = reg === Reg.MTIMECMP ? this.mtimecmp[2 * h + 1] : Math.floor(t / Pow2.TWO32);
    if (size === 8) {
      curLo = lo >>> 0;
      curHi = hi >>> 0;
    } else if ((offset & 4) === 0) {
      curLo = lo >>> 0;
    } else {
      curHi = lo >>> 0;
    }
    if (reg === Reg.MTIMECMP) {
      this.mtimecmp[2 * h] = curLo;
      this.mtimecmp[2 * h + 1] = curHi;
      this.updateTimer(h, this.clock.now);
    } else {
      this.setMtime(curHi * Pow2.TWO32 + curLo);
    }
    return true;
  }

  onEvent(tag: number, time: number): void {
    const hart = tag >> 2;
    const kind = tag & 3;
    if (kind === Tag.TIMER) {
      this.timerEventAt[hart] = Infinity;
      this.updateTimer(hart, time);
    } else {
      this.irq.setHartIrq(hart, Mip.MSIP, (kind & 1) === 1);
    }
  }

  private writeMsip(hart: number, value: number): void {
    this.msip[hart] = value;
    if (this.ipiLatency === 0) {
      this.irq.setHartIrq(hart, Mip.MSIP, value === 1);
    } else {
      this.events.schedule(this.clock.now + this.ipiLatency, this.handlerId, hart * 4 + Tag.IPI + value);
    }
  }

  /**
   * Drives MTIP of hart h from the comparison at cycle `now` and (re)schedules the event at
   * the first cycle where mtime >= mtimecmp, when that lies in the future.
   */
  private updateTimer(h: number, now: number): void {
    const cmp = this.compareOf(h);
    const fired = this.mtimeAt(now) >= cmp;
    this.irq.setHartIrq(h, Mip.MTIP, fired);
    const tag = h * 4 + Tag.TIMER;
    if (this.timerEventAt[h] !== Infinity) {
      this.events.cancel(this.handlerId, tag);
      this.timerEventAt[h] = Infinity;
    }
    if (fired || cmp >= Exact.LIMIT) return;
    // mtime >= cmp  <=>  floor(t / cpt) >= cmp - offset  <=>  t >= (cmp - offset)·cpt.
    // If rounding of a fractional cpt lands one cycle early, the event re-arms itself.
    const at = Math.max(Math.ceil((cmp - this.mtimeOffset) * this.cyclesPerTick), now + 1);
    this.timerEventAt[h] = at;
    this.events.schedule(at, this.handlerId, tag);
  }

  /** Which register an access hits, or -1 when it is not a supported access. */
  private decode(offset: number, size: number): number {
    if (offset >= ClintReg.msip && offset < ClintReg.msip + 4 * this.harts) {
      return size === 4 && (offset & 3) === 0 ? Reg.MSIP : -1;
    }
    if (size !== 4 && size !== 8) return -1;
    if ((offset & (size - 1)) !== 0) return -1;
    if (offset >= ClintReg.mtimecmp && offset < ClintReg.mtimecmp + 8 * this.harts) return Reg.MTIMECMP;
    if (offset >= ClintReg.mtime && offset < ClintReg.mtime + 8) return Reg.MTIME;
    return -1;
  }
}

/** The register an access hits (regOf()). */
const enum Reg { MSIP = 0, MTIMECMP = 1, MTIME = 2 }
