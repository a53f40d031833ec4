/**
 * Breakpoints, watchpoints and single-stepping: the hook the harts call (Hart.debug) while a
 * debugger needs to look, and nothing otherwise. Breakpoints are pc values checked before an
 * instruction executes (gdb's software and hardware breakpoints alike: guest memory is never
 * patched, so the guest reads its own code unchanged and translated blocks need no care).
 * Watchpoints are virtual address ranges compared with each retired instruction's data access.
 */
import type { CommitInfo, Hart, HartDebugHook } from '../cpu/hart';

export type WatchKind = 'write' | 'read' | 'access';

interface Watch {
  readonly kind: WatchKind;
  readonly addr: number;
  readonly len: number;
}

/** Why the hook stopped a hart (for the stop reply). */
export type HookStop =
  | { kind: 'breakpoint'; hartId: number; pc: number }
  | { kind: 'watch'; hartId: number; watch: WatchKind; addr: number }
  | { kind: 'step'; hartId: number };

export class DebugStops implements HartDebugHook {
  /** Breakpoint pcs (with how many times each is inserted: Z0 and Z1 may both set one). */
  private readonly breakpoints = new Map<number, number>();
  private readonly watches: Watch[] = [];
  /** The hart being single-stepped, if any. */
  private stepping: number | undefined;
  /** What stopped the last hart the hook stopped. */
  lastStop: HookStop | undefined;

  get idle(): boolean {
    return this.breakpoints.size === 0 && this.watches.length === 0 && this.stepping === undefined;
  }

  addBreakpoint(pc: number): void {
    this.breakpoints.set(pc, (this.breakpoints.get(pc) ?? 0) + 1);
  }

  /** False if no breakpoint was there. */
  removeBreakpoint(pc: number): boolean {
    const n = this.breakpoints.get(pc);
    if (n === undefined) return false;
    if (n > 1) this.breakpoints.set(pc, n - 1);
    else this.breakpoints.delete(pc);
    return true;
  }

  addWatch(kind: WatchKind, addr: number, len: number): void {
    this.watches.push({ kind, addr, len });
  }

  removeWatch(kind: WatchKind, addr: number, len: number): boolean {
    const i = this.watches.findIndex((w) => w.kind === kind && w.addr === addr && w.len === len);
    if (i < 0) return false;
    this.watches.splice(i, 1);
    return true;
  }

  /** The next resume single-steps hart `hartId` (undefined: no step). */
  step(hartId: number | undefined): void {
    this.stepping = hartId;
  }

  clear(): void {
    this.breakpoints.clear();
    this.watches.length = 0;
    this.stepping = undefined;
  }

  before(hart: Hart): boolean {
    if (this.breakpoints.size === 0 || !this.breakpoints.has(hart.pc)) return false;
    this.lastStop = { kind: 'breakpoint', hartId: hart.hartId, pc: hart.pc };
    return true;
  }

  after(hart: Hart, c: Readonly<CommitInfo>, retired: boolean): boolean {
    if (retired && c.memPaddr >= 0 && this.watches.length > 0) {
      const hit = this.watchHit(c);
      if (hit !== undefined) {
        this.lastStop = { kind: 'watch', hartId: hart.hartId, watch: hit.kind, addr: hit.addr };
        if (this.stepping === hart.hartId) this.stepping = undefined;
        return true;
      }
    }
    if (this.stepping !== hart.hartId) return false;
    this.stepping = undefined;
    this.lastStop = { kind: 'step', hartId: hart.hartId };
    return true;
  }

  private watchHit(c: Readonly<CommitInfo>): { kind: WatchKind; addr: number } | undefined {
    const start = c.memVaddr;
    const end = start + c.memWidth;
    for (const w of this.watches) {
      if (w.kind === 'write' && !c.isStore) continue;
      if (w.kind === 'read' && c.isStore) continue;
      if (start < w.addr + w.len && w.addr < end) return { kind: w.kind, addr: Math.max(start, w.addr) };
    }
    return undefined;
  }
}
