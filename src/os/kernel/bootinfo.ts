/**
 * The boot information the image builder (src/os/system/bootinfo.ts) places after the kernel:
 * the system description, resolved to physical addresses. Every field is a u64 and the records
 * are arrays; offsets are from the start of the boot information. The host side writes these
 * layouts field by field in the same order (test/os/bootinfo.test.ts compares the two lists).
 */
import { u64 } from '../../gtsc/guest';

export const BOOTINFO_MAGIC = 0x31544f4f424e5652; // "RVNBOOT1"

export interface BootHeader {
  magic: u64;
  spaces: u64;
  threads: u64;
  endpoints: u64;
  notifications: u64;
  replies: u64;
  irqs: u64;
  caps: u64;
  maps: u64;
  spacesOff: u64;
  threadsOff: u64;
  capsOff: u64;
  mapsOff: u64;
  irqsOff: u64;
  /** Physical: the frames to zero at boot, and the first free byte after all static frames. */
  zeroStart: u64;
  zeroEnd: u64;
  freeStart: u64;
  /** Physical page of the boot-info page every space sees at its window base. */
  userInfo: u64;
}

export interface BootSpace {
  name: u64;
  mapsIndex: u64;
  mapsCount: u64;
  window: u64;
}

/** A mapping: user VA, physical address, size (pages), PTE permission bits (R W X). */
export interface BootMap {
  va: u64;
  pa: u64;
  size: u64;
  flags: u64;
}

export interface BootThread {
  name: u64;
  space: u64;
  entry: u64;
  stackTop: u64;
  ipcBufVa: u64;
  ipcBufPa: u64;
  priority: u64;
  hart: u64;
  arg: u64;
  capsIndex: u64;
  capsCount: u64;
  /** Notification index + 1 (0: none). */
  bound: u64;
  faultNtfn: u64;
  faultBadge: u64;
  /** The user VA a returning entry function goes to (__thread_exit), or 0. */
  exitPc: u64;
}

/** kind (CAP_*), rights (RIGHT_*), badge, object index (the IRQ number for CAP_IRQ). */
export interface BootCap {
  kind: u64;
  rights: u64;
  badge: u64;
  object: u64;
}

export interface BootIrq {
  irq: u64;
  ntfn: u64;
  badge: u64;
  hart: u64;
}

