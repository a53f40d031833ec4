/**
 * rvn-fw: the M-mode firmware in guest TypeScript (entry.S holds the parts that must be
 * assembly). It prepares every hart for an S-mode kernel and then serves the SBI subset below,
 * following the RISC-V SBI specification v1.0 (calling convention: a7 = extension ID, a6 =
 * function ID, a0..a5 arguments; returns a0 = error, a1 = value), so that a kernel written for
 * it runs unchanged on OpenSBI:
 *
 *   Base 0x10 · TIME 0x54494D45 · IPI 0x735049 · RFENCE 0x52464E43 · HSM 0x48534D ·
 *   SRST 0x53525354 · legacy set_timer 0x00, console_putchar 0x01, console_getchar 0x02,
 *   shutdown 0x08.
 *
 * Boot: every hart sets PMP (allow all), delegation (exceptions from U, and S/U interrupts
 * including USIP, bit 0, for user interrupts), and opens the counters to S and U. Hart 0 waits
 * until every hart in the device tree has checked in, then enters the kernel at KERNEL_ENTRY
 * in S-mode (a0 = hart id, a1 = device tree); the others wait to be started through HSM.
 * IPIs are real: send_ipi writes the target's CLINT msip; the target traps to M-mode and
 * raises its SSIP. Remote fences go the same way and wait for the target to acknowledge.
 */
import {
  Arr, Ptr, amoor_d, table, amoswap_d, amoadd_d, csr_clear, csr_read, csr_set, csr_write, cstr, fence, fence_i,
  load64, load8, offsetof, sfence_vma, store32, store64, store8, u64, u8, wfi, zeroed,
} from '../../src/gtsc/guest';
import { FdtProp, be64, fdtCount, fdtFind } from '../../src/os/lib/fdt';
import { putDec, putHex, putStr } from '../../src/os/lib/fmt';

declare function fw_enter_s(entry: u64, a0: u64, a1: u64): void;
declare function fw_park(hart: u64): void;

// ---- the platform (QEMU virt / rvn board)
const CLINT_MSIP = 0x02000000; // + 4 * hart
const CLINT_MTIMECMP = 0x02004000; // + 8 * hart
const UART = 0x10000000;
const UART_LSR = 5;
const LSR_DATA_READY = 0x01;
const LSR_THR_EMPTY = 0x20;
const TEST_DEVICE = 0x100000;
const TEST_PASS = 0x5555;
const TEST_FAIL = 0x3333; // | code << 16
const TEST_RESET = 0x7777;
/** Where the S-mode kernel is linked (as OpenSBI's fw_jump expects it). */
const KERNEL_ENTRY = 0x80200000;
const MAX_HARTS = 8;

// ---- CSR bits
const MIP_SSIP = 1 << 1;
const MIP_STIP = 1 << 5;
const MIE_MSIE = 1 << 3;
const MIE_MTIE = 1 << 7;
const IRQ_MSI = 3;
const IRQ_MTI = 7;
const CAUSE_SUPERVISOR_ECALL = 9;
/** Exceptions handled by S-mode: misaligned/access faults, illegal, breakpoint, U ecall, page faults. */
const MEDELEG = 0xb1ff;
/** Interrupts handled by S-mode: USIP (0, for user interrupts), SSIP, STIP, SEIP. */
const MIDELEG = (1 << 0) | (1 << 1) | (1 << 5) | (1 << 9);
/** mhpmevent3..5 count user interrupts taken, uipi sends and urets (docs/uintr.md §5). */
const HPM_EVENTS = table<u64>([15, 16, 18]);

// ---- SBI (specification v1.0)
const SBI_SUCCESS = 0;
const SBI_ERR_FAILED = -1;
const SBI_ERR_NOT_SUPPORTED = -2;
const SBI_ERR_INVALID_PARAM = -3;
const SBI_ERR_INVALID_ADDRESS = -5;
const SBI_ERR_ALREADY_AVAILABLE = -6;
const SBI_SPEC_VERSION = 1 << 24; // v1.0
/** Implementation ID: not one of the IDs the SBI specification assigns ("RVN"). */
const SBI_IMPL_ID = 0x52564e;
const SBI_IMPL_VERSION = 1;

const HSM_STARTED = 0;
const HSM_STOPPED = 1;
const HSM_START_PENDING = 2;
/** Not (yet) seen at _start: not a hart of this machine as far as HSM is concerned. */
const HSM_ABSENT = 0xff;

const FENCE_I = 1;
const FENCE_VMA = 2;

/** The trap frame entry.S builds: x0..x31 by register number (only caller-saved ones valid). */
interface Frame {
  x: Arr<u64, 32>;
}
const A0 = 10;
const A1 = 11;
const A2 = 12;
const A6 = 16;
const A7 = 17;

/** Per-hart firmware state; ipi and fence are set by other harts with AMOs. */
interface FwHart {
  state: u64;
  startAddr: u64;
  opaque: u64;
  ipi: u64;
  fence: u64;
}
const harts = zeroed<Arr<FwHart, 8>>();
/** Harts other than hart 0 that reached fw_main (an AMO target). */
const arrived = zeroed<Arr<u64, 1>>();
let hartCount: u64 = 1;
let ramBase: u64 = 0;
let ramEnd: u64 = 0;

// ---- console
function putchar(c: u8): void {
  while ((load8(UART + UART_LSR) & LSR_THR_EMPTY) === 0) {}
  store8(UART, c);
}

function getchar(): u64 {
  if ((load8(UART + UART_LSR) & LSR_DATA_READY) === 0) return -1;
  return load8(UART);
}

function poweroff(word: u64): void {
  store32(TEST_DEVICE, word);
  while (true) wfi();
}

// ---- boot
function setupHart(): void {
  csr_write('pmpaddr0', 0x3fffffffffffff); // NAPOT over the whole physical space
  csr_write('pmpcfg0', 0x1f); // NAPOT, R W X
  csr_write('medeleg', MEDELEG);
  csr_write('mideleg', MIDELEG);
  csr_write('mcounteren', 0xffffffff);
  csr_write(0x323, HPM_EVENTS[0]);
  csr_write(0x324, HPM_EVENTS[1]);
  csr_write(0x325, HPM_EVENTS[2]);
  csr_write('mie', MIE_MSIE);
}

/** Every hart starts here (entry.S) on its own M stack. */
export function fw_main(hart: u64, dtb: u64): void {
  setupHart();
  if (hart !== 0) {
    harts[hart].state = HSM_STOPPED;
    amoadd_d(arrived, 1);
    fw_wait_for_start(hart);
  }
  hartCount = fdtCount(dtb, cstr('/cpus/cpu'));
  if (hartCount === 0 || hartCount > MAX_HARTS) hartCount = MAX_HARTS;
  const reg = zeroed<FdtProp>();
  if (fdtFind(dtb, cstr('/memory'), cstr('reg'), reg) !== 0 && reg.len >= 16) {
    ramBase = be64(reg.value);
    ramEnd = ramBase + be64(reg.value + 8);
  }
  for (let h = hartCount; h < MAX_HARTS; h++) harts[h].state = HSM_ABSENT;
  // the other harts start with this one and only set up their CSRs before checking in
  while (load64(arrived) < hartCount - 1) {}
  harts[0].state = HSM_STARTED;
  putStr(putchar, cstr('rvn-fw: SBI v1.0, '));
  putDec(putchar, hartCount);
  putStr(putchar, cstr(' harts, kernel at '));
  putHex(putchar, KERNEL_ENTRY);
  putchar(10);
  fence();
  fw_enter_s(KERNEL_ENTRY, hart, dtb);
}

/** A stopped hart waits here (M-mode, interrupts off, woken by msip) until hart_start. */
export function fw_wait_for_start(hart: u64): void {
  const h = harts[hart];
  while (true) {
    store32(CLINT_MSIP + 4 * hart, 0);
    fence();
    doFences(hart); // a stopped hart acknowledges remote fences too
    if (h.state === HSM_START_PENDING) {
      fence(); // the address and opaque are read after the state (hartStart's order)
      h.state = HSM_STARTED;
      csr_clear('mip', MIP_SSIP | MIP_STIP);
      amoswap_d(h + offsetof<FwHart>('ipi'), 0);
      fw_enter_s(h.startAddr, hart, h.opaque);
    }
    wfi();
  }
}

// ---- traps
export function fw_handle_trap(f: Ptr<Frame>): void {
  const cause = csr_read('mcause');
  const hart = csr_read('mhartid');
  if (cause >>> 63 !== 0) {
    const irq = cause & 0xff;
    if (irq === IRQ_MSI) softwareInterrupt(hart);
    else if (irq === IRQ_MTI) {
      // the S-mode timer: hand it to S and stop the M timer until the next set_timer
      csr_set('mip', MIP_STIP);
      csr_clear('mie', MIE_MTIE);
    } else unexpected(cause);
    return;
  }
  if (cause !== CAUSE_SUPERVISOR_ECALL) unexpected(cause);
  csr_write('mepc', csr_read('mepc') + 4);
  sbiCall(f, hart);
}

/** msip: an IPI for S-mode and/or a remote fence request. */
function softwareInterrupt(hart: u64): void {
  store32(CLINT_MSIP + 4 * hart, 0);
  fence();
  const h = harts[hart];
  if (amoswap_d(h + offsetof<FwHart>('ipi'), 0) !== 0) csr_set('mip', MIP_SSIP);
  doFences(hart);
}

/** Carries out the remote fences other harts asked this one for, and acknowledges them. */
function doFences(hart: u64): void {
  const h = harts[hart];
  if (h.fence === 0) return;
  const want = amoswap_d(h + offsetof<FwHart>('fence'), 0);
  if ((want & FENCE_I) !== 0) fence_i();
  if ((want & FENCE_VMA) !== 0) sfence_vma();
}

function unexpected(cause: u64): void {
  putStr(putchar, cstr('rvn-fw: unexpected trap, mcause '));
  putHex(putchar, cause);
  putStr(putchar, cstr(' mepc '));
  putHex(putchar, csr_read('mepc'));
  putStr(putchar, cstr(' mtval '));
  putHex(putchar, csr_read('mtval'));
  putchar(10);
  poweroff((1 << 16) | TEST_FAIL);
}

// ---- SBI dispatch: extension IDs and their handlers, side by side, the most used first
type SbiHandler = (f: Ptr<Frame>, hart: u64) => void;
const EXTENSION_IDS = table<u64>([0x01, 0x735049, 0x54494d45, 0x52464e43, 0x10, 0x48534d, 0x53525354, 0x00, 0x02, 0x08]);
const EXTENSIONS = table<SbiHandler>([legacyPutchar, sbiIpi, sbiTime, sbiRfence, sbiBase, sbiHsm, sbiSrst, legacySetTimer, legacyGetchar, legacyShutdown]);
const EXTENSION_COUNT = 10;

function findExtension(eid: u64): u64 {
  for (let i = 0; i < EXTENSION_COUNT; i++) if (EXTENSION_IDS[i] === eid) return i;
  return -1;
}

function sbiCall(f: Ptr<Frame>, hart: u64): void {
  const i = findExtension(f.x[A7]);
  if (i === -1) { ret(f, SBI_ERR_NOT_SUPPORTED, 0); return; }
  const handler = EXTENSIONS[i];
  handler(f, hart);
}

function ret(f: Ptr<Frame>, error: u64, value: u64): void {
  f.x[A0] = error;
  f.x[A1] = value;
}

function sbiBase(f: Ptr<Frame>, hart: u64): void {
  const fid = f.x[A6];
  if (fid === 0) { ret(f, SBI_SUCCESS, SBI_SPEC_VERSION); return; }
  if (fid === 1) { ret(f, SBI_SUCCESS, SBI_IMPL_ID); return; }
  if (fid === 2) { ret(f, SBI_SUCCESS, SBI_IMPL_VERSION); return; }
  if (fid === 3) { ret(f, SBI_SUCCESS, findExtension(f.x[A0]) === -1 ? 0 : 1); return; }
  if (fid === 4) { ret(f, SBI_SUCCESS, csr_read('mvendorid')); return; }
  if (fid === 5) { ret(f, SBI_SUCCESS, csr_read('marchid')); return; }
  if (fid === 6) { ret(f, SBI_SUCCESS, csr_read('mimpid')); return; }
  ret(f, SBI_ERR_NOT_SUPPORTED, 0);
}

function setTimer(hart: u64, when: u64): void {
  store64(CLINT_MTIMECMP + 8 * hart, when);
  csr_clear('mip', MIP_STIP);
  csr_set('mie', MIE_MTIE);
}

function sbiTime(f: Ptr<Frame>, hart: u64): void {
  if (f.x[A6] !== 0) { ret(f, SBI_ERR_NOT_SUPPORTED, 0); return; }
  setTimer(hart, f.x[A0]);
  ret(f, SBI_SUCCESS, 0);
}

/**
 * The harts a (hart_mask, hart_mask_base) pair names, as a bit mask of hart ids, or -1 when it
 * names a hart that does not exist (SBI v1.0 §3: base -1 means every hart).
 */
function targetHarts(mask: u64, base: u64): u64 {
  const all = (1 << hartCount) - 1;
  if (base === -1) return all;
  if (base >= hartCount) return mask === 0 ? 0 : -1;
  const set = mask << base;
  if ((mask >>> (hartCount - base)) !== 0 || (set & ~all) !== 0) return -1;
  return set;
}

function sbiIpi(f: Ptr<Frame>, hart: u64): void {
  if (f.x[A6] !== 0) { ret(f, SBI_ERR_NOT_SUPPORTED, 0); return; }
  const targets = targetHarts(f.x[A0], f.x[A1]);
  if (targets === -1) { ret(f, SBI_ERR_INVALID_PARAM, 0); return; }
  for (let t = 0; t < hartCount; t++) {
    if (((targets >>> t) & 1) === 0) continue;
    amoor_d(harts[t] + offsetof<FwHart>('ipi'), 1);
    fence();
    store32(CLINT_MSIP + 4 * t, 1);
  }
  ret(f, SBI_SUCCESS, 0);
}

function sbiRfence(f: Ptr<Frame>, hart: u64): void {
  const fid = f.x[A6];
  if (fid > 2) { ret(f, SBI_ERR_NOT_SUPPORTED, 0); return; }
  const targets = targetHarts(f.x[A0], f.x[A1]);
  if (targets === -1) { ret(f, SBI_ERR_INVALID_PARAM, 0); return; }
  // remote_fence_i (0), remote_sfence_vma (1), remote_sfence_vma_asid (2): the whole TLB is
  // flushed, a correct (if coarse) way of flushing the range and ASID asked for
  const kind = fid === 0 ? FENCE_I : FENCE_VMA;
  for (let t = 0; t < hartCount; t++) {
    if (((targets >>> t) & 1) === 0 || t === hart) continue;
    amoor_d(harts[t] + offsetof<FwHart>('fence'), kind);
    fence();
    store32(CLINT_MSIP + 4 * t, 1);
  }
  if (((targets >>> hart) & 1) !== 0) {
    if (kind === FENCE_I) fence_i();
    else sfence_vma();
  }
  // wait for the acknowledgements, serving fences asked of this hart meanwhile (two harts
  // fencing each other must not wait for each other forever)
  for (let t = 0; t < hartCount; t++) {
    if (t === hart) continue;
    while (load64(harts[t] + offsetof<FwHart>('fence')) !== 0) doFences(hart);
  }
  ret(f, SBI_SUCCESS, 0);
}

function sbiHsm(f: Ptr<Frame>, hart: u64): void {
  const fid = f.x[A6];
  if (fid === 0) { hartStart(f, f.x[A0], f.x[A1], f.x[A2]); return; }
  if (fid === 1) {
    harts[hart].state = HSM_STOPPED;
    fence();
    fw_park(hart); // does not return
    { ret(f, SBI_ERR_FAILED, 0); return; }
  }
  if (fid === 2) {
    const target = f.x[A0];
    if (target >= MAX_HARTS || harts[target].state === HSM_ABSENT) { ret(f, SBI_ERR_INVALID_PARAM, 0); return; }
    { ret(f, SBI_SUCCESS, harts[target].state); return; }
  }
  ret(f, SBI_ERR_NOT_SUPPORTED, 0);
}

function hartStart(f: Ptr<Frame>, target: u64, addr: u64, opaque: u64): void {
  if (target >= MAX_HARTS || harts[target].state === HSM_ABSENT) { ret(f, SBI_ERR_INVALID_PARAM, 0); return; }
  if (addr < ramBase || addr >= ramEnd || (addr & 1) !== 0) { ret(f, SBI_ERR_INVALID_ADDRESS, 0); return; }
  const h = harts[target];
  if (h.state !== HSM_STOPPED) { ret(f, SBI_ERR_ALREADY_AVAILABLE, 0); return; }
  h.startAddr = addr;
  h.opaque = opaque;
  // RVWMO may reorder stores: the waiter must see the address and opaque once it sees the state.
  fence();
  h.state = HSM_START_PENDING;
  fence();
  store32(CLINT_MSIP + 4 * target, 1);
  ret(f, SBI_SUCCESS, 0);
}

function sbiSrst(f: Ptr<Frame>, hart: u64): void {
  if (f.x[A6] !== 0) { ret(f, SBI_ERR_NOT_SUPPORTED, 0); return; }
  const type = f.x[A0] & 0xffffffff;
  const reason = f.x[A1] & 0xffffffff;
  if (type > 2 || (reason > 1 && reason < 0xe0000000)) { ret(f, SBI_ERR_INVALID_PARAM, 0); return; }
  if (type !== 0) poweroff(TEST_RESET); // cold or warm reboot
  poweroff(reason === 1 ? (1 << 16) | TEST_FAIL : TEST_PASS); // shutdown; 1 = system failure
}

function legacySetTimer(f: Ptr<Frame>, hart: u64): void {
  setTimer(hart, f.x[A0]);
  f.x[A0] = 0;
}

function legacyPutchar(f: Ptr<Frame>, hart: u64): void {
  putchar(f.x[A0]);
  f.x[A0] = 0;
}

function legacyGetchar(f: Ptr<Frame>, hart: u64): void {
  f.x[A0] = getchar();
}

function legacyShutdown(f: Ptr<Frame>, hart: u64): void {
  poweroff(TEST_PASS);
}
