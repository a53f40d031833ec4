/**
 * A set-associative, blocking cache model: tags and dirty bits only (the model never holds
 * data). Random replacement from the Rocket LFSR, advanced once per miss; the victim is
 * chosen at random even when a way is still invalid, as Rocket's caches do.
 */
import { lfsr16Step } from './lfsr';

export const enum CacheResult {
  Hit = 0,
  Miss = 1, // line filled, victim clean or invalid
  MissDirty = 2, // line filled, a dirty victim written back
}

export class CacheModel {
  private readonly sets: number;
  private readonly ways: number;
  /** 1 / lineBytes: exact for a power of two, and a multiply is cheaper than a divide. */
  private readonly invLine: number;
  /** Sets − 1 (generated block code reads it with `tags` and `mru`). */
  readonly setMask: number;
  /** Line number (paddr / lineBytes) per set×way, -1 when invalid (read by generated code). */
  readonly tags: Float64Array;
  /**
   * Per set, the slot (set×way) of the line the set's last search found or filled: generated
   * block code tests that slot's tag inline, so a hit there (on Dhrystone 94 % of the accesses
   * outside the two lines touched last) needs no call. Only a hint: a slot whose tag is not the
   * line is simply not a hit. Written only by this class.
   */
  readonly mru: Int32Array;
  /** Dirty bit per set×way (read and set by generated block code: rocket-code.ts). */
  readonly dirty: Uint8Array;
  private lfsr: number;
  private readonly seed: number;
  /**
   * The last two lines touched and their slots (-1: none), both held by the cache: accesses to
   * them skip the search (generated block code tests prevLine inline; lastLine is always at its
   * set's `mru`, which it tests; a hit changes nothing but the dirty bit). Written only by this
   * class.
   */
  lastLine = -1;
  lastSlot = 0;
  prevLine = -1;
  prevSlot = 0;
  /** The last fill replaced a valid line (false: it filled an invalid way). */
  evicted = false;

  constructor(bytes: number, ways: number, lineBytes: number, seed: number) {
    this.ways = ways;
    this.invLine = 1 / lineBytes;
    this.sets = bytes / (ways * lineBytes);
    this.setMask = this.sets - 1;
    this.tags = new Float64Array(this.sets * ways).fill(-1);
    this.mru = new Int32Array(this.sets);
    this.dirty = new Uint8Array(this.sets * ways);
    this.seed = seed;
    this.lfsr = seed;
  }

  /** The line number of a physical address (callers pass line numbers, see access()). */
  lineOf(paddr: number): number {
    return Math.floor(paddr * this.invLine);
  }

  /**
   * Looks up (and on a miss fills) line number `line` (lineOf(paddr)); `write` marks it dirty.
   * The argument is a line number rather than an address because a line number of RAM is a
   * small integer, which crosses a call V8 does not inline without being boxed.
   */
  access(line: number, write: boolean): CacheResult {
    if (line === this.lastLine) {
      if (write) this.dirty[this.lastSlot] = 1;
      return CacheResult.Hit;
    }
    if (line === this.prevLine) {
      if (write) this.dirty[this.prevSlot] = 1;
      return CacheResult.Hit;
    }
    return this.lookupLine(line, write);
  }

  /** True when line number `line` is held; changes nothing (not even the last lines touched). */
  holds(line: number): boolean {
    const base = (line & this.setMask) * this.ways;
    for (let w = 0; w < this.ways; w++) if (this.tags[base + w] === line) return true;
    return false;
  }

  /** The set search and fill for a line other than the last one touched. */
  private lookupLine(line: number, write: boolean): CacheResult {
    // `&` keeps the low 32 bits of the (non-negative, < 2^53) line number: enough for the set.
    const base = (line & this.setMask) * this.ways;
    const tags = this.tags;
    for (let w = 0; w < this.ways; w++) {
      if (tags[base + w] === line) {
        this.mru[line & this.setMask] = base + w;
        this.remember(line, base + w, write);
        return CacheResult.Hit;
      }
    }
    this.lfsr = lfsr16Step(this.lfsr);
    const slot = base + (this.lfsr & (this.ways - 1));
    this.evicted = tags[slot] >= 0;
    const wasDirty = this.evicted && this.dirty[slot] === 1;
    // The victim may be one of the remembered lines.
    if (slot === this.lastSlot) this.lastLine = -1;
    if (slot === this.prevSlot) this.prevLine = -1;
    tags[slot] = line;
    this.mru[line & this.setMask] = slot;
    this.dirty[slot] = 0;
    this.remember(line, slot, write);
    return wasDirty ? CacheResult.MissDirty : CacheResult.Miss;
  }

  /** Makes `line` the last line touched (called for a line other than the last two). */
  private remember(line: number, slot: number, write: boolean): void {
    this.prevLine = this.lastLine;
    this.prevSlot = this.lastSlot;
    this.lastLine = line;
    this.lastSlot = slot;
    if (write) this.dirty[slot] = 1;
  }

  /** Drops every line (fence.i on the I$); dirty data is not modelled, so nothing is written. */
  invalidateAll(): void {
    this.tags.fill(-1);
    this.dirty.fill(0);
    this.lastLine = -1;
    this.prevLine = -1;
  }

  /** Back to the power-on state, LFSR included. */
  reset(): void {
    this.invalidateAll();
    this.lfsr = this.seed;
  }
}
