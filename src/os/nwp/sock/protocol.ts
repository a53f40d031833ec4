/**
 * The NWP's socket API: what a client asks of the network server and what it gets back,
 * independent of how the two talk. The sync transport (sync-client.ts, sync-server.ts) carries
 * a request in one IPC Call and its reply in the Reply; an async transport (the shared-memory
 * channel of os.md) would carry the same request and reply in ring items and complete
 * `await socket.recv()` from the reply ring. Blocking operations are the server's business:
 * it keeps a request it cannot complete yet and answers when it can.
 *
 * | op | sock | arg | data | result |
 * |---|---|---|---|---|
 * | LISTEN | port | backlog | | 0 or an error |
 * | ACCEPT | port | | | a socket (waits for a connection, also for the LISTEN) |
 * | RECV | socket | most bytes (≤ SOCK_INLINE) | | bytes received (waits for ≥ 1), 0 at end of stream |
 * | RECV_NB | socket | most bytes | | as RECV, or SOCK_AGAIN instead of waiting |
 * | SEND | socket | | the bytes (≤ SOCK_INLINE) | bytes sent (waits until all are queued) |
 * | CLOSE | socket | | | 0 |
 *
 * Errors are the TCP layer's (negative): SOCK_AGAIN, closed, reset, timed out, invalid.
 */
import { Arr, i64, u64, u8 } from '../../../gtsc/guest';
import { TCP_AGAIN, TCP_E_INVALID } from '../tcp';

export const SOCK_LISTEN = 1;
export const SOCK_ACCEPT = 2;
export const SOCK_RECV = 3;
export const SOCK_RECV_NB = 4;
export const SOCK_SEND = 5;
export const SOCK_CLOSE = 6;
export const SOCK_OPS = 7;

/** Bytes one SEND or RECV carries. */
export const SOCK_INLINE = 64;
export const SOCK_AGAIN = TCP_AGAIN;
export const SOCK_E_INVALID = TCP_E_INVALID;

export interface SockRequest {
  op: u64;
  sock: i64;
  arg: u64;
  len: u64;
  data: Arr<u8, 64>;
}

export interface SockReply {
  result: i64;
  len: u64;
  data: Arr<u8, 64>;
}
