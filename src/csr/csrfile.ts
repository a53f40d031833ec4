/**
 * The CSR file of one hart: storage, WARL legalisation and the views (sstatus/sie/sip,
 * ustatus/uie/uip). Access checks use the CSR table. Interrupt and trap logic lives in the
 * hart (src/cpu); this file only holds and legalises values.
 *
 * 32-bit-wide registers (mstatus low half, mie, mip, delegation masks, counteren) are plain
 * numbers; 64-bit registers live in one Int32Array as (lo, hi) pairs indexed by `Slot`.
 */
import { Csr, csrDefs } from './table';
import type { CsrDef } from './table';

/**
 * 2^32, for joining and splitting 64-bit halves: a const enum, so that the bundle has the number
 * written in. Not imported from src/cpu/int64.ts: the CSR file sits below src/cpu.
 */
const enum Pow2 { TWO32 = 4294967296 }

/**
 * mstatus bits (low word; the high word is fixed: UXL = SXL = 2, SD = 0 since FS = XS = 0).
 * A const enum, as Irq, Cause and Priv (src/cpu/hart.ts): the bundle then has the numbers
 * written in. A module's constant object is a `var` in the bundle, which V8's optimised code
 * loads from the module context and checks at every use (the trap paths use a dozen of them).
 */
export const enum Ms {
  UIE = 1 << 0, SIE = 1 << 1, MIE = 1 << 3, UPIE = 1 << 4, SPIE = 1 << 5, MPIE = 1 << 7, SPP = 1 << 8,
  MPP = 3 << 11, MPRV = 1 << 17, SUM = 1 << 18, MXR = 1 << 19, TVM = 1 << 20, TW = 1 << 21, TSR = 1 << 22,
}

/** The status and interrupt CSRs' field masks; a const enum, as Ms. */
const enum Mask {
  MSTATUS_HI = 0xa, // UXL (33:32) = 2, SXL (35:34) = 2
  MSTATUS_WRITABLE = 0x7e19bb,
  SSTATUS_READ = 0x000de133, // UIE SIE UPIE SPIE SPP FS XS SUM MXR
  SSTATUS_WRITABLE = 0x000c0133,
  USTATUS_MASK = Ms.UIE | Ms.UPIE,
  MIE_MASK = 0xbbb, // USIE SSIE MSIE UTIE STIE MTIE UEIE SEIE MEIE
  MIP_SW_MASK = 0x333, // USIP SSIP UTIP STIP UEIP SEIP writable from M
  MIDELEG_MASK = 0x333, // S- and U-level interrupts may be delegated (bit 0 = USIP)
  SIDELEG_MASK = 0x111,
  MEDELEG_MASK = 0xb3ff, // causes 0-9, 12, 13, 15 (not 11: ecall from M)
  SEDELEG_MASK = 0xb1ff, // causes 0-8, 12, 13, 15
}

/** Interrupt numbers (mip/mie bits and cause codes); a const enum, as Ms. */
export const enum Irq { USI = 0, SSI = 1, MSI = 3, UTI = 4, STI = 5, MTI = 7, UEI = 8, SEI = 9, MEI = 11 }
const HPM_EVENTS_SUPPORTED = new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18]);

/** 64-bit registers stored as (lo, hi) pairs. */
export const enum Slot {
  mtvec, mscratch, mepc, mcause, mtval,
  stvec, sscratch, sepc, scause, stval,
  utvec, uscratch, uepc, ucause, utval,
  satp, suist, suirs, suicfg, menvcfg, senvcfg,
  pmpcfg0, // 8 slots (pmpcfg0, 2, ..., 14)
  pmpaddr0 = pmpcfg0 + 8, // 16 slots
  count = pmpaddr0 + 16,
}

/**
 * What CSRRW/CSRRS/CSRRC (`kind` 0/1/2) write: the source, old | source, old & ~source (one
 * 32-bit half). csrModifiedCode is the same as an expression, for generated code.
 */
export function csrModified(kind: number, old: number, src: number): number {
  return kind === 0 ? src : kind === 1 ? old | src : old & ~src;
}

/** csrModified as a JS expression of `old` and `src`. */
export function csrModifiedCode(kind: number, old: string, src: string): string {
  return kind === 0 ? src : kind === 1 ? `${old} | ${src}` : `${old} & ~${src}`;
}

/** What the CSR file reads from its hart (counters, time, events). */
export interface CsrHost {
  readonly hartId: number;
  readonly cycle: number;
  readonly instret: number;
  readTime(): number;
  /** Count of mhpmevent number `event` (timing-model or hart-counted events). */
  hpmEventCount(event: number): number;
}

export class CsrFile {
  /** mstatus bits 31:0 (see Ms). */
  mstatus = 0;
  medeleg = 0;
  mideleg = 0;
  sedeleg = 0;
  sideleg = 0;
  mie = 0;
  /** Software-writable pending bits; the visible mip is mipSw | mipHw. */
  mipSw = 0;
  /** Lines driven by devices (bits 0, 3, 7, 9, 11). */
  mipHw = 0;
  mcounteren = 0;
  scounteren = 0;
  mcountinhibit = 0;
  readonly w = new Int32Array(2 * Slot.count);
  readonly mhpmevent = new Int32Array(32);
  private readonly hpmOffset = new Float64Array(32);
  private cycleOffset = 0;
  private instretOffset = 0;
  private readonly defs: (CsrDef | undefined)[] = csrDefs();
  /**
   * Plain CSRs (PLAIN_CSRS: read from their slot, written to it through a mask, no side
   * effects, no access rule beyond the privilege): per CSR number the slot, -1 for the others.
   * The hart's CSR instructions take a short path for them (trap handlers' epc/scratch/cause).
   */
  readonly plainSlot = new Int16Array(4096).fill(-1);
  /** Per plain CSR: the mask of the low word a write keeps, and the lowest privilege allowed. */
  readonly plainMaskLo = new Int32Array(4096);
  readonly plainPriv = new Uint8Array(4096);

  constructor(
    private readonly host: CsrHost,
    /** misa letters bitmap (bit 0 = A ... bit 25 = Z). */
    readonly misaLetters: number,
  ) {
    for (const [num, maskLo] of PLAIN_CSRS) {
      const d = this.defs[num];
      if (d === undefined || d.readOnly || d.counter >= 0 || (d.n && !this.hasN)) continue;
      this.plainSlot[num] = slotOf(num);
      this.plainMaskLo[num] = maskLo;
      this.plainPriv[num] = d.priv;
    }
  }

  get hasN(): boolean {
    return (this.misaLetters & (1 << 13)) !== 0;
  }

  /** Visible mip. */
  get mip(): number {
    return this.mipSw | this.mipHw;
  }

  /** Reset values (priv spec 3.4: mstatus.MIE = MPRV = 0; everything else here 0). */
  reset(): void {
    this.mstatus = 0;
    this.medeleg = this.mideleg = this.sedeleg = this.sideleg = 0;
    this.mie = this.mipSw = 0;
    this.mcounteren = this.scounteren = this.mcountinhibit = 0;
    this.w.fill(0);
    this.mhpmevent.fill(0);
    this.hpmOffset.fill(0);
    this.cycleOffset = -this.host.cycle;
    this.instretOffset = -this.host.instret;
  }

  lo(s: Slot): number {
    return this.w[2 * s];
  }
  hi(s: Slot): number {
    return this.w[2 * s + 1];
  }
  set(s: Slot, lo: number, hi: number): void {
    this.w[2 * s] = lo;
    this.w[2 * s + 1] = hi;
  }

  /**
   * Whether privilege `priv` may access CSR `num` (writing when `writes`): implemented, not
   * above `priv`, not read-only when written, counters allowed by m/scounteren, satp not
   * trapped by mstatus.TVM. False means illegal instruction.
   */
  allowed(num: number, priv: number, writes: boolean): boolean {
    const d = this.defs[num];
    if (d === undefined || priv < d.priv) return false;
    if (writes && d.readOnly) return false;
    if (d.n && !this.hasN) return false;
    if (d.counter >= 0) {
      const bit = 1 << d.counter;
      if (priv < 3 && (this.mcounteren & bit) === 0) return false;
      if (priv < 1 && (this.scounteren & bit) === 0) return false;
    }
    if (num === Csr.satp && priv === 1 && (this.mstatus & Ms.TVM) !== 0) return false;
    return true;
  }

  /** Reads CSR `num` into out[0] (lo) / out[1] (hi). Call only when allowed(). */
  read(num: number, out: Int32Array): void {
    let lo = 0;
    let hi = 0;
    const ms = this.mstatus;
    switch (num) {
      case Csr.mstatus: lo = ms; hi = Mask.MSTATUS_HI; break;
      case Csr.sstatus: lo = ms & Mask.SSTATUS_READ; hi = Mask.MSTATUS_HI & 3; break;
      case Csr.ustatus: lo = ms & Mask.USTATUS_MASK; break;
      case Csr.misa: lo = this.misaLetters; hi = 0x80000000 | 0; break;
      case Csr.medeleg: lo = this.medeleg; break;
      case Csr.mideleg: lo = this.mideleg; break;
      case Csr.sedeleg: lo = this.sedeleg; break;
      case Csr.sideleg: lo = this.sideleg; break;
      case Csr.mie: lo = this.mie; break;
      case Csr.sie: lo = this.mie & this.mideleg; break;
      case Csr.uie: lo = this.mie & this.sideleg; break;
      case Csr.mip: lo = this.mip; break;
      case Csr.sip: lo = this.mip & this.mideleg; break;
      case Csr.uip: lo = this.mip & this.sideleg; break;
      case Csr.mcounteren: lo = this.mcounteren; break;
      case Csr.scounteren: lo = this.scounteren; break;
      case Csr.mcountinhibit: lo = this.mcountinhibit; break;
      case Csr.mvendorid: case Csr.marchid: case Csr.mimpid: case Csr.mconfigptr: break;
      case Csr.mhartid: lo = this.host.hartId; break;
      case Csr.mcycle: case Csr.cycle: return split(this.host.cycle + this.cycleOffset, out);
      case Csr.minstret: case Csr.instret: return split(this.host.instret + this.instretOffset, out);
      case Csr.time: return split(this.host.readTime(), out);
      default: {
        const s = slotOf(num);
        if (s >= 0) {
          lo = this.w[2 * s];
          hi = this.w[2 * s + 1];
        } else if ((num >= 0xb03 && num <= 0xb1f) || (num >= 0xc03 && num <= 0xc1f)) {
          const i = num & 31;
          return split(this.host.hpmEventCount(this.mhpmevent[i]) + this.hpmOffset[i], out);
        } else if (num >= 0x323 && num <= 0x33f) {
          lo = this.mhpmevent[num - 0x320];
        }
      }
    }
    out[0] = lo;
    out[1] = hi;
  }

  /**
   * The value csrrs/csrrc modify: as read(), except that mip/sip/uip use only the software-
   * writable pending bits, so that a line driven by a device (e.g. the UINTC's USIP) is not
   * latched into the software bit by an unrelated set/clear (as the priv spec says for SEIP).
   */
  readForModify(num: number, out: Int32Array): void {
    this.read(num, out);
    if (num === Csr.mip) out[0] = this.mipSw;
    else if (num === Csr.sip) out[0] = this.mipSw & this.mideleg;
    else if (num === Csr.uip) out[0] = this.mipSw & this.sideleg;
  }

  /**
   * Writes CSR `num` (WARL-legalised). Call only when allowed(num, priv, true). `byInsn`: the
   * write is done by a retiring instruction, whose own minstret increment it suppresses (the
   * next instruction reads the written value).
   */
  write(num: number, lo: number, hi: number, byInsn = true): void {
    switch (num) {
      case Csr.mstatus: this.mstatus = legalMstatus(this.mstatus, lo, Mask.MSTATUS_WRITABLE); return;
      case Csr.sstatus: this.mstatus = legalMstatus(this.mstatus, lo, Mask.SSTATUS_WRITABLE); return;
      case Csr.ustatus: this.mstatus = legalMstatus(this.mstatus, lo, Mask.USTATUS_MASK); return;
      case Csr.misa: return; // fixed: the letters cannot be switched off at run time
      case Csr.medeleg: this.medeleg = lo & Mask.MEDELEG_MASK; return;
      case Csr.mideleg: this.mideleg = lo & Mask.MIDELEG_MASK; return;
      case Csr.sedeleg: this.sedeleg = lo & Mask.SEDELEG_MASK; return;
      case Csr.sideleg: this.sideleg = lo & Mask.SIDELEG_MASK; return;
      case Csr.mie: this.mie = lo & Mask.MIE_MASK; return;
      case Csr.sie: this.mie = merge(this.mie, lo, this.mideleg & Mask.MIE_MASK); return;
      case Csr.uie: this.mie = merge(this.mie, lo, this.sideleg & Mask.MIE_MASK); return;
      case Csr.mip: this.mipSw = lo & Mask.MIP_SW_MASK; return;
      // From S only SSIP (and USIP, bit 0, once delegated) is writable; from U USIP and UEIP.
      case Csr.sip: this.mipSw = merge(this.mipSw, lo, this.mideleg & 0x3); return;
      case Csr.uip: this.mipSw = merge(this.mipSw, lo, this.sideleg & 0x101); return;
      case Csr.mcounteren: this.mcounteren = lo; return;
      case Csr.scounteren: this.scounteren = lo; return;
      case Csr.mcountinhibit: this.mcountinhibit = lo & ~2; return;
      case Csr.mcycle: this.cycleOffset = join(lo, hi) - this.host.cycle; return;
      case Csr.minstret: this.instretOffset = join(lo, hi) - this.host.instret - (byInsn ? 1 : 0); return;
      case Csr.mtvec: case Csr.stvec: case Csr.utvec:
        this.set(slotOf(num), (lo & 3) >= 2 ? lo & ~3 : lo, hi);
        return;
      case Csr.mepc: case Csr.sepc: case Csr.uepc:
        this.set(slotOf(num), lo & EpcMask.LO, hi);
        return;
      case Csr.satp: {
        const mode = hi >>> 28;
        if (mode !== 0 && mode !== 8) return; // unsupported MODE: the whole write is ignored
        this.set(Slot.satp, lo, hi & 0x8fffffff | 0); // MODE 8, ASID (16 bits, ignored by the TLB), PPN
        return;
      }
      case Csr.menvcfg: case Csr.senvcfg:
        this.set(slotOf(num), lo & 1, 0); // only FIOM is implemented
        return;
      case Csr.suist: this.set(Slot.suist, lo, hi & 0x80ffffff | 0); return;
      case Csr.suirs: this.set(Slot.suirs, lo & 0xffff, hi & 0x80000000); return;
      default: {
        const s = slotOf(num);
        if (s >= Slot.pmpaddr0) {
          this.set(s, lo, hi & 0x3fffff); // 54-bit pmpaddr
        } else if (s >= 0) {
          this.set(s, lo, hi);
        } else if (num >= 0xb03 && num <= 0xb1f) {
          const i = num & 31;
          this.hpmOffset[i] = join(lo, hi) - this.host.hpmEventCount(this.mhpmevent[i]);
        } else if (num >= 0x323 && num <= 0x33f) {
          const i = num - 0x320;
          const count = this.host.hpmEventCount(this.mhpmevent[i]) + this.hpmOffset[i];
          this.mhpmevent[i] = hi === 0 && HPM_EVENTS_SUPPORTED.has(lo) ? lo : 0;
          this.hpmOffset[i] = count - this.host.hpmEventCount(this.mhpmevent[i]);
        }
      }
    }
  }
}

/** An xepc write clears bit 0 (IALIGN 16: the C extension). */
const enum EpcMask { LO = ~1 }

/**
 * The plain CSRs and the mask of the low word their writes keep (as write() does: the epcs
 * clear bit 0, the rest keep every bit).
 */
const PLAIN_CSRS: readonly (readonly [number, number])[] = [
  [Csr.mscratch, -1], [Csr.mepc, EpcMask.LO], [Csr.mcause, -1], [Csr.mtval, -1],
  [Csr.sscratch, -1], [Csr.sepc, EpcMask.LO], [Csr.scause, -1], [Csr.stval, -1],
  [Csr.uscratch, -1], [Csr.uepc, EpcMask.LO], [Csr.ucause, -1], [Csr.utval, -1],
];

/** MPP is WARL: the reserved value 2 becomes U (0). */
function legalMstatus(old: number, v: number, writable: number): number {
  let n = (old & ~writable) | (v & writable);
  if ((n & Ms.MPP) === 2 << 11) n &= ~Ms.MPP;
  return n;
}

function merge(old: number, v: number, mask: number): number {
  return (old & ~mask) | (v & mask);
}

function join(lo: number, hi: number): number {
  return (hi >>> 0) * Pow2.TWO32 + (lo >>> 0);
}

function split(v: number, out: Int32Array): void {
  out[0] = v % Pow2.TWO32 | 0;
  out[1] = Math.floor(v / Pow2.TWO32) | 0;
}

/** CSR number → 64-bit storage slot, or -1. */
function slotOf(num: number): number {
  switch (num) {
    case Csr.mtvec: return Slot.mtvec;
    case Csr.mscratch: return Slot.mscratch;
    case Csr.mepc: return Slot.mepc;
    case Csr.mcause: return Slot.mcause;
    case Csr.mtval: return Slot.mtval;
    case Csr.stvec: return Slot.stvec;
    case Csr.sscratch: return Slot.sscratch;
    case Csr.sepc: return Slot.sepc;
    case Csr.scause: return Slot.scause;
    case Csr.stval: return Slot.stval;
    case Csr.utvec: return Slot.utvec;
    case Csr.uscratch: return Slot.uscratch;
    case Csr.uepc: return Slot.uepc;
    case Csr.ucause: return Slot.ucause;
    case Csr.utval: return Slot.utval;
    case Csr.satp: return Slot.satp;
    case Csr.suist: return Slot.suist;
    case Csr.suirs: return Slot.suirs;
    case Csr.suicfg: return Slot.suicfg;
    case Csr.menvcfg: return Slot.menvcfg;
    case Csr.senvcfg: return Slot.senvcfg;
  }
  if (num >= 0x3a0 && num <= 0x3ae && (num & 1) === 0) return Slot.pmpcfg0 + ((num - 0x3a0) >> 1);
  if (num >= 0x3b0 && num <= 0x3bf) return Slot.pmpaddr0 + (num - 0x3b0);
  return -1;
}
