// The virtio-mmio transport, version 2, against virtio 1.2 §4.2 (register layout, device
// initialisation, notifications) and §2.1-§3.1 (status, feature negotiation, reset,
// DEVICE_NEEDS_RESET), with a fake device behind it and a fake RAM.
import { describe, expect, it } from 'vitest';
import { VirtioMmio } from '../../src/virtio/mmio';
import type { VirtioDevice, VirtioTransport } from '../../src/virtio/mmio';
import { featureSet } from '../../src/virtio/regs';
import type { Features } from '../../src/virtio/regs';
import { SinkRecorder, rd } from '../devices/helpers';
import { DriverQueue, FakeRam, RAM_BASE } from './fake';

/** Register offsets written out from the spec's table (§4.2.2), not taken from src/virtio. */
const R = {
  magic: 0x000, version: 0x004, deviceId: 0x008, vendorId: 0x00c, deviceFeatures: 0x010, deviceFeaturesSel: 0x014,
  driverFeatures: 0x020, driverFeaturesSel: 0x024, queueSel: 0x030, queueSizeMax: 0x034, queueSize: 0x038,
  queueReady: 0x044, queueNotify: 0x050, interruptStatus: 0x060, interruptAck: 0x064, status: 0x070,
  queueDescLow: 0x080, queueDescHigh: 0x084, queueDriverLow: 0x090, queueDriverHigh: 0x094,
  queueDeviceLow: 0x0a0, queueDeviceHigh: 0x0a4, shmSel: 0x0ac, shmLenLow: 0x0b0, shmLenHigh: 0x0b4,
  configGeneration: 0x0fc, config: 0x100,
};
const S = { acknowledge: 1, driver: 2, driverOk: 4, featuresOk: 8, needsReset: 64, failed: 128 };
const IRQ = 8;

class FakeDevice implements VirtioDevice {
  readonly deviceId = 42;
  readonly features: Features = featureSet([3, 28, 29]);
  readonly queueSizes = [16, 4];
  readonly configSize = 4;
  transport!: VirtioTransport;
  log: string[] = [];
  attach(t: VirtioTransport): void {
    this.transport = t;
  }
  readConfig(offset: number, size: number): number {
    let v = 0;
    for (let i = size - 1; i >= 0; i--) v = (v << 8) | (0xa0 + offset + i);
    return v;
  }
  start(): void {
    this.log.push('start');
  }
  notify(q: number): void {
    this.log.push(`notify ${q}`);
  }
  reset(): void {
    this.log.push('reset');
  }
}

function setup() {
  const ram = new FakeRam();
  const irq = new SinkRecorder();
  const dev = new FakeDevice();
  const t = new VirtioMmio({ name: 'fake', dma: ram, irq, irqSource: IRQ, device: dev });
  const w = (off: number, v: number) => t.write(off, 4, v, 0);
  const r = (off: number) => rd(t, off, 4)![0];
  return { ram, irq, dev, t, w, r };
}

/** The driver side of §3.1.1 up to FEATURES_OK, accepting `lo`/`hi` feature words. */
function negotiate(w: (o: number, v: number) => void, lo: number, hi: number): void {
  w(R.status, 0);
  w(R.status, S.acknowledge);
  w(R.status, S.acknowledge | S.driver);
  w(R.driverFeaturesSel, 0);
  w(R.driverFeatures, lo);
  w(R.driverFeaturesSel, 1);
  w(R.driverFeatures, hi);
  w(R.status, S.acknowledge | S.driver | S.featuresOk);
}

function setupQueue(w: (o: number, v: number) => void, q: number, d: DriverQueue): void {
  w(R.queueSel, q);
  w(R.queueSize, d.size);
  w(R.queueDescLow, d.desc);
  w(R.queueDescHigh, 0);
  w(R.queueDriverLow, d.avail);
  w(R.queueDriverHigh, 0);
  w(R.queueDeviceLow, d.used);
  w(R.queueDeviceHigh, 0);
  w(R.queueReady, 1);
}

describe('virtio-mmio registers (§4.2.2)', () => {
  it('identifies as a version 2 device: magic "virt", device id, vendor', () => {
    const { r } = setup();
    expect(r(R.magic)).toBe(0x74726976);
    expect(r(R.version)).toBe(2);
    expect(r(R.deviceId)).toBe(42);
    expect(r(R.vendorId)).toBe(0x554d4551);
  });

  it('offers the device features in two 32-bit words, with VIRTIO_F_VERSION_1 (bit 32) added', () => {
    const { r, w } = setup();
    w(R.deviceFeaturesSel, 0);
    expect(r(R.deviceFeatures)).toBe((1 << 3) | (1 << 28) | (1 << 29));
    w(R.deviceFeaturesSel, 1);
    expect(r(R.deviceFeatures)).toBe(1);
    w(R.deviceFeaturesSel, 2);
    expect(r(R.deviceFeatures)).toBe(0);
  });

  it('reports QueueSizeMax per queue and 0 for a queue that does not exist', () => {
    const { r, w } = setup();
    w(R.queueSel, 0);
    expect(r(R.queueSizeMax)).toBe(16);
    w(R.queueSel, 1);
    expect(r(R.queueSizeMax)).toBe(4);
    w(R.queueSel, 2);
    expect(r(R.queueSizeMax)).toBe(0);
  });

  it('reads configuration space at any width from 0x100, zero beyond it', () => {
    const { t } = setup();
    expect(rd(t, R.config + 1, 1)).toEqual([0xa1, 0]);
    expect(rd(t, R.config + 2, 2)).toEqual([0xa3a2, 0]);
    expect(rd(t, R.config, 4)).toEqual([0xa3a2a1a0, 0]);
    expect(rd(t, R.config + 4, 4)).toEqual([0, 0]);
  });

  it('has no shared memory regions: their length reads as -1', () => {
    const { r, w } = setup();
    w(R.shmSel, 0);
    expect([r(R.shmLenLow), r(R.shmLenHigh)]).toEqual([0xffffffff, 0xffffffff]);
  });

  it('ignores (and counts) control-register accesses that are not 32 bits wide; splits 64-bit ones', () => {
    const { t, r } = setup();
    expect(rd(t, R.magic, 2)).toEqual([0, 0]);
    t.write(R.status, 1, 3, 0);
    expect(r(R.status)).toBe(0);
    expect(t.counters.badAccesses).toBe(2);
    expect(rd(t, R.magic, 8)).toEqual([0x74726976, 2]); // MagicValue and Version
  });
});

describe('device status and feature negotiation (§2.1, §3.1.1)', () => {
  it('accepts FEATURES_OK for a subset of the offer that includes VERSION_1', () => {
    const { w, r } = setup();
    negotiate(w, 1 << 28, 1);
    expect(r(R.status)).toBe(S.acknowledge | S.driver | S.featuresOk);
  });

  it('leaves FEATURES_OK clear for features not offered, or without VERSION_1', () => {
    const { w, r } = setup();
    negotiate(w, 1 << 4, 1); // bit 4 was not offered
    expect(r(R.status) & S.featuresOk).toBe(0);
    negotiate(w, 1 << 28, 0); // no VERSION_1
    expect(r(R.status) & S.featuresOk).toBe(0);
  });

  it('starts the device at DRIVER_OK, and only after FEATURES_OK', () => {
    const { w, r, dev } = setup();
    w(R.status, S.acknowledge | S.driver | S.driverOk);
    expect(r(R.status) & S.driverOk).toBe(0);
    expect(dev.log).toEqual([]);
    negotiate(w, 0, 1);
    w(R.status, S.acknowledge | S.driver | S.featuresOk | S.driverOk);
    expect(dev.log).toEqual(['reset', 'start']); // negotiate() begins with a reset
    expect(dev.transport.operational).toBe(true);
  });

  it('resets on a write of 0: status, interrupt status, queues, features (§4.2.2.1)', () => {
    const { w, r, dev, ram, irq, t } = setup();
    negotiate(w, 1 << 29, 1);
    setupQueue(w, 0, DriverQueue.at(ram, RAM_BASE + 0x1000, 16));
    w(R.status, 15);
    dev.transport.usedBuffers(0);
    expect(irq.level(IRQ)).toBe(true);
    w(R.status, 0);
    expect(r(R.status)).toBe(0);
    expect(r(R.interruptStatus)).toBe(0);
    expect(irq.level(IRQ)).toBe(false);
    w(R.queueSel, 0);
    expect(r(R.queueReady)).toBe(0);
    expect(dev.log).toEqual(['reset', 'start', 'reset']);
    expect(dev.transport.negotiated).toEqual([0, 0]);
    expect(t.queues[0].eventIdx).toBe(false);
  });
});

describe('queues, notifications and interrupts (§4.2.3)', () => {
  it('passes QueueNotify to the device only for a ready queue of a running device', () => {
    const { w, dev, ram } = setup();
    negotiate(w, 0, 1);
    w(R.queueNotify, 0);
    expect(dev.log).toEqual(['reset']);
    setupQueue(w, 0, DriverQueue.at(ram, RAM_BASE + 0x1000, 16));
    w(R.status, 15);
    w(R.queueNotify, 0);
    w(R.queueNotify, 1); // queue 1 is not ready
    expect(dev.log).toEqual(['reset', 'start', 'notify 0']);
  });

  it('ignores queue registers while the queue is ready', () => {
    const { w, r, ram, t } = setup();
    negotiate(w, 0, 1);
    const d = DriverQueue.at(ram, RAM_BASE + 0x1000, 16);
    setupQueue(w, 0, d);
    w(R.queueSize, 8);
    w(R.queueDescLow, 0x1234);
    expect([t.queues[0].size, t.queues[0].descAddr]).toEqual([16, d.desc]);
    w(R.queueReady, 0);
    expect(r(R.queueReady)).toBe(0);
    w(R.queueSize, 8);
    expect(t.queues[0].size).toBe(8);
  });

  it('raises the interrupt with a used-buffer notification and lowers it on InterruptACK', () => {
    const { w, r, ram, irq, dev } = setup();
    negotiate(w, 0, 1);
    setupQueue(w, 0, DriverQueue.at(ram, RAM_BASE + 0x1000, 16));
    w(R.status, 15);
    dev.transport.usedBuffers(0);
    expect(r(R.interruptStatus)).toBe(1);
    expect(irq.level(IRQ)).toBe(true);
    w(R.interruptAck, 1);
    expect(r(R.interruptStatus)).toBe(0);
    expect(irq.level(IRQ)).toBe(false);
  });

  it('configuration change: new generation and interrupt bit 1 after DRIVER_OK', () => {
    const { w, r, irq, dev } = setup();
    const g = r(R.configGeneration);
    dev.transport.configChanged();
    expect(r(R.configGeneration)).not.toBe(g);
    expect(irq.level(IRQ)).toBe(false); // not before DRIVER_OK
    negotiate(w, 0, 1);
    w(R.status, 15);
    dev.transport.configChanged();
    expect(r(R.interruptStatus)).toBe(2);
    expect(irq.level(IRQ)).toBe(true);
  });
});

describe('DEVICE_NEEDS_RESET (§2.1.2)', () => {
  it('is set when the driver readies a queue whose size is not a power of two', () => {
    const { w, r, ram, t } = setup();
    negotiate(w, 0, 1);
    setupQueue(w, 0, DriverQueue.at(ram, RAM_BASE + 0x1000, 12));
    expect(r(R.status) & S.needsReset).toBe(S.needsReset);
    expect(r(R.queueReady)).toBe(0);
    expect(t.lastError).toBe('queue size is not a power of two from 1 to the maximum');
    w(R.status, S.acknowledge | S.driver | S.featuresOk | S.driverOk);
    expect(t.operational).toBe(false); // a device that needs a reset does not run
  });

  it('after DRIVER_OK: also a configuration-change interrupt; only a reset clears it', () => {
    const { w, r, irq, dev } = setup();
    negotiate(w, 0, 1);
    w(R.status, 15);
    dev.transport.fail('descriptor loop');
    expect(r(R.status)).toBe(15 | S.needsReset);
    expect(r(R.interruptStatus)).toBe(2);
    expect(irq.level(IRQ)).toBe(true);
    w(R.status, 15); // the driver cannot clear it
    expect(r(R.status) & S.needsReset).toBe(S.needsReset);
    w(R.status, 0);
    expect(r(R.status)).toBe(0);
    expect(irq.level(IRQ)).toBe(false);
  });
});
