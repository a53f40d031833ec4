/**
 * What the TCP server's two transports share (tcp-server.ts: a thread per handler over sync
 * IPC; tcp-server-async.ts: a coroutine per handler over the async channel): the boot
 * arguments and the line the first handler prints once it listens; and what its async thread
 * shares with the NWP's (idlePolicy, haltWithError).
 *
 * | test | per request |
 * |---|---|
 * | call | read 1 byte, answer it with the same byte |
 * | read | read 1 byte |
 * | write | send 1 byte ('x'), then look (without waiting) for a byte |
 *
 * Boot arguments: test=call|read|write (default call), port=N (default 80), idle=wait|spin
 * (the async threads' idle policy: idlePolicy).
 */
import { Ptr, cstr, i64, u64, zeroed } from '../../../gtsc/guest';
import { UserBootInfo } from '../../lib/userinfo';
import { Line, bootArgIs, bootArgument, bootNumber, lineDec, lineStr, lineWrite } from '../../user/lib';
import { DebugHalt } from '../../user/sys.gen';
import { IDLE_SPIN, IDLE_WAIT } from '../../runtime/executor';

export const TEST_CALL = 0;
export const TEST_READ = 1;
export const TEST_WRITE = 2;
export const CLOSE_BYTE = 46; // '.'
export const ANSWER_BYTE = 120; // 'x'
/** Connection handlers (the listen backlog). */
export const TCP_HANDLERS = 32;

export function testWanted(b: Ptr<UserBootInfo>): u64 {
  const at = bootArgument(b, cstr('test='));
  if (at < 0) return TEST_CALL;
  const c = b.bootargs[at];
  return c === 114 ? TEST_READ : c === 119 ? TEST_WRITE : TEST_CALL; // r, w
}

export function portWanted(b: Ptr<UserBootInfo>): u64 {
  const at = bootArgument(b, cstr('port='));
  if (at < 0) return 80;
  const n = bootNumber(b, at);
  return n > 0 && n < 65536 ? n : 80;
}

/** The line after LISTEN (its result `r`). */
export function sayListening(r: i64, port: u64, test: u64): void {
  const l = zeroed<Line>();
  lineStr(l, r === 0 ? cstr('tcp-server: ') : cstr('tcp-server: cannot listen: '));
  lineDec(l, TCP_HANDLERS);
  lineStr(l, cstr(' handlers on port '));
  lineDec(l, port);
  lineStr(l, test === TEST_CALL ? cstr(' (call: each byte answered, until \'.\')\n') : test === TEST_READ ? cstr(' (read: bytes read, until \'.\')\n') : cstr(' (write: a byte sent per request, until \'.\')\n'));
  lineWrite(l);
}

/**
 * What an async thread (the NWP's, the TCP server's) does with nothing to run: block at once
 * (IDLE_WAIT), or with idle=spin spin first (the runtime's IDLE_SPIN; measured no better here:
 * docs/nwp.md).
 */
export function idlePolicy(b: Ptr<UserBootInfo>): u64 {
  return bootArgIs(b, cstr('idle='), cstr('spin')) !== 0 ? IDLE_SPIN : IDLE_WAIT;
}

/** Prints `what` (a C string ending in "(error -") and -err, then ")", and powers off with status 1. */
export function haltWithError(what: u64, err: i64): void {
  const l = zeroed<Line>();
  lineStr(l, what);
  lineDec(l, 0 - err);
  lineStr(l, cstr(')\n'));
  lineWrite(l);
  DebugHalt(1);
}
