/**
 * What the NWP's two transports share (nwp.ts: sync IPC; nwp-async.ts: the async channel): the
 * card and the stack brought up from the system description's variables and the boot
 * arguments, the line that announces the address, and the clock thread.
 *
 * The kernel has no timeouts, so a clock thread (nwp_clock, the lowest priority on the NWP's
 * hart) turns the stack's next deadline into a signal: it runs only when nothing else on the
 * hart can, spinning on the time, and sleeps when no deadline is set. Deadlines more than
 * CLOCK_HORIZON_MS away (a DHCP renewal) are left to the NWP's next wake-up, so that an idle
 * NWP does not keep its hart spinning.
 *
 * Boot arguments: ip=A.B.C.D (a static address on 10.0.2.0/24; default: DHCP).
 */
import { Arr, Ptr, cstr, load64, rdtime, store64, u64, zeroed } from '../../../gtsc/guest';
import { UserBootInfo } from '../../lib/userinfo';
import { Line, bootArgument, bootNumber, lineChar, lineDec, lineStr, lineWrite } from '../../user/lib';
import { DebugHalt, Signal, Wait, Yield } from '../../user/sys.gen';
import { netConfigDefaults } from '../../nwp/config';
import type { NetConfig } from '../../nwp/config';
import { VNET_OK, vnetDevice, vnetEventIdx, vnetInit } from '../../nwp/driver/virtio-net';
import type { VnetConfig } from '../../nwp/driver/virtio-net';
import { ifaceAddress, ifaceInit, ifacePollAt } from '../../nwp/iface';

// Set by the system description (setvar / setpaddr): non-zero so that they live in .data.
export let nic_regs: u64 = 1;
export let nic_dma: u64 = 1;
export let nic_dma_paddr: u64 = 1;

// The clock thread's capabilities (src/os/systems/nwp-*.ts).
const CLOCK_SIGNAL = 1;
const CLOCK_WAIT = 2;
/** Milliseconds within which a deadline is given to the clock thread. */
const CLOCK_HORIZON_MS = 1000;

const vcfg = zeroed<VnetConfig>();
const netConfig = zeroed<NetConfig>();
/** The stack's next deadline for the clock thread (0: none). */
const deadline = zeroed<Arr<u64, 1>>();
/** The static address (0: DHCP), and whether the address was announced. */
let staticAddress: u64 = 0;
let announced: u64 = 0;

function lineIp(l: Ptr<Line>, ip: u64): void {
  for (let k = 24; k >= 0; k -= 8) {
    lineDec(l, (ip >>> k) & 255);
    if (k > 0) lineChar(l, 46);
  }
}

/** ip=A.B.C.D from the boot arguments, or 0 (DHCP). */
function staticIp(b: Ptr<UserBootInfo>): u64 {
  let at = bootArgument(b, cstr('ip='));
  if (at < 0) return 0;
  let ip: u64 = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (at >= b.bootargsLength || b.bootargs[at] !== 46) return 0; // '.'
      at++;
    }
    const start = at;
    while (at < b.bootargsLength && b.bootargs[at] >= 48 && b.bootargs[at] <= 57) at++;
    const n = bootNumber(b, start);
    if (at === start || n > 255) return 0;
    ip = (ip << 8) | n;
  }
  return ip;
}

/** Brings up the card (halting with a message when there is none) and the stack. */
export function nwpStart(b: Ptr<UserBootInfo>): void {
  vcfg.mmio = nic_regs;
  vcfg.dmaVirt = nic_dma;
  vcfg.dmaPhys = nic_dma_paddr;
  vcfg.eventIdx = 1;
  const st = vnetInit(vcfg);
  if (st !== VNET_OK) {
    const l = zeroed<Line>();
    lineStr(l, cstr('nwp: no virtio-net card (error '));
    lineDec(l, st);
    lineStr(l, cstr('): run with --net user\n'));
    lineWrite(l);
    DebugHalt(1);
  }
  netConfigDefaults(netConfig, b.timebaseHz / 1000);
  const ip = staticIp(b);
  staticAddress = ip;
  ifaceInit(vnetDevice, netConfig, ip, ip !== 0 ? 0xffffff00 : 0, ip !== 0 ? 0x0a000202 : 0, rdtime());
}

/** Once the stack has an address: prints it, and how the NWP serves (`how`: a C string). */
export function nwpAnnounce(how: u64): void {
  if (announced !== 0 || ifaceAddress() === 0) return;
  announced = 1;
  const l = zeroed<Line>();
  lineStr(l, cstr('nwp: '));
  lineIp(l, ifaceAddress());
  lineStr(l, staticAddress !== 0 ? cstr(' (static)') : cstr(' (DHCP)'));
  lineStr(l, vnetEventIdx() !== 0 ? cstr(', virtio-net with EVENT_IDX') : cstr(', virtio-net'));
  lineStr(l, how);
  lineWrite(l);
}

/**
 * After a round of the stack: gives its next deadline to the clock thread (waking it if it
 * sleeps; `clockGo` is the NWP's capability to the clock's notification). Returns 1 when the
 * deadline has passed already (do not sleep).
 */
export function nwpDeadline(clockGo: u64): u64 {
  const t = rdtime();
  const at = ifacePollAt(t);
  const next = at !== 0 && at < t + CLOCK_HORIZON_MS * netConfig.ticksPerMs ? at : 0;
  const before = load64(deadline);
  store64(deadline, next);
  if (next !== 0 && before === 0) Signal(clockGo);
  return at !== 0 && at <= rdtime() ? 1 : 0;
}

/** The clock: signals the NWP when the stack's deadline has passed. */
export function nwp_clock(): void {
  for (;;) {
    const at = load64(deadline);
    if (at === 0) Wait(CLOCK_WAIT);
    else if (rdtime() >= at) {
      store64(deadline, 0);
      Signal(CLOCK_SIGNAL);
    } else Yield();
  }
}
