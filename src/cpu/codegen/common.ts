/**
 * Pieces shared by the interpreter generator (interp.ts) and the block translator (blocks.ts):
 * the names bound into generated functions, the inline RAM path of loads and stores, and the
 * per-op facts read from the instruction table once.
 */
import { InsnClass } from '../../isa/classes';
import { AllOps } from '../../isa/opcodes';
import { div64, mulHigh, mulU128 } from '../int64';
import { HartSlot } from '../../timing/timing-code';
import { PageMark } from '../../memory/bus';
import type { CodeContext } from './host';
import { shapeOf, type SemShape } from './sem';

/** The hart's doubles in generated code: slots of its state array `hs` (HartSlot). */
export const HS = {
  pc: `hs[${HartSlot.Pc}]`,
  cycle: `hs[${HartSlot.Cycle}]`,
  instret: `hs[${HartSlot.Instret}]`,
  fetchVBase: `hs[${HartSlot.FetchVBase}]`,
  fetchPBase: `hs[${HartSlot.FetchPBase}]`,
  runLimit: `hs[${HartSlot.RunLimit}]`,
  runBudget: `hs[${HartSlot.RunBudget}]`,
  syncLimit: `hs[${HartSlot.SyncLimit}]`,
  readSyncLimit: `hs[${HartSlot.ReadSyncLimit}]`,
  waitSpinless: `hs[${HartSlot.WaitSpinless}]`,
} as const;

/** Classes of ordered instructions that write no memory (besides plain loads; CSRs test in the hart). */
const READ_ONLY_ORDERED: ReadonlySet<InsnClass> = new Set([InsnClass.FenceI, InsnClass.Wfi, InsnClass.Uipi]);

/**
 * The limit an ordered instruction tests (several harts): those that write no memory wait at
 * the read limit, which does not wait for spinning harts (their next load cannot see such an
 * operation: docs/cpu.md, "Several harts"); stores, AMOs and LR/SC at the sync limit.
 */
export function syncLimitOf(o: OpInfo): string {
  return o.shape.plainLoad || READ_ONLY_ORDERED.has(o.cls) ? HS.readSyncLimit : HS.syncLimit;
}

/** Per op: its semantics body, shape, timing class and funct3 (from the table). */
export interface OpInfo {
  readonly body: string;
  readonly shape: SemShape;
  readonly cls: InsnClass;
  readonly funct3: number;
  readonly name: string;
}

/** Every op's facts, in op order. */
export function opInfos(): readonly OpInfo[] {
  return AllOps.map((d) => ({ body: d.sem, shape: shapeOf(d.sem), cls: d.cls, funct3: (d.match >>> 12) & 7, name: d.name }));
}

/** The names a generated function has bound (its context, the 64-bit helpers, the model's). */
export function contextBindings(ctx: CodeContext, timing: Record<string, unknown>): Record<string, unknown> {
  return {
    ...timing,
    h: ctx.h, hs: ctx.h.hs, xl: ctx.xl, xh: ctx.xh, r: ctx.r, tm: ctx.tm, t: ctx.t, t2: ctx.t2,
    m8: ctx.m8, m16: ctx.m16, m32: ctx.m32, codeMark: ctx.codeMark, codeBits: ctx.codeBits, bus: ctx.bus, cw: ctx.csr.w,
    mulU128, mulHigh, div64,
  };
}

/** Makes the function whose body is `body` with `bound` names in scope (through the hart's cache). */
export function makeFunction<F>(ctx: CodeContext, name: string, params: string, body: string, bound: Record<string, unknown>, acrossMachines = false): F {
  return ctx.cache.make<F>(name, params, body, bound, acrossMachines);
}

/** lo:hi = x[rs1] + imm, the address of a load or store (imm: an expression). */
export function addressCode(imm: string): string {
  return `lo = (a + ${imm}) | 0; hi = (ah + (${imm} >> 31) + (lo >>> 0 < a >>> 0 ? 1 : 0)) | 0;`;
}

/**
 * The test of the inline RAM path: naturally aligned and inside RAM chunk 0, with Bare
 * translation (the address's high word 0) or, under Sv39, in the page the hart last translated
 * for this kind of access (CodeHost.loadPageHi etc.). Leaves the RAM offset in ma (negative when
 * the access is not on the inline path). `bare`: an expression, true when data is Bare.
 */
export function ramTest(size: number | string, store: boolean, ctx: CodeContext, bare: string): string {
  const page = store ? 'storePage' : 'loadPage';
  const end = typeof size === 'number' ? String(ctx.ram0Size - size) : `${ctx.ram0Size} - ${size}`;
  const align = typeof size === 'number' ? String(size - 1) : `(${size} - 1)`;
  return `ma = ${bare} ? (hi === 0 ? (lo >>> 0) - ${ctx.ramBase} : -1) : (hi === h.${page}Hi && (lo & -4096) === h.${page}Lo ? h.${page}Off + (lo & 4095) : -1); ` +
    `if (ma >= 0 && ma <= ${end} && (ma & ${align}) === 0)`;
}

/** ramRead/ramWrite for a width in the local `sz`. */
export function ramReadN(): string {
  return `if (sz === 8) { ${ramRead(8)} } else if (sz === 4) { ${ramRead(4)} } else if (sz === 2) { ${ramRead(2)} } else { ${ramRead(1)} }`;
}

export function ramWriteN(): string {
  return `if (sz === 8) { ${ramWrite(8)} } else if (sz === 4) { ${ramWrite(4)} } else if (sz === 2) { ${ramWrite(2)} } else { ${ramWrite(1)} }`;
}

export function ramRead(size: number): string {
  switch (size) {
    case 8: return 'vh = m32[(ma >>> 2) + 1]; v = m32[ma >>> 2];';
    case 4: return 'v = m32[ma >>> 2]; vh = 0;';
    case 2: return 'v = m16[ma >>> 1]; vh = 0;';
    default: return 'v = m8[ma]; vh = 0;';
  }
}

export function ramWrite(size: number): string {
  switch (size) {
    case 8: return 'm32[ma >>> 2] = b; m32[(ma >>> 2) + 1] = bh;';
    case 4: return 'm32[ma >>> 2] = b;';
    case 2: return 'm16[ma >>> 1] = b;';
    default: return 'm8[ma] = b;';
  }
}

/**
 * A store on the inline path touched a page holding code, or reservations exist: tell the hart,
 * unless the page is only marked as code and the store's 64-byte granule holds none (data next
 * to code, where Bus.ramStored would do nothing). An aligned store of at most 8 bytes stays in
 * one granule; its bit is bit (ma >>> 6) & 31 of codeBits[ma >>> 11].
 */
export function codeMarkCheck(size: number | string): string {
  return `if ((codeMark[ma >>> 12] | bus.reservationCount) !== 0 && (codeMark[ma >>> 12] !== ${PageMark.Code} || bus.reservationCount !== 0 || ` +
    `(codeBits[ma >>> 11] & (1 << ((ma >>> 6) & 31))) !== 0)) { h.storedToCode(ma, ${size}); sx = true; }`;
}

/** Reads of the operand halves a body uses. */
export function operandReads(shape: SemShape, rs1: string | number, rs2: string | number): string {
  let s = '';
  if (shape.reads.a) s += `a = xl[${rs1}]; `;
  if (shape.reads.ah) s += `ah = xh[${rs1}]; `;
  if (shape.reads.b) s += `b = xl[${rs2}]; `;
  if (shape.reads.bh) s += `bh = xh[${rs2}]; `;
  return s;
}

/** The locals of the semantics (every generated function declares them). */
export const SEM_LOCALS = 'let a = 0, ah = 0, b = 0, bh = 0, lo = 0, hi = 0, v = 0, vh = 0, sh = 0, tk = false, ma = 0, sx = false, jl = 0, jh = 0, k = 0;';
