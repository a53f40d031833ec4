/**
 * The coroutine frame and the two runtime functions compiled async code calls: the contract
 * between gtsc's async lowering and whatever executor runs the coroutines (src/os/runtime, or a
 * program's own). docs/gtsc.md, "async and await".
 *
 * A coroutine is a frame in memory; its address is the value of the `Promise<T>` an async
 * function returns:
 *
 *   +0   resume    address of the function's resume function: resume(frame) → 1 when the
 *                  coroutine has finished (its result is at +16), 0 when it is parked
 *   +8   state     where to go on: 0 = not started, k = after the k-th await
 *   +16  result    the returned value (async functions with a non-void result)
 *   +24  slots     one 8-byte slot per parameter, then one per value live across an await,
 *                  then the function's zeroed<T>() objects
 *
 * Frames come from `__async_frame_alloc(bytes) → address` and go back through
 * `__async_frame_free(address)`; a program with async functions links a module that defines
 * both (the executor's pool).
 */
export const FRAME_RESUME = 0;
export const FRAME_STATE = 8;
export const FRAME_RESULT = 16;
export const FRAME_HEADER = 24;

export const FRAME_ALLOC = '__async_frame_alloc';
export const FRAME_FREE = '__async_frame_free';

/** Symbol of an async function's resume function (the async function's own symbol is its constructor). */
export function resumeSymbol(sym: string): string {
  return `${sym}.resume`;
}
