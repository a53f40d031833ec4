/**
 * The virtio-mmio register map (virtio 1.2 §4.2.2, version 2 "modern" only) and the
 * transport-level constants: device status bits (§2.1), interrupt status bits, reserved
 * feature bits (§6), descriptor and ring flags (§2.7).
 */

/** Control registers: byte offsets in the device's window. */
export const MmioReg = {
  magicValue: 0x000,
  version: 0x004,
  deviceId: 0x008,
  vendorId: 0x00c,
  deviceFeatures: 0x010,
  deviceFeaturesSel: 0x014,
  driverFeatures: 0x020,
  driverFeaturesSel: 0x024,
  queueSel: 0x030,
  queueSizeMax: 0x034,
  queueSize: 0x038,
  queueReady: 0x044,
  queueNotify: 0x050,
  interruptStatus: 0x060,
  interruptAck: 0x064,
  status: 0x070,
  queueDescLow: 0x080,
  queueDescHigh: 0x084,
  queueDriverLow: 0x090,
  queueDriverHigh: 0x094,
  queueDeviceLow: 0x0a0,
  queueDeviceHigh: 0x0a4,
  shmSel: 0x0ac,
  shmLenLow: 0x0b0,
  shmLenHigh: 0x0b4,
  shmBaseLow: 0x0b8,
  shmBaseHigh: 0x0bc,
  queueReset: 0x0c0,
  configGeneration: 0x0fc,
  /** Device-specific configuration space starts here. */
  config: 0x100,
} as const;

/** "virt", little-endian. */
export const VIRTIO_MMIO_MAGIC = 0x74726976;
export const VIRTIO_MMIO_VERSION = 2;
/** QEMU's vendor id ("QEMU"), which drivers print and otherwise ignore. */
export const VIRTIO_VENDOR_QEMU = 0x554d4551;
/** The register window of one virtio-mmio device (one slot of the board). */
export const VIRTIO_MMIO_SIZE = 0x1000;

/** Device status bits (§2.1). */
export const Status = {
  acknowledge: 1,
  driver: 2,
  driverOk: 4,
  featuresOk: 8,
  deviceNeedsReset: 64,
  failed: 128,
} as const;

/** InterruptStatus / InterruptACK bits (§4.2.2). */
export const Interrupt = { usedBuffer: 1, configChange: 2 } as const;

/** Transport feature bits this implementation knows (§6). */
export const TransportFeature = {
  indirectDesc: 28,
  eventIdx: 29,
  version1: 32,
} as const;

/** Descriptor flags (§2.7.5). */
export const DescFlag = { next: 1, write: 2, indirect: 4 } as const;
/** virtq_avail.flags: the driver does not want used-buffer notifications. */
export const AVAIL_F_NO_INTERRUPT = 1;
/** virtq_used.flags: the device does not want available-buffer notifications. */
export const USED_F_NO_NOTIFY = 1;

/** Largest queue size of a split virtqueue (§2.7). */
export const MAX_QUEUE_SIZE = 32768;
export const DESC_SIZE = 16;

/** A 64-bit feature set as two 32-bit words (no BigInt): [bits 0..31, bits 32..63]. */
export type Features = [number, number];

export function hasFeature(f: Readonly<Features>, bit: number): boolean {
  return ((f[bit >> 5] >>> (bit & 31)) & 1) !== 0;
}

/** A feature set from a list of bit numbers. */
export function featureSet(bits: readonly number[]): Features {
  const f: Features = [0, 0];
  for (const b of bits) f[b >> 5] = (f[b >> 5] | (1 << (b & 31))) >>> 0;
  return f;
}
