/**
 * The TCP server of the NWP benchmark (experiments.md), asynchronous: one thread with an
 * executor and 32 handler coroutines on port 80, using the NWP's socket API over the async
 * channel (`await asockRecv(...)`: src/os/nwp/sock/async-client.ts; the sync server:
 * tcp-server.ts; the tests and boot arguments: common.ts). Each handler accepts a connection,
 * serves it until it reads '.', closes it and accepts the next. Handler 0 starts listening; the
 * others wait in ACCEPT until it has. With nothing to run the thread waits for a user interrupt
 * as the NWP does (nwp-async.ts; idle=wait|spin).
 */
import { Arr, Ptr, cstr, i64, load8, ptr, store8, u64, u8, zeroed } from '../../../gtsc/guest';
import { bootInfo } from '../../user/lib';
import { Signal, UintrRegisterReceiver, UintrRegisterSender, Wait } from '../../user/sys.gen';
import { clientInit } from '../../runtime/channel';
import type { Channel, ChannelClient } from '../../runtime/channel';
import { Executor, executorInit, runForever, spawn } from '../../runtime/executor';
import { asockAccept, asockClose, asockListen, asockRecv, asockRecvNb, asockSend } from '../../nwp/sock/async-client';
import type { AsyncSockClient } from '../../nwp/sock/async-client';
import { sock_channel } from '../../nwp/sock/async-item';
import { SOCK_AGAIN } from '../../nwp/sock/protocol';
import { ANSWER_BYTE, CLOSE_BYTE, TCP_HANDLERS, TEST_CALL, TEST_WRITE, haltWithError, idlePolicy, portWanted, sayListening, testWanted } from './common';

// The thread's capabilities (src/os/systems/nwp-*-async.ts).
const MY_NTFN = 1; // its user-interrupt notification
const PEER_NTFN = 2; // the NWP's (signal right, badge bit 0)
const SERVER_READY = 3;
const CLIENT_READY = 4;
/** The user-interrupt bit that wakes the channel's reply dispatcher. */
const BIT_CHANNEL = 0;
const PRIO_DISPATCHER = 0;
const PRIO_HANDLERS = 1;
const ARENA_BYTES = 65536;

const ex = zeroed<Executor>();
const arena = zeroed<Arr<u8, 65536>>();
const channel = zeroed<ChannelClient>();
const clients = zeroed<Arr<AsyncSockClient, 32>>();

/** Serves one connection until '.', the end of the stream or an error. */
async function serve(c: Ptr<AsyncSockClient>, s: i64, test: u64): Promise<void> {
  const one = zeroed<Arr<u8, 8>>();
  for (;;) {
    if (test === TEST_WRITE) {
      store8(one, ANSWER_BYTE);
      if ((await asockSend(c, s, one, 1)) < 0) return;
      const n = await asockRecvNb(c, s, one, 1);
      if (n === SOCK_AGAIN) continue;
      if (n <= 0 || load8(one) === CLOSE_BYTE) return;
      continue;
    }
    const n = await asockRecv(c, s, one, 1);
    if (n <= 0 || load8(one) === CLOSE_BYTE) return;
    if (test === TEST_CALL && (await asockSend(c, s, one, 1)) < 0) return;
  }
}

/** Connection handler `index`: accepts, serves, closes, for ever. */
async function handler(index: u64, test: u64, port: u64): Promise<void> {
  const c = ptr<AsyncSockClient>(clients[index]);
  if (index === 0) sayListening(await asockListen(c, port, TCP_HANDLERS), port, test);
  for (;;) {
    const s = await asockAccept(c, port);
    if (s < 0) continue;
    await serve(c, s, test);
    await asockClose(c, s);
  }
}

export function tcp_async_main(ipcBuf: u64, info: u64): void {
  const b = bootInfo(info);
  const test = testWanted(b);
  const port = portWanted(b);
  Wait(SERVER_READY); // the NWP receives user interrupts
  const r = UintrRegisterReceiver(MY_NTFN);
  if (r < 0) haltWithError(cstr('tcp-server: no user interrupts (error -'), r);
  const notify = UintrRegisterSender(PEER_NTFN);
  Signal(CLIENT_READY);
  Wait(SERVER_READY); // its request loop is up
  executorInit(ex, arena, ARENA_BYTES, MY_NTFN, idlePolicy(b));
  clientInit(channel, ptr<Channel>(sock_channel), notify, BIT_CHANNEL, PRIO_DISPATCHER);
  for (let k: u64 = 0; k < TCP_HANDLERS; k++) {
    clients[k].ch = channel;
    clients[k].client = k + 1;
    spawn(ex, handler(k, test, port), PRIO_HANDLERS);
  }
  runForever(ex);
}
