/**
 * The C preprocessor GCC runs on `.S` files (`gcc -x assembler-with-cpp`): `#include` with
 * include directories, `#define`/`#undef`, `#if`/`#ifdef`/`#ifndef`/`#elif`/`#else`/`#endif`,
 * `#error`/`#warning`, `#line`, `#pragma once`, command-line `-D`/`-U` and GCC's predefined
 * macros for the target. Assembler mode as GCC has it: a `#` line that is no directive (an
 * assembly comment) is ordinary text, and unmatched quotes are not errors.
 *
 * Files are read through a callback (the library touches no files). The result is the output
 * lines, each knowing for every token the file, line and column it came from and the macro that
 * produced it, so the assembler can name the original place of a problem.
 */
import { DiagnosticSink, type Diagnostic, type Note, type SourceLocation } from '../diagnostics';
import type { Target } from '../target';
import { makeTarget, targetMacros } from '../target';
import { CondExprError, evaluateCondition } from './cond-expr';
import { GCC_GENERIC_DEFINES } from './gcc-defines';
import { lexFile, lexText, wouldPaste, type LexLine, type Tok } from './lexer';
import { Expander, MacroError, MacroTable, sameDefinition, spell, type Builtin, type Macro, type PTok } from './macros';
import { dirname, joinPath, normalizePath } from './paths';

export interface PreprocessOptions {
  /** Directories searched by `#include` (after the including file's own for `"..."`), as -I. */
  readonly includeDirs?: readonly string[];
  /** `NAME`, `NAME=VALUE` or `NAME(args)=BODY`, as -D (in order). */
  readonly defines?: readonly string[];
  /** Names to undefine after the defines, as -U. */
  readonly undefines?: readonly string[];
  /** Reads a file for `#include`; undefined if there is none at that path. */
  readonly readFile?: (path: string) => string | undefined;
  /** The target whose predefined macros apply (default: rvn's rv64imac_zicsr_zifencei, lp64). */
  readonly target?: Target;
}

/** Where a stretch of an output line came from. */
export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly col: number;
  /** The macro whose expansion produced the stretch, and the place in its definition. */
  readonly macro?: string;
  readonly def?: SourceLocation;
}

export interface PpLine {
  readonly text: string;
  readonly file: string;
  readonly line: number;
  readonly segments: readonly Segment[];
}

export interface PreprocessResult {
  readonly lines: PpLine[];
  /** Warnings (errors are thrown as a SourceError). */
  readonly warnings: Diagnostic[];
}

const MAX_INCLUDE_DEPTH = 200;

/** GCC's stand-ins when the date is unknown: rvn never reads the host clock. */
const UNKNOWN_TIME: Record<'__DATE__' | '__TIME__' | '__TIMESTAMP__', string> = {
  __DATE__: '"??? ?? ????"', __TIME__: '"??:??:??"', __TIMESTAMP__: '"??? ??? ?? ??:??:?? ????"',
};

interface Cond {
  /** Some branch of this #if has been taken. */
  taken: boolean;
  /** The current branch is being read (and every enclosing one is). */
  active: boolean;
  sawElse: boolean;
  readonly outerActive: boolean;
  readonly at: SourceLocation;
  readonly kind: string;
}

/** One file being read. */
interface FileState {
  readonly path: string;
  /** The name used in messages and __FILE__ (changed by #line). */
  presumed: string;
  /** presumed line = physical line + delta (changed by #line). */
  delta: number;
  readonly lines: LexLine[];
  index: number;
  readonly conds: Cond[];
  readonly depth: number;
}

class Fatal extends Error {}

const isDirective = (l: LexLine | undefined): boolean => l?.tokens[0]?.kind === 'punct' && l.tokens[0].text === '#';

export class Preprocessor {
  private readonly table = new MacroTable();
  private readonly sink = new DiagnosticSink();
  private readonly out: PpLine[] = [];
  private readonly once = new Set<string>();
  private counter = 0;
  private mainFile = '';
  private file!: FileState;
  private readonly expander: Expander;

  constructor(private readonly options: PreprocessOptions = {}) {
    this.expander = new Expander(this.table, {
      builtin: (name, at) => this.builtin(name, at),
      peekNextLine: () => {
        const l = this.file.lines[this.file.index + 1];
        return l === undefined || isDirective(l) || this.skipping() ? undefined : l.tokens[0];
      },
      takeNextLine: () => {
        const l = this.file.lines[this.file.index + 1];
        if (l === undefined || isDirective(l)) return undefined;
        this.file.index++;
        return l.tokens.map((t, i) => (i === 0 ? { ...t, ws: true } : t));
      },
    });
    this.predefine();
  }

  run(fileName: string, text: string): PreprocessResult {
    this.mainFile = fileName;
    try {
      this.processFile(fileName, text, 0);
    } catch (e) {
      if (!(e instanceof Fatal)) throw e;
    }
    this.sink.throwIfErrors();
    return { lines: this.out, warnings: this.sink.warnings() };
  }

  // ---- set-up ----
  private predefine(): void {
    const target = this.options.target ?? makeTarget();
    const builtin = (name: Builtin): void => this.table.define({ name, variadic: false, body: [], def: { file: '<built-in>', line: 0, col: 0 }, builtin: name });
    for (const b of ['__LINE__', '__FILE__', '__COUNTER__', '__INCLUDE_LEVEL__', '__BASE_FILE__', '__DATE__', '__TIME__', '__TIMESTAMP__'] as const) builtin(b);
    for (const l of predefinedMacros(target)) this.defineFromText(l.slice(8), '<built-in>');
    for (const d of this.options.defines ?? []) {
      const eq = d.indexOf('=');
      this.defineFromText(eq < 0 ? `${d} 1` : `${d.slice(0, eq)} ${d.slice(eq + 1)}`, '<command-line>');
    }
    for (const u of this.options.undefines ?? []) this.table.undefine(u);
    this.sink.throwIfErrors();
  }

  private defineFromText(text: string, file: string): void {
    const toks = lexText(text);
    this.define(toks, { file, line: 0, col: 1 }, file);
  }

  // ---- reading files ----
  private processFile(path: string, text: string, depth: number): void {
    const { lines, problems } = lexFile(text);
    const outer = this.file;
    this.file = { path, presumed: path, delta: 0, lines, index: 0, conds: [], depth };
    for (const p of problems) this.error({ file: path, line: p.line, col: p.col }, p.message);
    for (this.file.index = 0; this.file.index < lines.length; this.file.index++) {
      const l = lines[this.file.index];
      if (isDirective(l)) this.directive(l);
      else if (!this.skipping() && l.tokens.length > 0) this.textLine(l);
    }
    for (const c of this.file.conds) this.error(c.at, `unterminated #${c.kind}`);
    this.file = outer;
  }

  private skipping(): boolean {
    const c = this.file.conds[this.file.conds.length - 1];
    return c !== undefined && !c.active;
  }

  private loc(t: { line: number; col: number }): SourceLocation {
    return { file: this.file.presumed, line: t.line + this.file.delta, col: t.col };
  }

  private error(at: SourceLocation, message: string, notes: Note[] = []): void {
    this.sink.error(at, message, notes);
  }

  private textLine(l: LexLine): void {
    let toks: PTok[];
    try {
      toks = this.expander.expand(l.tokens, true);
    } catch (e) {
      if (!(e instanceof MacroError)) throw e;
      this.error(this.loc(e.at), e.message);
      return;
    }
    this.emit(l, toks);
  }

  /** Appends an output line, keeping source tokens at their columns where possible. */
  private emit(l: LexLine, toks: readonly PTok[]): void {
    let text = '';
    let prev: PTok | undefined;
    const segments: Segment[] = [];
    // Until the first macro expansion, tokens stay at their source columns.
    let sameColumns = true;
    for (const t of toks) {
      if (t.placemarker || t.text === '') continue;
      if (t.exp !== undefined || t.line !== l.line) sameColumns = false;
      if (sameColumns && t.col - 1 > text.length) text = text.padEnd(t.col - 1);
      else if (prev !== undefined && (t.ws || wouldPaste(prev, t))) text += ' ';
      const start = text.length;
      text += t.text;
      prev = t;
      segments.push({ start, end: text.length, line: t.line + this.file.delta, col: t.col, macro: t.exp?.macro, def: t.exp?.def });
    }
    if (text.trim() === '') return;
    // The line of the line's first token (a comment may have started the logical line earlier).
    this.out.push({ text, file: this.file.presumed, line: (l.tokens[0]?.line ?? l.line) + this.file.delta, segments });
  }

  private builtin(name: Builtin, at: PTok): PTok {
    const str = (s: string): string => `"${s.replace(/[\\"]/g, (c) => '\\' + c)}"`;
    let text: string;
    switch (name) {
      case '__LINE__': text = String(at.line + this.file.delta); break;
      case '__FILE__': text = str(this.file.presumed); break;
      case '__BASE_FILE__': text = str(this.mainFile); break;
      case '__COUNTER__': text = String(this.counter++); break;
      case '__INCLUDE_LEVEL__': text = String(this.file.depth); break;
      default: text = UNKNOWN_TIME[name];
    }
    return { ...at, kind: text.startsWith('"') ? 'str' : 'num', text, noexpand: true };
  }

  // ---- directives ----
  private directive(l: LexLine): void {
    const toks = l.tokens;
    const name = toks[1];
    const args = toks.slice(2);
    const at = this.loc(toks[0]);
    const word = name?.kind === 'id' ? name.text : '';
    switch (word) {
      case 'if': return this.openIf('if', at, () => this.condition(args, at));
      case 'ifdef': case 'ifndef':
        return this.openIf(word, at, () => {
          if (args[0]?.kind !== 'id') {
            this.error(at, `no macro name given in #${word} directive`);
            return false;
          }
          return this.table.has(args[0].text) === (word === 'ifdef');
        });
      case 'elif': return this.elif(at, args);
      case 'else': return this.else(at);
      case 'endif':
        if (this.file.conds.pop() === undefined) this.error(at, '#endif without #if');
        return;
      default: break;
    }
    if (this.skipping()) return;
    switch (word) {
      case 'define': return this.define(args, at, this.file.presumed);
      case 'undef':
        if (args[0]?.kind !== 'id') return this.error(at, 'no macro name given in #undef directive');
        this.table.undefine(args[0].text);
        return;
      case 'include': case 'include_next': return this.include(args, at);
      case 'error': return this.error(at, `#error ${spell(args)}`);
      case 'warning': return this.sink.warning(at, `#warning ${spell(args)}`);
      case 'line': return this.line(args, at);
      case 'pragma':
        if (args[0]?.text === 'once') this.once.add(normalizePath(this.file.path));
        return;
      case 'ident': case 'sccs': case 'assert': case 'unassert':
        return;
      default:
        // Assembler mode: `# anything` that is not a directive (a comment, or `#` alone) is text.
        if (toks.length > 1) this.textLine(l);
    }
  }

  private openIf(kind: string, at: SourceLocation, test: () => boolean): void {
    const outerActive = !this.skipping();
    const v = outerActive && test();
    this.file.conds.push({ taken: v, active: v, sawElse: false, outerActive, at, kind });
  }

  private elif(at: SourceLocation, args: readonly Tok[]): void {
    const c = this.file.conds[this.file.conds.length - 1];
    if (c === undefined) return this.error(at, '#elif without #if');
    if (c.sawElse) return this.error(at, '#elif after #else');
    if (c.taken || !c.outerActive) {
      c.active = false;
      return;
    }
    c.active = this.condition(args, at);
    c.taken = c.active;
  }

  private else(at: SourceLocation): void {
    const c = this.file.conds[this.file.conds.length - 1];
    if (c === undefined) return this.error(at, '#else without #if');
    if (c.sawElse) return this.error(at, '#else after #else');
    c.sawElse = true;
    c.active = c.outerActive && !c.taken;
    c.taken = true;
  }

  /** Evaluates a #if/#elif line: `defined` and `__has_include` first, then macros, then C. */
  private condition(args: readonly Tok[], at: SourceLocation): boolean {
    const pre: PTok[] = [];
    for (let i = 0; i < args.length; i++) {
      const t = args[i];
      if (t.kind !== 'id' || (t.text !== 'defined' && t.text !== '__has_include')) {
        pre.push(t);
        continue;
      }
      const paren = args[i + 1]?.text === '(';
      let value: boolean;
      if (t.text === 'defined') {
        const n = args[paren ? i + 2 : i + 1];
        if (n?.kind !== 'id' || (paren && args[i + 3]?.text !== ')')) {
          this.error(at, 'operator "defined" requires an identifier');
          return false;
        }
        value = this.table.has(n.text);
        i += paren ? 3 : 1;
      } else {
        const end = paren ? args.findIndex((x, k) => k > i + 1 && x.text === ')') : -1;
        if (end < 0) {
          this.error(at, 'missing \'(\' or \')\' after "__has_include"');
          return false;
        }
        value = this.resolveInclude(args.slice(i + 2, end), at, true) !== undefined;
        i = end;
      }
      pre.push({ ...t, kind: 'num', text: value ? '1' : '0' });
    }
    try {
      return evaluateCondition(this.expander.expand(pre, false));
    } catch (e) {
      if (e instanceof CondExprError || e instanceof MacroError) {
        this.error(at, e.message);
        return false;
      }
      throw e;
    }
  }

  private define(toks: readonly Tok[], at: SourceLocation, file: string): void {
    const name = toks[0];
    if (name?.kind !== 'id') return this.error(at, 'macro names must be identifiers');
    if (name.text === 'defined') return this.error(at, '"defined" cannot be used as a macro name');
    let i = 1;
    let params: string[] | undefined;
    let variadic = false;
    if (toks[1]?.text === '(' && !toks[1].ws) {
      params = [];
      i = 2;
      for (;;) {
        const t = toks[i++];
        if (t?.text === ')' && params.length === 0) break;
        if (t?.text === '...') {
          params.push('__VA_ARGS__');
          variadic = true;
        } else if (t?.kind === 'id') {
          if (params.includes(t.text)) return this.error(at, `duplicate macro parameter "${t.text}"`);
          params.push(t.text);
          if (toks[i]?.text === '...') {
            variadic = true;
            i++;
          }
        } else return this.error(at, `expected parameter name, found "${t?.text ?? ''}"`);
        const sep = toks[i++];
        if (sep?.text === ')') break;
        if (sep?.text !== ',' || variadic) return this.error(at, `expected ',' or ')', found "${sep?.text ?? ''}"`);
      }
    }
    // Body tokens keep their presumed line (for "in definition of macro" notes).
    const delta = this.file?.delta ?? 0;
    const body = toks.slice(i).map((t, k) => ({ ...t, ws: k === 0 ? false : t.ws, line: t.line + delta }));
    if (body[0]?.text === '##' || (body.length > 0 && body[body.length - 1].text === '##')) {
      return this.error(at, "'##' cannot appear at either end of a macro expansion");
    }
    const m: Macro = { name: name.text, params, variadic, body, def: { file, line: at.line, col: name.col } };
    const old = this.table.get(m.name);
    if (old !== undefined && !sameDefinition(old, m)) {
      this.sink.warning(at, `"${m.name}" redefined`, old.def.line > 0 ? [{ at: old.def, message: 'this is the location of the previous definition' }] : []);
    }
    this.table.define(m);
  }

  private line(args: readonly Tok[], at: SourceLocation): void {
    const toks = this.expander.expand(args, false);
    const n = toks[0];
    if (n?.kind !== 'num' || !/^[0-9]+$/.test(n.text)) return this.error(at, `"${n?.text ?? ''}" after #line is not a positive integer`);
    const physicalNext = this.file.lines[this.file.index + 1]?.line ?? 0;
    this.file.delta = Number(n.text) - physicalNext;
    if (toks[1]?.kind === 'str') this.file.presumed = toks[1].text.slice(1, -1);
  }

  // ---- #include ----
  private include(args: readonly Tok[], at: SourceLocation): void {
    const found = this.resolveInclude(args, at, false);
    if (found === undefined) return;
    if (this.once.has(normalizePath(found.path))) return;
    if (this.file.depth + 1 >= MAX_INCLUDE_DEPTH) {
      this.error(at, `#include nested depth ${this.file.depth + 1} exceeds maximum of ${MAX_INCLUDE_DEPTH}`);
      throw new Fatal();
    }
    this.processFile(found.path, found.text, this.file.depth + 1);
  }

  /** The file an #include names (after macro expansion if it is not a literal name). */
  private resolveInclude(args: readonly Tok[], at: SourceLocation, probe: boolean): { path: string; text: string } | undefined {
    let toks: readonly Tok[] = args;
    if (toks[0]?.kind !== 'str' && toks[0]?.text !== '<') toks = this.expander.expand(args, false);
    let name: string;
    let quoted: boolean;
    if (toks[0]?.kind === 'str') {
      name = toks[0].text.slice(1, -1);
      quoted = true;
    } else if (toks[0]?.text === '<') {
      const end = toks.findIndex((t) => t.text === '>');
      if (end < 0) {
        this.error(at, "missing terminating > character");
        return undefined;
      }
      name = spell(toks.slice(1, end));
      quoted = false;
    } else {
      this.error(at, '#include expects "FILENAME" or <FILENAME>');
      return undefined;
    }
    if (name === '') {
      this.error(at, 'empty filename in #include');
      return undefined;
    }
    const dirs = [...(quoted ? [dirname(this.file.path)] : []), ...(this.options.includeDirs ?? [])];
    const read = this.options.readFile;
    for (const d of dirs) {
      const path = name.startsWith('/') ? name : joinPath(d, name);
      const text = read?.(path);
      if (text !== undefined) return { path, text };
      if (name.startsWith('/')) break;
    }
    if (probe) return undefined;
    this.error(at, `${name}: No such file or directory`);
    throw new Fatal(); // GCC stops at a missing include
  }
}

/** The predefined macros for `target` as `#define NAME VALUE` lines (what `gcc -E -dM` lists). */
export function predefinedMacros(target: Target = makeTarget()): string[] {
  const generic = GCC_GENERIC_DEFINES.split('\n').filter((l) => l.startsWith('#define '));
  return [...generic, ...targetMacros(target).map(([n, v]) => `#define ${n} ${v}`)];
}

/** Preprocesses `text` (the file `fileName`) as `gcc -E -x assembler-with-cpp` would. */
export function preprocess(fileName: string, text: string, options?: PreprocessOptions): PreprocessResult {
  return new Preprocessor(options).run(fileName, text);
}

/** The output as text with GCC-style `# LINE "FILE"` markers (what `gcc -E` prints). */
export function formatPreprocessed(lines: readonly PpLine[]): string {
  const out: string[] = [];
  let file = '';
  let next = 0;
  for (const l of lines) {
    if (l.file !== file || l.line < next || l.line > next + 8) {
      out.push(`# ${l.line} "${l.file}"`);
      file = l.file;
    } else while (next < l.line) {
      out.push('');
      next++;
    }
    out.push(l.text);
    next = l.line + 1;
  }
  return out.join('\n') + '\n';
}
