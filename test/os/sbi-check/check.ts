// An S-mode payload that calls each SBI function rvn-fw offers and prints what it got back,
// one line per call ("name: error value"), for test/os/firmware.test.ts to compare with the
// SBI specification v1.0 (and, in the external test, with OpenSBI's answers).
import { Arr, Ptr, csr_clear, csr_read, fence, fnaddr, load64, rdtime, store64, u64, zeroed } from '../../../src/gtsc/guest';
import { fdtCount } from '../../../src/os/lib/fdt';
import { putHex, putSigned, putStr } from '../../../src/os/lib/fmt';
import {
  SBI_EXT_BASE, SBI_EXT_HSM, SBI_EXT_IPI, SBI_EXT_RFENCE, SBI_EXT_SRST, SBI_EXT_TIME, SbiRet, sbi_call, sbiPutchar, sbiShutdown,
} from '../../../src/os/lib/sbi';
import { cstr } from '../../../src/gtsc/guest';

declare function secondary_entry(): void;

const SIP_SSIP = 2;
const SIP_STIP = 32;
/** Written by a started hart: its a0 and a1, then a sequence number. */
const mailbox = zeroed<Arr<u64, 3>>();

function out(c: u64): void {
  sbiPutchar(c);
}

function report(name: u64, r: Ptr<SbiRet>): void {
  putStr(out, name);
  putStr(out, cstr(': '));
  putSigned(out, r.error);
  out(32);
  putHex(out, r.value);
  out(10);
}

function call(name: u64, ext: u64, fid: u64, a0: u64, a1: u64, a2: u64): void {
  const r = zeroed<SbiRet>();
  sbi_call(ext, fid, a0, a1, a2, r);
  report(name, r);
}

/**
 * How long a wait for another hart or an interrupt may take, in timebase ticks: 5 s at QEMU's and
 * rvn's 10 MHz. Bounded by time, not by iterations: on QEMU a hart that wakes for the first time
 * translates its code first, which a fixed iteration count did not always cover.
 */
const WAIT_TICKS = 50000000;

/** Waits (bounded) until sip has one of the bits; prints whether it came and clears it. */
function expectPending(name: u64, bit: u64): void {
  let seen = 0;
  const until = rdtime() + WAIT_TICKS;
  while (seen === 0 && rdtime() < until) if ((csr_read('sip') & bit) !== 0) seen = 1;
  csr_clear('sip', bit);
  putStr(out, name);
  putStr(out, seen !== 0 ? cstr(': pending\n') : cstr(': not pending\n'));
}

function hartStatus(hart: u64): u64 {
  const r = zeroed<SbiRet>();
  sbi_call(SBI_EXT_HSM, 2, hart, 0, 0, r);
  return r.value;
}

export function secondary_main(hart: u64, opaque: u64): void {
  store64(mailbox, hart);
  store64(mailbox + 8, opaque);
  fence();
  store64(mailbox + 16, load64(mailbox + 16) + 1);
  const r = zeroed<SbiRet>();
  sbi_call(SBI_EXT_IPI, 0, 1, 0, 0, r); // hart 0
  sbi_call(SBI_EXT_HSM, 1, 0, 0, 0, r); // hart_stop: does not return
}

function startSecondary(round: u64): void {
  call(cstr('hsm.hart_start(1)'), SBI_EXT_HSM, 0, 1, fnaddr(secondary_entry), 0x5eed);
  const until = rdtime() + WAIT_TICKS;
  while (load64(mailbox + 16) !== round && rdtime() < until) {}
  putStr(out, cstr('hart 1 started with a0 a1: '));
  putHex(out, load64(mailbox));
  out(32);
  putHex(out, load64(mailbox + 8));
  out(10);
  expectPending(cstr('ipi from hart 1'), SIP_SSIP);
  let status = 0;
  const stopBy = rdtime() + WAIT_TICKS;
  while (rdtime() < stopBy) {
    status = hartStatus(1);
    if (status === 1) break;
  }
  putStr(out, cstr('hart 1 status after hart_stop: '));
  putHex(out, status);
  out(10);
}

export function check_main(hart: u64, dtb: u64): void {
  const harts = fdtCount(dtb, cstr('/cpus/cpu'));
  putStr(out, cstr('sbi-check on hart '));
  putHex(out, hart);
  out(10);
  call(cstr('base.get_spec_version'), SBI_EXT_BASE, 0, 0, 0, 0);
  call(cstr('base.get_impl_id'), SBI_EXT_BASE, 1, 0, 0, 0);
  call(cstr('base.probe(TIME)'), SBI_EXT_BASE, 3, SBI_EXT_TIME, 0, 0);
  call(cstr('base.probe(IPI)'), SBI_EXT_BASE, 3, SBI_EXT_IPI, 0, 0);
  call(cstr('base.probe(RFENCE)'), SBI_EXT_BASE, 3, SBI_EXT_RFENCE, 0, 0);
  call(cstr('base.probe(HSM)'), SBI_EXT_BASE, 3, SBI_EXT_HSM, 0, 0);
  call(cstr('base.probe(SRST)'), SBI_EXT_BASE, 3, SBI_EXT_SRST, 0, 0);
  call(cstr('base.probe(legacy putchar)'), SBI_EXT_BASE, 3, 0x01, 0, 0);
  call(cstr('base.probe(0x12345678)'), SBI_EXT_BASE, 3, 0x12345678, 0, 0);
  call(cstr('base.get_mvendorid'), SBI_EXT_BASE, 4, 0, 0, 0);
  call(cstr('base.function 99'), SBI_EXT_BASE, 99, 0, 0, 0);
  call(cstr('extension 0x12345678'), 0x12345678, 0, 0, 0, 0);
  call(cstr('hsm.hart_get_status(0)'), SBI_EXT_HSM, 2, 0, 0, 0);
  call(cstr('hsm.hart_get_status(harts)'), SBI_EXT_HSM, 2, harts, 0, 0);
  call(cstr('hsm.hart_start(0)'), SBI_EXT_HSM, 0, 0, fnaddr(secondary_entry), 0);
  call(cstr('hsm.hart_start(harts)'), SBI_EXT_HSM, 0, harts, fnaddr(secondary_entry), 0);
  if (harts >= 2) {
    call(cstr('hsm.hart_get_status(1)'), SBI_EXT_HSM, 2, 1, 0, 0);
    startSecondary(1);
    startSecondary(2); // a stopped hart starts again
  }
  call(cstr('ipi.send_ipi(self)'), SBI_EXT_IPI, 0, 1 << hart, 0, 0);
  expectPending(cstr('ipi to self'), SIP_SSIP);
  call(cstr('ipi.send_ipi(hart harts)'), SBI_EXT_IPI, 0, 1, harts, 0);
  const deadline = rdtime() + 200;
  call(cstr('time.set_timer(now+200)'), SBI_EXT_TIME, 0, deadline, 0, 0);
  let fired = 0;
  const giveUp = rdtime() + WAIT_TICKS;
  while (fired === 0 && rdtime() < giveUp) if ((csr_read('sip') & SIP_STIP) !== 0) fired = 1;
  const at = rdtime();
  putStr(out, fired !== 0 && at >= deadline ? cstr('timer: fired after the deadline\n') : cstr('timer: did not fire in time\n'));
  call(cstr('time.set_timer(-1)'), SBI_EXT_TIME, 0, -1, 0, 0);
  putStr(out, (csr_read('sip') & SIP_STIP) === 0 ? cstr('timer: stip cleared\n') : cstr('timer: stip still set\n'));
  call(cstr('rfence.remote_fence_i(all)'), SBI_EXT_RFENCE, 0, 0, -1, 0);
  call(cstr('rfence.remote_sfence_vma(all)'), SBI_EXT_RFENCE, 1, 0, -1, 0);
  call(cstr('srst.system_reset(type 7)'), SBI_EXT_SRST, 0, 7, 0, 0);
  putStr(out, cstr('sbi-check done\n'));
  sbiShutdown(0);
}
