/**
 * The TCP server of the NWP benchmark (experiments.md), synchronous: connection handlers, one
 * thread each, on port 80, using the NWP's socket API over synchronous IPC (the async server:
 * tcp-server-async.ts; the tests and boot arguments: common.ts). Each handler accepts a
 * connection, serves it until it reads '.', closes it and accepts the next. Handler 0 starts
 * listening (backlog: one per handler); the others wait in ACCEPT until it has.
 */
import { Arr, Ptr, i64, load8, store8, u64, u8, zeroed } from '../../../gtsc/guest';
import { bootInfo } from '../../user/lib';
import { SOCK_AGAIN } from '../../nwp/sock/protocol';
import { sockAccept, sockClose, sockListen, sockRecv, sockRecvNb, sockSend } from '../../nwp/sock/sync-client';
import type { SockClient } from '../../nwp/sock/sync-client';
import { ANSWER_BYTE, CLOSE_BYTE, TCP_HANDLERS, TEST_CALL, TEST_WRITE, portWanted, sayListening, testWanted } from './common';

/** The handler's capability to the NWP's endpoint (badged per handler). */
const NWP_EP = 1;

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
  if (index === 0) sayListening(sockListen(c, port, TCP_HANDLERS), port, test);
  for (;;) {
    const s = sockAccept(c, port);
    if (s < 0) continue;
    serve(c, s, test);
    sockClose(c, s);
  }
}
