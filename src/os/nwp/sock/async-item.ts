/**
 * The socket API over the async channel (src/os/runtime/channel.ts): how a request and its
 * reply sit in a ring item (cid u32, info u32, 32 bytes of message). Requests and replies are
 * the protocol's (protocol.ts); the item carries at most ITEM_INLINE bytes of data, so SEND and
 * RECV move up to 16 bytes per request (the sync transport: up to SOCK_INLINE).
 *
 * | | info | message words (8 bytes each) |
 * |---|---|---|
 * | request | op \| client << 8 | sock, arg, then the data (≤ 16 bytes) |
 * | reply | length of the data | result, then the data (≤ 16 bytes) |
 *
 * The client number (1..SVC_CLIENTS) names the requesting coroutine's slot in the NWP's socket
 * service (service.ts), as a sync client's badge does: one request per client at a time.
 */
import { Ptr, i64, load64, store64, u64 } from '../../../gtsc/guest';
import type { Item } from '../../runtime/channel';
import { copyBytes } from '../wire/bytes';
import { SOCK_RECV, SOCK_RECV_NB, SOCK_SEND } from './protocol';
import type { SockReply, SockRequest } from './protocol';

/** Data bytes one item carries. */
export const ITEM_INLINE = 16;
const ITEM_MSG = 8;

function msg(it: Ptr<Item>): u64 {
  return it + ITEM_MSG;
}

/** Writes a request (its data: `len` bytes at `data`) into item `it` (cid left to the channel). */
export function itemPutRequest(it: Ptr<Item>, client: u64, op: u64, sock: i64, arg: u64, data: u64, len: u64): void {
  const n = len < ITEM_INLINE ? len : ITEM_INLINE;
  it.info = op | (client << 8);
  store64(msg(it), sock);
  store64(msg(it) + 8, op === SOCK_SEND ? n : arg);
  if (n > 0) copyBytes(msg(it) + 16, data, n);
}

/** Reads the request in item `it` into q; returns its client number. */
export function itemGetRequest(it: Ptr<Item>, q: Ptr<SockRequest>): u64 {
  q.op = it.info & 0xff;
  q.sock = load64(msg(it));
  q.arg = load64(msg(it) + 8);
  q.len = 0;
  // a RECV's bytes must fit in the reply item: never take more from the socket
  if ((q.op === SOCK_RECV || q.op === SOCK_RECV_NB) && q.arg > ITEM_INLINE) q.arg = ITEM_INLINE;
  if (q.op === SOCK_SEND) {
    q.len = q.arg < ITEM_INLINE ? q.arg : ITEM_INLINE;
    copyBytes(q.data, msg(it) + 16, q.len);
  }
  return it.info >>> 8;
}

/** Writes reply r into item `it` (at most ITEM_INLINE bytes of its data). */
export function itemPutReply(it: Ptr<Item>, r: Ptr<SockReply>): void {
  const n = r.len < ITEM_INLINE ? r.len : ITEM_INLINE;
  it.info = n;
  store64(msg(it), r.result);
  if (n > 0) copyBytes(msg(it) + 8, r.data, n);
}

/** The reply's result; its data (up to `outLen` bytes) to `out`. */
export function itemGetReply(it: Ptr<Item>, out: u64, outLen: u64): i64 {
  const result: i64 = load64(msg(it));
  const n = it.info < outLen ? it.info : outLen;
  if (result > 0 && n > 0) copyBytes(out, msg(it) + 8, n);
  return result;
}

/** The channel's shared region, set by the system description (setvar): the NWP serves it, the client calls through it. */
export let sock_channel: u64 = 1;
