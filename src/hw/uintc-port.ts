/**
 * What the hart's `uipi` instruction needs from the UINTC (uintr.md §2). The hart decides
 * whether an operation happens (enables, sender-table entry, ranges); the UINTC only holds
 * receiver state. Receiver indexes outside 0..511 are ignored (reads give 0).
 */
export interface UintcPort {
  /** SEND: pending[index] |= 1 << (vector & 63). */
  send(index: number, vector: number): void;
  /** READ: out[0], out[1] ← pending[index] (lo, hi); pending[index] ← 0. */
  readAndClear(index: number, out: Int32Array): void;
  /** WRITE: pending[index] |= hi:lo. */
  orPending(index: number, lo: number, hi: number): void;
  /** ACTIVATE / DEACTIVATE. */
  setActive(index: number, active: boolean): void;
}
