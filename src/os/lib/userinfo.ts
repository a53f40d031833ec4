/**
 * The boot-info page the kernel fills at boot and maps read-only at the base of every address
 * space's window; every thread starts with its address in a1.
 */
import { Arr, u64, u8 } from '../../gtsc/guest';

export const USER_INFO_MAGIC = 0x4f464e4955; // "UINFO"

export interface UserBootInfo {
  magic: u64;
  /** Harts the kernel runs on. */
  harts: u64;
  /** 1 when user interrupts work; otherwise uintrStatus says why (1: no UINTC, 2: USIP not delegated). */
  uintr: u64;
  uintrStatus: u64;
  /** mtime ticks per second (the device tree's timebase-frequency). */
  timebaseHz: u64;
  /** The device tree's /chosen/bootargs, NUL-terminated. */
  bootargsLength: u64;
  bootargs: Arr<u8, 1024>;
}
