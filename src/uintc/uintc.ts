/**
 * UINTC, the user interrupt controller of the UINTR extension (uintr.md §2, docs/uintr.md).
 *
 * 512 receivers × 32 bytes; receiver i occupies offsets 0x20·i .. 0x20·i + 0x1f:
 *
 *   +0x00 SEND  write: pending |= 1 << (data & 63)                      read: 0
 *   +0x08 LOW   [0] active, [1] mode (1 = 64-bit), [31:16] hartid        read/write
 *   +0x10 HIGH  read: pending, and clears it                             write: pending |= data
 *   +0x18 ACT   write: active ← data[0]                                  read: active
 *
 * 8-byte accesses must be 8-aligned; 4-byte accesses hit one half of a register (see
 * UINTC_HALF_ACCESS below). Anything else (1/2-byte, misaligned) is refused (access fault).
 *
 * Two behaviours (the `mode` option):
 *  - 'rocket' (default, the spec): one level-sensitive line per hart, line(h) = OR over
 *    receivers of (pending ≠ 0 && active && hartid == h), driven through HartIrqLines bit 0.
 *    A rise reaches the hart `deliveryLatency` cycles later (an EventQueue event); a fall is
 *    immediate (a READ that empties the pending bits must not leave a stale interrupt).
 *  - 'qemu' (the reference QEMU fork): after every write to SEND/LOW/HIGH/ACT of a receiver
 *    whose LOW[1:0] = 0b11 (active and 64-bit) and whose pending bits are non-zero, the hart's
 *    software USIP bit is SET (UsipLatch), `deliveryLatency` cycles later. The device never
 *    lowers it: reads, deactivation and moving the receiver leave USIP alone.
 *
 * State is plain typed arrays so that a machine can be snapshotted.
 */
import type { HartIrqLines, MachineClock, MmioDevice } from '../hw/device';
import type { EventQueue, TimedHandler } from '../hw/events';
import { RvnError } from '../errors';
import type { UintcPort } from '../hw/uintc-port';

/**
 * Register map of one receiver, and the window (docs and the device tree read this). Const
 * enums here and below: the bundle then has their numbers written in on the MMIO path, where
 * an object's field is a load and a map check at each use.
 */
export const enum UintcReg {
  base = 0x02f1_0000,
  size = 0x4000,
  receivers = 512,
  stride = 0x20,
  send = 0x00,
  low = 0x08,
  high = 0x10,
  act = 0x18,
}

/** LOW register fields. */
export const enum UintcLow {
  active = 1 << 0,
  mode64 = 1 << 1,
  hartidShift = 16,
  /** Bits that exist: [0], [1], [31:16]. Other bits read 0. */
  mask = 0xffff_0003,
}

/**
 * What a 4-byte access does to each half of a receiver (offset & 0x1f → behaviour), as data
 * for docs/uintr.md. The rules keep two 4-byte accesses (low half, then high half) equivalent
 * to one 8-byte access.
 */
export const UINTC_HALF_ACCESS: readonly { offset: number; read: string; write: string }[] = [
  { offset: 0x00, read: '0', write: 'pending |= 1 << (data & 63)' },
  { offset: 0x04, read: '0', write: 'ignored' },
  { offset: 0x08, read: 'LOW', write: 'LOW ← data' },
  { offset: 0x0c, read: '0', write: 'ignored' },
  { offset: 0x10, read: 'pending[31:0], clears pending[31:0] (qemu: does not clear)', write: 'pending[31:0] |= data' },
  { offset: 0x14, read: 'pending[63:32], clears pending[63:32] (qemu: clears all 64 bits)', write: 'pending[63:32] |= data' },
  { offset: 0x18, read: 'active', write: 'active ← data[0]' },
  { offset: 0x1c, read: '0', write: 'ignored' },
];

export type UintcMode = 'rocket' | 'qemu';

/** How the 'qemu' mode sets a hart's software-writable USIP bit (mip bit 0). */
export interface UsipLatch {
  /** Sets hart `hartId`'s software USIP bit, as `csrs mip, 1` would. Never clears it. */
  latchUsip(hartId: number): void;
}

export interface UintcOptions {
  /** Number of harts; receivers naming a hartid ≥ harts drive nothing. */
  harts: number;
  clock: MachineClock;
  events: EventQueue;
  /** Rocket mode: the per-hart lines (bit 0). */
  irq: HartIrqLines;
  /** 'rocket' (default) or 'qemu'. */
  mode?: UintcMode;
  /** Qemu mode: where USIP is latched. Required when mode is 'qemu'. */
  latch?: UsipLatch;
  /** Cycles from the state change (send, write, activate) to the interrupt at the hart. */
  deliveryLatency?: number;
}

const MIP_USIP = 0;
const N = UintcReg.receivers;

export class Uintc implements MmioDevice, UintcPort, TimedHandler {
  readonly name = 'uintc';
  readonly size = UintcReg.size;

  readonly harts: number;
  readonly mode: UintcMode;
  readonly deliveryLatency: number;

  /** Pending bits per receiver, unsigned 32-bit halves. */
  readonly pendingLo = new Uint32Array(N);
  readonly pendingHi = new Uint32Array(N);
  /** LOW register per receiver (active, mode, hartid; UintcLow.mask bits only). */
  readonly low = new Uint32Array(N);
  /** Rocket mode: number of asserting receivers per hart (line(h) = count[h] > 0). */
  readonly assertCount: Int32Array;
  /** Level last reported to the hart (rocket) — 1 or 0. */
  readonly reported: Uint8Array;
  /** Cycle of the scheduled rise (rocket) or latch (qemu) per hart, Infinity when none. */
  readonly riseAt: Float64Array;

  private readonly clock: MachineClock;
  private readonly events: EventQueue;
  private readonly irq: HartIrqLines;
  private readonly latch: UsipLatch | undefined;
  private readonly handlerId: number;

  constructor(opts: UintcOptions) {
    const latency = opts.deliveryLatency ?? 0;
    if (!Number.isInteger(opts.harts) || opts.harts < 1 || opts.harts > 0x10000) {
      throw new RvnError(`uintc: invalid hart count ${opts.harts}`);
    }
    if (!Number.isInteger(latency) || latency < 0) {
      throw new RvnError(`uintc: invalid delivery latency ${latency}`);
    }
    const mode = opts.mode ?? 'rocket';
    if (mode !== 'rocket' && mode !== 'qemu') throw new RvnError(`uintc: unknown mode '${String(mode)}'`);
    if (mode === 'qemu' && opts.latch === undefined) {
      throw new RvnError('uintc: qemu mode needs a USIP latch (UintcOptions.latch: sets the software USIP bit of a hart)');
    }
    this.harts = opts.harts;
    this.mode = mode;
    this.deliveryLatency = latency;
    this.clock = opts.clock;
    this.events = opts.events;
    this.irq = opts.irq;
    this.latch = opts.latch;
    this.assertCount = new Int32Array(opts.harts);
    this.reported = new Uint8Array(opts.harts);
    this.riseAt = new Float64Array(opts.harts).fill(Infinity);
    this.handlerId = opts.events.register(this);
  }

  // ---- queries (tests, tracing, docs) ----

  /** line(h) as the spec defines it now (rocket), regardless of the delivery latency. */
  lineWanted(hart: number): boolean {
    return this.assertCount[hart] > 0;
  }

  /** Whether receiver i currently asserts its hart's line (pending ≠ 0 && active). */
  asserts(i: number): boolean {
    return (this.low[i] & UintcLow.active) !== 0 && (this.pendingLo[i] | this.pendingHi[i]) !== 0;
  }

  hartOf(i: number): number {
    return this.low[i] >>> UintcLow.hartidShift;
  }

  // ---- UintcPort (the uipi instruction) ----

  send(index: number, vector: number): void {
    if (!validIndex(index)) return;
    const before = this.asserts(index);
    this.orBit(index, vector & 63);
    this.changed(index, before, this.hartOf(index));
  }

  readAndClear(index: number, out: Int32Array): void {
    if (!validIndex(index)) {
      out[0] = 0;
      out[1] = 0;
      return;
    }
    const before = this.asserts(index);
    out[0] = this.pendingLo[index] | 0;
    out[1] = this.pendingHi[index] | 0;
    this.pendingLo[index] = 0;
    this.pendingHi[index] = 0;
    this.settle(index, before, this.hartOf(index));
  }

  orPending(index: number, lo: number, hi: number): void {
    if (!validIndex(index)) return;
    const before = this.asserts(index);
    this.pendingLo[index] |= lo;
    this.pendingHi[index] |= hi;
    this.changed(index, before, this.hartOf(index));
  }

  setActive(index: number, active: boolean): void {
    if (!validIndex(index)) return;
    const before = this.asserts(index);
    this.low[index] = active ? this.low[index] | UintcLow.active : this.low[index] & ~UintcLow.active;
    this.changed(index, before, this.hartOf(index));
  }

  // ---- MmioDevice ----

  read(offset: number, size: number, out: Int32Array): boolean {
    if (!accessOk(offset, size, this.size)) return false;
    const i = offset >>> 5;
    const reg = offset & 0x18;
    const upper = size === 4 && (offset & 4) !== 0;
    let lo = 0;
    if (reg === UintcReg.low) {
      lo = upper ? 0 : this.low[i];
    } else if (reg === UintcReg.act) {
      lo = upper ? 0 : this.low[i] & UintcLow.active;
    } else if (reg === UintcReg.high) {
      if (size === 8) {
        this.readAndClear(i, out);
        return true;
      }
      lo = this.readHalf(i, upper);
    }
    out[0] = lo | 0;
    out[1] = 0;
    return true;
  }

  write(offset: number, size: number, lo: number, hi: number): boolean {
    if (!accessOk(offset, size, this.size)) return false;
    const i = offset >>> 5;
    const reg = offset & 0x18;
    const upper = size === 4 && (offset & 4) !== 0;
    if (upper && reg !== UintcReg.high) return true; // upper halves of SEND/LOW/ACT: ignored
    const before = this.asserts(i);
    const hartBefore = this.hartOf(i);
    if (reg === UintcReg.send) {
      this.orBit(i, lo & 63);
    } else if (reg === UintcReg.low) {
      this.low[i] = lo & UintcLow.mask;
    } else if (reg === UintcReg.high) {
      if (size === 8) {
        this.pendingLo[i] |= lo;
        this.pendingHi[i] |= hi;
      } else if (upper) {
        this.pendingHi[i] |= lo;
      } else {
        this.pendingLo[i] |= lo;
      }
    } else {
      this.low[i] = (lo & 1) !== 0 ? this.low[i] | UintcLow.active : this.low[i] & ~UintcLow.active;
    }
    this.changed(i, before, hartBefore);
    return true;
  }

  // ---- TimedHandler: a delayed rise (rocket) or latch (qemu) of hart `tag` ----

  onEvent(tag: number): void {
    const h = tag;
    this.riseAt[h] = Infinity;
    if (this.mode === 'qemu') {
      this.latch?.latchUsip(h);
    } else if (this.assertCount[h] > 0 && this.reported[h] === 0) {
      this.report(h, true);
    }
  }

  // ---- internals ----

  private orBit(i: number, bit: number): void {
    if (bit < 32) this.pendingLo[i] |= 1 << bit;
    else this.pendingHi[i] |= 1 << (bit - 32);
  }

  /** A 4-byte read of HIGH (rocket: reads and clears that half; qemu: see UINTC_HALF_ACCESS). */
  private readHalf(i: number, upper: boolean): number {
    const before = this.asserts(i);
    let v: number;
    if (!upper) {
      v = this.pendingLo[i];
      if (this.mode === 'rocket') this.pendingLo[i] = 0;
    } else {
      v = this.pendingHi[i];
      this.pendingHi[i] = 0;
      if (this.mode === 'qemu') this.pendingLo[i] = 0;
    }
    this.settle(i, before, this.hartOf(i));
    return v;
  }

  /**
   * After a write-like change of receiver i (which asserted `before`, on hart `hartBefore`):
   * rocket — update the line counts; qemu — latch USIP if the fork's condition holds.
   */
  private changed(i: number, before: boolean, hartBefore: number): void {
    if (this.mode === 'rocket') {
      this.settle(i, before, hartBefore);
      return;
    }
    const low = this.low[i];
    const bothModeBits = UintcLow.active | UintcLow.mode64;
    if ((low & bothModeBits) === bothModeBits && (this.pendingLo[i] | this.pendingHi[i]) !== 0) {
      const h = low >>> UintcLow.hartidShift;
      if (h < this.harts) this.scheduleRise(h);
    }
  }

  /** Rocket: moves receiver i's contribution from (before, hartBefore) to its current state. */
  private settle(i: number, before: boolean, hartBefore: number): void {
    if (this.mode !== 'rocket') return;
    const after = this.asserts(i);
    const hartAfter = this.hartOf(i);
    if (before === after && hartBefore === hartAfter) return;
    if (before && hartBefore < this.harts) this.adjust(hartBefore, -1);
    if (after && hartAfter < this.harts) this.adjust(hartAfter, +1);
  }

  private adjust(h: number, delta: number): void {
    const count = (this.assertCount[h] += delta);
    if (delta > 0 && count === 1) {
      this.scheduleRise(h);
    } else if (count === 0) {
      if (this.riseAt[h] !== Infinity) {
        this.events.cancel(this.handlerId, h);
        this.riseAt[h] = Infinity;
      }
      if (this.reported[h] !== 0) this.report(h, false);
    }
  }

  private scheduleRise(h: number): void {
    if (this.deliveryLatency === 0) {
      this.onEvent(h);
      return;
    }
    if (this.riseAt[h] !== Infinity) return; // an earlier rise is already on its way
    const at = this.clock.now + this.deliveryLatency;
    this.riseAt[h] = at;
    this.events.schedule(at, this.handlerId, h);
  }

  private report(h: number, level: boolean): void {
    this.reported[h] = level ? 1 : 0;
    this.irq.setHartIrq(h, MIP_USIP, level);
  }
}

function validIndex(index: number): boolean {
  return index >= 0 && index < N && Number.isInteger(index);
}

function accessOk(offset: number, size: number, windowSize: number): boolean {
  if (size !== 4 && size !== 8) return false;
  if ((offset & (size - 1)) !== 0) return false;
  return offset >= 0 && offset + size <= windowSize;
}
