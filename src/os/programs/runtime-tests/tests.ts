// The user runtime's test suite (src/os/runtime; src/os/systems/runtime-tests.ts): the tester
// thread (hart 0) runs a table of named tests on its executor, with the peer thread (hart 1, or
// hart 0 on one hart) sending it user interrupts and serving its channel. One line per test
// (src/os/user/check.ts: "test NAME: ok" or "FAILED (what: got N = 0xN)") and a summary, then DebugHalt(failures); checked
// by test/async/runtime.test.ts.
import { Arr, Ptr, cstr, ptr, suspend, table, u16, u64, u8, uipi_send, zeroed } from '../../../gtsc/guest';
import { Channel, ChannelClient, ChannelServer, Item, call, clientInit, serverInit } from '../../runtime/channel';
import {
  Executor, IDLE_WAIT, MAX_COROUTINES, NO_COROUTINE, bindVector, currentCid, executorInit, run, runForever, spawn,
  thisExecutor, wake, yieldNow,
} from '../../runtime/executor';
import { Line, lineDec, lineStr, lineWrite } from '../../user/lib';
import { TEST_FAILED, check, expectEq, testBegin, testEnd } from '../../user/check';
import { DebugHalt, Signal, UintrRegisterReceiver, UintrRegisterSender, Wait } from '../../user/sys.gen';

// capability slots (src/os/systems/runtime-tests.ts)
const MY_UINTR = 1;
const PEER_UINTR = 2; // the other thread's notification, signal right (badge: bit 0)
const PEER_READY = 3;
const TESTER_READY = 4;
const GO_SEND = 5;

/** The bit the kicker's uipi SEND sets at the tester (its capability's badge); the channel's bit. */
const SEND_BIT = 5;
const CHANNEL_BIT = 0;
const ARENA = 1048576;

export let chan_base: u64 = 1;

const testerEx = zeroed<Executor>();
const peerEx = zeroed<Executor>();
const testerArena = zeroed<Arr<u8, 1048576>>();
const peerArena = zeroed<Arr<u8, 1048576>>();
const client = zeroed<ChannelClient>();
const server = zeroed<ChannelServer>();

// ---- the order coroutines ran in
const log = zeroed<Arr<u8, 64>>();
let logLength: u64 = 0;

function logChar(c: u64): void {
  if (logLength < 63) {
    log[logLength] = c;
    logLength++;
  }
}

function logIs(s: u64): u64 {
  let i = 0;
  while (ptr<u8>(s)[i] !== 0) {
    if (i >= logLength || log[i] !== ptr<u8>(s)[i]) return 0;
    i++;
  }
  return i === logLength ? 1 : 0;
}

// ================= the tests =================

let total: u64 = 0;

/** Adds k to the total in k steps, letting the others run between them. */
async function stepper(k: u64): Promise<void> {
  for (let i = 0; i < k; i++) {
    total += 1;
    await yieldNow();
  }
  logChar(48 + k);
}

function testRun(): u64 {
  const ex = testerEx;
  const s0 = ex.switches;
  total = 0;
  logLength = 0;
  for (let k = 1; k <= 3; k++) spawn(ex, stepper(k), 1);
  run(ex);
  expectEq(total, 6, cstr('the coroutines added 1 + 2 + 3'));
  expectEq(ex.counted, 0, cstr('run() returns when all have finished'));
  // each coroutine runs k + 1 times (k yields, then it finishes); stepper 1 finishes first
  expectEq(ex.switches - s0, 2 + 3 + 4, cstr('resumes'));
  check(logIs(cstr('123')), cstr('the order they finished in'), logLength);
  return 0;
}

const PRIOS = table<u64>([3, 0, 7, 0, 5]);

async function marker(c: u64): Promise<void> {
  logChar(c);
}

function testPriorities(): u64 {
  const ex = testerEx;
  logLength = 0;
  for (let i = 0; i < 5; i++) spawn(ex, marker(48 + i), PRIOS[i]);
  run(ex);
  // priority 0 first (spawn order within a priority), then 3, 5, 7
  check(logIs(cstr('13042')), cstr('run order by priority'), logLength);
  return 0;
}

let parked: u64 = 0;

async function parker(): Promise<void> {
  parked++;
  await suspend();
  parked--;
}

function testCapacity(): u64 {
  const ex = testerEx;
  const cids = zeroed<Arr<u16, 2048>>();
  for (let round = 0; round < 2; round++) {
    parked = 0;
    const arenaBefore = ex.arenaNext;
    // MAX_COROUTINES - 1 parkers and, at the lowest priority, the one that wakes them
    for (let i = 0; i < MAX_COROUTINES - 1; i++) cids[i] = spawn(ex, parker(), 2);
    spawn(ex, waker(cids), 7);
    expectEq(spawn(ex, parker(), 2), NO_COROUTINE, cstr('a coroutine beyond MAX_COROUTINES is refused'));
    let distinct = 1;
    for (let i = 1; i < MAX_COROUTINES - 1; i++) if (cids[i] === cids[i - 1] || cids[i] >= MAX_COROUTINES) distinct = 0;
    check(distinct, cstr('every coroutine has its own cid'), 0);
    run(ex);
    expectEq(parked, 0, cstr('every parked coroutine was woken and finished'));
    if (round === 1) expectEq(ex.arenaNext, arenaBefore, cstr('a second round reuses the frames'));
  }
  return 0;
}

/** Runs after the parkers (it has the lowest priority) and wakes every one of them. */
async function waker(cids: u64): Promise<void> {
  const ex = thisExecutor();
  for (let i = 0; i < MAX_COROUTINES - 1; i++) wake(ex, ptr<u16>(cids)[i]);
}

async function interrupted(): Promise<void> {
  // The kicker is told to send from here, not before the coroutine first runs: an interrupt that
  // came while the coroutine was still queued would wake a coroutine not yet parked (a no-op,
  // as in any executor: a coroutine that awaits rechecks its condition), and this one has no
  // condition to recheck. Sent from here, while it runs, the wake queues it once more.
  Signal(GO_SEND);
  await suspend(); // woken by the peer's user interrupt (bit SEND_BIT is bound to this coroutine)
  logChar(33);
}

function testUintrWake(): u64 {
  const ex = testerEx;
  logLength = 0;
  const taken = ex.uintrTaken;
  const idles = ex.idles;
  const cid = spawn(ex, interrupted(), 0);
  bindVector(ex, SEND_BIT, cid);
  run(ex);
  check(logIs(cstr('!')), cstr('the user interrupt woke the coroutine'), logLength);
  expectEq(ex.uintrTaken - taken, 1, cstr('the runtime counted one user interrupt'));
  check(ex.idles > idles ? 1 : 0, cstr('the thread had nothing to run and waited'), ex.idles - idles);
  bindVector(ex, SEND_BIT, NO_COROUTINE);
  return 0;
}

let calls: u64 = 0;
let wrong: u64 = 0;

/** Calls through the channel with all 16 message words set, and checks the echo. */
async function caller(k: u64, n: u64): Promise<void> {
  const req = zeroed<Item>();
  const rep = zeroed<Item>();
  for (let i = 0; i < n; i++) {
    req.info = k * 100 + i;
    for (let w = 0; w < 16; w++) req.msg[w] = k * 1000 + i * 16 + w;
    await call(client, req, rep);
    calls++;
    if (rep.cid !== currentCid() || rep.info !== req.info + 1) wrong++;
    for (let w = 0; w < 16; w++) if (rep.msg[w] !== ((req.msg[w] + w) & 0xffff)) wrong++;
  }
}

/** The peer's handler: info + 1, each word plus its index. */
function echo(request: Ptr<Item>, reply: Ptr<Item>): u64 {
  reply.info = request.info + 1;
  for (let w = 0; w < 16; w++) reply.msg[w] = request.msg[w] + w;
  return 1;
}

let notifyServer: u64 = 0;

function testChannel(): u64 {
  clientInit(client, ptr<Channel>(chan_base), notifyServer, CHANNEL_BIT, 0);
  calls = 0;
  wrong = 0;
  for (let k = 1; k <= 3; k++) spawn(testerEx, caller(k, 5), 1);
  run(testerEx);
  expectEq(calls, 15, cstr('calls answered'));
  expectEq(wrong, 0, cstr('wrong words in replies'));
  expectEq(server.served, 15, cstr('requests the server served'));
  return 0;
}

// ================= the threads =================

type Test = () => u64;
const TEST_NAMES = table<string>(['run', 'priorities', 'capacity', 'uintr_wake', 'channel']);
const TESTS = table<Test>([testRun, testPriorities, testCapacity, testUintrWake, testChannel]);
const TEST_COUNT = 5;

export function tester(buf: u64, info: u64): void {
  Wait(PEER_READY); // the peer receives user interrupts
  UintrRegisterReceiver(MY_UINTR);
  notifyServer = UintrRegisterSender(PEER_UINTR);
  Signal(TESTER_READY);
  Wait(PEER_READY); // its sender entry and its server are up
  executorInit(testerEx, testerArena, ARENA, MY_UINTR, IDLE_WAIT);
  const l = zeroed<Line>();
  let failed = 0;
  for (let i = 0; i < TEST_COUNT; i++) {
    testBegin();
    const t = TESTS[i];
    t();
    if (testEnd(l, TEST_NAMES[i], 0) === TEST_FAILED) failed++;
    lineWrite(l);
  }
  lineStr(l, cstr('runtime-tests: '));
  lineDec(l, TEST_COUNT - failed);
  lineStr(l, cstr(' passed, '));
  lineDec(l, failed);
  lineStr(l, cstr(' failed\n'));
  lineWrite(l);
  DebugHalt(failed);
}

export function peer(buf: u64, info: u64): void {
  UintrRegisterReceiver(MY_UINTR);
  Signal(PEER_READY);
  Wait(TESTER_READY);
  const notify = UintrRegisterSender(PEER_UINTR);
  executorInit(peerEx, peerArena, ARENA, MY_UINTR, IDLE_WAIT);
  serverInit(server, ptr<Channel>(chan_base), notify, CHANNEL_BIT, 0, echo);
  Signal(PEER_READY);
  runForever(peerEx);
}

/** Sends the tester a user interrupt (bit SEND_BIT) each time it is told to (no executor: it blocks in Wait). */
export function kicker(buf: u64, info: u64): void {
  Wait(GO_SEND); // the tester receives user interrupts by now
  const index = UintrRegisterSender(PEER_UINTR);
  while (true) {
    uipi_send(index);
    Wait(GO_SEND);
  }
}
