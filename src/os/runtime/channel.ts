/**
 * The shared-memory channel of the user runtime (docs/runtime.md): a client and a server
 * thread, each with an executor, talk through a request ring and a reply ring in shared memory,
 * each ring single-producer single-consumer, 4096 items of 40 bytes, and wake each other with
 * user interrupts under the notify-or-suppress rule:
 *
 * - the consumer of a ring has one receive coroutine (the server's request loop, the client's
 *   reply dispatcher); it drains the ring and, when it finds it empty, parks: it clears the
 *   ring's `receiverActive` flag (and looks once more, so that an item pushed meanwhile is not
 *   missed);
 * - the producer pushes an item and sends a user interrupt only if the flag is clear, setting
 *   it first (an amoswap: of several producers' attempts exactly one sends). While the receiver
 *   is active, pushes cost no interrupt: with c calls in flight, a receiver that wakes finds up
 *   to c items and one interrupt serves them all.
 *
 * A call: the client coroutine fills a request item (its cid, the message), notifies, and parks;
 * the server's loop takes the item, runs the handler, which fills the reply item, and notifies;
 * the client's dispatcher copies the reply into the caller's buffer and wakes the caller. Each
 * step is its own function, so the profiler can tell them apart (the seed's phases).
 *
 * The two rings sit on their own pages (a Channel is CHANNEL_BYTES, page-aligned when the
 * memory is: a shared region of the system description). The ring indices run freely and are
 * taken modulo RING_SLOTS; each side's index and the flag are on their own cache lines. A client
 * has at most one call in flight per coroutine, MAX_COROUTINES < RING_SLOTS, so neither ring
 * can fill up.
 */
import { Arr, Ptr, amoswap_d, fence, load64, offsetof, ptr, store64, suspend, u16, u32, u64, u8, uipi_send } from '../../gtsc/guest';
import { Executor, bindVector, currentCid, setTaskArg, spawnService, taskArg, thisExecutor, wake } from './executor';

export const RING_SLOTS = 4096;
export const ITEM_WORDS = 16;

/** One message: the calling coroutine, the message info (label and length), 16 × u16 of message. */
export interface Item {
  cid: u32;
  info: u32;
  msg: Arr<u16, 16>;
}

/**
 * A single-producer single-consumer ring. What the other side writes (the tail for the consumer,
 * the flag for the producer) is read with load64, and the indices and flag are published with
 * store64: the optimiser keeps ordinary loads in registers (docs/gtsc.md, "Memory and aliasing").
 */
export interface Ring {
  /** The consumer's next index. */
  head: u64;
  headLine: Arr<u64, 7>;
  /** The producer's next index. */
  tail: u64;
  tailLine: Arr<u64, 7>;
  /** 0 while the consumer's receive coroutine is parked (it must be sent an interrupt). */
  receiverActive: u64;
  flagLine: Arr<u64, 7>;
  items: Arr<Item, 4096>;
}

/** 192 + 4096 × 40 bytes of ring, padded so that the reply ring starts on a page too. */
export interface Channel {
  req: Ring;
  pad: Arr<u8, 3904>;
  rep: Ring;
}

/** Bytes a channel takes, whole pages (the size of its shared region). */
export const CHANNEL_BYTES = 335872;

/**
 * The request handler: fills `reply` (its message; the cid is set) for `request` and returns 1,
 * or returns 0 to answer later with sendReply (e.g. from a coroutine it spawned). Either way the
 * request item is gone once it returns: keep what it needs.
 */
export type Handler = (request: Ptr<Item>, reply: Ptr<Item>) => u64;

export interface ChannelClient {
  ch: Ptr<Channel>;
  /** The uipi SEND index that reaches the server's request loop. */
  notifyIndex: u64;
  ex: Ptr<Executor>;
  dispatcher: u64;
}

export interface ChannelServer {
  ch: Ptr<Channel>;
  /** The uipi SEND index that reaches the client's reply dispatcher. */
  notifyIndex: u64;
  ex: Ptr<Executor>;
  handler: Handler;
  served: u64;
}

// ---- the rings

/** The next item of r, or 0 when it is empty (consumer side). */
function peek(r: Ptr<Ring>): Ptr<Item> {
  const head = r.head;
  if (head === load64(r + offsetof<Ring>('tail'))) return ptr<Item>(0);
  fence(); // the item's bytes after the tail that covers them
  return r.items[head & (RING_SLOTS - 1)];
}

/** Done with the item peek gave (consumer side). */
function consume(r: Ptr<Ring>): void {
  fence(); // the item is read before the producer may reuse its slot
  store64(r + offsetof<Ring>('head'), r.head + 1);
}

/** The slot the next push fills (producer side). */
function slot(r: Ptr<Ring>): Ptr<Item> {
  return r.items[r.tail & (RING_SLOTS - 1)];
}

/** Publishes the filled slot and wakes the consumer if it has parked (notify-or-suppress). */
function publish(r: Ptr<Ring>, notifyIndex: u64): void {
  fence(); // the item before the tail
  store64(r + offsetof<Ring>('tail'), r.tail + 1);
  fence(); // the tail before the flag is read (the consumer writes the flag, then reads the tail)
  if (load64(r + offsetof<Ring>('receiverActive')) === 0 && amoswap_d(r + offsetof<Ring>('receiverActive'), 1) === 0) uipi_send(notifyIndex);
}

/**
 * The consumer found r empty: parks its receive coroutine (returns 1), unless an item came in
 * meanwhile (returns 0: go on draining). A producer that saw the flag clear has sent, or will
 * send, an interrupt: the coroutine is then woken once more than needed, finds nothing, parks.
 */
function park(r: Ptr<Ring>): u64 {
  store64(r + offsetof<Ring>('receiverActive'), 0);
  fence(); // the flag before the tail is read
  if (r.head === load64(r + offsetof<Ring>('tail'))) return 1;
  amoswap_d(r + offsetof<Ring>('receiverActive'), 1);
  return 0;
}

function copyItem(to: Ptr<Item>, from: Ptr<Item>): void {
  const d = ptr<u64>(to);
  const s = ptr<u64>(from);
  for (let i = 0; i < 5; i++) d[i] = s[i];
}

// ---- the client

/** Fills a request for the running coroutine and sends it (the seed's "fill & send"). */
export function sendRequest(cl: Ptr<ChannelClient>, cid: u64, request: Ptr<Item>): void {
  const r = cl.ch.req;
  const it = slot(r);
  copyItem(it, request);
  it.cid = cid;
  publish(r, cl.notifyIndex);
}

/** The dispatcher's step: the next reply into its caller's buffer; the caller's cid, or -1 when there is none. */
export function getReply(ex: Ptr<Executor>, r: Ptr<Ring>): u64 {
  const it = peek(r);
  if (it === 0) return -1;
  const cid = it.cid;
  copyItem(ptr<Item>(taskArg(ex, cid)), it);
  consume(r);
  return cid;
}

/** Wakes the coroutine a reply is for (the seed's "wake task"). */
export function wakeTask(ex: Ptr<Executor>, cid: u64): void {
  wake(ex, cid);
}

/** The client's receive coroutine: hands each reply to its caller, parks when there are none. */
async function replyDispatcher(cl: Ptr<ChannelClient>): Promise<void> {
  const ex = cl.ex;
  const r = cl.ch.rep;
  while (true) {
    const cid = getReply(ex, r);
    if (cid !== -1) wakeTask(ex, cid);
    else if (park(r) !== 0) await suspend();
  }
}

/**
 * Makes cl the client end of channel ch for the running thread's executor: notifyIndex is the
 * uipi SEND index of the server's receiver bit, `bit` the user-interrupt bit the server's sends
 * set here (it wakes the reply dispatcher, which runs at priority prio). Returns the
 * dispatcher's cid.
 */
export function clientInit(cl: Ptr<ChannelClient>, ch: Ptr<Channel>, notifyIndex: u64, bit: u64, prio: u64): u64 {
  const ex = thisExecutor();
  cl.ch = ch;
  cl.notifyIndex = notifyIndex;
  cl.ex = ex;
  cl.dispatcher = spawnService(ex, replyDispatcher(cl), prio);
  bindVector(ex, bit, cl.dispatcher);
  return cl.dispatcher;
}

/**
 * One call: sends `request` and parks until the reply is in `reply` (both the caller's; the
 * request's cid is set here). `await call(cl, req, rep)` from a coroutine of the client's executor.
 */
export async function call(cl: Ptr<ChannelClient>, request: Ptr<Item>, reply: Ptr<Item>): Promise<void> {
  const cid = currentCid();
  setTaskArg(cl.ex, cid, reply);
  sendRequest(cl, cid, request);
  await suspend();
}

// ---- the server

/** The server's step: the next request, or 0 (the seed's "get request"). */
export function getRequest(r: Ptr<Ring>): Ptr<Item> {
  return peek(r);
}

/** Sends the reply slot the handler filled (the seed's "write reply"). */
export function writeReply(sv: Ptr<ChannelServer>): void {
  publish(sv.ch.rep, sv.notifyIndex);
  sv.served = sv.served + 1;
}

/** Answers a request later (a handler that returned 0): `reply.cid` must be the request's cid. */
export function sendReply(sv: Ptr<ChannelServer>, reply: Ptr<Item>): void {
  copyItem(slot(sv.ch.rep), reply);
  writeReply(sv);
}

/** Serves one request: the handler fills the reply slot (or will answer later); the request is consumed. */
function serve(sv: Ptr<ChannelServer>, request: Ptr<Item>): void {
  const out = slot(sv.ch.rep);
  out.cid = request.cid;
  const now = sv.handler(request, out);
  consume(sv.ch.req);
  if (now !== 0) writeReply(sv);
}

/** The server's receive coroutine: serves each request, parks when there are none. */
async function requestLoop(sv: Ptr<ChannelServer>): Promise<void> {
  const r = sv.ch.req;
  while (true) {
    const it = getRequest(r);
    if (it !== 0) serve(sv, it);
    else if (park(r) !== 0) await suspend();
  }
}

/**
 * Makes sv the server end of channel ch for the running thread's executor: requests are served
 * by `handler`; notifyIndex is the uipi SEND index of the client's receiver bit, `bit` the
 * user-interrupt bit the client's sends set here. Returns the request loop's cid.
 */
export function serverInit(sv: Ptr<ChannelServer>, ch: Ptr<Channel>, notifyIndex: u64, bit: u64, prio: u64, handler: Handler): u64 {
  const ex = thisExecutor();
  sv.ch = ch;
  sv.notifyIndex = notifyIndex;
  sv.ex = ex;
  sv.handler = handler;
  sv.served = 0;
  const cid = spawnService(ex, requestLoop(sv), prio);
  bindVector(ex, bit, cid);
  return cid;
}
