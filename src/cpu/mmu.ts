/**
 * Sv39 address translation (privileged spec 1.12 §4.3-4.4) with a direct-mapped TLB.
 *
 * The TLB caches leaf PTE flags per 4 KiB virtual page; permissions (which depend on the
 * privilege, SUM and MXR) are checked on every access against the cached flags, so the TLB
 * never needs flushing on privilege or mstatus changes — only on sfence.vma and satp writes.
 * A and D are updated in hardware: an access that needs a bit the cached PTE lacks walks again
 * and writes the PTE.
 */
import type { Bus } from '../memory/bus';
import { Pow2 } from './int64';

export const enum Access {
  Fetch = 0,
  Load = 1,
  Store = 2, // stores and AMOs
}

/**
 * translate() results below zero. A const enum: the bundle has the numbers written in (a
 * module's top-level const is bundled as a `var`, reloaded and checked at each use).
 */
export const enum TranslateFault {
  Page = -1,
  /** A PTE read or A/D write failed. */
  Access = -2,
}

/** PTE bits; a const enum, as Ms (src/csr/csrfile.ts): the bundle has the numbers written in. */
export const enum Pte { V = 1, R = 2, W = 4, X = 8, U = 16, G = 32, A = 64, D = 128 }

/** TLB slots; a const enum, as Pte. */
const enum Tlb { SIZE = 256 }

/**
 * TLB slot of a virtual page number: its low bits folded with higher ones, so that pages a
 * multiple of 1 MiB apart (a kernel and a user alias of the same code, high-half kernels)
 * do not all fall into one slot. (vpn < 2^27: `>>>` is exact.)
 */
function tlbIndex(vpn: number): number {
  return (vpn ^ (vpn >>> 8) ^ (vpn >>> 16)) & (Tlb.SIZE - 1);
}

export class Mmu {
  private readonly tag = new Float64Array(Tlb.SIZE).fill(-1);
  private readonly ppn = new Float64Array(Tlb.SIZE);
  private readonly flags = new Int32Array(Tlb.SIZE);
  private readonly tmp = new Int32Array(2);
  /** satp.PPN · 4096 (the root table), set by the hart when satp changes. */
  root = 0;
  /** mstatus.SUM and mstatus.MXR, kept current by the hart. */
  sum = false;
  mxr = false;
  /**
   * Changes whenever an entry of the TLB may have changed (a flush or a fill): while it stays
   * the same, a page translate() answered from the TLB gets the same answer without a walk.
   */
  epoch = 0;

  constructor(private readonly bus: Bus) {}

  /**
   * The slots filled since the last flush (the first `filledCount`; a slot may be listed more
   * than once; a count above Tlb.SIZE: more fills than listed): a flush clears only these. A
   * kernel that switches satp at every IPC fills a handful of slots in between, and a fill()
   * of all Tlb.SIZE tags is a call into V8's runtime.
   */
  private readonly filled = new Int32Array(Tlb.SIZE);
  private filledCount = 0;

  flush(): void {
    const n = this.filledCount;
    if (n > Tlb.SIZE) {
      this.tag.fill(-1);
    } else {
      for (let k = 0; k < n; k++) this.tag[this.filled[k]] = -1;
    }
    this.filledCount = 0;
    this.epoch++;
  }

  /**
   * Translates the virtual address hi:lo for an access at privilege `priv` (0 U, 1 S).
   * Returns the physical address, TranslateFault.Page or TranslateFault.Access (a PTE read or A/D write failed).
   */
  translate(lo: number, hi: number, acc: Access, priv: number): number {
    // Bits 63:39 must all equal bit 38.
    if (hi >> 6 !== (hi << 25) >> 31) return TranslateFault.Page;
    const vpn = (hi & 0x7f) * 1048576 + (lo >>> 12);
    const i = tlbIndex(vpn);
    if (this.tag[i] === vpn) {
      const f = this.flags[i];
      if (this.permits(f, acc, priv) && (f & Pte.A) !== 0 && (acc !== Access.Store || (f & Pte.D) !== 0)) {
        return this.ppn[i] * 4096 + (lo & 0xfff);
      }
    }
    return this.walk(vpn, lo, acc, priv);
  }

  /**
   * Whether translate() would answer from the TLB (no walk, so no memory access): the page is
   * cached and the access allowed without setting A or D.
   */
  cached(lo: number, hi: number, acc: Access, priv: number): boolean {
    if (hi >> 6 !== (hi << 25) >> 31) return true; // a page fault, found without a walk
    const vpn = (hi & 0x7f) * 1048576 + (lo >>> 12);
    const i = tlbIndex(vpn);
    if (this.tag[i] !== vpn) return false;
    const f = this.flags[i];
    return this.permits(f, acc, priv) && (f & Pte.A) !== 0 && (acc !== Access.Store || (f & Pte.D) !== 0);
  }

  private permits(f: number, acc: Access, priv: number): boolean {
    if ((f & Pte.U) !== 0) {
      if (priv === 1 && (acc === Access.Fetch || !this.sum)) return false;
    } else if (priv === 0) {
      return false;
    }
    if (acc === Access.Fetch) return (f & Pte.X) !== 0;
    if (acc === Access.Load) return (f & Pte.R) !== 0 || (this.mxr && (f & Pte.X) !== 0);
    return (f & Pte.W) !== 0;
  }

  private walk(vpn: number, vlo: number, acc: Access, priv: number): number {
    let a = this.root;
    let level = 2;
    let lo = 0;
    let ppn = 0;
    let pteAddr = 0;
    for (;;) {
      pteAddr = a + ((vpn >>> (9 * level)) & 511) * 8;
      if (!this.bus.load(pteAddr, 8, this.tmp)) return TranslateFault.Access;
      lo = this.tmp[0];
      const hi = this.tmp[1];
      // Invalid, W without R (reserved), or reserved high bits 63:54 set.
      if ((lo & Pte.V) === 0 || ((lo & Pte.R) === 0 && (lo & Pte.W) !== 0) || hi >>> 22 !== 0) return TranslateFault.Page;
      ppn = (hi & 0x3fffff) * 4194304 + (lo >>> 10);
      if ((lo & (Pte.R | Pte.X)) !== 0) break;
      if (--level < 0) return TranslateFault.Page;
      a = ppn * 4096;
    }
    if (!this.permits(lo, acc, priv)) return TranslateFault.Page;
    const span = level === 0 ? 1 : level === 1 ? 512 : 262144;
    if (ppn % span !== 0) return TranslateFault.Page; // misaligned superpage
    const need = Pte.A | (acc === Access.Store ? Pte.D : 0);
    if ((lo & need) !== need) {
      lo |= need;
      if (!this.bus.store(pteAddr, 4, lo, 0)) return TranslateFault.Access;
    }
    const pagePpn = ppn + (vpn % span);
    const i = tlbIndex(vpn);
    this.epoch++;
    const n = this.filledCount;
    if (n < Tlb.SIZE) this.filled[n] = i;
    // Past Tlb.SIZE fills, flush() clears every slot.
    if (n <= Tlb.SIZE) this.filledCount = n + 1;
    this.tag[i] = vpn;
    this.ppn[i] = pagePpn;
    this.flags[i] = lo & 0xff;
    return pagePpn * 4096 + (vlo & 0xfff);
  }

  /**
   * Physical addresses of the PTEs a walk of `vaddr` reads (root first) into `out`; returns
   * how many. No side effects (for the timing model).
   */
  walkPtes(vaddr: number, out: Float64Array): number {
    const hi = Math.floor(vaddr / Pow2.TWO32) | 0;
    const lo = vaddr | 0;
    if (hi >> 6 !== (hi << 25) >> 31) return 0;
    const vpn = (hi & 0x7f) * 1048576 + (lo >>> 12);
    let a = this.root;
    let n = 0;
    for (let level = 2; level >= 0; level--) {
      const pteAddr = a + ((vpn >>> (9 * level)) & 511) * 8;
      if (n < out.length) out[n] = pteAddr;
      n++;
      if (!this.bus.load(pteAddr, 8, this.tmp)) break;
      const l = this.tmp[0];
      if ((l & Pte.V) === 0 || (l & (Pte.R | Pte.X)) !== 0) break;
      a = ((this.tmp[1] & 0x3fffff) * 4194304 + (l >>> 10)) * 4096;
    }
    return Math.min(n, out.length);
  }
}
