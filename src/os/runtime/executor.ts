/**
 * The coroutine executor of the user runtime (docs/runtime.md): one per thread, reached through
 * the thread pointer `tp` (gtsc never uses tp; the kernel saves it with the other registers).
 *
 * - Coroutines are guest `async` functions (gtsc compiles them to state machines: docs/gtsc.md,
 *   "async and await"): spawn() takes the coroutine an async function call returned; a
 *   coroutine parks with `await suspend()` and something wakes it (wake, or a user interrupt).
 * - Up to MAX_COROUTINES coroutines, identified by a cid (0 .. MAX_COROUTINES - 1), with one of
 *   PRIORITIES priorities (0 runs first): a ring of ready cids per priority and a 64-bit bitmap
 *   of the non-empty rings; fetch takes the first cid of the highest non-empty one.
 * - Delayed wake-ups: code that may interrupt the executor (the user-interrupt entry) does not
 *   touch the rings; it sets the coroutine's bit in a bitmap (an AMO), and fetch applies the
 *   bitmap before every choice.
 * - User-interrupt bits map to coroutines (bindVector): the entry (uintr-entry.S) turns each
 *   pending bit it reads into a delayed wake-up of its coroutine and counts the interrupt.
 * - Frames come from a pool of size classes over an arena the program gives (the functions
 *   gtsc's async code calls: __async_frame_alloc / __async_frame_free).
 * - With nothing to run, the thread waits for a user interrupt: IDLE_WAIT blocks in the kernel
 *   on its user-interrupt notification at once (a uipi SEND ends the wait: docs/os.md), for a
 *   thread that shares its hart (spinning would only keep the others off it); IDLE_SPIN first
 *   spins in user space, where an interrupt costs no kernel entry, for SPIN_CYCLES — about what
 *   blocking and being woken cost (the competitive-spinning rule: never more than twice the
 *   best choice made in hindsight) — then blocks, for a thread that has its hart to itself;
 *   IDLE_YIELD gives its time slice away and looks again (what the seed's runtime did).
 */
import {
  Arr, Ptr, amoor_d, amoswap_d, asm, load64, csr_clear, csr_set, csr_write, fnaddr, frameOf, offsetof, ptr, rdcycle, suspend, table, u16,
  u32, u64, u8,
} from '../../gtsc/guest';
import { Wait, Yield } from '../user/sys.gen';

export const MAX_COROUTINES = 2048;
export const PRIORITIES = 8;
/** The pool's size classes: 32 << k bytes, k < POOL_CLASSES (32 .. 4096). */
export const POOL_CLASSES = 8;

export const IDLE_WAIT = 0;
export const IDLE_YIELD = 1;
export const IDLE_SPIN = 2;

/**
 * How long IDLE_SPIN spins before blocking: what a Wait that blocks and its wake-up cost this
 * kernel (docs/os.md, "Waiting receivers": the system call, the switch to idle and back, the
 * user-interrupt state restored), about 1800 cycles on the Rocket model.
 */
export const SPIN_CYCLES = 2000;

/** No coroutine (a cid is below MAX_COROUTINES). */
export const NO_COROUTINE = 0xffff;

// task flags
/** A service coroutine (a channel's receiver, a server loop): run() does not wait for it to end. */
const TASK_SERVICE = 4;

type Resume = (frame: u64) => u64;

/** The coroutine frame header gtsc lays out (src/gtsc/async/frame.ts). */
interface FrameHeader {
  resume: Resume;
  state: u64;
  result: u64;
}

/** 32 bytes, so that a cid indexes the table with a shift. */
interface Task {
  frame: u64;
  /** Free for the coroutine's own use (a channel keeps the reply buffer of its call here). */
  arg: u64;
  /**
   * The frame's resume function, copied at spawn (it never changes): the run loop loads it
   * beside the frame instead of through it, one dependent load less per switch.
   */
  resume: Resume;
  /**
   * 1 while the coroutine is in a ready ring or not alive (so that waking it is a no-op), 0
   * while it runs or is parked: wake tests one word, the run loop clears it with one store.
   */
  queued: u32;
  prio: u16;
  flags: u16;
}

/** The lowest set bit of a byte (the priority search: the ready bitmap has PRIORITIES = 8 bits). */
const LOWEST_BIT = table<u8>([
  8, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  6, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  7, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  6, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
  5, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0, 4, 0, 1, 0, 2, 0, 1, 0, 3, 0, 1, 0, 2, 0, 1, 0,
]);

/**
 * An executor. The first fields are uintr-entry.S's (offsets checked by executorInit): the
 * interrupts taken, the delayed-wake summary (bit w: word w of `delayed` has bits) and
 * words, and the coroutine (cid + 1, 0 = none) each user-interrupt bit wakes.
 */
export interface Executor {
  uintrTaken: u64;
  delayedSummary: u64;
  vectorCid: Arr<u32, 64>;
  delayed: Arr<u64, 32>;
  readyBitmap: u64;
  current: u64;
  /** Coroutines run() waits for (not services). */
  counted: u64;
  freeCount: u64;
  idlePolicy: u64;
  /** The capability slot of the thread's user-interrupt notification (Wait on it when idle). */
  uintrSlot: u64;
  /** Times the thread found nothing to run and waited or yielded. */
  idles: u64;
  /** Coroutine switches (resumes) so far. */
  switches: u64;
  arenaNext: u64;
  arenaEnd: u64;
  poolFree: Arr<u64, 8>;
  /**
   * LOWEST_BIT, copied here by executorInit: fetch reaches it from ex with one add, where the
   * table in .rodata takes an address computation (auipc, addi) per fetch.
   */
  lowestBit: Arr<u8, 256>;
  /**
   * The address of `tasks`, set by executorInit: the table lies beyond a 12-bit offset from ex,
   * and one load reaches it where lui, addw and add would compute it in every wake.
   */
  taskTable: Ptr<Task>;
  /** The ready rings: priority p's cids at readyCids[p · MAX_COROUTINES + (index mod MAX_COROUTINES)]. */
  readyHead: Arr<u32, 8>;
  readyTail: Arr<u32, 8>;
  readyCids: Arr<u16, 16384>;
  freeCids: Arr<u16, 2048>;
  tasks: Arr<Task, 2048>;
}

/** Offsets uintr-entry.S uses (.equ there). */
const ENTRY_UINTR_TAKEN = 0;
const ENTRY_SUMMARY = 8;
const ENTRY_VECTOR_CID = 16;
const ENTRY_DELAYED = 272;

declare function runtime_uintr_entry(): void;

/** The executor of the running thread. */
export function thisExecutor(): Ptr<Executor> {
  return ptr<Executor>(asm('mv {d}, tp'));
}

/**
 * Sets up ex for the calling thread (tp = ex) with a frame arena of `bytes` bytes at `arena`.
 * uintrSlot: the capability slot of a notification the thread receives user interrupts on (0:
 * none); the thread's user interrupts go to the runtime's entry. Returns 0, or -1 when the
 * structure does not match the entry's offsets.
 */
export function executorInit(ex: Ptr<Executor>, arena: u64, bytes: u64, uintrSlot: u64, idlePolicy: u64): u64 {
  if (offsetof<Executor>('uintrTaken') !== ENTRY_UINTR_TAKEN || offsetof<Executor>('delayedSummary') !== ENTRY_SUMMARY ||
    offsetof<Executor>('vectorCid') !== ENTRY_VECTOR_CID || offsetof<Executor>('delayed') !== ENTRY_DELAYED) return -1;
  asm('mv tp, {0}', ex);
  ex.arenaNext = (arena + 15) & ~15;
  ex.arenaEnd = arena + bytes;
  for (let k = 0; k < POOL_CLASSES; k++) ex.poolFree[k] = 0;
  for (let b = 0; b < 256; b++) ex.lowestBit[b] = LOWEST_BIT[b];
  ex.taskTable = ex.tasks[0];
  for (let v = 0; v < 64; v++) ex.vectorCid[v] = 0;
  for (let w = 0; w < 32; w++) ex.delayed[w] = 0;
  ex.delayedSummary = 0;
  ex.readyBitmap = 0;
  for (let p = 0; p < PRIORITIES; p++) {
    ex.readyHead[p] = 0;
    ex.readyTail[p] = 0;
  }
  for (let i = 0; i < MAX_COROUTINES; i++) {
    ex.freeCids[i] = MAX_COROUTINES - 1 - i;
    ex.tasks[i].flags = 0;
    ex.tasks[i].queued = 1;
  }
  ex.freeCount = MAX_COROUTINES;
  ex.current = NO_COROUTINE;
  ex.counted = 0;
  ex.uintrSlot = uintrSlot;
  ex.idlePolicy = idlePolicy;
  ex.uintrTaken = 0;
  ex.idles = 0;
  ex.switches = 0;
  if (uintrSlot !== 0) {
    csr_set('uie', 1); // USIE
    csr_write('utvec', fnaddr(runtime_uintr_entry));
    csr_set('ustatus', 1); // UIE
  }
  return 0;
}

// ---- the frame pool (gtsc's async code calls these two)

function sizeClass(bytes: u64): u64 {
  let k = 0;
  while (k < POOL_CLASSES - 1 && (32 << k) < bytes) k++;
  return k;
}

/**
 * A frame of at least `bytes` bytes from the running thread's executor, from the smallest size
 * class that holds it; 0 when the arena is used up or no class does (above 32 << (POOL_CLASSES - 1)).
 * The common case (a free frame of its class) falls through: on the hot path of a call every
 * taken branch holds one of the Rocket BTB's 28 entries.
 */
export function __async_frame_alloc(bytes: u64): u64 {
  const ex = thisExecutor();
  const k = sizeClass(bytes);
  if ((32 << k) >= bytes) {
    const head = ex.poolFree[k];
    if (head !== 0) {
      ex.poolFree[k] = ptr<u64>(head)[0];
      return head;
    }
    return arenaFrame(ex, k);
  }
  return 0;
}

/** A new frame of class k from the arena (16 bytes of header: the class), or 0 when it is used up. */
function arenaFrame(ex: Ptr<Executor>, k: u64): u64 {
  const size = 32 << k;
  const p = ex.arenaNext;
  if (p + 16 + size > ex.arenaEnd) return 0;
  ptr<u64>(p)[0] = k;
  ex.arenaNext = p + 16 + size;
  return p + 16;
}

export function __async_frame_free(frame: u64): void {
  const ex = thisExecutor();
  const k = ptr<u64>(frame - 16)[0];
  ptr<u64>(frame)[0] = ex.poolFree[k];
  ex.poolFree[k] = frame;
}

// ---- coroutines

function push(ex: Ptr<Executor>, prio: u64, cid: u64): void {
  const tail = ex.readyTail[prio];
  ex.readyCids[prio * MAX_COROUTINES + (tail & (MAX_COROUTINES - 1))] = cid;
  ex.readyTail[prio] = tail + 1;
  ex.readyBitmap = ex.readyBitmap | (1 << prio);
}

/** Makes coroutine cid ready (from coroutine code; interrupt handlers use delayWake). */
export function wake(ex: Ptr<Executor>, cid: u64): void {
  const t = ex.taskTable[cid];
  // the common case falls through: a taken branch would hold one of the 28 BTB entries
  if (t.queued === 0) {
    t.queued = 1;
    push(ex, t.prio, cid);
  }
}

/** Marks cid for waking before the executor's next choice (safe to call from an interrupt). */
export function delayWake(ex: Ptr<Executor>, cid: u64): void {
  const w = cid >>> 6;
  amoor_d(ex.delayed + 8 * w, 1 << (cid & 63));
  amoor_d(ex + ENTRY_SUMMARY, 1 << w);
}

function spawnTask(ex: Ptr<Executor>, frame: u64, prio: u64, flags: u64): u64 {
  if (frame === 0) return NO_COROUTINE; // the arena is used up
  if (ex.freeCount === 0) {
    __async_frame_free(frame); // the coroutine will never run
    return NO_COROUTINE;
  }
  ex.freeCount = ex.freeCount - 1;
  const cid = ex.freeCids[ex.freeCount];
  const t = ex.tasks[cid];
  t.frame = frame;
  t.resume = ptr<FrameHeader>(frame).resume;
  t.prio = prio & (PRIORITIES - 1);
  t.flags = flags;
  t.queued = 0;
  t.arg = 0;
  if ((flags & TASK_SERVICE) === 0) ex.counted = ex.counted + 1;
  wake(ex, cid);
  return cid;
}

/**
 * Runs coroutine co (an async function's call) at priority prio; run() waits for it. Returns its
 * cid, or NO_COROUTINE when MAX_COROUTINES are alive already (co is then dropped).
 */
export function spawn(ex: Ptr<Executor>, co: Promise<void>, prio: u64): u64 {
  return spawnTask(ex, frameOf(co), prio, 0);
}

/** Runs a service coroutine (a loop that never ends: a channel's receiver, a server): run() does not wait for it. */
export function spawnService(ex: Ptr<Executor>, co: Promise<void>, prio: u64): u64 {
  return spawnTask(ex, frameOf(co), prio, TASK_SERVICE);
}

/** User-interrupt bit `bit` wakes coroutine cid (delayed: applied before the next fetch). */
export function bindVector(ex: Ptr<Executor>, bit: u64, cid: u64): void {
  ex.vectorCid[bit & 63] = cid + 1;
}

/** The running coroutine's cid. */
export function currentCid(): u64 {
  return thisExecutor().current;
}

export function taskArg(ex: Ptr<Executor>, cid: u64): u64 {
  return ex.tasks[cid].arg;
}

export function setTaskArg(ex: Ptr<Executor>, cid: u64, arg: u64): void {
  ex.tasks[cid].arg = arg;
}

/**
 * Whether delayed wake-ups wait to be applied (non-zero): the user-interrupt entry and other
 * threads add them, so the summary is read with load64 (docs/gtsc.md, "Memory and aliasing").
 */
function delayedPending(ex: Ptr<Executor>): u64 {
  return load64(ex + ENTRY_SUMMARY);
}

/**
 * Applies the delayed wake-ups (taken atomically: the user-interrupt entry adds to them). Kept
 * out of line: its loops need saved registers, which the run loop, with none pending, would
 * otherwise save and restore.
 * @noinline
 */
function applyDelayed(ex: Ptr<Executor>): void {
  let words = amoswap_d(ex + ENTRY_SUMMARY, 0);
  for (let w = 0; words !== 0; w++) {
    if ((words & 1) !== 0) {
      let bits = amoswap_d(ex.delayed + 8 * w, 0);
      for (let b = 0; bits !== 0; b++) {
        if ((bits & 1) !== 0) wake(ex, w * 64 + b);
        bits = bits >>> 1;
      }
    }
    words = words >>> 1;
  }
}

/**
 * The next coroutine to run (its cid), or NO_COROUTINE: the first of the highest-priority
 * non-empty ring, taken off it (runTask clears its queued flag, where its task is at hand).
 * The caller applies the delayed wake-ups first (nextTask): so this is a leaf function, with no
 * registers to save.
 * @noinline
 */
export function fetchTask(ex: Ptr<Executor>): u64 {
  const bitmap = ex.readyBitmap;
  if (bitmap === 0) return NO_COROUTINE;
  const p = ex.lowestBit[bitmap];
  const head = ex.readyHead[p];
  const cid = ex.readyCids[p * MAX_COROUTINES + (head & (MAX_COROUTINES - 1))];
  ex.readyHead[p] = head + 1;
  if (head + 1 === ex.readyTail[p]) ex.readyBitmap = bitmap & ~(1 << p);
  return cid;
}

/** The delayed wake-ups applied, the next coroutine to run (fetchTask). */
function nextTask(ex: Ptr<Executor>): u64 {
  if (delayedPending(ex) !== 0) applyDelayed(ex);
  return fetchTask(ex);
}

/** Resumes cid, which fetchTask took off its ring; a coroutine that finished gives back its frame and cid. */
function runTask(ex: Ptr<Executor>, cid: u64): void {
  const t = ex.tasks[cid];
  t.queued = 0; // a wake-up from now on queues it again
  ex.current = cid;
  ex.switches = ex.switches + 1;
  const finished = t.resume(t.frame);
  ex.current = NO_COROUTINE;
  if (finished === 0) return;
  __async_frame_free(t.frame);
  if ((t.flags & TASK_SERVICE) === 0) ex.counted = ex.counted - 1;
  t.flags = 0;
  t.queued = 1; // no longer alive: a late wake-up is a no-op
  ex.freeCids[ex.freeCount] = cid;
  ex.freeCount = ex.freeCount + 1;
}

/** Nothing to run: wait for a user interrupt (or yield), with the race against one closed. */
function idle(ex: Ptr<Executor>): void {
  ex.idles = ex.idles + 1;
  if (ex.idlePolicy === IDLE_YIELD || ex.uintrSlot === 0) {
    Yield();
    return;
  }
  if (ex.idlePolicy === IDLE_SPIN) {
    const until = rdcycle() + SPIN_CYCLES;
    while (rdcycle() < until) if (delayedPending(ex) !== 0) return; // an interrupt came
  }
  // An interrupt taken between fetch and Wait would leave nothing pending to end the Wait: with
  // UIE clear it stays pending in the UINTC instead, and Wait returns at once (docs/os.md).
  csr_clear('ustatus', 1);
  if (delayedPending(ex) === 0) Wait(ex.uintrSlot);
  csr_set('ustatus', 1); // a pending user interrupt is taken here
}

/** Runs coroutines until every one spawned with spawn() has finished (services keep their state). */
export function run(ex: Ptr<Executor>): void {
  while (ex.counted !== 0) {
    const cid = nextTask(ex);
    if (cid === NO_COROUTINE) idle(ex);
    else runTask(ex, cid);
  }
}

/** Runs coroutines for ever (a server thread). */
export function runForever(ex: Ptr<Executor>): void {
  while (true) {
    const cid = nextTask(ex);
    if (cid === NO_COROUTINE) idle(ex);
    else runTask(ex, cid);
  }
}

/** Parks the running coroutine and makes it ready again at once: lets the others run. */
export async function yieldNow(): Promise<void> {
  const ex = thisExecutor();
  wake(ex, ex.current);
  await suspend();
}
