/**
 * Boot: the boot hart reads the device tree, builds the system the image's boot information
 * describes (address spaces, capabilities, threads, IRQ bindings), starts the other harts
 * through SBI HSM and enters the scheduler; every other hart sets itself up and does the same.
 */
import {
  Arr, Ptr, asm, cstr, u8, csr_clear, csr_read, csr_set, csr_write, fnaddr, load8, offsetof, ptr, sfence_vma,
  u64, zeroed,
} from '../../gtsc/guest';
import { FdtProp, be32, be64, fdtCount, fdtFind, fdtFindCompatible, fdtTotalSize, fdtValid } from '../lib/fdt';
import { sbiHartStart } from '../lib/sbi';
import { BOOTINFO_MAGIC, BootCap, BootHeader, BootIrq, BootMap, BootSpace, BootThread } from './bootinfo';
import { USER_INFO_MAGIC, UserBootInfo } from '../lib/userinfo';
import { kdec, kputs, panic } from './console';
import { plicInitHart, irqBind } from './irq';
import { lock } from './lock';
import {
  KERNEL_BASE, KERNEL_STACK_SHIFT, MAX_CAPS, MAX_ENDPOINTS, MAX_HARTS, MAX_IRQS, MAX_NOTIFICATIONS,
  MAX_REPLIES, MAX_SPACES, MAX_THREADS, TICK_US, TIMESLICE_TICKS, UINTC_BASE,
} from './memlayout';
import {
  CAP_ENDPOINT, CAP_IRQ, CAP_NOTIFICATION, CAP_REPLY, Cpu, Mapping, RUNNING, Tcb, caps, cpus, endpoints, ntfns,
  replies, spaces, tcbs,
} from './objects';
import { SCOUNTEREN_USER, SIE_USIE, SSTATUS_SIE, SSTATUS_SPP } from './riscv';
import { SCHED_SIE, enqueueTail, idleSatp, kernelExit, schedInit } from './sched';
import { HANDLER_COUNT } from './syscall';
import { SYSCALL_MAX } from './syscalls.gen';
import { UINTR_NOT_DELEGATED, UINTR_NO_UINTC, UINTR_OK, uintrAvailable, uintrSetAvailable, uintrStatus } from './uintr';
import { buildSpace, framesInit, kernelSatp, zeroRange } from './vm';

declare function secondary_start(): void;
declare function kernel_stacks(): void;
declare function kernel_ready(): void;

/** Physical address of the boot information: written into the image by the image builder. */
export let boot_info_addr: u64 = 1;

/** {id, name} records the thread hints point at (hint.ts). */
interface ThreadName {
  id: u64;
  name: u64;
}
const threadNames = zeroed<Arr<ThreadName, 64>>();

let harts: u64 = 1;
let ramEnd: u64 = 0;
let timebase: u64 = 10000000;
const bootargs = zeroed<Arr<u8, 1024>>();
let bootargsLength: u64 = 0;

function checkLayout(): void {
  if (offsetof<Tcb>('regs') !== 0 || offsetof<Tcb>('cpu') !== 256 || offsetof<Cpu>('kstackTop') !== 0) panic(cstr('struct layout does not match entry.S'));
  if (HANDLER_COUNT !== SYSCALL_MAX + 1) panic(cstr('the syscall handler table does not match the syscall numbers'));
}

/** What the kernel needs from the device tree, read before anything may overwrite it. */
function readDeviceTree(dtb: u64): void {
  if (fdtValid(dtb) === 0) panic(cstr('no device tree'));
  harts = fdtCount(dtb, cstr('/cpus/cpu'));
  if (harts === 0) harts = 1;
  if (harts > MAX_HARTS) {
    kputs(cstr('kernel: using the first 8 harts only\n'));
    harts = MAX_HARTS;
  }
  const p = zeroed<FdtProp>();
  if (fdtFind(dtb, cstr('/memory'), cstr('reg'), p) === 0 || p.len < 16) panic(cstr('no /memory in the device tree'));
  ramEnd = be64(p.value) + be64(p.value + 8);
  if (fdtFind(dtb, cstr('/cpus'), cstr('timebase-frequency'), p) !== 0) timebase = be32(p.value);
  if (fdtFind(dtb, cstr('/chosen'), cstr('bootargs'), p) !== 0) {
    let n = p.len;
    if (n > 1023) n = 1023;
    for (let i = 0; i < n; i++) bootargs[i] = load8(p.value + i);
    bootargsLength = n > 0 && bootargs[n - 1] === 0 ? n - 1 : n;
  }
  // user interrupts need the UINTC and USIP delegated to S (sie bit 0 writable)
  if (fdtFindCompatible(dtb, cstr('rvn,uintc'), cstr('reg'), p) === 0) uintrSetAvailable(0, UINTR_NO_UINTC);
  else {
    csr_set('sie', SIE_USIE);
    const delegated = csr_read('sie') & SIE_USIE;
    csr_clear('sie', SIE_USIE);
    uintrSetAvailable(delegated !== 0 ? 1 : 0, delegated !== 0 ? UINTR_OK : UINTR_NOT_DELEGATED);
  }
}

function banner(bi: Ptr<BootHeader>): void {
  kputs(cstr('rvn kernel: '));
  kdec(harts);
  kputs(cstr(' harts, '));
  kdec(bi.threads);
  kputs(cstr(' threads in '));
  kdec(bi.spaces);
  kputs(cstr(' address spaces\nkernel: user interrupts: '));
  if (uintrAvailable !== 0) kputs(cstr('available\n'));
  else if (uintrStatus === UINTR_NO_UINTC) kputs(cstr('not available (no UINTC in the device tree: this machine has no UINTR)\n'));
  else kputs(cstr('not available (user software interrupts are not delegated to S-mode: no N extension, or the firmware keeps mideleg bit 0)\n'));
}

function checkLimits(bi: Ptr<BootHeader>): void {
  if (bi.spaces > MAX_SPACES || bi.threads > MAX_THREADS || bi.endpoints > MAX_ENDPOINTS || bi.notifications > MAX_NOTIFICATIONS ||
    bi.replies > MAX_REPLIES || bi.caps > MAX_CAPS) panic(cstr('the system description exceeds the kernel limits'));
}

function objectAddress(kind: u64, index: u64): u64 {
  if (kind === CAP_ENDPOINT) return endpoints[index];
  if (kind === CAP_NOTIFICATION) return ntfns[index];
  if (kind === CAP_REPLY) return replies[index];
  if (kind === CAP_IRQ) return index;
  return 0;
}

function buildSystem(bi: Ptr<BootHeader>): void {
  const maps = ptr<BootMap>(bi + bi.mapsOff);
  const bs = ptr<BootSpace>(bi + bi.spacesOff);
  for (let k = 0; k < bi.spaces; k++) {
    const s = spaces[k];
    s.maps = ptr<Mapping>(maps + bs[k].mapsIndex * 32);
    s.nmaps = bs[k].mapsCount;
    s.window = bs[k].window;
    buildSpace(s, k, ramEnd);
  }
  const bc = ptr<BootCap>(bi + bi.capsOff);
  for (let j = 0; j < bi.caps; j++) {
    const c = caps[j];
    c.kind = bc[j].kind;
    c.rights = bc[j].rights;
    c.badge = bc[j].badge;
    c.obj = objectAddress(c.kind, bc[j].object);
  }
  const bt = ptr<BootThread>(bi + bi.threadsOff);
  for (let i = 0; i < bi.threads; i++) makeThread(bi, bt[i], i);
  const bq = ptr<BootIrq>(bi + bi.irqsOff);
  for (let i = 0; i < bi.irqs; i++) {
    if (bq[i].irq >= MAX_IRQS) panic(cstr('an IRQ number beyond the PLIC sources'));
    irqBind(bq[i].irq, ntfns[bq[i].ntfn], bq[i].badge, bq[i].hart % harts);
  }
}

function makeThread(bi: Ptr<BootHeader>, d: Ptr<BootThread>, i: u64): void {
  const t = tcbs[i];
  const s = spaces[d.space];
  t.id = i + 1;
  t.name = bi + d.name;
  t.space = s;
  t.satp = s.satp;
  t.hart = d.hart % harts;
  t.cpu = cpus[t.hart];
  t.prio = d.priority;
  t.caps = caps[d.capsIndex];
  t.ncaps = d.capsCount;
  t.ipcBuf = d.ipcBufPa;
  t.slice = TIMESLICE_TICKS;
  t.regs[0] = d.entry;
  t.regs[1] = d.exitPc; // ra
  t.regs[2] = d.stackTop; // sp
  t.regs[10] = d.ipcBufVa; // a0
  t.regs[11] = s.window; // a1: the boot-info page
  t.regs[12] = d.arg; // a2
  t.regs[13] = t.id; // a3
  if (d.bound !== 0) {
    t.bound = ntfns[d.bound - 1];
    t.bound.boundTcb = t;
  }
  if (d.faultNtfn !== 0) {
    t.faultNtfn = ntfns[d.faultNtfn - 1];
    t.faultBadge = d.faultBadge;
  }
  t.state = RUNNING;
  enqueueTail(t.cpu, t);
  const rec = threadNames[i];
  rec.id = t.id;
  rec.name = t.name;
  asm('slti x0, {0}, 0x7e0', rec); // hint: thread
}

function fillUserInfo(bi: Ptr<BootHeader>): void {
  const u = ptr<UserBootInfo>(bi.userInfo);
  u.magic = USER_INFO_MAGIC;
  u.harts = harts;
  u.uintr = uintrAvailable;
  u.uintrStatus = uintrStatus;
  u.timebaseHz = timebase;
  u.bootargsLength = bootargsLength;
  for (let i = 0; i < bootargsLength; i++) u.bootargs[i] = bootargs[i];
}

/** Per-hart state: stack, interrupts, counters for user mode, user-interrupt delegation, PLIC. */
function cpuInit(hart: u64): void {
  const cpu = cpus[hart];
  asm('mv tp, {0}', cpu);
  csr_clear('sstatus', SSTATUS_SPP | SSTATUS_SIE);
  csr_write('scounteren', SCOUNTEREN_USER);
  if (uintrAvailable !== 0) {
    csr_set('sideleg', 1); // USIP goes on to U-mode: the kernel never takes it
    csr_write('suicfg', UINTC_BASE);
  }
  plicInitHart(hart);
  csr_write('sie', SCHED_SIE);
}

/** The boot hart (entry.S _start). */
export function kmain(hart: u64, dtb: u64): void {
  checkLayout();
  const bi = ptr<BootHeader>(boot_info_addr);
  if (bi.magic !== BOOTINFO_MAGIC) panic(cstr('no boot information: the image was not built by src/os/system'));
  readDeviceTree(dtb);
  if (hart >= harts) panic(cstr('the boot hart is beyond the harts the kernel drives'));
  const dtbEnd = dtb + fdtTotalSize(dtb);
  if (dtb < bi.freeStart && dtbEnd > KERNEL_BASE) panic(cstr('the device tree lies inside the kernel image'));
  checkLimits(bi);
  framesInit(bi.freeStart, ramEnd, dtb, dtbEnd);
  zeroRange(bi.zeroStart, bi.zeroEnd);
  banner(bi);
  for (let h = 0; h < MAX_HARTS; h++) {
    cpus[h].hart = h;
    cpus[h].kstackTop = fnaddr(kernel_stacks) + ((h + 1) << KERNEL_STACK_SHIFT);
  }
  schedInit((timebase * TICK_US) / 1000000, kernelSatp(ramEnd));
  buildSystem(bi);
  fillUserInfo(bi);
  cpuInit(hart);
  kernel_ready();
  for (let h = 0; h < harts; h++) if (h !== hart) sbiHartStart(h, fnaddr(secondary_start), 0);
  enterScheduler(hart);
}

/** Other harts (entry.S secondary_start). */
export function kmain_secondary(hart: u64): void {
  cpuInit(hart);
  enterScheduler(hart);
}

function enterScheduler(hart: u64): void {
  const cpu = cpus[hart];
  cpu.satp = idleSatp;
  csr_write('satp', idleSatp);
  sfence_vma();
  lock();
  kernelExit(cpu);
}
