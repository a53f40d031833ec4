/**
 * The Rocket model's timing code for translated blocks (contract in block-timing.ts). It is
 * RocketTimingModel.retire() specialised to one instruction whose class, registers and fetch
 * line are known when the block is translated:
 *
 *   issue   s = max(now + fetch penalty, ready[rs1], ready[rs2])
 *   finish  ready[rd] = s + mem + latency;  now = s + 1 + mem + ctl
 *
 * with `now` kept in a local for the whole block and written back by sync(). What is static is
 * decided here, once:
 *   - fetch: skipped without a test when the instruction before it in the block was fetched
 *     from the same I$ line; otherwise skipped when this fetch site fetched since the I$ last
 *     changed (the model's fetchEpoch: with Bare fetch, a line fetched and not evicted since is
 *     a hit that changes no state) or when the model's last fetch was this very line; else a
 *     fetchAt() call;
 *   - interlocks: no test for a register last written in the block by an ALU instruction or a
 *     JAL (ready at its issue + 1, never later than the next issue);
 *   - classes: the latency constants of the profile are written in.
 * What is dynamic stays a call into the model, but only on its slow path: the D-TLB entry used
 * last and the two D$ lines touched last are tested inline (a hit there changes nothing but
 * the dirty bit), another line of RAM calls dataLine(), anything else dataOf(); the predictor is a
 * call per branch or jump, the multiplier/divider latency a call per M-extension operation.
 *
 * test/cpu/fast-vs-reference.test.ts holds this to the interpreter (retire() per instruction):
 * identical cycles and model events on every program.
 */
import { TimingEvent } from './events';
import { InsnClass } from './record';
import type { BlockInsn, BlockTiming, BlockTimingWriter } from './block-timing';
import type { TimingProfile } from './profile';

const isPow2 = (n: number): boolean => n > 0 && (n & (n - 1)) === 0;

/** Page-table levels a walk may read at most (the model's PTE buffer). */
const MAX_WALK_READS = 8;

/**
 * An upper bound of the cycles one translated instruction (ALU, load, store, branch, jump)
 * can take in RocketTimingModel.retire(): fetch penalty (I-TLB walk, I$ miss), interlock on a
 * source (at most the longest memory penalty plus the longest latency any instruction
 * publishes, the divider's included), the D-side penalty, the control penalty and one cycle.
 */
export function rocketMaxInsnCycles(p: TimingProfile): number {
  const mem = p.memoryLatency + p.dirtyWritebackCycles;
  const walk = p.tlbMissCycles + MAX_WALK_READS * (Math.max(p.ptwAccessCycles, 0) + mem + p.pteCacheHitCycles);
  const fetch = walk + p.memoryLatency;
  const data = walk + Math.max(mem, p.mmioLatency);
  const mulDiv = 64 / p.mulBitsPerCycle + 70; // mulLatency ≤ 64/u + 1, divLatency ≤ 68, + 1 each
  const lat = Math.max(p.loadWordLatency, p.loadSubwordLatency, p.scLatency, p.csrReadLatency, p.jalrLinkLatency, 1, mulDiv);
  const ctl = Math.max(p.mispredictCycles, p.btbMissJumpCycles, p.flushCycles, p.csrWriteFlushCycles, p.xretCycles);
  return Math.ceil(fetch + data + lat + data + ctl + 1);
}

/** The model state generated code reads through bindings (fixed for the model's life). */
export interface RocketBlockState {
  readonly ready: Float64Array;
  readonly events: Float64Array;
  readonly dcache: { readonly dirty: Uint8Array };
  readonly dtlb: { readonly lastBase: number; readonly lastSize: number };
}

export class RocketBlockTiming implements BlockTiming {
  readonly maxInsnCycles: number;
  /** Measured: 24 against 48 is ~30 % faster on sort and chase, the same on dhry. */
  readonly maxBlock = 24;
  constructor(private readonly p: TimingProfile, private readonly model: RocketBlockState) {
    this.maxInsnCycles = rocketMaxInsnCycles(p);
  }

  writer(ramBase: number): BlockTimingWriter {
    return new RocketBlockWriter(this.p, ramBase, this.model);
  }
}

class RocketBlockWriter implements BlockTimingWriter {
  private readonly iLine: number;
  /** D$ line of RAM offset ma is (ma >>> dShift) + dBase; dShift < 0: always call dataOf(). */
  private readonly dShift: number;
  private readonly dBase: number;
  /** Page-relative I$ line of the previous instruction of the block (-1: none yet). */
  private prevLine = -1;
  /** Fetch sites so far (the block's epoch array `fe` has one slot per site). */
  private fetchSites = 0;
  /** Registers whose ready time cannot exceed the next issue (see the file comment). */
  private readonly settled = new Set<number>();

  constructor(private readonly p: TimingProfile, private readonly ramBase: number, private readonly model: RocketBlockState) {
    this.iLine = isPow2(p.icacheLineBytes) && p.icacheLineBytes <= 4096 ? p.icacheLineBytes : 0;
    const d = p.dcacheLineBytes;
    this.dShift = isPow2(d) && ramBase % d === 0 ? Math.log2(d) : -1;
    this.dBase = this.dShift >= 0 ? ramBase / d : 0;
  }

  prologue(): string {
    return 'tm.basePc = pc0; tm.basePa = fp0;\n' +
      'let now = tm.now; const cb = h.cycle - now, lim = limit - cb;\n' +
      'let st = 0, s = 0, u = 0, q = 0, mem = 0, ctl = 0;';
  }

  bindings(): Record<string, unknown> {
    const m = this.model;
    return { fe: new Float64Array(this.fetchSites).fill(NaN), rdy: m.ready, ev: m.events, dc: m.dcache, dcd: m.dcache.dirty, dtl: m.dtlb };
  }

  overLimit(): string {
    return 'now >= lim';
  }

  hasRoom(cycles: number): string {
    return `now + ${cycles} <= lim`;
  }

  sync(): string {
    return `tm.now = now; h.cycle = cb + now; ev[${TimingEvent.OperandStall}] += st; st = 0;`;
  }

  resync(): string {
    return 'now = tm.now;';
  }

  retire(i: BlockInsn): string {
    let code = this.issue(i);
    const rd = i.rd;
    const p = this.p;
    switch (i.cls) {
      case InsnClass.Alu:
      case InsnClass.Fence: // costs nothing beyond its cycle (retire() lets it fall through)
        code += `${rd !== 0 ? `rdy[${rd}] = s + 1; ` : ''}now = s + 1;`;
        break;
      case InsnClass.Load: {
        const lat = i.memWidth >= 4 ? p.loadWordLatency : p.loadSubwordLatency;
        code += this.data(false) + `${rd !== 0 ? `rdy[${rd}] = s + mem + ${lat}; ` : ''}now = s + 1 + mem;`;
        break;
      }
      case InsnClass.Store:
        code += this.data(true) + `${rd !== 0 ? `rdy[${rd}] = s + mem + 1; ` : ''}now = s + 1 + mem;`;
        break;
      case InsnClass.Branch:
        code += `ctl = tm.branchAt(${i.offset}, tk, tk ? ${i.imm} : ${i.len}); ${rd !== 0 ? `rdy[${rd}] = s + 1; ` : ''}now = s + 1 + ctl;`;
        break;
      case InsnClass.Jal:
        code += `ctl = tm.jalAt(${i.offset}, ${rd}, ${i.len}, ${i.imm}); ${rd !== 0 ? `rdy[${rd}] = s + 1; ` : ''}now = s + 1 + ctl;`;
        break;
      case InsnClass.Jalr:
        code += `r.nextPc = h.pc; ctl = tm.jalrAt(${i.offset}, ${rd}, ${i.rs1}, ${i.len}, r); `;
        code += `${rd !== 0 ? `rdy[${rd}] = s + ${p.jalrLinkLatency}; ` : ''}now = s + 1 + ctl;`;
        break;
      case InsnClass.Csr:
        code += `ctl = tm.csrCtl(r); ${rd !== 0 ? `rdy[${rd}] = s + ${p.csrReadLatency}; ` : ''}now = s + 1 + ctl;`;
        break;
      case InsnClass.Amo:
      case InsnClass.Lr:
      case InsnClass.Sc: {
        // The hart's execAmo() left the access in the record.
        const lat = i.cls === InsnClass.Sc ? p.scLatency : p.loadWordLatency;
        code += `mem = tm.dataOf(r, ${i.cls !== InsnClass.Lr}); ${rd !== 0 ? `rdy[${rd}] = s + mem + ${lat}; ` : ''}now = s + 1 + mem;`;
        break;
      }
      case InsnClass.Mul:
      case InsnClass.MulW:
      case InsnClass.Div:
      case InsnClass.DivW:
        // The unit takes one operation at a time; its latency depends on the operands and
        // funct3 the hart left in the record.
        code += `if (tm.mulFree > s) { ev[${TimingEvent.MulDivBusyStall}] += tm.mulFree - s; s = tm.mulFree; } `;
        code += `q = tm.mulDivLatency(r, ${i.cls}) + 1; tm.mulFree = s + q; ${rd !== 0 ? `rdy[${rd}] = s + q; ` : ''}now = s + 1;`;
        break;
      default:
        throw new Error(`rocket block timing: class ${i.cls} is not translated`);
    }
    // Only an ALU result (or a JAL link) is ready by the next issue.
    if (rd !== 0) {
      if (i.cls === InsnClass.Alu || i.cls === InsnClass.Jal) this.settled.add(rd);
      else this.settled.delete(rd);
    }
    return code;
  }

  /** s = max(u = now + fetch penalty, ready[rs1], ready[rs2]); stall cycles counted in st. */
  private issue(i: BlockInsn): string {
    const L = this.iLine;
    const line = L > 0 ? Math.floor(i.pageOffset / L) : -1;
    const sameLine = line >= 0 && line === this.prevLine;
    this.prevLine = line;
    let code = 'u = now; ';
    if (!sameLine) {
      if (L > 0) {
        // Skip the fetch when this site fetched since the I$ last changed (Bare fetch) or when
        // the model fetched this very line last.
        const site = this.fetchSites++;
        const lineStart = i.offset - (i.pageOffset % L); // of this instruction's line, from pc0
        code += `if (fe[${site}] !== tm.fetchEpoch) { `;
        code += `if (pc0 + ${lineStart} !== tm.lastFetchV || fp0 + ${lineStart} !== tm.lastFetchP) u += tm.fetchAt(${i.offset}); `;
        code += `fe[${site}] = tm.fetchEpoch; } `;
      } else {
        code += `u += tm.fetchAt(${i.offset}); `;
      }
    }
    code += 's = u; ';
    let tests = 0;
    for (const rs of [i.rs1, i.rs2]) {
      if (rs === 0 || this.settled.has(rs)) continue;
      code += `q = rdy[${rs}]; if (q > s) s = q; `;
      tests++;
    }
    if (tests > 0) code += 'st += s - u; ';
    return code;
  }

  /** mem = the D-side cycles of the access (see the file comment). */
  private data(write: boolean): string {
    const slow = `{ if (ma >= 0) { r.memPaddr = ma + ${this.ramBase}; r.memVaddr = hi * 4294967296 + (lo >>> 0); r.memIsMmio = false; } mem = tm.dataOf(r, ${write}); }`;
    if (this.dShift < 0) return `${slow} `;
    const hit = (slot: string): string => (write ? `{ mem = 0; dcd[dc.${slot}] = 1; }` : 'mem = 0;');
    // Translation costs nothing when Bare, or inside the D-TLB entry used last (a lookup
    // there changes no state); the D$ part then as for Bare.
    const noWalk = '(tm.bareData || ((q = hi * 4294967296 + (lo >>> 0) - dtl.lastBase) >= 0 && q < dtl.lastSize))';
    return `if (ma >= 0 && ${noWalk}) { q = (ma >>> ${this.dShift}) + ${this.dBase}; ` +
      `if (q === dc.lastLine) ${hit('lastSlot')} else if (q === dc.prevLine) ${hit('prevSlot')} else mem = tm.dataLine(q, ${write}); } else ${slow} `;
  }
}
