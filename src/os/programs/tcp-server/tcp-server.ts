/**
 * The TCP server of the NWP benchmark (experiments.md): connection handlers, one thread each,
 * on port 80, using the NWP's socket API over synchronous IPC. Each handler accepts a
 * connection, serves it until it reads '.', closes it and accepts the next:
 *
 * | test | per request |
 * |---|---|
 * | call | read 1 byte, answer it with the same byte |
 * | read | read 1 byte |
 * | write | send 1 byte ('x'), then look (without waiting) for a byte |
 *
 * Boot arguments: test=call|read|write (default call), port=N (default 80). Handler 0 starts
 * listening (backlog: one per handler); the others wait in ACCEPT until it has.
 */
import { Arr, Ptr, cstr, i64, load8, store8, u64, u8, zeroed } from '../../../gtsc/guest';
import { UserBootInfo } from '../../lib/userinfo';
import { Line, bootArgument, bootInfo, bootNumber, lineDec, lineStr, lineWrite } from '../../user/lib';
import { SOCK_AGAIN } from '../../nwp/sock/protocol';
import { sockAccept, sockClose, sockListen, sockRecv, sockRecvNb, sockSend } from '../../nwp/sock/sync-client';
import type { SockClient } from '../../nwp/sock/sync-client';

/** The handler's capability to the NWP's endpoint (badged per handler). */
const NWP_EP = 1;
const TEST_CALL = 0;
const TEST_READ = 1;
const TEST_WRITE = 2;
const CLOSE_BYTE = 46; // '.'
const ANSWER_BYTE = 120; // 'x'
/** Handlers in the system description (the listen backlog). */
export let tcp_handlers: u64 = 32;

function testWanted(b: Ptr<UserBootInfo>): u64 {
  const at = bootArgument(b, cstr('test='));
  if (at < 0) return TEST_CALL;
  const c = b.bootargs[at];
  return c === 114 ? TEST_READ : c === 119 ? TEST_WRITE : TEST_CALL; // r, w
}

function portWanted(b: Ptr<UserBootInfo>): u64 {
  const at = bootArgument(b, cstr('port='));
  if (at < 0) return 80;
  const n = bootNumber(b, at);
  return n > 0 && n < 65536 ? n : 80;
}

/** Serves one connection until '.', the end of the stream or an error. */
function serve(c: Ptr<SockClient>, s: i64, test: u64): void {
  const one = zeroed<Arr<u8, 8>>();
  for (;;) {
    if (test === TEST_WRITE) {
      store8(one, ANSWER_BYTE);
      if (sockSend(c, s, one, 1) < 0) return;
      const n = sockRecvNb(c, s, one, 1);
      if (n === SOCK_AGAIN) continue;
      if (n <= 0 || load8(one) === CLOSE_BYTE) return;
      continue;
    }
    const n = sockRecv(c, s, one, 1);
    if (n <= 0 || load8(one) === CLOSE_BYTE) return;
    if (test === TEST_CALL && sockSend(c, s, one, 1) < 0) return;
  }
}

export function tcp_handler(ipcBuf: u64, info: u64, index: u64): void {
  const b = bootInfo(info);
  const c = zeroed<SockClient>();
  c.ep = NWP_EP;
  c.ipcBuf = ipcBuf;
  const test = testWanted(b);
  const port = portWanted(b);
  if (index === 0) {
    const l = zeroed<Line>();
    const r = sockListen(c, port, tcp_handlers);
    lineStr(l, r === 0 ? cstr('tcp-server: ') : cstr('tcp-server: cannot listen: '));
    lineDec(l, tcp_handlers);
    lineStr(l, cstr(' handlers on port '));
    lineDec(l, port);
    lineStr(l, test === TEST_CALL ? cstr(' (call: each byte answered, until \'.\')\n') : test === TEST_READ ? cstr(' (read: bytes read, until \'.\')\n') : cstr(' (write: a byte sent per request, until \'.\')\n'));
    lineWrite(l);
  }
  for (;;) {
    const s = sockAccept(c, port);
    if (s < 0) continue;
    serve(c, s, test);
    sockClose(c, s);
  }
}
