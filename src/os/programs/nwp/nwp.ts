/**
 * The NWP: the network server as a user process under the kernel. It owns the virtio-net card
 * (its registers mapped into this space, its DMA area a region whose physical address the
 * system description gives, its IRQ bound to the `nwp_events` notification), runs the stack
 * (src/os/nwp), and serves the socket API to client threads over synchronous IPC: each client
 * holds its own badged capability to the NWP's endpoint; the NWP receives on that endpoint
 * with its notification bound, so one Recv returns either a client's request or the card's
 * interrupt (or the clock's). A request that cannot complete at once keeps its caller on a
 * reply object of the pool until the stack completes it.
 *
 * The kernel has no timeouts, so a clock thread (nwp_clock, the lowest priority on the NWP's
 * hart) turns the stack's next deadline into a signal: it runs only when nothing else on the
 * hart can, spinning on the time, and sleeps when no deadline is set. Deadlines more than
 * CLOCK_HORIZON away (a DHCP renewal) are left to the NWP's next wake-up, so that an idle
 * NWP does not keep its hart spinning.
 *
 * Boot arguments: ip=A.B.C.D (a static address on 10.0.2.0/24; default: DHCP).
 */
import { Arr, Ptr, cstr, i64, load64, rdtime, store64, u64, zeroed } from '../../../gtsc/guest';
import { UserBootInfo } from '../../lib/userinfo';
import { Line, bootArgument, bootInfo, bootNumber, lineChar, lineDec, lineStr, lineWrite, msgLabel } from '../../user/lib';
import { DebugHalt, E_WOULD_BLOCK, IrqAck, Msg, NBRecv, NOTIFICATION_LABEL, Recv, Reply, ReplyRecv, Signal, Wait, Yield } from '../../user/sys.gen';
import { netConfigDefaults } from '../../nwp/config';
import type { NetConfig } from '../../nwp/config';
import { VNET_OK, vnetArm, vnetDevice, vnetDisarm, vnetEventIdx, vnetInit, vnetInterrupt } from '../../nwp/driver/virtio-net';
import type { VnetConfig } from '../../nwp/driver/virtio-net';
import { ifaceAddress, ifaceInit, ifacePollAt, ifaceReceive, ifaceTransmit } from '../../nwp/iface';
import type { SockReply, SockRequest } from '../../nwp/sock/protocol';
import { svcBeginRound, svcNextDone, svcSubmit } from '../../nwp/sock/service';
import { replyGive, replyPoolInit, replyTake, replyToMsg, requestFromMsg } from '../../nwp/sock/sync-server';
import type { ReplyPool } from '../../nwp/sock/sync-server';

// Set by the system description (setvar / setpaddr): non-zero so that they live in .data.
export let nic_regs: u64 = 1;
export let nic_dma: u64 = 1;
export let nic_dma_paddr: u64 = 1;

// The NWP thread's capabilities (src/os/systems/nwp-*.ts).
const EP = 1;
const IRQ = 2;
const CLOCK_GO = 3;
const REPLY_FIRST = 8;
const REPLY_COUNT = 33;
// The clock thread's.
const CLOCK_SIGNAL = 1;
const CLOCK_WAIT = 2;
/** Badges on nwp_events: the card's IRQ, the clock. */
const EV_NIC = 1;
/** Milliseconds within which a deadline is given to the clock thread. */
const CLOCK_HORIZON_MS = 1000;

const vcfg = zeroed<VnetConfig>();
const netConfig = zeroed<NetConfig>();
const pool = zeroed<ReplyPool>();
/** The reply object holding each waiting client (by badge). */
const held = zeroed<Arr<u64, 65>>();
/** The stack's next deadline for the clock thread (0: none). */
const deadline = zeroed<Arr<u64, 1>>();

function say(l: Ptr<Line>): void {
  lineWrite(l);
}

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

/** Tells the clock thread the stack's next deadline (0: none); wakes it if it sleeps. */
function setDeadline(at: u64): void {
  const before = load64(deadline);
  store64(deadline, at);
  if (at !== 0 && before === 0) Signal(CLOCK_GO);
}

/** Answers every waiting request the stack's last round completed. */
function completeWaiting(m: Ptr<Msg>, ipcBuf: u64, rep: Ptr<SockReply>): void {
  svcBeginRound();
  for (let c = svcNextDone(rep); c !== 0; c = svcNextDone(rep)) {
    replyToMsg(rep, m, ipcBuf);
    Reply(held[c], m);
    replyGive(pool, held[c]);
    held[c] = 0;
  }
}

export function nwp_main(ipcBuf: u64, info: u64): void {
  const b = bootInfo(info);
  const l = zeroed<Line>();
  vcfg.mmio = nic_regs;
  vcfg.dmaVirt = nic_dma;
  vcfg.dmaPhys = nic_dma_paddr;
  vcfg.eventIdx = 1;
  const st = vnetInit(vcfg);
  if (st !== VNET_OK) {
    lineStr(l, cstr('nwp: no virtio-net card (error '));
    lineDec(l, st);
    lineStr(l, cstr('): run with --net user\n'));
    say(l);
    DebugHalt(1);
  }
  netConfigDefaults(netConfig, b.timebaseHz / 1000);
  const ip = staticIp(b);
  ifaceInit(vnetDevice, netConfig, ip, ip !== 0 ? 0xffffff00 : 0, ip !== 0 ? 0x0a000202 : 0, rdtime());
  replyPoolInit(pool, REPLY_FIRST, REPLY_COUNT);
  const m = zeroed<Msg>(); // requests in, the answer to the caller on `cur` out
  const done = zeroed<Msg>(); // answers to waiting callers
  const q = zeroed<SockRequest>();
  const answer = zeroed<SockReply>();
  const rep = zeroed<SockReply>();
  let cur = replyTake(pool);
  let answering: u64 = 0; // m holds the answer for the caller on `cur`
  let announced: u64 = 0;
  for (;;) {
    const now = rdtime();
    ifaceReceive(now);
    completeWaiting(done, ipcBuf, rep);
    ifaceTransmit(now);
    if (announced === 0 && ifaceAddress() !== 0) {
      announced = 1;
      lineStr(l, cstr('nwp: '));
      lineIp(l, ifaceAddress());
      lineStr(l, ip !== 0 ? cstr(' (static)') : cstr(' (DHCP)'));
      lineStr(l, vnetEventIdx() !== 0 ? cstr(', virtio-net with EVENT_IDX') : cstr(', virtio-net'));
      lineStr(l, cstr(', serving sockets over IPC\n'));
      say(l);
    }
    const t = rdtime();
    const at = ifacePollAt(t);
    setDeadline(at !== 0 && at < t + CLOCK_HORIZON_MS * netConfig.ticksPerMs ? at : 0);
    // Sleep only when nothing is due and no frame is waiting (vnetArm asks for the interrupt).
    const busy = (at !== 0 && at <= rdtime()) || vnetArm() !== 0;
    let badge: i64 = 0;
    if (answering !== 0) replyToMsg(answer, m, ipcBuf);
    if (answering !== 0 && busy) {
      Reply(cur, m);
      answering = 0;
    }
    if (answering !== 0) badge = ReplyRecv(EP, cur, m);
    else if (busy) badge = NBRecv(EP, cur, m);
    else badge = Recv(EP, cur, m);
    answering = 0;
    if (badge === E_WOULD_BLOCK) continue;
    if (msgLabel(m.info) === NOTIFICATION_LABEL) {
      if ((badge & EV_NIC) !== 0) {
        vnetInterrupt();
        IrqAck(IRQ);
      }
      vnetDisarm();
      continue;
    }
    requestFromMsg(m, ipcBuf, q);
    if (svcSubmit(badge, q, answer) !== 0) {
      answering = 1;
    } else {
      held[badge] = cur;
      cur = replyTake(pool);
    }
  }
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
