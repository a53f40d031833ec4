import type { HartIrqLines, IrqSink, MachineClock } from '../../src/hw/device';
import { slotWindow } from '../../src/hw/board';
import type { BoardDeviceSpec } from '../../src/hw/board';
import { VIRTIO_MMIO_SLOTS } from '../../src/machine/board';

/** A virtio-mmio transport's board entry in slot i, described as QEMU virt describes one. */
export const virtioSlot = (i: number): BoardDeviceSpec => ({
  kind: 'virtio-mmio', ...slotWindow(VIRTIO_MMIO_SLOTS, i), doc: '', dt: { node: 'virtio_mmio', compatible: ['virtio,mmio'] },
});

/** A clock the test moves by hand. */
export class TestClock implements MachineClock {
  now = 0;
}

/** Records hart interrupt lines: level(h, bit) and a log of every call. */
export class IrqRecorder implements HartIrqLines {
  readonly levels = new Map<string, boolean>();
  readonly log: Array<[number, number, boolean]> = [];
  setHartIrq(hartId: number, bit: number, level: boolean): void {
    this.levels.set(`${hartId}:${bit}`, level);
    this.log.push([hartId, bit, level]);
  }
  level(hart: number, bit: number): boolean {
    return this.levels.get(`${hart}:${bit}`) ?? false;
  }
}

/** Records PLIC-style source lines. */
export class SinkRecorder implements IrqSink {
  readonly levels = new Map<number, boolean>();
  readonly log: Array<[number, boolean]> = [];
  setIrq(source: number, level: boolean): void {
    this.levels.set(source, level);
    this.log.push([source, level]);
  }
  level(source: number): boolean {
    return this.levels.get(source) ?? false;
  }
}

const out = new Int32Array(2);
/** Reads a register and returns [lo, hi] as unsigned numbers, or undefined on a fault. */
export function rd(dev: { read(o: number, s: number, out: Int32Array): boolean }, offset: number, size: number) {
  if (!dev.read(offset, size, out)) return undefined;
  return [out[0] >>> 0, out[1] >>> 0] as const;
}
