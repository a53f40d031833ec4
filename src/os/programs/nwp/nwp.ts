/**
 * The NWP: the network server as a user process under the kernel, serving the socket API over
 * synchronous IPC (the async channel: nwp-async.ts). It owns the virtio-net card (its registers
 * mapped into this space, its DMA area a region whose physical address the system description
 * gives, its IRQ bound to the `nwp_events` notification), runs the stack (src/os/nwp), and
 * serves the socket API to client threads: each client holds its own badged capability to the
 * NWP's endpoint; the NWP receives on that endpoint with its notification bound, so one Recv
 * returns either a client's request or the card's interrupt (or the clock's: common.ts). A
 * request that cannot complete at once keeps its caller on a reply object of the pool until
 * the stack completes it.
 *
 * Boot arguments: ip=A.B.C.D (a static address on 10.0.2.0/24; default: DHCP).
 */
import { Arr, Ptr, cstr, i64, rdtime, u64, zeroed } from '../../../gtsc/guest';
import { bootInfo, msgLabel } from '../../user/lib';
import { E_WOULD_BLOCK, IrqAck, Msg, NBRecv, NOTIFICATION_LABEL, Recv, Reply, ReplyRecv } from '../../user/sys.gen';
import { vnetArm, vnetDisarm, vnetInterrupt } from '../../nwp/driver/virtio-net';
import { ifaceReceive, ifaceTransmit } from '../../nwp/iface';
import type { SockReply, SockRequest } from '../../nwp/sock/protocol';
import { svcBeginRound, svcNextDone, svcSubmit } from '../../nwp/sock/service';
import { replyGive, replyPoolInit, replyTake, replyToMsg, requestFromMsg } from '../../nwp/sock/sync-server';
import type { ReplyPool } from '../../nwp/sock/sync-server';
import { nwpAnnounce, nwpDeadline, nwpStart } from './common';

// The NWP thread's capabilities (src/os/systems/nwp-*-sync.ts).
const EP = 1;
const IRQ = 2;
const CLOCK_GO = 3;
const REPLY_FIRST = 8;
const REPLY_COUNT = 33;
/** Badges on nwp_events: the card's IRQ (the clock's is 2). */
const EV_NIC = 1;

const pool = zeroed<ReplyPool>();
/** The reply object holding each waiting client (by badge). */
const held = zeroed<Arr<u64, 65>>();

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
  nwpStart(bootInfo(info));
  replyPoolInit(pool, REPLY_FIRST, REPLY_COUNT);
  const m = zeroed<Msg>(); // requests in, the answer to the caller on `cur` out
  const done = zeroed<Msg>(); // answers to waiting callers
  const q = zeroed<SockRequest>();
  const answer = zeroed<SockReply>();
  const rep = zeroed<SockReply>();
  let cur = replyTake(pool);
  let answering: u64 = 0; // m holds the answer for the caller on `cur`
  for (;;) {
    const now = rdtime();
    ifaceReceive(now);
    completeWaiting(done, ipcBuf, rep);
    ifaceTransmit(now);
    nwpAnnounce(cstr(', serving sockets over IPC\n'));
    // Sleep only when nothing is due and no frame is waiting (vnetArm asks for the interrupt).
    const busy = nwpDeadline(CLOCK_GO) !== 0 || vnetArm() !== 0;
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
