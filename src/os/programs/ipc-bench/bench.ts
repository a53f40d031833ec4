// The IPC micro-benchmark of the seed (experiments.md, "IPC micro-benchmark"): a client makes
// N calls of a one-byte request to a server that answers with one byte, after `load` units of
// work, and reports the cycles per call from its own cycle counter. Boot arguments:
//
//   series=sync-up-fast | sync-up-slow | sync-smp | async-up | async-smp
//   c=C      async: client coroutines, together making the N calls (sync: 1)
//   load=L   0..3: per request the server squares a (L+2)×(L+2) matrix four times
//   n=N      calls (default 20480)
//   idle=wait | spin | yield   async: what a thread with nothing to run does (default: spin
//            when client and server have a hart each, wait when they share one)
//
// sync: the client Calls the server's endpoint, the server answers with ReplyRecv (the kernel's
// fast path; sync-up-slow turns it off; sync-smp is across harts). async: the client's
// coroutines call through the shared-memory channel (src/os/runtime/channel.ts); each side has
// an executor and takes user interrupts under the notify-or-suppress rule. The server runs on
// hart 0; the client on hart 0 (up) or 1 (smp). The client prints one line and powers off:
//
//   ipc-bench: series=async-up c=8 load=0 n=20480 cycles=... start=... end=... errors=0 ...
import { Arr, Ptr, asm, cstr, ptr, rdcycle, u64, u8, zeroed } from '../../../gtsc/guest';
import { UserBootInfo } from '../../lib/userinfo';
import { Item, Channel, ChannelClient, ChannelServer, call, clientInit, serverInit } from '../../runtime/channel';
import { Executor, IDLE_SPIN, IDLE_WAIT, IDLE_YIELD, executorInit, run, runForever, spawn } from '../../runtime/executor';
import { Line, bootArgIs, bootArgNumber, bootInfo, lineDec, lineStr, lineWrite, msgInfo } from '../../user/lib';
import {
  Call, DebugHalt, DebugSetFastpath, Msg, Recv, ReplyRecv, Signal, UintrRegisterReceiver, UintrRegisterSender, Wait,
} from '../../user/sys.gen';
import { serverLoad } from './load';

// capability slots (src/os/systems/ipc-bench.ts)
const SERVICE = 1;
const ANSWER = 2;
const MY_NTFN = 3; // the thread's user-interrupt notification
const PEER_NTFN = 4; // the other side's, with the signal right (badge: bit 0)
const SERVER_READY = 5;
const CLIENT_READY = 6;

/** The user-interrupt bit a channel side's receive coroutine is woken by. */
const CHANNEL_BIT = 0;
const PRIO_RECEIVE = 0;
const PRIO_WORKERS = 1;
const ARENA_BYTES = 1048576;

/** Set by the image builder (setvar): the channel's shared region. */
export let chan_base: u64 = 1;

const serverEx = zeroed<Executor>();
const clientEx = zeroed<Executor>();
const serverArena = zeroed<Arr<u8, 1048576>>();
const clientArena = zeroed<Arr<u8, 1048576>>();
const server = zeroed<ChannelServer>();
const client = zeroed<ChannelClient>();

let load: u64 = 0;
let errors: u64 = 0;

function isAsync(b: Ptr<UserBootInfo>): u64 {
  return bootArgIs(b, cstr('series='), cstr('async-up')) | bootArgIs(b, cstr('series='), cstr('async-smp'));
}

function clientOnHart1(b: Ptr<UserBootInfo>): u64 {
  return bootArgIs(b, cstr('series='), cstr('async-smp')) | bootArgIs(b, cstr('series='), cstr('sync-smp'));
}

/**
 * What a thread with nothing to run does: idle=wait|spin|yield; by default it spins first when
 * client and server have a hart each (smp) and blocks at once when they share one (up).
 */
function idlePolicy(b: Ptr<UserBootInfo>): u64 {
  if (bootArgIs(b, cstr('idle='), cstr('yield')) !== 0) return IDLE_YIELD;
  if (bootArgIs(b, cstr('idle='), cstr('wait')) !== 0) return IDLE_WAIT;
  if (bootArgIs(b, cstr('idle='), cstr('spin')) !== 0) return IDLE_SPIN;
  return clientOnHart1(b) !== 0 ? IDLE_SPIN : IDLE_WAIT;
}

// ---- the server

/** The async server's request handler: a one-byte reply, request byte + 1, after the load. */
function answer(request: Ptr<Item>, reply: Ptr<Item>): u64 {
  serverLoad(load, request.msg[0]);
  reply.info = msgInfo(0, 1);
  reply.msg[0] = (request.msg[0] + 1) & 0xff;
  return 1;
}

function syncServer(): void {
  const m = zeroed<Msg>();
  Recv(SERVICE, ANSWER, m);
  while (true) {
    serverLoad(load, m.mr[0]);
    m.mr[0] = (m.mr[0] + 1) & 0xff;
    m.info = msgInfo(0, 1);
    ReplyRecv(SERVICE, ANSWER, m);
  }
}

function asyncServer(b: Ptr<UserBootInfo>): void {
  UintrRegisterReceiver(MY_NTFN);
  Signal(SERVER_READY);
  Wait(CLIENT_READY); // the client receives user interrupts now: we may register as its sender
  const notify = UintrRegisterSender(PEER_NTFN);
  executorInit(serverEx, serverArena, ARENA_BYTES, MY_NTFN, idlePolicy(b));
  serverInit(server, ptr<Channel>(chan_base), notify, CHANNEL_BIT, PRIO_RECEIVE, answer);
  Signal(SERVER_READY);
  runForever(serverEx);
}

export function bench_server(ipcBuf: u64, info: u64): void {
  const b = bootInfo(info);
  load = bootArgNumber(b, cstr('load='), 0);
  if (isAsync(b) !== 0) asyncServer(b);
  else syncServer();
}

// ---- the client

/** One client coroutine: `calls` calls, each checked. */
async function worker(cl: Ptr<ChannelClient>, first: u64, calls: u64): Promise<void> {
  const req = zeroed<Item>();
  const rep = zeroed<Item>();
  for (let i = 0; i < calls; i++) {
    const byte = (first + i) & 0xff;
    req.info = msgInfo(0, 1);
    req.msg[0] = byte;
    await call(cl, req, rep);
    if (rep.msg[0] !== ((byte + 1) & 0xff)) errors++;
  }
}

/**
 * Measurement marks for the host (src/experiment/ipc/observe.ts): `slti x0, x0, 0x7f0` at the
 * start of the calls and `0x7f1` at the end, RISC-V HINTs (no-ops) that tell an observer of the
 * harts when to read the hardware counters and the profile.
 */
const MARK_START = 0;
const MARK_END = 1;

function mark(which: u64): void {
  if (which === MARK_START) asm('slti x0, x0, 0x7f0');
  else asm('slti x0, x0, 0x7f1');
}

/** The measured stretch: the client's cycle counter before the first call and after the last. */
let windowStart: u64 = 0;
let windowEnd: u64 = 0;

/** The async client: c coroutines make n calls together. */
function asyncCalls(b: Ptr<UserBootInfo>, n: u64, c: u64): void {
  Wait(SERVER_READY); // the server receives user interrupts
  UintrRegisterReceiver(MY_NTFN);
  const notify = UintrRegisterSender(PEER_NTFN);
  Signal(CLIENT_READY);
  Wait(SERVER_READY); // its request loop is up
  executorInit(clientEx, clientArena, ARENA_BYTES, MY_NTFN, idlePolicy(b));
  clientInit(client, ptr<Channel>(chan_base), notify, CHANNEL_BIT, PRIO_RECEIVE);
  let first: u64 = 0;
  for (let k = 0; k < c; k++) {
    const calls = n / c + (k < n % c ? 1 : 0);
    spawn(clientEx, worker(client, first, calls), PRIO_WORKERS);
    first += calls;
  }
  windowStart = rdcycle();
  mark(MARK_START);
  run(clientEx);
  mark(MARK_END);
  windowEnd = rdcycle();
}

/** The sync client: n Calls. */
function syncCalls(n: u64): void {
  const m = zeroed<Msg>();
  windowStart = rdcycle();
  mark(MARK_START);
  for (let i = 0; i < n; i++) {
    const byte = i & 0xff;
    m.info = msgInfo(0, 1);
    m.mr[0] = byte;
    Call(SERVICE, m);
    if (m.mr[0] !== ((byte + 1) & 0xff)) errors++;
  }
  mark(MARK_END);
  windowEnd = rdcycle();
}

function clientMain(b: Ptr<UserBootInfo>): void {
  const n = bootArgNumber(b, cstr('n='), 20480);
  const c = isAsync(b) !== 0 ? bootArgNumber(b, cstr('c='), 1) : 1;
  load = bootArgNumber(b, cstr('load='), 0);
  if (bootArgIs(b, cstr('series='), cstr('sync-up-slow')) !== 0) DebugSetFastpath(0);
  if (isAsync(b) !== 0) asyncCalls(b, n, c < 1 ? 1 : c);
  else syncCalls(n);
  const l = zeroed<Line>();
  lineStr(l, cstr('ipc-bench: '));
  lineStr(l, b.bootargs);
  lineStr(l, cstr(' cycles='));
  lineDec(l, windowEnd - windowStart);
  lineStr(l, cstr(' start='));
  lineDec(l, windowStart);
  lineStr(l, cstr(' end='));
  lineDec(l, windowEnd);
  lineStr(l, cstr(' errors='));
  lineDec(l, errors);
  lineStr(l, cstr(' switches='));
  lineDec(l, clientEx.switches);
  lineStr(l, cstr(' idles='));
  lineDec(l, clientEx.idles);
  lineStr(l, cstr('\n'));
  lineWrite(l);
  DebugHalt(errors !== 0 ? 1 : 0);
}

export function client_up(ipcBuf: u64, info: u64): void {
  const b = bootInfo(info);
  if (clientOnHart1(b) === 0) clientMain(b);
}

export function client_smp(ipcBuf: u64, info: u64): void {
  const b = bootInfo(info);
  if (clientOnHart1(b) !== 0) clientMain(b);
}
