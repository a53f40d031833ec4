// The kernel's test suite, run by the `driver` thread of src/os/systems/kernel-tests.ts: a table
// of named tests (TESTS), each returning normally and reporting its first failed check. The
// output, one line per test ("test NAME: ok", "FAILED (...)" or "skipped (...)") and a summary,
// is checked by test/os/kernel-tests.test.ts; the run ends with DebugHalt(failures).
import {
  Arr, Ptr, asm, csr_clear, csr_set, cstr, ecall, i64, load64, load8, ptr, rdtime, store64, store8, table, u64,
  u8, uipi_send, zeroed,
} from '../../../gtsc/guest';
import { UserBootInfo } from '../../lib/userinfo';
import { TEST_FAILED, TEST_SKIPPED, check, expectEq, testBegin, testEnd } from '../../user/check';
import { Line, bootInfo, lineDec, lineStr, lineWrite, msgInfo, msgLabel, msgLength, uintrEnable } from '../../user/lib';
import {
  Call, DebugPutChar, DebugSetFastpath, DebugStat, DebugWrite, DebugHalt, E_BAD_ADDRESS, E_BUSY, E_INVALID_ARG,
  E_INVALID_CAP, E_NO_REPLY, E_NO_RIGHTS, E_NO_UINTR, E_NOT_BOUND, E_WOULD_BLOCK, E_WRONG_KIND, GetClock,
  IrqAck, KSTAT_CROSS_HART_WAKEUPS, KSTAT_FAULTS, KSTAT_TIMER_TICKS, KSTAT_FASTPATH_CALL, KSTAT_FASTPATH_REPLY_RECV,
  KSTAT_SLOWPATH_CALL, KSTAT_SLOWPATH_REPLY_RECV, KSTAT_UINTR_SIGNALS, KSTAT_UINTR_WAKEUPS, Msg, NBRecv, NBSend, NOTIFICATION_LABEL,
  Poll, Recv, Reply, ReplyRecv, Send, Signal, UintrRegisterReceiver, UintrRegisterSender, Wait, Yield,
} from '../../user/sys.gen';

// ---- the driver's capability slots (see the description)
const SERVER_EP = 1;
const FAST_EP = 2;
const CROSS_EP = 3;
const OTHER_EP = 4;
const SINK_EP = 5;
const NB_EP = 6;
const NOREPLY_EP = 7;
const EP_RECV_ONLY = 8;
const EP_SEND_ONLY = 9;
const NTFN_B1 = 10;
const NTFN_B4 = 11;
const NTFN_WAIT = 12;
const DONE = 13;
const EMPTY_SLOT = 14;
const BOUND_SIGNAL = 15;
const FAULTS = 16;
const SPARE_REPLY = 17;
const UINTR_WAIT = 18;
const UINTR_SIGNAL9 = 19;
const UART_WAIT = 20;
const UART_IRQ = 21;
const SENT = 22;
const BW_EP = 23;
const DRIVER_REPLY = 24;
const GO_LATE = 30;
const GO_SIG = 31;
const START_HI = 32;
const START_LO = 33;
const LO_DONE = 34;
const RR_GO_A = 35;
const RR_GO_B = 36;
const Y_GO_A = 37;
const Y_GO_B = 38;
const GO_FAULT1 = 39;
const GO_EXIT = 43;
const GO_SEND = 44;
const GO_PEER = 45;
const BEYOND_TABLE = 200;
// helpers' slots
const GO = 1;
const HELPER_DONE = 2;

const UART_IER = 1;
const UART_IIR = 2;
const IER_THRI = 2;
const UART_BIT = 1 << 3;
const SEND_BIT = 1 << 5;
const SIGNAL_BIT = 1 << 9;
const PEER_BIT = 1 << 6;
/** How long uintr_sender waits before sending when the driver must block first: 1 ms of mtime. */
const SEND_DELAY_TICKS = 10000;
/** How long a spinning check waits before it fails: 0.5 s of mtime at 10 MHz. */
const TIMEOUT_TICKS = 5000000;

/** Set by the image builder (setvar): where the UART is mapped in this space. */
export let uart_base: u64 = 1;
/** The shared region: its virtual address here (setvar) and its physical address (setpaddr). */
export let shared_base: u64 = 1;
export let shared_paddr: u64 = 1;
/** What debug_write leaves in the shared region for the host to find at shared_paddr. */
const SHARED_MAGIC = 0x5eed0f5a4ed;

// ---- state shared between the driver and its helpers (one address space)
let bootInfoAddr: u64 = 0;
const log = zeroed<Arr<u8, 64>>();
let logLength: u64 = 0;
const got = zeroed<Msg>(); // what a helper received
let gotWord4: u64 = 0;
let gotWord5: u64 = 0;
let helperResult: i64 = 0;
const spinCount = zeroed<Arr<u64, 2>>();
const spinSeen = zeroed<Arr<u64, 2>>();
let uintrBits: u64 = 0;
let uintrTaken: u64 = 0;
let senderIndex: i64 = 0;
let senderBusy: i64 = 0;
let senderDelay: u64 = 0;
let peerIndex: i64 = 0;
let ipcBuffer: u64 = 0;

function boot(): Ptr<UserBootInfo> {
  return ptr<UserBootInfo>(bootInfoAddr);
}

function logChar(c: u64): void {
  if (logLength < 63) {
    log[logLength] = c;
    logLength++;
    log[logLength] = 0;
  }
}

function logIs(s: u64): u64 {
  let i = 0;
  while (load8(s + i) !== 0) {
    if (i >= logLength || log[i] !== load8(s + i)) return 0;
    i++;
  }
  return i === logLength ? 1 : 0;
}

function stat(which: u64): u64 {
  return DebugStat(which);
}

function setMsg(m: Ptr<Msg>, label: u64, length: u64, base: u64): void {
  m.info = msgInfo(label, length);
  for (let i = 0; i < 4; i++) m.mr[i] = base + i;
  for (let i = 4; i < length; i++) store64(ipcBuffer + 8 * i, base + i);
}

// ================= helpers (each its own thread) =================

/** Doubles every message register and adds the badge; label + 1; IPC-buffer words times 3. */
export function server(buf: u64): void {
  const m = zeroed<Msg>();
  const spare = zeroed<Msg>();
  Recv(1, 2, m);
  while (true) {
    const len = msgLength(m.info);
    for (let i = 0; i < 4; i++) m.mr[i] = m.mr[i] * 2 + m.badge;
    for (let i = 4; i < len; i++) store64(buf + 8 * i, load64(buf + 8 * i) * 3);
    helperResult = NBRecv(1, 2, spare); // E_BUSY: the reply object still holds the caller
    m.info = msgInfo(msgLabel(m.info) + 1, len);
    if (msgLabel(m.info) === 8) {
      // label 7 came in: answer with Reply, then wait with Recv
      Reply(2, m);
      Recv(1, 2, m);
    } else ReplyRecv(1, 2, m);
  }
}

/** The fast-path server: mr[i] ← mr[i] + 1000·i + badge, label ← label + 100. */
export function fast_server(buf: u64): void {
  const m = zeroed<Msg>();
  Recv(1, 2, m);
  while (true) {
    for (let i = 0; i < 4; i++) m.mr[i] = m.mr[i] + 1000 * i + m.badge;
    m.info = msgInfo(msgLabel(m.info) + 100, msgLength(m.info));
    ReplyRecv(1, 2, m);
  }
}

/** Records what it receives, then signals done. */
export function sink(buf: u64): void {
  while (true) {
    const r = Recv(1, 0, got);
    gotWord4 = load64(buf + 32);
    gotWord5 = load64(buf + 40);
    helperResult = r;
    Signal(HELPER_DONE);
  }
}

/** Sends on nb_ep when told to (blocking: nobody receives until the driver does). */
export function late(buf: u64): void {
  const m = zeroed<Msg>();
  while (true) {
    Wait(GO);
    m.info = msgInfo(5, 2);
    m.mr[0] = 0xabc;
    m.mr[1] = 0xdef;
    helperResult = Send(3, m);
    Signal(HELPER_DONE);
  }
}

/** Receives without a reply object: a Call to it cannot be answered. */
export function noreply(buf: u64): void {
  while (true) {
    helperResult = Recv(1, 0, got);
    Signal(HELPER_DONE);
  }
}

export function sig_later(buf: u64): void {
  while (true) {
    Wait(GO);
    Signal(2);
  }
}

/** Waits for messages that never come; its bound notification ends the wait. */
export function bound_waiter(buf: u64): void {
  while (true) {
    helperResult = Recv(1, 0, got);
    Signal(HELPER_DONE);
  }
}

export function hi(buf: u64): void {
  while (true) {
    Wait(GO);
    logChar(72); // H
  }
}

export function lo(buf: u64): void {
  while (true) {
    Wait(GO);
    logChar(76); // L
    Signal(2);
  }
}

/**
 * Round robin: both spinners count until each has seen the other's count move, which
 * only time slices can bring about (neither ever blocks or yields while it spins).
 */
export function spinner(buf: u64, bi: u64, which: u64): void {
  const other = 1 - which;
  while (true) {
    Wait(GO);
    spinCount[which] = 0;
    spinSeen[which] = 0;
    let last = spinCount[other];
    const start = rdtime();
    while ((spinSeen[0] === 0 || spinSeen[1] === 0) && rdtime() - start < TIMEOUT_TICKS) {
      spinCount[which] = spinCount[which] + 1;
      const now = spinCount[other];
      if (now !== last) {
        spinSeen[which] = spinSeen[which] + 1;
        last = now;
      }
    }
    Signal(HELPER_DONE);
  }
}

export function yielder(buf: u64, bi: u64, letter: u64): void {
  while (true) {
    Wait(GO);
    for (let i = 0; i < 3; i++) {
      logChar(letter);
      Yield();
    }
    Signal(HELPER_DONE);
  }
}

// Faulters: the instruction that faults carries a global label the host test looks up.
export function fault_load_kernel(buf: u64): void {
  Wait(GO);
  asm('.globl fault_load_pc\nfault_load_pc:\nld {d}, 0({0})', 0x80200000);
}

export function fault_store_text(buf: u64): void {
  Wait(GO);
  asm('.globl fault_store_pc\nfault_store_pc:\nsd {1}, 0({0})', fnaddrOf(), 7);
}

function fnaddrOf(): u64 {
  return asm('la {d}, fault_store_text');
}

export function fault_bad_syscall(buf: u64): void {
  Wait(GO);
  ecall(99, 1);
}

export function fault_illegal(buf: u64): void {
  Wait(GO);
  asm('.globl fault_illegal_pc\nfault_illegal_pc:\ncsrr {d}, sstatus');
}

/** Returns from its entry function: the thread exits through __thread_exit, no fault. */
export function exiter(buf: u64): void {
  Wait(GO);
  Signal(HELPER_DONE);
}

/** Registers as a sender of uintr_ntfn and sends one user interrupt when told to. */
export function uintr_sender(buf: u64): void {
  while (true) {
    Wait(GO);
    senderBusy = UintrRegisterReceiver(4); // the driver is the receiver already: E_BUSY
    senderIndex = UintrRegisterSender(2);
    const start = rdtime();
    while (rdtime() - start < senderDelay) {}
    if (senderIndex >= 0) uipi_send(senderIndex);
    Signal(3);
  }
}

/**
 * A receiver of its own notification on the driver's hart that sends the driver a user
 * interrupt when told to: while it runs, the hart's USIP line is its own, so the driver,
 * blocked in Wait, is woken when this thread next enters the kernel (its Signal).
 */
export function uintr_peer(buf: u64): void {
  while (true) {
    Wait(GO);
    UintrRegisterReceiver(3);
    peerIndex = UintrRegisterSender(2);
    if (peerIndex >= 0) uipi_send(peerIndex);
    Signal(4);
  }
}

// ================= the tests =================

function testDebugWrite(): u64 {
  const text = cstr('debug_write: a line through DebugWrite\n');
  expectEq(DebugWrite(text, 39), 39, cstr('DebugWrite of own memory returns its length'));
  expectEq(DebugPutChar(10), 0, cstr('DebugPutChar returns 0'));
  expectEq(DebugWrite(text, 0), 0, cstr('an empty write'));
  expectEq(DebugWrite(0x80200000, 8), E_BAD_ADDRESS, cstr('a pointer into the kernel'));
  const m = zeroed<Msg>();
  m.info = msgInfo(0, 0);
  expectEq(Call(OTHER_EP, m), 0, cstr('calling the other space'));
  expectEq(m.mr[1], 21, cstr("the other space's own DebugWrite of its pointer"));
  expectEq(DebugWrite(m.mr[0], 8), E_BAD_ADDRESS, cstr("a pointer into another space's memory"));
  expectEq(DebugWrite(bootInfoAddr + 0x3000000, 8), E_BAD_ADDRESS, cstr('an unmapped address of the own window'));
  expectEq(DebugWrite(ipcBuffer + 4092, 8), E_BAD_ADDRESS, cstr('a range running off the end of a mapping'));
  expectEq(DebugWrite(bootInfoAddr + 0xff8, 16), E_BAD_ADDRESS, cstr('a range crossing into the next mapping'));
  expectEq(load64(shared_base), 0, cstr('the shared region starts zeroed'));
  store64(shared_base, SHARED_MAGIC);
  store8(shared_base + 0x1fff, 10);
  expectEq(DebugWrite(shared_base + 0x1fff, 1), 1, cstr("the shared region's last byte is the space's own"));
  expectEq(DebugWrite(shared_paddr, 8), E_BAD_ADDRESS, cstr('a physical address is not a user pointer'));
  return 0;
}

function testCapabilities(): u64 {
  const m = zeroed<Msg>();
  expectEq(Signal(BEYOND_TABLE), E_INVALID_CAP, cstr('a slot beyond the table'));
  expectEq(Signal(EMPTY_SLOT), E_INVALID_CAP, cstr('an empty slot'));
  expectEq(Signal(0), E_INVALID_CAP, cstr('the null slot'));
  expectEq(Signal(SERVER_EP), E_WRONG_KIND, cstr('Signal on an endpoint'));
  expectEq(Wait(SERVER_EP), E_WRONG_KIND, cstr('Wait on an endpoint'));
  expectEq(Poll(SERVER_EP), E_WRONG_KIND, cstr('Poll on an endpoint'));
  expectEq(Call(NTFN_B1, m), E_WRONG_KIND, cstr('Call on a notification'));
  expectEq(Send(NTFN_B1, m), E_WRONG_KIND, cstr('Send on a notification'));
  expectEq(NBSend(NTFN_B1, m), E_WRONG_KIND, cstr('NBSend on a notification'));
  expectEq(Recv(NTFN_WAIT, 0, m), E_WRONG_KIND, cstr('Recv on a notification'));
  expectEq(NBRecv(NTFN_WAIT, 0, m), E_WRONG_KIND, cstr('NBRecv on a notification'));
  expectEq(NBRecv(NB_EP, NTFN_WAIT, m), E_WRONG_KIND, cstr('a notification as the reply object'));
  expectEq(Reply(SERVER_EP, m), E_WRONG_KIND, cstr('Reply with an endpoint'));
  expectEq(ReplyRecv(NB_EP, NTFN_WAIT, m), E_WRONG_KIND, cstr('ReplyRecv with a notification as the reply object'));
  expectEq(ReplyRecv(NTFN_WAIT, SPARE_REPLY, m), E_WRONG_KIND, cstr('ReplyRecv on a notification'));
  expectEq(IrqAck(NTFN_WAIT), E_WRONG_KIND, cstr('IrqAck with a notification'));
  expectEq(UintrRegisterReceiver(SERVER_EP), E_WRONG_KIND, cstr('UintrRegisterReceiver with an endpoint'));
  expectEq(UintrRegisterSender(SERVER_EP), E_WRONG_KIND, cstr('UintrRegisterSender with an endpoint'));
  expectEq(Send(EP_RECV_ONLY, m), E_NO_RIGHTS, cstr('Send without the send right'));
  expectEq(Call(EP_RECV_ONLY, m), E_NO_RIGHTS, cstr('Call without the send right'));
  expectEq(Recv(EP_SEND_ONLY, 0, m), E_NO_RIGHTS, cstr('Recv without the receive right'));
  expectEq(ReplyRecv(EP_SEND_ONLY, SPARE_REPLY, m), E_NO_RIGHTS, cstr('ReplyRecv without the receive right'));
  expectEq(Signal(NTFN_WAIT), E_NO_RIGHTS, cstr('Signal without the signal right'));
  expectEq(Wait(NTFN_B1), E_NO_RIGHTS, cstr('Wait without the wait right'));
  expectEq(Poll(NTFN_B1), E_NO_RIGHTS, cstr('Poll without the wait right'));
  expectEq(UintrRegisterReceiver(NTFN_B1), E_NO_RIGHTS, cstr('UintrRegisterReceiver without the wait right'));
  expectEq(UintrRegisterSender(NTFN_WAIT), E_NO_RIGHTS, cstr('UintrRegisterSender without the signal right'));
  expectEq(Reply(SPARE_REPLY, m), E_NO_REPLY, cstr('Reply with no caller'));
  m.info = msgInfo(0, 121);
  expectEq(Call(SERVER_EP, m), E_INVALID_ARG, cstr('a 121-word Call'));
  expectEq(Send(NB_EP, m), E_INVALID_ARG, cstr('a 121-word Send'));
  expectEq(DebugStat(1000), E_INVALID_ARG, cstr('DebugStat of no counter'));
  return 0;
}

function testSendRecv(): u64 {
  const m = zeroed<Msg>();
  expectEq(NBRecv(NB_EP, 0, m), E_WOULD_BLOCK, cstr('NBRecv with no sender'));
  expectEq(NBSend(NB_EP, m), E_WOULD_BLOCK, cstr('NBSend with no receiver'));
  // Send to a waiting receiver (the sink runs at once: it has the higher priority)
  setMsg(m, 9, 6, 100);
  expectEq(Send(SINK_EP, m), 0, cstr('Send'));
  expectEq(helperResult, 0x1234, cstr("the receiver's badge"));
  expectEq(got.info, msgInfo(9, 6), cstr('the message info'));
  expectEq(got.mr[0] + got.mr[1] + got.mr[2] + got.mr[3], 406, cstr('message registers 0..3'));
  expectEq(gotWord4 + gotWord5, 209, cstr('message words 4 and 5 through the IPC buffers'));
  Wait(DONE);
  setMsg(m, 10, 1, 7);
  expectEq(NBSend(SINK_EP, m), 0, cstr('NBSend to a waiting receiver'));
  expectEq(got.mr[0], 7, cstr('what NBSend delivered'));
  Wait(DONE);
  // a blocked sender: `late` sends on nb_ep and waits until the driver receives
  Signal(GO_LATE);
  expectEq(NBRecv(NB_EP, 0, m), 0x77, cstr("NBRecv from a waiting sender: its badge"));
  expectEq(m.mr[0] + m.mr[1], 0xabc + 0xdef, cstr('the waiting sender\'s message'));
  Wait(DONE);
  expectEq(helperResult, 0, cstr('the blocked Send completes with 0'));
  return 0;
}

function testCallReply(): u64 {
  const m = zeroed<Msg>();
  setMsg(m, 3, 8, 10);
  expectEq(Call(SERVER_EP, m), 0, cstr('Call'));
  expectEq(m.info, msgInfo(4, 8), cstr('the reply info'));
  expectEq(m.mr[0], 10 * 2 + 0x51, cstr('reply register 0'));
  expectEq(m.mr[3], 13 * 2 + 0x51, cstr('reply register 3'));
  expectEq(load64(ipcBuffer + 8 * 7), 17 * 3, cstr('reply word 7 through the IPC buffers'));
  expectEq(helperResult, E_BUSY, cstr('NBRecv with a reply object that holds a caller'));
  setMsg(m, 7, 2, 1);
  expectEq(Call(SERVER_EP, m), 0, cstr('Call answered by Reply'));
  expectEq(m.info, msgInfo(8, 2), cstr('the Reply syscall\'s message'));
  expectEq(m.mr[1], 2 * 2 + 0x51, cstr('Reply register 1'));
  setMsg(m, 1, 1, 5);
  expectEq(Call(NOREPLY_EP, m), E_NO_REPLY, cstr('Call to a receiver with no reply object'));
  Wait(DONE);
  expectEq(got.mr[0], 5, cstr('that receiver still got the message'));
  return 0;
}

/** n Calls to the fast server; the replies are written to out (6 words each). */
function fastCalls(n: u64, length: u64, out: Ptr<u64>): void {
  const m = zeroed<Msg>();
  for (let i = 0; i < n; i++) {
    setMsg(m, i, length, i * 10);
    const r = Call(FAST_EP, m);
    out[6 * i] = r;
    out[6 * i + 1] = m.info;
    for (let k = 0; k < 4; k++) out[6 * i + 2 + k] = m.mr[k];
  }
}

const fastResults = zeroed<Arr<u64, 96>>();
const slowResults = zeroed<Arr<u64, 96>>();

function testFastpath(): u64 {
  const n = 16;
  const fc0 = stat(KSTAT_FASTPATH_CALL);
  const fr0 = stat(KSTAT_FASTPATH_REPLY_RECV);
  const sc0 = stat(KSTAT_SLOWPATH_CALL);
  const sr0 = stat(KSTAT_SLOWPATH_REPLY_RECV);
  fastCalls(n, 4, fastResults);
  expectEq(stat(KSTAT_FASTPATH_CALL) - fc0, n, cstr('every Call took the fast path'));
  expectEq(stat(KSTAT_FASTPATH_REPLY_RECV) - fr0, n, cstr('every ReplyRecv took the fast path'));
  expectEq(stat(KSTAT_SLOWPATH_CALL) - sc0, 0, cstr('no Call took the slow path'));
  expectEq(DebugSetFastpath(0), 1, cstr('the fast path was on'));
  fastCalls(n, 4, slowResults);
  expectEq(DebugSetFastpath(1), 0, cstr('the fast path was off'));
  expectEq(stat(KSTAT_FASTPATH_CALL) - fc0, n, cstr('no fast-path Call while it is off'));
  expectEq(stat(KSTAT_SLOWPATH_CALL) - sc0, n, cstr('the slow path took every Call'));
  expectEq(stat(KSTAT_SLOWPATH_REPLY_RECV) - sr0, n, cstr('the slow path took every ReplyRecv'));
  for (let i = 0; i < 6 * n; i++) expectEq(slowResults[i], fastResults[i], cstr('the slow path gives the fast path\'s results'));
  expectEq(fastResults[6 * 3 + 2], 30 + 0x52, cstr('reply register 0 of call 3'));
  expectEq(fastResults[6 * 3 + 5], 33 + 3000 + 0x52, cstr('reply register 3 of call 3'));
  expectEq(fastResults[6 * 3 + 1], msgInfo(103, 4), cstr('reply info of call 3'));
  // a 5-word message does not fit in registers: the slow path, the same kind of answer
  const c0 = stat(KSTAT_FASTPATH_CALL);
  fastCalls(1, 5, slowResults);
  expectEq(stat(KSTAT_FASTPATH_CALL) - c0, 0, cstr('a 5-word Call leaves the fast path'));
  expectEq(slowResults[2], 0 + 0x52, cstr('the 5-word call\'s reply'));
  return 0;
}

function testCrossHart(): u64 {
  if (boot().harts < 2) return cstr('one hart');
  const w0 = stat(KSTAT_CROSS_HART_WAKEUPS);
  const f0 = stat(KSTAT_FASTPATH_CALL);
  const m = zeroed<Msg>();
  for (let i = 0; i < 8; i++) {
    setMsg(m, i, 4, i);
    expectEq(Call(CROSS_EP, m), 0, cstr('a Call to the server on hart 1'));
    expectEq(m.mr[2], i + 2 + 2000 + 0x53, cstr('its reply'));
    expectEq(m.info, msgInfo(i + 100, 4), cstr('its reply info'));
  }
  // Each reply wakes the driver, blocked in its Call, on hart 0: 8 wakeups at least. A call wakes
  // the server on hart 1 only if it is already back in its ReplyRecv; with harts truly in
  // parallel (QEMU, hardware) it may still be on its way and find the call queued: not counted.
  check(stat(KSTAT_CROSS_HART_WAKEUPS) - w0 >= 8 ? 1 : 0, cstr('every reply (and most calls) woke a thread on the other hart'), stat(KSTAT_CROSS_HART_WAKEUPS) - w0);
  expectEq(stat(KSTAT_FASTPATH_CALL) - f0, 0, cstr('cross-hart calls never take the fast path'));
  return 0;
}

function testNotifications(): u64 {
  expectEq(Poll(NTFN_WAIT), 0, cstr('Poll of an empty notification'));
  Signal(NTFN_B1);
  Signal(NTFN_B4);
  Signal(NTFN_B1);
  expectEq(Wait(NTFN_WAIT), 5, cstr('Wait returns the OR of the badges'));
  Signal(NTFN_B4);
  expectEq(Poll(NTFN_WAIT), 4, cstr('Poll returns the word'));
  expectEq(Poll(NTFN_WAIT), 0, cstr('... and clears it'));
  Signal(GO_SIG); // sig_later (lower priority) signals badge 4 once the driver waits
  expectEq(Wait(NTFN_WAIT), 4, cstr('a Wait woken by a signal'));
  Signal(BOUND_SIGNAL);
  Wait(DONE);
  expectEq(helperResult, 0x30, cstr("a bound notification ends the thread's Recv with the badge"));
  expectEq(msgLabel(got.info), NOTIFICATION_LABEL, cstr('... labelled as a notification'));
  return 0;
}

function testPriorities(): u64 {
  logLength = 0;
  logChar(49); // 1
  Signal(START_HI); // hi (200) runs before Signal returns
  logChar(50); // 2
  Signal(START_LO); // lo (50) waits until the driver blocks
  logChar(51); // 3
  Wait(LO_DONE);
  logChar(52); // 4
  check(logIs(cstr('1H23L4')), cstr('the order 1H23L4'), logLength);
  return 0;
}

function testRoundRobin(): u64 {
  Signal(RR_GO_A);
  Signal(RR_GO_B);
  Wait(DONE);
  Wait(DONE);
  check(spinSeen[0] >= 1 && spinSeen[1] >= 1 ? 1 : 0, cstr('each spinner saw the other run (time slices, round robin)'), spinSeen[0] * 100 + spinSeen[1]);
  // A timer tick ends the running thread's slice (1 tick), which reorders the letters as Yield
  // would not: on hardware or QEMU a tick can land anywhere in the phase, so the phase is run
  // again (up to 5 times) until one run has no tick in it, and that run is checked.
  let ticked = 1;
  for (let attempt = 0; attempt < 5 && ticked !== 0; attempt++) {
    const ticks = stat(KSTAT_TIMER_TICKS);
    logLength = 0;
    Signal(Y_GO_A);
    Signal(Y_GO_B);
    Wait(DONE);
    Wait(DONE);
    ticked = stat(KSTAT_TIMER_TICKS) - ticks;
  }
  check(ticked === 0 ? logIs(cstr('ababab')) : 0, cstr('Yield alternates threads of one priority: ababab'), logLength);
  return 0;
}

function testFaults(): u64 {
  const f0 = stat(KSTAT_FAULTS);
  for (let k = 0; k < 4; k++) {
    Signal(GO_FAULT1 + k);
    expectEq(Wait(FAULTS), 1 << (k + 1), cstr('the fault notification names the faulter'));
  }
  expectEq(stat(KSTAT_FAULTS) - f0, 4, cstr('four faults counted'));
  const m = zeroed<Msg>();
  setMsg(m, 1, 1, 3);
  expectEq(Call(SERVER_EP, m), 0, cstr('the other threads go on'));
  expectEq(m.mr[0], 3 * 2 + 0x51, cstr('... and answer'));
  return 0;
}

function testThreadExit(): u64 {
  const f0 = stat(KSTAT_FAULTS);
  Signal(GO_EXIT);
  Wait(DONE);
  Yield();
  expectEq(stat(KSTAT_FAULTS) - f0, 0, cstr('returning from the entry function is not a fault'));
  return 0;
}

function testClock(): u64 {
  const a = GetClock();
  let x = 0;
  for (let i = 0; i < 100; i++) x += i;
  const b = GetClock();
  check(b > a ? 1 : 0, cstr('GetClock advances'), b - a);
  check(x === 4950 ? 1 : 0, cstr('arithmetic'), x);
  return 0;
}

function testBootargs(): u64 {
  let n = 0;
  while (boot().bootargs[n] !== 0) n++;
  expectEq(n, boot().bootargsLength, cstr('the boot arguments are NUL-terminated at their length'));
  return 0;
}

/** The user-interrupt handler of the driver (uintr-entry.S calls it with the pending bits). */
export function onUintr(bits: u64): void {
  uintrBits = uintrBits | bits;
  uintrTaken++;
  if ((bits & UART_BIT) !== 0) store8(uart_base + UART_IER, 0); // the UART is served: quiet it
}

function waitForBits(bits: u64): u64 {
  const start = rdtime();
  while ((uintrBits & bits) !== bits && rdtime() - start < TIMEOUT_TICKS) {}
  return (uintrBits & bits) === bits ? 1 : 0;
}

function testUintrRegistration(): u64 {
  if (boot().uintr === 0) {
    expectEq(UintrRegisterReceiver(UINTR_WAIT), E_NO_UINTR, cstr('UintrRegisterReceiver without user interrupts'));
    expectEq(UintrRegisterSender(UINTR_SIGNAL9), E_NO_UINTR, cstr('UintrRegisterSender without user interrupts'));
    return 0;
  }
  expectEq(UintrRegisterSender(UINTR_SIGNAL9), E_NOT_BOUND, cstr('a sender before the notification has a receiver'));
  const idx = UintrRegisterReceiver(UINTR_WAIT);
  check(idx >= 0 ? 1 : 0, cstr('UintrRegisterReceiver gives a UINTC index'), idx);
  expectEq(UintrRegisterReceiver(UINTR_WAIT), idx, cstr('registering again gives the same index'));
  uintrEnable(onUintr);
  return 0;
}

function testUintrSend(): u64 {
  if (boot().uintr === 0) return cstr('no user interrupts on this machine');
  uintrBits = 0;
  const taken = uintrTaken;
  Signal(GO_SEND);
  // on two harts or more the sender runs on hart 1 while this thread spins in user mode: the
  // interrupt arrives with no kernel entry here; on one hart it is pending when we resume
  if (boot().harts < 2) Wait(SENT);
  check(waitForBits(SEND_BIT), cstr("the sender's uipi SEND arrives as a user interrupt"), uintrBits);
  if (boot().harts >= 2) Wait(SENT);
  check(senderIndex >= 0 ? 1 : 0, cstr('UintrRegisterSender gives a sender-table index'), senderIndex);
  expectEq(senderBusy, E_BUSY, cstr('a second receiver for the same notification'));
  check(uintrTaken > taken ? 1 : 0, cstr('the handler ran'), uintrTaken - taken);
  return 0;
}

function testUintrSignal(): u64 {
  if (boot().uintr === 0) return cstr('no user interrupts on this machine');
  const s0 = stat(KSTAT_UINTR_SIGNALS);
  uintrBits = 0;
  Signal(UINTR_SIGNAL9);
  check(waitForBits(SIGNAL_BIT), cstr('Signal of a notification with a receiver arrives as a user interrupt'), uintrBits);
  expectEq(stat(KSTAT_UINTR_SIGNALS) - s0, 1, cstr('the kernel turned the signal into a pending bit'));
  // with user interrupts masked, the bit waits; Wait returns at once because it is pending
  csr_clear('ustatus', 1);
  uintrBits = 0;
  Signal(UINTR_SIGNAL9);
  expectEq(Wait(UINTR_WAIT), 0, cstr('Wait returns at once while bits are pending'));
  expectEq(uintrBits, 0, cstr('no interrupt while UIE is clear'));
  csr_set('ustatus', 1);
  check(waitForBits(SIGNAL_BIT), cstr('the pending bit is delivered once UIE is set'), uintrBits);
  return 0;
}

/**
 * A receiver blocked in Wait is woken by a uipi SEND: from hart 1 while its own hart idles, or
 * (one hart) from a thread that takes no user interrupts, while the kernel holds the line.
 */
function testUintrWait(): u64 {
  if (boot().uintr === 0) return cstr('no user interrupts on this machine');
  const w0 = stat(KSTAT_UINTR_WAKEUPS);
  csr_clear('ustatus', 1);
  uintrBits = 0;
  senderDelay = SEND_DELAY_TICKS; // this thread is blocked in Wait well before the send
  Signal(GO_SEND);
  expectEq(Wait(UINTR_WAIT), 0, cstr('Wait returns once the SEND arrives'));
  expectEq(stat(KSTAT_UINTR_WAKEUPS) - w0, 1, cstr('the kernel woke the waiting receiver'));
  expectEq(uintrBits, 0, cstr('no interrupt while UIE is clear'));
  csr_set('ustatus', 1);
  check(waitForBits(SEND_BIT), cstr('the sent bit is delivered once UIE is set'), uintrBits);
  Wait(SENT);
  senderDelay = 0;
  return 0;
}

/** The same with the sender a receiver on this hart: the kernel looks at its next entry. */
function testUintrWaitPeer(): u64 {
  if (boot().uintr === 0) return cstr('no user interrupts on this machine');
  const w0 = stat(KSTAT_UINTR_WAKEUPS);
  csr_clear('ustatus', 1);
  uintrBits = 0;
  Signal(GO_PEER);
  expectEq(Wait(UINTR_WAIT), 0, cstr('Wait returns after the peer sent'));
  check(peerIndex >= 0 ? 1 : 0, cstr('the peer registered as a sender'), peerIndex);
  expectEq(stat(KSTAT_UINTR_WAKEUPS) - w0, 1, cstr('the kernel woke the waiting receiver'));
  csr_set('ustatus', 1);
  check(waitForBits(PEER_BIT), cstr("the peer's bit is delivered once UIE is set"), uintrBits);
  Wait(SENT);
  return 0;
}

function testIrqNotification(): u64 {
  const uart = uart_base;
  store8(uart + UART_IER, IER_THRI); // the transmitter is empty: the UART raises IRQ 10
  expectEq(Wait(UART_WAIT), UART_BIT, cstr('the IRQ signals its notification with its badge'));
  store8(uart + UART_IER, 0);
  load8(uart + UART_IIR);
  expectEq(IrqAck(UART_IRQ), 0, cstr('IrqAck'));
  expectEq(Poll(UART_WAIT), 0, cstr('no further IRQ once the UART is quiet'));
  return 0;
}

function testIrqUintr(): u64 {
  if (boot().uintr === 0) return cstr('no user interrupts on this machine');
  check(UintrRegisterReceiver(UART_WAIT) >= 0 ? 1 : 0, cstr('the driver receives the UART notification too'), 0);
  uintrBits = 0;
  store8(uart_base + UART_IER, IER_THRI);
  check(waitForBits(UART_BIT), cstr('the UART IRQ arrives as a user interrupt'), uintrBits);
  expectEq(IrqAck(UART_IRQ), 0, cstr('IrqAck after the handler quieted the UART'));
  return 0;
}

// ================= the table =================
/** A test: 0 when it ran (its checks say whether it passed), or why it was skipped. */
type Test = () => u64;

/** The tests in the order they run: names and functions (returning 0, or why they were skipped). */
const TEST_NAMES = table<string>([
  'debug_write', 'capabilities', 'send_recv', 'call_reply', 'fastpath', 'cross_hart', 'notifications', 'priorities',
  'round_robin', 'faults', 'thread_exit', 'get_clock', 'bootargs', 'irq_notification', 'uintr_register', 'uintr_send',
  'uintr_signal', 'uintr_wait', 'uintr_wait_peer', 'irq_uintr',
]);
const TESTS = table<Test>([
  testDebugWrite, testCapabilities, testSendRecv, testCallReply, testFastpath, testCrossHart, testNotifications, testPriorities,
  testRoundRobin, testFaults, testThreadExit, testClock, testBootargs, testIrqNotification, testUintrRegistration, testUintrSend,
  testUintrSignal, testUintrWait, testUintrWaitPeer, testIrqUintr,
]);
const TEST_COUNT = 20;

export function driver(buf: u64, bi: u64): void {
  ipcBuffer = buf;
  bootInfoAddr = bootInfo(bi);
  const l = zeroed<Line>();
  lineStr(l, cstr('kernel-tests: '));
  lineDec(l, boot().harts);
  lineStr(l, cstr(' harts, user interrupts '));
  lineStr(l, boot().uintr !== 0 ? cstr('available') : cstr('not available'));
  lineStr(l, cstr(", bootargs '"));
  lineStr(l, boot().bootargs);
  lineStr(l, cstr("'\n"));
  lineWrite(l);
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  for (let i = 0; i < TEST_COUNT; i++) {
    testBegin();
    const run = TESTS[i];
    const outcome = testEnd(l, TEST_NAMES[i], run());
    if (outcome === TEST_FAILED) failed++;
    else if (outcome === TEST_SKIPPED) skipped++;
    else passed++;
    lineWrite(l);
  }
  lineStr(l, cstr('kernel-tests: '));
  lineDec(l, passed);
  lineStr(l, cstr(' passed, '));
  lineDec(l, failed);
  lineStr(l, cstr(' failed, '));
  lineDec(l, skipped);
  lineStr(l, cstr(' skipped\n'));
  lineWrite(l);
  DebugHalt(failed);
}
