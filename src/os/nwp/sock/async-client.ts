/**
 * The socket API over the async channel, client side: each operation is one `await call()` on
 * the channel to the NWP (src/os/runtime/channel.ts), which answers when the operation
 * completes (a RECV waits for data, an ACCEPT for a connection) while the client's other
 * coroutines run. `const n = await asockRecv(c, s, buf, 1)`. The item layout: async-item.ts.
 */
import { Ptr, i64, u64, zeroed } from '../../../gtsc/guest';
import { call } from '../../runtime/channel';
import type { ChannelClient, Item } from '../../runtime/channel';
import { itemGetReply, itemPutRequest } from './async-item';
import { SOCK_ACCEPT, SOCK_CLOSE, SOCK_LISTEN, SOCK_RECV, SOCK_RECV_NB, SOCK_SEND } from './protocol';

/** A client: the channel's client end, and this client's number at the NWP (1..SVC_CLIENTS; one request at a time). */
export interface AsyncSockClient {
  ch: Ptr<ChannelClient>;
  client: u64;
}

/** One request; the reply's data (up to `outLen` bytes) goes to `out`. Returns the result. */
async function asockCall(c: Ptr<AsyncSockClient>, op: u64, sock: i64, arg: u64, data: u64, len: u64, out: u64, outLen: u64): Promise<i64> {
  const req = zeroed<Item>();
  const rep = zeroed<Item>();
  itemPutRequest(req, c.client, op, sock, arg, data, len);
  await call(c.ch, req, rep);
  return itemGetReply(rep, out, outLen);
}

export async function asockListen(c: Ptr<AsyncSockClient>, port: u64, backlog: u64): Promise<i64> {
  return await asockCall(c, SOCK_LISTEN, port, backlog, 0, 0, 0, 0);
}

/** Waits for a connection on `port`: its socket. */
export async function asockAccept(c: Ptr<AsyncSockClient>, port: u64): Promise<i64> {
  return await asockCall(c, SOCK_ACCEPT, port, 0, 0, 0, 0, 0);
}

/** Waits for at least one byte: up to `len` (≤ ITEM_INLINE) bytes to buf; 0 at the end of the stream. */
export async function asockRecv(c: Ptr<AsyncSockClient>, sock: i64, buf: u64, len: u64): Promise<i64> {
  return await asockCall(c, SOCK_RECV, sock, len, 0, 0, buf, len);
}

/** As asockRecv, but SOCK_AGAIN instead of waiting. */
export async function asockRecvNb(c: Ptr<AsyncSockClient>, sock: i64, buf: u64, len: u64): Promise<i64> {
  return await asockCall(c, SOCK_RECV_NB, sock, len, 0, 0, buf, len);
}

/** Sends `len` (≤ ITEM_INLINE) bytes, waiting until all are queued. */
export async function asockSend(c: Ptr<AsyncSockClient>, sock: i64, buf: u64, len: u64): Promise<i64> {
  return await asockCall(c, SOCK_SEND, sock, len, buf, len, 0, 0);
}

export async function asockClose(c: Ptr<AsyncSockClient>, sock: i64): Promise<i64> {
  return await asockCall(c, SOCK_CLOSE, sock, 0, 0, 0, 0, 0);
}
