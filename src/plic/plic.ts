/**
 * PLIC (platform-level interrupt controller) as on QEMU virt: 96 sources (id 0 reserved, so
 * riscv,ndev = 95), two contexts per hart (2h = M-mode → MEIP, 2h+1 = S-mode → SEIP).
 *
 *   +0x000000 + 4·src               priority[src]            (0 = never; 1..7)
 *   +0x001000 + 4·w                 pending bits src 32w..   (read-only)
 *   +0x002000 + 0x80·ctx + 4·w      enable bits of context ctx
 *   +0x200000 + 0x1000·ctx          threshold of context ctx
 *   +0x200004 + 0x1000·ctx          claim (read) / complete (write)
 *
 * Gateways are level-sensitive: a source is pending while its input is high, except between
 * its claim and its completion (the gateway forwards nothing while a request is in flight).
 * A completion re-pends the source if its input is still high. Only 32-bit accesses.
 */
import type { HartIrqLines, IrqSink, MmioDevice } from '../hw/device';
import { RvnError } from '../errors';

export const PlicReg = {
  priority: 0x00_0000,
  pending: 0x00_1000,
  enable: 0x00_2000,
  enableStride: 0x80,
  context: 0x20_0000,
  contextStride: 0x1000,
  size: 0x60_0000,
} as const;

/** Priority register width (QEMU virt: 7 levels above 0). */
const PRIORITY_MASK = 7;
const MIP_MEIP = 11;
const MIP_SEIP = 9;

export interface PlicOptions {
  harts: number;
  irq: HartIrqLines;
  /** Number of source ids including the reserved id 0; default 96 (QEMU virt). */
  sources?: number;
}

export class Plic implements MmioDevice, IrqSink {
  readonly name = 'plic';
  readonly size = PlicReg.size;
  readonly harts: number;
  readonly sources: number;
  readonly contexts: number;

  readonly priority: Uint8Array;
  /** Input line levels, one word per 32 sources. */
  readonly level: Uint32Array;
  readonly pending: Uint32Array;
  /** Claimed and not yet completed. */
  readonly claimed: Uint32Array;
  /** enable[ctx·words + w]. */
  readonly enable: Uint32Array;
  readonly threshold: Uint8Array;
  /** Last level driven onto each context's hart line (to report changes only). */
  readonly output: Uint8Array;

  private readonly words: number;
  private readonly irq: HartIrqLines;

  constructor(opts: PlicOptions) {
    const sources = opts.sources ?? 96;
    if (!Number.isInteger(opts.harts) || opts.harts < 1 || opts.harts > 512) {
      throw new RvnError(`plic: invalid hart count ${opts.harts}`);
    }
    if (!Number.isInteger(sources) || sources < 2 || sources > 1024) {
      throw new RvnError(`plic: invalid source count ${sources}`);
    }
    this.harts = opts.harts;
    this.sources = sources;
    this.contexts = 2 * opts.harts;
    this.words = (sources + 31) >> 5;
    this.irq = opts.irq;
    this.priority = new Uint8Array(sources);
    this.level = new Uint32Array(this.words);
    this.pending = new Uint32Array(this.words);
    this.claimed = new Uint32Array(this.words);
    this.enable = new Uint32Array(this.words * this.contexts);
    this.threshold = new Uint8Array(this.contexts);
    this.output = new Uint8Array(this.contexts);
  }

  /** riscv,ndev for the device tree: the highest valid source id. */
  get ndev(): number {
    return this.sources - 1;
  }

  setIrq(source: number, level: boolean): void {
    if (source <= 0 || source >= this.sources) {
      throw new RvnError(`plic: interrupt source ${source} out of range`);
    }
    const w = source >> 5;
    const bit = 1 << (source & 31);
    this.level[w] = level ? this.level[w] | bit : this.level[w] & ~bit;
    if ((this.claimed[w] & bit) === 0) {
      this.pending[w] = level ? this.pending[w] | bit : this.pending[w] & ~bit;
    }
    this.updateOutputs();
  }

  read(offset: number, size: number, out: Int32Array): boolean {
    if (size !== 4 || (offset & 3) !== 0) return false;
    out[0] = this.readWord(offset);
    out[1] = 0;
    return true;
  }

  write(offset: number, size: number, lo: number, _hi: number): boolean {
    if (size !== 4 || (offset & 3) !== 0) return false;
    this.writeWord(offset, lo);
    this.updateOutputs();
    return true;
  }

  /**
   * The claim of context ctx: the highest-priority pending, enabled source whose priority
   * exceeds the threshold (ties go to the lowest id); 0 when there is none. Does not claim.
   */
  best(ctx: number): number {
    let bestId = 0;
    let bestPrio = this.threshold[ctx];
    const base = ctx * this.words;
    for (let w = 0; w < this.words; w++) {
      let bits = this.pending[w] & this.enable[base + w];
      while (bits !== 0) {
        const b = 31 - Math.clz32(bits & -bits);
        bits &= bits - 1;
        const id = (w << 5) | b;
        if (this.priority[id] > bestPrio) {
          bestPrio = this.priority[id];
          bestId = id;
        }
      }
    }
    return bestId;
  }

  private readWord(offset: number): number {
    if (offset < PlicReg.pending) {
      const src = offset >> 2;
      return src < this.sources ? this.priority[src] : 0;
    }
    if (offset < PlicReg.enable) {
      const w = (offset - PlicReg.pending) >> 2;
      return w < this.words ? this.pending[w] | 0 : 0;
    }
    if (offset < PlicReg.context) {
      const ctx = Math.floor((offset - PlicReg.enable) / PlicReg.enableStride);
      const w = ((offset - PlicReg.enable) % PlicReg.enableStride) >> 2;
      return ctx < this.contexts && w < this.words ? this.enable[ctx * this.words + w] | 0 : 0;
    }
    const ctx = Math.floor((offset - PlicReg.context) / PlicReg.contextStride);
    const reg = (offset - PlicReg.context) % PlicReg.contextStride;
    if (ctx >= this.contexts) return 0;
    if (reg === 0) return this.threshold[ctx];
    if (reg === 4) return this.claim(ctx);
    return 0;
  }

  private writeWord(offset: number, value: number): void {
    if (offset < PlicReg.pending) {
      const src = offset >> 2;
      if (src > 0 && src < this.sources) this.priority[src] = value & PRIORITY_MASK;
      return;
    }
    if (offset < PlicReg.enable) return; // pending bits are read-only
    if (offset < PlicReg.context) {
      const ctx = Math.floor((offset - PlicReg.enable) / PlicReg.enableStride);
      const w = ((offset - PlicReg.enable) % PlicReg.enableStride) >> 2;
      if (ctx >= this.contexts || w >= this.words) return;
      // Source 0 does not exist; bits past the last source are hardwired to 0 as well.
      let mask = w === 0 ? ~1 : -1;
      const last = this.sources - 32 * w;
      if (last < 32) mask &= (1 << last) - 1;
      this.enable[ctx * this.words + w] = value & mask;
      return;
    }
    const ctx = Math.floor((offset - PlicReg.context) / PlicReg.contextStride);
    const reg = (offset - PlicReg.context) % PlicReg.contextStride;
    if (ctx >= this.contexts) return;
    if (reg === 0) this.threshold[ctx] = value & PRIORITY_MASK;
    else if (reg === 4) this.complete(ctx, value >>> 0);
  }

  private claim(ctx: number): number {
    const id = this.best(ctx);
    if (id !== 0) {
      const w = id >> 5;
      const bit = 1 << (id & 31);
      this.pending[w] &= ~bit;
      this.claimed[w] |= bit;
      this.updateOutputs();
    }
    return id;
  }

  /** A completion for a source not enabled for this context is ignored (PLIC spec). */
  private complete(ctx: number, id: number): void {
    if (id === 0 || id >= this.sources) return;
    const w = id >> 5;
    const bit = 1 << (id & 31);
    if ((this.enable[ctx * this.words + w] & bit) === 0) return;
    this.claimed[w] &= ~bit;
    if ((this.level[w] & bit) !== 0) this.pending[w] |= bit;
  }

  private updateOutputs(): void {
    for (let ctx = 0; ctx < this.contexts; ctx++) {
      const level = this.best(ctx) !== 0 ? 1 : 0;
      if (level === this.output[ctx]) continue;
      this.output[ctx] = level;
      this.irq.setHartIrq(ctx >> 1, (ctx & 1) === 0 ? MIP_MEIP : MIP_SEIP, level === 1);
    }
  }
}
