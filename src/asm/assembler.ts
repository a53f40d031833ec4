/**
 * The assembler driver: statements -> per-section items (directives here, instructions in
 * instructions.ts) -> layout with branch relaxation (relax.ts) -> an ObjectFile.
 */
import { RvnError } from '../errors';
import { Compressor } from './compress';
import { Encoder } from './encode';
import { evaluate, parseExpr, type Expr, type SymbolInfo, type Value } from './expr';
import { assembleInsnDirective, assembleInstruction, type BranchSpec, type InsnContext } from './instructions';
import type { Fixup, Item, SectionState } from './items';
import type { ObjectFile, SectionKind, SymbolType } from './object';
import { emitSection, layoutSection } from './relax';
import { parseSource, parseString, splitOperands } from './source';

export interface AssembleOptions {
  /** Compressed instructions on at the start (GCC's rv64imac default). Default true. */
  readonly rvc?: boolean;
}

type SymDef =
  | {
    readonly k: 'label'; readonly section: string; readonly item: number; readonly line: number;
    /** Where the label sits in its run of fixed-size items (for differences known while parsing). */
    readonly run: number; readonly runOffset: number;
  }
  | { readonly k: 'const'; readonly v: bigint; readonly line: number };

const DATA_WIDTH: Record<string, 1 | 2 | 4 | 8> = {
  '.byte': 1, '.half': 2, '.short': 2, '.2byte': 2, '.word': 4, '.long': 4, '.4byte': 4,
  '.dword': 8, '.quad': 8, '.8byte': 8,
};

const IGNORED = new Set([
  '.file', '.ident', '.attribute', '.end', '.loc', '.cfi_startproc', '.cfi_endproc', '.cfi_sections',
  '.cfi_def_cfa_offset', '.cfi_offset', '.cfi_restore', '.cfi_def_cfa', '.addrsig', '.addrsig_sym', '.hidden',
]);

/** Size of an item that is not a branch or an alignment. */
function fixedSize(it: Item): number {
  switch (it.k) {
    case 'bytes': return it.data.length;
    case 'data': return it.width;
    case 'insn': return it.size;
    case 'space': return it.size;
    default: return 0;
  }
}

function sectionName(raw: string | undefined, op: string): string {
  const name = raw !== undefined && /^".*"$/.test(raw) ? raw.slice(1, -1) : raw;
  if (name === undefined || !/^[A-Za-z_.$][A-Za-z0-9_.$-]*$/.test(name)) throw new RvnError(`${op}: bad section name '${name ?? ''}'`);
  return name;
}

function kindOf(name: string, flags: string): SectionKind {
  if (/^\.(s?bss)(\.|$)/.test(name) || flags.includes('@nobits')) return 'bss';
  if (/^\.text(\.|$)/.test(name) || /"[^"]*x[^"]*"/.test(flags)) return 'text';
  if (/^\.s?rodata(\.|$)/.test(name)) return 'rodata';
  return 'data';
}

export class Assembler implements InsnContext {
  readonly enc = new Encoder();
  readonly comp = new Compressor();
  rvc: boolean;
  private readonly optionStack: boolean[] = [];
  private readonly sections = new Map<string, SectionState>();
  private readonly sectionStack: SectionState[] = [];
  private cur!: SectionState;
  private prev!: SectionState;
  private readonly symbols = new Map<string, SymDef>();
  private readonly globals = new Set<string>();
  private readonly types = new Map<string, SymbolType>();
  private readonly sizes = new Map<string, Expr>();
  private readonly numericCount = new Map<string, number>();
  private tmp = 0;
  private readonly runs = new Map<string, { run: number; offset: number }>();
  private nextRun = 0;
  private line = 0;
  /** C was on at some point (the object may contain compressed instructions). */
  private usedRvc: boolean;

  constructor(private readonly fileName: string, options: AssembleOptions = {}) {
    this.rvc = options.rvc ?? true;
    this.usedRvc = this.rvc;
    this.switchTo('.text', '');
    this.prev = this.cur;
  }

  assemble(source: string): ObjectFile {
    for (const st of parseSource(source)) {
      this.line = st.line;
      try {
        for (const l of st.labels) this.defineLabel(l);
        if (st.op === '') continue;
        if (st.op.startsWith('.')) this.directive(st.op, st.args);
        else assembleInstruction(this, st.op, st.args);
      } catch (e) {
        throw this.located(e);
      }
    }
    return this.finish();
  }

  private located(e: unknown): RvnError {
    if (e instanceof RvnError && /^[^:\s]+:\d+: /.test(e.message)) return e;
    const msg = e instanceof Error ? e.message : String(e);
    return new RvnError(`${this.fileName}:${this.line}: ${msg}`);
  }

  // ---- InsnContext ----
  parseExpr(text: string): Expr {
    return parseExpr(text, (raw) => this.resolveName(raw));
  }

  constant(e: Expr): bigint | undefined {
    try {
      const v = evaluate(e, (n) => this.lookup(n, undefined));
      return v.sym === undefined ? v.add : undefined;
    } catch {
      return undefined;
    }
  }

  emit(word: number, size: 2 | 4, fix?: Fixup): void {
    this.push({ k: 'insn', word, size, fix, line: this.line });
  }

  emitBranch(b: BranchSpec): void {
    this.push({ k: 'branch', ...b, line: this.line, size: b.rvc ? 2 : 4 });
  }

  newLabel(): string {
    const name = `.L.rvn${this.tmp++}`;
    this.defineLabel(name);
    return name;
  }

  // ---- symbols ----
  private resolveName(raw: string): string {
    if (raw === '.') return this.newLabel();
    const m = /^([0-9]+)([bf])$/.exec(raw);
    if (!m) return raw;
    const n = this.numericCount.get(m[1]) ?? 0;
    if (m[2] === 'b') {
      if (n === 0) throw new RvnError(`no previous definition of local label '${m[1]}'`);
      return `.L${m[1]}^${n}`;
    }
    return `.L${m[1]}^${n + 1}`;
  }

  private defineLabel(raw: string): void {
    let name = raw;
    if (/^[0-9]+$/.test(raw)) {
      const n = (this.numericCount.get(raw) ?? 0) + 1;
      this.numericCount.set(raw, n);
      name = `.L${raw}^${n}`;
    }
    if (this.symbols.has(name)) throw new RvnError(`symbol '${name}' is already defined`);
    const r = this.runOf(this.cur);
    this.symbols.set(name, { k: 'label', section: this.cur.name, item: this.cur.items.length, line: this.line, run: r.run, runOffset: r.offset });
    this.cur.items.push({ k: 'label', name });
  }

  /** Symbol information; label offsets only when `offsets` (after layout) is given. */
  private lookup(name: string, offsets: ReadonlyMap<string, number[]> | undefined): SymbolInfo | undefined {
    const d = this.symbols.get(name);
    if (d === undefined) return undefined;
    if (d.k === 'const') return { k: 'const', v: d.v };
    if (offsets === undefined) {
      // While parsing, two labels in the same run of fixed-size items have a known distance.
      return { k: 'label', section: `${d.section}#${d.run}`, offset: d.runOffset };
    }
    return { k: 'label', section: d.section, offset: offsets.get(d.section)?.[d.item] };
  }

  // ---- sections ----
  private push(item: Item): void {
    this.cur.items.push(item);
    const r = this.runOf(this.cur);
    if (item.k === 'branch' || item.k === 'align') this.runs.set(this.cur.name, { run: this.nextRun++, offset: 0 });
    else this.runs.set(this.cur.name, { run: r.run, offset: r.offset + fixedSize(item) });
  }

  private runOf(s: SectionState): { run: number; offset: number } {
    let r = this.runs.get(s.name);
    if (r === undefined) {
      r = { run: this.nextRun++, offset: 0 };
      this.runs.set(s.name, r);
    }
    return r;
  }

  private switchTo(name: string, flags: string): void {
    let s = this.sections.get(name);
    if (s === undefined) {
      const kind = kindOf(name, flags);
      const alloc = !/^\.(comment|note|debug|riscv\.attributes)/.test(name);
      // GNU as gives only the initial .text an instruction alignment (2 with C, 4 without);
      // sections made later start at 1 and grow with .align.
      s = { name, kind, alloc, align: name === '.text' ? (this.rvc ? 2 : 4) : 1, items: [] };
      this.sections.set(name, s);
    }
    this.prev = this.cur;
    this.cur = s;
  }

  // ---- directives ----
  private constArg(text: string, what: string): number {
    const v = this.constant(this.parseExpr(text));
    if (v === undefined) throw new RvnError(`${what}: '${text}' is not a constant`);
    return Number(v);
  }

  private align(bytes: number, fillText: string | undefined, maxText: string | undefined): void {
    if (bytes <= 0 || (bytes & (bytes - 1)) !== 0) throw new RvnError(`alignment ${bytes} is not a power of 2`);
    const fill = fillText !== undefined && fillText !== '' ? this.constArg(fillText, 'fill') & 255 : undefined;
    const max = maxText !== undefined ? this.constArg(maxText, 'max') : undefined;
    this.cur.align = Math.max(this.cur.align, bytes);
    const code = this.cur.kind === 'text' && fill === undefined;
    // GNU as (riscv_frag_align_code): code alignment no larger than the instruction alignment
    // (2 with C, 4 without) is only recorded, never padded.
    if (code && bytes <= (this.rvc ? 2 : 4)) return;
    this.push({ k: 'align', align: bytes, fill, max, code });
  }

  private directive(op: string, args: string): void {
    const a = splitOperands(args);
    if (op in DATA_WIDTH) {
      for (const t of a) this.push({ k: 'data', width: DATA_WIDTH[op], expr: this.parseExpr(t), line: this.line });
      return;
    }
    switch (op) {
      case '.text': case '.data': case '.rodata': case '.bss':
        return this.switchTo(op, '');
      case '.section': return this.switchTo(sectionName(a[0], op), a.slice(1).join(','));
      case '.pushsection':
        this.sectionStack.push(this.cur);
        return this.switchTo(sectionName(a[0], op), a.slice(1).join(','));
      case '.popsection': {
        const s = this.sectionStack.pop();
        if (s === undefined) throw new RvnError('.popsection without .pushsection');
        this.prev = this.cur;
        this.cur = s;
        return;
      }
      case '.previous': [this.cur, this.prev] = [this.prev, this.cur]; return;
      case '.globl': case '.global': case '.weak':
        for (const n of a) this.globals.add(n);
        return;
      case '.local':
        for (const n of a) this.globals.delete(n);
        return;
      case '.align': case '.p2align':
        return this.align(2 ** this.constArg(a[0], op), a[1], a[2]);
      case '.balign':
        return this.align(this.constArg(a[0], op), a[1], a[2]);
      case '.ascii': case '.asciz': case '.string':
        for (const t of a) {
          const bytes = parseString(t);
          if (op !== '.ascii') bytes.push(0);
          this.push({ k: 'bytes', data: bytes });
        }
        return;
      case '.zero': case '.space': case '.skip': {
        const size = this.constArg(a[0], op);
        if (size < 0) throw new RvnError(`${op}: negative size`);
        return this.push({ k: 'space', size, fill: a[1] !== undefined ? this.constArg(a[1], op) & 255 : 0 });
      }
      case '.equ': case '.set': {
        if (a.length !== 2) throw new RvnError(`${op} takes a name and a value`);
        const d = this.symbols.get(a[0]);
        if (d?.k === 'label') throw new RvnError(`symbol '${a[0]}' is already defined`);
        // Kept as a BigInt: a 64-bit constant must not pass through a JS number (2^53).
        const v = this.constant(this.parseExpr(a[1]));
        if (v === undefined) throw new RvnError(`${op}: '${a[1]}' is not a constant`);
        this.symbols.set(a[0], { k: 'const', v: BigInt.asIntN(64, BigInt(v)), line: this.line });
        return;
      }
      case '.option': return this.option(args.trim());
      case '.insn': return assembleInsnDirective(this, args);
      case '.type': {
        if (a.length !== 2) throw new RvnError('.type takes a symbol and a type');
        const t = (a[1] ?? '').replace(/^[@%]/, '');
        this.types.set(a[0], t === 'function' ? 'func' : t === 'object' ? 'object' : 'notype');
        return;
      }
      case '.size':
        if (a.length !== 2) throw new RvnError('.size takes a symbol and a size');
        this.sizes.set(a[0], this.parseExpr(a[1]));
        return;
      default:
        if (IGNORED.has(op) || op.startsWith('.cfi_')) return;
        throw new RvnError(`unknown directive '${op}'`);
    }
  }

  private option(o: string): void {
    switch (o) {
      case 'rvc': this.rvc = this.usedRvc = true; return;
      case 'norvc': this.rvc = false; return;
      case 'push': this.optionStack.push(this.rvc); return;
      case 'pop': {
        const v = this.optionStack.pop();
        if (v === undefined) throw new RvnError('.option pop without .option push');
        this.rvc = v;
        return;
      }
      case 'relax': case 'norelax': case 'pic': case 'nopic': return;
      default:
        if (o.startsWith('arch')) {
          if (/\+c\b/.test(o)) this.rvc = this.usedRvc = true;
          if (/-c\b/.test(o)) this.rvc = false;
          return;
        }
        throw new RvnError(`unknown .option '${o}'`);
    }
  }

  // ---- output ----
  private finish(): ObjectFile {
    // GNU as pads code sections to their alignment with nops (data sections are not padded).
    for (const s of this.sections.values()) {
      if (s.kind === 'text' && s.items.length > 0 && s.align > 1) s.items.push({ k: 'align', align: s.align, code: true });
    }
    const sections = [...this.sections.values()].filter((s) => s.items.length > 0 || s.name === '.text');
    const offsets = new Map<string, number[]>();
    for (const s of sections) {
      offsets.set(s.name, layoutSection(s, (e) => this.localTarget(e, s.name)));
    }
    const evalFinal = (e: Expr): Value => evaluate(e, (n) => this.lookup(n, offsets));
    const out = sections.map((s) => {
      try {
        return emitSection(s, offsets.get(s.name) ?? [], evalFinal, this.enc);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        throw new RvnError(/^\d+: /.test(msg) ? `${this.fileName}:${msg}` : `${this.fileName}: ${msg}`);
      }
    });
    const symbols = [...this.symbols.entries()].map(([name, d]) => {
      const global = this.globals.has(name);
      const type = this.types.get(name) ?? 'notype';
      const sizeExpr = this.sizes.get(name);
      let size: number | undefined;
      if (sizeExpr) {
        const v = evalFinal(sizeExpr);
        if (v.sym === undefined) size = Number(v.add);
      }
      if (d.k === 'const') return { name, value: Number(BigInt.asIntN(64, d.v)), global, type, size, line: d.line };
      return { name, section: d.section, value: offsets.get(d.section)?.[d.item] ?? 0, global, type, size, line: d.line };
    });
    const externs = [...this.globals].filter((g) => !this.symbols.has(g));
    return { fileName: this.fileName, sections: out, symbols, externs, rvc: this.usedRvc };
  }

  /** A branch target's label item in `section`, if it is defined there. */
  private localTarget(e: Expr, section: string): { item: number; add: number } | undefined {
    let v: Value;
    try {
      v = evaluate(e, (n) => this.lookup(n, undefined));
    } catch {
      return undefined;
    }
    const d = v.sym === undefined ? undefined : this.symbols.get(v.sym);
    return d?.k === 'label' && d.section === section ? { item: d.item, add: Number(v.add) } : undefined;
  }
}

/** Assembles GNU-as source text into an in-memory object. Errors are RvnError "file:line: msg". */
export function assemble(source: string, fileName: string, options?: AssembleOptions): ObjectFile {
  return new Assembler(fileName, options).assemble(source);
}
