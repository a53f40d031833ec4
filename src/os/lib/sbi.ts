/**
 * SBI calls for S-mode guest code (the kernel and the firmware's tests): the extensions and
 * function IDs of the SBI specification v1.0 that rvn-fw and OpenSBI both implement.
 */
import { Ptr, i64, u64, zeroed } from '../../gtsc/guest';

export interface SbiRet {
  error: i64;
  value: u64;
}

/** sbi-call.S: one ecall; stores {error, value} at out and returns the error. */
export declare function sbi_call(ext: u64, fid: u64, a0: u64, a1: u64, a2: u64, out: Ptr<SbiRet>): i64;

export const SBI_EXT_BASE = 0x10;
export const SBI_EXT_TIME = 0x54494d45;
export const SBI_EXT_IPI = 0x735049;
export const SBI_EXT_RFENCE = 0x52464e43;
export const SBI_EXT_HSM = 0x48534d;
export const SBI_EXT_SRST = 0x53525354;
export const SBI_LEGACY_PUTCHAR = 0x01;
export const SBI_LEGACY_GETCHAR = 0x02;

export const SBI_HSM_STARTED = 0;
export const SBI_HSM_STOPPED = 1;
export const SBI_HSM_START_PENDING = 2;

export const SBI_SRST_SHUTDOWN = 0;
export const SBI_SRST_REASON_NONE = 0;
export const SBI_SRST_REASON_FAILURE = 1;

/** SBI call with up to three arguments whose value does not matter. */
export function sbi(ext: u64, fid: u64, a0: u64, a1: u64, a2: u64): i64 {
  const r = zeroed<SbiRet>();
  return sbi_call(ext, fid, a0, a1, a2, r);
}

export function sbiPutchar(c: u64): void {
  sbi(SBI_LEGACY_PUTCHAR, 0, c, 0, 0);
}

export function sbiSetTimer(when: u64): void {
  sbi(SBI_EXT_TIME, 0, when, 0, 0);
}

/** IPI to the harts in mask (hart_mask_base 0). */
export function sbiSendIpi(mask: u64): i64 {
  return sbi(SBI_EXT_IPI, 0, mask, 0, 0);
}

export function sbiHartStart(hart: u64, entry: u64, opaque: u64): i64 {
  return sbi(SBI_EXT_HSM, 0, hart, entry, opaque);
}

export function sbiShutdown(failed: u64): void {
  sbi(SBI_EXT_SRST, 0, SBI_SRST_SHUTDOWN, failed !== 0 ? SBI_SRST_REASON_FAILURE : SBI_SRST_REASON_NONE, 0);
}
