// sync-ipc: cycles per Call+Reply round trip, from the client's cycle counter (rdcycle before
// and after N calls, divided by N), after a warm-up. The server answers with ReplyRecv.
import { Ptr, cstr, i64, load8, rdcycle, u64, zeroed } from '../../../gtsc/guest';
import { UserBootInfo } from '../../lib/userinfo';
import { Line, bootArgument, bootInfo, bootNumber, lineDec, lineStr, lineWrite, msgInfo } from '../../user/lib';
import { Call, DebugHalt, DebugSetFastpath, DebugStat, KSTAT_FASTPATH_CALL, Msg, Recv, ReplyRecv, Signal, Wait } from '../../user/sys.gen';

const SERVICE = 1;
const ANSWER = 2;
const GO = 2;
const DONE = 3;
const WARMUP = 16;

/** calls=N from the boot arguments (default 1000). */
function callsWanted(b: Ptr<UserBootInfo>): u64 {
  const at = bootArgument(b, cstr('calls='));
  if (at < 0) return 1000;
  const n = bootNumber(b, at);
  return n > 0 ? n : 1000;
}

/** 1 when paths=... is absent or names the path (its first letter: f, s or c) as in paths=fsc. */
function pathWanted(b: Ptr<UserBootInfo>, letter: u64): u64 {
  const at = bootArgument(b, cstr('paths='));
  if (at < 0) return 1;
  for (let j = at; j < b.bootargsLength && b.bootargs[j] !== 32; j++) if (b.bootargs[j] === letter) return 1;
  return 0;
}

export function server(ipcBuf: u64): void {
  const m = zeroed<Msg>();
  Recv(SERVICE, ANSWER, m);
  while (true) {
    m.mr[0] = m.mr[0] + 1;
    m.info = msgInfo(0, 1);
    ReplyRecv(SERVICE, ANSWER, m);
  }
}

/** n round trips; returns the cycles they took. */
function roundTrips(n: u64): u64 {
  const m = zeroed<Msg>();
  for (let i = 0; i < WARMUP; i++) {
    m.info = msgInfo(0, 1);
    Call(SERVICE, m);
  }
  const start = rdcycle();
  for (let i = 0; i < n; i++) {
    m.info = msgInfo(0, 1);
    m.mr[0] = i;
    Call(SERVICE, m);
  }
  return rdcycle() - start;
}

function report(what: u64, n: u64, cycles: u64): void {
  const l = zeroed<Line>();
  lineStr(l, cstr('sync-ipc: '));
  lineStr(l, what);
  lineStr(l, cstr(': '));
  lineDec(l, n);
  lineStr(l, cstr(' calls, '));
  lineDec(l, cycles / n);
  lineChar2(l, cycles, n);
  lineStr(l, cstr(' cycles per call\n'));
  lineWrite(l);
}

/** The two decimals of cycles / n. */
function lineChar2(l: Ptr<Line>, cycles: u64, n: u64): void {
  const hundredths = ((cycles % n) * 100) / n;
  lineStr(l, cstr('.'));
  if (hundredths < 10) lineStr(l, cstr('0'));
  lineDec(l, hundredths);
}

let crossCycles: u64 = 0;
let calls: u64 = 1000;

export function client(ipcBuf: u64, info: u64): void {
  const b = bootInfo(info);
  calls = callsWanted(b);
  const fast0 = DebugStat(KSTAT_FASTPATH_CALL);
  if (pathWanted(b, 102) !== 0) report(cstr('fast path, same hart'), calls, roundTrips(calls)); // f
  const fastTaken = DebugStat(KSTAT_FASTPATH_CALL) - fast0;
  if (pathWanted(b, 115) !== 0) { // s
    DebugSetFastpath(0);
    report(cstr('slow path, same hart'), calls, roundTrips(calls));
    DebugSetFastpath(1);
  }
  if (b.harts >= 2 && pathWanted(b, 99) !== 0) { // c
    Signal(GO);
    Wait(DONE);
    report(cstr('cross hart (client on hart 1, server on hart 0)'), calls, crossCycles);
  }
  const l = zeroed<Line>();
  lineStr(l, cstr('sync-ipc: fast-path calls taken: '));
  lineDec(l, fastTaken);
  lineStr(l, b.harts >= 2 ? cstr('\n') : cstr('\nsync-ipc: one hart: no cross-hart figure (use --harts 2)\n'));
  lineWrite(l);
  DebugHalt(0);
}

export function cross_client(ipcBuf: u64): void {
  Wait(GO);
  crossCycles = roundTrips(calls);
  Signal(DONE);
}
