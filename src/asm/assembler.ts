/**
 * The assembler driver: source (preprocessed for `.S`) -> statements (reader.ts: macros,
 * repeats, conditionals) -> per-section items (directives.ts, instructions.ts) -> layout with
 * branch relaxation (relax.ts) -> an ObjectFile. Errors are collected with their source place
 * and reported together as one SourceError.
 */
import { RvnError } from '../errors';
import type { Extension } from '../isa/opcodes';
import { Compressor } from './compress';
import { preprocess, type PreprocessOptions } from './cpp/preprocess';
import { DiagnosticSink, type Diagnostic } from './diagnostics';
import { runDirective, knowsDirective } from './directives';
import { Encoder } from './encode';
import { evaluate, parseExpr, type Expr, type SymbolInfo, type Value } from './expr';
import { assembleInstruction, type BranchSpec, type InsnContext } from './instructions';
import type { Fixup, Item, SectionFlags, SectionState } from './items';
import type { ObjectFile, RiscvAttributes, SectionKind, SymbolType } from './object';
import { emitSection, layoutSection } from './relax';
import { lineInfoAssembly, type LineRow } from './debug-lines';
import { originAt, Reader, type Statement, type StatementHandler } from './reader';
import { linesFromPreprocessed, linesFromText, type Origin, type ParsedStatement, type SourceLine } from './source';
import { archAttribute, makeTarget, type Target, type TargetOptions } from './target';

export interface AssembleOptions extends TargetOptions, Omit<PreprocessOptions, 'target'> {
  /** Compressed instructions on at the start; overrides the C of -march when given. */
  readonly rvc?: boolean;
  /**
   * Assemble for linker relaxation, as GNU as does by default (-mrelax): relocations marked
   * R_RISCV_RELAX, code alignment as nops plus R_RISCV_ALIGN. Default false (-mno-relax).
   */
  readonly relax?: boolean;
  /** Receives warnings (e.g. `#warning`, macro redefinitions). */
  readonly onWarning?: (d: Diagnostic) => void;
}

type SymDef =
  | {
    readonly k: 'label'; readonly section: string; readonly item: number; readonly origin: Origin;
    /** Where the label sits in its run of fixed-size items (for differences known while parsing). */
    readonly run: number; readonly runOffset: number;
  }
  | { readonly k: 'const'; readonly v: bigint; readonly origin: Origin }
  /** `.set name, expr` whose value is not known yet (a label, or labels defined later). */
  | { readonly k: 'expr'; readonly expr: Expr; readonly origin: Origin };

/** The assembly-time options `.option push`/`pop` save. */
interface OptionState {
  rvc: boolean;
  relax: boolean;
  readonly extensions: Set<string>;
}

/** binutils 2.40's default privileged spec (as configured by Debian): 1.11. */
const DEFAULT_PRIV_SPEC: readonly [number, number, number] = [1, 11, 0];

/** Which -march extension an instruction row needs (N-extension and UINTR rows need none). */
const ROW_EXTENSION: Partial<Record<Extension, readonly string[]>> = {
  M: ['m'], A: ['a'], C: ['c'], Zicsr: ['zicsr'], Zifencei: ['zifencei'],
};

/** Size of an item that is not a branch, an alignment or an .org. */
function fixedSize(it: Item): number {
  switch (it.k) {
    case 'bytes': return it.data.length;
    case 'data': return it.width;
    case 'insn': return it.size;
    case 'space': return it.size;
    default: return 0;
  }
}

/** ELF flags a section gets by its name when `.section` gives none (GNU's special sections). */
export function defaultSectionFlags(name: string): SectionFlags | undefined {
  const is = (p: string): boolean => name === p || name.startsWith(p + '.');
  if (is('.text')) return { alloc: true, write: false, exec: true, nobits: false };
  if (is('.bss') || is('.sbss') || is('.tbss')) return { alloc: true, write: true, exec: false, nobits: true };
  if (is('.data') || is('.sdata') || is('.tdata') || is('.init_array') || is('.fini_array')) return { alloc: true, write: true, exec: false, nobits: false };
  if (is('.rodata') || is('.srodata')) return { alloc: true, write: false, exec: false, nobits: false };
  return undefined;
}

export function kindOf(f: SectionFlags): SectionKind {
  if (f.nobits) return 'bss';
  if (f.exec) return 'text';
  if (f.write || !f.alloc) return 'data';
  return 'rodata';
}

export class Assembler implements InsnContext, StatementHandler {
  readonly enc = new Encoder();
  readonly comp = new Compressor();
  readonly target: Target;
  readonly options: OptionState;
  private readonly optionStack: OptionState[] = [];
  private readonly sections = new Map<string, SectionState>();
  private readonly sectionStack: SectionState[] = [];
  cur!: SectionState;
  prev!: SectionState;
  private readonly symbols = new Map<string, SymDef>();
  private readonly globals = new Set<string>();
  private readonly weak = new Set<string>();
  private readonly types = new Map<string, SymbolType>();
  private readonly sizes = new Map<string, Expr>();
  private readonly numericCount = new Map<string, number>();
  private tmp = 0;
  private readonly runs = new Map<string, { run: number; offset: number }>();
  private nextRun = 0;
  /** The statement being assembled, and where its operation starts in its text. */
  private st: Statement | undefined;
  private opOffset = 0;
  /** Relaxation was on at some point: code may shrink at link time. */
  private relaxes: boolean;
  /** C was on at some point (the object may contain compressed instructions). */
  private usedRvc: boolean;
  readonly sink = new DiagnosticSink();
  privSpec: [number, number, number] = [...DEFAULT_PRIV_SPEC];
  /** `.attribute arch, "..."` given explicitly. */
  archOverride: string | undefined;
  /** `.file` / `.loc`: source line information (debug-lines.ts). */
  readonly lineInfo = {
    files: new Map<number, string>(),
    rows: [] as LineRow[],
    unit: undefined as string | undefined,
    unitName: (name: string): void => {
      this.lineInfo.unit ??= name;
    },
    file: (n: number, name: string): void => {
      if (n === 0) return; // DWARF 5's file 0 (the unit itself); version 4 tables start at 1.
      this.lineInfo.files.set(n, name);
    },
    loc: (file: number, line: number): void => {
      if (!this.lineInfo.files.has(file)) throw new RvnError(`.loc: file number ${file} has no .file`);
      const label = `.Lrvn_loc${this.lineInfo.rows.length}`;
      this.defineLabel(label);
      this.lineInfo.rows.push({ label, file, line, section: this.cur.name });
    },
  };

  constructor(readonly fileName: string, private readonly opts: AssembleOptions = {}) {
    this.target = makeTarget(opts);
    const extensions = new Set(this.target.asExtensions);
    if (opts.rvc === true) extensions.add('c');
    if (opts.rvc === false) extensions.delete('c');
    this.options = { rvc: extensions.has('c'), relax: opts.relax ?? false, extensions };
    this.usedRvc = this.options.rvc;
    this.relaxes = this.options.relax;
    this.switchTo('.text', undefined);
    this.prev = this.cur;
  }

  get rvc(): boolean { return this.options.rvc; }

  assemble(lines: readonly SourceLine[]): ObjectFile {
    new Reader(this, this.sink).run(lines);
    if (this.lineInfo.rows.length > 0 && this.sink.errorCount === 0) new Reader(this, this.sink).run(this.debugSections());
    const obj = this.sink.errorCount === 0 ? this.finish() : undefined;
    for (const w of this.sink.warnings()) this.opts.onWarning?.(w);
    this.sink.throwIfErrors();
    return obj!;
  }

  // ---- StatementHandler ----
  labels(st: Statement, parsed: ParsedStatement): void {
    for (const l of parsed.labels) {
      this.st = st;
      this.opOffset = l.offset;
      this.defineLabel(l.name);
    }
  }

  operation(st: Statement, parsed: ParsedStatement): void {
    this.st = st;
    this.opOffset = parsed.opOffset;
    const op = parsed.op.toLowerCase();
    if (op === '=') return runDirective(this, '.set', parsed.args);
    if (op.startsWith('.')) return runDirective(this, op, parsed.args);
    assembleInstruction(this, op, parsed.args);
  }

  knowsDirective(op: string): boolean {
    return knowsDirective(op);
  }

  constantNow(text: string): bigint {
    const v = this.constant(this.parseExpr(text));
    if (v === undefined) throw new RvnError(`'${text.trim()}' is not a constant here`);
    return v;
  }

  isDefined(name: string): boolean {
    return this.symbols.has(name);
  }

  /** Where the current statement's operation is (for items that report errors later). */
  origin(): Origin {
    return this.st === undefined ? { at: { file: this.fileName, line: 0 }, notes: [] } : originAt(this.st, this.opOffset);
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
    const relax = fix !== undefined && this.options.relax && RELAXABLE.has(fix.type);
    this.push({ k: 'insn', word, size, fix, relax, origin: this.origin() });
    if (size === 2) this.usedRvc = true;
  }

  emitBranch(b: BranchSpec): void {
    this.push({ k: 'branch', ...b, origin: this.origin(), size: b.rvc ? 2 : 4 });
  }

  newLabel(): string {
    const name = `.L.rvn${this.tmp++}`;
    this.defineLabel(name);
    return name;
  }

  checkExtension(ext: Extension, mnemonic: string): void {
    const need = ROW_EXTENSION[ext];
    if (need === undefined) return;
    const has = this.options.extensions;
    if (need.some((e) => has.has(e)) || (ext === 'M' && has.has('zmmul') && /^mul/.test(mnemonic))) return;
    // An rvn extension: an explicit c.* instruction is accepted under `.option norvc` when
    // -march has C (GNU as rejects it; norvc then only stops automatic compression).
    if (ext === 'C' && this.target.asExtensions.has('c') && this.opts.rvc !== false) return;
    throw new RvnError(`'${mnemonic}' needs extension '${need[0]}', which -march/.option arch does not include`);
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

  defineLabel(raw: string): void {
    let name = raw;
    if (/^[0-9]+$/.test(raw)) {
      const n = (this.numericCount.get(raw) ?? 0) + 1;
      this.numericCount.set(raw, n);
      name = `.L${raw}^${n}`;
    }
    if (this.symbols.has(name)) throw new RvnError(`symbol '${name}' is already defined`);
    const r = this.runOf(this.cur);
    this.symbols.set(name, { k: 'label', section: this.cur.name, item: this.cur.items.length, origin: this.origin(), run: r.run, runOffset: r.offset });
    this.cur.items.push({ k: 'label', name });
  }

  /** `.set`/`.equ`/`=`: a constant now, or an expression resolved at the end. */
  setSymbol(name: string, valueText: string, redefine: boolean): void {
    const d = this.symbols.get(name);
    if (d?.k === 'label') throw new RvnError(`symbol '${name}' is already defined`);
    if (d !== undefined && !redefine) throw new RvnError(`symbol '${name}' is already defined`);
    const expr = this.parseExpr(valueText);
    // Kept as a BigInt: a 64-bit constant must not pass through a JS number (2^53).
    const v = this.constant(expr);
    if (v !== undefined) this.symbols.set(name, { k: 'const', v: BigInt.asIntN(64, v), origin: this.origin() });
    else this.symbols.set(name, { k: 'expr', expr, origin: this.origin() });
  }

  declareGlobal(name: string, weak: boolean): void {
    this.globals.add(name);
    if (weak) this.weak.add(name);
  }

  declareLocal(name: string): void {
    this.globals.delete(name);
    this.weak.delete(name);
  }

  setType(name: string, type: SymbolType): void { this.types.set(name, type); }
  setSize(name: string, size: Expr): void { this.sizes.set(name, size); }

  /** Symbol information; label offsets only when `offsets` (after layout) is given. */
  private lookup(name: string, offsets: ReadonlyMap<string, number[]> | undefined, depth = 0): SymbolInfo | undefined {
    const d = this.symbols.get(name);
    if (d === undefined) return undefined;
    if (d.k === 'const') return { k: 'const', v: d.v };
    if (d.k === 'expr') {
      if (depth > 100) throw new RvnError(`symbol '${name}' is defined in terms of itself`);
      const v = evaluate(d.expr, (n) => this.lookup(n, offsets, depth + 1));
      if (v.sym === undefined) return { k: 'const', v: v.add };
      const target = this.lookup(v.sym, offsets, depth + 1);
      if (target?.k !== 'label') return undefined;
      return { k: 'label', section: target.section, offset: target.offset === undefined ? undefined : target.offset + Number(v.add) };
    }
    if (offsets === undefined) {
      // While parsing, two labels in the same run of fixed-size items have a known distance.
      return { k: 'label', section: `${d.section}#${d.run}`, offset: d.runOffset };
    }
    return { k: 'label', section: d.section, offset: offsets.get(d.section)?.[d.item] };
  }

  // ---- sections ----
  push(item: Item): void {
    this.cur.items.push(item);
    const r = this.runOf(this.cur);
    if (item.k === 'branch' || item.k === 'align' || item.k === 'org') this.runs.set(this.cur.name, { run: this.nextRun++, offset: 0 });
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

  /** Makes `name` the current section, creating it with `flags` (or the name's defaults). */
  switchTo(name: string, flags: SectionFlags | undefined): void {
    let s = this.sections.get(name);
    if (s === undefined) {
      const f = flags ?? defaultSectionFlags(name) ?? { alloc: false, write: false, exec: false, nobits: false };
      // GNU as gives only the initial .text an instruction alignment (2 with C, 4 without);
      // sections made later start at 1 and grow with .align.
      s = { name, kind: kindOf(f), flags: f, align: name === '.text' ? (this.rvc ? 2 : 4) : 1, items: [] };
      this.sections.set(name, s);
    }
    this.prev = this.cur;
    this.cur = s;
  }

  pushSection(name: string, flags: SectionFlags | undefined): void {
    this.sectionStack.push(this.cur);
    this.switchTo(name, flags);
  }

  popSection(): void {
    const s = this.sectionStack.pop();
    if (s === undefined) throw new RvnError('.popsection without .pushsection');
    this.prev = this.cur;
    this.cur = s;
  }

  previousSection(): void {
    [this.cur, this.prev] = [this.prev, this.cur];
  }

  constArg(text: string | undefined, what: string): number {
    if (text === undefined || text.trim() === '') throw new RvnError(`${what}: missing operand`);
    const v = this.constant(this.parseExpr(text));
    if (v === undefined) throw new RvnError(`${what}: '${text}' is not a constant`);
    return Number(v);
  }

  align(bytes: number, fillText: string | undefined, maxText: string | undefined): void {
    if (bytes <= 0 || (bytes & (bytes - 1)) !== 0) throw new RvnError(`alignment ${bytes} is not a power of 2`);
    const fill = fillText !== undefined && fillText !== '' ? this.constArg(fillText, 'fill') & 255 : undefined;
    const max = maxText !== undefined ? this.constArg(maxText, 'max') : undefined;
    this.cur.align = Math.max(this.cur.align, bytes);
    const code = this.cur.kind === 'text' && fill === undefined;
    const insnAlign = this.rvc ? 2 : 4;
    // GNU as (riscv_frag_align_code): code alignment no larger than the instruction alignment
    // (2 with C, 4 without) is only recorded, never padded.
    if (code && bytes <= insnAlign) return;
    if (code && this.options.relax) {
      // With relaxation, the worst case of nops and an R_RISCV_ALIGN for the linker.
      this.push({ k: 'align', align: bytes, code, relaxable: { worstCase: bytes - insnAlign, origin: this.origin() } });
      return;
    }
    this.push({ k: 'align', align: bytes, fill, max, code });
  }

  // ---- options ----
  pushOptions(): void {
    this.optionStack.push({ ...this.options, extensions: new Set(this.options.extensions) });
  }

  popOptions(): void {
    const o = this.optionStack.pop();
    if (o === undefined) throw new RvnError('.option pop without .option push');
    this.options.rvc = o.rvc;
    this.options.relax = o.relax;
    this.options.extensions.clear();
    for (const e of o.extensions) this.options.extensions.add(e);
  }

  setRelax(on: boolean): void {
    this.options.relax = on;
    if (on) this.relaxes = true;
  }

  setRvc(on: boolean): void {
    this.options.rvc = on;
    if (on) {
      this.options.extensions.add('c');
      this.usedRvc = true;
    } else this.options.extensions.delete('c');
  }

  /** `.option arch, +ext, -ext` or `.option arch, ISA-STRING`. */
  setArch(changes: readonly string[], replace: readonly string[] | undefined): void {
    const exts = this.options.extensions;
    if (replace !== undefined) {
      exts.clear();
      for (const e of replace) exts.add(e);
    }
    for (const c of changes) {
      const name = c.slice(1);
      if (c[0] === '+') exts.add(name);
      else exts.delete(name);
    }
    this.setRvc(exts.has('c'));
  }

  // ---- output ----
  /** The .debug_line/.debug_abbrev/.debug_info of the `.loc` rows, as assembly lines. */
  private debugSections(): SourceLine[] {
    const li = this.lineInfo;
    const ends = new Map<string, string>();
    for (const section of new Set(li.rows.map((r) => r.section))) {
      this.switchTo(section, undefined);
      const end = `.Lrvn_loc_end${ends.size}`;
      this.defineLabel(end);
      ends.set(section, end);
    }
    const unitName = li.unit ?? li.files.get(1) ?? this.fileName;
    return linesFromText(lineInfoAssembly({ files: li.files, rows: li.rows, ends, unitName }, '.Lrvn_debug_'), this.fileName);
  }

  private finish(): ObjectFile {
    // GNU as pads code sections to their alignment with nops (data sections are not padded).
    for (const s of this.sections.values()) {
      if (s.kind === 'text' && s.items.length > 0 && s.align > 1) s.items.push({ k: 'align', align: s.align, code: true });
    }
    const sections = [...this.sections.values()].filter((s) => s.items.length > 0 || s.name === '.text');
    const offsets = new Map<string, number[]>();
    for (const s of sections) {
      try {
        offsets.set(s.name, layoutSection(s, (e) => this.localTarget(e, s.name)));
      } catch (e) {
        this.report(e, { at: { file: this.fileName, line: 0 }, notes: [] });
      }
    }
    const evalFinal = (e: Expr): Value => evaluate(e, (n) => this.lookup(n, offsets));
    const emitOptions = { zeroCodeAlign: this.options.relax, linkTimeDifference: this.relaxes ? (e: Expr) => this.codeLabelDifference(e) : undefined };
    const out = sections.map((s) => emitSection(s, offsets.get(s.name) ?? [], evalFinal, this.enc, (e, o) => this.report(e, o), emitOptions));
    const symbols = [...this.symbols.entries()].map(([name, d]) => this.objSymbol(name, d, evalFinal, offsets));
    const externs = [...this.globals].filter((g) => !this.symbols.has(g));
    return {
      fileName: this.fileName, sections: out, symbols, externs,
      weakExterns: externs.filter((g) => this.weak.has(g)), rvc: this.usedRvc,
      attributes: this.attributes(), abi: this.target.mabi,
    };
  }

  private objSymbol(name: string, d: SymDef, evalFinal: (e: Expr) => Value, offsets: ReadonlyMap<string, number[]>): ObjectFile['symbols'][number] {
    const global = this.globals.has(name);
    const weak = this.weak.has(name) || undefined;
    const type = this.types.get(name) ?? 'notype';
    const sizeExpr = this.sizes.get(name);
    let size: number | undefined;
    if (sizeExpr) {
      try {
        const v = evalFinal(sizeExpr);
        if (v.sym === undefined) size = Number(v.add);
      } catch (e) {
        this.report(e, d.origin);
      }
    }
    const base = { name, global, weak, type, size, origin: d.origin };
    if (d.k === 'const') return { ...base, value: Number(BigInt.asIntN(64, d.v)) };
    if (d.k === 'label') return { ...base, section: d.section, value: offsets.get(d.section)?.[d.item] ?? 0 };
    try {
      const info = this.lookup(name, offsets);
      if (info?.k === 'const') return { ...base, value: Number(BigInt.asIntN(64, info.v)) };
      if (info?.k === 'label') return { ...base, section: info.section, value: info.offset ?? 0 };
    } catch (e) {
      this.report(e, d.origin);
    }
    this.report(new RvnError(`symbol '${name}' is not a constant or an address in this file`), d.origin);
    return { ...base, value: 0 };
  }

  private attributes(): RiscvAttributes {
    return { arch: this.archOverride ?? archAttribute(this.options.extensions), privSpec: this.privSpec };
  }

  /** Reports an error found after reading (layout, final values) at `origin`. */
  report(e: unknown, origin: Origin): void {
    if (!(e instanceof RvnError)) throw e;
    this.sink.error(origin.at, e.message, origin.notes);
  }

  /**
   * `A - B [+- c]` with both labels in one code section of an object built for relaxation: the
   * linker computes it after shrinking the code (GNU as: an R_RISCV_ADDn/SUBn pair).
   */
  private codeLabelDifference(e: Expr): { a: string; b: string; add: bigint } | undefined {
    let add = 0n;
    let x = e;
    while (x.k === 'bin' && (x.op === '+' || x.op === '-') && x.b.k === 'num') {
      add += x.op === '+' ? x.b.v : -x.b.v;
      x = x.a;
    }
    if (x.k !== 'bin' || x.op !== '-' || x.a.k !== 'sym' || x.b.k !== 'sym') return undefined;
    const a = this.symbols.get(x.a.name);
    const b = this.symbols.get(x.b.name);
    if (a?.k !== 'label' || b?.k !== 'label' || a.section !== b.section) return undefined;
    if (this.sections.get(a.section)?.kind !== 'text') return undefined;
    return { a: x.a.name, b: x.b.name, add };
  }

  /** The label item (of the current section) `e` names, plus its addend. */
  labelItem(e: Expr): { item: number; add: number } | undefined {
    return this.localTarget(e, this.cur.name);
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

/** Relocations GNU as marks R_RISCV_RELAX when relaxing. */
const RELAXABLE = new Set(['HI20', 'LO12_I', 'LO12_S', 'PCREL_HI20', 'PCREL_LO12_I', 'PCREL_LO12_S', 'CALL']);

/** Assembly source to lines: `.S` (and `.sx`) files go through the C preprocessor first, as GCC does. */
export function sourceLines(source: string, fileName: string, options: AssembleOptions = {}): SourceLine[] {
  if (!/\.(S|sx)$/.test(fileName)) return linesFromText(source, fileName);
  const r = preprocess(fileName, source, { ...options, target: makeTarget(options) });
  for (const w of r.warnings) options.onWarning?.(w);
  return linesFromPreprocessed(r.lines);
}

/**
 * Assembles GNU-as source text into an in-memory object. `.S` files are preprocessed (their
 * `#include`s read through `options.readFile`). Errors: a SourceError listing every problem
 * as "file:line:col: message".
 */
export function assemble(source: string, fileName: string, options?: AssembleOptions): ObjectFile {
  return new Assembler(fileName, options).assemble(sourceLines(source, fileName, options));
}
