/**
 * An empty virtio-mmio slot, as QEMU's virt board leaves its unused ones: the magic value, the
 * version and the vendor ID read as for a device, DeviceID reads 0 (virtio 1.2 §4.2.2: a
 * driver ignores a device with DeviceID 0), every other register reads 0 and writes are
 * ignored. Guests written for QEMU probe all eight slots the device tree lists (Linux, U-Boot,
 * xv6's fixed 0x1000_1000): here they find "no device" instead of an access fault.
 */
import type { MmioDevice } from '../hw/device';
import { MmioReg, VIRTIO_MMIO_MAGIC, VIRTIO_MMIO_SIZE, VIRTIO_MMIO_VERSION, VIRTIO_VENDOR_QEMU } from './regs';

const IDENTITY: ReadonlyMap<number, number> = new Map([
  [MmioReg.magicValue, VIRTIO_MMIO_MAGIC],
  [MmioReg.version, VIRTIO_MMIO_VERSION],
  [MmioReg.vendorId, VIRTIO_VENDOR_QEMU],
]);

export class EmptyVirtioSlot implements MmioDevice {
  readonly name = 'virtio-mmio (empty)';
  readonly size = VIRTIO_MMIO_SIZE;

  read(offset: number, size: number, out: Int32Array): boolean {
    out[0] = size === 4 || size === 8 ? (IDENTITY.get(offset) ?? 0) : 0;
    out[1] = size === 8 ? (IDENTITY.get(offset + 4) ?? 0) : 0;
    return true;
  }

  write(): boolean {
    return true;
  }
}
