/**
 * Emission: an allocated IR function becomes GNU-as RV64 text. Leaf functions that use only
 * caller-saved registers get no frame; otherwise the prologue saves ra and the callee-saved
 * registers actually used. Arguments of calls are placed with a parallel move.
 */
import { RvnError } from '../errors';
import { insDefs, insUses, termUses, type Block, type Cmp, type Ins, type IrFunction, type SourceLoc, type Term } from './ir';
import { buildCfg, dominates } from './opt/cfg';
import { SAVED_REGS, SCRATCH, type Allocation, type Loc } from './regalloc';

export const REG_NAMES = [
  'zero', 'ra', 'sp', 'gp', 'tp', 't0', 't1', 't2', 's0', 's1', 'a0', 'a1', 'a2', 'a3', 'a4', 'a5',
  'a6', 'a7', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10', 's11', 't3', 't4', 't5', 't6',
];

/** t0 (x5), the alternate link register of the RISC-V return-address-stack hints. */
const ALT_LINK = 5;

const INVERT: Record<Cmp, Cmp> = { eq: 'ne', ne: 'eq', lt: 'ge', ge: 'lt', ltu: 'geu', geu: 'ltu' };
const LOAD = { 1: ['lbu', 'lb'], 2: ['lhu', 'lh'], 4: ['lwu', 'lw'], 8: ['ld', 'ld'] } as const;
const STORE = { 1: 'sb', 2: 'sh', 4: 'sw', 8: 'sd' } as const;
/** Zero- and sign-extension of the low 8, 16 or 32 bits: [zero, sign] by width. */
const EXTEND: readonly Record<8 | 16 | 32, [string, number][]>[] = [
  { 8: [['andi', 255]], 16: [['slli', 48], ['srli', 48]], 32: [['slli', 32], ['srli', 32]] },
  { 8: [['slli', 56], ['srai', 56]], 16: [['slli', 48], ['srai', 48]], 32: [['addiw', 0]] },
];

interface Frame {
  size: number;
  /** Bytes allocated by the first `addi sp` (saved registers); the rest by `sub`. */
  saveArea: number;
  saves: { reg: number; off: number }[];
  slotOff: number[];
}

function alignUp(x: number, a: number): number {
  return Math.ceil(x / a) * a;
}

/** `return f(...)` (or a call right before a plain return) can jump instead of call. */
function isTailCall(fn: IrFunction, i: Ins, t: Term): boolean {
  if (i.op !== 'call' || i.target === 'ecall' || t.op !== 'ret') return false;
  if (fn.slots.length > 0) return false; // arguments may point into this frame
  return t.a === undefined || t.a === i.d;
}

/** Whether some call returns here (so `ra` must be saved); tail calls do not. */
function callsBack(fn: IrFunction): boolean {
  return fn.blocks.some((b) => b.ins.some((i, k) => i.op === 'call' && (k < b.ins.length - 1 || !isTailCall(fn, i, b.term))));
}

function layoutFrame(fn: IrFunction, al: Allocation): Frame {
  const saved = [...(callsBack(fn) ? [1] : []), ...al.usedSaved];
  let off = al.spillSlots * 8;
  const slotOff = fn.slots.map((s) => { off = alignUp(off, Math.max(s.align, 1)); const o = off; off += s.size; return o; });
  const body = alignUp(off, 16);
  const saveArea = alignUp(saved.length * 8, 16);
  const size = body + saveArea;
  const saves = saved.map((reg, k) => ({ reg, off: body + saveArea - 8 * (k + 1) }));
  return { size, saveArea, saves, slotOff };
}

export function fitsImm12(v: number | bigint): boolean {
  return v >= -2048 && v <= 2047;
}

/** The source files of one assembly file's line information: `.file N "name"` numbers. */
export class SourceFiles {
  private readonly numbers = new Map<string, number>();

  number(file: string): number {
    let n = this.numbers.get(file);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(file, n);
    }
    return n;
  }

  /** The `.file` directives (before any `.loc` that uses them). */
  directives(): string[] {
    return [...this.numbers].map(([file, n]) => `\t.file ${n} ${JSON.stringify(file)}`);
  }
}

class Emitter {
  readonly out: string[] = [];
  private readonly frame: Frame;
  private readonly far: boolean;
  /** The `.loc` in force (file number, line), to write one only when it changes. */
  private lastLoc = '';

  constructor(private readonly fn: IrFunction, private readonly al: Allocation, private readonly files: SourceFiles | undefined) {
    this.frame = layoutFrame(fn, al);
    this.far = estimateBytes(fn) > 3000;
  }

  /** Line information: the following instructions come from `src`. */
  at(src: SourceLoc | undefined): void {
    if (src === undefined || this.files === undefined) return;
    const loc = `${this.files.number(src.file)} ${src.line}`;
    if (loc === this.lastLoc) return;
    this.lastLoc = loc;
    this.out.push(`\t.loc ${loc}`);
  }

  private line(s: string): void { this.out.push('\t' + s); }
  private label(b: number): string { return `.L${this.fn.name}_${b}`; }

  private loc(v: number): Loc {
    if (v === 0) return { reg: 0 };
    const l = this.al.loc.get(v);
    if (!l) throw new RvnError(`gtsc internal error: v${v} has no location in ${this.fn.name}`);
    return l;
  }

  /** sp-relative address text, using t6 when the offset does not fit an immediate. */
  private spRef(off: number, tmp = 't6'): string {
    if (fitsImm12(off)) return `${off}(sp)`;
    this.line(`li ${tmp}, ${off}`);
    this.line(`add ${tmp}, sp, ${tmp}`);
    return `0(${tmp})`;
  }

  private use(v: number, k: number): string {
    const l = this.loc(v);
    if ('reg' in l) return REG_NAMES[l.reg]!;
    if (k >= SCRATCH.length) throw new RvnError(`gtsc: too many spilled operands in ${this.fn.name}`);
    const s = REG_NAMES[SCRATCH[k]!]!;
    this.line(`ld ${s}, ${this.spRef(l.spill * 8, s)}`);
    return s;
  }

  /** Register to write a result to, and a function that stores it if the value is spilled. */
  private def(v: number): [string, () => void] {
    const l = this.loc(v);
    if ('reg' in l) return [REG_NAMES[l.reg]!, () => {}];
    const s = REG_NAMES[SCRATCH[0]]!;
    return [s, () => this.line(`sd ${s}, ${this.spRef(l.spill * 8)}`)];
  }

  /** Bytes moved by `sub` after the register saves (0 when one `addi` covers the frame). */
  private get shift(): number {
    const { size, saveArea } = this.frame;
    return size <= 2032 ? 0 : size - saveArea;
  }

  prologue(): void {
    const { size, saveArea, saves } = this.frame;
    if (size === 0) return;
    const shift = this.shift;
    this.line(`addi sp, sp, -${shift === 0 ? size : saveArea}`);
    for (const s of saves) this.line(`sd ${REG_NAMES[s.reg]}, ${s.off - shift}(sp)`);
    if (shift > 0) this.adjustSp(-shift);
  }

  private adjustSp(delta: number): void {
    if (fitsImm12(delta)) this.line(`addi sp, sp, ${delta}`);
    else { this.line(`li t5, ${delta}`); this.line('add sp, sp, t5'); }
  }

  epilogue(): void {
    const { size, saveArea, saves } = this.frame;
    if (size === 0 || !this.inFrame) return;
    const shift = this.shift;
    if (shift > 0) this.adjustSp(shift);
    for (const s of saves) this.line(`ld ${REG_NAMES[s.reg]}, ${s.off - shift}(sp)`);
    this.line(`addi sp, sp, ${shift === 0 ? size : saveArea}`);
  }

  /** Parallel move of machine registers; t5 breaks cycles. */
  private parallelMove(moves: { dst: number; src: number }[]): void {
    let pending = moves.filter((m) => m.dst !== m.src);
    while (pending.length > 0) {
      const ready = pending.find((m) => !pending.some((o) => o !== m && o.src === m.dst));
      if (ready) {
        this.line(`mv ${REG_NAMES[ready.dst]}, ${REG_NAMES[ready.src]}`);
        pending = pending.filter((m) => m !== ready);
      } else {
        const m = pending[0]!;
        this.line(`mv t5, ${REG_NAMES[m.src]}`);
        const old = m.src;
        pending = pending.map((o) => (o.src === old ? { dst: o.dst, src: 30 } : o));
      }
      pending = pending.filter((m) => m.dst !== m.src);
    }
  }

  /** Place values (virtual registers) into machine registers, all at once. */
  private placeArgs(args: number[], dsts: number[]): void {
    const regMoves: { dst: number; src: number }[] = [];
    const loads: { dst: number; spill: number }[] = [];
    args.forEach((a, k) => {
      const l = this.loc(a);
      if ('reg' in l) regMoves.push({ dst: dsts[k]!, src: l.reg });
      else loads.push({ dst: dsts[k]!, spill: l.spill });
    });
    this.parallelMove(regMoves);
    for (const l of loads) this.line(`ld ${REG_NAMES[l.dst]}, ${this.spRef(l.spill * 8)}`);
  }

  entry(): void {
    const moves: { dst: number; src: number }[] = [];
    this.fn.params.forEach((p, k) => {
      const l = this.al.loc.get(p);
      if (!l) return;
      if ('reg' in l) moves.push({ dst: l.reg, src: 10 + k });
      else this.line(`sd a${k}, ${this.spRef(l.spill * 8)}`);
    });
    this.parallelMove(moves);
  }

  ins(i: Ins): void {
    switch (i.op) {
      case 'li': { const [d, fin] = this.def(i.d); this.line(`li ${d}, ${i.imm}`); fin(); return; }
      case 'la': { const [d, fin] = this.def(i.d); this.line(`la ${d}, ${i.sym}`); fin(); return; }
      case 'mv': {
        const a = this.use(i.a, 0);
        const [d, fin] = this.def(i.d);
        if (a !== d) this.line(`mv ${d}, ${a}`);
        fin();
        return;
      }
      case 'alu': {
        const a = this.use(i.a, 0), b = this.use(i.b, 1);
        const [d, fin] = this.def(i.d);
        this.line(`${i.fn} ${d}, ${a}, ${b}`);
        fin();
        return;
      }
      case 'alui': {
        const a = this.use(i.a, 0);
        const [d, fin] = this.def(i.d);
        if (!(i.fn === 'addi' && i.imm === 0 && a === d)) this.line(`${i.fn} ${d}, ${a}, ${i.imm}`);
        fin();
        return;
      }
      case 'ext': {
        const a = this.use(i.a, 0);
        const [d, fin] = this.def(i.d);
        for (const [fn, imm] of EXTEND[i.signed ? 1 : 0][i.bits]) this.line(`${fn} ${d}, ${fn === 'slli' || fn === 'andi' || fn === 'addiw' ? a : d}, ${imm}`);
        fin();
        return;
      }
      case 'unary': {
        const a = this.use(i.a, 0);
        const [d, fin] = this.def(i.d);
        this.line(`${i.fn} ${d}, ${a}`);
        fin();
        return;
      }
      case 'ld': {
        const a = this.use(i.a, 0);
        const [d, fin] = this.def(i.d);
        this.line(`${LOAD[i.size][i.signed ? 1 : 0]} ${d}, ${i.off}(${a})`);
        fin();
        return;
      }
      case 'st': {
        const a = this.use(i.a, 0), b = this.use(i.b, 1);
        this.line(`${STORE[i.size]} ${b}, ${i.off}(${a})`);
        return;
      }
      case 'frame': {
        const [d, fin] = this.def(i.d);
        const off = this.frame.slotOff[i.slot]!;
        if (fitsImm12(off)) this.line(`addi ${d}, sp, ${off}`);
        else { this.line(`li ${d}, ${off}`); this.line(`add ${d}, sp, ${d}`); }
        fin();
        return;
      }
      case 'call': return this.call(i);
      case 'raw': return this.raw(i);
    }
  }

  private call(i: Extract<Ins, { op: 'call' }>): void {
    let via = 't6';
    if (typeof i.target === 'number') {
      const l = this.loc(i.target);
      // a register that placing the arguments leaves alone (not an argument's; values never live
      // in the SCRATCH registers the moves use) is jumped through as it is, else t6 holds the
      // address. Not t0: `jalr ra, t0` is a coroutine swap by the return-address-stack hints
      // (rs1 = x5, rd = x1: pop, then push), which would cost the caller's return its prediction.
      if ('reg' in l && !i.argRegs.includes(l.reg) && l.reg !== ALT_LINK) via = REG_NAMES[l.reg]!;
      else if ('reg' in l) this.line(`mv t6, ${REG_NAMES[l.reg]}`);
      else this.line(`ld t6, ${this.spRef(l.spill * 8)}`);
    }
    this.placeArgs(i.args, i.argRegs);
    if (i.target === 'ecall') this.line('ecall');
    else if (typeof i.target === 'number') this.line(`jalr ${via}`);
    else this.line(`call ${i.target}`);
    if (i.d !== undefined) {
      const [d, fin] = this.def(i.d);
      if (d !== 'a0') this.line(`mv ${d}, a0`);
      fin();
    }
  }

  private raw(i: Extract<Ins, { op: 'raw' }>): void {
    const ops = i.uses.map((u, k) => this.use(u, k));
    let dName = '';
    let fin = (): void => {};
    if (i.d !== undefined) [dName, fin] = this.def(i.d);
    const text = i.text.replace(/\{(d|\d+)\}/g, (_m, g: string) => (g === 'd' ? dName : ops[Number(g)] ?? '?'));
    for (const l of text.split('\n')) this.line(l.trim());
    fin();
  }

  term(t: Term, next: number | undefined): void {
    switch (t.op) {
      case 'none': return;
      case 'j': if (t.t !== next) this.line(`j ${this.label(t.t)}`); return;
      case 'ret': {
        if (t.a !== undefined) {
          const l = this.loc(t.a);
          if ('reg' in l) { if (l.reg !== 10) this.line(`mv a0, ${REG_NAMES[l.reg]}`); }
          else this.line(`ld a0, ${this.spRef(l.spill * 8)}`);
        }
        this.epilogue();
        this.line('ret');
        return;
      }
      case 'br': {
        const a = this.use(t.a, 0), b = this.use(t.b, 1);
        let cmp = t.cmp, target = t.t, other: number | undefined = t.f;
        if (t.t === next) { cmp = INVERT[cmp]; target = t.f; other = undefined; }
        else if (t.f === next) other = undefined;
        if (this.far) {
          const skip = `.L${this.fn.name}_far${this.out.length}`;
          this.line(`b${INVERT[cmp]} ${a}, ${b}, ${skip}`);
          this.line(`j ${this.label(target)}`);
          this.out.push(`${skip}:`);
        } else {
          this.line(`b${cmp} ${a}, ${b}, ${this.label(target)}`);
        }
        if (other !== undefined) this.line(`j ${this.label(other)}`);
        return;
      }
    }
  }

  /** Whether the frame is open in the block being emitted (see shrink-wrapping). */
  private inFrame = true;

  block(b: Block, next: number | undefined, referenced: Set<number>, wrap: Wrap | undefined): void {
    if (referenced.has(b.id)) this.out.push(`${this.label(b.id)}:`);
    if (wrap) {
      this.inFrame = wrap.inRegion(b.id);
      if (b.id === wrap.block) this.prologue();
    }
    const last = b.ins[b.ins.length - 1];
    if (last && isTailCall(this.fn, last, b.term)) {
      for (const i of b.ins.slice(0, -1)) {
        this.at(i.src);
        this.ins(i);
      }
      this.at(last.src);
      this.tailCall(last as Extract<Ins, { op: 'call' }>);
      return;
    }
    for (const i of b.ins) {
      this.at(i.src);
      this.ins(i);
    }
    this.term(b.term, next);
  }

  private tailCall(i: Extract<Ins, { op: 'call' }>): void {
    if (typeof i.target === 'number') {
      const l = this.loc(i.target);
      if ('reg' in l) this.line(`mv t6, ${REG_NAMES[l.reg]}`);
      else this.line(`ld t6, ${this.spRef(l.spill * 8)}`);
    }
    this.placeArgs(i.args, i.argRegs);
    this.epilogue();
    if (typeof i.target === 'number') this.line('jr t6');
    else this.line(`tail ${i.target}`);
  }
}

function estimateBytes(fn: IrFunction): number {
  let n = 0;
  for (const b of fn.blocks) {
    for (const i of b.ins) n += i.op === 'li' ? 8 : i.op === 'call' ? i.args.length + 4 : i.op === 'raw' ? 6 : 3;
    n += 4;
  }
  return n * 4;
}

function referencedBlocks(fn: IrFunction): Set<number> {
  const s = new Set<number>();
  fn.blocks.forEach((b, k) => {
    const t = b.term;
    if (t.op === 'j' && t.t !== k + 1) s.add(t.t);
    if (t.op === 'br') { s.add(t.t); s.add(t.f); }
  });
  return s;
}

/**
 * Assembly text of one function (without section directives). With `files`, it carries line
 * information: `.loc` for the declaration at the entry (the prologue), then for each statement.
 */
export function emitFunction(fn: IrFunction, al: Allocation, files?: SourceFiles): string {
  const e = new Emitter(fn, al, files);
  const head = [
    ...(fn.global ? [`\t.globl ${fn.name}`] : []),
    `\t.type ${fn.name}, @function`,
    '\t.align 2',
    `${fn.name}:`,
  ];
  e.at(fn.src);
  const wrap = shrinkWrap(fn, al);
  if (!wrap) e.prologue();
  e.entry();
  const refs = referencedBlocks(fn);
  fn.blocks.forEach((b, k) => e.block(b, k + 1 < fn.blocks.length ? k + 1 : undefined, refs, wrap));
  return [...head, ...e.out, `\t.size ${fn.name}, .-${fn.name}`, ''].join('\n');
}

/** Where the prologue goes when it is not at the entry, and the blocks that run with a frame. */
interface Wrap {
  block: number;
  inRegion(block: number): boolean;
}

/**
 * The shrink-wrapped prologue block (opt/shrinkwrap.ts), when the allocation lets the code
 * outside its region run without a frame: no callee-saved register, no stack slot there.
 */
function shrinkWrap(fn: IrFunction, al: Allocation): Wrap | undefined {
  const p = fn.prologueBlock;
  if (p === undefined || p === 0) return undefined;
  const cfg = buildCfg(fn);
  const inRegion = (k: number): boolean => dominates(cfg, p, k);
  const frameless = (v: number): boolean => {
    if (v === 0) return true;
    const l = al.loc.get(v);
    return !!l && 'reg' in l && !SAVED_REGS.includes(l.reg);
  };
  if (!fn.params.every((v) => !al.loc.has(v) || frameless(v))) return undefined;
  for (const b of fn.blocks) {
    if (inRegion(b.id)) continue;
    for (const i of b.ins) {
      if (i.op === 'call' || i.op === 'frame') return undefined;
      const d = insDefs(i);
      if ((d !== undefined && !frameless(d)) || !insUses(i).every(frameless)) return undefined;
    }
    if (!termUses(b.term).every(frameless)) return undefined;
  }
  return { block: p, inRegion };
}
