/**
 * A GNU ld linker script subset (`-T FILE`), parsed into plain data: ENTRY, OUTPUT_ARCH /
 * OUTPUT_FORMAT (checked, otherwise ignored), MEMORY regions, SECTIONS with `.` and symbol
 * assignments, PROVIDE / PROVIDE_HIDDEN, output sections with an address, ALIGN, AT(...),
 * (NOLOAD), `> REGION`, `AT> REGION`, input section patterns (`*(.text .text.*)`,
 * `KEEP(...)`, `SORT(...)`, file-name patterns), BYTE/SHORT/LONG/QUAD data, and /DISCARD/.
 * Expressions have C's operators and ALIGN, ADDR, SIZEOF, LOADADDR, ALIGNOF, ABSOLUTE,
 * DEFINED, MAX, MIN, ORIGIN, LENGTH, SIZEOF_HEADERS, CONSTANT(MAXPAGESIZE/COMMONPAGESIZE).
 */
import { RvnError } from '../errors';

export type ScriptExpr =
  | { readonly k: 'num'; readonly v: bigint }
  | { readonly k: 'sym'; readonly name: string }
  | { readonly k: 'dot' }
  | { readonly k: 'un'; readonly op: string; readonly a: ScriptExpr }
  | { readonly k: 'bin'; readonly op: string; readonly a: ScriptExpr; readonly b: ScriptExpr }
  | { readonly k: 'cond'; readonly c: ScriptExpr; readonly a: ScriptExpr; readonly b: ScriptExpr }
  | { readonly k: 'call'; readonly fn: string; readonly args: readonly ScriptExpr[] }
  /** ADDR(sec), SIZEOF(sec), LOADADDR(sec), ALIGNOF(sec); ORIGIN(region), LENGTH(region). */
  | { readonly k: 'ref'; readonly fn: string; readonly name: string };

export interface Assignment {
  readonly k: 'assign';
  /** '.' or a symbol name. */
  readonly target: string;
  readonly op: string;
  readonly expr: ScriptExpr;
  readonly provide: boolean;
  readonly line: number;
}

export interface InputSpec {
  readonly k: 'input';
  /** Glob on the object's file name (`*` for all). */
  readonly file: string;
  readonly excludeFiles: readonly string[];
  /** Globs on input section names. */
  readonly sections: readonly string[];
  readonly sort: boolean;
  readonly line: number;
}

export interface DataStatement {
  readonly k: 'data';
  readonly width: 1 | 2 | 4 | 8;
  readonly expr: ScriptExpr;
}

export type SectionCommand = Assignment | InputSpec | DataStatement;

export interface OutputSection {
  readonly k: 'output';
  readonly name: string;
  readonly address?: ScriptExpr;
  readonly align?: ScriptExpr;
  readonly lma?: ScriptExpr;
  readonly noload: boolean;
  readonly region?: string;
  readonly lmaRegion?: string;
  readonly commands: readonly SectionCommand[];
  readonly line: number;
}

export type SectionsCommand = Assignment | OutputSection;

export interface MemoryRegion {
  readonly name: string;
  readonly origin: ScriptExpr;
  readonly length: ScriptExpr;
}

export interface LinkerScript {
  readonly fileName: string;
  readonly entry?: string;
  /** Assignments outside SECTIONS and the SECTIONS commands, in order. */
  readonly commands: readonly SectionsCommand[];
  readonly memory: readonly MemoryRegion[];
  /** Whether a SECTIONS command was given (otherwise rvn's default placement applies). */
  readonly hasSections: boolean;
}

const NAME_CHARS = /[A-Za-z0-9_.$/\\~*?\-+:[\]!^]/;
const EXPR_NAME_START = /[A-Za-z_.$]/;
const EXPR_NAME_CHARS = /[A-Za-z0-9_.$]/;

/** Binary operators by precedence level, loosest first (after ?: ). */
const LEVELS: readonly (readonly string[])[] = [
  ['||'], ['&&'], ['|'], ['^'], ['&'], ['==', '!='], ['<', '>', '<=', '>='], ['<<', '>>'], ['+', '-'], ['*', '/', '%'],
];

const ASSIGN_OPS = ['<<=', '>>=', '+=', '-=', '*=', '/=', '&=', '|=', '='];

class Parser {
  private i = 0;
  constructor(private readonly s: string, private readonly file: string) {}

  private line(): number {
    let n = 1;
    for (let k = 0; k < this.i && k < this.s.length; k++) if (this.s[k] === '\n') n++;
    return n;
  }

  fail(msg: string): never {
    throw new RvnError(`${this.file}:${this.line()}: ${msg}`);
  }

  private skip(): void {
    for (;;) {
      while (this.i < this.s.length && /\s/.test(this.s[this.i])) this.i++;
      if (this.s.startsWith('/*', this.i)) {
        const end = this.s.indexOf('*/', this.i + 2);
        if (end < 0) this.fail('unterminated comment');
        this.i = end + 2;
      } else if (this.s[this.i] === '#' || this.s.startsWith('//', this.i)) {
        while (this.i < this.s.length && this.s[this.i] !== '\n') this.i++;
      } else return;
    }
  }

  peek(text: string): boolean {
    this.skip();
    return this.s.startsWith(text, this.i);
  }

  accept(text: string): boolean {
    if (!this.peek(text)) return false;
    this.i += text.length;
    return true;
  }

  expect(text: string): void {
    if (!this.accept(text)) this.fail(`expected '${text}'${this.atText()}`);
  }

  private atText(): string {
    this.skip();
    const rest = this.s.slice(this.i, this.i + 20).split('\n')[0];
    return rest === '' ? ' at end of script' : ` before '${rest}'`;
  }

  /** The text ahead (for looking past a name). */
  rest(): string {
    this.skip();
    return this.s.slice(this.i, this.i + 200);
  }

  atEnd(): boolean {
    this.skip();
    return this.i >= this.s.length;
  }

  /** A name or file/section pattern (ld's script-mode word), or a quoted string. */
  word(): string {
    this.skip();
    if (this.s[this.i] === '"') {
      const end = this.s.indexOf('"', this.i + 1);
      if (end < 0) this.fail('unterminated string');
      const w = this.s.slice(this.i + 1, end);
      this.i = end + 1;
      return w;
    }
    const start = this.i;
    while (this.i < this.s.length && NAME_CHARS.test(this.s[this.i])) this.i++;
    if (this.i === start) this.fail(`expected a name${this.atText()}`);
    return this.s.slice(start, this.i);
  }

  /** An identifier in an expression context (no `-` or `*` in it). */
  private ident(): string | undefined {
    this.skip();
    if (!EXPR_NAME_START.test(this.s[this.i] ?? '')) return undefined;
    const start = this.i;
    while (this.i < this.s.length && EXPR_NAME_CHARS.test(this.s[this.i])) this.i++;
    return this.s.slice(start, this.i);
  }

  peekKeyword(): string | undefined {
    this.skip();
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(this.s.slice(this.i));
    return m?.[0];
  }

  // ---- expressions ----
  expr(): ScriptExpr {
    const c = this.binary(0);
    if (!this.accept('?')) return c;
    const a = this.expr();
    this.expect(':');
    const b = this.expr();
    return { k: 'cond', c, a, b };
  }

  private binary(level: number): ScriptExpr {
    if (level >= LEVELS.length) return this.unary();
    let a = this.binary(level + 1);
    for (;;) {
      this.skip();
      const op = LEVELS[level].filter((o) => this.s.startsWith(o, this.i)).sort((x, y) => y.length - x.length)[0];
      // Do not read the first character of a longer operator or of an assignment.
      if (op === undefined || this.longerOperatorAt(op)) return a;
      this.i += op.length;
      a = { k: 'bin', op, a, b: this.binary(level + 1) };
    }
  }

  private longerOperatorAt(op: string): boolean {
    const next = this.s[this.i + op.length];
    if (next === '=' && !['==', '!=', '<=', '>='].includes(op)) return true;
    if ((op === '<' || op === '>') && next === op) return true;
    if ((op === '&' || op === '|') && next === op) return true;
    return false;
  }

  private unary(): ScriptExpr {
    this.skip();
    const c = this.s[this.i];
    if (c === '-' || c === '~' || c === '!' || c === '+') {
      this.i++;
      const a = this.unary();
      return c === '+' ? a : { k: 'un', op: c, a };
    }
    return this.primary();
  }

  private number(): ScriptExpr | undefined {
    this.skip();
    const m = /^(0[xX][0-9a-fA-F]+|[0-9]+)([KkMm]?)/.exec(this.s.slice(this.i));
    if (!m) return undefined;
    this.i += m[0].length;
    const scale = { '': 1n, k: 1024n, K: 1024n, m: 1048576n, M: 1048576n }[m[2]] ?? 1n;
    return { k: 'num', v: BigInt(m[1]) * scale };
  }

  private primary(): ScriptExpr {
    this.skip();
    if (this.accept('(')) {
      const e = this.expr();
      this.expect(')');
      return e;
    }
    const n = this.number();
    if (n) return n;
    const name = this.ident();
    if (name === undefined) this.fail(`expected an expression${this.atText()}`);
    if (name === '.') return { k: 'dot' };
    const upper = name.toUpperCase();
    if (name === upper && this.peek('(')) {
      this.expect('(');
      if (['ADDR', 'SIZEOF', 'LOADADDR', 'ALIGNOF', 'ORIGIN', 'LENGTH', 'DEFINED', 'CONSTANT'].includes(name)) {
        const arg = this.word();
        this.expect(')');
        if (name === 'DEFINED') return { k: 'call', fn: name, args: [{ k: 'sym', name: arg }] };
        if (name === 'CONSTANT') return { k: 'num', v: 0x1000n };
        return { k: 'ref', fn: name, name: arg };
      }
      const args: ScriptExpr[] = [];
      if (!this.accept(')')) {
        do args.push(this.expr()); while (this.accept(','));
        this.expect(')');
      }
      const arity: Record<string, number[]> = { ALIGN: [1, 2], ABSOLUTE: [1], MAX: [2], MIN: [2], DATA_SEGMENT_ALIGN: [2], DATA_SEGMENT_END: [1], DATA_SEGMENT_RELRO_END: [2], NEXT: [1], LOG2CEIL: [1] };
      const want = arity[name];
      if (want === undefined) this.fail(`unknown function ${name}() in expression`);
      if (!want.includes(args.length)) this.fail(`${name}() takes ${want.join(' or ')} argument(s)`);
      return { k: 'call', fn: name, args };
    }
    if (name === 'SIZEOF_HEADERS') return { k: 'num', v: 0n };
    return { k: 'sym', name };
  }

  // ---- statements ----
  /** `target op expr ;` after the target was read; `provide` for PROVIDE(...). */
  assignment(target: string, provide: boolean): Assignment {
    this.skip();
    const line = this.line();
    const op = ASSIGN_OPS.find((o) => this.s.startsWith(o, this.i));
    if (op === undefined) this.fail(`expected an assignment after '${target}'`);
    this.i += op.length;
    return { k: 'assign', target, op, expr: this.expr(), provide, line };
  }

  /** PROVIDE(sym = expr) / PROVIDE_HIDDEN(...) */
  provide(): Assignment {
    this.expect('(');
    const target = this.ident() ?? this.fail('expected a symbol in PROVIDE');
    const a = this.assignment(target, true);
    this.expect(')');
    return a;
  }

  endStatement(): void {
    if (!this.accept(';') && !this.peek('}')) this.fail(`expected ';'${this.atText()}`);
  }
}

function inputSpec(p: Parser, keep: boolean): InputSpec {
  const line = 0;
  let excludeFiles: string[] = [];
  let file = '*';
  let sort = false;
  if (p.peekKeyword() === 'EXCLUDE_FILE') {
    p.word();
    p.expect('(');
    while (!p.accept(')')) excludeFiles.push(p.word());
  }
  file = p.word();
  const sections: string[] = [];
  if (p.accept('(')) {
    while (!p.accept(')')) {
      const kw = p.peekKeyword();
      if (kw === 'EXCLUDE_FILE') {
        p.word();
        p.expect('(');
        excludeFiles = [];
        while (!p.accept(')')) excludeFiles.push(p.word());
        continue;
      }
      if (kw !== undefined && /^SORT(_BY_NAME|_BY_ALIGNMENT|_BY_INIT_PRIORITY|_NONE)?$/.test(kw)) {
        p.word();
        p.expect('(');
        while (!p.accept(')')) {
          if (/^SORT/.test(p.peekKeyword() ?? '')) {
            p.word();
            p.expect('(');
            while (!p.accept(')')) sections.push(p.word());
          } else sections.push(p.word());
        }
        sort = true;
        continue;
      }
      sections.push(p.word());
    }
  } else {
    // A bare word is a file name: all of its sections.
    sections.push('*');
  }
  void keep;
  return { k: 'input', file, excludeFiles, sections, sort, line };
}

const DATA_WIDTH: Record<string, 1 | 2 | 4 | 8> = { BYTE: 1, SHORT: 2, LONG: 4, QUAD: 8, SQUAD: 8 };

function sectionCommands(p: Parser): SectionCommand[] {
  const out: SectionCommand[] = [];
  p.expect('{');
  while (!p.accept('}')) {
    if (p.accept(';')) continue;
    const kw = p.peekKeyword();
    if (kw === 'PROVIDE' || kw === 'PROVIDE_HIDDEN') {
      p.word();
      out.push(p.provide());
      p.endStatement();
    } else if (kw !== undefined && DATA_WIDTH[kw] !== undefined) {
      p.word();
      p.expect('(');
      out.push({ k: 'data', width: DATA_WIDTH[kw], expr: p.expr() });
      p.expect(')');
      p.accept(';');
    } else if (kw === 'KEEP') {
      p.word();
      p.expect('(');
      out.push(inputSpec(p, true));
      p.expect(')');
    } else if (kw === 'FILL' || kw === 'ASSERT' || kw === 'CREATE_OBJECT_SYMBOLS' || kw === 'CONSTRUCTORS') {
      p.word();
      if (p.accept('(')) {
        let depth = 1;
        while (depth > 0 && !p.atEnd()) {
          if (p.accept('(')) depth++;
          else if (p.accept(')')) depth--;
          else p.word();
        }
      }
      p.accept(';');
    } else if (assignmentAhead(p)) {
      const target = p.word();
      out.push(p.assignment(target, false));
      p.endStatement();
    } else {
      out.push(inputSpec(p, false));
    }
  }
  return out;
}

/** Whether the next statement is `NAME op= ...` (an assignment) rather than an input spec. */
function assignmentAhead(p: Parser): boolean {
  const m = /^\s*([A-Za-z_.$][A-Za-z0-9_.$]*)\s*(<<=|>>=|[+\-*/&|]?=)(?!=)/.exec(p.rest());
  return m !== null;
}

function outputSection(p: Parser, name: string): OutputSection {
  const line = 0;
  let address: ScriptExpr | undefined;
  let noload = false;
  if (!p.peek(':')) {
    if (p.accept('(')) {
      const kind = p.word();
      if (kind !== 'NOLOAD') p.fail(`output section type (${kind}) is not supported`);
      noload = true;
      p.expect(')');
    } else {
      address = p.expr();
      if (p.accept('(')) {
        const kind = p.word();
        if (kind !== 'NOLOAD') p.fail(`output section type (${kind}) is not supported`);
        noload = true;
        p.expect(')');
      }
    }
  }
  p.expect(':');
  let lma: ScriptExpr | undefined;
  let align: ScriptExpr | undefined;
  for (;;) {
    const kw = p.peekKeyword();
    if (kw === 'AT') {
      p.word();
      p.expect('(');
      lma = p.expr();
      p.expect(')');
    } else if (kw === 'ALIGN') {
      p.word();
      p.expect('(');
      align = p.expr();
      p.expect(')');
    } else if (kw === 'SUBALIGN') {
      p.fail('SUBALIGN is not supported');
    } else break;
  }
  const commands = sectionCommands(p);
  let region: string | undefined;
  let lmaRegion: string | undefined;
  for (;;) {
    if (p.accept('AT>')) lmaRegion = p.word();
    else if (p.accept('>')) region = p.word();
    else if (p.peek('=') && !p.peek('==')) {
      p.expect('=');
      p.expr();
    } else if (p.peek(':') && !p.peek('::')) {
      p.expect(':');
      p.word(); // program header
    } else break;
  }
  p.accept(',');
  return { k: 'output', name, address, align, lma, noload, region, lmaRegion, commands, line };
}

function sections(p: Parser): SectionsCommand[] {
  const out: SectionsCommand[] = [];
  p.expect('{');
  while (!p.accept('}')) {
    if (p.accept(';')) continue;
    const kw = p.peekKeyword();
    if (kw === 'PROVIDE' || kw === 'PROVIDE_HIDDEN') {
      p.word();
      out.push(p.provide());
      p.endStatement();
    } else if (kw === 'ENTRY') {
      p.fail('ENTRY inside SECTIONS is not supported; put it at the top level');
    } else if (kw === 'ASSERT') {
      p.word();
      p.expect('(');
      p.expr();
      p.expect(',');
      p.word();
      p.expect(')');
      p.accept(';');
    } else if (assignmentAhead(p)) {
      const target = p.word();
      out.push(p.assignment(target, false));
      p.endStatement();
    } else {
      out.push(outputSection(p, p.word()));
    }
  }
  return out;
}

function memory(p: Parser): MemoryRegion[] {
  const out: MemoryRegion[] = [];
  p.expect('{');
  while (!p.accept('}')) {
    const name = p.word();
    if (p.accept('(')) {
      while (!p.accept(')')) p.word();
    }
    p.expect(':');
    const kw1 = p.word();
    if (!/^(ORIGIN|org|o)$/.test(kw1)) p.fail(`expected ORIGIN in MEMORY region '${name}'`);
    p.expect('=');
    const origin = p.expr();
    p.expect(',');
    const kw2 = p.word();
    if (!/^(LENGTH|len|l)$/.test(kw2)) p.fail(`expected LENGTH in MEMORY region '${name}'`);
    p.expect('=');
    const length = p.expr();
    out.push({ name, origin, length });
  }
  return out;
}

/** Parses a linker script; errors are RvnError "file:line: message". */
export function parseLinkerScript(text: string, fileName: string): LinkerScript {
  const p = new Parser(text, fileName);
  let entry: string | undefined;
  const commands: SectionsCommand[] = [];
  const regions: MemoryRegion[] = [];
  let hasSections = false;
  while (!p.atEnd()) {
    if (p.accept(';')) continue;
    const kw = p.peekKeyword();
    switch (kw) {
      case 'ENTRY':
        p.word();
        p.expect('(');
        entry = p.word();
        p.expect(')');
        continue;
      case 'OUTPUT_ARCH': {
        p.word();
        p.expect('(');
        const arch = p.word();
        p.expect(')');
        if (!/^riscv(:rv64.*)?$/.test(arch)) p.fail(`OUTPUT_ARCH(${arch}): rvn links RISC-V (riscv) only`);
        continue;
      }
      case 'OUTPUT_FORMAT': {
        p.word();
        p.expect('(');
        const formats: string[] = [p.word()];
        while (p.accept(',')) formats.push(p.word());
        p.expect(')');
        if (!/^elf64-(little)?riscv$/.test(formats[0])) p.fail(`OUTPUT_FORMAT(${formats[0]}): rvn writes elf64-littleriscv only`);
        continue;
      }
      case 'SEARCH_DIR': case 'GROUP': case 'INPUT': case 'OUTPUT': case 'STARTUP': case 'TARGET': case 'INCLUDE': case 'PHDRS':
        if (kw === 'INCLUDE' || kw === 'PHDRS' || kw === 'GROUP' || kw === 'INPUT') p.fail(`${kw} is not supported`);
        p.word();
        p.expect('(');
        while (!p.accept(')')) p.word();
        continue;
      case 'SECTIONS':
        p.word();
        hasSections = true;
        commands.push(...sections(p));
        continue;
      case 'MEMORY':
        p.word();
        regions.push(...memory(p));
        continue;
      case 'PROVIDE': case 'PROVIDE_HIDDEN':
        p.word();
        commands.push(p.provide());
        p.endStatement();
        continue;
      default:
        if (assignmentAhead(p)) {
          const target = p.word();
          commands.push(p.assignment(target, false));
          p.endStatement();
          continue;
        }
        p.fail(`unknown linker script command${kw ? ` '${kw}'` : ''}`);
    }
  }
  return { fileName, entry, commands, memory: regions, hasSections };
}

/** A glob as ld matches section and file names: `*`, `?`, `[...]`. */
export function globMatch(pattern: string, name: string): boolean {
  if (pattern === '*') return true;
  if (!/[*?[]/.test(pattern)) return pattern === name;
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') re += '.*';
    else if (c === '?') re += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        re += '[' + pattern.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end;
      }
    } else re += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(re + '$').test(name);
}
