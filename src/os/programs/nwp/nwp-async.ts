/**
 * The NWP serving the socket API over the async channel (src/os/runtime/channel.ts; the sync
 * transport: nwp.ts). One thread with an executor and three coroutines:
 *
 * - the channel's request loop (channel.ts) hands each request to `handleRequest`, which
 *   completes it at once or keeps it in the socket service (service.ts) until the stack can;
 * - `irqLoop`, woken by the card's interrupt, which reaches the NWP as a user interrupt (the
 *   IRQ is bound to the NWP's user-interrupt notification): acknowledges the card and the
 *   kernel's IRQ and wakes the stack;
 * - `netLoop`, the stack: a round (receive, answer the waiting requests that completed,
 *   transmit) each time a request, the card or the clock (common.ts) wakes it; it runs after
 *   the other two (a lower priority), so one round serves every request taken meanwhile.
 *
 * With nothing to run the executor waits for a user interrupt in the kernel (idle=spin: spins a
 * while first). Boot arguments: ip=A.B.C.D (a static address on 10.0.2.0/24; default: DHCP).
 */
import { Arr, Ptr, cstr, ptr, rdtime, suspend, u32, u64, u8, zeroed } from '../../../gtsc/guest';
import { bootInfo } from '../../user/lib';
import { IrqAck, Signal, UintrRegisterReceiver, UintrRegisterSender, Wait } from '../../user/sys.gen';
import { serverInit, sendReply } from '../../runtime/channel';
import type { Channel, ChannelServer, Item } from '../../runtime/channel';
import { Executor, bindVector, executorInit, runForever, spawnService, wake, yieldNow } from '../../runtime/executor';
import { vnetArm, vnetDisarm, vnetInterrupt } from '../../nwp/driver/virtio-net';
import { ifaceReceive, ifaceTransmit } from '../../nwp/iface';
import { itemGetRequest, itemPutReply, sock_channel } from '../../nwp/sock/async-item';
import type { SockReply, SockRequest } from '../../nwp/sock/protocol';
import { svcBeginRound, svcNextDone, svcSubmit } from '../../nwp/sock/service';
import { haltWithError, idlePolicy } from '../tcp-server/common';
import { nwpAnnounce, nwpDeadline, nwpStart } from './common';

// The NWP thread's capabilities (src/os/systems/nwp-*-async.ts).
const MY_NTFN = 1; // its user-interrupt notification (the card's IRQ and the clock signal it too)
const IRQ = 2;
const CLOCK_GO = 3;
const PEER_NTFN = 4; // the TCP server's user-interrupt notification (signal right, badge bit 0)
const SERVER_READY = 5;
const CLIENT_READY = 6;
/** User-interrupt bits (the badges on the NWP's notification): the channel, the card, the clock. */
const BIT_CHANNEL = 0;
const BIT_NIC = 1;
const BIT_CLOCK = 2;
const PRIO_EVENTS = 0;
const PRIO_STACK = 1;
const ARENA_BYTES = 65536;

const ex = zeroed<Executor>();
const arena = zeroed<Arr<u8, 65536>>();
const server = zeroed<ChannelServer>();
const request = zeroed<SockRequest>();
const answer = zeroed<SockReply>();
const done = zeroed<SockReply>();
const out = zeroed<Item>();
/** The coroutine each waiting client's request came from (by client number). */
const waitingCid = zeroed<Arr<u32, 65>>();
let stackCid: u64 = 0;

/** The channel's handler: completes a request at once (1) or leaves it waiting in the service (0). */
function handleRequest(it: Ptr<Item>, reply: Ptr<Item>): u64 {
  const client = itemGetRequest(it, request);
  wake(ex, stackCid); // a round of the stack after this batch: it sends what the request queued
  if (svcSubmit(client, request, answer) !== 0) {
    itemPutReply(reply, answer);
    return 1;
  }
  waitingCid[client] = it.cid;
  return 0;
}

/** The stack's rounds. */
async function netLoop(): Promise<void> {
  for (;;) {
    const now = rdtime();
    ifaceReceive(now);
    svcBeginRound();
    for (let c = svcNextDone(done); c !== 0; c = svcNextDone(done)) {
      itemPutReply(out, done);
      out.cid = waitingCid[c];
      sendReply(server, out);
    }
    ifaceTransmit(now);
    nwpAnnounce(cstr(', serving sockets over the async channel\n'));
    // Sleep only when nothing is due and no frame is waiting (vnetArm asks for the interrupt).
    if (nwpDeadline(CLOCK_GO) !== 0 || vnetArm() !== 0) await yieldNow();
    else await suspend();
    vnetDisarm();
  }
}

/** The card's interrupts. */
async function irqLoop(): Promise<void> {
  for (;;) {
    await suspend();
    vnetInterrupt();
    IrqAck(IRQ);
    wake(ex, stackCid);
  }
}

export function nwp_async_main(ipcBuf: u64, info: u64): void {
  const b = bootInfo(info);
  nwpStart(b);
  const r = UintrRegisterReceiver(MY_NTFN);
  if (r < 0) haltWithError(cstr('nwp: no user interrupts (error -'), r);
  Signal(SERVER_READY);
  Wait(CLIENT_READY); // the TCP server receives user interrupts now: we may register as its sender
  const notify = UintrRegisterSender(PEER_NTFN);
  executorInit(ex, arena, ARENA_BYTES, MY_NTFN, idlePolicy(b));
  serverInit(server, ptr<Channel>(sock_channel), notify, BIT_CHANNEL, PRIO_EVENTS, handleRequest);
  bindVector(ex, BIT_NIC, spawnService(ex, irqLoop(), PRIO_EVENTS));
  stackCid = spawnService(ex, netLoop(), PRIO_STACK);
  bindVector(ex, BIT_CLOCK, stackCid);
  Signal(SERVER_READY);
  runForever(ex);
}

