/**
 * The virtio-mmio transport, version 2 (virtio 1.2 §4.2), kept apart from the devices behind
 * it as TinyEMU's virtio.c is: registers, feature negotiation, device status and reset, the
 * split virtqueues, notifications in both directions and the interrupt line. A device (e.g.
 * virtio-net) implements VirtioDevice and sees the transport through VirtioTransport.
 *
 * Driver errors never throw: a bad queue sets DEVICE_NEEDS_RESET (and, after DRIVER_OK, a
 * configuration-change interrupt, §2.1.2); accesses the spec forbids (a width other than 32
 * bits to a control register, writes to read-only registers, queue registers changed while the
 * queue is ready) are ignored, as QEMU does, and counted.
 */
import type { IrqSink, MmioDevice } from '../hw/device';
import type { DmaPort } from '../hw/dma';
import { SplitQueue } from './queue';
import type { QueueError } from './queue';
import {
  Interrupt, MmioReg, Status, TransportFeature, VIRTIO_MMIO_MAGIC, VIRTIO_MMIO_SIZE, VIRTIO_MMIO_VERSION, VIRTIO_VENDOR_QEMU, hasFeature,
} from './regs';
import type { Features } from './regs';

/** What a device behind the transport provides. */
export interface VirtioDevice {
  /** Virtio device id (§5: 1 = network). */
  readonly deviceId: number;
  /** Features offered, device-specific and transport bits (VERSION_1 is added by the transport). */
  readonly features: Readonly<Features>;
  /** QueueSizeMax of each of the device's virtqueues. */
  readonly queueSizes: readonly number[];
  /** Bytes of device configuration space. */
  readonly configSize: number;
  /** Called once when the transport is built. */
  attach(transport: VirtioTransport): void;
  /** Reads `size` bytes of configuration space at `offset` (little-endian value). */
  readConfig(offset: number, size: number): number;
  /** The driver set DRIVER_OK: the device may now use its queues. */
  start(): void;
  /** An available-buffer notification for queue `q`. */
  notify(q: number): void;
  /** Device reset: drop all state that depends on the driver (pending events, buffers). */
  reset(): void;
}

/** What the transport offers to its device. */
export interface VirtioTransport {
  readonly queues: readonly SplitQueue[];
  /** Features the driver accepted (valid once FEATURES_OK is set). */
  readonly negotiated: Readonly<Features>;
  /** DRIVER_OK is set and DEVICE_NEEDS_RESET is not: the device may use its queues. */
  readonly operational: boolean;
  /** Sends a used-buffer notification for queue `q` unless the driver suppressed it. */
  usedBuffers(q: number): void;
  /** The device hit a driver error it cannot recover from: DEVICE_NEEDS_RESET. */
  fail(error: QueueError): void;
  /** The configuration space changed: new generation, configuration-change interrupt. */
  configChanged(): void;
}

export interface VirtioMmioConfig {
  name: string;
  dma: DmaPort;
  irq: IrqSink;
  irqSource: number;
  device: VirtioDevice;
}

/** Counters shown by --stats. */
export interface VirtioMmioCounters {
  /** Accesses the spec forbids (ignored). */
  badAccesses: number;
  /** Times the device entered DEVICE_NEEDS_RESET. */
  needsReset: number;
  /** Driver-initiated resets. */
  resets: number;
  /** Used-buffer notifications sent and suppressed by the driver. */
  notifications: number;
  suppressed: number;
}

export class VirtioMmio implements MmioDevice, VirtioTransport {
  readonly name: string;
  readonly size = VIRTIO_MMIO_SIZE;
  readonly queues: SplitQueue[];
  readonly negotiated: Features = [0, 0];
  readonly offered: Features;
  readonly counters: VirtioMmioCounters = { badAccesses: 0, needsReset: 0, resets: 0, notifications: 0, suppressed: 0 };
  /** The error that set DEVICE_NEEDS_RESET last (for diagnostics). */
  lastError: QueueError | undefined;

  status = 0;
  interruptStatus = 0;
  configGeneration = 0;
  private deviceFeaturesSel = 0;
  private driverFeaturesSel = 0;
  private queueSel = 0;
  private shmSel = 0;
  private readonly device: VirtioDevice;
  private readonly irq: IrqSink;
  private readonly irqSource: number;
  private lineHigh = false;

  constructor(cfg: VirtioMmioConfig) {
    this.name = cfg.name;
    this.device = cfg.device;
    this.irq = cfg.irq;
    this.irqSource = cfg.irqSource;
    const f = cfg.device.features;
    this.offered = [f[0] >>> 0, (f[1] | (1 << (TransportFeature.version1 - 32))) >>> 0];
    this.queues = cfg.device.queueSizes.map((n) => new SplitQueue(n, cfg.dma));
    cfg.device.attach(this);
  }

  get operational(): boolean {
    return (this.status & (Status.driverOk | Status.deviceNeedsReset)) === Status.driverOk;
  }

  // --- MmioDevice ---------------------------------------------------------------------------

  read(offset: number, size: number, out: Int32Array): boolean {
    if (offset >= MmioReg.config) {
      const cfgOff = offset - MmioReg.config;
      let lo = 0;
      let hi = 0;
      if (size === 8) {
        lo = this.configRead(cfgOff, 4);
        hi = this.configRead(cfgOff + 4, 4);
      } else lo = this.configRead(cfgOff, size);
      out[0] = lo;
      out[1] = hi;
      return true;
    }
    if (size === 8 && offset % 8 === 0) {
      // A 64-bit access is two 32-bit ones, as the bus of QEMU's virt board splits it.
      out[0] = this.readReg(offset);
      out[1] = this.readReg(offset + 4);
      return true;
    }
    out[1] = 0;
    if (size !== 4 || offset % 4 !== 0) {
      this.counters.badAccesses++;
      out[0] = 0;
      return true;
    }
    out[0] = this.readReg(offset);
    return true;
  }

  write(offset: number, size: number, lo: number, hi: number): boolean {
    if (offset >= MmioReg.config) {
      // The network device's configuration is read-only for a VERSION_1 driver (§5.1.4).
      this.counters.badAccesses++;
      return true;
    }
    if (size === 8 && offset % 8 === 0) {
      this.writeReg(offset, lo >>> 0);
      this.writeReg(offset + 4, hi >>> 0);
      return true;
    }
    if (size !== 4 || offset % 4 !== 0) {
      this.counters.badAccesses++;
      return true;
    }
    this.writeReg(offset, lo >>> 0);
    return true;
  }

  private configRead(off: number, size: number): number {
    if (off < 0 || off + size > this.device.configSize) return 0;
    return this.device.readConfig(off, size) | 0;
  }

  private get selected(): SplitQueue | undefined {
    return this.queues[this.queueSel];
  }

  private readReg(offset: number): number {
    const q = this.selected;
    switch (offset) {
      case MmioReg.magicValue: return VIRTIO_MMIO_MAGIC | 0;
      case MmioReg.version: return VIRTIO_MMIO_VERSION;
      case MmioReg.deviceId: return this.device.deviceId;
      case MmioReg.vendorId: return VIRTIO_VENDOR_QEMU;
      case MmioReg.deviceFeatures: return this.deviceFeaturesSel < 2 ? this.offered[this.deviceFeaturesSel] | 0 : 0;
      case MmioReg.queueSizeMax: return q?.maxSize ?? 0;
      case MmioReg.queueReady: return q?.ready ? 1 : 0;
      case MmioReg.interruptStatus: return this.interruptStatus;
      case MmioReg.status: return this.status;
      case MmioReg.shmLenLow: case MmioReg.shmLenHigh: case MmioReg.shmBaseLow: case MmioReg.shmBaseHigh:
        return -1; // no shared memory regions: length and base read as all ones
      case MmioReg.queueReset: return 0;
      case MmioReg.configGeneration: return this.configGeneration;
      default:
        this.counters.badAccesses++; // a write-only or undefined register
        return 0;
    }
  }

  private writeReg(offset: number, v: number): void {
    switch (offset) {
      case MmioReg.deviceFeaturesSel: this.deviceFeaturesSel = v; return;
      case MmioReg.driverFeatures: this.setDriverFeatures(v); return;
      case MmioReg.driverFeaturesSel: this.driverFeaturesSel = v; return;
      case MmioReg.queueSel: this.queueSel = v; return;
      case MmioReg.queueNotify: this.notified(v & 0xffff); return;
      case MmioReg.interruptAck:
        this.interruptStatus &= ~v;
        this.updateLine();
        return;
      case MmioReg.status: this.setStatus(v & 0xff); return;
      case MmioReg.shmSel: this.shmSel = v; return;
      case MmioReg.queueSize: case MmioReg.queueReady:
      case MmioReg.queueDescLow: case MmioReg.queueDescHigh:
      case MmioReg.queueDriverLow: case MmioReg.queueDriverHigh:
      case MmioReg.queueDeviceLow: case MmioReg.queueDeviceHigh:
        this.writeQueueReg(offset, v);
        return;
      default:
        this.counters.badAccesses++;
    }
  }

  private setDriverFeatures(v: number): void {
    // Features may change only before FEATURES_OK (§3.1.1).
    if ((this.status & Status.featuresOk) !== 0 || this.driverFeaturesSel > 1) {
      this.counters.badAccesses++;
      return;
    }
    this.negotiated[this.driverFeaturesSel] = v >>> 0;
  }

  private writeQueueReg(offset: number, v: number): void {
    const q = this.selected;
    if (q === undefined) {
      this.counters.badAccesses++;
      return;
    }
    if (offset === MmioReg.queueReady) {
      this.setQueueReady(q, v === 1);
      return;
    }
    // The driver must not change a ready queue's registers (§4.2.2.2): ignored.
    if (q.ready) {
      this.counters.badAccesses++;
      return;
    }
    switch (offset) {
      case MmioReg.queueSize: q.size = v; break;
      case MmioReg.queueDescLow: q.descAddr = withLow(q.descAddr, v); break;
      case MmioReg.queueDescHigh: q.descAddr = withHigh(q.descAddr, v); break;
      case MmioReg.queueDriverLow: q.availAddr = withLow(q.availAddr, v); break;
      case MmioReg.queueDriverHigh: q.availAddr = withHigh(q.availAddr, v); break;
      case MmioReg.queueDeviceLow: q.usedAddr = withLow(q.usedAddr, v); break;
      case MmioReg.queueDeviceHigh: q.usedAddr = withHigh(q.usedAddr, v); break;
    }
  }

  private setQueueReady(q: SplitQueue, ready: boolean): void {
    if (!ready) {
      q.ready = false;
      return;
    }
    if (q.ready) return;
    q.eventIdx = hasFeature(this.negotiated, TransportFeature.eventIdx);
    q.indirect = hasFeature(this.negotiated, TransportFeature.indirectDesc);
    q.lastAvail = 0;
    q.usedIdx = 0;
    const err = q.validate();
    if (err !== undefined) {
      this.fail(err);
      return;
    }
    q.ready = true;
  }

  private setStatus(v: number): void {
    if (v === 0) {
      this.reset();
      return;
    }
    const added = v & ~this.status;
    let next = (this.status | v) & ~Status.deviceNeedsReset;
    next |= this.status & Status.deviceNeedsReset; // only a reset clears it
    if ((added & Status.featuresOk) !== 0 && !this.featuresAcceptable()) next &= ~Status.featuresOk;
    // DRIVER_OK without FEATURES_OK is a driver error: the device does not start.
    if ((added & Status.driverOk) !== 0 && (next & Status.featuresOk) === 0) next &= ~Status.driverOk;
    this.status = next;
    if ((added & Status.driverOk) !== 0 && (next & Status.driverOk) !== 0 && this.operational) this.device.start();
  }

  /** FEATURES_OK is accepted for a subset of what was offered that includes VERSION_1. */
  private featuresAcceptable(): boolean {
    const n = this.negotiated;
    const subset = (n[0] & ~this.offered[0]) === 0 && (n[1] & ~this.offered[1]) === 0;
    return subset && hasFeature(n, TransportFeature.version1);
  }

  private notified(q: number): void {
    const queue = this.queues[q];
    if (queue === undefined || !queue.ready || !this.operational) return;
    this.device.notify(q);
  }

  private reset(): void {
    this.device.reset();
    this.status = 0;
    this.interruptStatus = 0;
    this.negotiated[0] = this.negotiated[1] = 0;
    this.deviceFeaturesSel = this.driverFeaturesSel = this.queueSel = this.shmSel = 0;
    for (const q of this.queues) q.reset();
    this.counters.resets++;
    this.updateLine();
  }

  private updateLine(): void {
    const high = this.interruptStatus !== 0;
    if (high !== this.lineHigh) {
      this.lineHigh = high;
      this.irq.setIrq(this.irqSource, high);
    }
  }

  // --- VirtioTransport ------------------------------------------------------------------------

  usedBuffers(q: number): void {
    const queue = this.queues[q];
    if (!this.operational || queue === undefined) return;
    if (!queue.needsNotification()) {
      this.counters.suppressed++;
      return;
    }
    this.counters.notifications++;
    this.interruptStatus |= Interrupt.usedBuffer;
    this.updateLine();
  }

  fail(error: QueueError): void {
    if ((this.status & Status.deviceNeedsReset) !== 0) return;
    this.lastError = error;
    this.counters.needsReset++;
    this.status |= Status.deviceNeedsReset;
    if ((this.status & Status.driverOk) !== 0) {
      this.configGeneration = (this.configGeneration + 1) >>> 0;
      this.interruptStatus |= Interrupt.configChange;
      this.updateLine();
    }
  }

  configChanged(): void {
    this.configGeneration = (this.configGeneration + 1) >>> 0;
    if ((this.status & Status.driverOk) === 0) return;
    this.interruptStatus |= Interrupt.configChange;
    this.updateLine();
  }
}

const TWO32 = 2 ** 32;
/** A 64-bit address (as a JS number) with its low or high 32-bit half replaced. */
const withLow = (addr: number, v: number): number => Math.floor(addr / TWO32) * TWO32 + v;
const withHigh = (addr: number, v: number): number => (addr % TWO32) + v * TWO32;
