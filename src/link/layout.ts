/**
 * Where every input section goes: a linker script (given with -T, or rvn's default placement
 * written as one) is run over the input sections as GNU ld runs it. Input sections are assigned
 * to the first output section statement whose pattern matches them; sections no statement
 * matches ("orphans") get an output section of their own after the last output section of the
 * same kind, as ld's orphan placement does. Then the statements are evaluated in order: `.`
 * moves, output sections start at their address (or at `.` aligned to their largest input),
 * symbols are assigned. Evaluation is repeated until symbol values settle (a symbol may be used
 * before the section that defines it is placed). The layout is recomputed after each round of
 * linker relaxation, since section sizes shrink.
 */
import { RvnError } from '../errors';
import type { Relocation, SectionKind } from '../asm/object';
import { globMatch, type Assignment, type InputSpec, type LinkerScript, type OutputSection, type ScriptExpr, type SectionsCommand } from './script';

export interface OutputSectionSpec {
  readonly name: string;
  /** Input section name patterns, in placement order (`.text.*` matches `.text.foo`). */
  readonly inputs: readonly string[];
  /** Absolute start address; if absent the section follows the previous one. */
  readonly address?: number;
  /** When following, round the start up to this boundary (e.g. 0x1000). */
  readonly alignTo?: number;
  readonly kind?: SectionKind;
}

export interface LinkOptions {
  /** Start of .text (default 0x80000000). */
  readonly text?: number;
  /** Start of .data (default: the next 4 KiB boundary after .text and .rodata). */
  readonly data?: number;
  /** Full placement; overrides text/data. Unmatched input sections follow the last section of their kind. */
  readonly layout?: readonly OutputSectionSpec[];
  /** A GNU linker script (`-T FILE`): its text and the name used in messages. Overrides layout/text/data. */
  readonly script?: { readonly name: string; readonly text: string };
  /** Entry symbol (default: the script's ENTRY, else `_start`). */
  readonly entry?: string;
  /**
   * Linker relaxation as GNU ld does it by default: `call` -> `jal`/`c.j`, `lui`/`auipc` pairs
   * -> gp-relative or shorter forms, code alignment completed. Only objects assembled with
   * `relax: true` carry what it needs. Default false (as `ld --no-relax`).
   */
  readonly relax?: boolean;
}

export const DEFAULT_TEXT = 0x80000000;

/** The default placement: .text, .rodata, then .data (page-aligned or at `data`) and .bss. */
export function defaultLayout(opts: LinkOptions): OutputSectionSpec[] {
  return [
    { name: '.text', inputs: ['.text.init', '.text', '.text.*'], address: opts.text ?? DEFAULT_TEXT, kind: 'text' },
    { name: '.rodata', inputs: ['.rodata', '.rodata.*', '.srodata', '.srodata.*'], kind: 'rodata' },
    { name: '.data', inputs: ['.data', '.data.*', '.sdata', '.sdata.*'], address: opts.data, alignTo: 0x1000, kind: 'data' },
    { name: '.bss', inputs: ['.bss', '.bss.*', '.sbss', '.sbss.*'], kind: 'bss' },
  ];
}

/** A layout given as specs, written as the equivalent SECTIONS commands. */
export function specsToCommands(specs: readonly OutputSectionSpec[]): SectionsCommand[] {
  const out: SectionsCommand[] = [];
  const num = (v: number): ScriptExpr => ({ k: 'num', v: BigInt(v) });
  for (const s of specs) {
    if (s.address === undefined && s.alignTo !== undefined) {
      out.push({ k: 'assign', target: '.', op: '=', expr: { k: 'call', fn: 'ALIGN', args: [num(s.alignTo)] }, provide: false, line: 0 });
    }
    out.push({
      k: 'output', name: s.name, address: s.address !== undefined ? num(s.address) : undefined, noload: false, line: 0,
      commands: s.inputs.map((p) => ({ k: 'input', file: '*', excludeFiles: [], sections: [p], sort: false, line: 0 })),
    });
  }
  return out;
}

export const alignUp = (v: number, a: number): number => (a <= 1 ? v : Math.ceil(v / a) * a);

/** An input section as the linker works on it (relaxation changes its bytes and size). */
export interface InputSection {
  readonly obj: number;
  readonly file: string;
  readonly name: string;
  readonly kind: SectionKind;
  readonly align: number;
  size: number;
  bytes: Uint8Array;
  relocs: Relocation[];
}

export interface PlacedInput {
  readonly input: InputSection;
  /** Offset in the output section. */
  offset: number;
}

export interface DataItem {
  readonly offset: number;
  readonly width: 1 | 2 | 4 | 8;
  readonly value: bigint;
}

export interface OutSection {
  readonly name: string;
  readonly kind: SectionKind;
  address: number;
  lma: number;
  align: number;
  size: number;
  readonly inputs: PlacedInput[];
  data: DataItem[];
}

export interface ScriptSymbol {
  readonly value: bigint;
  /** The output section the value lies in, if any (else absolute). */
  readonly section?: string;
}

export interface Layout {
  readonly sections: OutSection[];
  readonly symbols: ReadonlyMap<string, ScriptSymbol>;
  /** Address of every placed input section. */
  readonly addressOf: ReadonlyMap<InputSection, number>;
  readonly outputOf: ReadonlyMap<InputSection, OutSection>;
}

/** What the layout needs to know about symbols the objects define. */
export interface SymbolSource {
  /** The value of an object symbol given where input sections are; undefined if none defines it. */
  objectSymbol(name: string, addressOf: (s: InputSection) => number | undefined): bigint | undefined;
  /** Whether some object refers to `name` without defining it (for PROVIDE). */
  isReferenced(name: string): boolean;
}

interface Statement {
  readonly cmd: SectionsCommand;
  /** For output sections: the input sections each input spec collected. */
  readonly matched?: InputSection[][];
  readonly orphanKind?: SectionKind;
}

const KIND_ORDER: Record<SectionKind, number> = { text: 0, rodata: 1, data: 2, bss: 3 };

function kindOfInputs(inputs: readonly InputSection[]): SectionKind | undefined {
  if (inputs.length === 0) return undefined;
  if (inputs.some((i) => i.kind === 'text')) return 'text';
  if (inputs.every((i) => i.kind === 'bss')) return 'bss';
  if (inputs.some((i) => i.kind === 'data' || i.kind === 'bss')) return 'data';
  return 'rodata';
}

function matchesSpec(spec: InputSpec, s: InputSection): boolean {
  const base = s.file.slice(s.file.lastIndexOf('/') + 1);
  const fileOk = globMatch(spec.file, s.file) || globMatch(spec.file, base);
  if (!fileOk || spec.excludeFiles.some((f) => globMatch(f, s.file) || globMatch(f, base))) return false;
  return spec.sections.some((p) => globMatch(p, s.name));
}

/** Assigns input sections to statements (first match wins) and inserts orphans. */
function assignInputs(commands: readonly SectionsCommand[], inputs: readonly InputSection[]): Statement[] {
  const used = new Set<InputSection>();
  const stmts: Statement[] = commands.map((cmd) => {
    if (cmd.k !== 'output') return { cmd };
    const matched = cmd.commands.map((c) => {
      if (c.k !== 'input') return [];
      const got = inputs.filter((s) => !used.has(s) && matchesSpec(c, s));
      if (c.sort) got.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      for (const s of got) used.add(s);
      return got;
    });
    return { cmd, matched };
  });
  const orphans = new Map<string, InputSection[]>();
  for (const s of inputs) {
    if (used.has(s)) continue;
    const list = orphans.get(s.name) ?? [];
    list.push(s);
    orphans.set(s.name, list);
  }
  for (const [name, list] of orphans) {
    const kind = kindOfInputs(list) ?? 'data';
    const stmt: Statement = {
      cmd: { k: 'output', name, noload: false, line: 0, commands: [{ k: 'input', file: '*', excludeFiles: [], sections: [name], sort: false, line: 0 }] },
      matched: [list], orphanKind: kind,
    };
    stmts.splice(orphanPosition(stmts, kind), 0, stmt);
  }
  return stmts;
}

/** After the last output section of the same kind; else after the last of an earlier kind. */
function orphanPosition(stmts: readonly Statement[], kind: SectionKind): number {
  const kinds = stmts.map((s) => (s.cmd.k === 'output' && s.cmd.name !== '/DISCARD/' ? s.orphanKind ?? kindOfInputs(s.matched?.flat() ?? []) ?? nameKind(s.cmd.name) : undefined));
  for (let want = KIND_ORDER[kind]; want >= 0; want--) {
    const k = kinds.map((x) => (x !== undefined ? KIND_ORDER[x] : -1)).lastIndexOf(want);
    if (k >= 0) return k + 1;
  }
  const firstOutput = stmts.findIndex((s) => s.cmd.k === 'output');
  return firstOutput < 0 ? stmts.length : firstOutput;
}

function nameKind(name: string): SectionKind | undefined {
  if (/^\.text/.test(name)) return 'text';
  if (/^\.s?rodata/.test(name)) return 'rodata';
  if (/^\.s?bss/.test(name)) return 'bss';
  if (/^\.s?data/.test(name)) return 'data';
  return undefined;
}

class Evaluator {
  dot = 0n;
  readonly symbols = new Map<string, ScriptSymbol>();
  readonly sections = new Map<string, OutSection>();
  readonly regions = new Map<string, { origin: bigint; length: bigint; next: bigint }>();
  readonly addressOf = new Map<InputSection, number>();
  /** Per memory region ('' without MEMORY): load address minus address of its last section. */
  readonly loadOffset = new Map<string, number>();
  current: OutSection | undefined;

  constructor(
    private readonly script: LinkerScript, private readonly source: SymbolSource,
    private readonly previous: ReadonlyMap<string, ScriptSymbol>, private readonly previousLayout: Layout | undefined,
  ) {
    for (const r of script.memory) {
      const origin = this.eval(r.origin);
      this.regions.set(r.name, { origin, length: this.eval(r.length), next: origin });
    }
  }

  private fail(msg: string): never {
    throw new RvnError(`${this.script.fileName}: ${msg}`);
  }

  symbolValue(name: string): bigint {
    const s = this.symbols.get(name) ?? this.previous.get(name);
    if (s !== undefined) return s.value;
    const v = this.source.objectSymbol(name, (inp) => this.addressOf.get(inp) ?? this.previousLayout?.addressOf.get(inp));
    if (v !== undefined) return v;
    this.fail(`undefined symbol '${name}' referenced in expression`);
  }

  eval(e: ScriptExpr): bigint {
    const u = (v: bigint): bigint => BigInt.asUintN(64, v);
    switch (e.k) {
      case 'num': return e.v;
      case 'dot': return this.dot;
      case 'sym': return this.symbolValue(e.name);
      case 'un': {
        const a = this.eval(e.a);
        return e.op === '-' ? u(-a) : e.op === '~' ? u(~a) : a === 0n ? 1n : 0n;
      }
      case 'cond': return this.eval(e.c) !== 0n ? this.eval(e.a) : this.eval(e.b);
      case 'ref': return this.ref(e.fn, e.name);
      case 'call': return this.call(e.fn, e.args);
      case 'bin': {
        const a = this.eval(e.a);
        if (e.op === '&&') return a !== 0n && this.eval(e.b) !== 0n ? 1n : 0n;
        if (e.op === '||') return a !== 0n || this.eval(e.b) !== 0n ? 1n : 0n;
        const b = this.eval(e.b);
        switch (e.op) {
          case '+': return u(a + b);
          case '-': return u(a - b);
          case '*': return u(a * b);
          case '/': case '%':
            if (b === 0n) this.fail('division by zero in expression');
            return e.op === '/' ? a / b : a % b;
          case '<<': return u(a << b);
          case '>>': return a >> b;
          case '&': return a & b;
          case '|': return a | b;
          case '^': return a ^ b;
          case '==': return a === b ? 1n : 0n;
          case '!=': return a !== b ? 1n : 0n;
          case '<': return a < b ? 1n : 0n;
          case '>': return a > b ? 1n : 0n;
          case '<=': return a <= b ? 1n : 0n;
          default: return a >= b ? 1n : 0n;
        }
      }
    }
  }

  private ref(fn: string, name: string): bigint {
    if (fn === 'ORIGIN' || fn === 'LENGTH') {
      const r = this.regions.get(name) ?? this.fail(`${fn}(${name}): no such memory region`);
      return fn === 'ORIGIN' ? r.origin : r.length;
    }
    const s = this.sections.get(name);
    if (s === undefined) return 0n; // not placed yet (or empty): ld reports 0 in early passes too
    switch (fn) {
      case 'ADDR': return BigInt(s.address);
      case 'LOADADDR': return BigInt(s.lma);
      case 'SIZEOF': return BigInt(s.size);
      default: return BigInt(s.align);
    }
  }

  private call(fn: string, args: readonly ScriptExpr[]): bigint {
    const alignTo = (v: bigint, a: bigint): bigint => (a <= 1n ? v : ((v + a - 1n) / a) * a);
    switch (fn) {
      case 'ALIGN': return args.length === 1 ? alignTo(this.dot, this.eval(args[0])) : alignTo(this.eval(args[0]), this.eval(args[1]));
      case 'ABSOLUTE': return this.eval(args[0]);
      case 'MAX': { const a = this.eval(args[0]); const b = this.eval(args[1]); return a > b ? a : b; }
      case 'MIN': { const a = this.eval(args[0]); const b = this.eval(args[1]); return a < b ? a : b; }
      case 'DEFINED': {
        const name = (args[0] as { name: string }).name;
        return this.symbols.has(name) || this.source.objectSymbol(name, () => 0) !== undefined ? 1n : 0n;
      }
      case 'NEXT': return alignTo(this.dot, this.eval(args[0]));
      case 'LOG2CEIL': { let v = this.eval(args[0]); let n = 0n; v -= 1n; while (v > 0n) { v >>= 1n; n++; } return n; }
      case 'DATA_SEGMENT_ALIGN': return alignTo(this.dot, this.eval(args[0]));
      case 'DATA_SEGMENT_END': case 'DATA_SEGMENT_RELRO_END': return this.dot;
      default: this.fail(`unknown function ${fn}()`);
    }
  }

  assign(a: Assignment, inSection: OutSection | undefined): void {
    if (a.provide && (!this.source.isReferenced(a.target) || this.source.objectSymbol(a.target, () => 0) !== undefined)) return;
    const cur = a.target === '.' ? this.dot : a.op === '=' ? 0n : this.symbolValue(a.target);
    const v = this.eval(a.expr);
    const ops: Record<string, (x: bigint, y: bigint) => bigint> = {
      '=': (_x, y) => y, '+=': (x, y) => x + y, '-=': (x, y) => x - y, '*=': (x, y) => x * y, '/=': (x, y) => x / y,
      '<<=': (x, y) => x << y, '>>=': (x, y) => x >> y, '&=': (x, y) => x & y, '|=': (x, y) => x | y,
    };
    const value = BigInt.asUintN(64, ops[a.op](cur, v));
    if (a.target !== '.') {
      this.symbols.set(a.target, { value, section: inSection?.name });
      return;
    }
    // Inside an output section a plain number is an offset from the section's start.
    const target = inSection !== undefined && isPlainNumber(a.expr) && a.op === '=' ? BigInt(inSection.address) + value : value;
    if (target < this.dot) this.fail(`${a.line > 0 ? `line ${a.line}: ` : ''}cannot move the location counter backwards (from 0x${this.dot.toString(16)} to 0x${target.toString(16)})`);
    this.dot = target;
  }
}

function isPlainNumber(e: ScriptExpr): boolean {
  return e.k === 'num' || (e.k === 'bin' && isPlainNumber(e.a) && isPlainNumber(e.b)) || (e.k === 'un' && isPlainNumber(e.a));
}

function toAddress(v: bigint, what: string): number {
  if (v < 0n || v >= 1n << 53n) throw new RvnError(`${what}: address 0x${v.toString(16)} is out of range`);
  return Number(v);
}

/** Called before each input section is placed (linker relaxation works there). */
export type BeforeInput = (s: InputSection, addressOf: (x: InputSection) => number) => void;

function placeOutput(ev: Evaluator, stmt: Statement, cmd: OutputSection, before: BeforeInput | undefined, previous: Layout | undefined): OutSection {
  const inputs = (stmt.matched ?? []).flat();
  const kind = stmt.orphanKind ?? (cmd.noload ? 'bss' : kindOfInputs(inputs) ?? nameKind(cmd.name) ?? 'data');
  const align = Math.max(1, ...inputs.map((i) => i.align), cmd.align !== undefined ? Number(ev.eval(cmd.align)) : 1);
  const region = cmd.region !== undefined ? ev.regions.get(cmd.region) : undefined;
  if (cmd.region !== undefined && region === undefined) throw new RvnError(`${cmd.name}: no memory region '${cmd.region}'`);
  if (region !== undefined) ev.dot = region.next;
  const start = cmd.address !== undefined ? ev.eval(cmd.address) : BigInt(alignUp(toAddress(ev.dot, cmd.name), align));
  const out: OutSection = { name: cmd.name, kind, address: toAddress(start, cmd.name), lma: 0, align, size: 0, inputs: [], data: [] };
  ev.current = out;
  ev.sections.set(cmd.name, out);
  ev.dot = start;
  cmd.commands.forEach((c, k) => {
    if (c.k === 'assign') return ev.assign(c, out);
    if (c.k === 'data') {
      out.data.push({ offset: toAddress(ev.dot, cmd.name) - out.address, width: c.width, value: ev.eval(c.expr) });
      ev.dot += BigInt(c.width);
      return;
    }
    for (const inp of stmt.matched?.[k] ?? []) {
      // Sections placed in this walk have their new address, the others their previous one.
      before?.(inp, (x) => ev.addressOf.get(x) ?? previous?.addressOf.get(x) ?? 0);
      const at = alignUp(toAddress(ev.dot, cmd.name), inp.align);
      out.inputs.push({ input: inp, offset: at - out.address });
      ev.addressOf.set(inp, at);
      ev.dot = BigInt(at + inp.size);
    }
  });
  out.size = toAddress(ev.dot, cmd.name) - out.address;
  if (region !== undefined) region.next = ev.dot;
  const lmaRegion = cmd.lmaRegion !== undefined ? ev.regions.get(cmd.lmaRegion) : undefined;
  if (cmd.lmaRegion !== undefined && lmaRegion === undefined) throw new RvnError(`${cmd.name}: no memory region '${cmd.lmaRegion}'`);
  // ld's load addresses: AT(...), else AT> REGION's next byte, else the VMA for a section placed
  // at an address, else the VMA moved by the load offset of the last section in its region.
  const regionKey = cmd.region ?? '';
  if (cmd.lma !== undefined) out.lma = toAddress(ev.eval(cmd.lma), cmd.name);
  else if (lmaRegion !== undefined) out.lma = toAddress(lmaRegion.next, cmd.name);
  else if (cmd.address !== undefined) out.lma = out.address;
  else out.lma = out.address + (ev.loadOffset.get(regionKey) ?? 0);
  if (lmaRegion !== undefined) lmaRegion.next = BigInt(out.lma + out.size);
  ev.loadOffset.set(regionKey, out.lma - out.address);
  ev.current = undefined;
  return out;
}

/**
 * Runs the script over the input sections. `before` is called for each input section just
 * before it is placed, in the first evaluation round only; `previous` gives the addresses
 * sections not yet placed in this walk still have.
 */
export function computeLayout(script: LinkerScript, inputs: readonly InputSection[], source: SymbolSource, before?: BeforeInput, previousLayout?: Layout): Layout {
  const stmts = assignInputs(script.commands, inputs);
  let previous: ReadonlyMap<string, ScriptSymbol> = previousLayout?.symbols ?? new Map();
  for (let round = 0; ; round++) {
    const ev = new Evaluator(script, source, previous, previousLayout);
    const sections: OutSection[] = [];
    const outputOf = new Map<InputSection, OutSection>();
    for (const st of stmts) {
      if (st.cmd.k === 'assign') {
        ev.assign(st.cmd, undefined);
        continue;
      }
      if (st.cmd.name === '/DISCARD/') continue;
      const out = placeOutput(ev, st, st.cmd, round === 0 ? before : undefined, previousLayout);
      for (const p of out.inputs) outputOf.set(p.input, out);
      sections.push(out);
    }
    const settled = [...ev.symbols].every(([n, s]) => previous.get(n)?.value === s.value);
    if (settled || round >= 8) return { sections, symbols: ev.symbols, addressOf: ev.addressOf, outputOf };
    previous = ev.symbols;
  }
}

/** The commands of rvn's placement when no script is given. */
export function defaultScript(opts: LinkOptions): LinkerScript {
  return { fileName: '<default layout>', commands: specsToCommands(opts.layout ?? defaultLayout(opts)), memory: [], hasSections: true };
}
